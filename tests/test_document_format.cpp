// Tests of document records formatted in blocks (as -j N does) against one stream: the same bytes.

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

#include "rolecheck/output/document_format.hpp"

namespace rolecheck {
namespace {

using testing::make_cue;

struct Item {
  std::string id;
  std::string text;
  std::string error;
};

// Formats `items` as one stream, or split into blocks of the given sizes through block formatters.
std::string format_items(RecordFormat format, const DocumentClassifier& documents, const std::vector<Item>& items,
                         const std::vector<std::size_t>& blocks) {
  DocumentFormatter whole(format, documents);
  Scanner scanner = documents.classifier().make_scanner();
  DocumentResult result;
  std::string out;
  const auto add = [&](DocumentFormatter& formatter, std::string& into, const Item& item) {
    DocumentOrigin origin;
    origin.id = item.id;
    origin.file = "postings.jsonl";
    if (!item.error.empty()) {
      formatter.error_record(into, origin, item.error);
      return;
    }
    documents.classify(item.text, scanner, result);
    formatter.record(into, origin, item.text, result);
  };
  std::size_t next = 0;
  if (blocks.empty()) {
    for (const auto& item : items) add(whole, out, item);
  }
  for (const std::size_t size : blocks) {
    DocumentFormatter block = whole.block_formatter();
    std::string records;
    for (std::size_t i = 0; i < size; ++i) add(block, records, items[next++]);
    out += whole.stream().before_block(size > 0);
    out += records;
  }
  whole.stream().end(out);
  return out;
}

TEST_CASE("document records formatted in blocks equal one stream, in every format", "[document_format]") {
  const Classifier classifier(
      testing::make_taxonomy({make_cue("sales.close", Side::sales, 1.0, {"close deals", "cold call"}),
                              make_cue("marketing.campaign", Side::marketing, 1.0, {"campaign", "press release"})}));
  const DocumentClassifier documents(classifier);
  const std::vector<Item> items = {
      {"a", "Account Executive\n- Cold call prospects\n- Close deals", ""},
      {"b", "", "not a JSON object"},
      {"c", "Marketing Lead\n- Plan the campaign\n- Write a press release", ""},
      {"d", "Nothing to see here.", ""},
      {"e", "Close deals and run a campaign.", ""},
  };
  for (const auto format :
       {RecordFormat::text, RecordFormat::jsonl, RecordFormat::json, RecordFormat::tsv, RecordFormat::csv}) {
    CAPTURE(static_cast<int>(format));
    const auto whole = format_items(format, documents, items, {});
    REQUIRE_FALSE(whole.empty());
    CHECK(format_items(format, documents, items, {2, 0, 3}) == whole);
    CHECK(format_items(format, documents, items, {0, 1, 1, 1, 1, 1, 0}) == whole);
    CHECK(format_items(format, documents, items, {5}) == whole);
  }
}

TEST_CASE("no documents and only empty blocks give no output at all, and JSON an empty array", "[document_format]") {
  const Classifier classifier(testing::make_taxonomy({make_cue("sales.close", Side::sales, 1.0, {"close deals"})}));
  const DocumentClassifier documents(classifier);
  for (const auto format : {RecordFormat::jsonl, RecordFormat::tsv, RecordFormat::csv, RecordFormat::text}) {
    CHECK(format_items(format, documents, {}, {}).empty());
    CHECK(format_items(format, documents, {}, {0, 0}).empty());
  }
  CHECK(format_items(RecordFormat::json, documents, {}, {}) == "[]\n");
  CHECK(format_items(RecordFormat::json, documents, {}, {0, 0}) == "[]\n");
}

TEST_CASE("only a verdict that leans shows vote shares and sides, in every format", "[document_format]") {
  // A software engineer's posting with one stray marketing duty is other: its marketing "share" of 1 and its
  // marketing sides would describe that one duty, not the role.
  auto taxonomy = testing::make_taxonomy({make_cue("marketing.campaign", Side::marketing, 3.0, {"campaign"})});
  taxonomy.other_work.cues = {testing::make_other_cue("other.code", 1.0, {"write code", "fix bugs", "review code"})};
  const Classifier classifier(taxonomy);
  const DocumentClassifier documents(classifier);
  const std::vector<Item> items = {{"eng", "- Write code\n- Fix bugs\n- Review code\n- Plan the campaign\n", ""},
                                   {"mkt", "- Plan the campaign\n- Run the campaign\n", ""}};
  Scanner scanner = classifier.make_scanner();
  DocumentResult result;
  documents.classify(items[0].text, scanner, result);
  REQUIRE(result.label == RoleLabel::other);
  REQUIRE(result.shares[1] == 1.0);  // the classifier still computes them
  REQUIRE(result.differences[1].has_evidence);
  CHECK_FALSE(has_role_leaning(RoleLabel::other));
  CHECK_FALSE(has_role_leaning(RoleLabel::unknown));
  CHECK(has_role_leaning(RoleLabel::hybrid));

  const auto jsonl = format_items(RecordFormat::jsonl, documents, items, {});
  const auto eng = nlohmann::json::parse(jsonl.substr(0, jsonl.find('\n')));
  const auto mkt = nlohmann::json::parse(jsonl.substr(jsonl.find('\n') + 1));
  CHECK(eng["label"] == "other");
  CHECK(eng["shares"].is_null());
  CHECK(eng["votes"]["marketing"].get<double>() > 0.0);  // the evidence stays
  CHECK(eng["differences"]["core_capabilities"]["side"].is_null());
  CHECK(eng["differences"]["core_capabilities"]["evidence"]["marketing"].get<double>() > 0.0);
  CHECK(eng["differences"]["core_capabilities"]["strongest"]["cue"] == "marketing.campaign");
  CHECK(mkt["label"] == "marketing");
  CHECK(mkt["shares"]["marketing"] == 1);
  CHECK(mkt["differences"]["core_capabilities"]["side"] == "marketing");

  for (const auto format : {RecordFormat::tsv, RecordFormat::csv}) {
    const auto out = format_items(format, documents, items, {});
    const std::string separator = format == RecordFormat::tsv ? "\t" : ",";
    const auto sep = [&](std::string text) {
      std::replace(text.begin(), text.end(), '|', separator[0]);
      return text;
    };
    CHECK(out.find(sep("eng|postings.jsonl||other|0.")) != std::string::npos);
    CHECK(out.find(sep("||4|4|0.000|0.250|0.750|-|-|-|-||")) != std::string::npos);  // no shares, no sides
    CHECK(out.find(sep("mkt|postings.jsonl||marketing|")) != std::string::npos);
    CHECK(out.find(sep("|0.000|1.000|2|2|")) != std::string::npos);
    CHECK(out.find(sep("|-|marketing|-|-||")) != std::string::npos);
  }

  const auto text = format_items(RecordFormat::text, documents, items, {});
  CHECK(text.find("  shares: -, not a sales or marketing role (4 duties: 0 lean sales, 1 leans marketing)\n") !=
        std::string::npos);
  CHECK(text.find("  core_capabilities        -          marketing.campaign \"campaign\"\n") != std::string::npos);
  CHECK(text.find("  shares: sales 0.00, marketing 1.00 (2 duties: 0 lean sales, 2 lean marketing)\n") !=
        std::string::npos);
  CHECK(text.find("  core_capabilities        marketing  marketing.campaign \"campaign\"\n") != std::string::npos);
}

TEST_CASE("an other verdict carries the share of each kind of duty and the other-work matches in every format",
          "[document_format]") {
  auto taxonomy = testing::make_taxonomy({make_cue("sales.close", Side::sales, 1.0, {"close deals"})});
  taxonomy.other_work.cues = {testing::make_other_cue("other.stock", 1.0, {"stock shelves"})};
  const Classifier classifier(taxonomy);
  const DocumentClassifier documents(classifier);
  const std::vector<Item> items = {{"p", "- Stock shelves\n- Sweep floors\n- Close deals\n", ""},
                                   {"x", "", "not a JSON object"}};
  const auto jsonl = format_items(RecordFormat::jsonl, documents, items, {});
  CHECK(jsonl.find("\"label\":\"other\"") != std::string::npos);
  CHECK(jsonl.find("\"duty_shares\":{\"sales\":0.3333,\"marketing\":0,\"other\":0.6667}") != std::string::npos);
  CHECK(jsonl.find("\"other_work\":[{\"cue\":\"other.stock\",\"match\":\"Stock shelves\",\"span\":[2,15],"
                   "\"weight\":1,\"negated\":false}]") != std::string::npos);
  CHECK(jsonl.find("\"basis\":\"evidence of other work outweighs\"") != std::string::npos);
  CHECK(jsonl.find("\"role\":\"core\"") != std::string::npos);

  const auto tsv = format_items(RecordFormat::tsv, documents, items, {});
  const auto header_end = tsv.find('\n');
  CHECK(tsv.substr(0, header_end).find("\tvoting\tsales_duties\tmarketing_duties\tother_duties\t") !=
        std::string::npos);
  CHECK(tsv.find("p\tpostings.jsonl\t\tother\t") != std::string::npos);
  CHECK(tsv.find("\t3\t3\t0.333\t0.000\t0.667\t") != std::string::npos);
  // Review last: the other verdict's duties are 0.67 other, 0.33 sales (margin 0.33, not flagged); an error record
  // is always flagged.
  CHECK(tsv.substr(0, header_end).find("\terror\treview") != std::string::npos);
  CHECK(tsv.find("\t\tfalse\n") != std::string::npos);
  CHECK(tsv.find("x\tpostings.jsonl\t\tunknown\t") != std::string::npos);
  CHECK(tsv.find("\tnot a JSON object\ttrue\n") != std::string::npos);
  CHECK(jsonl.find("\"label\":\"other\",\"confidence\":0.52,\"review\":false,") != std::string::npos);
  CHECK(jsonl.find("\"label\":\"unknown\",\"review\":true,\"error\":\"not a JSON object\"") != std::string::npos);
  // Each duty carries its own flag (no review thresholds in this taxonomy: none flagged).
  CHECK(jsonl.find("\"confidence\":1.00,\"review\":false,\"basis\":\"no sales or marketing cue matched\"") !=
        std::string::npos);
  // Every row, error rows too, has as many fields as the header.
  std::size_t start = 0;
  while (start < tsv.size()) {
    const auto end = tsv.find('\n', start);
    CHECK(std::count(tsv.begin() + static_cast<std::ptrdiff_t>(start), tsv.begin() + static_cast<std::ptrdiff_t>(end),
                     '\t') == 17);
    start = end + 1;
  }

  const auto text = format_items(RecordFormat::text, documents, items, {});
  CHECK(text.find("p: other (confidence 0.52)\n") != std::string::npos);
  CHECK(text.find("  work: sales 0.33, marketing 0.00, other 0.67 (shares of the voting duties)\n") !=
        std::string::npos);
  DocumentFormatter explained(RecordFormat::text, documents, RecordStyle{true, false});
  Scanner scanner = classifier.make_scanner();
  DocumentResult result;
  documents.classify(items[0].text, scanner, result);
  std::string out;
  explained.record(out, DocumentOrigin{"p", {}, "p.txt", 0, {}}, items[0].text, result);
  CHECK(
      out.find(
          "      (evidence of other work outweighs)\n"
          "      other_work              other     other   other.stock                      \"Stock shelves\" +1\n") !=
      std::string::npos);
  CHECK(out.find("core_capabilities       sales     core    sales.close                      \"Close deals\" +1\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace rolecheck
