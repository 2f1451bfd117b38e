#include <catch2/catch.hpp>
#include <string>

#include "rolecheck/support/utf8.hpp"

using namespace rolecheck;
using namespace std::string_literals;

namespace {
long decode(const std::string& text, std::size_t& length) { return decode_utf8(text, 0, length); }
}  // namespace

TEST_CASE("decode_utf8 decodes one to four byte sequences") {
  std::size_t length = 0;
  CHECK(decode("A", length) == 'A');
  CHECK(length == 1);
  CHECK(decode("\xC3\xA9", length) == 0xE9);
  CHECK(length == 2);
  CHECK(decode("\xE2\x82\xAC", length) == 0x20AC);
  CHECK(length == 3);
  CHECK(decode("\xF0\x9F\x98\x80", length) == 0x1F600);
  CHECK(length == 4);
  CHECK(decode("\xF4\x8F\xBF\xBF", length) == 0x10FFFF);
  CHECK(decode("\0"s, length) == 0);
  CHECK(length == 1);
}

TEST_CASE("decode_utf8 rejects overlongs, surrogates, out-of-range and truncated sequences") {
  for (const std::string& bad :
       {"\xC0\x80"s, "\xC1\xBF"s, "\xE0\x80\x80"s, "\xE0\x9F\xBF"s, "\xF0\x80\x80\x80"s, "\xF0\x8F\xBF\xBF"s,
        "\xED\xA0\x80"s, "\xED\xBF\xBF"s, "\xF4\x90\x80\x80"s, "\xF5\x80\x80\x80"s, "\xFF"s, "\xFE"s, "\x80"s, "\xBF"s,
        "\xE2\x82"s, "\xF0\x9F\x98"s, "\xC3"s, "\xE2\x28\xA1"s, "\xC3\x28"s}) {
    std::size_t length = 0;
    INFO("sequence of " << bad.size() << " bytes");
    CHECK(decode(bad, length) == -1);
    CHECK(length == 1);
    CHECK_FALSE(is_valid_utf8(bad));
  }
}

TEST_CASE("decode_utf8 never reads past the end of a truncated sequence") {
  const std::string text = "ab\xE2\x82\xAC";
  std::size_t length = 0;
  CHECK(decode_utf8(std::string_view(text).substr(0, 4), 2, length) == -1);
  CHECK(decode_utf8(text, 2, length) == 0x20AC);
}

TEST_CASE("is_valid_utf8 checks bytes around the eight-byte fast path") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("12345678"));
  CHECK(is_valid_utf8("1234567\xC3\xA9"));  // a sequence straddling the first chunk
  CHECK(
      is_valid_utf8("12345678\xE2\x82\xAC"
                    "abc"));                          // right after a chunk
  CHECK_FALSE(is_valid_utf8("1234567\xC3"));          // truncated at the end
  CHECK_FALSE(is_valid_utf8("12345678abcdefg\xFF"));  // last byte of the second chunk
  CHECK_FALSE(
      is_valid_utf8("\xFF"
                    "2345678"));
  CHECK(is_valid_utf8("with\0nul"s));
}

TEST_CASE("first_invalid_utf8 gives the offset of the first bad byte, past or inside the fast path") {
  CHECK(first_invalid_utf8("") == std::string_view::npos);
  CHECK(first_invalid_utf8("12345678\xE2\x82\xAC") == std::string_view::npos);
  CHECK(first_invalid_utf8("\xFF") == 0);
  CHECK(first_invalid_utf8("12345678abcdefg\xFF") == 15);
  CHECK(first_invalid_utf8("ab\xC3\xA9\xC3(") == 4);  // a lead byte whose continuation is missing
  CHECK(first_invalid_utf8("1234567\xC3") == 7);      // truncated at the end
}

TEST_CASE("replace_invalid_utf8 replaces each invalid byte and keeps the rest") {
  std::string out;
  CHECK_FALSE(replace_invalid_utf8("caf\xC3\xA9", out));
  CHECK(out == "caf\xC3\xA9");
  CHECK(
      replace_invalid_utf8("a\xFF"
                           "b",
                           out));
  CHECK(out ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(replace_invalid_utf8("\xE2\x82", out));
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(replace_invalid_utf8("x\xC0\x80y", out));
  CHECK(out == "x\xEF\xBF\xBD\xEF\xBF\xBDy");
  CHECK(is_valid_utf8(out));
  replace_invalid_utf8("\0\xFF"s, out);
  CHECK(out == "\0\xEF\xBF\xBD"s);
}

TEST_CASE("replacement always yields valid UTF-8 for every two-byte input") {
  std::string out;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string in{static_cast<char>(a), static_cast<char>(b)};
      replace_invalid_utf8(in, out);
      if (!is_valid_utf8(out)) FAIL("invalid output for " << a << ' ' << b);
      if (is_valid_utf8(in) && out != in) FAIL("valid input changed for " << a << ' ' << b);
    }
  }
}
