#include "rolecheck/input/document_input.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <utility>
#include <vector>

#include "rolecheck/input/csv_reader.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/input/html_text.hpp"
#include "rolecheck/input/input_stream.hpp"
#include "rolecheck/input/json_array_reader.hpp"
#include "rolecheck/input/record_input.hpp"
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

// The readers of a record input (one of them, by layout) and what they have seen.
struct DocumentReader::Records {
  RecordFields fields;
  std::optional<LineReader> lines;
  std::optional<JsonlScreen> screen;  // with `lines`
  std::optional<JsonArrayReader> array;
  std::optional<CsvReader> csv;
  std::optional<CsvColumns> columns;
  std::size_t blank = 0;  // blank CSV rows
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
    auto& records = *m_records;
    if (records.lines) {
      InputLine line;
      do {
        if (!records.lines->next(line)) return false;
      } while (!records.screen->accept(line));
      read_json_record(m_name, line, records.fields, out, m_max_bytes);
      out.input_bytes = line.raw_bytes + 1;
      return true;
    }
    if (records.array) {
      InputLine element;
      if (!records.array->next(element)) return false;
      read_json_record(m_name, element, records.fields, out, m_max_bytes);
      out.input_bytes = element.raw_bytes + 1;
      return true;
    }
    CsvRecord row;
    for (;;) {
      if (!records.csv->next(row)) return false;
      if (row.blank) {
        ++records.blank;
        continue;
      }
      if (!records.columns) {
        records.columns.emplace(row, records.fields, m_name);
        continue;
      }
      break;
    }
    records.columns->read(row, out, m_max_bytes);
    out.input_bytes = row.raw_bytes;
    return true;
  }
  if (m_done) return false;
  m_done = true;
  // At most max_bytes + 1 bytes (plus one block): enough to tell the document is too large.
  InputStream stream(m_fd, m_name);
  std::string bytes;
  std::array<char, kLineReaderBlockBytes> block{};
  while (bytes.size() <= m_max_bytes) {
    const auto got = stream.read(block.data(), block.size());
    if (got == 0) break;
    bytes.append(block.data(), got);
  }
  const std::size_t input_bytes = bytes.size();
  read_whole_document(m_name, std::move(bytes), out, m_max_bytes);
  if (m_layout == DocumentInput::html && out.ok()) {
    try {
      out.text = html_to_text(out.text);
    } catch (const Error& error) {  // HTML too deeply nested to parse: an error record, the run goes on
      out.text.clear();
      out.error = error.what();
    }
  }
  out.input_bytes = input_bytes;
  return true;
}

}  // namespace rolecheck
