// Tests of the framing every record stream shares: the prologue only with a first record, separators, the end,
// and blocks framed apart (as -j N does) giving the same bytes as one stream.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rolecheck/output/record_stream.hpp"

namespace rolecheck {
namespace {

// Writes records "r0", "r1", ... through `stream` in one go, or in blocks of the given sizes; then the end.
std::string frame(RecordStream stream, std::size_t records, const std::vector<std::size_t>& blocks = {}) {
  std::string out;
  std::size_t next = 0;
  const auto add = [&next](RecordStream& into, std::string& text) {
    into.open_record(text);
    text += "r" + std::to_string(next++);
  };
  if (blocks.empty()) {
    while (next < records) add(stream, out);
  }
  for (const std::size_t size : blocks) {
    RecordStream block = stream.block();
    std::string text;
    for (std::size_t i = 0; i < size; ++i) add(block, text);
    out += stream.before_block(size > 0);
    out += text;
  }
  stream.end(out);
  return out;
}

}  // namespace

TEST_CASE("parse_record_format knows the five formats and nothing else", "[record_stream]") {
  CHECK(parse_record_format("text") == RecordFormat::text);
  CHECK(parse_record_format("jsonl") == RecordFormat::jsonl);
  CHECK(parse_record_format("json") == RecordFormat::json);
  CHECK(parse_record_format("tsv") == RecordFormat::tsv);
  CHECK(parse_record_format("csv") == RecordFormat::csv);
  CHECK_FALSE(parse_record_format("JSON"));
  CHECK_FALSE(parse_record_format(""));
}

TEST_CASE("a JSON stream is one array, also with no record", "[record_stream]") {
  CHECK(frame(RecordStream(RecordFormat::json, "ignored"), 0) == "[]\n");
  CHECK(frame(RecordStream(RecordFormat::json, "ignored"), 1) == "[\nr0\n]\n");
  CHECK(frame(RecordStream(RecordFormat::json, "ignored"), 3) == "[\nr0,\nr1,\nr2\n]\n");
}

TEST_CASE("the TSV and CSV header comes with the first record only", "[record_stream]") {
  CHECK(frame(RecordStream(RecordFormat::tsv, "h\n"), 0).empty());
  CHECK(frame(RecordStream(RecordFormat::tsv, "h\n"), 2) == "h\nr0r1");
  CHECK(frame(RecordStream(RecordFormat::csv, "h\r\n"), 1) == "h\r\nr0");
  CHECK(frame(RecordStream(RecordFormat::jsonl, "h\n"), 2) == "r0r1");  // a header only for TSV and CSV
}

TEST_CASE("text records get the text separator between them, not before the first", "[record_stream]") {
  CHECK(frame(RecordStream(RecordFormat::text, "h\n", "\n"), 3) == "r0\nr1\nr2");
  CHECK(frame(RecordStream(RecordFormat::text, "h\n"), 3) == "r0r1r2");
  CHECK(frame(RecordStream(RecordFormat::text, "h\n", "\n"), 0).empty());
}

TEST_CASE("blocks framed apart give the bytes of one stream, empty blocks included", "[record_stream]") {
  for (const auto format :
       {RecordFormat::text, RecordFormat::jsonl, RecordFormat::json, RecordFormat::tsv, RecordFormat::csv}) {
    const RecordStream stream(format, "h\n", "\n");
    const std::string whole = frame(stream, 6);
    CHECK(frame(stream, 6, {0, 1, 0, 3, 2, 0}) == whole);
    CHECK(frame(stream, 6, {6}) == whole);
    CHECK(frame(stream, 6, {1, 1, 1, 1, 1, 1}) == whole);
    CHECK(frame(stream, 0, {0, 0}) == frame(stream, 0));
  }
}

}  // namespace rolecheck
