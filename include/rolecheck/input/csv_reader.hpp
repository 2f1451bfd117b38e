#pragma once
// A streaming RFC 4180 reader: one CSV record at a time, quoted fields spanning lines included.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rolecheck/input/byte_reader.hpp"

namespace rolecheck {

/// One CSV record: its fields, unquoted and cleaned (valid UTF-8, CRLF read as LF inside quoted
/// fields), and where it came from. The views are valid until the next call to CsvReader::next().
struct CsvRecord {
  std::vector<std::string_view> fields;  ///< The fields, in order (one empty field for a blank line).
  std::size_t line = 0;                  ///< 1-based line where the record starts.
  std::size_t raw_bytes = 0;             ///< Bytes of input it took, its line break included.
  bool blank = false;                    ///< The record is an empty line.
  bool too_long = false;                 ///< Longer than the limit: its fields are empty.
  bool invalid_utf8 = false;             ///< Invalid UTF-8 was replaced by U+FFFD.
  bool has_nul = false;                  ///< A field holds NUL bytes (kept).
  std::string error;                     ///< Why the record is broken (an unclosed quote), or empty.
};

/// Most fields one CSV record may have: a record with more is an error, and its memory stays bounded.
inline constexpr std::size_t kMaxCsvFields = 10'000;

/// Reads CSV (RFC 4180: `,` separated, `"` quoted, quotes doubled inside quotes, line breaks inside
/// quotes kept, CRLF or LF line ends, a UTF-8 BOM skipped) from a descriptor, gzip decompressed, with
/// memory bounded by one record of at most max_record_bytes plus a read block. Lenient where
/// spreadsheets are: a quote inside an unquoted field is kept as a character, text after a closing
/// quote is appended to the field.
class CsvReader {
 public:
  /// Reads from `fd` (not owned); `name` names the input in errors.
  CsvReader(int fd, std::string name, std::size_t max_record_bytes);

  /// Reads the next record into `out`; returns false at the end of input. Throws Error on a read
  /// error, on UTF-16/32 and on binary input (no record of it can be read).
  bool next(CsvRecord& out);

 private:
  enum class State : unsigned char { field_start, unquoted, quoted, quote_in_quoted };
  void end_field();
  void append(char c);
  void finish(CsvRecord& out);

  ByteReader m_bytes;
  std::string m_name;
  std::size_t m_max_bytes;
  bool m_started = false;
  std::size_t m_line = 1;
  State m_state = State::field_start;
  bool m_pending_cr = false;
  std::string m_data;
  std::vector<std::pair<std::size_t, std::size_t>> m_spans;
  std::size_t m_field_begin = 0;
  std::size_t m_record_bytes = 0;
  bool m_too_long = false;
  std::string m_clean;
};

}  // namespace rolecheck
