#include "rolecheck/input/line_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

#include "rolecheck/support/error.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck {
namespace {

// How many leading bytes are examined for a UTF-16 or UTF-32 encoding.
constexpr std::size_t kSniffBytes = 128;

[[noreturn]] void throw_read_error(const std::string& name, std::size_t line, const std::string& message) {
  throw Error(std::vector<Diagnostic>{Diagnostic{name, line, line > 0 ? 1u : 0u, {}, message, {}}});
}

}  // namespace

std::string_view detect_wide_encoding(std::string_view start) noexcept {
  const auto starts = [&](std::string_view prefix) { return start.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\0\0"sv)) return "UTF-32LE";
  if (starts("\0\0\xFE\xFF"sv)) return "UTF-32BE";
  if (starts("\xFF\xFE"sv)) return "UTF-16LE";
  if (starts("\xFE\xFF"sv)) return "UTF-16BE";
  // Without a BOM: mostly-ASCII UTF-16 has a NUL in every other byte.
  const std::size_t pairs = std::min(start.size(), kSniffBytes) / 2;
  if (pairs < 2) return "";
  std::size_t little = 0;
  std::size_t big = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    const bool first_nul = start[2 * i] == '\0';
    const bool second_nul = start[2 * i + 1] == '\0';
    if (!first_nul && second_nul) ++little;
    if (first_nul && !second_nul) ++big;
  }
  if (little * 4 >= pairs * 3) return "UTF-16LE";
  if (big * 4 >= pairs * 3) return "UTF-16BE";
  return "";
}

std::string_view detect_binary(std::string_view start) noexcept {
  const auto starts = [&](std::string_view prefix) { return start.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts("%PDF-"sv)) return "a PDF document";
  if (starts("PK\x03\x04"sv) || starts("PK\x05\x06"sv)) return "a ZIP archive (a .docx, .xlsx or .odt document?)";
  if (starts("\xD0\xCF\x11\xE0"sv)) return "an old Microsoft Office document (.doc or .xls)";
  if (starts("\x7F"
             "ELF"sv))
    return "an executable (ELF)";
  if (starts("\x89PNG"sv) || starts("\xFF\xD8\xFF"sv) || starts("GIF8"sv)) return "an image";
  if (starts("BZh"sv) && start.size() > 3 && start[3] >= '1' && start[3] <= '9') return "bzip2-compressed data";
  if (starts("\xFD"
             "7zXZ"sv) ||
      starts("\x28\xB5\x2F\xFD"sv) || starts("7z\xBC\xAF"sv))
    return "compressed data";
  const auto window = start.substr(0, kBinarySniffBytes);
  if (window.size() < 16) return "";
  std::size_t odd = 0;
  std::size_t i = 0;
  while (i < window.size()) {
    const auto byte = static_cast<unsigned char>(window[i]);
    if (byte < 0x80) {
      const bool blank = byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == '\v' || byte == 0x1B;
      if ((byte < 0x20 && !blank) || byte == 0x7F) ++odd;
      ++i;
      continue;
    }
    std::size_t length = 1;
    if (decode_utf8(window, i, length) < 0) {
      // A sequence cut by the end of the window is not counted against the input.
      if (window.size() - i >= 4) ++odd;
      length = 1;
    }
    i += length;
  }
  return odd * 10 >= window.size() * 3 ? "binary data" : "";
}

void set_line_text(InputLine& line, std::string_view text, std::string& clean) {
  line.has_nul = std::memchr(text.data(), '\0', text.size()) != nullptr;
  if (is_valid_utf8(text)) {
    line.text = text;
  } else {
    line.invalid_utf8 = replace_invalid_utf8(text, clean);
    line.text = clean;
  }
}

std::string non_text_message(std::string_view start, std::string_view name) {
  if (const auto encoding = detect_wide_encoding(start); !encoding.empty())
    return wide_encoding_message(encoding, name);
  if (const auto kind = detect_binary(start); !kind.empty()) return binary_input_message(kind, name);
  return {};
}

std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  return bytes % kMiB == 0 ? fmt::format("{} MiB", bytes / kMiB) : fmt::format("{} bytes", bytes);
}

std::string binary_input_message(std::string_view kind, std::string_view name) {
  const std::string_view shown = name == "-" ? "stdin" : name;
  if (kind.substr(0, 5) == "a PDF") {
    return fmt::format("input is {}, not text; extract its text first: pdftotext {} -", kind, shown);
  }
  if (kind.substr(0, 5) == "a ZIP" || kind.substr(0, 6) == "an old") {
    return fmt::format("input is {}, not text; save it as plain text, HTML or CSV first", kind);
  }
  if (kind == "bzip2-compressed data" || kind == "compressed data") {
    return fmt::format("input is {}, not text; decompress it first (gzip is read as it is)", kind);
  }
  if (kind == "binary data") {
    return fmt::format("input is {}, not text (NUL bytes, control characters or invalid UTF-8); give UTF-8 text", kind);
  }
  return fmt::format("input is {}, not text; give UTF-8 text", kind);
}

std::string wide_encoding_message(std::string_view encoding, std::string_view name) {
  const auto hint = name == "-" ? fmt::format("pipe it through iconv -f {} -t UTF-8", encoding)
                                : fmt::format("iconv -f {} -t UTF-8 {} > {}.utf8", encoding, name, name);
  return fmt::format("input is {}, not UTF-8; convert it first: {}", encoding, hint);
}

LineReader::LineReader(int fd, std::string name, std::size_t max_line_bytes)
    : m_stream(fd, name),
      m_name(std::move(name)),
      m_max_line_bytes(std::clamp<std::size_t>(max_line_bytes, 1, kLargestMaxLineBytes)),
      // Room for one block after the longest line, its CR and one more byte (to see it is too long).
      m_capacity(kLineReaderBlockBytes + m_max_line_bytes + 2),
      // Small at first (a reader per input file, most lines short); not value-initialised.
      m_allocated(std::min(m_capacity, 2 * kLineReaderBlockBytes)),
      m_buffer(new char[m_allocated]) {}

void LineReader::grow() {
  // Doubling, but straight to the cap when doubling would leave less than a block below it (no copy for 64 KiB).
  auto size = std::min(m_capacity, std::max(2 * m_allocated, m_end + kLineReaderBlockBytes));
  if (m_capacity - size < kLineReaderBlockBytes) size = m_capacity;
  std::unique_ptr<char[]> bigger(new char[size]);
  std::memcpy(bigger.get(), m_buffer.get(), m_end);
  m_buffer = std::move(bigger);
  m_allocated = size;
}

bool LineReader::fill() {
  // Move the unread bytes (a partial line) to the front once there is no room for a block, and
  // grow the buffer (up to m_capacity) only when a partial line alone leaves no room.
  if (m_begin > 0 && m_allocated - m_end < kLineReaderBlockBytes) {
    std::memmove(m_buffer.get(), m_buffer.get() + m_begin, m_end - m_begin);
    m_end -= m_begin;
    m_begin = 0;
  }
  if (m_allocated - m_end < kLineReaderBlockBytes && m_allocated < m_capacity) grow();
  const std::size_t n = m_stream.read(m_buffer.get() + m_end, std::min(m_allocated - m_end, kLineReaderBlockBytes));
  if (n == 0) {
    m_eof = true;
    return false;
  }
  m_end += n;
  return true;
}

void LineReader::check_start() {
  // Sniff up to kSniffBytes, but never wait for more input once a whole line has arrived: a
  // coprocess writes one line and waits for its record (UTF-16 shows its NULs within that line).
  const auto have_line = [&] { return std::memchr(m_buffer.get() + m_begin, '\n', m_end - m_begin) != nullptr; };
  while (!m_eof && m_end - m_begin < kSniffBytes && !have_line()) fill();
  const std::string_view start(m_buffer.get() + m_begin, m_end - m_begin);
  if (auto message = non_text_message(start, m_name); !message.empty()) throw_read_error(m_name, 1, message);
  if (start.substr(0, 3) == "\xEF\xBB\xBF") m_begin += 3;
  m_at_start = false;
}

bool LineReader::next(InputLine& line) {
  line = InputLine{};
  if (m_at_start) check_start();
  std::size_t scanned = m_begin;
  for (;;) {
    const auto* found = static_cast<const char*>(std::memchr(m_buffer.get() + scanned, '\n', m_end - scanned));
    if (found != nullptr) {
      const auto newline = static_cast<std::size_t>(found - m_buffer.get());
      finish_line(m_begin, newline, line);
      m_begin = newline + 1;
      return true;
    }
    // Even with a CR to drop, this line is over the limit.
    if (m_end - m_begin > m_max_line_bytes + 1) return skip_long_line(line);
    if (m_eof) {
      if (m_begin == m_end) return false;
      finish_line(m_begin, m_end, line);
      m_begin = m_end;
      return true;
    }
    const std::size_t offset = m_end - m_begin;
    fill();
    scanned = m_begin + offset;
  }
}

bool LineReader::skip_long_line(InputLine& line) {
  std::size_t skipped = m_end - m_begin;
  m_begin = m_end = 0;
  while (fill()) {
    const auto* found = static_cast<const char*>(std::memchr(m_buffer.get(), '\n', m_end));
    if (found != nullptr) {
      const auto newline = static_cast<std::size_t>(found - m_buffer.get());
      skipped += newline;
      m_begin = newline + 1;
      break;
    }
    skipped += m_end;
    m_begin = m_end = 0;
  }
  line.number = ++m_line_number;
  line.raw_bytes = skipped;
  line.too_long = true;
  line.has_cr = false;
  line.text = {};
  return true;
}

void LineReader::finish_line(std::size_t begin, std::size_t end, InputLine& line) {
  line.number = ++m_line_number;
  line.raw_bytes = end - begin;
  if (end > begin && m_buffer[end - 1] == '\r') --end;
  if (end - begin > m_max_line_bytes) {
    line.too_long = true;
    line.has_cr = false;
    line.text = {};
    return;
  }
  line.has_cr = std::memchr(m_buffer.get() + begin, '\r', end - begin) != nullptr;
  set_line_text(line, std::string_view(m_buffer.get() + begin, end - begin), m_clean);
}

}  // namespace rolecheck
