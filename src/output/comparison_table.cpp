#include "rolecheck/output/comparison_table.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <iterator>
#include <vector>

#include "rolecheck/support/error.hpp"
#include "rolecheck/support/escaping.hpp"
#include "rolecheck/support/json_writer.hpp"
#include "rolecheck/support/text_layout.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck {
namespace {

// The characters that draw a text table.
struct Glyphs {
  std::string_view horizontal, vertical;
  std::string_view top_left, top_mid, top_right;
  std::string_view mid_left, mid_mid, mid_right;
  std::string_view bottom_left, bottom_mid, bottom_right;
  std::string_view underline, bullet;
};

constexpr Glyphs kUnicode{"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘", "─", "•"};
constexpr Glyphs kAscii{"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+", "=", "-"};

constexpr std::size_t kColumns = 3;
// "│ " before each cell, " " after it, and the closing "│".
constexpr std::size_t kBorderColumns = 3 * kColumns + 1;

using Row = std::array<std::string, kColumns>;
using Widths = std::array<std::size_t, kColumns>;

// The name of a difference as the text and Markdown formats show it: "2. Core capabilities".
std::string numbered_name(const Taxonomy& taxonomy, std::size_t index) {
  return fmt::format("{}. {}", index + 1, taxonomy.differences[index].name);
}

// Text safe to print on the terminal the style targets.
std::string terminal_text(std::string_view text, bool ascii) {
  auto printable = printable_text(text);
  return ascii ? to_ascii(printable) : printable;
}

// The widest part of a name cell that should not be broken: any word, or the number with the first word.
std::size_t longest_name_part(std::string_view text) {
  std::size_t longest = 0;
  bool number_joined = false;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(' ', begin);
    if (end == std::string_view::npos) end = text.size();
    if (!number_joined && end > 0 && text[end - 1] == '.' && end < text.size()) {
      number_joined = true;  // "2." stays with the word after it
      end = std::min(text.size(), text.find(' ', end + 1));
    }
    longest = std::max(longest, display_width(text.substr(begin, end - begin)));
    begin = end + 1;
  }
  return longest;
}

// Column widths (cell content only) that fit `width`: the name column takes about a fifth, the two
// sides share the rest, and a side needing less than half gives the difference to the other.
Widths column_widths(const std::vector<Row>& rows, std::size_t width) {
  Widths natural{};
  std::size_t name_word = 0;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < kColumns; ++c) {
      for (const auto& line : wrap_text(row[c], static_cast<std::size_t>(-1))) {
        natural[c] = std::max(natural[c], display_width(line));
      }
    }
    name_word = std::max(name_word, longest_name_part(row[0]));
  }
  const std::size_t available = std::max(width, kMinTableWidth) - kBorderColumns;
  Widths widths{};
  widths[0] = std::min({natural[0], std::max(name_word, available / 5), available / 3});
  const std::size_t rest = available - widths[0];
  widths[1] = natural[1];
  widths[2] = natural[2];
  if (widths[1] + widths[2] > rest) {
    if (widths[1] <= rest / 2) {
      widths[2] = rest - widths[1];
    } else if (widths[2] <= rest / 2) {
      widths[1] = rest - widths[2];
    } else {
      widths[1] = rest - rest / 2;
      widths[2] = rest / 2;
    }
  }
  for (auto& w : widths) w = std::max<std::size_t>(w, 1);
  return widths;
}

void append_repeated(std::string& out, std::string_view text, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) out.append(text);
}

void append_rule(std::string& out, const Widths& widths, const Glyphs& g, std::string_view left, std::string_view mid,
                 std::string_view right) {
  out.append(left);
  for (std::size_t c = 0; c < kColumns; ++c) {
    append_repeated(out, g.horizontal, widths[c] + 2);
    out.append(c + 1 < kColumns ? mid : right);
  }
  out += '\n';
}

void append_row(std::string& out, const Row& row, const Widths& widths, const Glyphs& g) {
  std::array<std::vector<std::string>, kColumns> lines;
  std::size_t height = 1;
  for (std::size_t c = 0; c < kColumns; ++c) {
    lines[c] = wrap_text(row[c], widths[c]);
    height = std::max(height, lines[c].size());
  }
  for (std::size_t k = 0; k < height; ++k) {
    for (std::size_t c = 0; c < kColumns; ++c) {
      out.append(g.vertical);
      out += ' ';
      append_padded(out, k < lines[c].size() ? lines[c][k] : std::string(), widths[c]);
      out += ' ';
    }
    out.append(g.vertical);
    out += '\n';
  }
}

std::string text_table(const Taxonomy& taxonomy, const TableStyle& style) {
  const Glyphs& g = style.ascii ? kAscii : kUnicode;
  std::vector<Row> rows{{"Difference", "Sales", "Marketing"}};
  for (std::size_t i = 0; i < taxonomy.differences.size(); ++i) {
    const auto& difference = taxonomy.differences[i];
    rows.push_back({terminal_text(numbered_name(taxonomy, i), style.ascii),
                    terminal_text(difference.sales.summary, style.ascii),
                    terminal_text(difference.marketing.summary, style.ascii)});
  }
  const auto widths = column_widths(rows, style.width);
  std::string out;
  append_rule(out, widths, g, g.top_left, g.top_mid, g.top_right);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    append_row(out, rows[r], widths, g);
    if (r + 1 < rows.size()) {
      append_rule(out, widths, g, g.mid_left, g.mid_mid, g.mid_right);
    } else {
      append_rule(out, widths, g, g.bottom_left, g.bottom_mid, g.bottom_right);
    }
  }
  return out;
}

// Appends `text` wrapped to `width` columns: the first line after `first`, the others after `next`.
void append_wrapped(std::string& out, std::string_view text, std::size_t width, std::string_view first,
                    std::string_view next) {
  const auto lines = wrap_text(text, width - std::min(width - 1, display_width(first)));
  for (std::size_t k = 0; k < lines.size(); ++k) {
    out.append(k == 0 ? first : next);
    out.append(lines[k]);
    out += '\n';
  }
}

std::string text_difference(const Taxonomy& taxonomy, std::size_t index, const TableStyle& style) {
  const Glyphs& g = style.ascii ? kAscii : kUnicode;
  const std::size_t width = std::max(style.width, kMinTableWidth);
  const auto& difference = taxonomy.differences[index];
  std::string out;
  const auto heading = wrap_text(terminal_text(numbered_name(taxonomy, index), style.ascii), width);
  std::size_t underline = 0;
  for (const auto& line : heading) {
    out += line;
    out += '\n';
    underline = std::max(underline, display_width(line));
  }
  append_repeated(out, g.underline, underline);
  out += '\n';
  const auto bullet = fmt::format("  {} ", g.bullet);
  for (const Side side : {Side::sales, Side::marketing}) {
    const auto& view = difference.view(side);
    out += side == Side::sales ? "\nSales\n" : "\nMarketing\n";
    append_wrapped(out, terminal_text(view.summary, style.ascii), width, "  ", "  ");
    if (view.quotes.empty()) continue;
    out += "\n  The article says:\n";
    for (const auto& quote : view.quotes) {
      append_wrapped(out, terminal_text(fmt::format("\"{}\"", quote), style.ascii), width, bullet, "    ");
    }
  }
  return out;
}

// Markdown inline text: whitespace collapsed, control characters replaced, and the characters that
// start emphasis, code, links, HTML or a table cell backslash-escaped.
std::string markdown_text(std::string_view text) {
  std::string out;
  const auto words = wrap_text(printable_text(text), static_cast<std::size_t>(-1));
  const std::string_view joined = words.empty() ? std::string_view() : std::string_view(words.front());
  for (const char c : joined) {
    if (std::string_view("\\`*_[]<>|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_table(const Taxonomy& taxonomy) {
  std::string out = "| Difference | Sales | Marketing |\n| --- | --- | --- |\n";
  for (std::size_t i = 0; i < taxonomy.differences.size(); ++i) {
    const auto& difference = taxonomy.differences[i];
    fmt::format_to(std::back_inserter(out), "| {} | {} | {} |\n", markdown_text(numbered_name(taxonomy, i)),
                   markdown_text(difference.sales.summary), markdown_text(difference.marketing.summary));
  }
  return out;
}

std::string markdown_difference(const Taxonomy& taxonomy, std::size_t index) {
  const auto& difference = taxonomy.differences[index];
  std::string out = fmt::format("## {}\n", markdown_text(numbered_name(taxonomy, index)));
  for (const Side side : {Side::sales, Side::marketing}) {
    const auto& view = difference.view(side);
    fmt::format_to(std::back_inserter(out), "\n**{}:** {}\n", side == Side::sales ? "Sales" : "Marketing",
                   markdown_text(view.summary));
    if (view.quotes.empty()) continue;
    out += "\nThe article says:\n";
    for (const auto& quote : view.quotes) fmt::format_to(std::back_inserter(out), "\n> {}\n", markdown_text(quote));
  }
  return out;
}

// One CSV field of valid UTF-8 (invalid bytes replaced), quoted as record_format quotes every CSV field.
void append_csv(std::string& out, std::string_view text) {
  std::string valid;
  replace_invalid_utf8(text, valid);
  append_csv_field(out, valid);
}

// The first two fields of every CSV record of a difference: its id and name.
void append_csv_difference(std::string& out, const Difference& difference) {
  append_csv(out, difference.id);
  out += ',';
  append_csv(out, difference.name);
}

std::string csv_table(const Taxonomy& taxonomy) {
  std::string out = "id,difference,sales,marketing\r\n";
  for (const auto& difference : taxonomy.differences) {
    append_csv_difference(out, difference);
    out += ',';
    append_csv(out, difference.sales.summary);
    out += ',';
    append_csv(out, difference.marketing.summary);
    out += "\r\n";
  }
  return out;
}

std::string csv_difference(const Taxonomy& taxonomy, std::size_t index) {
  const auto& difference = taxonomy.differences[index];
  std::string out = "id,difference,side,kind,text\r\n";
  const auto append_record = [&](Side side, std::string_view kind, std::string_view text) {
    append_csv_difference(out, difference);
    fmt::format_to(std::back_inserter(out), ",{},{},", side_name(side), kind);
    append_csv(out, text);
    out += "\r\n";
  };
  for (const Side side : {Side::sales, Side::marketing}) {
    append_record(side, "summary", difference.view(side).summary);
    for (const auto& quote : difference.view(side).quotes) append_record(side, "quote", quote);
  }
  return out;
}

// The members every JSON object of a difference has: number, id, name, sales, marketing.
void write_json_fields(JsonWriter& json, const Taxonomy& taxonomy, std::size_t index) {
  const auto& difference = taxonomy.differences[index];
  json.key("number").integer(index + 1);
  json.key("id").string(difference.id);
  json.key("name").string(difference.name);
  json.key("sales").string(difference.sales.summary);
  json.key("marketing").string(difference.marketing.summary);
}

std::string json_table(const Taxonomy& taxonomy) {
  std::string out;
  JsonWriter json(out);
  json.begin_array();
  for (std::size_t i = 0; i < taxonomy.differences.size(); ++i) {
    json.next_line("  ").begin_object();
    write_json_fields(json, taxonomy, i);
    json.end_object();
  }
  if (!json.empty()) json.whitespace("\n");
  json.end_array();
  out += '\n';
  return out;
}

std::string json_difference(const Taxonomy& taxonomy, std::size_t index) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  write_json_fields(json, taxonomy, index);
  for (const Side side : {Side::sales, Side::marketing}) {
    json.key(side == Side::sales ? "sales_quotes" : "marketing_quotes").begin_array();
    for (const auto& quote : taxonomy.differences[index].view(side).quotes) json.string(quote);
    json.end_array();
  }
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace

std::optional<TableFormat> parse_table_format(std::string_view name) noexcept {
  if (name == "text") return TableFormat::text;
  if (name == "markdown") return TableFormat::markdown;
  if (name == "csv") return TableFormat::csv;
  if (name == "json") return TableFormat::json;
  return std::nullopt;
}

std::string render_comparison_table(const Taxonomy& taxonomy, const TableStyle& style) {
  switch (style.format) {
    case TableFormat::markdown: return markdown_table(taxonomy);
    case TableFormat::csv: return csv_table(taxonomy);
    case TableFormat::json: return json_table(taxonomy);
    case TableFormat::text: break;
  }
  return text_table(taxonomy, style);
}

std::string render_difference(const Taxonomy& taxonomy, std::size_t index, const TableStyle& style) {
  if (index >= taxonomy.differences.size()) {
    throw Error(fmt::format("difference {} does not exist: the taxonomy has {}; use 1-{}", index + 1,
                            taxonomy.differences.size(), taxonomy.differences.size()));
  }
  switch (style.format) {
    case TableFormat::markdown: return markdown_difference(taxonomy, index);
    case TableFormat::csv: return csv_difference(taxonomy, index);
    case TableFormat::json: return json_difference(taxonomy, index);
    case TableFormat::text: break;
  }
  return text_difference(taxonomy, index, style);
}

}  // namespace rolecheck
