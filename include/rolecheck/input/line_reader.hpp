#pragma once
// The bounded line reader: reads input in large blocks and never holds more than one line's worth.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "rolecheck/input/input_stream.hpp"

namespace rolecheck {

/// One line of input, cleaned: no newline, no trailing CR, no BOM, valid UTF-8.
struct InputLine {
  std::string_view text;      ///< The cleaned text; valid until the next call to next().
  std::size_t number = 0;     ///< 1-based line number.
  std::size_t raw_bytes = 0;  ///< Bytes of the raw line (without its newline, with any CR).
  bool too_long = false;      ///< Longer than the limit: text is empty and the line was skipped.
  bool invalid_utf8 = false;  ///< Invalid UTF-8 was replaced by U+FFFD.
  bool has_nul = false;       ///< The line contains NUL bytes (kept; they separate words).
  bool has_cr = false;        ///< A CR inside the line (LineReader only): CR-only line endings read as one line.
};

/// Sets `line.text` to `text`, or to a copy in `clean` with invalid UTF-8 replaced by U+FFFD (and
/// `line.invalid_utf8`), and `line.has_nul`: how every reader that hands out InputLines cleans one.
void set_line_text(InputLine& line, std::string_view text, std::string& clean);

/// Default for --max-line-bytes.
inline constexpr std::size_t kDefaultMaxLineBytes = std::size_t{1} << 20;

/// Largest accepted max_line_bytes; larger limits are lowered to this.
inline constexpr std::size_t kLargestMaxLineBytes = std::size_t{1} << 30;

/// Bytes the reader asks the descriptor for at a time.
inline constexpr std::size_t kLineReaderBlockBytes = std::size_t{1} << 16;

/// Reads lines from a file descriptor (gzip decompressed, see InputStream) with memory bounded by the block size plus
/// max_line_bytes. A line is the bytes before a '\n' (one trailing '\r' is dropped) or before the end of input; a line
/// of more than max_line_bytes (not counting that '\r') is skipped and reported as too long.
class LineReader {
 public:
  /// Reads from `fd` (not owned); `name` names the input in errors.
  LineReader(int fd, std::string name, std::size_t max_line_bytes = kDefaultMaxLineBytes);

  /// Reads the next line into `line`; returns false at the end of input. Throws Error on a read
  /// error, on UTF-16/UTF-32 input (with a hint to convert it) and on binary input (detect_binary).
  bool next(InputLine& line);

 private:
  bool fill();
  void grow();
  void check_start();
  bool skip_long_line(InputLine& line);
  void finish_line(std::size_t begin, std::size_t end, InputLine& line);

  InputStream m_stream;
  std::string m_name;
  std::size_t m_max_line_bytes;
  std::size_t m_capacity;   // the most the buffer may grow to: one block after the longest line
  std::size_t m_allocated;  // the buffer's size today: starts at two blocks, doubles as long lines need
  std::unique_ptr<char[]> m_buffer;
  std::size_t m_begin = 0;
  std::size_t m_end = 0;
  std::size_t m_line_number = 0;
  bool m_eof = false;
  bool m_at_start = true;
  std::string m_clean;
};

/// Names the encoding when `start` (the first bytes of an input) is UTF-16 or UTF-32, by its
/// byte-order mark or, for BOM-less text, by the pattern of NUL bytes; returns "" otherwise.
std::string_view detect_wide_encoding(std::string_view start) noexcept;

/// What to tell the user about an input named `name` ("-": stdin) found to be in `encoding`:
/// that it is not UTF-8 and the iconv command that converts it.
std::string wide_encoding_message(std::string_view encoding, std::string_view name);

/// Bytes of an input's start that detect_binary() looks at, at most.
inline constexpr std::size_t kBinarySniffBytes = 1024;

/// Says what `start` (the first bytes of an input, not UTF-16/32) is when it is not text: a known
/// file type by its magic bytes (PDF, ZIP or Office document, executable, image, compressed data
/// other than gzip), or binary data: at least 16 bytes of which 30% or more are NUL, control
/// characters other than blanks, or invalid UTF-8. Returns "" for text (a few NULs or stray bytes in
/// text are read as text and warned about).
std::string_view detect_binary(std::string_view start) noexcept;

/// What to tell the user about an input named `name` that detect_binary() called `kind`.
std::string binary_input_message(std::string_view kind, std::string_view name);

/// Why an input named `name` whose first bytes are `start` is not UTF-8 text (UTF-16/32, or binary: the
/// messages above), or "" when it is text. Every reader checks its start with this.
std::string non_text_message(std::string_view start, std::string_view name);

/// "16 MiB" for whole mebibytes, "N bytes" otherwise: a size cap as the readers' errors name it.
std::string size_text(std::size_t bytes);

}  // namespace rolecheck
