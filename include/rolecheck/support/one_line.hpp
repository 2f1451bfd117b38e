#pragma once
// Text put on one line for the text formats: tab, CR, LF and NUL become spaces, and runs of blanks may be
// squeezed to one space. The one way every text record, report and diff flattens a duty, id or file name.

#include <string>
#include <string_view>

namespace rolecheck {

/// Appends text to a string on one line, piece by piece (so colour codes can go between the pieces): tab,
/// CR, LF and NUL become spaces and, when squeezing, a run of those and spaces becomes one space, across
/// pieces too. Bytes are copied as they are otherwise, so the text should be valid UTF-8.
class OneLineWriter {
 public:
  /// Appends to `out`, squeezing runs of blanks when `squeeze`.
  OneLineWriter(std::string& out, bool squeeze) noexcept : m_out(out), m_squeeze(squeeze) {}

  /// Appends one byte.
  void put(char c) {
    const bool blank = c == '\t' || c == '\r' || c == '\n' || c == '\0' || (m_squeeze && c == ' ');
    if (m_squeeze && blank && m_space) return;
    m_out += blank ? ' ' : c;
    m_space = blank;
  }

  /// Appends every byte of `text`.
  void append(std::string_view text) {
    for (const char c : text) put(c);
  }

 private:
  std::string& m_out;
  bool m_squeeze;
  bool m_space = false;  // the last byte written was a squeezed blank
};

/// Appends `text` on one line (as OneLineWriter does) with invalid UTF-8 replaced by U+FFFD first.
void append_one_line(std::string& out, std::string_view text, bool squeeze = false);

}  // namespace rolecheck
