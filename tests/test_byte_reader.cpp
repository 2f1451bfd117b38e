#include <catch2/catch.hpp>
#include <string>

#include "test_support_fd.hpp"

#include "rolecheck/input/byte_reader.hpp"
#include "rolecheck/input/line_reader.hpp"

using namespace rolecheck;

namespace {

// Every byte `reader` hands out after start().
std::string drain(ByteReader& reader) {
  std::string out;
  char c = 0;
  while (reader.get(c)) out += c;
  return out;
}

}  // namespace

TEST_CASE("ByteReader skips a UTF-8 BOM and hands out every byte across blocks") {
  std::string big(kLineReaderBlockBytes + 10, 'x');
  big.back() = 'y';
  test::MemoryFd fd("\xEF\xBB\xBF" + big);
  ByteReader reader(fd.fd(), "big.csv");
  CHECK(reader.start().empty());
  CHECK_FALSE(reader.at_end());
  CHECK(drain(reader) == big);
  CHECK(reader.at_end());
  char c = 0;
  CHECK_FALSE(reader.get(c));
}

TEST_CASE("ByteReader says why an input is not text, and an empty input is at its end at once") {
  const std::string bom_and_text = std::string("\xFF\xFE") + std::string("a\0b\0c\0", 6);
  test::MemoryFd utf16(bom_and_text);
  ByteReader wide(utf16.fd(), "wide.csv");
  CHECK_THAT(wide.start(), Catch::Contains("UTF-16"));

  test::MemoryFd empty("");
  ByteReader nothing(empty.fd(), "empty.csv");
  CHECK(nothing.start().empty());
  CHECK(nothing.at_end());
}
