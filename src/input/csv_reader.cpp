#include "rolecheck/input/csv_reader.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <utility>

#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck {

CsvReader::CsvReader(int fd, std::string name, std::size_t max_record_bytes)
    : m_bytes(fd, name), m_name(std::move(name)), m_max_bytes(max_record_bytes) {}

void CsvReader::append(char c) {
  if (m_too_long) return;
  if (m_data.size() >= m_max_bytes) {
    m_too_long = true;
    return;
  }
  m_data += c;
}

void CsvReader::end_field() {
  if (m_spans.size() > kMaxCsvFields) return;  // already one too many: the record is an error (finish)
  m_spans.emplace_back(m_field_begin, m_data.size() - m_field_begin);
  m_field_begin = m_data.size();
}

void CsvReader::finish(CsvRecord& out) {
  out.raw_bytes = m_record_bytes;
  if (m_spans.size() > kMaxCsvFields && out.error.empty()) {
    out.error = fmt::format("more than {} fields in one record (a separator out of place?)", kMaxCsvFields);
    m_spans.assign(1, {0, 0});
    m_data.clear();
  }
  out.too_long = m_too_long;
  out.blank = !m_too_long && m_spans.size() == 1 && m_spans[0].second == 0 && out.error.empty();
  std::string_view data = m_data;
  if (m_too_long) {
    m_spans.assign(1, {0, 0});
    data = {};
  } else if (std::any_of(m_spans.begin(), m_spans.end(),
                         [&](const auto& span) { return !is_valid_utf8(data.substr(span.first, span.second)); })) {
    // Checked and cleaned field by field: the fields are stored without their separators, so a field ending in a
    // lead byte and the next starting with a continuation byte ("\xC7,\x80") would read as valid when joined; and
    // a bad byte never changes where fields begin and end.
    out.invalid_utf8 = true;
    m_clean.clear();
    std::string field;
    for (auto& span : m_spans) {
      replace_invalid_utf8(data.substr(span.first, span.second), field);
      span = {m_clean.size(), field.size()};
      m_clean += field;
    }
    data = m_clean;
  }
  out.has_nul = !data.empty() && std::memchr(data.data(), '\0', data.size()) != nullptr;
  for (const auto& span : m_spans) out.fields.push_back(data.substr(span.first, span.second));
}

bool CsvReader::next(CsvRecord& out) {
  out = CsvRecord{};
  if (!m_started) {
    m_started = true;
    // UTF-16/32 and binary inputs have no records to read.
    if (auto message = m_bytes.start(); !message.empty()) {
      throw Error(std::vector<Diagnostic>{Diagnostic{m_name, 1, 1, {}, std::move(message), {}}});
    }
  }
  if (m_bytes.at_end()) return false;
  m_data.clear();
  m_spans.clear();
  m_field_begin = 0;
  m_record_bytes = 0;
  m_too_long = false;
  m_state = State::field_start;
  m_pending_cr = false;
  out.line = m_line;
  for (;;) {
    char c = 0;
    if (!m_bytes.get(c)) {
      // End of input: the last record needs no line break; an open quote is an error.
      if (m_pending_cr) append('\r');
      if (m_state == State::quoted) {
        out.error =
            fmt::format("a quoted field opened on line {} is never closed (an unescaped '\"' inside it?)", out.line);
      }
      end_field();
      finish(out);
      return true;
    }
    ++m_record_bytes;
    if (m_pending_cr) {
      m_pending_cr = false;
      if (c != '\n') append('\r');  // a lone CR is data
    }
    if (c == '\n') ++m_line;
    switch (m_state) {
      case State::field_start:
      case State::unquoted:
      case State::quote_in_quoted:
        if (c == '"' && m_state == State::field_start) {
          m_state = State::quoted;
        } else if (c == '"' && m_state == State::quote_in_quoted) {
          append('"');  // a doubled quote inside quotes
          m_state = State::quoted;
        } else if (c == ',') {
          end_field();
          m_state = State::field_start;
        } else if (c == '\n') {
          end_field();
          finish(out);
          return true;
        } else if (c == '\r') {
          m_pending_cr = true;
        } else {
          append(c);
          m_state = State::unquoted;
        }
        break;
      case State::quoted:
        if (c == '"') {
          m_state = State::quote_in_quoted;
        } else if (c == '\r') {
          m_pending_cr = true;
        } else {
          append(c);
        }
        break;
    }
  }
}

}  // namespace rolecheck
