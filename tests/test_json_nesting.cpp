#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

#include "rolecheck/support/json_nesting.hpp"

using namespace rolecheck;

namespace {

// The depth after each byte of `text`.
std::vector<std::size_t> depths(std::string_view text) {
  JsonNesting nesting;
  std::vector<std::size_t> out;
  for (const char c : text) {
    nesting.feed(c);
    out.push_back(nesting.depth());
  }
  return out;
}

}  // namespace

TEST_CASE("JsonNesting counts brackets outside strings only") {
  CHECK(depths(R"([{"a":[1]}])") == std::vector<std::size_t>{1, 2, 2, 2, 2, 2, 3, 3, 2, 1, 0});
  CHECK(depths(R"(["[{"])") == std::vector<std::size_t>{1, 1, 1, 1, 1, 0});
  CHECK(depths(R"(["\"[",[])") == std::vector<std::size_t>{1, 1, 1, 1, 1, 1, 1, 2, 1});
  CHECK(depths(R"(["\\",[])") == std::vector<std::size_t>{1, 1, 1, 1, 1, 1, 2, 1});  // an escaped backslash
  CHECK(depths("]}[") == std::vector<std::size_t>{0, 0, 1});                         // stray closers are ignored
}

TEST_CASE("JsonNesting says which bytes open a bracket and which lie inside a string") {
  JsonNesting nesting;
  CHECK(nesting.feed('{'));
  CHECK_FALSE(nesting.feed('"'));
  CHECK(nesting.in_string());
  CHECK_FALSE(nesting.feed('['));
  CHECK_FALSE(nesting.feed('"'));
  CHECK_FALSE(nesting.in_string());
  CHECK_FALSE(nesting.feed(':'));
  CHECK(nesting.feed('['));
  CHECK(nesting.depth() == 2);
}
