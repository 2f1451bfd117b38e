#include "pipeline/line_pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "pipeline/ordered_pipeline.hpp"
#include "io/progress.hpp"

#include "rolecheck/support/error.hpp"
#include "rolecheck/input/line_reader.hpp"

namespace rolecheck::cli {
namespace {

// With one job a block holds at most kBlockLines lines and is handed out once its text passes
// kBlockBytes. With more jobs the pool holds more blocks, so each block gets a share of that budget
// (never less than kMinBlockLines / kMinBlockBytes): memory in flight stays the same whatever -j is.
constexpr std::size_t kBlockLines = 2048;
constexpr std::size_t kBlockBytes = std::size_t{1} << 18;
constexpr std::size_t kMinBlockLines = 64;
constexpr std::size_t kMinBlockBytes = std::size_t{1} << 13;
constexpr std::size_t kInFlightBlocks = 2;  // blocks' worth of the one-job budget shared by the pool

// The progress line is offered the counts after every this many lines written (one clock read).
constexpr std::size_t kProgressCheckLines = 1024;

// One line kept in a block: its cleaned text is text[begin, begin + size).
struct BlockLine {
  std::size_t begin = 0;
  std::size_t size = 0;
  std::size_t number = 0;
  bool too_long = false;
};

// A run of lines of one file, then (once classified) their records; blocks are recycled, so their
// buffers stop growing once they have seen the largest block.
struct Block {
  const std::string* file = nullptr;  // the input's display name
  std::string text;
  std::vector<BlockLine> lines;
  std::string records;          // formatted output
  std::size_t written = 0;      // records in `records` (after --only)
  std::size_t input_bytes = 0;  // bytes of input its lines took, newlines included (for progress)
  std::array<std::size_t, kLabelCount> counts{};
  std::array<std::size_t, kLabelCount> review_counts{};  // flagged for review, per label
  RunSummary summary;                                    // with --summary: its labels and cues
  bool all_expected = true;
  std::vector<std::string> messages;  // stderr lines to print after the records
  int status = 0;

  void reset() {
    file = nullptr;
    text.clear();
    lines.clear();
    records.clear();
    written = 0;
    input_bytes = 0;
    counts = {};
    review_counts = {};
    summary.clear();
    all_expected = true;
    messages.clear();
    status = 0;
  }
};

// What classifying a block needs; one per worker thread.
class BlockWorker {
 public:
  BlockWorker(const Classifier& classifier, const RecordFormatter& formatter, const LineSettings& settings)
      : m_classifier(&classifier),
        m_scanner(classifier.make_scanner()),
        m_formatter(formatter.block_formatter()),
        m_settings(&settings),
        m_summary_cues(settings.summary ? classifier.matcher().cues().size() : 0) {}

  // Classifies every line of the block and formats the records that --only keeps.
  void process(Block& block) {
    m_formatter = m_formatter.block_formatter();
    if (block.summary.cue_records().size() != m_summary_cues) block.summary = RunSummary(m_summary_cues);
    for (const auto& line : block.lines) {
      const std::string_view text(block.text.data() + line.begin, line.size);
      if (line.too_long) {
        m_result = Classification{};
        m_result.label = Label::unknown;
        m_result.basis = Basis::too_long;
        m_result.confidence = 1.0;
        m_classifier->flag_for_review(m_result);
      } else {
        m_classifier->classify(text, m_scanner, m_result);
      }
      const bool blank = m_result.basis == Basis::empty;
      if (blank && m_settings->skip_blank) continue;
      const auto label = static_cast<std::size_t>(m_result.label);
      ++block.counts[label];
      if (m_result.review) ++block.review_counts[label];
      if (m_settings->summary) block.summary.add(label, m_result.reasons, m_result.other_reasons, m_result.review);
      if (m_settings->expected && !blank && !(*m_settings->expected)[label]) block.all_expected = false;
      if (m_settings->silent || !m_settings->keep[label] || (m_settings->only_review && !m_result.review)) continue;
      m_formatter.record(block.records, RecordOrigin{*block.file, line.number}, text, m_result);
      ++block.written;
    }
  }

 private:
  const Classifier* m_classifier;
  Scanner m_scanner;
  RecordFormatter m_formatter;
  const LineSettings* m_settings;
  std::size_t m_summary_cues;  // with --summary, the cues a block's summary counts
  Classification m_result;
};

// The writer's side of the line loop: writes each block's records and folds its counts, in order.
class LineWriter {
 public:
  LineWriter(const Classifier& classifier, RecordFormatter& formatter, Output& out, const LineSettings& settings,
             std::size_t total_bytes)
      : m_formatter(&formatter), m_out(&out), m_settings(&settings) {
    m_totals.summary = RunSummary(settings.summary ? classifier.matcher().cues().size() : 0);
    if (settings.progress) m_progress = std::make_unique<ProgressLine>(total_bytes);
  }

  void write(Block& block) {
    m_out->write(m_formatter->before_block(block.written > 0));
    m_out->write(block.records);
    if (m_settings->flush_each_record && block.written > 0) m_out->end_record();
    for (std::size_t i = 0; i < block.counts.size(); ++i) {
      m_totals.counts[i] += block.counts[i];
      m_totals.review_counts[i] += block.review_counts[i];
    }
    if (m_settings->summary) m_totals.summary.merge(block.summary);
    m_totals.all_expected = m_totals.all_expected && block.all_expected;
    if (block.status != 0) m_totals.status = block.status;
    if (m_progress && !block.messages.empty()) m_progress->erase();
    for (const auto& message : block.messages) warn(message);
    m_lines_done += block.lines.size();
    m_bytes_done += block.input_bytes;
    if (m_progress && m_lines_done >= m_next_progress_check) {
      m_next_progress_check = m_lines_done + kProgressCheckLines;
      m_progress->update(m_lines_done, m_bytes_done);
    }
  }

  [[nodiscard]] const LineTotals& totals() const noexcept { return m_totals; }

 private:
  RecordFormatter* m_formatter;
  Output* m_out;
  const LineSettings* m_settings;
  LineTotals m_totals;
  std::unique_ptr<ProgressLine> m_progress;  // erased when the writer goes, before any summary
  std::size_t m_lines_done = 0;
  std::size_t m_bytes_done = 0;
  std::size_t m_next_progress_check = 0;
};

// The next line of `reader`, or false at the end; a read error ends the input with a message in `block`.
bool read_line(LineReader& reader, InputLine& line, Block& block) {
  try {
    return reader.next(line);
  } catch (const Error& read_error) {
    block.messages.emplace_back(read_error.what());
    block.status = 2;
    return false;
  }
}

}  // namespace

LineTotals classify_lines(const std::vector<std::string>& inputs, const Classifier& classifier,
                          RecordFormatter& formatter, Output& out, const LineSettings& settings) {
  // Blocks point at their input's name until written, so the names are declared before (and so
  // outlive) the pipeline, whose workers may still be finishing blocks while an exception unwinds.
  std::deque<std::string> names;
  const std::string no_file;
  LineWriter writer(classifier, formatter, out, settings, settings.progress ? total_input_bytes(inputs) : 0);
  OrderedPipeline<Block, BlockWorker> pipeline(
      settings.jobs, [&] { return BlockWorker(classifier, formatter, settings); },
      [&writer](Block& block) { writer.write(block); });
  // One record per block when each must be written at once (a coprocess waits for its answer).
  const std::size_t pool = pipeline_pool_size(settings.jobs);
  const std::size_t block_lines = settings.flush_each_record ? 1
                                  : pool == 1                ? kBlockLines
                                              : std::max(kMinBlockLines, kBlockLines * kInFlightBlocks / pool);
  const std::size_t block_bytes =
      pool == 1 ? kBlockBytes : std::max(kMinBlockBytes, kBlockBytes * kInFlightBlocks / pool);
  for (const auto& path : inputs) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      Block& block = pipeline.acquire();
      block.file = &no_file;
      block.messages.push_back(error);
      block.status = 2;
      pipeline.submit();
      continue;
    }
    const auto& name = names.emplace_back(input->name());
    LineReader reader(input->fd(), name, settings.max_line_bytes);
    InputLine line;
    LineNotices notices;
    Block* block = &pipeline.acquire();
    block->file = &name;
    while (read_line(reader, line, *block)) {
      notices.note(line);
      block->lines.push_back(BlockLine{block->text.size(), line.text.size(), line.number, line.too_long});
      block->text.append(line.text);
      block->input_bytes += line.raw_bytes + 1;
      if (block->lines.size() >= block_lines || block->text.size() >= block_bytes) {
        pipeline.submit();
        // Answer this line before waiting for the next one (the writer runs on this thread).
        if (settings.flush_each_record) pipeline.finish();
        block = &pipeline.acquire();
        block->file = &name;
      }
    }
    notices.collect(input->name(), settings.max_line_bytes, block->messages);
    pipeline.submit();
  }
  pipeline.finish();
  return writer.totals();
}

}  // namespace rolecheck::cli
