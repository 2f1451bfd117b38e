#pragma once
// Ordered parallel work shared by the line and the document loops: the calling thread fills blocks,
// N worker threads process them, and the calling thread writes them back strictly in the order they
// were filled, so the output of -j N is byte-identical to -j 1. Blocks come from a fixed pool and are
// recycled, so memory stays bounded whatever the input size.

#include <charconv>
#include <condition_variable>
#include <cstddef>
#include <cstdlib>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "rolecheck/support/error.hpp"

namespace rolecheck::cli {

/// The pool of blocks for N jobs: every worker can hold one while the reader fills the next and the
/// writer drains the last.
inline std::size_t pipeline_pool_size(std::size_t jobs) noexcept { return jobs <= 1 ? 1 : jobs * 2 + 2; }

/// A test hook: ROLECHECK_TEST_PIPELINE_THROW=worker:N (or writer:N) makes the worker processing the block
/// with sequence number N (0-based), or the writer about to write it, throw rolecheck::Error (the core's error, the
/// kind a reader also throws), so tests can check that an error on another thread is reported (exit 2), is never
/// taken for a read error, and that nothing hangs. Unset: no effect.
struct PipelineFault {
  std::size_t worker_block = static_cast<std::size_t>(-1);  ///< Sequence number whose worker throws.
  std::size_t writer_block = static_cast<std::size_t>(-1);  ///< Sequence number whose writer throws.

  /// Reads the hook from the environment.
  static PipelineFault from_environment() {
    PipelineFault fault;
    const char* value = std::getenv("ROLECHECK_TEST_PIPELINE_THROW");
    if (value == nullptr) return fault;
    const std::string_view text(value);
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return fault;
    std::size_t block = 0;
    const auto digits = text.substr(colon + 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), block).ec != std::errc{}) return fault;
    if (text.substr(0, colon) == "worker") fault.worker_block = block;
    if (text.substr(0, colon) == "writer") fault.writer_block = block;
    return fault;
  }

  /// Throws when `sequence` is `at` (the hook's block for that side).
  static void check(std::size_t sequence, std::size_t at, const char* side) {
    if (sequence == at) {
      throw Error("test hook ROLECHECK_TEST_PIPELINE_THROW: the " + std::string(side) + " failed on block " +
                  std::to_string(sequence));
    }
  }
};

/// Runs `Worker::process(Block&)` on `jobs` threads (inline on the calling thread with one job) and
/// hands the blocks to `write` in order. Block needs `void reset()`; Worker must be movable.
/// Exceptions from a worker are rethrown on the calling thread when that block's turn to be written comes.
template <typename Block, typename Worker>
class OrderedPipeline {
 public:
  /// Writes one processed block (on the calling thread, in the order the blocks were acquired).
  using Writer = std::function<void(Block&)>;

  /// Starts `jobs` workers made by `make_worker`, with pipeline_pool_size(jobs) blocks.
  OrderedPipeline(std::size_t jobs, const std::function<Worker()>& make_worker, Writer write)
      : m_write(std::move(write)) {
    const std::size_t pool = pipeline_pool_size(jobs);
    for (std::size_t i = 0; i < pool; ++i) {
      m_slots.push_back(std::make_unique<Slot>());
      m_free.push_back(m_slots.back().get());
    }
    m_done.assign(pool, nullptr);
    if (jobs <= 1) {
      m_inline_worker = std::make_unique<Worker>(make_worker());
      return;
    }
    try {
      for (std::size_t i = 0; i < jobs; ++i) {
        m_threads.emplace_back([this, worker = make_worker()]() mutable { work(worker); });
      }
    } catch (...) {  // a thread or a worker could not be made: stop the ones that started
      stop();
      throw;
    }
  }
  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  /// Stops the workers; blocks not yet processed or written are dropped (call finish() first).
  ~OrderedPipeline() { stop(); }

  /// A reset block to fill next, writing finished blocks while none is free.
  Block& acquire() {
    for (;;) {
      write_finished(false);
      {
        const std::lock_guard lock(m_mutex);
        if (!m_free.empty()) {
          Slot* slot = m_free.back();
          m_free.pop_back();
          slot->block.reset();
          slot->failure = nullptr;
          slot->sequence = m_next_sequence++;
          m_filling = slot;
          return slot->block;
        }
      }
      write_finished(true);
    }
  }

  /// Hands the block from the last acquire() to the workers (or processes it now with one job).
  void submit() {
    if (m_filling == nullptr) throw std::logic_error("OrderedPipeline::submit() without acquire()");
    Slot* slot = std::exchange(m_filling, nullptr);
    if (m_inline_worker) {
      try {
        PipelineFault::check(slot->sequence, m_fault.worker_block, "worker");
        m_inline_worker->process(slot->block);
      } catch (...) { slot->failure = std::current_exception(); }
      m_done[slot->sequence % m_done.size()] = slot;
      write_finished(false);
      return;
    }
    {
      const std::lock_guard lock(m_mutex);
      m_work.push_back(slot);
    }
    m_work_ready.notify_one();
  }

  /// Writes every block still in flight.
  void finish() {
    while (m_next_write < m_next_sequence) write_finished(true);
  }

 private:
  struct Slot {
    Block block;
    std::size_t sequence = 0;
    std::exception_ptr failure;
  };

  // Drops the queued blocks and joins the workers (each finishes the block it holds).
  void stop() noexcept {
    {
      const std::lock_guard lock(m_mutex);
      m_work.clear();
      m_stopping = true;
    }
    m_work_ready.notify_all();
    for (auto& thread : m_threads) thread.join();
    m_threads.clear();
  }

  void work(Worker& worker) {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(m_mutex);
        m_work_ready.wait(lock, [&] { return m_stopping || !m_work.empty(); });
        if (m_work.empty()) return;
        slot = m_work.front();
        m_work.pop_front();
      }
      try {
        PipelineFault::check(slot->sequence, m_fault.worker_block, "worker");
        worker.process(slot->block);
      } catch (...) { slot->failure = std::current_exception(); }
      {
        const std::lock_guard lock(m_mutex);
        m_done[slot->sequence % m_done.size()] = slot;
      }
      m_block_done.notify_all();
    }
  }

  // Writes the finished blocks that come next in sequence; with `wait`, waits for at least one.
  void write_finished(bool wait) {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(m_mutex);
        auto& done = m_done[m_next_write % m_done.size()];
        if (wait && done == nullptr && m_next_write < m_next_sequence) {
          m_block_done.wait(lock, [&] { return done != nullptr; });
        }
        if (done == nullptr) return;
        slot = std::exchange(done, nullptr);
      }
      if (slot->failure) std::rethrow_exception(slot->failure);
      PipelineFault::check(m_next_write, m_fault.writer_block, "writer");
      m_write(slot->block);
      {
        const std::lock_guard lock(m_mutex);
        m_free.push_back(slot);
        ++m_next_write;
      }
      wait = false;
    }
  }

  Writer m_write;
  const PipelineFault m_fault = PipelineFault::from_environment();
  std::vector<std::unique_ptr<Slot>> m_slots;
  std::unique_ptr<Worker> m_inline_worker;
  std::vector<std::thread> m_threads;
  Slot* m_filling = nullptr;  // the block between acquire() and submit() (calling thread only)

  std::mutex m_mutex;  // guards everything below
  std::condition_variable m_work_ready;
  std::condition_variable m_block_done;
  std::vector<Slot*> m_free;
  std::deque<Slot*> m_work;
  std::vector<Slot*> m_done;  // finished blocks by sequence modulo the pool size
  std::size_t m_next_sequence = 0;
  std::size_t m_next_write = 0;
  bool m_stopping = false;
};

}  // namespace rolecheck::cli
