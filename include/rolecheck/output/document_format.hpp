#pragma once
// Output records for whole documents: a text report, JSON Lines, JSON, TSV or CSV, appended to a string.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/input/document_origin.hpp"
#include "rolecheck/output/record_format.hpp"
#include "rolecheck/support/json_writer.hpp"

namespace rolecheck {

/// Formats document verdicts; holds no per-record state except "first record" for JSON arrays.
class DocumentFormatter {
 public:
  /// A formatter for one output stream; `format` is one of the line-mode record formats.
  DocumentFormatter(RecordFormat format, const DocumentClassifier& classifier, RecordStyle style = {});

  /// Starts a stream; the TSV/CSV header or JSON "[" is written with the first record, so no input gives no output.
  void begin(std::string& out);
  /// Appends the record of one classified document.
  void record(std::string& out, const DocumentOrigin& origin, std::string_view document, const DocumentResult& result);
  /// Appends a record for an input that could not be classified (label unknown, with `message`).
  void error_record(std::string& out, const DocumentOrigin& origin, std::string_view message);
  /// Appends what follows the last record (JSON "]"); with no record, "[]" for JSON and nothing otherwise.
  void end(std::string& out);

  /// A formatter for one block of records formatted apart (e.g. on another thread): it writes no
  /// header and no separator before its first record; before_block() supplies them when the block is written.
  [[nodiscard]] DocumentFormatter block_formatter() const;
  /// What must precede a block from block_formatter() in this stream: the header or "[" before the
  /// first records, else the separator (JSON ",", a blank line in text); counts the block.
  std::string_view before_block(bool block_has_records) noexcept;

 private:
  void text_record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                   const DocumentResult& result) const;
  void json_record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                   const DocumentResult& result) const;
  void delimited_record(std::string& out, const DocumentOrigin& origin, const DocumentResult* result,
                        std::string_view error) const;
  void json_origin(JsonWriter& json, const DocumentOrigin& origin) const;
  void separate(std::string& out);

  RecordFormat m_format;
  const DocumentClassifier* m_classifier;
  std::string m_prologue;  // header or "[", written before the first record
  RecordStyle m_style;
  bool m_first = true;
};

}  // namespace rolecheck
