#include <catch2/catch.hpp>
#include <string>

#include "rolecheck/support/one_line.hpp"

using namespace rolecheck;

TEST_CASE("OneLineWriter puts text on one line, squeezing blanks across pieces when asked") {
  std::string out;
  OneLineWriter(out, false).append(std::string("a\tb\r\nc\0d  e", 11));
  CHECK(out == "a b  c d  e");
  out.clear();
  OneLineWriter squeezed(out, true);
  squeezed.append("a \t");
  out += "|";  // a colour code between two pieces
  squeezed.append("\n b");
  CHECK(out == "a |b");
}

TEST_CASE("append_one_line replaces invalid UTF-8 before flattening") {
  std::string out;
  append_one_line(out, "bad \xFF\nline");
  CHECK(out == "bad \xEF\xBF\xBD line");
  out.clear();
  append_one_line(out, "two\n\nlines", true);
  CHECK(out == "two lines");
}
