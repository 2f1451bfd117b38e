#include "rolecheck/input/json_array_reader.hpp"

#include <utility>

#include "rolecheck/support/error.hpp"
#include "rolecheck/support/json_nesting.hpp"

namespace rolecheck {
namespace {

bool is_json_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

JsonArrayReader::JsonArrayReader(int fd, std::string name, std::size_t max_element_bytes)
    : m_bytes(fd, name), m_name(std::move(name)), m_max_bytes(max_element_bytes) {}

void JsonArrayReader::fail(const std::string& message) const {
  throw Error(std::vector<Diagnostic>{Diagnostic{m_name, m_line, m_column == 0 ? 1 : m_column, {}, message, {}}});
}

bool JsonArrayReader::get(char& c) {
  if (!m_bytes.get(c)) return false;
  if (c == '\n') {
    ++m_line;
    m_column = 0;
  } else {
    ++m_column;
  }
  return true;
}

bool JsonArrayReader::skip_space(char& c) {
  while (get(c)) {
    if (!is_json_space(c)) return true;
  }
  return false;
}

bool JsonArrayReader::next(InputLine& element) {
  element = InputLine{};
  if (!m_trailing_error.empty()) fail(std::exchange(m_trailing_error, {}));
  if (m_done) return false;
  char c = 0;
  if (!m_started) {
    m_started = true;
    if (const auto message = m_bytes.start(); !message.empty()) fail(message);
    if (!skip_space(c)) {
      m_done = true;
      return false;  // an empty input holds no records
    }
    if (c == '{') {
      fail(
          "the JSON is an object, not an array of objects: pick the array, e.g. jq -c '.jobs[]' FILE, and read "
          "that with --input jsonl");
    }
    if (c != '[') fail("expected a JSON array of objects ('[' first) with --input json");
    if (!skip_space(c)) fail("the JSON array is never closed (']' missing)");
    if (c == ']') {
      m_done = true;
      return false;
    }
  } else {
    if (!skip_space(c)) fail("the JSON array is never closed (']' missing)");
  }
  // `c` is the element's first byte. Cut up to the ',' or ']' that follows it at depth 0.
  m_text.clear();
  element.number = m_line;
  std::size_t raw = 0;
  JsonNesting nesting;
  for (;;) {
    if (!nesting.in_string() && nesting.depth() == 0 && (c == ',' || c == ']')) break;
    ++raw;
    if (m_text.size() < m_max_bytes + 1) m_text += c;
    nesting.feed(c);
    if (!get(c)) fail("the JSON array is never closed (']' missing)");
  }
  if (c == ']') {
    m_done = true;
    char after = 0;
    // The element before the ']' is still returned; the error comes with the next call.
    if (skip_space(after)) m_trailing_error = "text after the JSON array: --input json reads one array of objects";
  }
  while (!m_text.empty() && is_json_space(m_text.back())) m_text.pop_back();
  ++m_elements;
  element.raw_bytes = raw;
  if (m_text.size() > m_max_bytes) {
    element.too_long = true;
    return true;
  }
  set_line_text(element, m_text, m_clean);
  return true;
}

}  // namespace rolecheck
