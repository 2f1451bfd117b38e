#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "rolecheck/engine/matcher.hpp"
#include "rolecheck/support/error.hpp"

using namespace rolecheck;
using rolecheck::testing::make_cue;
using rolecheck::testing::make_taxonomy;

namespace {
std::vector<std::string> matched_cues(const Matcher& matcher, std::string_view text) {
  Scanner scanner(matcher);
  std::vector<std::string> ids;
  for (const auto& match : scanner.scan(text).matches) {
    ids.push_back(matcher.cues()[match.cue].id + (match.negated ? "!" : "") + "=" +
                  std::string(text.substr(match.begin, match.end - match.begin)));
  }
  return ids;
}
}  // namespace

TEST_CASE("stemming lets inflections meet their cue") {
  const Matcher matcher(make_taxonomy({make_cue("sell", Side::sales, 1, {"sell", "sold"})}));
  CHECK(matched_cues(matcher, "Sells products") == std::vector<std::string>{"sell=Sells"});
  CHECK(matched_cues(matcher, "selling and sold") == std::vector<std::string>{"sell=selling", "sell=sold"});
}

TEST_CASE("cues match whole words only") {
  const Matcher matcher(make_taxonomy({make_cue("sale", Side::sales, 1, {"sale"})}));
  CHECK(matched_cues(matcher, "wholesaler pricing").empty());
  CHECK(matched_cues(matcher, "close the sale") == std::vector<std::string>{"sale=sale"});
}

TEST_CASE("multi-word cues win over shorter overlapping ones (leftmost-longest)") {
  const Matcher matcher(make_taxonomy(
      {make_cue("sales", Side::sales, 1, {"sales"}), make_cue("promo", Side::marketing, 2, {"sales promotion"})}));
  CHECK(matched_cues(matcher, "Plan sales promotions and track sales") ==
        std::vector<std::string>{"promo=sales promotions", "sales=sales"});
}

TEST_CASE("skip words are ignored inside phrases, clause breaks are not crossed") {
  const Matcher matcher(make_taxonomy({make_cue("close", Side::sales, 1, {"close sale"})}));
  CHECK(matched_cues(matcher, "close the sale") == std::vector<std::string>{"close=close the sale"});
  CHECK(matched_cues(matcher, "close, sale").empty());
}

TEST_CASE("negation governs cues within its scope and clause") {
  const Matcher matcher(
      make_taxonomy({make_cue("sell", Side::sales, 1, {"sell"}), make_cue("quota", Side::sales, 1, {"sales quota"})}));
  CHECK(matched_cues(matcher, "not responsible for directly selling products") ==
        std::vector<std::string>{"sell!=selling"});
  CHECK(matched_cues(matcher, "no sales quota") == std::vector<std::string>{"quota!=sales quota"});
  CHECK(matched_cues(matcher, "not here, sell products") == std::vector<std::string>{"sell=sell"});
  CHECK(matched_cues(matcher, "not one two three four five six sell") == std::vector<std::string>{"sell=sell"});
  CHECK(matched_cues(matcher, "not only sell") == std::vector<std::string>{"sell=sell"});
}

namespace {
Taxonomy backward_taxonomy() {
  auto taxonomy = make_taxonomy({make_cue("call", Side::sales, 1, {"cold calling", "cold call"}),
                                 make_cue("close", Side::sales, 1, {"close deals", "closing deals"})});
  taxonomy.negation.words.push_back("not required to");
  taxonomy.negation.after = {"is not required", "not required", "is handled by"};
  return taxonomy;
}
}  // namespace

TEST_CASE("a backward negation governs the cues that end within its scope before it") {
  const Matcher matcher(backward_taxonomy());
  CHECK(matched_cues(matcher, "Cold calling is not required for this position") ==
        std::vector<std::string>{"call!=Cold calling"});
  CHECK(matched_cues(matcher, "Closing deals is handled by the account team") ==
        std::vector<std::string>{"close!=Closing deals"});
  CHECK(matched_cues(matcher, "Cold calling and closing deals not required") ==
        std::vector<std::string>{"call!=Cold calling", "close!=closing deals"});
  Scanner scanner(matcher);
  const auto& scan = scanner.scan("Cold calling is not required");
  REQUIRE(scan.negations.size() == 1);
  CHECK(scan.negations[0].backward);
  CHECK(scan.matches[0].negation == 0);
}

TEST_CASE("a backward negation stops at a clause break and at its scope") {
  const Matcher matcher(backward_taxonomy());
  CHECK(matched_cues(matcher, "Close deals; travel is not required") == std::vector<std::string>{"close=Close deals"});
  CHECK(matched_cues(matcher, "Close deals, not required to travel") == std::vector<std::string>{"close=Close deals"});
  // The cue ends 5 words before the phrase: governed; 6 words: not.
  CHECK(matched_cues(matcher, "cold calling one two three four not required") ==
        std::vector<std::string>{"call!=cold calling"});
  CHECK(matched_cues(matcher, "cold calling one two three four five not required") ==
        std::vector<std::string>{"call=cold calling"});
}

TEST_CASE("a backward negation negates nothing after it, and nothing twice") {
  const Matcher matcher(backward_taxonomy());
  // "not" inside "not required" is not also a forward negation.
  CHECK(matched_cues(matcher, "travel not required and close deals") == std::vector<std::string>{"close=close deals"});
  CHECK(matched_cues(matcher, "travel not required; close deals") == std::vector<std::string>{"close=close deals"});
  // The longer forward phrase wins where the words negate forward.
  CHECK(matched_cues(matcher, "You are not required to cold call") == std::vector<std::string>{"call!=cold call"});
  // A match governed both ways is negated once, by the forward negation.
  Scanner scanner(matcher);
  const auto& scan = scanner.scan("no cold calling is not required");
  REQUIRE(scan.matches.size() == 1);
  CHECK(scan.matches[0].negated);
  CHECK_FALSE(scan.negations[scan.matches[0].negation].backward);
}

TEST_CASE("without backward phrases the forward scope is unchanged") {
  auto with_after = backward_taxonomy();
  auto without_after = with_after;
  without_after.negation.after.clear();
  const Matcher a(with_after);
  const Matcher b(without_after);
  for (const std::string_view text : {"not cold calling", "no one two three four close deals", "close deals, not",
                                      "not one two three four five close deals", "cold calling is required"}) {
    CHECK(matched_cues(a, text) == matched_cues(b, text));
  }
  CHECK(matched_cues(a, "cold calling is required") == std::vector<std::string>{"call=cold calling"});
}

TEST_CASE("a backward phrase that normalises like a forward one is reported") {
  auto taxonomy = backward_taxonomy();
  taxonomy.negation.after.push_back("Not");
  try {
    const Matcher matcher(taxonomy);
    FAIL("expected an error");
  } catch (const Error& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].pointer == "/negation/after/3");
  }
}

TEST_CASE("a phrase that normalises like another cue's phrase is reported with both pointers") {
  auto taxonomy =
      make_taxonomy({make_cue("sell", Side::sales, 1, {"selling"}), make_cue("sells", Side::marketing, 1, {"Sells"})});
  taxonomy.origin = "t.json";
  try {
    const Matcher matcher(taxonomy);
    FAIL("expected an error");
  } catch (const Error& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(format_diagnostic(error.diagnostics()[0]) ==
          "t.json: error: /differences/1/cues/1/phrases/0: phrase \"Sells\" normalises to the same words as "
          "/differences/1/cues/0/phrases/0; it can never match here: remove one of the two");
  }
}

TEST_CASE("a phrase with no words left is reported") {
  auto taxonomy = make_taxonomy({make_cue("empty", Side::sales, 1, {"the --"})});
  CHECK_THROWS_WITH(Matcher(taxonomy),
                    Catch::Contains("/differences/1/cues/0/phrases/0") && Catch::Contains("no words left"));
}

TEST_CASE("a word written =word matches only that spelling, and wins over its stem") {
  const Matcher matcher(make_taxonomy({make_cue("market", Side::sales, 1, {"market"}),
                                       make_cue("marketing", Side::marketing, 2, {"=marketing", "=marketing plan"})}));
  CHECK(matched_cues(matcher, "markets") == std::vector<std::string>{"market=markets"});
  CHECK(matched_cues(matcher, "Marketing") == std::vector<std::string>{"marketing=Marketing"});
  CHECK(matched_cues(matcher, "marketing plans") == std::vector<std::string>{"marketing=marketing plans"});
  CHECK(matched_cues(matcher, "marketed") == std::vector<std::string>{"market=marketed"});
}

TEST_CASE("words longer than 8 bytes and words sharing a prefix are told apart") {
  const Matcher matcher(make_taxonomy(
      {make_cue("mkt", Side::marketing, 1, {"crm2024alpha"}), make_cue("sales", Side::sales, 1, {"crm2024omega"})}));
  CHECK(matched_cues(matcher, "CRM2024alpha, crm2024omega; crm2024 CRM2024ALPHA crm2024alph") ==
        std::vector<std::string>{"mkt=CRM2024alpha", "sales=crm2024omega", "mkt=CRM2024ALPHA"});
}

TEST_CASE("a * in a phrase stands for exactly one word, within the clause") {
  const Matcher matcher(
      make_taxonomy({make_cue("close", Side::sales, 3, {"close deals", "close * deals", "close * * deals"})}));
  CHECK(matched_cues(matcher, "Close deals") == std::vector<std::string>{"close=Close deals"});
  CHECK(matched_cues(matcher, "Close new deals") == std::vector<std::string>{"close=Close new deals"});
  CHECK(matched_cues(matcher, "close large enterprise deals") ==
        std::vector<std::string>{"close=close large enterprise deals"});
  // Skip words are not words the * can take, and are skipped as everywhere else.
  CHECK(matched_cues(matcher, "close the big deals") == std::vector<std::string>{"close=close the big deals"});
  CHECK(matched_cues(matcher, "close one two three deals").empty());
  CHECK(matched_cues(matcher, "close new, deals").empty());
}

TEST_CASE("a negation word or an other-work word never fills a *") {
  auto taxonomy = make_taxonomy({make_cue("close", Side::sales, 3, {"close * deals", "negotiate * deals"})});
  Cue purchasing;
  purchasing.id = "other.purchasing";
  purchasing.weight = 3;
  purchasing.role = CueRole::other;
  purchasing.phrases = {"suppliers"};
  taxonomy.other_work.cues = {purchasing};
  const Matcher matcher(taxonomy);
  CHECK(matched_cues(matcher, "close new deals") == std::vector<std::string>{"close=close new deals"});
  CHECK(matched_cues(matcher, "close no deals").empty());
  CHECK(matched_cues(matcher, "negotiate supplier deals") == std::vector<std::string>{"other.purchasing=supplier"});
  CHECK(matched_cues(matcher, "negotiate without deals").empty());
}

TEST_CASE("a * starting or ending a phrase is reported") {
  auto taxonomy = make_taxonomy({make_cue("close", Side::sales, 1, {"close *", "* deals"})});
  try {
    const Matcher matcher(taxonomy);
    FAIL("expected an error");
  } catch (const Error& error) {
    REQUIRE(error.diagnostics().size() == 2);
    CHECK_THAT(format_diagnostic(error.diagnostics()[0]),
               Catch::Contains("/differences/1/cues/0/phrases/0") && Catch::Contains("starts or ends with \"*\""));
    CHECK_THAT(format_diagnostic(error.diagnostics()[1]), Catch::Contains("/differences/1/cues/0/phrases/1"));
  }
}

TEST_CASE("a matcher restored from its tables keeps the * phrases") {
  const Matcher compiled(make_taxonomy({make_cue("close", Side::sales, 3, {"close * deals"})}));
  const Matcher restored(compiled.tables());
  CHECK(restored.wildcard_term() == compiled.wildcard_term());
  CHECK(matched_cues(restored, "close new deals") == std::vector<std::string>{"close=close new deals"});
  const Matcher plain(make_taxonomy({make_cue("close", Side::sales, 3, {"close deals"})}));
  CHECK(plain.wildcard_term() == -1);
}
