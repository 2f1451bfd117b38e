// `rolecheck classify --unit document`: one verdict per job description. Reading and checking
// inputs is the core's document_input; this file reads documents into blocks, classifies them on
// -j N workers (OrderedPipeline) and writes the records and warnings back in input order.

#include "classify_documents.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <string>
#include <vector>

#include "input_files.hpp"
#include "ordered_pipeline.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "terminal.hpp"

#include "rolecheck/document_classifier.hpp"
#include "rolecheck/document_format.hpp"
#include "rolecheck/document_input.hpp"
#include "rolecheck/error.hpp"
#include "rolecheck/line_reader.hpp"
#include "rolecheck/run_summary.hpp"

namespace rolecheck::cli {
namespace {

// A block holds at most this many documents, and is handed out once their text passes kBlockBytes
// (a document larger than that travels alone; documents are capped at kMaxInputDocumentBytes).
constexpr std::size_t kBlockDocuments = 64;
constexpr std::size_t kBlockBytes = std::size_t{1} << 18;

void warn(const std::string& message) { std::fputs(("rolecheck: " + message + "\n").c_str(), stderr); }

// One JSONL line kept in a block until a worker parses it: its cleaned text is raw_text[begin, begin + size).
struct RawLine {
  std::size_t begin = 0;
  std::size_t size = 0;
  InputLine line;  // everything but `text`
};

// A run of documents of one input, then (once classified) their records. With JSONL the reader only
// cuts lines and the workers parse them, so JSON parsing runs on N threads too. Blocks are recycled
// with their documents, so buffers stop growing once they have seen the largest block.
struct DocumentBlock {
  std::size_t input = 0;                 // index of the input the documents come from
  std::string file;                      // that input's name
  std::vector<RawLine> lines;            // JSONL: the lines still to parse, one per document
  std::string raw_text;                  // JSONL: their text
  std::vector<InputDocument> documents;  // the first `count` belong to this block
  std::size_t count = 0;
  std::size_t text_bytes = 0;   // text of the documents read into it
  std::size_t input_bytes = 0;  // bytes of input they took (for progress)
  std::string records;
  std::size_t written = 0;                            // records in `records` (after --only)
  std::array<std::size_t, kRoleLabelCount> counts{};  // documents per verdict (before --only)
  bool all_expected = true;                           // every document had the --expect verdict
  RunSummary summary;                                 // with --summary: its verdicts and cues
  std::vector<std::string> messages;                  // stderr lines, printed when the block is written
  int status = 0;

  // The next document slot to read into.
  InputDocument& next_document() {
    if (count == documents.size()) documents.emplace_back();
    return documents[count++];
  }

  void reset() {
    lines.clear();
    raw_text.clear();
    count = 0;
    text_bytes = 0;
    input_bytes = 0;
    records.clear();
    written = 0;
    counts = {};
    all_expected = true;
    summary.clear();
    messages.clear();
    status = 0;
  }
};

// What classifying a block needs; one per worker thread.
class DocumentWorker {
 public:
  DocumentWorker(const DocumentClassifier& documents, const DocumentFormatter& formatter,
                 const DocumentRunOptions& options, std::size_t summary_cues)
      : m_documents(&documents),
        m_scanner(documents.classifier().make_scanner()),
        m_formatter(formatter.block_formatter()),
        m_options(&options),
        m_summary_cues(summary_cues) {}

  // Classifies every document of the block and formats its records (error records for bad inputs).
  void process(DocumentBlock& block) {
    m_formatter = m_formatter.block_formatter();
    if (block.summary.cue_records().size() != m_summary_cues) block.summary = RunSummary(m_summary_cues);
    const bool silent = m_options->quiet || m_options->count;
    for (std::size_t i = 0; i < block.lines.size(); ++i) {
      const RawLine& raw = block.lines[i];
      InputLine line = raw.line;
      line.text = std::string_view(block.raw_text).substr(raw.begin, raw.size);
      read_jsonl_document(block.file, line, block.documents[i]);
      block.documents[i].input_bytes = line.raw_bytes + 1;
    }
    for (std::size_t i = 0; i < block.count; ++i) {
      const InputDocument& document = block.documents[i];
      std::size_t label = static_cast<std::size_t>(RoleLabel::unknown);
      if (document.ok()) {
        m_documents->classify(document.text, m_scanner, m_result);
        label = static_cast<std::size_t>(m_result.label);
        if (m_summary_cues != 0) block.summary.add_document(label, m_result);
      } else if (m_summary_cues != 0) {
        block.summary.add(label, {});
      }
      ++block.counts[label];
      if (m_options->expected && label != *m_options->expected) block.all_expected = false;
      if (silent || !m_options->keep[label]) continue;
      if (document.ok()) {
        m_formatter.record(block.records, document.origin(), document.text, m_result);
      } else {
        m_formatter.error_record(block.records, document.origin(), document.error);
      }
      ++block.written;
    }
  }

 private:
  const DocumentClassifier* m_documents;
  Scanner m_scanner;
  DocumentFormatter m_formatter;
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
        m_target(options.quiet || options.count ? std::string() : options.output_path, options.line_buffered),
        m_formatter(*parse_record_format(options.format), m_documents,
                    RecordStyle{options.explain, use_color(options.color, m_target.is_terminal())}),
        m_flush_each_record(m_target.is_terminal() || options.line_buffered),
        m_summary(options.summary ? m_classifier.matcher().cues().size() : 0) {}

  int run(const std::vector<std::string>& inputs) {
    std::string buffer;
    m_formatter.begin(buffer);
    const bool silent = m_options.quiet || m_options.count;
    if (m_options.progress && (silent || !m_target.is_terminal())) {
      m_progress = std::make_unique<ProgressLine>(total_input_bytes(inputs), "documents");
    }
    const std::size_t summary_cues = m_options.summary ? m_classifier.matcher().cues().size() : 0;
    {
      OrderedPipeline<DocumentBlock, DocumentWorker> pipeline(
          m_options.jobs, [&] { return DocumentWorker(m_documents, m_formatter, m_options, summary_cues); },
          [this](DocumentBlock& block) { write(block); });
      for (const auto& path : inputs) read_input(path, pipeline);
      pipeline.finish();
    }
    m_progress.reset();
    if (!silent) m_formatter.end(buffer);
    if (m_options.count && !m_options.quiet) {
      for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (!m_options.keep[i]) continue;
        fmt::format_to(std::back_inserter(buffer), "{}\t{}\n", role_label_name(static_cast<RoleLabel>(i)), m_counts[i]);
      }
    }
    m_target.out().write(buffer);
    m_target.commit();
    if (m_options.summary) print_run_summary(m_summary, document_summary_legend(m_classifier), m_options.color);
    if (m_status == 0 && m_options.expected && !m_all_expected) return 1;
    return m_status;
  }

 private:
  using Pipeline = OrderedPipeline<DocumentBlock, DocumentWorker>;

  // Reads every document of one input into blocks: whole inputs as documents, JSONL as raw lines
  // (the workers parse them).
  void read_input(const std::string& path, Pipeline& pipeline) {
    ++m_inputs_read;
    DocumentBlock* block = &start_block(pipeline, path);
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      block->messages.push_back(error);
      block->status = 2;
      pipeline.submit();
      return;
    }
    block->file = input->name();
    // Only the reading may fail with a read error (the block then ends the input with its message);
    // the pipeline's own calls stay outside the try.
    const auto read_failed = [&](const Error& read_error) {
      block->messages.emplace_back(read_error.what());
      block->status = 2;
    };
    if (m_options.input == "jsonl") {
      LineReader reader(input->fd(), input->name(), kMaxInputDocumentBytes);
      InputLine line;
      for (;;) {
        try {
          if (!reader.next(line)) break;
        } catch (const Error& read_error) {
          read_failed(read_error);
          break;
        }
        block->lines.push_back(RawLine{block->raw_text.size(), line.text.size(), line});
        block->lines.back().line.text = {};
        block->raw_text.append(line.text);
        block->next_document();
        block->text_bytes += line.text.size();
        block->input_bytes += line.raw_bytes + 1;
        if (block_is_full(*block)) block = &hand_over(pipeline, input->name());
      }
    } else {
      InputDocument& document = block->next_document();
      try {
        DocumentReader reader(input->fd(), input->name(), DocumentInput::whole);
        reader.next(document);  // a whole input is always one document
        block->text_bytes += document.text.size();
        block->input_bytes += document.input_bytes;
      } catch (const Error& read_error) {
        --block->count;  // nothing was read: no record, only the message
        read_failed(read_error);
      }
    }
    pipeline.submit();
  }

  DocumentBlock& start_block(Pipeline& pipeline, const std::string& file) {
    DocumentBlock& block = pipeline.acquire();
    block.input = m_inputs_read;
    block.file = file;
    return block;
  }

  bool block_is_full(const DocumentBlock& block) const noexcept {
    return m_flush_each_record || block.count >= kBlockDocuments || block.text_bytes >= kBlockBytes;
  }

  // Submits the block being filled and starts the next one of the same input.
  DocumentBlock& hand_over(Pipeline& pipeline, const std::string& file) {
    pipeline.submit();
    // Answer this document before reading the next one (a coprocess waits for it).
    if (m_flush_each_record) pipeline.finish();
    return start_block(pipeline, file);
  }

  // Writes one block's records and warnings, in input order (on the reading thread).
  void write(DocumentBlock& block) {
    m_target.out().write(m_formatter.before_block(block.written > 0));
    m_target.out().write(block.records);
    if (m_flush_each_record && block.written > 0) m_target.out().end_record();
    for (std::size_t i = 0; i < m_counts.size(); ++i) m_counts[i] += block.counts[i];
    m_all_expected = m_all_expected && block.all_expected;
    if (m_options.summary) m_summary.merge(block.summary);
    if (block.status != 0) m_status = block.status;
    // Warnings once per input (invalid UTF-8, NUL bytes) and one error per bad document, in order.
    if (block.input != m_notices_input) {
      m_notices = DocumentNotices{};
      m_notices_input = block.input;
    }
    m_messages.clear();
    for (std::size_t i = 0; i < block.count; ++i) {
      m_notices.collect(block.documents[i], block.file, m_messages);
      if (!block.documents[i].ok()) m_status = 2;
    }
    m_messages.insert(m_messages.end(), block.messages.begin(), block.messages.end());
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
  bool m_flush_each_record;
  RunSummary m_summary;
  std::unique_ptr<ProgressLine> m_progress;             // erased before the summary
  std::size_t m_inputs_read = 0;                        // inputs opened so far (blocks carry the index)
  DocumentNotices m_notices;                            // the notices of the input being written
  std::size_t m_notices_input = 0;                      // which input that is
  std::vector<std::string> m_messages;                  // scratch: one block's stderr lines
  std::array<std::size_t, kRoleLabelCount> m_counts{};  // documents per verdict
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
