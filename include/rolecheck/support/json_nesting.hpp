#pragma once
// JSON text followed a byte at a time without parsing it: inside a string or not, and how deep the
// brackets outside strings nest. Shared by the scanners that cap, locate or cut JSON before a parser runs.

#include <cstddef>

namespace rolecheck {

/// The nesting of the JSON text fed so far; malformed text never fails (a stray closing bracket is ignored).
class JsonNesting {
 public:
  /// Reads one byte; true when it opens an array or object (outside a string).
  bool feed(char c) noexcept {
    if (m_in_string) {
      if (m_escaped) {
        m_escaped = false;
      } else if (c == '\\') {
        m_escaped = true;
      } else if (c == '"') {
        m_in_string = false;
      }
      return false;
    }
    if (c == '"') {
      m_in_string = true;
    } else if (c == '[' || c == '{') {
      ++m_depth;
      return true;
    } else if ((c == ']' || c == '}') && m_depth > 0) {
      --m_depth;
    }
    return false;
  }

  /// True while the bytes fed are inside a string (its opening quote fed, its closing one not yet).
  [[nodiscard]] bool in_string() const noexcept { return m_in_string; }
  /// Brackets open outside strings.
  [[nodiscard]] std::size_t depth() const noexcept { return m_depth; }

 private:
  std::size_t m_depth = 0;
  bool m_in_string = false;
  bool m_escaped = false;
};

}  // namespace rolecheck
