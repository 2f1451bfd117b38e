#pragma once
// The record formats and the framing of a stream of records, shared by the line and the document formatters.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rolecheck {

/// The output formats of `rolecheck classify`.
enum class RecordFormat : std::uint8_t { text, jsonl, json, tsv, csv };

/// Parses "text", "jsonl", "json", "tsv" or "csv".
std::optional<RecordFormat> parse_record_format(std::string_view name) noexcept;

/// What surrounds the records of one stream: the TSV/CSV header or JSON "[" before the first record, JSON "," (or a
/// separator of text records) between records, JSON "]" after the last. The prologue is written with the first
/// record, so a stream with no records writes nothing, except JSON's empty array from end(). Records formatted apart
/// in blocks (on other threads) use a block() stream and get their framing from before_block() when written.
class RecordStream {
 public:
  /// A stream of `format` records; `header` precedes the first TSV or CSV record (the column names),
  /// `text_separator` (a literal: it is kept as a view) separates two text records.
  RecordStream(RecordFormat format, std::string header, std::string_view text_separator = {});

  /// Appends what precedes the next record (the prologue before the first, else the separator) and counts it.
  void open_record(std::string& out) {
    if (m_first) {
      out += m_prologue;
      m_first = false;
    } else {
      out += m_separator;
    }
    out += m_record_start;
  }
  /// Appends what follows the last record (JSON "]"); with no record, "[]" for JSON and nothing otherwise.
  void end(std::string& out) const;

  /// A stream for one block of records formatted apart: no prologue, and no separator before its first record.
  [[nodiscard]] RecordStream block() const;
  /// What must precede a block() stream's records when they are written here (the prologue before the first
  /// records, else the separator); counts the block.
  std::string_view before_block(bool block_has_records) noexcept;

 private:
  RecordFormat m_format;
  std::string m_prologue;           // the header or "[", written before the first record
  std::string_view m_separator;     // between two records: JSON "," or the text separator
  std::string_view m_record_start;  // before every record: "\n" in JSON
  bool m_first = true;
};

}  // namespace rolecheck
