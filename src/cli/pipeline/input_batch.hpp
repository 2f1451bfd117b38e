#pragma once
// What the readers of the -j loops share: a batch of one input's items (lines, documents) and the sink through
// which a reader hands its batches to the ordered pipeline.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/input_files.hpp"

namespace rolecheck::cli {

/// What every batch carries besides its items: where they come from and what reading them had to report.
struct InputBatch {
  std::size_t input = 0;              ///< Which input the items come from (1-based, set by the sink).
  std::string file;                   ///< That input's name.
  std::size_t input_bytes = 0;        ///< Bytes of input the items took (for progress).
  std::vector<std::string> messages;  ///< Read errors and warnings, printed after the batch's records.
  int status = 0;                     ///< 2 when the input could not be opened or read.
  bool last_of_input = false;         ///< True on the input's last batch (the one BatchSink::submit submits).

  /// Empties these fields for reuse (the messages keep their buffer).
  void clear_input() {
    input_bytes = 0;
    messages.clear();
    status = 0;
    last_of_input = false;
  }
};

/// Opens the input `path` ("-" is stdin) for a reader whose current batch is `batch`; when it cannot be opened,
/// leaves the message and status 2 in the batch and returns nullopt.
std::optional<InputFile> open_batch_input(const std::string& path, InputBatch& batch);

/// When a reader hands a batch over: once it holds `items` items or `bytes` bytes of text.
struct BatchLimits {
  std::size_t items = 1;  ///< Items (lines, documents) per batch at most.
  std::size_t bytes = 0;  ///< Text per batch past which it is handed over (a larger item travels alone).

  /// True when a batch of `count` items and `text_bytes` bytes of text must be handed over.
  [[nodiscard]] bool full(std::size_t count, std::size_t text_bytes) const noexcept {
    return count >= items || text_bytes >= bytes;
  }
};

/// How a reader hands batches of type Batch to a pipeline.
template <typename Batch>
struct BatchSink {
  std::function<Batch&(const std::string& file)> start;      ///< A fresh batch for input `file`.
  std::function<Batch&(const std::string& file)> hand_over;  ///< Submits the batch, starts the next.
  std::function<void()> submit;                              ///< Submits the last batch of the input.
  BatchLimits limits;                                        ///< When a batch is handed over.
};

}  // namespace rolecheck::cli
