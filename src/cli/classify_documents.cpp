// `rolecheck classify --unit document`: one verdict per job description, read one at a time.

#include "classify_documents.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unistd.h>

#include "input_files.hpp"
#include "output.hpp"
#include "terminal.hpp"

#include "rolecheck/document_classifier.hpp"
#include "rolecheck/document_format.hpp"
#include "rolecheck/error.hpp"
#include "rolecheck/line_reader.hpp"
#include "rolecheck/utf8.hpp"

namespace rolecheck::cli {
namespace {

constexpr std::size_t kMaxJsonDepth = 64;

void warn(const std::string& message) { std::fputs(("rolecheck: " + message + "\n").c_str(), stderr); }

// Reads a whole input into `text`, at most kMaxCliDocumentBytes + 1 bytes; throws Error on a read error.
void read_document(const InputFile& input, std::string& text) {
  text.clear();
  std::array<char, 1 << 16> block{};
  while (text.size() <= kMaxCliDocumentBytes) {
    const auto got = ::read(input.fd(), block.data(), block.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error(fmt::format("{}: read error: {}", input.name(), std::strerror(errno)));
    }
    if (got == 0) break;
    text.append(block.data(), static_cast<std::size_t>(got));
  }
}

// Names the fields a document record writes itself: an input field with one of these names goes under "input".
bool is_reserved(std::string_view key) noexcept {
  for (const std::string_view name : {"id", "text", "file", "line", "label", "confidence", "shares", "votes",
                                      "differences", "duties", "error", "input"}) {
    if (key == name) return true;
  }
  return false;
}

std::string dump(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

class DocumentRun {
 public:
  DocumentRun(Context& context, const DocumentRunOptions& options)
      : m_options(options),
        m_classifier(context.taxonomy(), ClassifyOptions{options.min_confidence}),
        m_documents(m_classifier),
        m_scanner(m_classifier.make_scanner()),
        m_target(options.output_path, options.line_buffered),
        m_formatter(*parse_record_format(options.format), m_documents,
                    RecordStyle{options.explain, use_color(options.color, m_target.is_terminal())}) {}

  int run(const std::vector<std::string>& inputs) {
    m_formatter.begin(m_buffer);
    for (const auto& path : inputs) {
      std::string error;
      auto input = InputFile::open(path, error);
      if (!input) {
        warn(error);
        m_status = 2;
        continue;
      }
      try {
        if (m_options.input == "jsonl") {
          read_jsonl(*input);
        } else {
          read_whole(*input);
        }
      } catch (const Error& read_error) {
        warn(read_error.what());
        m_status = 2;
      }
    }
    m_formatter.end(m_buffer);
    m_target.out().write(m_buffer);
    m_target.commit();
    if (m_summary) print_run_summary(*m_summary, document_summary_legend(m_classifier), m_options.color);
    return m_status;
  }

 private:
  void read_whole(const InputFile& input) {
    read_document(input, m_text);
    DocumentOrigin origin;
    origin.id = input.name();
    origin.file = input.name();
    if (m_text.size() > kMaxCliDocumentBytes) {
      fail(origin, fmt::format("document larger than {} MiB: split it, or pass it as several JSONL records",
                               kMaxCliDocumentBytes >> 20));
      return;
    }
    std::string_view text = m_text;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
      fail(origin, "UTF-16 input: convert it first, e.g. iconv -f UTF-16 -t UTF-8");
      return;
    }
    if (!is_valid_utf8(text)) {
      replace_invalid_utf8(text, m_clean);
      text = m_clean;
      warn(fmt::format("{}: warning: invalid UTF-8 replaced by U+FFFD", input.name()));
    }
    classify(origin, text);
  }

  void read_jsonl(const InputFile& input) {
    LineReader reader(input.fd(), input.name(), kMaxCliDocumentBytes);
    InputLine line;
    while (reader.next(line)) {
      DocumentOrigin origin;
      origin.file = input.name();
      origin.line = line.number;
      const auto where = fmt::format("{}:{}", input.name(), line.number);
      origin.id = where;
      if (line.too_long) {
        fail(origin,
             fmt::format("line longer than {} MiB: documents are capped at that size", kMaxCliDocumentBytes >> 20));
        continue;
      }
      bool too_deep = false;
      const auto depth_guard = [&too_deep](int depth, nlohmann::ordered_json::parse_event_t, nlohmann::ordered_json&) {
        if (static_cast<std::size_t>(depth) > kMaxJsonDepth) too_deep = true;
        return !too_deep;
      };
      auto record = nlohmann::ordered_json::parse(line.text, depth_guard, false);
      if (too_deep) {
        fail(origin, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
        continue;
      }
      if (line.text.empty()) {
        fail(origin, "empty line: expected {\"id\": ..., \"text\": \"...\"} on each line");
        continue;
      }
      if (record.is_discarded() || !record.is_object()) {
        fail(origin, "not a JSON object: expected {\"id\": ..., \"text\": \"...\"} on each line");
        continue;
      }
      const auto text = record.find("text");
      if (text == record.end() || !text->is_string()) {
        fail(origin, "no \"text\" string in this record: each line needs {\"id\": ..., \"text\": \"...\"}");
        continue;
      }
      std::string id_json;
      std::string id_text;
      if (const auto id = record.find("id"); id != record.end()) {
        id_json = dump(*id);
        id_text = id->is_string() ? id->get<std::string>() : id_json;
        origin.id = id_text;
        origin.id_json = id_json;
      }
      std::string extra;
      nlohmann::ordered_json shadowed = nlohmann::ordered_json::object();
      for (const auto& [key, value] : record.items()) {
        if (key == "id" || key == "text") continue;
        if (is_reserved(key)) {
          shadowed[key] = value;
          continue;
        }
        if (!extra.empty()) extra += ',';
        extra += dump(nlohmann::ordered_json(key));
        extra += ':';
        extra += dump(value);
      }
      if (!shadowed.empty()) {
        if (!extra.empty()) extra += ',';
        extra += "\"input\":" + dump(shadowed);
      }
      origin.extra_json = extra;
      classify(origin, text->get_ref<const std::string&>());
    }
  }

  void classify(const DocumentOrigin& origin, std::string_view text) {
    m_documents.classify(text, m_scanner, m_result);
    if (m_summary) m_summary->add_document(static_cast<std::size_t>(m_result.label), m_result);
    m_formatter.record(m_buffer, origin, text, m_result);
    flush();
  }

  void fail(const DocumentOrigin& origin, const std::string& message) {
    warn(fmt::format("{}{}: {}", origin.file, origin.line != 0 ? fmt::format(":{}", origin.line) : "", message));
    m_formatter.error_record(m_buffer, origin, message);
    if (m_summary) m_summary->add(static_cast<std::size_t>(RoleLabel::unknown), {});
    m_status = 2;
    flush();
  }

  void flush() {
    if (m_buffer.size() >= (1u << 15) || m_target.is_terminal() || m_options.line_buffered) {
      m_target.out().write(m_buffer);
      m_target.out().end_record();
      m_buffer.clear();
    }
  }

  const DocumentRunOptions& m_options;
  Classifier m_classifier;
  DocumentClassifier m_documents;
  Scanner m_scanner;
  OutputTarget m_target;
  DocumentFormatter m_formatter;
  DocumentResult m_result;
  std::string m_text;
  std::string m_clean;
  std::string m_buffer;
  int m_status = 0;
  std::optional<RunSummary> m_summary =
      m_options.summary ? std::optional<RunSummary>(RunSummary(m_classifier.matcher().cues().size())) : std::nullopt;
};

}  // namespace

int run_classify_documents(Context& context, const DocumentRunOptions& options) {
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    warn("no input: give a FILE, '-' for stdin, or pipe a job description in (try 'rolecheck classify --help')");
    return 2;
  }
  DocumentRun run(context, options);
  return run.run(*inputs);
}

}  // namespace rolecheck::cli
