// Tests of records turned into documents: JSON fields by dotted path, ids, titles, pass-through,
// errors naming the keys, pretty-printed JSON given as JSONL, CSV columns by name or number.

#include <catch2/catch.hpp>
#include <string>

#include "test_support_fd.hpp"

#include "rolecheck/input/record_input.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

InputDocument json_record(std::string_view text, const RecordFields& fields) {
  InputLine line;
  line.text = text;
  line.number = 4;
  InputDocument out;
  read_json_record("in.jsonl", line, fields, out);
  return out;
}

TEST_CASE("JSON records: text, id and title from any field, dotted paths reach inside", "[record_input]") {
  RecordFields fields;
  fields.text = "job.description";
  fields.id = "req_id";
  fields.title = "job.title";
  const auto document = json_record(
      R"({"req_id": 77, "job": {"description": "Close deals", "title": "Sales Rep", "level": 2}, "team": "emea"})",
      fields);
  REQUIRE(document.ok());
  CHECK(document.text == "Sales Rep\n\nClose deals");
  CHECK(document.id == "77");
  CHECK(document.id_json == "77");
  CHECK(document.extra_json == R"("job":{"title":"Sales Rep","level":2},"team":"emea")");
  fields.use_title = false;  // line mode: the title is only passed through
  CHECK(json_record(R"({"job": {"description": "Close deals", "title": "Rep"}})", fields).text == "Close deals");
  RecordFields dotted;
  dotted.text = "a.b";  // a key holding a dot is found before a path
  CHECK(json_record(R"({"a.b": "literal", "a": {"b": "path"}})", dotted).text == "literal");
}

TEST_CASE("JSON records: a missing text field names the keys and the likely field", "[record_input]") {
  const auto document = json_record(R"({"id": 1, "description": "x", "job_title": "y"})", RecordFields{});
  CHECK(document.error ==
        R"(no "text" string in this record (its keys: id, description, job_title): name the text field: )"
        R"(--text-field description)");
  RecordFields fields;
  fields.text = "body";
  CHECK(json_record(R"({"id": 1})", fields).error ==
        R"(no "body" string in this record (its keys: id): check --text-field)");
  CHECK(json_record(R"({"text": "x", "review": true, "reasons": 1})", RecordFields{}).extra_json ==
        R"("input":{"review":true,"reasons":1})");
}

TEST_CASE("JSONL start: pretty-printed JSON and arrays get a hint, records do not", "[record_input]") {
  CHECK_THAT(jsonl_start_problem("[", "x.json"),
             Catch::Contains("--input json") && Catch::Contains("jq -c '.[]' x.json"));
  CHECK_THAT(jsonl_start_problem("  {", "x.json"), Catch::Contains("pretty-printed JSON"));
  CHECK_THAT(jsonl_start_problem("[{\"text\": \"a\"}, {\"text\": \"b\"}]", "-"), Catch::Contains("--input json"));
  CHECK(jsonl_start_problem("{\"text\": \"a\"}", "x.jsonl").empty());
  CHECK(jsonl_start_problem("not json", "x.jsonl").empty());  // an error record, not a refusal
  CHECK_THAT(jsonl_start_problem("label,text,kind", "x.csv"), Catch::Contains("--input csv"));
  CHECK_THAT(jsonl_start_problem("Req ID\tDescription", "x.tsv"), Catch::Contains("tab-separated"));
  CHECK(jsonl_start_problem("Sell cars, trucks, and vans", "x.jsonl").empty());  // a sentence, not a header
  CHECK(jsonl_start_problem("label,{\"text\": 1}", "x.jsonl").empty());
  CHECK(jsonl_start_problem("a,,b", "x.jsonl").empty());
  CHECK_THAT(jsonl_start_problem(",id,text", "x.csv"), Catch::Contains("--input csv"));  // pandas' index column
  CHECK_THAT(jsonl_start_problem("Req ID,Job Title,Description", "x.csv"), Catch::Contains("--input csv"));
  CHECK_THAT(jsonl_start_problem("label\ttext\tkind", "x.tsv"), Catch::Contains("cut -f2"));
  CHECK_THAT(jsonl_start_problem("id\tdescription", "x.tsv"), Catch::Contains("cut -fN"));
  // A first line that is neither JSON nor a header is one error record, the rest of the file is read.
  CHECK(jsonl_start_problem("exported 2026-12-04,rows=2", "x.jsonl").empty());
  CHECK(jsonl_start_problem("Manage a budget of $1,500,000", "x.jsonl").empty());
  CHECK(jsonl_start_problem("2024,2025", "x.jsonl").empty());
  CHECK(is_blank_line(" \t\r"));
  CHECK_FALSE(is_blank_line(" x"));
}

TEST_CASE("JsonlScreen skips and counts blank lines and refuses a pretty-printed start", "[record_input]") {
  const auto line = [](std::string_view text, std::size_t number, bool too_long = false) {
    InputLine out;
    out.text = text;
    out.number = number;
    out.too_long = too_long;
    return out;
  };
  JsonlScreen screen("in.jsonl");
  CHECK_FALSE(screen.accept(line(" \t", 1)));
  CHECK(screen.accept(line("", 2, true)));  // a too-long line is a record (an error record), never blank
  CHECK(screen.accept(line("[", 3)));       // only the first non-blank line is checked
  CHECK_FALSE(screen.accept(line("", 4)));
  CHECK(screen.blank_lines() == 2);

  JsonlScreen pretty("p.json");
  CHECK_FALSE(pretty.accept(line("", 1)));
  try {
    pretty.accept(line("{", 2));
    FAIL("a pretty-printed start was accepted");
  } catch (const Error& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].file == "p.json");
    CHECK(error.diagnostics()[0].line == 2);
    CHECK_THAT(error.diagnostics()[0].message, Catch::Contains("pretty-printed JSON"));
  }
}

CsvRecord csv(std::vector<std::string_view> fields, std::size_t line) {
  CsvRecord record;
  record.fields = std::move(fields);
  record.line = line;
  return record;
}

TEST_CASE("CSV columns: by name (any case) or number / others pass through", "[record_input]") {
  RecordFields fields;
  fields.text = "description";
  fields.id = "2";
  fields.title = "Job Title";
  const CsvColumns columns(csv({"Dept", "Req", "job title", "Description", "label"}, 1), fields, "in.csv");
  InputDocument out;
  columns.read(csv({"Sales", "R-1", "Account Executive", "Close deals", "x"}, 2), out);
  REQUIRE(out.ok());
  CHECK(out.id == "R-1");
  CHECK(out.text == "Account Executive\n\nClose deals");
  CHECK(out.extra_json == R"("Dept":"Sales","job title":"Account Executive","input":{"label":"x"})");
  columns.read(csv({"Sales"}, 3), out);
  CHECK(out.error == "this row has 1 field, the text is in column 4: a line break or quote out of place?");
  CHECK(out.id == "in.csv:3");
}

TEST_CASE("CSV columns: a header without the text column is refused with its columns", "[record_input]") {
  RecordFields fields;
  CHECK_THROWS_WITH(CsvColumns(csv({"id", "description"}, 1), fields, "in.csv"),
                    Catch::Contains("no text column \"text\" in the header (its columns: id, description)"));
  fields.text = "description";
  fields.id = "ref";
  fields.id_given = true;
  CHECK_THROWS_WITH(CsvColumns(csv({"id", "description"}, 1), fields, "in.csv"), Catch::Contains("--id-column"));
}

TEST_CASE("CSV columns: a header separated by semicolons or tabs is named as such, with a conversion",
          "[record_input]") {
  RecordFields fields;
  fields.text = "Description";
  CHECK_THROWS_WITH(CsvColumns(csv({"Req ID;Title;Description"}, 1), fields, "in.csv"),
                    Catch::Contains("seems separated by ';'") && Catch::Contains("delimiter=\";\"") &&
                        Catch::Contains("< 'in.csv' > converted.csv") &&
                        Catch::Contains("then read converted.csv with --input csv --text-column NAME"));
  CHECK_THROWS_WITH(CsvColumns(csv({"id\tDescription"}, 1), fields, "in.csv"),
                    Catch::Contains("seems separated by '\\t'") && Catch::Contains("delimiter=\"\\t\""));
  // Any file name works in the command: quoted, a gzip file decompressed first, stdin as FILE.
  CHECK_THROWS_WITH(CsvColumns(csv({"a;b"}, 1), fields, "it's.csv.gz"),
                    Catch::Contains("gzip -dc 'it'\\''s.csv.gz' | python3"));
  CHECK_THROWS_WITH(CsvColumns(csv({"a;b"}, 1), fields, "-"), Catch::Contains("< FILE > converted.csv"));
  // One column without a separator in it keeps the plain message.
  CHECK_THROWS_WITH(CsvColumns(csv({"notes"}, 1), fields, "in.csv"), Catch::Contains("(its columns: notes)"));
}

TEST_CASE("DocumentReader: CSV and JSON layouts, blank lines counted", "[record_input]") {
  test::MemoryFd file("text,team\n\"Close deals\",a\n\n\"Run campaigns\",b\n");
  DocumentReader reader(file.fd(), "in.csv", DocumentInput::csv);
  InputDocument document;
  REQUIRE(reader.next(document));
  CHECK(document.text == "Close deals");
  CHECK(document.line == 2);
  REQUIRE(reader.next(document));
  CHECK(document.line == 4);
  CHECK_FALSE(reader.next(document));
  CHECK(reader.blank_lines() == 1);
  test::MemoryFd array("[{\"text\": \"a\"},\n {\"id\": \"b\", \"text\": \"b\"}]");
  DocumentReader json(array.fd(), "in.json", DocumentInput::json);
  REQUIRE(json.next(document));
  REQUIRE(json.next(document));
  CHECK(document.id == "b");
  CHECK(document.line == 2);
  CHECK_FALSE(json.next(document));
  test::MemoryFd pretty("[\n  {\"text\": \"a\"}\n]\n");
  DocumentReader jsonl(pretty.fd(), "in.jsonl", DocumentInput::jsonl);
  CHECK_THROWS_WITH(jsonl.next(document), Catch::Contains("--input json"));
}

}  // namespace
}  // namespace rolecheck

namespace rolecheck {
namespace {

TEST_CASE("JSONL start: deep brackets are a record error, not pretty-printed JSON", "[record_input]") {
  CHECK(jsonl_start_problem(std::string(1000, '['), "x.jsonl").empty());
  CHECK(jsonl_start_problem("[1, 2]", "x.jsonl").empty());
  CHECK_THAT(jsonl_start_problem("[ {\"text\": \"a\"},", "x.jsonl"), Catch::Contains("pretty-printed"));
}

}  // namespace
}  // namespace rolecheck
