#include "rolecheck/output/record_stream.hpp"

#include <utility>

namespace rolecheck {

std::optional<RecordFormat> parse_record_format(std::string_view name) noexcept {
  if (name == "text") return RecordFormat::text;
  if (name == "jsonl") return RecordFormat::jsonl;
  if (name == "json") return RecordFormat::json;
  if (name == "tsv") return RecordFormat::tsv;
  if (name == "csv") return RecordFormat::csv;
  return std::nullopt;
}

RecordStream::RecordStream(RecordFormat format, std::string header, std::string_view text_separator)
    : m_format(format) {
  switch (format) {
    case RecordFormat::tsv:
    case RecordFormat::csv: m_prologue = std::move(header); break;
    case RecordFormat::json:
      // "[", then each record on its own line: "\n{...}", ",\n{...}", and "\n]" at the end.
      m_prologue = "[";
      m_separator = ",";
      m_record_start = "\n";
      break;
    case RecordFormat::text: m_separator = text_separator; break;
    case RecordFormat::jsonl: break;
  }
}

void RecordStream::end(std::string& out) const {
  if (m_format != RecordFormat::json) return;
  // No record: still one valid (empty) array, what json.load expects.
  out += m_first ? "[]\n" : "\n]\n";
}

RecordStream RecordStream::block() const {
  RecordStream copy(*this);
  copy.m_prologue.clear();
  copy.m_first = true;
  return copy;
}

std::string_view RecordStream::before_block(bool block_has_records) noexcept {
  if (!block_has_records) return {};
  if (m_first) {
    m_first = false;
    return m_prologue;
  }
  // A block's first record carries no separator (its stream starts afresh): it goes here.
  return m_separator;
}

}  // namespace rolecheck
