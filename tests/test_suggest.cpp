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
