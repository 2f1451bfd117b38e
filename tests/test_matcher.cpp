#include <catch2/catch.hpp>

#include "rolecheck/matcher.hpp"
#include "test_support.hpp"

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
  const Matcher matcher(make_taxonomy({make_cue("sales", Side::sales, 1, {"sales"}),
                                       make_cue("promo", Side::marketing, 2, {"sales promotion"})}));
  CHECK(matched_cues(matcher, "Plan sales promotions and track sales") ==
        std::vector<std::string>{"promo=sales promotions", "sales=sales"});
}

TEST_CASE("skip words are ignored inside phrases, clause breaks are not crossed") {
  const Matcher matcher(make_taxonomy({make_cue("close", Side::sales, 1, {"close sale"})}));
  CHECK(matched_cues(matcher, "close the sale") == std::vector<std::string>{"close=close the sale"});
  CHECK(matched_cues(matcher, "close, sale").empty());
}

TEST_CASE("negation governs cues within its scope and clause") {
  const Matcher matcher(make_taxonomy({make_cue("sell", Side::sales, 1, {"sell"}),
                                       make_cue("quota", Side::sales, 1, {"sales quota"})}));
  CHECK(matched_cues(matcher, "not responsible for directly selling products") ==
        std::vector<std::string>{"sell!=selling"});
  CHECK(matched_cues(matcher, "no sales quota") == std::vector<std::string>{"quota!=sales quota"});
  CHECK(matched_cues(matcher, "not here, sell products") == std::vector<std::string>{"sell=sell"});
  CHECK(matched_cues(matcher, "not one two three four five six sell") == std::vector<std::string>{"sell=sell"});
  CHECK(matched_cues(matcher, "not only sell") == std::vector<std::string>{"sell=sell"});
}

TEST_CASE("the word cache finds what it stored, across growth and its size cap") {
  WordCache cache;
  std::vector<std::string> words;
  for (int i = 0; i < 70000; ++i) words.push_back("w" + std::to_string(i) + std::string(kFoldedPadding, '\0'));
  const auto view = [&](int i) {
    return std::string_view(words[static_cast<std::size_t>(i)])
        .substr(0, words[static_cast<std::size_t>(i)].size() - kFoldedPadding);
  };
  CHECK(cache.find(view(0), WordCache::hash(view(0))) == WordCache::kMissing);
  for (int i = 0; i < 5000; ++i) cache.insert(view(i), WordCache::hash(view(i)), i);
  for (int i = 0; i < 5000; ++i) REQUIRE(cache.find(view(i), WordCache::hash(view(i))) == i);
  CHECK(cache.find(view(5000), WordCache::hash(view(5000))) == WordCache::kMissing);
  // Past the cap the cache starts over; whatever it still holds is right.
  for (int i = 5000; i < 70000; ++i) cache.insert(view(i), WordCache::hash(view(i)), i);
  CHECK(cache.find(view(69999), WordCache::hash(view(69999))) == 69999);
  for (int i = 0; i < 70000; i += 7) {
    const auto found = cache.find(view(i), WordCache::hash(view(i)));
    REQUIRE((found == i || found == WordCache::kMissing));
  }
}

TEST_CASE("words longer than 8 bytes and words sharing a prefix are told apart") {
  const Matcher matcher(make_taxonomy(
      {make_cue("mkt", Side::marketing, 1, {"crm2024alpha"}), make_cue("sales", Side::sales, 1, {"crm2024omega"})}));
  CHECK(matched_cues(matcher, "CRM2024alpha, crm2024omega; crm2024 CRM2024ALPHA crm2024alph") ==
        std::vector<std::string>{"mkt=CRM2024alpha", "sales=crm2024omega", "mkt=CRM2024ALPHA"});
}
