#pragma once
// The bounded line reader: reads input in large blocks and never holds more than one line's worth.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

/// One line of input, cleaned: no newline, no trailing CR, no BOM, valid UTF-8.
struct InputLine {
  std::string_view text;      ///< The cleaned text; valid until the next call to next().
  std::size_t number = 0;     ///< 1-based line number.
  std::size_t raw_bytes = 0;  ///< Bytes of the raw line (without its newline).
  bool too_long = false;      ///< Longer than the limit: text is empty and the line was skipped.
  bool invalid_utf8 = false;  ///< Invalid UTF-8 was replaced by U+FFFD.
  bool has_nul = false;       ///< The line contains NUL bytes (kept; they separate words).
};

/// Default for --max-line-bytes.
inline constexpr std::size_t kDefaultMaxLineBytes = std::size_t{1} << 20;

/// Reads lines from a file descriptor with memory bounded by the block size plus max_line_bytes.
class LineReader {
 public:
  /// Reads from `fd` (not owned); `name` names the input in errors.
  LineReader(int fd, std::string name, std::size_t max_line_bytes = kDefaultMaxLineBytes);

  /// Reads the next line into `line`; returns false at the end of input. Throws Error on a read
  /// error or on UTF-16 input (with a hint to convert it).
  bool next(InputLine& line);

 private:
  bool fill();
  void finish_line(std::size_t begin, std::size_t end, InputLine& line);

  int m_fd;
  std::string m_name;
  std::size_t m_max_line_bytes;
  std::size_t m_capacity;
  std::unique_ptr<char[]> m_buffer;
  std::size_t m_begin = 0;
  std::size_t m_end = 0;
  std::size_t m_line_number = 0;
  bool m_eof = false;
  bool m_at_start = true;
  std::string m_clean;
};

}  // namespace rolecheck
