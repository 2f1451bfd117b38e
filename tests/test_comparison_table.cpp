#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rolecheck/output/comparison_table.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/support/text_layout.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

using rolecheck::render_comparison_table;
using rolecheck::render_difference;
using rolecheck::TableFormat;
using rolecheck::TableStyle;
using rolecheck::Taxonomy;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const auto end = text.find('\n', begin);
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

// Collapses runs of spaces and trims, so wrapped text can be compared with the original.
std::string collapse(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string without_spaces(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

// Splits a table line at the vertical border into its cells' contents.
std::vector<std::string> cells_of(const std::string& line, const std::string& vertical) {
  std::vector<std::string> cells;
  std::size_t begin = line.find(vertical) + vertical.size();
  while (true) {
    const auto end = line.find(vertical, begin);
    if (end == std::string::npos) break;
    cells.push_back(line.substr(begin, end - begin));
    begin = end + vertical.size();
  }
  return cells;
}

// The text of each cell of a text table, rows in order, wrapped lines joined by spaces.
std::vector<std::vector<std::string>> table_cells(const std::string& table, bool ascii) {
  const std::string vertical = ascii ? "|" : "\xE2\x94\x82";
  std::vector<std::vector<std::string>> rows;
  bool in_row = false;
  for (const auto& line : split_lines(table)) {
    if (line.rfind(vertical, 0) != 0) {
      in_row = false;
      continue;
    }
    const auto cells = cells_of(line, vertical);
    if (!in_row) rows.emplace_back(cells.size());
    in_row = true;
    for (std::size_t c = 0; c < cells.size(); ++c) rows.back()[c] += " " + cells[c];
  }
  for (auto& row : rows) {
    for (auto& cell : row) cell = collapse(cell);
  }
  return rows;
}

const Taxonomy& article() {
  static const Taxonomy taxonomy = rolecheck::load_embedded_taxonomy();
  return taxonomy;
}

// A taxonomy whose texts hold everything the formats must escape or measure.
Taxonomy tricky() {
  Taxonomy taxonomy = article();
  auto& first = taxonomy.differences[0];
  first.sales.summary = "Sell | close, \"win\" deals\nfast; *no* [links] <b> back\\slash";
  first.marketing.summary =
      "Caf\xC3\xA9 \xE2\x80\x9C"
      "brand\xE2\x80\x9D \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E "
      "\xE3\x83\x96\xE3\x83\xA9\xE3\x83\xB3\xE3\x83\x89 awareness";
  first.sales.quotes = {"a \"quoted\" quote, with comma"};
  return taxonomy;
}

TableStyle text_style(std::size_t width, bool ascii) {
  TableStyle style;
  style.width = width;
  style.ascii = ascii;
  return style;
}

}  // namespace

TEST_CASE("parse_table_format knows the four formats") {
  CHECK(rolecheck::parse_table_format("text") == TableFormat::text);
  CHECK(rolecheck::parse_table_format("markdown") == TableFormat::markdown);
  CHECK(rolecheck::parse_table_format("csv") == TableFormat::csv);
  CHECK(rolecheck::parse_table_format("json") == TableFormat::json);
  CHECK_FALSE(rolecheck::parse_table_format("md"));
}

TEST_CASE("the text table fits the width and keeps every word of every cell") {
  const auto& taxonomy = article();
  for (const bool ascii : {false, true}) {
    for (std::size_t width = 40; width <= 160; width += 7) {
      CAPTURE(ascii, width);
      const auto table = render_comparison_table(taxonomy, text_style(width, ascii));
      const auto lines = split_lines(table);
      const auto table_width = rolecheck::display_width(lines.front());
      CHECK(table_width <= width);
      for (const auto& line : lines) CHECK(rolecheck::display_width(line) == table_width);
      const auto rows = table_cells(table, ascii);
      REQUIRE(rows.size() == 5);
      CHECK(rows[0] == std::vector<std::string>{"Difference", "Sales", "Marketing"});
      for (std::size_t i = 0; i < 4; ++i) {
        const auto& difference = taxonomy.differences[i];
        REQUIRE(rows[i + 1].size() == 3);
        CHECK(without_spaces(rows[i + 1][0]) == without_spaces(std::to_string(i + 1) + ". " + difference.name));
        CHECK(without_spaces(rows[i + 1][1]) == without_spaces(difference.sales.summary));
        CHECK(without_spaces(rows[i + 1][2]) == without_spaces(difference.marketing.summary));
        if (width >= 60) {  // wide enough that no word is cut: the cells read exactly as the summaries
          CHECK(rows[i + 1][1] == difference.sales.summary);
          CHECK(rows[i + 1][2] == difference.marketing.summary);
        }
      }
    }
  }
}

TEST_CASE("a width below the minimum is raised to it") {
  const auto table = render_comparison_table(article(), text_style(5, true));
  CHECK(split_lines(table).front().size() <= rolecheck::kMinTableWidth);
  CHECK(split_lines(table).front().size() > 30);
}

TEST_CASE("the Unicode table draws boxes and measures wide text in columns, not bytes") {
  const auto table = render_comparison_table(tricky(), text_style(60, false));
  const auto lines = split_lines(table);
  CHECK(lines.front().rfind("\xE2\x94\x8C", 0) == 0);      // ┌
  CHECK(lines.back().rfind("\xE2\x94\x94", 0) == 0);       // └
  CHECK(table.find("\xE2\x94\xBC") != std::string::npos);  // ┼
  CHECK(table.find("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") != std::string::npos);
  for (const auto& line : lines) {
    CHECK(rolecheck::display_width(line) == rolecheck::display_width(lines.front()));
    CHECK(rolecheck::display_width(line) <= 60);
  }
  // Control characters in a cell never reach the terminal.
  CHECK(table.find('\x1B') == std::string::npos);
}

TEST_CASE("the ASCII table and difference view hold only ASCII bytes") {
  for (const std::size_t width : {40u, 80u, 123u}) {
    const auto table = render_comparison_table(tricky(), text_style(width, true));
    const auto view = render_difference(tricky(), 0, text_style(width, true));
    for (const auto& text : {table, view}) {
      for (const char c : text) CHECK(static_cast<unsigned char>(c) < 0x80);
    }
    CHECK(table.rfind("+-", 0) == 0);
    CHECK(table.find("\"brand\" -- ") != std::string::npos);
    CHECK(view.find("Cafe") != std::string::npos);
  }
}

TEST_CASE("json is an array of the four differences in article order with non-empty strings") {
  TableStyle style;
  style.format = TableFormat::json;
  const auto json = nlohmann::json::parse(render_comparison_table(article(), style));
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 4);
  const std::vector<std::string> ids{"business_concept", "core_capabilities", "execution_capabilities",
                                     "essential_purpose"};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(json[i]["number"] == i + 1);
    CHECK(json[i]["id"] == ids[i]);
    for (const char* key : {"id", "name", "sales", "marketing"}) {
      REQUIRE(json[i][key].is_string());
      CHECK_FALSE(json[i][key].get<std::string>().empty());
    }
    CHECK(json[i]["sales"] == article().differences[i].sales.summary);
  }
  const auto escaped = nlohmann::json::parse(render_comparison_table(tricky(), style));
  CHECK(escaped[0]["sales"] == tricky().differences[0].sales.summary);
}

TEST_CASE("markdown escapes pipes and inline markup and keeps one line per row") {
  TableStyle style;
  style.format = TableFormat::markdown;
  const auto markdown = render_comparison_table(tricky(), style);
  const auto lines = split_lines(markdown);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "| Difference | Sales | Marketing |");
  CHECK(lines[1] == "| --- | --- | --- |");
  CHECK(lines[2] ==
        "| 1. Business concept | Sell \\| close, \"win\" deals fast; \\*no\\* \\[links\\] \\<b\\> back\\\\slash | "
        "Caf\xC3\xA9 \xE2\x80\x9C"
        "brand\xE2\x80\x9D \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E "
        "\xE3\x83\x96\xE3\x83\xA9\xE3\x83\xB3\xE3\x83\x89 awareness |");
  for (std::size_t i = 2; i < lines.size(); ++i) {
    // Exactly four unescaped pipes: the cell borders.
    std::size_t pipes = 0;
    for (std::size_t k = 0; k < lines[i].size(); ++k) {
      if (lines[i][k] == '\\')
        ++k;
      else if (lines[i][k] == '|')
        ++pipes;
    }
    CHECK(pipes == 4);
  }
}

TEST_CASE("csv quotes fields per RFC 4180 and ends lines with CRLF") {
  TableStyle style;
  style.format = TableFormat::csv;
  const auto csv = render_comparison_table(tricky(), style);
  CHECK(csv.rfind("id,difference,sales,marketing\r\n", 0) == 0);
  CHECK(csv.find("\r\nbusiness_concept,Business concept,\"Sell | close, \"\"win\"\" deals\nfast; *no* [links] <b> "
                 "back\\slash\",Caf\xC3\xA9") != std::string::npos);
  CHECK(csv.find("\r\nessential_purpose,Essential purpose,Sell products: bring in transactions, cash flow") ==
        std::string::npos);  // a comma forces quotes
  CHECK(csv.find("\r\nessential_purpose,Essential purpose,\"Sell products: bring in transactions, cash flow and "
                 "profit.\",Sell the brand: enhance brand awareness.\r\n") != std::string::npos);
  CHECK(csv.size() >= 2);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
}

TEST_CASE("the difference view shows the name, both summaries and every quote verbatim") {
  const auto& taxonomy = article();
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& difference = taxonomy.differences[i];
    const auto text = render_difference(taxonomy, i, text_style(72, false));
    CHECK(text.rfind(std::to_string(i + 1) + ". " + difference.name + "\n", 0) == 0);
    for (const auto& line : split_lines(text)) CHECK(rolecheck::display_width(line) <= 72);
    // Unwrap: drop the bullets, join the lines, and every quote appears whole.
    std::string flat;
    for (const auto& line : split_lines(text)) {
      flat += " " + (line.rfind("  \xE2\x80\xA2 ", 0) == 0 ? line.substr(6) : line);
    }
    flat = collapse(flat);
    for (const auto* view : {&difference.sales, &difference.marketing}) {
      CHECK(flat.find(collapse(view->summary)) != std::string::npos);
      for (const auto& quote : view->quotes) CHECK(flat.find("\"" + collapse(quote) + "\"") != std::string::npos);
    }
  }
}

TEST_CASE("the difference view in json, markdown and csv carries the quotes") {
  const auto& difference = article().differences[1];
  TableStyle style;
  style.format = TableFormat::json;
  const auto json = nlohmann::json::parse(render_difference(article(), 1, style));
  CHECK(json["number"] == 2);
  CHECK(json["id"] == "core_capabilities");
  CHECK(json["sales"] == difference.sales.summary);
  CHECK(json["sales_quotes"] == difference.sales.quotes);
  CHECK(json["marketing_quotes"] == difference.marketing.quotes);

  style.format = TableFormat::markdown;
  const auto markdown = render_difference(article(), 1, style);
  CHECK(markdown.rfind("## 2. Core capabilities\n", 0) == 0);
  for (const auto& quote : difference.marketing.quotes)
    CHECK(markdown.find("\n> " + quote + "\n") != std::string::npos);

  style.format = TableFormat::csv;
  const auto csv = render_difference(article(), 1, style);
  CHECK(csv.rfind("id,difference,side,kind,text\r\n", 0) == 0);
  CHECK(split_lines(csv).size() == 2 + difference.sales.quotes.size() + difference.marketing.quotes.size() + 1);
  CHECK(csv.find("core_capabilities,Core capabilities,marketing,summary,\"Plan an executable") != std::string::npos);
}

TEST_CASE("an out-of-range difference is an Error") {
  CHECK_THROWS_AS(render_difference(article(), 4, {}), rolecheck::Error);
}
