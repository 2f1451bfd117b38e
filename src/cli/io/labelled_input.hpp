#pragma once
// Reading labelled duties as `eval` and `stats` take them: TSV with a header row naming a label column
// (`label` unless --label-column names another) and a `text` column (others ignored), or JSON Lines with
// string members of those names.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/input_files.hpp"

#include "rolecheck/analysis/evaluation.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/support/error.hpp"

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
/// The text column (TSV header name, JSON Lines key) used unless --text-column names another.
inline constexpr std::string_view kDefaultTextColumn = "text";

/// Parses the lines of one labelled file in order; one parser per file.
class LabelledLineParser {
 public:
  /// A parser that takes the gold label from the column (or JSON key) named `label_column`, the duty from
  /// `text_column`.
  explicit LabelledLineParser(std::string label_column = std::string(kDefaultLabelColumn),
                              std::string text_column = std::string(kDefaultTextColumn))
      : m_label_name(std::move(label_column)), m_text_name(std::move(text_column)) {}

  /// Parses `line` (line number `number` of file `name`); fills `row` for LabelledLine::row and
  /// `problem` for LabelledLine::problem and LabelledLine::bad_header (after which the file should be skipped).
  LabelledLine parse(std::string_view line, std::string_view name, std::size_t number, LabelledRow& row,
                     Diagnostic& problem);

  /// True when `first_line` (the first non-blank line of a file) starts labelled data: a JSON object, or a
  /// header of tab-separated fields, one of them `text_column` (a missing label column is then a located problem).
  static bool looks_labelled(std::string_view first_line, std::string_view text_column = kDefaultTextColumn);
  /// True when `line` is read as one JSON object (it starts with '{'), not as tab-separated fields.
  static bool is_json_line(std::string_view line) noexcept { return !line.empty() && line.front() == '{'; }

 private:
  std::string m_label_name;
  std::string m_text_name;
  bool m_header_seen = false;
  std::size_t m_label_column = 0;
  std::size_t m_text_column = 0;
  std::size_t m_rows = 0;
  std::string m_gold;
  std::string m_text;
};

/// Which data rows a command keeps: all, only part K of N (--part K/N), or all but that part (--except-part).
struct PartFilter {
  std::size_t index = 0;  ///< K - 1.
  std::size_t parts = 0;  ///< N; 0 keeps every row.
  bool exclude = false;   ///< True for --except-part.

  /// True when the row with this 0-based index among its file's data rows is kept.
  [[nodiscard]] bool keeps(std::size_t row) const noexcept {
    if (parts == 0) return true;
    return ((row % parts) == index) != exclude;
  }
};

/// The options every labelled-data command shares: gold column and row selection.
struct LabelledOptions {
  std::string label_column = std::string(kDefaultLabelColumn);  ///< --label-column NAME.
  std::string text_column = std::string(kDefaultTextColumn);    ///< --text-column NAME.
  std::string part;                                             ///< --part K/N.
  std::string except_part;                                      ///< --except-part K/N.
};

/// Registers --label-column, --text-column, --part and --except-part on `app`, filling `options`.
void add_labelled_options(CLI::App& app, LabelledOptions& options);

/// The filter --part or --except-part asks for; throws Error when the value is not K/N with 1 <= K <= N.
PartFilter part_filter(const LabelledOptions& options);

/// Parses a gold label cell; a value other than sales, marketing, other or ambiguous adds an error at `where`.
std::optional<Gold> parse_gold_at(const std::string& where, std::string_view gold, std::string_view label_column,
                                  InputLog& log);

/// The lines of one labelled input, with the policy every labelled-data command shares: a line over the
/// line limit and a read error (UTF-16, an I/O error) are errors in `log`, and the reading stops at a read
/// error with what came before kept; invalid UTF-8 and NUL bytes are the warnings classify prints.
class LabelledFileReader {
 public:
  /// Reads `input` (which must outlive the reader), reporting to `log` (and telling its inputs() it was opened).
  LabelledFileReader(const InputFile& input, InputLog& log);
  /// The next line that can be parsed; false at the end of input or after a read error.
  bool next(InputLine& line);
  /// Adds the input's warnings to the log (call once, at the end); tells the log's inputs() how the input
  /// ended: read wholly, by a read error (told by next()), or `refused` (its header: nothing to report).
  void finish(bool refused = false);

 private:
  LineReader m_reader;
  std::string m_name;
  InputLog& m_log;
  LineNotices m_notices;
};

/// Called for each kept row with its location ("FILE:LINE").
using LabelledRowHandler = std::function<void(const std::string& where, const LabelledRow& row)>;

/// Reads the labelled files in order ("-" is stdin) and hands every row `filter` keeps to `on_row`; files
/// that cannot be opened or read, bad headers (the rest of that file is skipped) and malformed lines are
/// errors in `log`, invalid UTF-8 and NUL bytes warnings. Every row that could be read is handed on, and every
/// input is told to `log.inputs()` (InputTally::nothing_read).
void read_labelled_files(const std::vector<std::string>& files, const LabelledOptions& columns,
                         const PartFilter& filter, const LabelledRowHandler& on_row, InputLog& log);

}  // namespace rolecheck::cli
