#pragma once
// Reading labelled duties as `eval` and `stats` take them: TSV with a header row naming a label column
// (`label` unless --label-column names another) and a `text` column (others ignored), or JSON Lines with
// string members of those names.

#include <string>
#include <string_view>
#include <utility>

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

/// The label column (TSV header name, JSON Lines key) used unless --label-column names another.
inline constexpr std::string_view kDefaultLabelColumn = "label";

/// Parses the lines of one labelled file in order; one parser per file.
class LabelledLineParser {
 public:
  /// A parser that takes the gold label from the column (or JSON key) named `label_column`.
  explicit LabelledLineParser(std::string label_column = std::string(kDefaultLabelColumn))
      : m_label_name(std::move(label_column)) {}

  /// Parses `line` (line number `number` of file `name`); fills `row` for LabelledLine::row and
  /// `problem` for LabelledLine::problem and LabelledLine::bad_header (after which the file should be skipped).
  LabelledLine parse(std::string_view line, std::string_view name, std::size_t number, LabelledRow& row,
                     Diagnostic& problem);

  /// True when `first_line` (the first non-blank line of a file) starts labelled data: a JSON object, or a
  /// header of tab-separated fields, one of them `text` (a missing label column is then a located problem).
  static bool looks_labelled(std::string_view first_line);

 private:
  std::string m_label_name;
  bool m_header_seen = false;
  std::size_t m_label_column = 0;
  std::size_t m_text_column = 0;
  std::size_t m_rows = 0;
  std::string m_gold;
  std::string m_text;
};

}  // namespace rolecheck::cli
