#include <catch2/catch.hpp>

#include "rolecheck/support/digest.hpp"

using namespace rolecheck;

TEST_CASE("fnv1a_64 matches the published test vectors") {
  CHECK(fnv1a_64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a_64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a_64("foobar") == 0x85944171f73967e8ULL);
}

TEST_CASE("short_digest is a lowercase hex prefix of the hash") {
  CHECK(short_digest("foobar") == "85944171f739");
  CHECK(short_digest("foobar", 16) == "85944171f73967e8");
  CHECK(short_digest("foobar", 40) == "85944171f73967e8");
  CHECK(short_digest("foobar", 4) == "8594");
  CHECK(short_digest("foobar ") != short_digest("foobar"));
}
