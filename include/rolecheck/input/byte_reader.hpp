#pragma once
// One input read a byte at a time from large blocks, for the readers that scan bytes (CSV, JSON arrays).

#include <cstddef>
#include <string>

#include "rolecheck/input/input_stream.hpp"

namespace rolecheck {

/// The bytes of one input descriptor (gzip decompressed), handed out one at a time from blocks of
/// kLineReaderBlockBytes; its start is checked as LineReader checks it.
class ByteReader {
 public:
  /// Reads from `fd` (not owned); `name` names the input in errors and messages.
  ByteReader(int fd, std::string name);

  /// Reads the first block: returns why the input is not text (UTF-16/32 or binary: non_text_message()),
  /// else "" with a UTF-8 BOM skipped. Call it once, before anything else.
  std::string start();

  /// Puts the next byte in `c`; false at the end of input (which is never read past).
  bool get(char& c) {
    if (m_pos >= m_block.size() && !refill()) return false;
    c = m_block[m_pos++];
    return true;
  }

  /// True when every byte has been read.
  bool at_end() { return m_pos >= m_block.size() && !refill(); }

 private:
  bool refill();

  InputStream m_stream;
  std::string m_name;
  std::string m_block;
  std::size_t m_pos = 0;
  bool m_eof = false;
};

}  // namespace rolecheck
