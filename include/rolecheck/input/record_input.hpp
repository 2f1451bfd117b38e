#pragma once
// Records of JSON Lines, JSON arrays and CSV turned into documents: which field or column holds the
// text, the id and the title, and the other fields passed through.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rolecheck/input/csv_reader.hpp"
#include "rolecheck/input/document_input.hpp"
#include "rolecheck/input/line_reader.hpp"

namespace rolecheck {

/// Where a record keeps its text, id and title: JSON keys (a dotted path such as job.description
/// reaches into nested objects; a key holding a dot is tried first) or CSV column names (a 1-based
/// number picks a column by position).
struct RecordFields {
  std::string text = "text";    ///< The duty or job description; a record without it is an error.
  std::string id = "id";        ///< The record's id (absent: FILE:LINE).
  std::string title = "title";  ///< The posting's title, put before the text as its first line (documents only).
  bool id_given = false;        ///< --id-field/--id-column given: a CSV header without it is an error.
  bool title_given = false;     ///< --title-field/--title-column given: a CSV header without it is an error.
  bool use_title = true;        ///< False in line mode: the title field is passed through like any other.
};

/// Turns one JSON record (a JSONL line or an element of a JSON array, as an InputLine: cleaned,
/// maybe too long) of the input `name` into `out`: the text, id and title `fields` name, other fields
/// passed through (reserved output names under "input"). Empty or too long records, nesting over
/// kMaxJsonlDepth, more than 100,000 values, non-objects and a missing text field become errors
/// (the last naming the record's keys). `max_bytes` only names the limit in the too-long message.
void read_json_record(std::string_view name, const InputLine& record, const RecordFields& fields, InputDocument& out,
                      std::size_t max_bytes = kMaxInputDocumentBytes);

/// What is wrong with `line`, the first non-blank line of a JSON Lines input, when it is the start
/// of pretty-printed JSON or a JSON array ("[" or "{" alone, "[{…"): the message suggests --input json
/// or jq -c. Empty when the line may be a JSON Lines record.
std::string jsonl_start_problem(std::string_view line, std::string_view name);

/// True when a JSON Lines line holds only blanks: it is skipped, not a record.
bool is_blank_line(std::string_view line) noexcept;

/// Screens the lines of one JSON Lines input before they are parsed, wherever they are read: blank lines
/// are skipped and counted, and a first non-blank line that jsonl_start_problem() refuses ends the input.
class JsonlScreen {
 public:
  /// Screens the input `name`.
  explicit JsonlScreen(std::string name) : m_name(std::move(name)) {}

  /// True when `line` is a record to parse, false when it is blank (counted). Throws Error (FILE:LINE:1)
  /// when it is the first non-blank line and shows pretty-printed JSON or a JSON array.
  bool accept(const InputLine& line);

  /// Blank lines skipped so far.
  [[nodiscard]] std::size_t blank_lines() const noexcept { return m_blank; }

 private:
  std::string m_name;
  std::size_t m_blank = 0;
  bool m_first = true;  // no non-blank line seen yet
};

/// The columns of a CSV input, from its header row, and how each row becomes a document.
class CsvColumns {
 public:
  /// Reads the header row `header` of the input `name`. Throws Error (FILE:LINE) when the text column
  /// (or a given id or title column) is not in it, naming the columns it has.
  CsvColumns(const CsvRecord& header, const RecordFields& fields, std::string_view name);

  /// Turns one data row into `out`: its text, id (FILE:LINE without an id column), title (before the
  /// text, with RecordFields::use_title), the other columns passed through as strings; a broken or
  /// too long row, or one without the text column, becomes an error.
  void read(const CsvRecord& row, InputDocument& out, std::size_t max_bytes = kMaxInputDocumentBytes) const;

 private:
  std::string m_name;
  std::vector<std::string> m_keys;  // JSON key per column ("" for the text column)
  std::size_t m_text = 0;
  std::size_t m_id = std::string::npos;
  std::size_t m_title = std::string::npos;
  bool m_use_title = true;
};

/// True when `key` is a field a document record writes itself: an input field of that name goes under "input".
bool is_reserved_record_key(std::string_view key) noexcept;

}  // namespace rolecheck
