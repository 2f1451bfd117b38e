#include "pipeline/diff_pipeline.hpp"

#include <cstdio>
#include <deque>

#include "pipeline/document_batches.hpp"
#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "pipeline/ordered_pipeline.hpp"

#include "rolecheck/analysis/decision_diff.hpp"
#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/input/line_reader.hpp"

namespace rolecheck::cli {
namespace {

// A block holds at most this many lines, and is handed out once their text passes kLineBlockBytes.
constexpr std::size_t kLineBlockLines = 1024;
constexpr std::size_t kLineBlockBytes = std::size_t{1} << 16;

// One line kept in a block: its cleaned text is text[begin, begin + size).
struct BlockLine {
  std::size_t begin = 0;
  std::size_t size = 0;
  std::size_t number = 0;
  bool too_long = false;
};

// A run of lines of one file, then (once compared) the records of those that changed.
struct LineBlock {
  const std::string* file = nullptr;
  std::string text;
  std::vector<BlockLine> lines;
  std::string records;
  DiffTally tally;
  std::vector<std::string> messages;
  int status = 0;

  void reset() {
    file = nullptr;
    text.clear();
    lines.clear();
    records.clear();
    tally = {};
    messages.clear();
    status = 0;
  }
};

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
      const std::string_view text(block.text.data() + line.begin, line.size);
      m_old->classify(text, m_old_scanner, m_old_result);
      m_new->classify(text, m_new_scanner, m_new_result);
      if (m_old_result.label == m_new_result.label) continue;
      ++block.tally.changed;
      ++block.tally
            .transitions[static_cast<std::size_t>(m_old_result.label)][static_cast<std::size_t>(m_new_result.label)];
      const auto diff = diff_decisions(m_old_result, m_old->matcher(), m_new_result, m_new->matcher());
      append_line_change(block.records, m_format, RecordOrigin{*block.file, line.number}, text, diff);
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

// A batch of documents of one input (document_batches), then the records of those that changed.
struct DocumentBlock : DocumentBatch {
  std::string records;
  DiffTally tally;

  void reset() {
    clear_batch();
    records.clear();
    tally = {};
  }
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

// The next line of `reader`, or false at the end; a read error ends the input with a message in `block`.
bool read_line(LineReader& reader, InputLine& line, LineBlock& block) {
  try {
    return reader.next(line);
  } catch (const Error& read_error) {
    block.messages.emplace_back(read_error.what());
    block.status = 2;
    return false;
  }
}

}  // namespace

DiffTotals diff_line_inputs(const std::vector<std::string>& inputs, const Classifier& old_classifier,
                            const Classifier& new_classifier, Output& out, const DiffSettings& settings) {
  // Blocks point at their input's name until written, so the names outlive the pipeline.
  std::deque<std::string> names;
  const std::string no_file;
  DiffTotals totals;
  OrderedPipeline<LineBlock, LineWorker> pipeline(
      settings.jobs, [&] { return LineWorker(old_classifier, new_classifier, settings.format); },
      [&](LineBlock& block) {
        out.write(block.records);
        totals.tally.merge(block.tally);
        if (block.status != 0) totals.status = block.status;
        for (const auto& message : block.messages) warn(message);
      });
  for (const auto& path : inputs) {
    std::string error;
    auto input = InputFile::open(path, error);
    LineBlock* block = &pipeline.acquire();
    block->file = &no_file;
    if (!input) {
      block->messages.push_back(error);
      block->status = 2;
      pipeline.submit();
      continue;
    }
    const auto& name = names.emplace_back(input->name());
    block->file = &name;
    LineReader reader(input->fd(), name);
    InputLine line;
    LineNotices notices;  // classify's warnings: invalid UTF-8, NUL bytes, lines over the limit
    while (read_line(reader, line, *block)) {
      notices.note(line);
      block->lines.push_back(BlockLine{block->text.size(), line.text.size(), line.number, line.too_long});
      block->text.append(line.text);
      if (block->lines.size() >= kLineBlockLines || block->text.size() >= kLineBlockBytes) {
        pipeline.submit();
        block = &pipeline.acquire();
        block->file = &name;
      }
    }
    notices.collect(name, kDefaultMaxLineBytes, block->messages);
    pipeline.submit();
  }
  pipeline.finish();
  return totals;
}

DiffTotals diff_document_inputs(const std::vector<std::string>& inputs, const Classifier& old_classifier,
                                const Classifier& new_classifier, Output& out, const DiffSettings& settings) {
  const DocumentClassifier old_documents(old_classifier);
  const DocumentClassifier new_documents(new_classifier);
  DiffTotals totals;
  BatchNotices notices;
  std::vector<std::string> messages;
  OrderedPipeline<DocumentBlock, DocumentWorker> pipeline(
      settings.jobs, [&] { return DocumentWorker(old_documents, new_documents, settings.format); },
      [&](DocumentBlock& block) {
        out.write(block.records);
        totals.tally.merge(block.tally);
        if (block.status != 0) totals.status = block.status;
        messages.clear();
        if (notices.collect(block, messages)) totals.status = 2;
        for (const auto& message : messages) warn(message);
      });
  std::size_t input_index = 0;
  for (const auto& path : inputs) {
    ++input_index;
    BatchSink sink;
    sink.start = [&](const std::string& file) -> DocumentBatch& {
      DocumentBlock& block = pipeline.acquire();
      block.input = input_index;
      block.file = file;
      return block;
    };
    sink.hand_over = [&](const std::string& file) -> DocumentBatch& {
      pipeline.submit();
      return sink.start(file);
    };
    sink.submit = [&] { pipeline.submit(); };
    sink.full = [](const DocumentBatch& batch) {
      return batch.count >= kBatchDocuments || batch.text_bytes >= kBatchBytes;
    };
    read_document_batches(path, settings.layout(path), settings.fields, sink);
  }
  pipeline.finish();
  return totals;
}

}  // namespace rolecheck::cli
