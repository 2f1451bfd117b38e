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

// The line classifier itself, or a document classifier's (the one that makes scanners).
const Classifier& line_classifier(const Classifier& classifier) { return classifier; }
const Classifier& line_classifier(const DocumentClassifier& documents) { return documents.classifier(); }

// What classifying under both taxonomies needs: per side the classifier (Engine: Classifier or
// DocumentClassifier), a scanner and the last result (Result); one per worker thread.
template <typename Engine, typename Result>
class Comparison {
 public:
  Comparison(const Engine& old_engine, const Engine& new_engine, DiffFormat format)
      : m_old(&old_engine),
        m_new(&new_engine),
        m_old_scanner(line_classifier(old_engine).make_scanner()),
        m_new_scanner(line_classifier(new_engine).make_scanner()),
        m_format(format) {}

 protected:
  // Classifies `text` under both taxonomies into m_old_result and m_new_result.
  void classify(std::string_view text) {
    m_old->classify(text, m_old_scanner, m_old_result);
    m_new->classify(text, m_new_scanner, m_new_result);
  }

  const Engine* m_old;
  const Engine* m_new;
  Scanner m_old_scanner;
  Scanner m_new_scanner;
  DiffFormat m_format;
  Result m_old_result;
  Result m_new_result;
};

// Compares a block's lines and writes those whose label changed.
class LineWorker : public Comparison<Classifier, Classification> {
 public:
  using Comparison::Comparison;

  void process(LineBlock& block) {
    for (const auto& line : block.lines) {
      ++block.tally.records;
      if (line.too_long) continue;  // unknown under any taxonomy
      const std::string_view text = block.text_of(line);
      classify(text);
      if (m_old_result.label == m_new_result.label) continue;
      ++block.tally.changed;
      ++block.tally
            .transitions[static_cast<std::size_t>(m_old_result.label)][static_cast<std::size_t>(m_new_result.label)];
      const auto diff = diff_decisions(m_old_result, m_old->matcher(), m_new_result, m_new->matcher());
      append_line_change(block.records, m_format, RecordOrigin{block.file, line.number}, text, diff);
      ++block.written;
    }
  }
};

// Compares a block's documents and writes those whose verdict or any duty's label changed.
class DocumentWorker : public Comparison<DocumentClassifier, DocumentResult> {
 public:
  using Comparison::Comparison;

  void process(DocumentBlock& block) {
    block.parse_lines();
    auto& tally = block.tally;
    for (std::size_t i = 0; i < block.count; ++i) {
      const InputDocument& document = block.documents[i];
      ++tally.records;
      if (!document.ok()) continue;  // the same error under any taxonomy: reported when written
      classify(document.text);
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
