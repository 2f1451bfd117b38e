// Tests of file names: suffixes in any case and before a .gz, gzip, HTML and record-format names.

#include <catch2/catch.hpp>

#include "rolecheck/input/file_names.hpp"

namespace rolecheck {
namespace {

TEST_CASE("File suffixes ignore case and a trailing .gz", "[file_names]") {
  CHECK(has_file_suffix("postings.csv", ".csv"));
  CHECK(has_file_suffix("POSTINGS.CSV.GZ", ".csv"));
  CHECK(has_file_suffix("dir.csv/x.Csv", ".csv"));
  CHECK_FALSE(has_file_suffix("postings.csv.bak", ".csv"));
  CHECK_FALSE(has_file_suffix("csv", ".csv"));
  CHECK_FALSE(has_file_suffix("", ".csv"));
}

TEST_CASE("Gzip file names", "[file_names]") {
  CHECK(is_gzip_file_name("a.csv.gz"));
  CHECK(is_gzip_file_name("A.CSV.GZ"));
  CHECK_FALSE(is_gzip_file_name("a.gzip"));
  CHECK_FALSE(is_gzip_file_name("gz"));
  CHECK_FALSE(is_gzip_file_name("-"));
}

TEST_CASE("HTML file names", "[file_names]") {
  CHECK(is_html_file_name("posting.html"));
  CHECK(is_html_file_name("a/B.HTM"));
  CHECK(is_html_file_name("posting.html.gz"));
  CHECK_FALSE(is_html_file_name("posting.txt"));
  CHECK_FALSE(is_html_file_name("html"));
}

TEST_CASE("Record inputs by file name", "[file_names]") {
  CHECK(record_input_for_name("a.csv") == "csv");
  CHECK(record_input_for_name("a.JSONL.gz") == "jsonl");
  CHECK(record_input_for_name("a.ndjson") == "jsonl");
  CHECK(record_input_for_name("a.json") == "json");
  CHECK(record_input_for_name("a.txt").empty());
  CHECK(record_input_for_name("-").empty());
}

}  // namespace
}  // namespace rolecheck
