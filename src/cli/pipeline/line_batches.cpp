#include "pipeline/line_batches.hpp"

#include <algorithm>

#include "io/input_files.hpp"
#include "pipeline/ordered_pipeline.hpp"

#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck::cli {
namespace {

constexpr std::size_t kBatchLines = 2048;
constexpr std::size_t kBatchBytes = std::size_t{1} << 18;
constexpr std::size_t kMinBatchLines = 64;
constexpr std::size_t kMinBatchBytes = std::size_t{1} << 13;
constexpr std::size_t kInFlightBatches = 2;  // batches' worth of the one-job budget shared by the pool

// The next line of `reader`, or false at the end; a read error ends the input with a message in `batch`.
bool read_line(LineReader& reader, InputLine& line, LineBatch& batch) {
  try {
    return reader.next(line);
  } catch (const Error& read_error) {
    batch.messages.emplace_back(read_error.what());
    batch.status = 2;
    return false;
  }
}

}  // namespace

void LineBatch::clear_batch() {
  clear_input();
  lines.clear();
  text.clear();
}

bool LineBatch::Notices::collect(const LineBatch& batch, std::vector<std::string>& out) const {
  out.insert(out.end(), batch.messages.begin(), batch.messages.end());
  return false;
}

BatchLimits line_batch_limits(std::size_t jobs, bool each_line) noexcept {
  const std::size_t pool = pipeline_pool_size(jobs);
  if (pool == 1) return BatchLimits{each_line ? 1 : kBatchLines, kBatchBytes};
  return BatchLimits{each_line ? 1 : std::max(kMinBatchLines, kBatchLines * kInFlightBatches / pool),
                     std::max(kMinBatchBytes, kBatchBytes * kInFlightBatches / pool)};
}

void read_line_batches(const std::string& path, std::size_t max_line_bytes, const BatchSink<LineBatch>& sink) {
  LineBatch* batch = &sink.start(path);
  auto input = open_batch_input(path, *batch);
  if (!input) {
    sink.submit();
    return;
  }
  const std::string& name = input->name();
  batch->file = name;
  LineReader reader(input->fd(), name, max_line_bytes);
  InputLine line;
  LineNotices notices;
  while (read_line(reader, line, *batch)) {
    notices.note(line);
    batch->lines.push_back(BatchLine{batch->text.size(), line.text.size(), line.number, line.too_long});
    batch->text.append(line.text);
    batch->input_bytes += line.raw_bytes + 1;
    if (sink.limits.full(batch->lines.size(), batch->text.size())) batch = &sink.hand_over(name);
  }
  notices.collect(name, max_line_bytes, batch->messages);
  sink.submit();
}

}  // namespace rolecheck::cli
