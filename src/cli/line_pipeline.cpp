#include "line_pipeline.hpp"

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

#include "input_files.hpp"
#include "progress.hpp"

#include "rolecheck/error.hpp"
#include "rolecheck/line_reader.hpp"

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

// The pool of blocks for N jobs: enough for every worker to hold one while the reader fills the
// next and the writer drains the last.
std::size_t pool_size(std::size_t jobs) noexcept { return jobs <= 1 ? 1 : jobs * 2 + 2; }
// The progress line is offered the counts after every this many lines written (one clock read).
constexpr std::size_t kProgressCheckLines = 1024;

void warn(const std::string& message) { std::fputs(("rolecheck: " + message + "\n").c_str(), stderr); }

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
  std::size_t sequence = 0;
  const std::string* file = nullptr;  // the input's display name
  std::string text;
  std::vector<BlockLine> lines;
  std::string records;          // formatted output
  std::size_t written = 0;      // records in `records` (after --only)
  std::size_t input_bytes = 0;  // bytes of input its lines took, newlines included (for progress)
  std::array<std::size_t, 4> counts{};
  RunSummary summary;  // with --summary: its labels and cues
  bool all_expected = true;
  std::vector<std::string> messages;  // stderr lines to print after the records
  int status = 0;
  std::exception_ptr failure;

  void reset() {
    file = nullptr;
    text.clear();
    lines.clear();
    records.clear();
    written = 0;
    input_bytes = 0;
    counts = {};
    summary.clear();
    all_expected = true;
    messages.clear();
    status = 0;
    failure = nullptr;
  }
};

// What classifying a block needs; one per worker thread.
class BlockWorker {
 public:
  BlockWorker(const Classifier& classifier, const RecordFormatter& formatter, const LineSettings& settings)
      : m_classifier(&classifier),
        m_scanner(classifier.make_scanner()),
        m_formatter(formatter.block_formatter()),
        m_settings(&settings) {}

  // Classifies every line of the block and formats the records that --only keeps.
  void process(Block& block) {
    m_formatter = m_formatter.block_formatter();
    for (const auto& line : block.lines) {
      const std::string_view text(block.text.data() + line.begin, line.size);
      if (line.too_long) {
        m_result = Classification{};
        m_result.label = Label::unknown;
        m_result.basis = Basis::too_long;
        m_result.confidence = 1.0;
      } else {
        m_classifier->classify(text, m_scanner, m_result);
      }
      const auto label = static_cast<std::size_t>(m_result.label);
      ++block.counts[label];
      if (m_settings->summary) block.summary.add(label, m_result.reasons);
      if (m_settings->expected && m_result.label != *m_settings->expected) block.all_expected = false;
      if (m_settings->silent || !m_settings->keep[label]) continue;
      m_formatter.record(block.records, RecordOrigin{*block.file, line.number}, text, m_result);
      ++block.written;
    }
  }

 private:
  const Classifier* m_classifier;
  Scanner m_scanner;
  RecordFormatter m_formatter;
  const LineSettings* m_settings;
  Classification m_result;
};

// Reads blocks on the calling thread, classifies them on the workers (or inline with one job) and
// writes them strictly in sequence. Every block in flight comes from a fixed pool, so memory is bounded.
class Pipeline {
 public:
  Pipeline(const Classifier& classifier, RecordFormatter& formatter, Output& out, const LineSettings& settings,
           std::size_t total_bytes)
      : m_formatter(&formatter), m_out(&out), m_settings(&settings) {
    const std::size_t cues = settings.summary ? classifier.matcher().cues().size() : 0;
    m_totals.summary = RunSummary(cues);
    if (settings.progress) m_progress = std::make_unique<ProgressLine>(total_bytes);
    const std::size_t pool = pool_size(settings.jobs);
    for (std::size_t i = 0; i < pool; ++i) {
      m_blocks.push_back(std::make_unique<Block>());
      m_blocks.back()->summary = RunSummary(cues);
      m_free.push_back(m_blocks.back().get());
    }
    m_done.assign(pool, nullptr);
    if (settings.jobs <= 1) {
      m_inline_worker = std::make_unique<BlockWorker>(classifier, formatter, settings);
      return;
    }
    for (std::size_t i = 0; i < settings.jobs; ++i) {
      m_threads.emplace_back([this, worker = BlockWorker(classifier, formatter, settings)]() mutable { work(worker); });
    }
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  ~Pipeline() {
    {
      const std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_work_ready.notify_all();
    for (auto& thread : m_threads) thread.join();
  }

  // A fresh block for the next lines of `file`, writing finished blocks while none is free.
  Block& acquire(const std::string& file) {
    for (;;) {
      write_finished(false);
      {
        const std::lock_guard lock(m_mutex);
        if (!m_free.empty()) {
          Block* block = m_free.back();
          m_free.pop_back();
          block->reset();
          block->sequence = m_next_sequence++;
          block->file = &file;
          return *block;
        }
      }
      write_finished(true);
    }
  }

  // Hands a filled block to the workers (or classifies it now with one job).
  void submit(Block& block) {
    if (m_inline_worker) {
      m_inline_worker->process(block);
      m_done[block.sequence % m_done.size()] = &block;
      write_finished(false);
      return;
    }
    {
      const std::lock_guard lock(m_mutex);
      m_work.push_back(&block);
    }
    m_work_ready.notify_one();
  }

  // Writes every block still in flight.
  void finish() {
    while (m_next_write < m_next_sequence) write_finished(true);
  }

  [[nodiscard]] const LineTotals& totals() const noexcept { return m_totals; }

 private:
  void work(BlockWorker& worker) {
    for (;;) {
      Block* block = nullptr;
      {
        std::unique_lock lock(m_mutex);
        m_work_ready.wait(lock, [&] { return m_stopping || !m_work.empty(); });
        if (m_work.empty()) return;
        block = m_work.front();
        m_work.erase(m_work.begin());
      }
      try {
        worker.process(*block);
      } catch (...) { block->failure = std::current_exception(); }
      {
        const std::lock_guard lock(m_mutex);
        m_done[block->sequence % m_done.size()] = block;
      }
      m_block_done.notify_all();
    }
  }

  // Writes the finished blocks that come next in sequence; with `wait`, waits for at least one.
  void write_finished(bool wait) {
    for (;;) {
      Block* block = nullptr;
      {
        std::unique_lock lock(m_mutex);
        auto& slot = m_done[m_next_write % m_done.size()];
        if (wait && slot == nullptr && m_next_write < m_next_sequence) {
          m_block_done.wait(lock, [&] { return slot != nullptr; });
        }
        if (slot == nullptr) return;
        block = std::exchange(slot, nullptr);
      }
      write(*block);
      {
        const std::lock_guard lock(m_mutex);
        m_free.push_back(block);
        ++m_next_write;
      }
      wait = false;
    }
  }

  void write(Block& block) {
    if (block.failure) std::rethrow_exception(block.failure);
    m_out->write(m_formatter->before_block(block.written > 0));
    m_out->write(block.records);
    if (m_settings->flush_each_record && block.written > 0) m_out->end_record();
    for (std::size_t i = 0; i < block.counts.size(); ++i) m_totals.counts[i] += block.counts[i];
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

  RecordFormatter* m_formatter;
  Output* m_out;
  const LineSettings* m_settings;
  LineTotals m_totals;
  std::unique_ptr<ProgressLine> m_progress;  // erased when the pipeline ends, before any summary
  std::size_t m_lines_done = 0;
  std::size_t m_bytes_done = 0;
  std::size_t m_next_progress_check = 0;
  std::vector<std::unique_ptr<Block>> m_blocks;
  std::unique_ptr<BlockWorker> m_inline_worker;
  std::vector<std::thread> m_threads;

  std::mutex m_mutex;  // guards everything below
  std::condition_variable m_work_ready;
  std::condition_variable m_block_done;
  std::vector<Block*> m_free;
  std::vector<Block*> m_work;
  std::vector<Block*> m_done;  // finished blocks by sequence modulo the pool size
  std::size_t m_next_sequence = 0;
  std::size_t m_next_write = 0;
  bool m_stopping = false;
};

}  // namespace

LineTotals classify_lines(const std::vector<std::string>& inputs, const Classifier& classifier,
                          RecordFormatter& formatter, Output& out, const LineSettings& settings) {
  Pipeline pipeline(classifier, formatter, out, settings, settings.progress ? total_input_bytes(inputs) : 0);
  // One record per block when each must be written at once (a coprocess waits for its answer).
  const std::size_t pool = pool_size(settings.jobs);
  const std::size_t block_lines = settings.flush_each_record ? 1
                                  : pool == 1                ? kBlockLines
                                              : std::max(kMinBlockLines, kBlockLines * kInFlightBlocks / pool);
  const std::size_t block_bytes =
      pool == 1 ? kBlockBytes : std::max(kMinBlockBytes, kBlockBytes * kInFlightBlocks / pool);
  // Blocks point at their input's name until written, so the names live as long as the pipeline.
  std::deque<std::string> names;
  const std::string no_file;
  for (const auto& path : inputs) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      Block& block = pipeline.acquire(no_file);
      block.messages.push_back(error);
      block.status = 2;
      pipeline.submit(block);
      continue;
    }
    const auto& name = names.emplace_back(input->name());
    LineReader reader(input->fd(), name, settings.max_line_bytes);
    InputLine line;
    std::size_t first_invalid = 0;
    std::size_t first_too_long = 0;
    std::size_t first_nul = 0;
    Block* block = &pipeline.acquire(name);
    try {
      while (reader.next(line)) {
        if (line.too_long && first_too_long == 0) first_too_long = line.number;
        if (!line.too_long && line.invalid_utf8 && first_invalid == 0) first_invalid = line.number;
        if (!line.too_long && line.has_nul && first_nul == 0) first_nul = line.number;
        block->lines.push_back(BlockLine{block->text.size(), line.text.size(), line.number, line.too_long});
        block->text.append(line.text);
        block->input_bytes += line.raw_bytes + 1;
        if (block->lines.size() >= block_lines || block->text.size() >= block_bytes) {
          pipeline.submit(*block);
          // Answer this line before waiting for the next one (the writer runs on this thread).
          if (settings.flush_each_record) pipeline.finish();
          block = &pipeline.acquire(name);
        }
      }
    } catch (const Error& read_error) {
      block->messages.emplace_back(read_error.what());
      block->status = 2;
    }
    if (first_invalid != 0) {
      block->messages.push_back(fmt::format("{}:{}: warning: invalid UTF-8 replaced by U+FFFD (first such line)",
                                            input->name(), first_invalid));
    }
    if (first_nul != 0) {
      block->messages.push_back(
          fmt::format("{}:{}: warning: NUL bytes read as spaces (first such line)", input->name(), first_nul));
    }
    if (first_too_long != 0) {
      block->messages.push_back(
          fmt::format("{}:{}: warning: line longer than --max-line-bytes={} labelled unknown (first such line)",
                      input->name(), first_too_long, settings.max_line_bytes));
    }
    pipeline.submit(*block);
  }
  pipeline.finish();
  return pipeline.totals();
}

}  // namespace rolecheck::cli
