#include "rolecheck/line_reader.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

#include "rolecheck/error.hpp"
#include "rolecheck/utf8.hpp"

namespace rolecheck {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 18;

}  // namespace

LineReader::LineReader(int fd, std::string name, std::size_t max_line_bytes)
    : m_fd(fd),
      m_name(std::move(name)),
      m_max_line_bytes(max_line_bytes),
      m_capacity(kBlockBytes + max_line_bytes + 1),
      m_buffer(new char[m_capacity]) {}  // uninitialised: pages are touched only when read into

bool LineReader::fill() {
  if (m_begin > 0) {
    std::memmove(m_buffer.get(), m_buffer.get() + m_begin, m_end - m_begin);
    m_end -= m_begin;
    m_begin = 0;
  }
  while (m_end < m_capacity) {
    const ssize_t n = ::read(m_fd, m_buffer.get() + m_end, m_capacity - m_end);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(std::vector<Diagnostic>{
          Diagnostic{m_name, 0, 0, {}, fmt::format("cannot read: {}", std::strerror(errno)), {}}});
    }
    if (n == 0) {
      m_eof = true;
      return false;
    }
    m_end += static_cast<std::size_t>(n);
    return true;
  }
  return true;
}

bool LineReader::next(InputLine& line) {
  line = InputLine{};
  std::size_t scanned = m_begin;
  for (;;) {
    if (m_at_start && m_end - m_begin >= 2) {
      const auto b0 = static_cast<unsigned char>(m_buffer[m_begin]);
      const auto b1 = static_cast<unsigned char>(m_buffer[m_begin + 1]);
      if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        throw Error(std::vector<Diagnostic>{
            Diagnostic{m_name,
                       1,
                       1,
                       {},
                       fmt::format("input is UTF-16, not UTF-8; convert it first: iconv -f UTF-16 -t UTF-8 {}", m_name),
                       {}}});
      }
    }
    if (m_at_start && (m_end - m_begin >= 3 || m_eof)) {
      if (m_end - m_begin >= 3 && std::memcmp(m_buffer.get() + m_begin, "\xEF\xBB\xBF", 3) == 0) m_begin += 3;
      m_at_start = false;
      scanned = m_begin;
    }
    const auto* found = static_cast<const char*>(std::memchr(m_buffer.get() + scanned, '\n', m_end - scanned));
    if (found != nullptr) {
      const auto newline = static_cast<std::size_t>(found - m_buffer.get());
      finish_line(m_begin, newline, line);
      m_begin = newline + 1;
      return true;
    }
    if (m_end - m_begin > m_max_line_bytes) {
      // Too long: skip to the end of the line without keeping it.
      std::size_t skipped = m_end - m_begin;
      m_begin = m_end = 0;
      for (;;) {
        if (!fill()) break;
        const auto* nl = static_cast<const char*>(std::memchr(m_buffer.get(), '\n', m_end));
        if (nl != nullptr) {
          const auto newline = static_cast<std::size_t>(nl - m_buffer.get());
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
      line.text = {};
      return true;
    }
    if (m_eof) {
      if (m_begin == m_end) return false;
      finish_line(m_begin, m_end, line);
      m_begin = m_end;
      return true;
    }
    scanned = m_end - m_begin;
    fill();
    scanned += m_begin;
  }
}

void LineReader::finish_line(std::size_t begin, std::size_t end, InputLine& line) {
  line.number = ++m_line_number;
  line.raw_bytes = end - begin;
  if (end > begin && m_buffer[end - 1] == '\r') --end;
  std::string_view text(m_buffer.get() + begin, end - begin);
  line.has_nul = std::memchr(text.data(), '\0', text.size()) != nullptr;
  if (is_valid_utf8(text)) {
    line.text = text;
  } else {
    line.invalid_utf8 = replace_invalid_utf8(text, m_clean);
    line.text = m_clean;
  }
  if (line.raw_bytes > m_max_line_bytes) {
    line.too_long = true;
    line.text = {};
  }
}

}  // namespace rolecheck
