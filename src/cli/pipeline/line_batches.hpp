#pragma once
// Reading lines into batches for the -j loops of `classify` and `diff`: the reading thread cuts the lines
// (LineReader: bounded lines, cleaned UTF-8), the workers classify them.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/input_batch.hpp"

namespace rolecheck::cli {

/// One line kept in a batch: its cleaned text is LineBatch::text[begin, begin + size).
struct BatchLine {
  std::size_t begin = 0;   ///< Where its text starts.
  std::size_t size = 0;    ///< Its text's length.
  std::size_t number = 0;  ///< 1-based line number.
  bool too_long = false;   ///< Over the line limit: no text, not read.
};

/// A run of lines of one input; batches are recycled, so their buffers stop growing once they have seen the
/// largest batch.
struct LineBatch : InputBatch {
  std::vector<BatchLine> lines;  ///< The lines, in input order.
  std::string text;              ///< Their text, back to back.

  /// The text of `line`.
  [[nodiscard]] std::string_view text_of(const BatchLine& line) const noexcept {
    return std::string_view(text).substr(line.begin, line.size);
  }
  /// Lines in the batch.
  [[nodiscard]] std::size_t size() const noexcept { return lines.size(); }
  /// Empties the batch for reuse.
  void clear_batch();

  /// The stderr lines of written line batches: their messages, gathered when read.
  struct Notices {
    /// Appends the messages of `batch` to `out`; returns false (no line makes a run fail).
    bool collect(const LineBatch& batch, std::vector<std::string>& out) const;
  };
};

/// Batch limits for -j `jobs`: with one job a batch holds at most 2048 lines and is handed over once its
/// text passes 256 KiB; with more jobs the pool holds more batches and each gets a share of that budget
/// (at least 64 lines, 8 KiB), so memory in flight stays the same whatever -j is. With `each_line`,
/// one line per batch (each record is written at once).
BatchLimits line_batch_limits(std::size_t jobs, bool each_line) noexcept;

/// Reads every line of the input `path` ("-" is stdin) into batches, lines over `max_line_bytes` marked
/// too long: an input that cannot be opened or read leaves its message and status 2 in the batch; the
/// input's warnings (invalid UTF-8, NUL bytes, long lines) end its last batch.
void read_line_batches(const std::string& path, std::size_t max_line_bytes, const BatchSink<LineBatch>& sink);

}  // namespace rolecheck::cli
