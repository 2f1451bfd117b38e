#include <catch2/catch.hpp>

#include "rolecheck/support/suggest.hpp"

using namespace rolecheck;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("format", "format") == 0);
  CHECK(edit_distance("format", "Format") == 0);
  CHECK(edit_distance("fromat", "format") == 1);   // swap
  CHECK(edit_distance("formt", "format") == 1);    // deletion
  CHECK(edit_distance("formatt", "format") == 1);  // insertion
  CHECK(edit_distance("formet", "format") == 1);   // substitution
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("nearest_candidate suggests likely typos and nothing else") {
  const std::vector<std::string> options = {"--format", "--explain", "--only", "--output", "--color", "--count"};
  CHECK(nearest_candidate("--fromat", options) == "--format");
  CHECK(nearest_candidate("--explian", options) == "--explain");
  CHECK(nearest_candidate("--colour", options) == "--color");
  CHECK(nearest_candidate("--expl", options) == "--explain");  // unique prefix
  CHECK(nearest_candidate("--co", options) == std::nullopt);   // prefix of two
  CHECK(nearest_candidate("--zebra", options) == std::nullopt);
  CHECK(nearest_candidate("--format", options) == std::nullopt);  // already valid
  CHECK(nearest_candidate("--", options) == std::nullopt);
  const std::vector<std::string> commands = {"table", "classify", "explain", "eval", "taxonomy", "stats", "report"};
  CHECK(nearest_candidate("clasify", commands) == "classify");
  CHECK(nearest_candidate("stat", commands) == "stats");
  CHECK(nearest_candidate("evl", commands) == "eval");
  CHECK(nearest_candidate("banana", commands) == std::nullopt);
}

TEST_CASE("nearest_within picks the nearest candidate within the allowed edits, the earlier on a tie") {
  const std::vector<std::string_view> keys = {"weight", "phrases", "id", "height"};
  CHECK(nearest_within("wieght", keys, 2) == std::optional<std::size_t>(0));  // a swap is one edit
  CHECK(nearest_within("Weight", keys, 0) == std::optional<std::size_t>(0));  // ASCII case is ignored
  CHECK(nearest_within("eight", keys, 1) == std::optional<std::size_t>(0));   // one from weight and height
  CHECK(nearest_within("side", keys, 2) == std::optional<std::size_t>(2));
  CHECK(nearest_within("side", keys, 1) == std::nullopt);
  CHECK(nearest_within("x", {}, 5) == std::nullopt);
}
