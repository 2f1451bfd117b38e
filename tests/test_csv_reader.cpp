// Tests of the RFC 4180 reader: quoting, doubled quotes, line breaks inside quotes, CRLF, BOM,
// blank lines, unclosed quotes, size cap, UTF-16 and binary refusal.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support_fd.hpp"

#include "rolecheck/input/csv_reader.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

using namespace std::string_literals;

struct Row {
  std::vector<std::string> fields;
  std::size_t line = 0;
  bool blank = false;
  bool too_long = false;
  std::string error;
};

std::vector<Row> read_rows(const std::string& bytes, std::size_t max_bytes = 1 << 20) {
  test::MemoryFd file(bytes);
  CsvReader reader(file.fd(), "in.csv", max_bytes);
  std::vector<Row> rows;
  CsvRecord record;
  while (reader.next(record)) {
    Row row;
    for (const auto field : record.fields) row.fields.emplace_back(field);
    row.line = record.line;
    row.blank = record.blank;
    row.too_long = record.too_long;
    row.error = record.error;
    rows.push_back(row);
  }
  return rows;
}

TEST_CASE("CSV: quoted fields with commas, doubled quotes and line breaks", "[csv_reader]") {
  const auto rows = read_rows(
      "\xEF\xBB\xBFid,title,text\r\n"
      "1,\"Rep, Sales\",\"Close \"\"big\"\" deals\r\nand prospect\"\r\n"
      "2,,plain\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == std::vector<std::string>{"id", "title", "text"});
  CHECK(rows[1].fields == std::vector<std::string>{"1", "Rep, Sales", "Close \"big\" deals\nand prospect"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].fields == std::vector<std::string>{"2", "", "plain"});
  CHECK(rows[2].line == 4);
}

TEST_CASE("CSV: blank lines are marked, a last line needs no line break", "[csv_reader]") {
  const auto rows = read_rows("a\n\n\r\nb");
  REQUIRE(rows.size() == 4);
  CHECK_FALSE(rows[0].blank);
  CHECK(rows[1].blank);
  CHECK(rows[2].blank);
  CHECK(rows[3].fields == std::vector<std::string>{"b"});
  CHECK(read_rows("").empty());
}

TEST_CASE("CSV: lenient where spreadsheets are", "[csv_reader]") {
  const auto rows = read_rows("a \"quoted\" word,\"x\"y\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == std::vector<std::string>{"a \"quoted\" word", "xy"});
}

TEST_CASE("CSV: an unclosed quote is an error naming its line / too long rows are flagged", "[csv_reader]") {
  const auto rows = read_rows("id,text\n1,\"never closed\n2,b\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].error == "a quoted field opened on line 2 is never closed (an unescaped '\"' inside it?)");
  const auto long_rows = read_rows("id,text\n1," + std::string(200, 'x') + "\n2,ok\n", 64);
  REQUIRE(long_rows.size() == 3);
  CHECK(long_rows[1].too_long);
  CHECK(long_rows[2].fields == std::vector<std::string>{"2", "ok"});
}

TEST_CASE("CSV: a record with more than kMaxCsvFields fields is an error, in bounded memory", "[csv_reader]") {
  const auto rows = read_rows(std::string(kMaxCsvFields - 1, ',') + "\n" + std::string(kMaxCsvFields, ',') + "\nok\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields.size() == kMaxCsvFields);
  CHECK(rows[0].error.empty());
  CHECK(rows[1].error.find("more than 10000 fields") != std::string::npos);
  CHECK(rows[2].fields == std::vector<std::string>{"ok"});
}

TEST_CASE("CSV: invalid UTF-8 is replaced field by field, also across a separator", "[csv_reader]") {
  // "\xC7" ends one field and "\x80" starts the next: joined they would read as one valid character.
  const auto rows = read_rows("a,b\nx\xC7,\x80y\nok \xFF,fine\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == std::vector<std::string>{"x\uFFFD", "\uFFFDy"});
  CHECK(rows[2].fields == std::vector<std::string>{"ok \uFFFD", "fine"});
  test::MemoryFd file("x\xC7,\x80y\n");
  CsvReader reader(file.fd(), "in.csv", 1 << 20);
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.invalid_utf8);
}

TEST_CASE("CSV: UTF-16 and binary input are refused", "[csv_reader]") {
  CHECK_THROWS_WITH(read_rows("i\0d\0,\0t\0e\0x\0t\0\n\0"s), Catch::Contains("UTF-16LE"));
  CHECK_THROWS_WITH(read_rows("\x7F"
                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\0\0"s),
                    Catch::Contains("executable"));
}

}  // namespace
}  // namespace rolecheck
