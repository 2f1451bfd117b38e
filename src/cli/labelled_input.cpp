#include "labelled_input.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <vector>

#include "rolecheck/record_format.hpp"

namespace rolecheck::cli {
namespace {

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

bool LabelledLineParser::looks_labelled(std::string_view first_line) {
  if (!first_line.empty() && first_line.front() == '{') return true;
  if (first_line.find('\t') == std::string_view::npos) return false;
  const auto fields = split_tabs(first_line);
  return std::find(fields.begin(), fields.end(), "text") != fields.end();
}

LabelledLine LabelledLineParser::parse(std::string_view line, std::string_view name, std::size_t number,
                                       LabelledRow& row, Diagnostic& problem) {
  if (line.empty()) return LabelledLine::blank;
  if (line.front() == '{') {
    const auto object = nlohmann::json::parse(line, nullptr, false);
    if (!object.is_object() || !object.contains(m_label_name) || !object[m_label_name].is_string() ||
        !object.contains("text") || !object["text"].is_string()) {
      std::string label_key;
      append_json_string(label_key, m_label_name);
      problem = problem_at(name, number, fmt::format("expected a JSON object with string {} and \"text\"", label_key));
      return LabelledLine::problem;
    }
    m_gold = object[m_label_name].get<std::string>();
    m_text = object["text"].get<std::string>();
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
      if (fields[i] == "text") {
        m_text_column = i;
        found_text = true;
      }
    }
    if (!found_label || !found_text) {
      problem = problem_at(name, number,
                           fmt::format("the header row must name a '{}' and a 'text' column (tab-separated), "
                                       "or each line must be a JSON object",
                                       m_label_name));
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

}  // namespace rolecheck::cli
