// `rolecheck classify --unit document`: one verdict per job description. Reading and checking
// inputs is the core's document_input, read into blocks by document_batches (shared with `diff`);
// this file classifies the blocks on -j N workers (OrderedPipeline) and writes the records and
// warnings back in input order.

#include "pipeline/classify_documents.hpp"
#include "io/label_counts.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "pipeline/document_batches.hpp"
#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "pipeline/ordered_pipeline.hpp"
#include "io/output.hpp"
#include "io/progress.hpp"
#include "io/terminal.hpp"

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/output/document_format.hpp"
#include "rolecheck/input/document_input.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/output/run_summary.hpp"

namespace rolecheck::cli {
namespace {

// A batch of documents of one input (document_batches), then (once classified) their records.
struct DocumentBlock : DocumentBatch {
  std::string records;
  std::size_t written = 0;                                   // records in `records` (after --only)
  std::array<std::size_t, kRoleLabelCount> counts{};         // documents per verdict (before --only)
  std::array<std::size_t, kRoleLabelCount> review_counts{};  // documents flagged for review, per verdict
  bool all_expected = true;                                  // every document had the --expect verdict
  RunSummary summary;                                        // with --summary: its verdicts and cues

  void reset() {
    clear_batch();
    records.clear();
    written = 0;
    counts = {};
    review_counts = {};
    all_expected = true;
    summary.clear();
  }
};

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
    if (block.summary.cue_records().size() != m_summary_cues) block.summary = RunSummary(m_summary_cues);
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
        if (m_summary_cues != 0) block.summary.add_document(label, m_result);
      } else if (m_summary_cues != 0) {
        block.summary.add(label, {}, {}, true);
      }
      ++block.counts[label];
      if (review) ++block.review_counts[label];
      if (m_options->expected && !(*m_options->expected)[label]) block.all_expected = false;
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
        m_line = Classification{};
        m_line.label = Label::unknown;
        m_line.review = true;
      }
      const auto label = static_cast<std::size_t>(m_line.label);
      ++block.counts[label];
      if (m_line.review) ++block.review_counts[label];
      if (m_summary_cues != 0) block.summary.add(label, m_line.reasons, m_line.other_reasons, m_line.review);
      if (m_options->expected && !(*m_options->expected)[label] && m_line.basis != Basis::empty) block.all_expected = false;
      if (silent || !m_options->keep[label] || (m_options->only_review && !m_line.review)) continue;
      RecordOrigin origin(document.file, document.line);
      origin.id = document.id;
      origin.id_json = document.id_json;
      origin.extra_json = document.extra_json;
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
        m_flush_each_record(m_target.is_terminal() || options.line_buffered),
        m_summary(options.summary ? m_classifier.matcher().cues().size() : 0) {}

  int run(const std::vector<std::string>& inputs) {
    std::string buffer;
    m_formatter.begin(buffer);
    m_line_formatter.begin(buffer);
    const bool silent = m_options.quiet || m_options.count;
    if (m_options.progress && (silent || !m_target.is_terminal())) {
      m_progress = std::make_unique<ProgressLine>(total_input_bytes(inputs), "documents");
    }
    const std::size_t summary_cues = m_options.summary ? m_classifier.matcher().cues().size() : 0;
    {
      OrderedPipeline<DocumentBlock, DocumentWorker> pipeline(
          m_options.jobs,
          [&] { return DocumentWorker(m_documents, m_formatter, m_line_formatter, m_options, summary_cues); },
          [this](DocumentBlock& block) { write(block); });
      for (const auto& path : inputs) read_input(path, pipeline);
      pipeline.finish();
    }
    m_progress.reset();
    if (!silent) {
      if (m_options.record_lines) {
        m_line_formatter.end(buffer);
      } else {
        m_formatter.end(buffer);
      }
    }
    if (m_options.count && !m_options.quiet) {
      std::vector<std::pair<std::string_view, std::size_t>> counts;
      for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (!m_options.keep[i]) continue;
        counts.emplace_back(
            m_options.record_lines ? label_name(static_cast<Label>(i)) : role_label_name(static_cast<RoleLabel>(i)),
            m_options.only_review ? m_review_counts[i] : m_counts[i]);
      }
      append_label_counts(buffer, counts, m_options.format);
    }
    m_target.out().write(buffer);
    m_target.commit();
    if (m_options.summary) {
      print_run_summary(
          m_summary, m_options.record_lines ? line_summary_legend(m_classifier) : document_summary_legend(m_classifier),
          m_options.color);
    }
    // --expect with no documents at all: nothing was shown to have the verdict.
    const bool no_records = std::accumulate(m_counts.begin(), m_counts.end(), std::size_t{0}) == 0;
    if (m_status == 0 && m_options.expected && (!m_all_expected || no_records)) return 1;
    return m_status;
  }

 private:
  using Pipeline = OrderedPipeline<DocumentBlock, DocumentWorker>;

  // Reads every document of one input into blocks (document_batches).
  void read_input(const std::string& path, Pipeline& pipeline) {
    ++m_inputs_read;
    const auto start = [&](const std::string& file) -> DocumentBatch& {
      DocumentBlock& block = pipeline.acquire();
      block.input = m_inputs_read;
      block.file = file;
      return block;
    };
    BatchSink sink;
    sink.start = start;
    sink.hand_over = [&](const std::string& file) -> DocumentBatch& {
      pipeline.submit();
      // Answer this document before reading the next one (a coprocess waits for it).
      if (m_flush_each_record) pipeline.finish();
      return start(file);
    };
    sink.submit = [&] { pipeline.submit(); };
    sink.full = [this](const DocumentBatch& batch) {
      return m_flush_each_record || batch.count >= kBatchDocuments || batch.text_bytes >= kBatchBytes;
    };
    read_document_batches(path, m_options.in.layout_for(path), m_fields, sink);
  }

  // Writes one block's records and warnings, in input order (on the reading thread).
  void write(DocumentBlock& block) {
    m_target.out().write(m_options.record_lines ? m_line_formatter.before_block(block.written > 0)
                                                : m_formatter.before_block(block.written > 0));
    m_target.out().write(block.records);
    if (m_flush_each_record && block.written > 0) m_target.out().end_record();
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
      m_counts[i] += block.counts[i];
      m_review_counts[i] += block.review_counts[i];
    }
    m_all_expected = m_all_expected && block.all_expected;
    if (m_options.summary) m_summary.merge(block.summary);
    if (block.status != 0) m_status = block.status;
    // Warnings once per input (invalid UTF-8, NUL bytes) and one error per bad document, in order.
    m_messages.clear();
    if (m_notices.collect(block, m_messages)) m_status = 2;
    if (m_progress && !m_messages.empty()) m_progress->erase();
    for (const auto& message : m_messages) warn(message);
    m_documents_done += block.count;
    m_bytes_done += block.input_bytes;
    if (m_progress) m_progress->update(m_documents_done, m_bytes_done);
  }

  const DocumentRunOptions& m_options;
  Classifier m_classifier;
  DocumentClassifier m_documents;
  OutputTarget m_target;
  DocumentFormatter m_formatter;
  RecordFormatter m_line_formatter;  // --unit line with records
  RecordFields m_fields;
  bool m_flush_each_record;
  RunSummary m_summary;
  std::unique_ptr<ProgressLine> m_progress;                    // erased before the summary
  std::size_t m_inputs_read = 0;                               // inputs opened so far (blocks carry the index)
  BatchNotices m_notices;                                      // warnings and errors of the blocks written
  std::vector<std::string> m_messages;                         // scratch: one block's stderr lines
  std::array<std::size_t, kRoleLabelCount> m_counts{};         // documents per verdict
  std::array<std::size_t, kRoleLabelCount> m_review_counts{};  // documents flagged for review, per verdict
  bool m_all_expected = true;
  std::size_t m_documents_done = 0;
  std::size_t m_bytes_done = 0;
  int m_status = 0;
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
