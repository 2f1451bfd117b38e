// Tests of the JSON array cutter: elements with their first lines, nesting and strings tracked,
// and the inputs that are not one array.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support_fd.hpp"

#include "rolecheck/input/json_array_reader.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

std::vector<std::pair<std::string, std::size_t>> elements(const std::string& bytes, std::size_t max_bytes = 1024) {
  test::MemoryFd file(bytes);
  JsonArrayReader reader(file.fd(), "in.json", max_bytes);
  std::vector<std::pair<std::string, std::size_t>> out;
  InputLine element;
  while (reader.next(element)) {
    out.emplace_back(element.too_long ? std::string("<too long>") : std::string(element.text), element.number);
  }
  return out;
}

TEST_CASE("JSON array: each element with the line it starts on", "[json_array_reader]") {
  const auto got = elements("[\n  {\"text\": \"a, [b]\", \"n\": {\"x\": [1, 2]}},\n  {\"text\": \"q\\\"}\"}\n]\n");
  REQUIRE(got.size() == 2);
  CHECK(got[0].first == "{\"text\": \"a, [b]\", \"n\": {\"x\": [1, 2]}}");
  CHECK(got[0].second == 2);
  CHECK(got[1].first == "{\"text\": \"q\\\"}\"}");
  CHECK(got[1].second == 3);
  CHECK(elements("[]").empty());
  CHECK(elements("").empty());
  CHECK(elements("\xEF\xBB\xBF[{\"a\":1}]").size() == 1);
}

TEST_CASE("JSON array: an element over the cap is flagged, the next one read", "[json_array_reader]") {
  const auto got = elements("[{\"text\": \"" + std::string(100, 'x') + "\"}, {\"text\": \"ok\"}]", 32);
  REQUIRE(got.size() == 2);
  CHECK(got[0].first == "<too long>");
  CHECK(got[1].first == "{\"text\": \"ok\"}");
}

TEST_CASE("JSON array: inputs that are not one array are errors", "[json_array_reader]") {
  CHECK_THROWS_WITH(elements("{\"jobs\": []}"), Catch::Contains("an object, not an array"));
  CHECK_THROWS_WITH(elements("[{\"a\": 1}"), Catch::Contains("never closed"));
  CHECK_THROWS_WITH(elements("[{\"a\": 1}] [2]"), Catch::Contains("text after the JSON array"));
  CHECK_THROWS_WITH(elements("hello"), Catch::Contains("expected a JSON array"));
}

}  // namespace
}  // namespace rolecheck
