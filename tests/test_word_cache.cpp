#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rolecheck/text/text.hpp"
#include "rolecheck/text/word_cache.hpp"

using namespace rolecheck;

TEST_CASE("the word cache finds what it stored, across growth and its size cap") {
  WordCache cache;
  std::vector<std::string> words;
  for (int i = 0; i < 70000; ++i) words.push_back("w" + std::to_string(i) + std::string(kFoldedPadding, '\0'));
  const auto view = [&](int i) {
    return std::string_view(words[static_cast<std::size_t>(i)])
        .substr(0, words[static_cast<std::size_t>(i)].size() - kFoldedPadding);
  };
  CHECK(cache.find(view(0), WordCache::hash(view(0))) == nullptr);
  for (int i = 0; i < 5000; ++i) cache.insert(view(i), WordCache::hash(view(i)), WordTerms{i, -i});
  for (int i = 0; i < 5000; ++i) {
    const auto* found = cache.find(view(i), WordCache::hash(view(i)));
    REQUIRE(found != nullptr);
    REQUIRE(found->stem == i);
    REQUIRE(found->exact == -i);
  }
  CHECK(cache.find(view(5000), WordCache::hash(view(5000))) == nullptr);
  // Past the cap the cache starts over; whatever it still holds is right.
  for (int i = 5000; i < 70000; ++i) cache.insert(view(i), WordCache::hash(view(i)), WordTerms{i, -i});
  REQUIRE(cache.find(view(69999), WordCache::hash(view(69999))) != nullptr);
  CHECK(cache.find(view(69999), WordCache::hash(view(69999)))->stem == 69999);
  for (int i = 0; i < 70000; i += 7) {
    const auto* found = cache.find(view(i), WordCache::hash(view(i)));
    REQUIRE((found == nullptr || found->stem == i));
  }
}
