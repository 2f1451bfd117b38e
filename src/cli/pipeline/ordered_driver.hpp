#pragma once
// The ordered -j driver every loop of `classify` and `diff` instantiates with its block and worker: the
// calling thread reads the inputs into blocks (read_line_batches, read_document_batches), OrderedPipeline
// processes them on N workers, and the calling thread writes them back in input order: the records (framed
// by the run's RecordStream), then the block's messages on stderr, and adds up what the blocks counted.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "io/input_tally.hpp"
#include "io/output.hpp"
#include "io/progress.hpp"
#include "pipeline/input_batch.hpp"
#include "pipeline/ordered_pipeline.hpp"

#include "rolecheck/output/record_stream.hpp"

namespace rolecheck::cli {

/// One block of an ordered loop: a batch of input (LineBatch, DocumentBatch), then the records formatted
/// from it and what the loop counts (TallyT: RecordTally, DiffTally).
template <typename BatchT, typename TallyT>
struct OutputBlock : BatchT {
  using Batch = BatchT;  ///< What the block reads into.
  using Tally = TallyT;  ///< What the block counts.

  std::string records;      ///< Its formatted records.
  std::size_t written = 0;  ///< Records in `records`.
  Tally tally;              ///< What its items added up to.

  /// Empties the block for reuse (its buffers stay).
  void reset() {
    this->clear_batch();
    records.clear();
    written = 0;
    tally.clear();
  }
};

/// What an ordered loop saw over all inputs.
template <typename Tally>
struct RunTotals {
  Tally tally;     ///< Every block's counts, added up.
  int status = 0;  ///< 2 when an input could not be opened or read, or an item could not be classified.
  /// Which inputs could be read (wholly, or in part before a read error); nothing_read(): nothing to report, so
  /// the caller writes no framing, counts or summary (docs/output.md, *Errors in inputs*).
  InputTally inputs;
};

/// How an ordered loop runs and writes.
struct OrderedRun {
  std::size_t jobs = 1;              ///< Worker threads (1: everything on the calling thread).
  BatchLimits limits;                ///< When a block goes to the workers.
  bool flush_each_record = false;    ///< Write every block before reading on (a coprocess waits for its answer).
  RecordStream* stream = nullptr;    ///< Frames the blocks' records (classify); null: they are written as they are.
  ProgressLine* progress = nullptr;  ///< Items and bytes done, offered every `progress_step` items; null: none.
  std::size_t progress_step = 0;     ///< Items between two progress updates (0: every block).
};

/// The writer's side of an ordered loop, whatever its block type: the records, the messages, the progress.
class BlockOutput {
 public:
  /// Writes to `out` as `run` says.
  BlockOutput(Output& out, const OrderedRun& run) : m_out(&out), m_run(&run) {}

  /// Writes one block: its `written` records (framed by the run's stream), then its stderr `messages`; counts its
  /// `items` and input `bytes` for progress.
  void write(std::string_view records, std::size_t written, const std::vector<std::string>& messages, std::size_t items,
             std::size_t bytes);

 private:
  Output* m_out;
  const OrderedRun* m_run;
  std::size_t m_items_done = 0;
  std::size_t m_bytes_done = 0;
  std::size_t m_next_progress = 0;
};

/// Runs one ordered loop over `inputs` (paths, "-" for stdin): `read(path, sink)` reads an input into blocks
/// (BatchSink of Block::Batch), run.jobs workers made by `make_worker` process them (Worker::process(Block&)),
/// and they are written to `out` in input order, so the output of -j N is byte-identical to -j 1.
/// An exception on a worker or the writer ends the run on the calling thread.
template <typename Block, typename Worker, typename Read>
RunTotals<typename Block::Tally> run_ordered(const std::vector<std::string>& inputs, const OrderedRun& run, Output& out,
                                             const std::function<Worker()>& make_worker, Read read) {
  using Batch = typename Block::Batch;
  RunTotals<typename Block::Tally> totals;
  BlockOutput output(out, run);
  typename Batch::Notices notices;
  std::size_t written_input = 0;  // the input of the last block written (inputs are numbered from 1)
  std::vector<std::string> messages;
  OrderedPipeline<Block, Worker> pipeline(run.jobs, make_worker, [&](Block& block) {
    totals.tally.merge(block.tally);
    if (block.status != 0) totals.status = block.status;
    // Each input's blocks come in order; the last one carries how it ended (status 2: it could not be opened,
    // or a read error ended it, so it counts only when an item came before).
    if (block.input != written_input) {
      written_input = block.input;
      totals.inputs.opened();
    }
    if (block.size() != 0) totals.inputs.item();
    if (block.last_of_input) {
      if (block.status == 0) {
        totals.inputs.read_wholly();
      } else {
        totals.inputs.read_error();
      }
    }
    messages.clear();
    if (notices.collect(block, messages)) totals.status = 2;
    output.write(block.records, block.written, messages, block.size(), block.input_bytes);
  });
  std::size_t input = 0;
  Block* filling = nullptr;  // the block the reader fills
  BatchSink<Batch> sink;
  sink.limits = run.limits;
  sink.start = [&](const std::string& file) -> Batch& {
    Block& block = pipeline.acquire();
    block.input = input;
    block.file = file;
    filling = &block;
    return block;
  };
  sink.hand_over = [&](const std::string& file) -> Batch& {
    pipeline.submit();
    // Answer this item before reading the next one (the writer runs on this thread).
    if (run.flush_each_record) pipeline.finish();
    return sink.start(file);
  };
  sink.submit = [&] {
    filling->last_of_input = true;
    pipeline.submit();
  };
  for (const auto& path : inputs) {
    ++input;
    read(path, sink);
  }
  pipeline.finish();
  return totals;
}

}  // namespace rolecheck::cli
