#pragma once
// The article's comparison table (four differences, sales against marketing), rendered to a string.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rolecheck/taxonomy/taxonomy.hpp"

namespace rolecheck {

/// The output formats of `rolecheck table`.
enum class TableFormat : std::uint8_t { text, markdown, csv, json };

/// Parses "text", "markdown", "csv" or "json".
std::optional<TableFormat> parse_table_format(std::string_view name) noexcept;

/// The narrowest text layout; a smaller requested width is raised to this.
inline constexpr std::size_t kMinTableWidth = 40;

/// How to render; width and ascii shape the text format only (Markdown, CSV and JSON are not wrapped).
struct TableStyle {
  TableFormat format = TableFormat::text;  ///< Output format.
  std::size_t width = 80;                  ///< Text: the widest line, in display columns (at least kMinTableWidth).
  bool ascii = false;                      ///< Text: ASCII borders (+-|) and ASCII-only text instead of Unicode.
};

/// Renders one row per difference, in taxonomy order, with the sales and marketing summaries side by side.
std::string render_comparison_table(const Taxonomy& taxonomy, const TableStyle& style);

/// Renders one difference (0-based index) with both summaries and the article's verbatim supporting quotes;
/// throws Error when the index is out of range.
std::string render_difference(const Taxonomy& taxonomy, std::size_t index, const TableStyle& style);

}  // namespace rolecheck
