// `rolecheck classify --unit document`: one verdict per job description. Reading and checking
// inputs is the core's document_input, read into blocks by document_batches (shared with `diff`);
// this file classifies the blocks on -j N workers, which the ordered driver writes back with their
// warnings in input order.

#include "pipeline/classify_documents.hpp"

#include <cstdio>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "io/label_counts.hpp"
#include "io/output.hpp"
#include "io/progress.hpp"
#include "io/terminal.hpp"
#include "pipeline/document_batches.hpp"
#include "pipeline/ordered_driver.hpp"
#include "pipeline/record_tally.hpp"

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/input/document_input.hpp"
#include "rolecheck/output/document_format.hpp"
#include "rolecheck/output/run_summary.hpp"

namespace rolecheck::cli {
namespace {

static_assert(kRoleLabelCount == kLabelCount, "documents and --unit line records share one RecordTally");

using DocumentBlock = OutputBlock<DocumentBatch, RecordTally>;

// What classifying a block needs; one per worker thread.
class DocumentWorker {
 public:
  DocumentWorker(const DocumentClassifier& documents, const DocumentFormatter& formatter,
                 const RecordFormatter& line_formatter, const DocumentRunOptions& options, std::size_t summary_cues)
      : m_documents(&documents),
        m_scanner(documents.classifier().make_scanner()),
        m_formatter(formatter.block_formatter()),
        m_line_formatter(line_formatter.block_formatter()),
        m_options(&options),
        m_summary_cues(summary_cues) {}

  // Classifies every document of the block and formats its records (error records for bad inputs).
  void process(DocumentBlock& block) {
    m_formatter = m_formatter.block_formatter();
    m_line_formatter = m_line_formatter.block_formatter();
    block.tally.start(m_summary_cues);
    block.parse_lines();
    if (m_options->record_lines) {
      process_lines(block);
      return;
    }
    const bool silent = m_options->quiet || m_options->count;
    for (std::size_t i = 0; i < block.count; ++i) {
      const InputDocument& document = block.documents[i];
      std::size_t label = static_cast<std::size_t>(RoleLabel::unknown);
      bool review = true;  // an input that could not be read needs a person
      if (document.ok()) {
        m_documents->classify(document.text, m_scanner, m_result);
        label = static_cast<std::size_t>(m_result.label);
        review = m_result.review;
        if (m_summary_cues != 0) block.tally.summary.add_document(label, m_result);
      } else if (m_summary_cues != 0) {
        block.tally.summary.add(label, {}, {}, true);
      }
      block.tally.count(label, review);
      if (m_options->expected && !(*m_options->expected)[label]) block.tally.all_expected = false;
      if (silent || !m_options->keep[label] || (m_options->only_review && !review)) continue;
      if (document.ok()) {
        m_formatter.record(block.records, document.origin(), document.text, m_result);
      } else {
        m_formatter.error_record(block.records, document.origin(), document.error);
      }
      ++block.written;
    }
  }

 private:
  // --unit line with records: each record's text is one duty, classified and written as in line mode
  // with its id; a record that cannot be read gets an unknown record flagged for review.
  void process_lines(DocumentBlock& block) {
    const bool silent = m_options->quiet || m_options->count;
    const Classifier& classifier = m_documents->classifier();
    for (std::size_t i = 0; i < block.count; ++i) {
      const InputDocument& document = block.documents[i];
      if (document.ok()) {
        classifier.classify(document.text, m_scanner, m_line);
      } else {
        classifier.mark_unread(Basis::unreadable, m_line);
      }
      const auto label = static_cast<std::size_t>(m_line.label);
      block.tally.count(label, m_line.review);
      if (m_summary_cues != 0) block.tally.summary.add(label, m_line.reasons, m_line.other_reasons, m_line.review);
      if (m_options->expected && !(*m_options->expected)[label] && m_line.basis != Basis::empty) {
        block.tally.all_expected = false;
      }
      if (silent || !m_options->keep[label] || (m_options->only_review && !m_line.review)) continue;
      RecordOrigin origin(document.file, document.line);
      origin.id = document.id;
      origin.id_json = document.id_json;
      origin.extra_json = document.extra_json;
      origin.error = document.error;
      m_line_formatter.record(block.records, origin, document.text, m_line);
      ++block.written;
    }
  }

  const DocumentClassifier* m_documents;
  Scanner m_scanner;
  DocumentFormatter m_formatter;
  RecordFormatter m_line_formatter;
  Classification m_line;
  const DocumentRunOptions* m_options;
  std::size_t m_summary_cues;
  DocumentResult m_result;
};

class DocumentRun {
 public:
  DocumentRun(Context& context, const DocumentRunOptions& options)
      : m_options(options),
        m_classifier(context.taxonomy(), ClassifyOptions{options.min_confidence}),
        m_documents(m_classifier),
        m_target(options.output_path, options.line_buffered),
        m_formatter(*parse_record_format(options.format), m_documents,
                    RecordStyle{options.explain, use_color(options.color, m_target.is_terminal())}),
        m_line_formatter(*parse_record_format(options.format), m_classifier,
                         RecordStyle{options.explain, use_color(options.color, m_target.is_terminal()), true}),
        m_fields(options.in.fields(!options.record_lines)),
        m_flush_each_record(m_target.is_terminal() || options.line_buffered) {}

  int run(const std::vector<std::string>& inputs) {
    const bool silent = m_options.quiet || m_options.count;
    // Erased before the summary.
    std::unique_ptr<ProgressLine> progress;
    if (m_options.progress && (silent || !m_target.is_terminal())) {
      progress = std::make_unique<ProgressLine>(total_input_bytes(inputs), "documents");
    }
    RecordStream& stream = m_options.record_lines ? m_line_formatter.stream() : m_formatter.stream();
    OrderedRun run;
    run.jobs = m_options.jobs;
    // One record per block when each must be written at once (a coprocess waits for its answer).
    run.limits = document_batch_limits(m_flush_each_record);
    run.flush_each_record = m_flush_each_record;
    run.stream = &stream;
    run.progress = progress.get();
    const std::size_t summary_cues = m_options.summary ? m_classifier.matcher().cues().size() : 0;
    const auto totals = run_ordered<DocumentBlock, DocumentWorker>(
        inputs, run, m_target.out(),
        [&] { return DocumentWorker(m_documents, m_formatter, m_line_formatter, m_options, summary_cues); },
        [this](const std::string& path, const BatchSink<DocumentBatch>& sink) {
          read_document_batches(path, m_options.in.layout_for(path), m_fields, sink);
        });
    progress.reset();
    // No input could be read: nothing to report (no JSON brackets, counts or summary), the errors alone.
    if (totals.inputs.nothing_read()) return 2;
    std::string buffer;
    if (!silent) stream.end(buffer);
    const auto& tally = totals.tally;
    if (m_options.count && !m_options.quiet) {
      std::vector<std::pair<std::string_view, std::size_t>> counts;
      for (std::size_t i = 0; i < tally.counts.size(); ++i) {
        if (!m_options.keep[i]) continue;
        counts.emplace_back(
            m_options.record_lines ? label_name(static_cast<Label>(i)) : role_label_name(static_cast<RoleLabel>(i)),
            m_options.only_review ? tally.review_counts[i] : tally.counts[i]);
      }
      append_label_counts(buffer, counts, m_options.format);
    }
    m_target.out().write(buffer);
    m_target.commit();
    if (m_options.summary) {
      print_run_summary(
          tally.summary,
          m_options.record_lines ? line_summary_legend(m_classifier) : document_summary_legend(m_classifier),
          m_options.color);
    }
    // --expect with no documents at all: nothing was shown to have the verdict.
    const bool no_records = std::accumulate(tally.counts.begin(), tally.counts.end(), std::size_t{0}) == 0;
    if (totals.status == 0 && m_options.expected && (!tally.all_expected || no_records)) return 1;
    return totals.status;
  }

 private:
  const DocumentRunOptions& m_options;
  Classifier m_classifier;
  DocumentClassifier m_documents;
  OutputTarget m_target;
  DocumentFormatter m_formatter;
  RecordFormatter m_line_formatter;  // --unit line with records
  RecordFields m_fields;
  bool m_flush_each_record;
};

}  // namespace

int run_classify_documents(Context& context, const DocumentRunOptions& options) {
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    warn("no input: give a FILE, '-' for stdin, or pipe a job description in (try 'rolecheck classify --help')");
    return 2;
  }
  DocumentRun run(context, options);
  return run.run(*inputs);
}

}  // namespace rolecheck::cli
