#pragma once
// Reading labelled duties as `eval` and `stats` take them: TSV with a header row naming a `label` and a
// `text` column (others ignored), or JSON Lines with string "label" and "text" members.

#include <string>
#include <string_view>

#include "rolecheck/error.hpp"

namespace rolecheck::cli {

/// One labelled row; the views stay valid until the next call to LabelledLineParser::parse.
struct LabelledRow {
  std::string_view gold;  ///< The label as written.
  std::string_view text;  ///< The duty.
  std::size_t index = 0;  ///< 0-based index of this row among the file's data rows.
};

/// What one line of a labelled file turned out to be.
enum class LabelledLine { blank, header, row, problem, bad_header };

/// Parses the lines of one labelled file in order; one parser per file.
class LabelledLineParser {
 public:
  /// Parses `line` (line number `number` of file `name`); fills `row` for LabelledLine::row and
  /// `problem` for LabelledLine::problem and LabelledLine::bad_header (after which the file should be skipped).
  LabelledLine parse(std::string_view line, std::string_view name, std::size_t number, LabelledRow& row,
                     Diagnostic& problem);

  /// True when `first_line` (the first non-blank line of a file) starts labelled data: a JSON object, or a
  /// tab-separated header naming both a `label` and a `text` column.
  static bool looks_labelled(std::string_view first_line);

 private:
  bool m_header_seen = false;
  std::size_t m_label_column = 0;
  std::size_t m_text_column = 0;
  std::size_t m_rows = 0;
  std::string m_gold;
  std::string m_text;
};

}  // namespace rolecheck::cli
