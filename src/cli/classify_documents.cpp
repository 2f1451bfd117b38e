// `rolecheck classify --unit document`: one verdict per job description, read one at a time
// (reading and checking inputs is the core's document_input; this file loops and writes).

#include "classify_documents.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <optional>
#include <string>

#include "input_files.hpp"
#include "output.hpp"
#include "terminal.hpp"

#include "rolecheck/document_classifier.hpp"
#include "rolecheck/document_format.hpp"
#include "rolecheck/document_input.hpp"
#include "rolecheck/error.hpp"

namespace rolecheck::cli {
namespace {

void warn(const std::string& message) { std::fputs(("rolecheck: " + message + "\n").c_str(), stderr); }

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
        read(*input);
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
  // Classifies every document of one input; warns once per input about repaired bytes.
  void read(const InputFile& input) {
    const auto layout = m_options.input == "jsonl" ? DocumentInput::jsonl : DocumentInput::whole;
    DocumentReader reader(input.fd(), input.name(), layout);
    bool warned_utf8 = false;
    bool warned_nul = false;
    while (reader.next(m_document)) {
      if (m_document.invalid_utf8_line != 0 && !warned_utf8) {
        warned_utf8 = true;
        warn(fmt::format("{}:{}: warning: invalid UTF-8 replaced by U+FFFD (first such line)", input.name(),
                         m_document.invalid_utf8_line));
      }
      if (m_document.nul_line != 0 && !warned_nul) {
        warned_nul = true;
        warn(fmt::format("{}:{}: warning: NUL bytes read as spaces (first such line)", input.name(),
                         m_document.nul_line));
      }
      if (m_document.ok()) {
        classify(m_document.origin(), m_document.text);
      } else {
        fail(m_document.origin(), m_document.error);
      }
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
  InputDocument m_document;
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
