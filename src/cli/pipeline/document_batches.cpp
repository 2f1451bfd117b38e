#include "pipeline/document_batches.hpp"

#include <optional>

#include "io/input_files.hpp"
#include "io/input_options.hpp"

#include "rolecheck/input/json_array_reader.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck::cli {
namespace {

constexpr std::size_t kBatchDocuments = 64;
constexpr std::size_t kBatchBytes = std::size_t{1} << 18;

}  // namespace

BatchLimits document_batch_limits(bool each_document) noexcept {
  return BatchLimits{each_document ? 1 : kBatchDocuments, kBatchBytes};
}

InputDocument& DocumentBatch::next_document() {
  if (count == documents.size()) documents.emplace_back();
  return documents[count++];
}

void DocumentBatch::clear_batch() {
  clear_input();
  lines.clear();
  raw_text.clear();
  count = 0;
  text_bytes = 0;
}

void DocumentBatch::parse_lines() {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const RawLine& raw = lines[i];
    InputLine line = raw.line;
    line.text = std::string_view(raw_text).substr(raw.begin, raw.size);
    read_json_record(file, line, fields != nullptr ? *fields : RecordFields{}, documents[i]);
    documents[i].input_bytes = line.raw_bytes + 1;
  }
}

void read_document_batches(const std::string& path, DocumentInput layout, const RecordFields& fields,
                           const BatchSink<DocumentBatch>& sink) {
  DocumentBatch* batch = &sink.start(path);
  auto input = open_batch_input(path, *batch);
  if (!input) {
    sink.submit();
    return;
  }
  batch->file = input->name();
  batch->fields = &fields;
  // A read error ends the input with its message in the batch. Only the reading runs inside read_step: the
  // sink's calls (hand_over, submit) write finished blocks and may rethrow a worker's or the writer's error, a
  // rolecheck::Error too, which must end the run as itself and never pass for a read error of this input.
  const auto read_step = [&](const auto& step) -> bool {
    try {
      return step();
    } catch (const Error& read_error) {
      batch->messages.emplace_back(read_error.what());
      batch->status = 2;
      return false;
    }
  };
  const auto hand_over_if_full = [&] {
    if (!sink.limits.full(batch->count, batch->text_bytes)) return;
    batch = &sink.hand_over(input->name());
    batch->fields = &fields;
  };
  std::size_t blank = 0;
  if (layout == DocumentInput::jsonl || layout == DocumentInput::json) {
    // JSON records are cut here and parsed on the workers.
    std::optional<LineReader> lines;
    std::optional<JsonArrayReader> array;
    if (layout == DocumentInput::jsonl) {
      lines.emplace(input->fd(), input->name(), kMaxInputDocumentBytes);
    } else {
      array.emplace(input->fd(), input->name(), kMaxInputDocumentBytes);
    }
    InputLine line;
    JsonlScreen screen(input->name());
    for (;;) {
      bool skip = false;
      const bool more = read_step([&] {
        if (!(lines ? lines->next(line) : array->next(line))) return false;
        skip = lines && !screen.accept(line);
        return true;
      });
      if (!more) break;
      if (skip) continue;
      batch->lines.push_back(RawLine{batch->raw_text.size(), line.text.size(), line});
      batch->lines.back().line.text = {};
      batch->raw_text.append(line.text);
      batch->next_document();
      batch->text_bytes += line.text.size();
      batch->input_bytes += line.raw_bytes + 1;
      hand_over_if_full();
    }
    blank = screen.blank_lines();
  } else {
    // Whole inputs (text, HTML) and CSV rows are read into documents here.
    std::optional<DocumentReader> reader;
    if (read_step([&] {
          reader.emplace(input->fd(), input->name(), layout, fields);
          return true;
        })) {
      for (;;) {
        InputDocument& document = batch->next_document();
        if (!read_step([&] { return reader->next(document); })) {
          --batch->count;  // nothing was read into it: no record (a read error leaves only its message)
          blank = reader->blank_lines();
          break;
        }
        batch->text_bytes += document.text.size();
        batch->input_bytes += document.input_bytes;
        hand_over_if_full();
      }
    }
  }
  if (blank != 0) batch->messages.push_back(blank_lines_message(input->name(), blank));
  sink.submit();
}

bool BatchNotices::collect(const DocumentBatch& batch, std::vector<std::string>& out) {
  if (batch.input != m_input) {
    m_notices = DocumentNotices{};
    m_input = batch.input;
  }
  bool failed = false;
  for (std::size_t i = 0; i < batch.count; ++i) {
    m_notices.collect(batch.documents[i], batch.file, out);
    if (!batch.documents[i].ok()) failed = true;
  }
  out.insert(out.end(), batch.messages.begin(), batch.messages.end());
  return failed;
}

}  // namespace rolecheck::cli
