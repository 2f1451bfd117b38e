#include "io/labelled_input.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <vector>

#include "io/input_files.hpp"

#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/output/record_format.hpp"
#include "rolecheck/support/json_caps.hpp"
#include "rolecheck/support/one_line.hpp"

namespace rolecheck::cli {
namespace {

// The header's columns for a message: 'gold', 'text' (the first 12, each on one line and cut at 40 bytes).
std::string quoted_list(const std::vector<std::string_view>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size() && i < 12; ++i) {
    if (i > 0) out += ", ";
    out += '\'';
    append_one_line(out, fields[i].substr(0, 40));
    out += '\'';
  }
  if (fields.size() > 12) out += fmt::format(" and {} more", fields.size() - 12);
  return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

Diagnostic problem_at(std::string_view name, std::size_t number, std::string message) {
  return Diagnostic{fmt::format("{}:{}", name, number), 0, 0, {}, std::move(message), {}};
}

}  // namespace

bool LabelledLineParser::looks_labelled(std::string_view first_line, std::string_view text_column) {
  if (is_json_line(first_line)) return true;
  if (first_line.find('\t') == std::string_view::npos) return false;
  const auto fields = split_tabs(first_line);
  return std::find(fields.begin(), fields.end(), text_column) != fields.end();
}

LabelledLine LabelledLineParser::parse(std::string_view line, std::string_view name, std::size_t number,
                                       LabelledRow& row, Diagnostic& problem) {
  if (line.empty()) return LabelledLine::blank;
  if (is_json_line(line)) {
    // The caps of document input first, so one line's tree stays as small as the line.
    if (auto cap = json_cap_problem(line); !cap.empty()) {
      problem = problem_at(name, number, std::move(cap));
      return LabelledLine::problem;
    }
    const auto object = nlohmann::json::parse(line, nullptr, false);
    if (!object.is_object() || !object.contains(m_label_name) || !object[m_label_name].is_string() ||
        !object.contains(m_text_name) || !object[m_text_name].is_string()) {
      std::string label_key;
      append_json_string(label_key, m_label_name);
      std::string text_key;
      append_json_string(text_key, m_text_name);
      std::string message = fmt::format("expected a JSON object with string {} and {}", label_key, text_key);
      if (object.is_object()) {
        // Name the keys the row has, so a misspelt one ("txt", "lable") is seen at once.
        constexpr std::size_t kKeysShown = 10;
        std::string keys;
        std::size_t count = 0;
        for (const auto& member : object.items()) {
          if (count++ == kKeysShown) {
            keys += fmt::format(", … {} more", object.size() - kKeysShown);
            break;
          }
          if (!keys.empty()) keys += ", ";
          append_json_string(keys, member.key());
        }
        message += fmt::format(" (its keys: {})", keys.empty() ? "none" : keys);
      }
      problem = problem_at(name, number, std::move(message));
      return LabelledLine::problem;
    }
    m_gold = object[m_label_name].get<std::string>();
    m_text = object[m_text_name].get<std::string>();
    row = LabelledRow{m_gold, m_text, m_rows++};
    return LabelledLine::row;
  }
  const auto fields = split_tabs(line);
  if (!m_header_seen) {
    m_header_seen = true;
    bool found_label = false;
    bool found_text = false;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i] == m_label_name) {
        m_label_column = i;
        found_label = true;
      }
      if (fields[i] == m_text_name) {
        m_text_column = i;
        found_text = true;
      }
    }
    if (!found_label || !found_text) {
      problem = problem_at(name, number,
                           fmt::format("the header row must name a '{}' and a '{}' column (tab-separated), "
                                       "or each line must be a JSON object; the header names {}: pick the "
                                       "columns with --label-column NAME and --text-column NAME",
                                       m_label_name, m_text_name, quoted_list(fields)));
      return LabelledLine::bad_header;
    }
    return LabelledLine::header;
  }
  if (fields.size() <= std::max(m_label_column, m_text_column)) {
    problem = problem_at(name, number, "too few tab-separated fields");
    return LabelledLine::problem;
  }
  row = LabelledRow{fields[m_label_column], fields[m_text_column], m_rows++};
  return LabelledLine::row;
}

void add_labelled_options(CLI::App& app, LabelledOptions& options) {
  auto* part = app.add_option("--part", options.part, "Use only rows i with i mod N == K-1 (K/N)")->type_name("K/N");
  app.add_option("--except-part", options.except_part, "Use every row except part K/N (the rest of --part)")
      ->type_name("K/N")
      ->excludes(part);
  app.add_option("--label-column", options.label_column,
                 "Take the gold label (sales, marketing, other or ambiguous) from this TSV column or JSON key")
      ->type_name("NAME")
      ->capture_default_str();
  app.add_option("--text-column", options.text_column, "Take the duty text from this TSV column or JSON key")
      ->type_name("NAME")
      ->capture_default_str();
}

PartFilter part_filter(const LabelledOptions& options) {
  const bool exclude = options.part.empty();
  const std::string& spec = exclude ? options.except_part : options.part;
  PartFilter filter;
  if (spec.empty()) return filter;
  unsigned k = 0;
  unsigned n = 0;
  char extra = 0;
  if (std::sscanf(spec.c_str(), "%u/%u%c", &k, &n, &extra) != 2 || n == 0 || k < 1 || k > n) {
    throw Error(fmt::format("--part/--except-part: expected K/N with 1 <= K <= N, got \"{}\"", spec));
  }
  filter.index = k - 1;
  filter.parts = n;
  filter.exclude = exclude;
  return filter;
}

std::optional<Gold> parse_gold_at(const std::string& where, std::string_view gold, std::string_view label_column,
                                  InputLog& log) {
  auto parsed = parse_gold(gold);
  if (!parsed) {
    log.error(Diagnostic{where,
                         0,
                         0,
                         {},
                         fmt::format("{} must be sales, marketing, other or ambiguous, got \"{}\"", label_column, gold),
                         {}});
  }
  return parsed;
}

LabelledFileReader::LabelledFileReader(const InputFile& input, InputLog& log)
    : m_reader(input.fd(), input.name()), m_name(input.name()), m_log(log) {
  m_log.inputs().opened();
}

bool LabelledFileReader::next(InputLine& line) {
  try {
    while (m_reader.next(line)) {
      m_log.inputs().item();
      if (!line.too_long) {
        m_notices.note(line, LabelledLineParser::is_json_line(line.text));
        return true;
      }
      m_log.error(
          problem_at(m_name, line.number,
                     fmt::format("line longer than {} bytes: split it, or leave it out", kDefaultMaxLineBytes)));
    }
  } catch (const Error& read_error) {
    m_log.error(read_error);
    m_log.inputs().read_error();
  }
  return false;
}

void LabelledFileReader::finish(bool refused) {
  // After a read error (told by next()) this changes nothing: the first ending wins.
  if (refused) {
    m_log.inputs().refused();
  } else {
    m_log.inputs().read_wholly();
  }
  std::vector<std::string> warnings;
  m_notices.collect(m_name, kDefaultMaxLineBytes, warnings);
  for (auto& warning : warnings) m_log.warn(std::move(warning));
}

void read_labelled_files(const std::vector<std::string>& files, const LabelledOptions& columns,
                         const PartFilter& filter, const LabelledRowHandler& on_row, InputLog& log) {
  for (const auto& path : files) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      log.error(error);
      continue;
    }
    LabelledFileReader reader(*input, log);
    LabelledLineParser parser(columns.label_column, columns.text_column);
    InputLine line;
    LabelledRow row;
    Diagnostic problem;
    bool skip_file = false;
    while (!skip_file && reader.next(line)) {
      switch (parser.parse(line.text, input->name(), line.number, row, problem)) {
        case LabelledLine::row:
          if (filter.keeps(row.index)) on_row(fmt::format("{}:{}", input->name(), line.number), row);
          break;
        case LabelledLine::bad_header: skip_file = true; [[fallthrough]];
        case LabelledLine::problem: log.error(problem); break;
        case LabelledLine::blank:
        case LabelledLine::header: break;
      }
    }
    reader.finish(skip_file);
  }
}

}  // namespace rolecheck::cli
