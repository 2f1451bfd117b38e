#include "document_batches.hpp"

#include "input_files.hpp"

#include "rolecheck/error.hpp"

namespace rolecheck::cli {

InputDocument& DocumentBatch::next_document() {
  if (count == documents.size()) documents.emplace_back();
  return documents[count++];
}

void DocumentBatch::clear_batch() {
  lines.clear();
  raw_text.clear();
  count = 0;
  text_bytes = 0;
  input_bytes = 0;
  messages.clear();
  status = 0;
}

void DocumentBatch::parse_lines() {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const RawLine& raw = lines[i];
    InputLine line = raw.line;
    line.text = std::string_view(raw_text).substr(raw.begin, raw.size);
    read_jsonl_document(file, line, documents[i]);
    documents[i].input_bytes = line.raw_bytes + 1;
  }
}

void read_document_batches(const std::string& path, DocumentInput layout, const BatchSink& sink) {
  DocumentBatch* batch = &sink.start(path);
  std::string error;
  auto input = InputFile::open(path, error);
  if (!input) {
    batch->messages.push_back(error);
    batch->status = 2;
    sink.submit();
    return;
  }
  batch->file = input->name();
  // Only the reading may fail with a read error (the batch then ends the input with its message);
  // the sink's calls stay outside the try.
  const auto read_failed = [&](const Error& read_error) {
    batch->messages.emplace_back(read_error.what());
    batch->status = 2;
  };
  if (layout == DocumentInput::jsonl) {
    LineReader reader(input->fd(), input->name(), kMaxInputDocumentBytes);
    InputLine line;
    for (;;) {
      try {
        if (!reader.next(line)) break;
      } catch (const Error& read_error) {
        read_failed(read_error);
        break;
      }
      batch->lines.push_back(RawLine{batch->raw_text.size(), line.text.size(), line});
      batch->lines.back().line.text = {};
      batch->raw_text.append(line.text);
      batch->next_document();
      batch->text_bytes += line.text.size();
      batch->input_bytes += line.raw_bytes + 1;
      if (sink.full(*batch)) batch = &sink.hand_over(input->name());
    }
  } else {
    InputDocument& document = batch->next_document();
    try {
      DocumentReader reader(input->fd(), input->name(), DocumentInput::whole);
      reader.next(document);  // a whole input is always one document
      batch->text_bytes += document.text.size();
      batch->input_bytes += document.input_bytes;
    } catch (const Error& read_error) {
      --batch->count;  // nothing was read: no record, only the message
      read_failed(read_error);
    }
  }
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
