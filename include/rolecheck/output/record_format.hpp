#pragma once
// Output records: one per duty, as text, JSON Lines, JSON, TSV or CSV, appended to a string.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/output/record_stream.hpp"
#include "rolecheck/support/escaping.hpp"
#include "rolecheck/support/json_writer.hpp"

namespace rolecheck {

/// Where a record's duty came from.
struct RecordOrigin {
  RecordOrigin() = default;
  /// A duty read from line `line` of `file`.
  RecordOrigin(std::string_view file_name, std::size_t line_number) noexcept : file(file_name), line(line_number) {}

  std::string_view file;        ///< File name, "-" for stdin.
  std::size_t line = 0;         ///< 1-based line number.
  std::string_view id;          ///< A record's id (JSONL, JSON, CSV in line mode; RecordStyle::record_ids).
  std::string_view id_json;     ///< The id as raw JSON (empty: write `id` as a string).
  std::string_view extra_json;  ///< The record's other fields as JSON members, copied into JSON records.
  std::string_view error;       ///< Why the record could not be read (an "error" member of JSON records); empty: none.
};

/// Presentation choices that do not change the data.
struct RecordStyle {
  bool explain = false;  ///< Text format: list the reasons under each duty.
  bool color = false;    ///< Text format: ANSI colours for labels and matched words.
  /// Duties are records with ids: JSON records start with "id", text records show it (TSV/CSV always end in an
  /// `id` column, filled from RecordOrigin::id).
  bool record_ids = false;
};

/// Formats classification records into one RecordStream (which frames them); a new formatter starts a new stream.
class RecordFormatter {
 public:
  /// A formatter for one output stream.
  RecordFormatter(RecordFormat format, const Classifier& classifier, RecordStyle style = {});

  /// Appends one record.
  void record(std::string& out, const RecordOrigin& origin, std::string_view text, const Classification& result);
  /// The stream's framing: end() after the last record, before_block() for blocks from block_formatter().
  RecordStream& stream() noexcept { return m_stream; }

  /// A copy that formats a block of records as if they came first (for formatting blocks in parallel).
  [[nodiscard]] RecordFormatter block_formatter() const;

 private:
  void text_record(std::string& out, std::string_view text, const Classification& result);
  void json_record(std::string& out, const RecordOrigin& origin, std::string_view text,
                   const Classification& result) const;
  void delimited_record(std::string& out, const RecordOrigin& origin, std::string_view text,
                        const Classification& result);

  RecordFormat m_format;
  const Classifier* m_classifier;
  RecordStyle m_style;
  RecordStream m_stream;
  std::string m_scratch;          // the reasons summary of the current record, reused
  std::vector<Reason> m_matches;  // every match of the current record, for highlighting
};

/// Writes the member "id": the id's raw JSON when the input kept it (`id_json`), else `id` as a string.
void write_json_id(JsonWriter& json, std::string_view id, std::string_view id_json);

/// Writes the member "reasons", an array of {difference, side, cue, match, span, weight, negated, role} whose spans
/// point into `text`; then "reasons_omitted" when some were scored but not listed (kMaxListedReasons).
void write_json_reasons(JsonWriter& json, const Classification& result, std::string_view text,
                        const Classifier& classifier);

/// Writes the member "other_work", an array of {cue, match, span, weight, negated} whose spans point into `text`;
/// then "other_work_omitted" when some were scored but not listed (kMaxListedReasons).
void write_json_other_work(JsonWriter& json, const Classification& result, std::string_view text,
                           const Classifier& classifier);

/// Writes the members "scores" {sales, marketing, other} and "core" {sales, marketing}.
void write_json_scores(JsonWriter& json, const Classification& result);

/// Appends one line per match for --explain (sales/marketing reasons, then other-work matches): `indent`,
/// difference (other_work), side (other), role, cue id, the matched words in quotes, "negated", +weight; then
/// "(N more matches scored, not listed)" when some were omitted.
/// Spans refer to a text whose slice from `offset` is `text`.
void append_explained_reasons(std::string& out, const Classification& result, std::string_view text, std::size_t offset,
                              const Classifier& classifier, std::string_view indent);

/// Every match of `result` (sales/marketing reasons and other-work matches) into `out`, in text order.
void collect_matches(const Classification& result, std::vector<Reason>& out);

/// A short summary of the reasons ("sales.cold_call+2 !sales.sell other:other.stock+1"), as in the TSV
/// and CSV formats: sales and marketing reasons, then other-work matches prefixed "other:", then "+N more" when
/// some matches were scored but not listed.
std::string reasons_summary(const Classification& result, const Matcher& matcher);

/// Appends reasons_summary() to `out` without building a string.
void append_reasons_summary(std::string& out, const Classification& result, const Matcher& matcher);

/// The text formats' review marker: '?' for a record flagged for review, ' ' otherwise.
char review_marker(bool review) noexcept;

}  // namespace rolecheck
