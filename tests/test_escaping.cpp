// Tests of the output formats' escaping and numbers: the fast rounding of append_json_number and append_fixed
// writes exactly what to_chars (and printf) write, ties and large values included.

#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <random>
#include <string>

#include "rolecheck/support/escaping.hpp"

namespace rolecheck {
namespace {

// to_chars with `precision` fixed decimals: the reference both functions must match.
std::string reference_fixed(double value, int precision) {
  char digits[400];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value, std::chars_format::fixed, precision);
  return std::string(digits, result.ptr);
}

// The JSON number format: 4 decimals, trailing zeros and a trailing point dropped, "-0" as "0", non-finite as 0.
std::string reference_json_number(double value) {
  if (!std::isfinite(value)) return "0";
  std::string text = reference_fixed(value, 4);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string json_number(double value) {
  std::string out;
  append_json_number(out, value);
  return out;
}

std::string fixed(double value, int precision) {
  std::string out;
  append_fixed(out, value, precision);
  return out;
}

TEST_CASE("append_json_number writes up to 4 decimals without trailing zeros", "[escaping]") {
  CHECK(json_number(0.0) == "0");
  CHECK(json_number(-0.0) == "0");
  CHECK(json_number(2.0) == "2");
  CHECK(json_number(0.5) == "0.5");
  CHECK(json_number(1.0 / 3.0) == "0.3333");
  CHECK(json_number(-0.00004) == "0");
  CHECK(json_number(-0.00006) == "-0.0001");
  CHECK(json_number(12.34567) == "12.3457");
  CHECK(json_number(1e12) == "1000000000000");
  CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "0");
  CHECK(json_number(-std::numeric_limits<double>::infinity()) == "0");
}

TEST_CASE("append_fixed writes exactly the decimals asked for", "[escaping]") {
  CHECK(fixed(0.8, 2) == "0.80");
  CHECK(fixed(1.0, 2) == "1.00");
  CHECK(fixed(-0.001, 2) == "-0.00");
  CHECK(fixed(-0.0, 2) == "-0.00");
  CHECK(fixed(0.125, 2) == "0.12");  // a tie in binary: rounded to even, as printf does
  CHECK(fixed(0.375, 2) == "0.38");
  CHECK(fixed(2.5, 0) == "2");
  CHECK(fixed(0.12345, 3) == "0.123");
  CHECK(fixed(1e300, 2) == reference_fixed(1e300, 2));
}

TEST_CASE("the fast rounding matches to_chars on many values, ties and near-ties included", "[escaping]") {
  std::mt19937_64 random(15);
  std::uniform_real_distribution<double> small(-2.0, 2.0);
  std::uniform_real_distribution<double> large(-1e6, 1e6);
  std::uniform_int_distribution<long> units(-2000000, 2000000);
  int mismatches = 0;
  const auto check = [&](double value) {
    if (json_number(value) != reference_json_number(value)) ++mismatches;
    for (int precision = 0; precision <= 4; ++precision) {
      if (fixed(value, precision) != reference_fixed(value, precision)) ++mismatches;
    }
  };
  for (int i = 0; i < 200000; ++i) {
    check(small(random));
    check(large(random));
    // Values at and next to a tie of 4, 3 and 2 decimals (x.xxxx5), where one multiplication could round wrong.
    const double tie = (static_cast<double>(units(random)) + 0.5) / 10000.0;
    check(tie);
    check(std::nextafter(tie, 0.0));
    check(std::nextafter(tie, 10.0));
    check(static_cast<double>(units(random)) / 1000.0 + 0.0005);
    check(static_cast<double>(units(random)) / 100.0 + 0.005);
  }
  CHECK(mismatches == 0);
}

}  // namespace
}  // namespace rolecheck
