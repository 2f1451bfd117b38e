// Tests of document input: whole inputs and JSONL records turned into owned documents or errors.

#include <catch2/catch.hpp>
#include <string>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

#include "rolecheck/input/document_input.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

using namespace std::string_literals;

InputDocument whole(const std::string& bytes, std::size_t max_bytes = kMaxInputDocumentBytes) {
  InputDocument out;
  read_whole_document("posting.txt", bytes, out, max_bytes);
  return out;
}

InputDocument jsonl(std::string_view text, std::size_t number = 3) {
  InputLine line;
  line.text = text;
  line.number = number;
  line.raw_bytes = text.size();
  InputDocument out;
  read_jsonl_document("in.jsonl", line, out);
  return out;
}

// Every document of `bytes` read through a memfd, as the CLI reads a file.
std::vector<InputDocument> read_all(const std::string& bytes, DocumentInput layout, std::size_t max_bytes) {
  const int fd = ::memfd_create("test_document_input", 0);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  REQUIRE(::lseek(fd, 0, SEEK_SET) == 0);
  DocumentReader reader(fd, "in", layout, max_bytes);
  std::vector<InputDocument> documents;
  InputDocument document;
  try {
    while (reader.next(document)) documents.push_back(document);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return documents;
}

TEST_CASE("a whole input is one document named after the file", "[document_input]") {
  const auto document = whole("Sales Rep\n\n- Close deals\n");
  CHECK(document.ok());
  CHECK(document.text == "Sales Rep\n\n- Close deals\n");
  CHECK(document.id == "posting.txt");
  CHECK(document.file == "posting.txt");
  CHECK(document.line == 0);
  CHECK(document.invalid_utf8_line == 0);
  CHECK(document.nul_line == 0);
  const auto origin = document.origin();
  CHECK(origin.id == "posting.txt");
  CHECK(origin.id_json.empty());
  CHECK(origin.extra_json.empty());
}

TEST_CASE("a UTF-8 BOM is stripped, CRLF kept for the splitter", "[document_input]") {
  CHECK(whole("\xEF\xBB\xBFSell\r\nmore\r\n").text == "Sell\r\nmore\r\n");
  CHECK(whole("\xEF\xBB\xBF").text.empty());
  CHECK(whole("").ok());
}

TEST_CASE("UTF-16 and UTF-32, with or without a BOM, are refused with an iconv hint", "[document_input]") {
  const auto utf16le = "S\0e\0l\0l\0 \0t\0h\0i\0n\0g\0s\0"s;
  const auto utf16be = "\0S\0e\0l\0l\0 \0t\0h\0i\0n\0g\0s"s;
  for (const auto& [bytes, encoding] :
       std::vector<std::pair<std::string, std::string>>{{"\xFF\xFE" + utf16le, "UTF-16LE"},
                                                        {utf16le, "UTF-16LE"},
                                                        {"\xFE\xFF" + utf16be, "UTF-16BE"},
                                                        {utf16be, "UTF-16BE"},
                                                        {"\xFF\xFE\0\0S\0\0\0"s, "UTF-32LE"},
                                                        {"\0\0\xFE\xFF\0\0\0S"s, "UTF-32BE"}}) {
    const auto document = whole(bytes);
    CHECK_FALSE(document.ok());
    CHECK(document.text.empty());
    CHECK(document.error == "input is " + encoding + ", not UTF-8; convert it first: iconv -f " + encoding +
                                " -t UTF-8 posting.txt > posting.txt.utf8");
  }
}

TEST_CASE("invalid UTF-8 is replaced and the first line affected flagged", "[document_input]") {
  const auto document = whole("Title\nfine\nbad \xFF here\nand \xC3( here\n");
  CHECK(document.ok());
  CHECK(document.text == "Title\nfine\nbad \xEF\xBF\xBD here\nand \xEF\xBF\xBD( here\n");
  CHECK(document.invalid_utf8_line == 3);
}

TEST_CASE("NUL bytes are kept and their first line flagged", "[document_input]") {
  const auto document = whole("one\ntwo\0three\n"s);
  CHECK(document.ok());
  CHECK(document.text == "one\ntwo\0three\n"s);
  CHECK(document.nul_line == 2);
}

TEST_CASE("a document over the cap is an error naming the cap", "[document_input]") {
  CHECK(whole(std::string(16, 'a'), 16).ok());
  const auto document = whole(std::string(17, 'a'), 16);
  CHECK(document.error == "document larger than 16 bytes: split it, or pass it as several JSONL records");
  CHECK(whole(std::string(3, 'a'), std::size_t{1} << 20).ok());
  CHECK(whole(std::string((std::size_t{1} << 20) + 1, 'a'), std::size_t{1} << 20).error ==
        "document larger than 1 MiB: split it, or pass it as several JSONL records");
}

TEST_CASE("a JSONL record gives its text, id and other fields", "[document_input]") {
  const auto document = jsonl(R"({"id": "sdr", "team": "emea", "text": "Close deals", "n": [1, {"b": null}]})");
  REQUIRE(document.ok());
  CHECK(document.text == "Close deals");
  CHECK(document.id == "sdr");
  CHECK(document.id_json == "\"sdr\"");
  CHECK(document.file == "in.jsonl");
  CHECK(document.line == 3);
  CHECK(document.extra_json == R"("team":"emea","n":[1,{"b":null}])");
}

TEST_CASE("a JSONL id that is not a string is kept as JSON / no id names file:line", "[document_input]") {
  const auto numbered = jsonl(R"({"id": 42, "text": "x"})");
  CHECK(numbered.id == "42");
  CHECK(numbered.id_json == "42");
  const auto anonymous = jsonl(R"({"text": "x"})", 7);
  CHECK(anonymous.id == "in.jsonl:7");
  CHECK(anonymous.id_json.empty());
}

TEST_CASE("JSONL fields named like output fields go under input", "[document_input]") {
  const auto document = jsonl(R"({"label": "marketing", "text": "x", "keep": 1, "line": 9, "input": true})");
  CHECK(document.extra_json == R"("keep":1,"input":{"label":"marketing","line":9,"input":true})");
}

TEST_CASE("bad JSONL records are errors that say what a line needs", "[document_input]") {
  CHECK(jsonl("").error == R"(empty line: expected {"id": ..., "text": "..."} on each line)");
  CHECK(jsonl("not json").error == R"(not a JSON object: expected {"id": ..., "text": "..."} on each line)");
  CHECK(jsonl(R"(["an", "array"])").error.rfind("not a JSON object", 0) == 0);
  CHECK(jsonl(R"({"text": 1e400})").error.rfind("not a JSON object", 0) == 0);
  CHECK(jsonl(R"({"id": "x", "body": "y"})").error ==
        R"(no "text" string in this record (its keys: id, body): name the text field: --text-field body)");
  CHECK(jsonl(R"({"id": "x", "job": {"summary": "y"}})").error ==
        R"(no "text" string in this record (its keys: id, job): name the text field with --text-field KEY )"
        R"((job.description reaches inside objects))");
  CHECK(jsonl(R"({"text": ["y"]})").error.rfind("no \"text\" string", 0) == 0);
}

TEST_CASE("a raw NUL in a JSONL line gets a message about NUL", "[document_input]") {
  const auto text = "{\"text\": \"a\0b\"}"s;
  InputLine line;
  line.text = text;
  line.number = 1;
  line.has_nul = true;
  InputDocument out;
  read_jsonl_document("in.jsonl", line, out);
  CHECK(out.error.find("raw NUL byte") != std::string::npos);
  CHECK(jsonl(R"({"text": "a\u0000b"})").text == "a\0b"s);
}

TEST_CASE("JSONL nesting is capped before parsing", "[document_input]") {
  const auto nested = [](std::size_t depth) {
    return R"({"text": "x", "deep": )" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
  };
  CHECK(jsonl(nested(kMaxJsonlDepth)).ok());
  CHECK(jsonl(nested(kMaxJsonlDepth + 1)).error == "JSON nested deeper than 64 levels");
  CHECK(jsonl(std::string(100000, '[')).error == "JSON nested deeper than 64 levels");
  // Brackets inside strings do not count.
  CHECK(jsonl(R"({"text": ")" + std::string(1000, '[') + R"(\"["})").ok());
}

TEST_CASE("a JSONL record with too many values is refused", "[document_input]") {
  std::string many = R"({"text": "x", "a": [)";
  for (int i = 0; i < 100001; ++i) many += "0,";
  many += "0]}";
  CHECK(jsonl(many).error.rfind("more than 100000 JSON values", 0) == 0);
}

TEST_CASE("a JSONL line that was too long or repaired carries it", "[document_input]") {
  InputLine line;
  line.number = 4;
  line.too_long = true;
  InputDocument out;
  read_jsonl_document("in.jsonl", line, out);
  CHECK(out.error == "line longer than 16 MiB: documents are capped at that size");
  CHECK(out.id == "in.jsonl:4");
  line = InputLine{};
  line.text = R"({"text": "bad )"
              "\xEF\xBF\xBD"
              R"("})";
  line.number = 2;
  line.invalid_utf8 = true;
  read_jsonl_document("in.jsonl", line, out);
  CHECK(out.ok());
  CHECK(out.invalid_utf8_line == 2);
}

TEST_CASE("DocumentReader: a whole input is exactly one document", "[document_input]") {
  const auto documents = read_all("\xEF\xBB\xBFline one\nline two\n", DocumentInput::whole, 1024);
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].text == "line one\nline two\n");
  CHECK(read_all("", DocumentInput::whole, 1024).size() == 1);
  const auto big = read_all(std::string(200000, 'x'), DocumentInput::whole, 1000);
  REQUIRE(big.size() == 1);
  CHECK(big[0].error == "document larger than 1000 bytes: split it, or pass it as several JSONL records");
  CHECK_FALSE(read_all("S\0e\0l\0l\0\n\0"s, DocumentInput::whole, 1024).at(0).ok());
}

TEST_CASE("DocumentReader: one JSONL document per line, good or bad", "[document_input]") {
  const auto documents = read_all(
      "{\"text\": \"a\"}\r\n\nnope\n{\"text\": \"" + std::string(100, 'x') + "\"}\n" + "{\"id\": 1, \"text\": \"b\"}",
      DocumentInput::jsonl, 64);
  // The blank line 2 is skipped, not a record; the others keep their line numbers.
  REQUIRE(documents.size() == 4);
  CHECK(documents[0].text == "a");
  CHECK(documents[1].error.rfind("not a JSON object", 0) == 0);
  CHECK(documents[2].error == "line longer than 64 bytes: documents are capped at that size");
  CHECK(documents[3].id == "1");
  CHECK(documents[0].line == 1);
  for (std::size_t i = 1; i < documents.size(); ++i) CHECK(documents[i].line == i + 2);
  CHECK(read_all("", DocumentInput::jsonl, 64).empty());
  CHECK_THROWS_AS(read_all("{\0\"\0t\0\"\0:\0 \0\"\0x\0\"\0}\0\n\0"s, DocumentInput::jsonl, 64), Error);
}

}  // namespace
}  // namespace rolecheck
