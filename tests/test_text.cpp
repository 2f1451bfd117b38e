#include <catch2/catch.hpp>

#include "rolecheck/text/text.hpp"

using rolecheck::folded_words;

TEST_CASE("tokenize folds case and splits on punctuation and hyphens") {
  CHECK(folded_words("Cold-call PROSPECTS, daily.") == std::vector<std::string>{"cold", "call", "prospects", "daily"});
}

TEST_CASE("tokenize keeps apostrophes inside words only") {
  CHECK(folded_words("the customer's 'needs'") == std::vector<std::string>{"the", "customer's", "needs"});
  CHECK(folded_words("don\xE2\x80\x99t sell") == std::vector<std::string>{"don't", "sell"});
}

TEST_CASE("tokenize folds Latin-1 accents to ASCII") {
  CHECK(folded_words("R\xC3\xA9SUM\xC3\x89 caf\xC3\xA9") == std::vector<std::string>{"resume", "cafe"});
}

TEST_CASE("tokenize treats invalid UTF-8, NUL and unknown symbols as separators") {
  CHECK(folded_words(std::string("sell\0leads", 10)) == std::vector<std::string>{"sell", "leads"});
  CHECK(folded_words("sell\xFFleads") == std::vector<std::string>{"sell", "leads"});
  CHECK(folded_words("\xE4\xB8\xAD sell") == std::vector<std::string>{"sell"});
  CHECK(folded_words("\xE2\x80").empty());
}

TEST_CASE("tokens keep byte spans and clause breaks") {
  rolecheck::TokenBuffer buffer;
  rolecheck::tokenize("  Sell \xE2\x80\x94 brand; ads", buffer);
  REQUIRE(buffer.tokens.size() == 3);
  CHECK(buffer.tokens[0].begin == 2);
  CHECK(buffer.tokens[0].end == 6);
  CHECK_FALSE(buffer.tokens[0].clause_start);
  CHECK(buffer.tokens[1].clause_start);
  CHECK(buffer.tokens[2].clause_start);
  CHECK(buffer.word(buffer.tokens[1]) == "brand");
}
