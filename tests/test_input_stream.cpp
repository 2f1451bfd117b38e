// Tests of InputStream: plain bytes pass through, gzip (one or several members) is decompressed,
// corrupt or truncated gzip is an error.

#include <catch2/catch.hpp>
#include <string>
#include <zlib.h>

#include "test_support_fd.hpp"

#include "rolecheck/input/input_stream.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

std::string gzip(const std::string& text) {
  z_stream zs{};
  REQUIRE(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&zs, text.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string read_all(const std::string& bytes, bool* compressed = nullptr) {
  test::MemoryFd file(bytes);
  InputStream stream(file.fd(), "in");
  std::string out;
  char block[7];  // small reads cross every boundary
  for (;;) {
    const auto got = stream.read(block, sizeof block);
    if (got == 0) break;
    out.append(block, got);
  }
  if (compressed != nullptr) *compressed = stream.compressed();
  return out;
}

TEST_CASE("plain input passes through unchanged", "[input_stream]") {
  bool compressed = true;
  CHECK(read_all("Sell products\nRun campaigns\n", &compressed) == "Sell products\nRun campaigns\n");
  CHECK_FALSE(compressed);
  CHECK(read_all("").empty());
  CHECK(read_all("\x1f") == "\x1f");  // one byte of the magic is no gzip
}

TEST_CASE("gzip input is decompressed, several members in a row too", "[input_stream]") {
  const std::string text(100000, 'x');
  bool compressed = false;
  CHECK(read_all(gzip(text), &compressed) == text);
  CHECK(compressed);
  CHECK(read_all(gzip("a\n") + gzip("b\n")) == "a\nb\n");
}

TEST_CASE("truncated or corrupt gzip is an error", "[input_stream]") {
  const auto packed = gzip(std::string(5000, 'y') + "tail");
  CHECK_THROWS_WITH(read_all(packed.substr(0, packed.size() / 2)), Catch::Contains("truncated gzip data"));
  auto corrupt = packed;
  corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
  corrupt[13] = static_cast<char>(corrupt[13] ^ 0x55);
  CHECK_THROWS_AS(read_all(corrupt), Error);
}

}  // namespace
}  // namespace rolecheck
