#include "pipeline/line_pipeline.hpp"

#include <memory>

#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "io/progress.hpp"
#include "pipeline/line_batches.hpp"
#include "pipeline/ordered_driver.hpp"

namespace rolecheck::cli {
namespace {

// The progress line is offered the counts after every this many lines written (one clock read).
constexpr std::size_t kProgressCheckLines = 1024;

using LineBlock = OutputBlock<LineBatch, RecordTally>;

// Classifies a block's lines and formats the records --only keeps; one per worker thread.
class LineWorker {
 public:
  LineWorker(const Classifier& classifier, const RecordFormatter& formatter, const LineSettings& settings)
      : m_classifier(&classifier),
        m_scanner(classifier.make_scanner()),
        m_formatter(formatter.block_formatter()),
        m_settings(&settings),
        m_summary_cues(settings.summary ? classifier.matcher().cues().size() : 0) {}

  void process(LineBlock& block) {
    m_formatter = m_formatter.block_formatter();
    block.tally.start(m_summary_cues);
    for (const auto& line : block.lines) {
      const std::string_view text = block.text_of(line);
      if (line.too_long) {
        m_classifier->mark_unread(Basis::too_long, m_result);
      } else {
        m_classifier->classify(text, m_scanner, m_result);
      }
      const bool blank = m_result.basis == Basis::empty;
      if (blank && m_settings->skip_blank) continue;
      const auto label = static_cast<std::size_t>(m_result.label);
      block.tally.count(label, m_result.review);
      if (m_settings->summary) {
        block.tally.summary.add(label, m_result.reasons, m_result.other_reasons, m_result.review);
      }
      if (m_settings->expected && !blank && !(*m_settings->expected)[label]) block.tally.all_expected = false;
      if (m_settings->silent || !m_settings->keep[label] || (m_settings->only_review && !m_result.review)) continue;
      m_formatter.record(block.records, RecordOrigin{block.file, line.number}, text, m_result);
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

}  // namespace

LineTotals classify_lines(const std::vector<std::string>& inputs, const Classifier& classifier,
                          RecordFormatter& formatter, Output& out, const LineSettings& settings) {
  // Erased when the run ends, before any summary.
  std::unique_ptr<ProgressLine> progress;
  if (settings.progress) progress = std::make_unique<ProgressLine>(total_input_bytes(inputs));
  OrderedRun run;
  run.jobs = settings.jobs;
  // One record per block when each must be written at once (a coprocess waits for its answer).
  run.limits = line_batch_limits(settings.jobs, settings.flush_each_record);
  run.flush_each_record = settings.flush_each_record;
  run.stream = &formatter.stream();
  run.progress = progress.get();
  run.progress_step = kProgressCheckLines;
  return run_ordered<LineBlock, LineWorker>(
      inputs, run, out, [&] { return LineWorker(classifier, formatter, settings); },
      [&settings](const std::string& path, const BatchSink<LineBatch>& sink) {
        read_line_batches(path, settings.max_line_bytes, sink);
      });
}

}  // namespace rolecheck::cli
