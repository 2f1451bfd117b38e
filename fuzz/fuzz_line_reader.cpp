// Fuzzes the bounded line reader: the first byte picks --max-line-bytes (1..64), the rest is the
// input, read through a memfd. Checks: UTF-16/32 and binary refused exactly when detected (gzip: any lines, or an
// error); one line per '\n' (plus one for an unterminated last line); each line matches its raw bytes, is valid UTF-8
// and no longer than the limit, and is flagged too long exactly when it is.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "memory_file.hpp"

#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/support/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // Mostly tiny limits (long and too-long lines from short inputs); a few control bytes pick 200 KiB, past the
  // reader's first two blocks, so that growing the buffer is fuzzed too.
  const std::size_t max = data[0] >= 0xF8 ? 200 * 1024 : 1 + data[0] % 64;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool wide = !rolecheck::detect_wide_encoding(input).empty();
  // Binary input (a known file type, or a start that is mostly control bytes) is refused like UTF-16.
  const bool binary = !wide && !rolecheck::detect_binary(input).empty();
  MemoryFile file(input);
  rolecheck::LineReader reader(file.fd(), "fuzz.txt", max);
  if (input.substr(0, 2) == "\x1F\x8B") {
    // gzip: the lines are the decompressed bytes (or a corrupt stream is an Error); numbered in order,
    // valid UTF-8, within the limit or flagged.
    rolecheck::InputLine line;
    std::size_t count = 0;
    try {
      while (reader.next(line)) {
        FUZZ_CHECK(line.number == ++count);
        FUZZ_CHECK(rolecheck::is_valid_utf8(line.text));
        FUZZ_CHECK(line.text.size() <= 3 * max);
        if (line.too_long) FUZZ_CHECK(line.text.empty());
      }
    } catch (const rolecheck::Error&) {}
    return 0;
  }
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  std::size_t expected = 0;
  for (const char c : input) expected += c == '\n' ? 1 : 0;
  if (!input.empty() && input.back() != '\n') ++expected;

  std::size_t count = 0;
  std::size_t offset = 0;
  rolecheck::InputLine line;
  try {
    while (reader.next(line)) {
      ++count;
      FUZZ_CHECK(line.number == count);
      FUZZ_CHECK(offset + line.raw_bytes <= input.size());
      std::string_view raw = input.substr(offset, line.raw_bytes);
      FUZZ_CHECK(raw.find('\n') == std::string_view::npos);
      offset += line.raw_bytes;
      FUZZ_CHECK(offset == input.size() || input[offset] == '\n');
      ++offset;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      FUZZ_CHECK(line.too_long == (raw.size() > max));
      if (line.too_long) {
        FUZZ_CHECK(line.text.empty() && !line.has_cr);
        continue;
      }
      FUZZ_CHECK(line.has_cr == (raw.find('\r') != std::string_view::npos));  // after the trailing CR is dropped
      FUZZ_CHECK(line.text.size() <= 3 * max);                                // U+FFFD is three bytes
      FUZZ_CHECK(rolecheck::is_valid_utf8(line.text));
      FUZZ_CHECK(line.invalid_utf8 == !rolecheck::is_valid_utf8(raw));
      if (!line.invalid_utf8) FUZZ_CHECK(line.text == raw);
      FUZZ_CHECK(line.has_nul == (raw.find('\0') != std::string_view::npos));
    }
  } catch (const rolecheck::Error&) {
    FUZZ_CHECK((wide || binary) && count == 0);
    return 0;
  }
  FUZZ_CHECK(!wide && !binary);
  FUZZ_CHECK(count == expected);
  return 0;
}
