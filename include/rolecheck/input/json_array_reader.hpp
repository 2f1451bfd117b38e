#pragma once
// A streaming cutter for a JSON array of records: hands out each top-level element's text, so a
// large array is never held or parsed whole.

#include <cstddef>
#include <string>

#include "rolecheck/input/byte_reader.hpp"
#include "rolecheck/input/line_reader.hpp"

namespace rolecheck {

/// Cuts the elements of one top-level JSON array (`[{...}, {...}]`, pretty-printed or not) from a
/// descriptor, gzip decompressed, without parsing them: strings and nesting are tracked byte by byte,
/// so memory stays bounded by one element of at most max_element_bytes plus a read block. Each
/// element comes back as an InputLine (its text, the line it starts on, too long, invalid UTF-8,
/// NUL), ready for the same record parser as a JSON Lines line.
class JsonArrayReader {
 public:
  /// Reads from `fd` (not owned); `name` names the input in errors.
  JsonArrayReader(int fd, std::string name, std::size_t max_element_bytes);

  /// Reads the next element into `element`; returns false after the closing `]`. Throws Error
  /// (FILE:LINE:COL) when the input is not one JSON array (an object, JSON Lines, text after the
  /// array, an unclosed array), on a read error, and on UTF-16/32 or binary input.
  bool next(InputLine& element);

 private:
  bool get(char& c);
  [[noreturn]] void fail(const std::string& message) const;
  bool skip_space(char& c);

  ByteReader m_bytes;
  std::string m_name;
  std::size_t m_max_bytes;
  bool m_started = false;
  bool m_done = false;
  std::string m_trailing_error;  // text after the closing ']': reported after the last element is returned
  std::size_t m_line = 1;
  std::size_t m_column = 0;
  std::size_t m_elements = 0;
  std::string m_text;
  std::string m_clean;
};

}  // namespace rolecheck
