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

/// Formats document verdicts into one RecordStream (which frames them, text reports a blank line apart); a new
/// formatter starts a new stream.
class DocumentFormatter {
 public:
  /// A formatter for one output stream; `format` is one of the line-mode record formats.
  DocumentFormatter(RecordFormat format, const DocumentClassifier& classifier, RecordStyle style = {});

  /// Appends the record of one classified document.
  void record(std::string& out, const DocumentOrigin& origin, std::string_view document, const DocumentResult& result);
  /// Appends a record for an input that could not be classified (label unknown, with `message`).
  void error_record(std::string& out, const DocumentOrigin& origin, std::string_view message);
  /// The stream's framing: end() after the last record, before_block() for blocks from block_formatter().
  RecordStream& stream() noexcept { return m_stream; }

  /// A formatter for one block of records formatted apart (e.g. on another thread): it writes no
  /// header and no separator before its first record; stream().before_block() supplies them when the block is written.
  [[nodiscard]] DocumentFormatter block_formatter() const;

 private:
  void text_record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                   const DocumentResult& result) const;
  void json_record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                   const DocumentResult& result) const;
  void delimited_record(std::string& out, const DocumentOrigin& origin, const DocumentResult* result,
                        std::string_view error) const;
  void json_origin(JsonWriter& json, const DocumentOrigin& origin) const;

  RecordFormat m_format;
  const DocumentClassifier* m_classifier;
  RecordStyle m_style;
  RecordStream m_stream;
};

}  // namespace rolecheck
