#include "rolecheck/input/document_input.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <utility>
#include <vector>

#include "rolecheck/input/csv_reader.hpp"
#include "rolecheck/input/html_text.hpp"
#include "rolecheck/input/input_stream.hpp"
#include "rolecheck/input/json_array_reader.hpp"
#include "rolecheck/input/record_input.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck {
namespace {

// 1-based line of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 +
         static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

DocumentOrigin InputDocument::origin() const noexcept {
  DocumentOrigin origin;
  origin.id = id;
  origin.id_json = id_json;
  origin.file = file;
  origin.line = line;
  origin.extra_json = extra_json;
  return origin;
}

void InputDocument::clear() noexcept {
  id.clear();
  id_json.clear();
  file.clear();
  line = 0;
  extra_json.clear();
  text.clear();
  error.clear();
  invalid_utf8_line = 0;
  nul_line = 0;
  input_bytes = 0;
}

void read_whole_document(std::string_view name, std::string bytes, InputDocument& out, std::size_t max_bytes) {
  out.clear();
  out.id = name;
  out.file = name;
  if (bytes.size() > max_bytes) {
    out.error =
        fmt::format("document larger than {}: split it, or pass it as several JSONL records", size_text(max_bytes));
    return;
  }
  if (auto message = non_text_message(bytes, name); !message.empty()) {
    out.error = std::move(message);
    return;
  }
  if (std::string_view(bytes).substr(0, 3) == "\xEF\xBB\xBF") bytes.erase(0, 3);
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) out.nul_line = line_of(bytes, nul);
  if (const auto bad = first_invalid_utf8(bytes); bad != std::string_view::npos) {
    out.invalid_utf8_line = line_of(bytes, bad);
    replace_invalid_utf8(bytes, out.text);
    return;
  }
  out.text = std::move(bytes);
}

void read_jsonl_document(std::string_view name, const InputLine& line, InputDocument& out, std::size_t max_bytes) {
  read_json_record(name, line, RecordFields{}, out, max_bytes);
}

std::optional<DocumentInput> parse_document_input(std::string_view name) noexcept {
  if (name == "text") return DocumentInput::whole;
  if (name == "jsonl") return DocumentInput::jsonl;
  if (name == "json") return DocumentInput::json;
  if (name == "csv") return DocumentInput::csv;
  if (name == "html") return DocumentInput::html;
  return std::nullopt;
}

bool is_record_input(DocumentInput layout) noexcept {
  return layout == DocumentInput::jsonl || layout == DocumentInput::json || layout == DocumentInput::csv;
}

namespace {

// One whole input of at most max_bytes + 1 bytes (plus one block: enough to tell it is too large) as one
// document in `out`; HTML converted to text.
void read_whole_input(int fd, const std::string& name, DocumentInput layout, std::size_t max_bytes,
                      InputDocument& out) {
  InputStream stream(fd, name);
  std::string bytes;
  std::array<char, kLineReaderBlockBytes> block{};
  while (bytes.size() <= max_bytes) {
    const auto got = stream.read(block.data(), block.size());
    if (got == 0) break;
    bytes.append(block.data(), got);
  }
  const std::size_t input_bytes = bytes.size();
  read_whole_document(name, std::move(bytes), out, max_bytes);
  if (layout == DocumentInput::html && out.ok()) {
    try {
      out.text = html_to_text(out.text);
    } catch (const Error& error) {  // HTML too deeply nested to parse: an error record, the run goes on
      out.text.clear();
      out.error = error.what();
    }
  }
  out.input_bytes = input_bytes;
}

}  // namespace

// The readers of a record input (one of them, by layout) and what they have seen.
struct DocumentReader::Records {
  RecordFields fields;
  std::optional<LineReader> lines;
  std::optional<JsonlScreen> screen;  // with `lines`
  std::optional<JsonArrayReader> array;
  std::optional<CsvReader> csv;
  std::optional<CsvColumns> columns;
  std::size_t blank = 0;  // blank CSV rows

  // The next JSONL line that is not blank, as a document; false at the end of input.
  bool next_line(const std::string& name, InputDocument& out, std::size_t max_bytes) {
    InputLine line;
    do {
      if (!lines->next(line)) return false;
    } while (!screen->accept(line));
    read_json_record(name, line, fields, out, max_bytes);
    out.input_bytes = line.raw_bytes + 1;
    return true;
  }

  // The next element of the JSON array, as a document; false after the array.
  bool next_element(const std::string& name, InputDocument& out, std::size_t max_bytes) {
    InputLine element;
    if (!array->next(element)) return false;
    read_json_record(name, element, fields, out, max_bytes);
    out.input_bytes = element.raw_bytes + 1;
    return true;
  }

  // The next CSV row that is neither blank nor the header, as a document; false at the end of input.
  bool next_row(const std::string& name, InputDocument& out, std::size_t max_bytes) {
    CsvRecord row;
    for (;;) {
      if (!csv->next(row)) return false;
      if (row.blank) {
        ++blank;
        continue;
      }
      if (!columns) {
        columns.emplace(row, fields, name);
        continue;
      }
      break;
    }
    columns->read(row, out, max_bytes);
    out.input_bytes = row.raw_bytes;
    return true;
  }
};

DocumentReader::DocumentReader(int fd, std::string name, DocumentInput layout, std::size_t max_bytes)
    : DocumentReader(fd, std::move(name), layout, RecordFields{}, max_bytes) {}

DocumentReader::DocumentReader(int fd, std::string name, DocumentInput layout, const RecordFields& fields,
                               std::size_t max_bytes)
    : m_fd(fd), m_name(std::move(name)), m_layout(layout), m_max_bytes(max_bytes) {
  if (!is_record_input(m_layout)) return;
  m_records = std::make_unique<Records>();
  m_records->fields = fields;
  if (m_layout == DocumentInput::jsonl) {
    m_records->lines.emplace(m_fd, m_name, m_max_bytes);
    m_records->screen.emplace(m_name);
  }
  if (m_layout == DocumentInput::json) m_records->array.emplace(m_fd, m_name, m_max_bytes);
  if (m_layout == DocumentInput::csv) m_records->csv.emplace(m_fd, m_name, m_max_bytes);
}

DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader& DocumentReader::operator=(DocumentReader&&) noexcept = default;
DocumentReader::~DocumentReader() = default;

std::size_t DocumentReader::blank_lines() const noexcept {
  if (!m_records) return 0;
  return m_records->screen ? m_records->screen->blank_lines() : m_records->blank;
}

bool DocumentReader::next(InputDocument& out) {
  out.clear();  // a read error below leaves no stale document behind
  if (m_records) {
    if (m_records->lines) return m_records->next_line(m_name, out, m_max_bytes);
    if (m_records->array) return m_records->next_element(m_name, out, m_max_bytes);
    return m_records->next_row(m_name, out, m_max_bytes);
  }
  if (m_done) return false;
  m_done = true;
  read_whole_input(m_fd, m_name, m_layout, m_max_bytes, out);
  return true;
}

}  // namespace rolecheck
