#include <catch2/catch.hpp>
#include <csignal>
#include <string>
#include <sys/mman.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/support/error.hpp"

using namespace rolecheck;
using namespace std::string_literals;

namespace {

// A line as the reader returned it, copied out.
struct Got {
  std::string text;
  std::size_t number = 0;
  std::size_t raw_bytes = 0;
  bool too_long = false;
  bool invalid_utf8 = false;
  bool has_nul = false;
  bool has_cr = false;
};

std::vector<Got> drain(int fd, std::size_t max_line_bytes) {
  LineReader reader(fd, "input.txt", max_line_bytes);
  std::vector<Got> lines;
  InputLine line;
  while (reader.next(line)) {
    lines.push_back(Got{std::string(line.text), line.number, line.raw_bytes, line.too_long, line.invalid_utf8,
                        line.has_nul, line.has_cr});
  }
  return lines;
}

// Reads `bytes` through a memfd (one read may return everything) when chunk is 0, otherwise through a
// pipe written `chunk` bytes at a time by another thread (reads return short, odd-sized pieces).
std::vector<Got> read_lines(const std::string& bytes, std::size_t max_line_bytes = kDefaultMaxLineBytes,
                            std::size_t chunk = 0) {
  if (chunk == 0) {
    const int fd = ::memfd_create("line_reader_test", 0);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    REQUIRE(::lseek(fd, 0, SEEK_SET) == 0);
    auto lines = drain(fd, max_line_bytes);
    ::close(fd);
    return lines;
  }
  std::signal(SIGPIPE, SIG_IGN);  // If the reader stops early, the writer gets EPIPE, not a signal.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::thread writer([&] {
    for (std::size_t done = 0; done < bytes.size();) {
      const auto n = ::write(fds[1], bytes.data() + done, std::min(chunk, bytes.size() - done));
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  std::vector<Got> lines;
  try {
    lines = drain(fds[0], max_line_bytes);
  } catch (...) {
    ::close(fds[0]);  // Unblocks the writer with EPIPE.
    writer.join();
    throw;
  }
  ::close(fds[0]);
  writer.join();
  return lines;
}

std::vector<std::string> texts(const std::vector<Got>& lines) {
  std::vector<std::string> out;
  for (const auto& line : lines) out.push_back(line.text);
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("empty input has no lines / a final line needs no newline") {
  for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1}) {
    CHECK(read_lines("", kDefaultMaxLineBytes, chunk).empty());
    CHECK(texts(read_lines("a", kDefaultMaxLineBytes, chunk)) == Texts{"a"});
    CHECK(texts(read_lines("a\n", kDefaultMaxLineBytes, chunk)) == Texts{"a"});
    CHECK(texts(read_lines("a\nb", kDefaultMaxLineBytes, chunk)) == Texts{"a", "b"});
    CHECK(texts(read_lines("\n", kDefaultMaxLineBytes, chunk)) == Texts{""});
    CHECK(texts(read_lines("\n\n", kDefaultMaxLineBytes, chunk)) == Texts{"", ""});
  }
  const auto lines = read_lines("x\ny\nz");
  REQUIRE(lines.size() == 3);
  CHECK(lines[2].number == 3);
}

TEST_CASE("one trailing CR is dropped / other CRs are kept") {
  CHECK(texts(read_lines("a\r\nb\r\n")) == Texts{"a", "b"});
  CHECK(texts(read_lines("a\r")) == Texts{"a"});
  CHECK(texts(read_lines("\r")) == Texts{""});
  CHECK(texts(read_lines("\r\n")) == Texts{""});
  CHECK(texts(read_lines("a\rb\n")) == Texts{"a\rb"});
  CHECK(texts(read_lines("a\r\r\n")) == Texts{"a\r"});
  CHECK(read_lines("a\r\n")[0].raw_bytes == 2);
}

TEST_CASE("a UTF-8 BOM is stripped at the start only, even when it arrives byte by byte") {
  for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1, 2}) {
    CHECK(read_lines("\xEF\xBB\xBF", kDefaultMaxLineBytes, chunk).empty());
    CHECK(texts(read_lines("\xEF\xBB\xBF\n", kDefaultMaxLineBytes, chunk)) == Texts{""});
    CHECK(texts(read_lines("\xEF\xBB\xBFsell\n", kDefaultMaxLineBytes, chunk)) == Texts{"sell"});
    CHECK(texts(read_lines("\n\xEF\xBB\xBFx", kDefaultMaxLineBytes, chunk)) == Texts{"", "\xEF\xBB\xBFx"});
  }
  CHECK(texts(read_lines("\xEF\xBB")) == Texts{"\xEF\xBF\xBD\xEF\xBF\xBD"});
}

TEST_CASE("UTF-16 and UTF-32 input is refused with a hint to convert it") {
  const std::string cases[] = {
      "\xFF\xFEs\0e\0l\0l\0\n\0"s,      // UTF-16LE with BOM
      "\xFE\xFF\0s\0e\0l\0l\0\n"s,      // UTF-16BE with BOM
      "s\0e\0l\0l\0 \0a\0d\0s\0\n\0"s,  // UTF-16LE without BOM
      "\0s\0e\0l\0l\0 \0a\0d\0s\0\n"s,  // UTF-16BE without BOM
      "\xFF\xFE\0\0s\0\0\0"s,           // UTF-32LE
      "\xFF\xFE"s,                      // a BOM alone
  };
  for (const auto& bytes : cases) {
    for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1}) {
      try {
        read_lines(bytes, kDefaultMaxLineBytes, chunk);
        FAIL("no error for a wide encoding");
      } catch (const Error& error) {
        const std::string message = error.what();
        CHECK(message.find("input.txt:1:1:") != std::string::npos);
        CHECK(message.find("iconv") != std::string::npos);
      }
    }
  }
}

TEST_CASE("a CR inside a line is kept and flagged, one before the newline is dropped and not flagged") {
  const auto lines = read_lines("sell\rwrite\r\nplain\r\nlast\rline"s, 64);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "sell\rwrite");
  CHECK(lines[0].has_cr);
  CHECK_FALSE(lines[1].has_cr);
  CHECK(lines[1].text == "plain");
  CHECK(lines[2].has_cr);
  const auto long_line = read_lines("a\rb\r" + std::string(100, 'x') + "\nok\n", 64);
  REQUIRE(long_line.size() == 2);
  CHECK(long_line[0].too_long);
  CHECK_FALSE(long_line[0].has_cr);  // a line not read is not looked into
}

TEST_CASE("NUL bytes stay inside the line") {
  const auto lines = read_lines("foo\0bar\nnext\n"s);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "foo\0bar"s);
  CHECK(lines[0].has_nul);
  CHECK_FALSE(lines[1].has_nul);
  // A few NULs do not look like UTF-16.
  CHECK(read_lines("\0\n\0\nabc\n"s).size() == 3);
}

TEST_CASE("detect_binary: known file types and mostly non-text bytes, not text with a few NULs") {
  CHECK(detect_binary("Sell products to customers\n") == "");
  CHECK(detect_binary("sell\0products\n\0\nrun campaigns\n"s) == "");
  CHECK(detect_binary("Caf\xe9 cr\xe8me, stock and records, Latin-1 text\n") == "");
  CHECK(detect_binary("%PDF-1.7\n") == "a PDF document");
  CHECK(detect_binary("PK\x03\x04\x14\0\x06\0"s).substr(0, 5) == "a ZIP");
  CHECK(detect_binary("\x7f"
                      "ELF\x02\x01\x01"s) == "an executable (ELF)");
  CHECK(detect_binary("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15 ab"s) == "binary data");
  CHECK_THAT(binary_input_message("a PDF document", "a.pdf"), Catch::Contains("pdftotext a.pdf -"));
}

TEST_CASE("detect_wide_encoding needs most byte pairs to hold one NUL") {
  CHECK(detect_wide_encoding("plain text") == "");
  CHECK(detect_wide_encoding("a\0"s) == "");
  CHECK(detect_wide_encoding("a\0b\0"s) == "UTF-16LE");
  CHECK(detect_wide_encoding("\0a\0b"s) == "UTF-16BE");
  CHECK(detect_wide_encoding("ab\0\0cd\0\0"s) == "");
  CHECK(detect_wide_encoding("\xEF\xBB\xBFtext") == "");
}

TEST_CASE("invalid UTF-8 is replaced and flagged") {
  const auto lines = read_lines("ok\nbad \xC3\x28 byte\n");
  REQUIRE(lines.size() == 2);
  CHECK_FALSE(lines[0].invalid_utf8);
  CHECK(lines[1].invalid_utf8);
  CHECK(lines[1].text == "bad \xEF\xBF\xBD( byte");
}

TEST_CASE("lines at the limit are read / longer lines are skipped and flagged") {
  const std::size_t max = 8;
  for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1, 3}) {
    const auto lines = read_lines("12345678\n123456789\n12345678\r\n123456789\r\nend", max, chunk);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].text == "12345678");
    CHECK_FALSE(lines[0].too_long);
    CHECK(lines[1].too_long);
    CHECK(lines[1].text.empty());
    CHECK(lines[1].raw_bytes == 9);
    CHECK(lines[2].text == "12345678");
    CHECK_FALSE(lines[2].too_long);
    CHECK(lines[3].too_long);
    CHECK(lines[4].text == "end");
    CHECK(lines[4].number == 5);
  }
  const auto last = read_lines("ok\n" + std::string(100, 'x'), max);
  REQUIRE(last.size() == 2);
  CHECK(last[1].too_long);
  CHECK(last[1].raw_bytes == 100);
}

TEST_CASE("a line far longer than the buffer is skipped in bounded memory") {
  const std::size_t max = 1000;
  const std::string huge(5 * kLineReaderBlockBytes + 17, 'w');
  for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 4096, 70000}) {
    const auto lines = read_lines("first\n" + huge + "\nsell\n" + huge, max, chunk);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].text == "first");
    CHECK(lines[1].too_long);
    CHECK(lines[1].raw_bytes == huge.size());
    CHECK(lines[2].text == "sell");
    CHECK(lines[2].number == 3);
    CHECK(lines[3].too_long);
    CHECK(lines[3].raw_bytes == huge.size());
  }
}

TEST_CASE("lines crossing block boundaries come back whole") {
  const std::size_t block = kLineReaderBlockBytes;
  std::vector<std::string> expected;
  std::string bytes;
  std::size_t seed = 1;
  for (const std::size_t length : {block - 1, block, block + 1, std::size_t{0}, std::size_t{1}, 2 * block + 5,
                                   block - 2, std::size_t{3}, 3 * block}) {
    std::string line;
    for (std::size_t i = 0; i < length; ++i) {
      seed = seed * 1103515245u + 12345u;
      line += static_cast<char>('a' + (seed >> 16) % 26);
    }
    expected.push_back(line);
    bytes += line;
    bytes += '\n';
  }
  for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1000, 65535, 65537}) {
    CHECK(texts(read_lines(bytes, kDefaultMaxLineBytes, chunk)) == expected);
  }
  // A line exactly at a large limit, then the limit plus one.
  const std::size_t max = 2 * block;
  const auto lines = read_lines(std::string(max, 'q') + "\n" + std::string(max + 1, 'q') + "\n", max, 65536);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text.size() == max);
  CHECK(lines[1].too_long);
}
