// Tests of document records formatted in blocks (as -j N does) against one stream: the same bytes.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

#include "rolecheck/document_format.hpp"

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
  DocumentFormatter stream(format, documents);
  Scanner scanner = documents.classifier().make_scanner();
  DocumentResult result;
  std::string out;
  stream.begin(out);
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
    for (const auto& item : items) add(stream, out, item);
  }
  for (const std::size_t size : blocks) {
    DocumentFormatter block = stream.block_formatter();
    std::string records;
    for (std::size_t i = 0; i < size; ++i) add(block, records, items[next++]);
    out += stream.before_block(size > 0);
    out += records;
  }
  stream.end(out);
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

TEST_CASE("no documents and only empty blocks give no output at all", "[document_format]") {
  const Classifier classifier(testing::make_taxonomy({make_cue("sales.close", Side::sales, 1.0, {"close deals"})}));
  const DocumentClassifier documents(classifier);
  for (const auto format : {RecordFormat::json, RecordFormat::tsv, RecordFormat::text}) {
    CHECK(format_items(format, documents, {}, {}).empty());
    CHECK(format_items(format, documents, {}, {0, 0}).empty());
  }
}

}  // namespace
}  // namespace rolecheck
