// Tests of the records `rolecheck classify` writes: every format, the empty stream, blocks formatted apart
// (as -j N does) against one stream, escaping, and spans that index the duty's bytes.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

#include "rolecheck/output/record_format.hpp"

namespace rolecheck {
namespace {

using testing::make_cue;
using testing::make_other_cue;
using testing::make_taxonomy;
using namespace std::string_literals;

Classifier record_classifier() {
  auto taxonomy = make_taxonomy({make_cue("sales.sell", Side::sales, 2, {"sell"}, NegationEffect::drop),
                                 make_cue("marketing.ads", Side::marketing, 2, {"advertising"})});
  taxonomy.other_work.cues = {make_other_cue("other.stock", 1, {"inventory"})};
  return Classifier(taxonomy);
}

// Formats `lines` (origin "f.txt", lines 1..n) as one stream, or in blocks of the given sizes.
std::string format_lines(RecordFormat format, const Classifier& classifier, const std::vector<std::string>& lines,
                         const std::vector<std::size_t>& blocks = {}) {
  RecordFormatter whole(format, classifier);
  Scanner scanner = classifier.make_scanner();
  Classification result;
  std::string out;
  std::size_t next = 0;
  const auto add = [&](RecordFormatter& formatter, std::string& into) {
    classifier.classify(lines[next], scanner, result);
    formatter.record(into, RecordOrigin{"f.txt", next + 1}, lines[next], result);
    ++next;
  };
  if (blocks.empty()) {
    while (next < lines.size()) add(whole, out);
  }
  for (const std::size_t size : blocks) {
    RecordFormatter block = whole.block_formatter();
    std::string records;
    for (std::size_t i = 0; i < size; ++i) add(block, records);
    out += whole.stream().before_block(size > 0);
    out += records;
  }
  whole.stream().end(out);
  return out;
}

const std::vector<std::string> kLines = {"Sell advertising", "", "Count inventory", "do not sell \xC3\xA9 advertising"};

}  // namespace

TEST_CASE("no records: nothing at all, except JSON's empty array", "[record_format]") {
  const Classifier classifier = record_classifier();
  for (const auto format : {RecordFormat::text, RecordFormat::jsonl, RecordFormat::tsv, RecordFormat::csv}) {
    CHECK(format_lines(format, classifier, {}).empty());
    CHECK(format_lines(format, classifier, {}, {0, 0}).empty());
  }
  CHECK(format_lines(RecordFormat::json, classifier, {}) == "[]\n");
  CHECK(format_lines(RecordFormat::json, classifier, {}, {0, 0}) == "[]\n");
  CHECK(nlohmann::json::parse(format_lines(RecordFormat::json, classifier, {})).empty());
}

TEST_CASE("records formatted in blocks equal one stream, in every format", "[record_format]") {
  const Classifier classifier = record_classifier();
  for (const auto format :
       {RecordFormat::text, RecordFormat::jsonl, RecordFormat::json, RecordFormat::tsv, RecordFormat::csv}) {
    const auto one = format_lines(format, classifier, kLines);
    CHECK(format_lines(format, classifier, kLines, {1, 3}) == one);
    CHECK(format_lines(format, classifier, kLines, {0, 2, 0, 2, 0}) == one);
    CHECK(format_lines(format, classifier, kLines, {4}) == one);
  }
}

TEST_CASE("JSON records: one object per line, fields as documented, spans index the duty's bytes", "[record_format]") {
  const Classifier classifier = record_classifier();
  const auto jsonl = format_lines(RecordFormat::jsonl, classifier, kLines);
  const auto array = nlohmann::json::parse(format_lines(RecordFormat::json, classifier, kLines));
  REQUIRE(array.size() == kLines.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i < kLines.size(); ++i) {
    const auto end = jsonl.find('\n', start);
    const auto record = nlohmann::json::parse(jsonl.substr(start, end - start));
    start = end + 1;
    CHECK(record == array[i]);
    CHECK(record["file"] == "f.txt");
    CHECK(record["line"] == i + 1);
    CHECK(record["text"] == kLines[i]);
    for (const auto& key : {"label", "confidence", "review", "basis", "scores", "core", "reasons", "other_work"}) {
      CHECK(record.contains(key));
    }
    for (const auto* list : {"reasons", "other_work"}) {
      for (const auto& match : record[list]) {
        const auto begin = match["span"][0].get<std::size_t>();
        const auto stop = match["span"][1].get<std::size_t>();
        CHECK(kLines[i].substr(begin, stop - begin) == match["match"].get<std::string>());
      }
    }
  }
  // "é" (2 bytes) before the match: the span counts bytes, not characters.
  const auto last = array[3];
  REQUIRE(last["reasons"].size() == 2);
  CHECK(last["reasons"][1]["match"] == "advertising");
  CHECK(last["reasons"][1]["span"][0] == 15);
  CHECK(last["reasons"][0]["negated"] == true);
  CHECK(array[1]["label"] == "unknown");
  CHECK(array[1]["basis"] == "empty");
  CHECK(array[2]["other_work"][0]["cue"] == "other.stock");
}

TEST_CASE("TSV escapes and CSV quotes every special byte / headers come once", "[record_format]") {
  const Classifier classifier = record_classifier();
  const std::vector<std::string> odd = {"sell\tthe \"ads\", now\\\r\nmore\0end"s};
  const auto tsv = format_lines(RecordFormat::tsv, classifier, odd);
  CHECK(tsv.rfind("file\tline\tlabel\tconfidence\treasons\ttext\treview\tbasis\tsales_score\tmarketing_score\tid\n",
                  0) == 0);
  CHECK(tsv.find("sell\\tthe \"ads\", now\\\\\\r\\nmore\\0end\t") != std::string::npos);
  CHECK(std::count(tsv.begin(), tsv.end(), '\n') == 2);  // header and one record
  const auto csv = format_lines(RecordFormat::csv, classifier, odd);
  CHECK(csv.rfind("file,line,label,confidence,reasons,text,review,basis,sales_score,marketing_score,id\r\n", 0) == 0);
  CHECK(csv.find("\"sell\tthe \"\"ads\"\", now\\\r\nmore\0end\","s) != std::string::npos);
  const auto two = format_lines(RecordFormat::csv, classifier, kLines);
  CHECK(two.find("file,line") == 0);
  CHECK(two.find("file,line", 1) == std::string::npos);
}

TEST_CASE("TSV and CSV columns keep their places whether or not the duties are records with ids", "[record_format]") {
  const Classifier classifier = record_classifier();
  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify("Sell the car", scanner, result);
  RecordOrigin record("r.jsonl", 3);
  record.id = "req-7";
  for (const auto format : {RecordFormat::tsv, RecordFormat::csv}) {
    const char separator = format == RecordFormat::tsv ? '\t' : ',';
    std::string plain;
    RecordFormatter(format, classifier).record(plain, RecordOrigin{"f.txt", 3}, "Sell the car", result);
    std::string with_id;
    RecordFormatter(format, classifier, RecordStyle{false, false, true})
        .record(with_id, record, "Sell the car", result);
    const auto split = [&](const std::string& out) {
      std::vector<std::vector<std::string>> rows(1);
      std::string field;
      for (const char c : out) {
        if (c == separator || c == '\n') {
          rows.back().push_back(field);
          field.clear();
          if (c == '\n') rows.emplace_back();
        } else if (c != '\r') {
          field += c;
        }
      }
      rows.pop_back();
      return rows;
    };
    const auto plain_rows = split(plain);
    const auto id_rows = split(with_id);
    REQUIRE(plain_rows.size() == 2);
    REQUIRE(id_rows.size() == 2);
    CHECK(plain_rows[0] == id_rows[0]);  // one header
    REQUIRE(plain_rows[1].size() == plain_rows[0].size());
    REQUIRE(id_rows[1].size() == id_rows[0].size());
    CHECK(plain_rows[1][2] == "sales");  // label in the third column either way
    CHECK(id_rows[1][2] == "sales");
    CHECK(id_rows[0].back() == "id");
    CHECK(id_rows[1].back() == "req-7");
    CHECK(plain_rows[1].back().empty());
  }
}

TEST_CASE("the text format marks records for review and lists reasons with --explain", "[record_format]") {
  const Classifier classifier = record_classifier();
  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify("Sell advertising", scanner, result);
  RecordFormatter plain(RecordFormat::text, classifier);
  std::string out;
  result.review = true;
  plain.record(out, RecordOrigin{"f.txt", 1}, "Sell advertising", result);
  result.review = false;
  plain.record(out, RecordOrigin{"f.txt", 2}, "Sell advertising", result);
  plain.stream().end(out);
  const auto newline = out.find('\n');
  REQUIRE(newline != std::string::npos);
  const std::string first = out.substr(0, newline);
  const std::string second = out.substr(newline + 1, out.find('\n', newline + 1) - newline - 1);
  CHECK(first.size() == second.size());  // the text starts in the same column either way
  CHECK(first.find(" ? Sell advertising") != std::string::npos);
  CHECK(second.find("   Sell advertising") != std::string::npos);

  RecordFormatter explained(RecordFormat::text, classifier, RecordStyle{true, false});
  std::string trace;
  explained.record(trace, RecordOrigin{"f.txt", 1}, "Sell advertising", result);
  CHECK(trace.find("sales.sell") != std::string::npos);
  CHECK(trace.find("marketing.ads") != std::string::npos);
  CHECK(trace.find("\"advertising\"") != std::string::npos);
  CHECK(trace.find('\x1b') == std::string::npos);  // no colour unless asked
}

TEST_CASE("the reasons summary: negated matches marked, other work last", "[record_format]") {
  const Classifier classifier = record_classifier();
  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify("Count inventory and sell advertising", scanner, result);
  const auto summary = reasons_summary(result, classifier.matcher());
  INFO(summary);
  CHECK(summary == "sales.sell+2 marketing.ads+2 other:other.stock+1");
  std::string appended = "x";
  append_reasons_summary(appended, result, classifier.matcher());
  CHECK(appended == "x" + summary);
  classifier.classify("do not sell cars", scanner, result);
  CHECK(reasons_summary(result, classifier.matcher()) == "!sales.sell");
}

}  // namespace rolecheck
