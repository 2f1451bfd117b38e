#include "pipeline/diff_pipeline.hpp"

#include "pipeline/document_batches.hpp"
#include "pipeline/line_batches.hpp"
#include "pipeline/ordered_driver.hpp"

#include "rolecheck/analysis/decision_diff.hpp"
#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/input/line_reader.hpp"

namespace rolecheck::cli {
namespace {

using LineBlock = OutputBlock<LineBatch, DiffTally>;
using DocumentBlock = OutputBlock<DocumentBatch, DiffTally>;

// Classifies a block's lines under both taxonomies; one per worker thread.
class LineWorker {
 public:
  LineWorker(const Classifier& old_classifier, const Classifier& new_classifier, DiffFormat format)
      : m_old(&old_classifier),
        m_new(&new_classifier),
        m_old_scanner(old_classifier.make_scanner()),
        m_new_scanner(new_classifier.make_scanner()),
        m_format(format) {}

  void process(LineBlock& block) {
    for (const auto& line : block.lines) {
      ++block.tally.records;
      if (line.too_long) continue;  // unknown under any taxonomy
      const std::string_view text = block.text_of(line);
      m_old->classify(text, m_old_scanner, m_old_result);
      m_new->classify(text, m_new_scanner, m_new_result);
      if (m_old_result.label == m_new_result.label) continue;
      ++block.tally.changed;
      ++block.tally
            .transitions[static_cast<std::size_t>(m_old_result.label)][static_cast<std::size_t>(m_new_result.label)];
      const auto diff = diff_decisions(m_old_result, m_old->matcher(), m_new_result, m_new->matcher());
      append_line_change(block.records, m_format, RecordOrigin{block.file, line.number}, text, diff);
      ++block.written;
    }
  }

 private:
  const Classifier* m_old;
  const Classifier* m_new;
  Scanner m_old_scanner;
  Scanner m_new_scanner;
  DiffFormat m_format;
  Classification m_old_result;
  Classification m_new_result;
};

// Classifies a block's documents under both taxonomies; one per worker thread.
class DocumentWorker {
 public:
  DocumentWorker(const DocumentClassifier& old_documents, const DocumentClassifier& new_documents, DiffFormat format)
      : m_old(&old_documents),
        m_new(&new_documents),
        m_old_scanner(old_documents.classifier().make_scanner()),
        m_new_scanner(new_documents.classifier().make_scanner()),
        m_format(format) {}

  void process(DocumentBlock& block) {
    block.parse_lines();
    auto& tally = block.tally;
    for (std::size_t i = 0; i < block.count; ++i) {
      const InputDocument& document = block.documents[i];
      ++tally.records;
      if (!document.ok()) continue;  // the same error under any taxonomy: reported when written
      m_old->classify(document.text, m_old_scanner, m_old_result);
      m_new->classify(document.text, m_new_scanner, m_new_result);
      const auto diff =
          diff_documents(m_old_result, m_old->classifier().matcher(), m_new_result, m_new->classifier().matcher());
      tally.duties += m_new_result.duties.size();
      tally.duties_changed += diff.duties.size();
      for (const auto& duty : diff.duties) {
        ++tally.duty_transitions[static_cast<std::size_t>(duty.decision.old_label)]
                                [static_cast<std::size_t>(duty.decision.new_label)];
      }
      if (!diff.changed()) continue;
      ++tally.changed;
      if (diff.verdict_changed()) {
        ++tally.transitions[static_cast<std::size_t>(diff.old_label)][static_cast<std::size_t>(diff.new_label)];
      }
      append_document_change(block.records, m_format, document, m_new_result, diff);
      ++block.written;
    }
  }

 private:
  const DocumentClassifier* m_old;
  const DocumentClassifier* m_new;
  Scanner m_old_scanner;
  Scanner m_new_scanner;
  DiffFormat m_format;
  DocumentResult m_old_result;
  DocumentResult m_new_result;
};

}  // namespace

DiffTotals diff_line_inputs(const std::vector<std::string>& inputs, const Classifier& old_classifier,
                            const Classifier& new_classifier, Output& out, const DiffSettings& settings) {
  OrderedRun run;
  run.jobs = settings.jobs;
  run.limits = line_batch_limits(settings.jobs, false);
  return run_ordered<LineBlock, LineWorker>(
      inputs, run, out, [&] { return LineWorker(old_classifier, new_classifier, settings.format); },
      [](const std::string& path, const BatchSink<LineBatch>& sink) {
        read_line_batches(path, kDefaultMaxLineBytes, sink);
      });
}

DiffTotals diff_document_inputs(const std::vector<std::string>& inputs, const Classifier& old_classifier,
                                const Classifier& new_classifier, Output& out, const DiffSettings& settings) {
  const DocumentClassifier old_documents(old_classifier);
  const DocumentClassifier new_documents(new_classifier);
  OrderedRun run;
  run.jobs = settings.jobs;
  run.limits = document_batch_limits(false);
  return run_ordered<DocumentBlock, DocumentWorker>(
      inputs, run, out, [&] { return DocumentWorker(old_documents, new_documents, settings.format); },
      [&settings](const std::string& path, const BatchSink<DocumentBatch>& sink) {
        read_document_batches(path, settings.layout(path), settings.fields, sink);
      });
}

}  // namespace rolecheck::cli
