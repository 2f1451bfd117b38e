#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>

#include "test_support.hpp"

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/engine/taxonomy_snapshot.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

using namespace rolecheck;
using rolecheck::testing::make_cue;
using rolecheck::testing::make_taxonomy;

namespace {

// Every match of every line, with its cue id, span and negation, as one comparable string per line.
std::vector<std::string> scan_all(const Matcher& matcher, const std::vector<std::string>& lines) {
  Scanner scanner(matcher);
  std::vector<std::string> out;
  for (const auto& line : lines) {
    std::string record;
    const auto& result = scanner.scan(line);
    for (const auto& match : result.matches) {
      record += matcher.cues()[match.cue].id + (match.negated ? "!" : "") + "@" + std::to_string(match.begin) + "-" +
                std::to_string(match.end) + " ";
    }
    for (const auto& negation : result.negations) record += "neg@" + std::to_string(negation.begin) + " ";
    out.push_back(record);
  }
  return out;
}

// Duties from the dev data and the examples, plus inflections, exact spellings and negations.
std::vector<std::string> sample_lines() {
  std::vector<std::string> lines = {"Cold-call prospects and close deals",
                                    "not responsible for selling",
                                    "Plan sales promotions, not only campaigns",
                                    "",
                                    "the the the",
                                    "Cold calling is not required",
                                    "Closing deals is not part of this role",
                                    "Develops brand positioning and market research without quotas"};
  for (const char* name : {"duties", "posting_sales", "posting_marketing", "posting_hybrid"}) {
    std::ifstream in(std::string(ROLECHECK_SOURCE_DIR) + "/data/examples/" + name + ".txt");
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_CASE("a snapshot restores the taxonomy and the matcher it was made from") {
  auto taxonomy =
      make_taxonomy({make_cue("sell", Side::sales, 1.5, {"sell", "=sold", "close the sale"}),
                     make_cue("brand", Side::marketing, 2, {"brand", "market research"}, NegationEffect::flip)});
  taxonomy.negation.after = {"is not required", "out of scope"};
  const Matcher matcher(taxonomy);
  const auto restored = read_taxonomy_snapshot(write_taxonomy_snapshot(taxonomy), "<test>");
  CHECK(restored.taxonomy->origin == "<test>");
  CHECK(restored.taxonomy->negation.after == taxonomy.negation.after);
  CHECK(taxonomy_to_json(*restored.taxonomy) == taxonomy_to_json(taxonomy));
  CHECK(restored.matcher->tables() == matcher.tables());
  const std::vector<std::string> lines = {"Sells and sold, selling", "not brand, market researching", "close sale",
                                          "Selling is not required", "brand work: out of scope"};
  const auto scanned = scan_all(*restored.matcher, lines);
  CHECK(scanned == scan_all(matcher, lines));
  CHECK(scanned[3].find("sell!@") != std::string::npos);   // negated by the phrase after it
  CHECK(scanned[4].find("brand!@") == std::string::npos);  // the colon ends the scope
}

TEST_CASE("the embedded snapshot equals the embedded JSON taxonomy compiled at run time") {
  const auto from_json = load_embedded_taxonomy();
  const Matcher compiled(from_json);
  const auto restored = read_taxonomy_snapshot(embedded_taxonomy_snapshot(), "<embedded>");
  CHECK(restored.taxonomy->origin == from_json.origin);
  CHECK(taxonomy_to_json(*restored.taxonomy) == taxonomy_to_json(from_json));
  CHECK(restored.matcher->tables() == compiled.tables());
  const auto lines = sample_lines();
  REQUIRE(lines.size() > 20);
  CHECK(scan_all(*restored.matcher, lines) == scan_all(compiled, lines));
  // Classifications agree too (the Classifier shares the restored matcher).
  const Classifier a(restored);
  const Classifier b(from_json);
  CHECK(&a.matcher() == restored.matcher.get());
  auto scanner_a = a.make_scanner();
  auto scanner_b = b.make_scanner();
  Classification out_a, out_b;
  for (const auto& line : lines) {
    a.classify(line, scanner_a, out_a);
    b.classify(line, scanner_b, out_b);
    CHECK(out_a.label == out_b.label);
    CHECK(out_a.confidence == out_b.confidence);
    CHECK(out_a.reasons.size() == out_b.reasons.size());
  }
}

TEST_CASE("a stem lookup finds every term and nothing else") {
  const Matcher matcher(make_taxonomy({make_cue("sell", Side::sales, 1, {"sell", "=sold", "prospect lists"})}));
  const auto& tables = matcher.tables();
  for (std::size_t term = 0; term + 1 < tables.stem_offsets.size(); ++term) {
    const auto text = std::string_view(tables.stem_arena)
                          .substr(tables.stem_offsets[term], tables.stem_offsets[term + 1] - tables.stem_offsets[term]);
    CHECK(matcher.term_of_stem(text) == static_cast<std::int32_t>(term));
  }
  CHECK(matcher.term_of_stem("=sold") >= 0);
  CHECK(matcher.term_of_stem("sold") == -1);
  CHECK(matcher.term_of_stem("") == -1);
}

TEST_CASE("a corrupt, truncated or foreign snapshot is refused with an Error, never a crash") {
  const auto blob =
      write_taxonomy_snapshot(make_taxonomy({make_cue("sell", Side::sales, 1, {"sell", "close the sale"})},
                                            {make_cue("brand", Side::marketing, 1, {"brand"})}));
  CHECK_THROWS_AS(read_taxonomy_snapshot("", "<t>"), Error);
  CHECK_THROWS_WITH(read_taxonomy_snapshot("{\"schema_version\": 1}", "<t>"), Catch::Contains("snapshot header"));
  // Every truncation.
  for (std::size_t size = 0; size < blob.size(); ++size) {
    CHECK_THROWS_AS(read_taxonomy_snapshot(std::string_view(blob).substr(0, size), "<t>"), Error);
  }
  // Another format version.
  auto other = blob;
  other[8] = static_cast<char>(other[8] + 1);
  CHECK_THROWS_WITH(read_taxonomy_snapshot(other, "<t>"), Catch::Contains("format version"));
  // Every single flipped byte: the checksum (or the header checks) refuse it.
  for (std::size_t i = 0; i < blob.size(); ++i) {
    auto flipped = blob;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    CHECK_THROWS_AS(read_taxonomy_snapshot(flipped, "<t>"), Error);
  }
}

TEST_CASE("inconsistent matcher tables are refused even when the checksum is right") {
  const Matcher matcher(make_taxonomy({make_cue("sell", Side::sales, 1, {"sell", "close the sale"})}));
  const auto refused = [&](auto&& corrupt) {
    auto tables = matcher.tables();
    corrupt(tables);
    try {
      const Matcher bad(std::move(tables));
      return false;
    } catch (const Error& error) {
      return std::strstr(error.what(), "corrupt") != nullptr || !error.diagnostics().empty();
    }
  };
  CHECK_NOTHROW(Matcher(matcher.tables()));
  CHECK(refused([](Matcher::Tables& t) { t.terminals.back() = 7; }));
  CHECK(refused([](Matcher::Tables& t) { t.root_children.back() = 1000; }));
  CHECK(refused([](Matcher::Tables& t) { t.edge_children.front() = 1000; }));
  CHECK(refused([](Matcher::Tables& t) { t.stem_slots.assign(t.stem_slots.size(), 0); }));
  CHECK(refused([](Matcher::Tables& t) { t.edge_keys.assign(t.edge_keys.size(), 1); }));
  CHECK(refused([](Matcher::Tables& t) { t.stem_offsets.back() += 1; }));
  CHECK(refused([](Matcher::Tables& t) { t.skip_terms.pop_back(); }));
  CHECK(refused([](Matcher::Tables& t) { t.edge_keys.resize(3); }));
}
