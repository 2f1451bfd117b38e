#pragma once
// Reading job descriptions into blocks for the -j pipeline, shared by `classify` and `diff`: a whole
// input is read as one document on the reading thread; JSONL lines are only cut there and parsed on
// the workers, so JSON parsing runs on N threads too. The reading itself is the core's document_input.

#include <cstddef>
#include <string>
#include <vector>

#include "io/input_files.hpp"
#include "pipeline/input_batch.hpp"

#include "rolecheck/input/document_input.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/input/record_input.hpp"

namespace rolecheck::cli {

/// One JSONL line kept in a batch until a worker parses it: its cleaned text is raw_text[begin, begin + size).
struct RawLine {
  std::size_t begin = 0;  ///< Where its text starts in DocumentBatch::raw_text.
  std::size_t size = 0;   ///< Its text's length.
  InputLine line;         ///< Everything but `text`.
};

class BatchNotices;

/// The documents of one block, all from one input; blocks are recycled with their documents, so
/// buffers stop growing once they have seen the largest block.
struct DocumentBatch : InputBatch {
  /// The stderr lines of written document batches.
  using Notices = BatchNotices;

  const RecordFields* fields = nullptr;  ///< JSON records: where their text, id and title are.
  std::vector<RawLine> lines;            ///< JSONL: the lines still to parse, one per document.
  std::string raw_text;                  ///< JSONL: their text.
  std::vector<InputDocument> documents;  ///< The first `count` belong to this batch.
  std::size_t count = 0;                 ///< Documents in this batch.
  std::size_t text_bytes = 0;            ///< Text of the documents read into it.

  /// Documents in the batch.
  [[nodiscard]] std::size_t size() const noexcept { return count; }
  /// The next document slot to read into.
  InputDocument& next_document();
  /// Empties the batch for reuse (documents keep their buffers).
  void clear_batch();
  /// Turns the JSON records (JSONL lines, JSON array elements) into documents (on a worker, before classifying).
  void parse_lines();
};

/// Batch limits: at most 64 documents, handed over once their text passes 256 KiB (a larger document travels
/// alone); with `each_document`, one document per batch (each record is written at once).
BatchLimits document_batch_limits(bool each_document) noexcept;

/// Reads every document (or record) of the input `path` ("-" is stdin) in `layout` into batches, as
/// `classify --unit document` does: an input that cannot be opened or read leaves its message and
/// status 2 in the batch; blank JSONL and CSV lines are skipped, with a note in the last batch.
void read_document_batches(const std::string& path, DocumentInput layout, const RecordFields& fields,
                           const BatchSink<DocumentBatch>& sink);

/// The stderr lines of written batches, in input order: warnings once per input (invalid UTF-8, NUL
/// bytes), one error per document that cannot be classified, then the batch's read errors.
class BatchNotices {
 public:
  /// Appends the messages of `batch` to `out`; returns true when one of its documents could not be read.
  bool collect(const DocumentBatch& batch, std::vector<std::string>& out);

 private:
  DocumentNotices m_notices;  // the notices of the input being written
  std::size_t m_input = 0;    // which input that is
};

}  // namespace rolecheck::cli
