#pragma once
// Reading job descriptions: a whole input as one document, or one JSON Lines record per line, as
// self-contained items (origin and text owned) ready to be classified now or on another thread.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/input/document_origin.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/support/json_caps.hpp"

namespace rolecheck {

/// Largest document read from a whole input or one JSONL line; bigger ones become error items.
inline constexpr std::size_t kMaxInputDocumentBytes = std::size_t{16} << 20;

/// How an input holds documents (or, in line mode, records of one duty each).
enum class DocumentInput : std::uint8_t {
  whole,  ///< The whole input is one document.
  jsonl,  ///< Each line is one {"id": ..., "text": "..."} object.
  json,   ///< One JSON array of such objects (pretty-printed or not), read element by element.
  csv,    ///< A CSV file with a header row: each row is one record, its text in one column.
  html,   ///< The whole input is one HTML document, converted to text (html_text).
};

/// Parses "text" (whole), "jsonl", "json", "csv" or "html".
std::optional<DocumentInput> parse_document_input(std::string_view name) noexcept;

/// True for the layouts whose inputs hold many records (jsonl, json, csv).
bool is_record_input(DocumentInput layout) noexcept;

struct RecordFields;

/// One document read from an input: where it came from and its cleaned text, or why it has none.
/// Owns all its strings, so it can be moved to another thread and outlive the reader.
struct InputDocument {
  std::string id;          ///< The id as text: the file name for whole inputs, "FILE:LINE" by default in JSONL.
  std::string id_json;     ///< The JSONL "id" as raw JSON (empty: write `id` as a string).
  std::string file;        ///< The input's name, "-" for stdin.
  std::size_t line = 0;    ///< 1-based JSONL line, 0 for a whole input.
  std::string extra_json;  ///< Other JSONL fields as JSON members; reserved names go under "input".
  std::string text;        ///< The document: valid UTF-8, no BOM (empty when `error` is set).
  std::string error;       ///< Why it cannot be classified (empty: it can); goes into an error record.
  std::size_t invalid_utf8_line = 0;  ///< First line where invalid UTF-8 was replaced by U+FFFD (0: none).
  std::size_t nul_line = 0;           ///< First line holding a NUL byte (0: none); NULs separate words.
  std::size_t input_bytes = 0;        ///< Bytes of input it took: its JSONL line and newline, or the whole input.

  /// True when the document can be classified.
  [[nodiscard]] bool ok() const noexcept { return error.empty(); }
  /// The origin for DocumentFormatter, viewing this item's strings (valid while it lives unchanged).
  [[nodiscard]] DocumentOrigin origin() const noexcept;
  /// Empties every field, keeping the strings' capacity.
  void clear() noexcept;
};

/// Turns the bytes of a whole input named `name` into one document in `out`: a UTF-8 BOM is
/// stripped, UTF-16/32 (with or without a BOM) and inputs over `max_bytes` become errors, invalid
/// UTF-8 is replaced by U+FFFD and flagged. `bytes` may be cut at max_bytes + 1; it is moved into
/// the document when clean, so reading costs no copy.
void read_whole_document(std::string_view name, std::string bytes, InputDocument& out,
                         std::size_t max_bytes = kMaxInputDocumentBytes);

/// Turns one line of a JSONL input named `name` (as LineReader gives it: cleaned, maybe too long)
/// into one document in `out`: its "text", its "id", other fields passed through (reserved output
/// names under "input"); empty lines, non-objects, missing text and nesting over kMaxJsonlDepth
/// become errors. `max_bytes` only names the limit in the too-long message. The default fields of
/// read_json_record() (record_input.hpp), which names others.
void read_jsonl_document(std::string_view name, const InputLine& line, InputDocument& out,
                         std::size_t max_bytes = kMaxInputDocumentBytes);

/// Reads the documents of one input descriptor (gzip decompressed), one at a time, in any layout:
/// the one place that turns each input format into documents or records with ids. Memory stays
/// bounded by about max_bytes plus one read block.
class DocumentReader {
 public:
  /// Reads from `fd` (not owned), naming the input `name` in errors and origins; `fields` says where
  /// records (JSONL, JSON, CSV) keep their text, id and title (default: "text", "id", "title").
  DocumentReader(int fd, std::string name, DocumentInput layout, std::size_t max_bytes = kMaxInputDocumentBytes);
  /// The same with the record fields given.
  DocumentReader(int fd, std::string name, DocumentInput layout, const RecordFields& fields,
                 std::size_t max_bytes = kMaxInputDocumentBytes);
  DocumentReader(DocumentReader&&) noexcept;
  DocumentReader& operator=(DocumentReader&&) noexcept;
  ~DocumentReader();

  /// Reads the next document into `out` (its buffers reused); returns false at the end of input.
  /// Bad documents come back with `error` set; blank JSONL lines and CSV rows are skipped and
  /// counted (blank_lines()). Throws Error on a read error and, for records, on input none of which
  /// can be read (UTF-16/32, binary, pretty-printed JSON given as JSONL, a CSV header without the
  /// text column, JSON that is not one array); a whole input always yields exactly one document.
  bool next(InputDocument& out);

  /// Blank lines skipped so far (JSONL and CSV).
  [[nodiscard]] std::size_t blank_lines() const noexcept;

 private:
  struct Records;
  int m_fd;
  std::string m_name;
  DocumentInput m_layout;
  std::size_t m_max_bytes;
  std::unique_ptr<Records> m_records;
  bool m_done = false;
};

}  // namespace rolecheck
