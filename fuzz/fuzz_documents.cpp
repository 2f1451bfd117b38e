// Fuzzes document mode end to end with the code the CLI runs: DocumentReader over a memfd, the
// DocumentClassifier and the DocumentFormatter. The first byte chooses the layout (bits 6-7: JSON
// array, CSV or HTML; when clear, bit 0: whole input or JSONL lines), the output format (bits 1-3), a 64-byte document
// cap (bit 4, to reach the too-large paths) and --explain (bit 5); the rest is the input. Checks: only Error escapes,
// and only for UTF-16/32 JSONL; a whole input is one record and JSONL one record per line; texts are valid UTF-8; duty
// spans inside the text, on character boundaries, in order, reasons inside their duty on token boundaries; confidences
// and shares in [0, 1]; JSON output parses, one JSONL record per line, valid UTF-8 in every format; the same output
// with a reused (warm) and with a fresh scanner.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>

#include "fuzz_check.hpp"
#include "memory_file.hpp"

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/input/document_input.hpp"
#include "rolecheck/output/document_format.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/support/utf8.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"
#include "rolecheck/text/text.hpp"

namespace {

using namespace rolecheck;

const Classifier& classifier() {
  static const Classifier instance(load_embedded_taxonomy());
  return instance;
}

const DocumentClassifier& documents() {
  static const DocumentClassifier instance(classifier());
  return instance;
}

// What the harness chose from the first byte.
struct Setup {
  DocumentInput layout = DocumentInput::whole;
  RecordFormat format = RecordFormat::jsonl;
  std::size_t max_bytes = kMaxInputDocumentBytes;
  bool explain = false;
};

// Everything one pass produced, to compare two passes byte for byte.
struct Pass {
  std::string output;     // the formatted records
  std::string signature;  // every number of every result, exactly
  std::size_t records = 0;
  bool threw = false;
};

bool on_char_boundary(std::string_view text, std::size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

bool in_unit(double value) { return std::isfinite(value) && value >= 0.0 && value <= 1.0; }

void check_input_document(const InputDocument& document) {
  FUZZ_CHECK(is_valid_utf8(document.text));
  FUZZ_CHECK(document.ok() || document.text.empty());
  if (!document.id_json.empty()) FUZZ_CHECK(nlohmann::json::accept(document.id_json));
  if (!document.extra_json.empty()) {
    FUZZ_CHECK(nlohmann::json::accept("{" + document.extra_json + "}"));
    FUZZ_CHECK(is_valid_utf8(document.extra_json));
  }
}

void check_result(std::string_view text, const DocumentResult& result) {
  FUZZ_CHECK(static_cast<int>(result.label) <= static_cast<int>(RoleLabel::unknown));
  FUZZ_CHECK(in_unit(result.confidence));
  FUZZ_CHECK(in_unit(result.shares[0]) && in_unit(result.shares[1]));
  const double share_sum = result.shares[0] + result.shares[1];
  FUZZ_CHECK(share_sum == 0.0 || std::fabs(share_sum - 1.0) < 1e-9);
  for (const double vote : result.votes) FUZZ_CHECK(std::isfinite(vote) && vote >= 0.0);
  const auto cue_count = classifier().matcher().cues().size();
  std::size_t previous_end = 0;
  TokenBuffer tokens;
  std::unordered_set<std::uint32_t> begins;
  std::unordered_set<std::uint32_t> ends;
  for (const auto& entry : result.duties) {
    const auto& duty = entry.duty;
    FUZZ_CHECK(duty.begin <= duty.end && duty.end <= text.size());
    FUZZ_CHECK(duty.begin >= previous_end);  // in text order, not overlapping
    previous_end = duty.end;
    FUZZ_CHECK(on_char_boundary(text, duty.begin) && on_char_boundary(text, duty.end));
    FUZZ_CHECK(duty.heading_begin <= duty.heading_end && duty.heading_end <= text.size());
    FUZZ_CHECK(on_char_boundary(text, duty.heading_begin) && on_char_boundary(text, duty.heading_end));
    FUZZ_CHECK(static_cast<int>(duty.section) <= static_cast<int>(SectionKind::other));
    FUZZ_CHECK(std::isfinite(entry.vote_weight) && entry.vote_weight >= 0.0);
    const auto& line = entry.result;
    FUZZ_CHECK(in_unit(line.confidence));
    for (const double score : line.scores) FUZZ_CHECK(std::isfinite(score) && score >= 0.0);
    tokenize(duty.text(text), tokens);
    begins.clear();
    ends.clear();
    for (const auto& token : tokens.tokens) {
      begins.insert(duty.begin + token.begin);
      ends.insert(duty.begin + token.end);
    }
    std::uint32_t previous_begin = duty.begin;
    for (const auto& reason : line.reasons) {
      FUZZ_CHECK(reason.cue < cue_count);
      FUZZ_CHECK(duty.begin <= reason.begin && reason.begin < reason.end && reason.end <= duty.end);
      FUZZ_CHECK(begins.count(reason.begin) == 1 && ends.count(reason.end) == 1);
      FUZZ_CHECK(reason.begin >= previous_begin);
      FUZZ_CHECK(std::isfinite(reason.weight) && reason.weight >= 0.0);
      previous_begin = reason.begin;
    }
  }
  for (const auto& verdict : result.differences) {
    if (!verdict.has_evidence) continue;
    FUZZ_CHECK(verdict.duty < result.duty_count);
    FUZZ_CHECK(verdict.strongest.begin < verdict.strongest.end && verdict.strongest.weight > 0.0);
    FUZZ_CHECK(result.split[verdict.duty].begin <= verdict.strongest.begin &&
               verdict.strongest.end <= result.split[verdict.duty].end);
  }
}

// Appends every number of `result` exactly, so two passes can be compared bit for bit.
void sign(std::string& out, const DocumentResult& result) {
  fmt::format_to(std::back_inserter(out), "{} {} {} {} {} {}|", static_cast<int>(result.label), result.confidence,
                 result.shares[0], result.shares[1], result.votes[0], result.votes[1]);
  for (const auto& entry : result.duties) {
    fmt::format_to(std::back_inserter(out), "{}-{} {} {} {} {}:", entry.duty.begin, entry.duty.end,
                   static_cast<int>(entry.duty.section), static_cast<int>(entry.result.label), entry.result.confidence,
                   entry.vote_weight);
    for (const auto& reason : entry.result.reasons) {
      fmt::format_to(std::back_inserter(out), "{},{},{},{};", reason.cue, reason.begin, reason.end, reason.weight);
    }
  }
  out += '\n';
}

Pass run(std::string_view input, const Setup& setup, Scanner& scanner) {
  Pass pass;
  MemoryFile file(input);
  DocumentReader reader(file.fd(), "fuzz.txt", setup.layout, setup.max_bytes);
  DocumentFormatter formatter(setup.format, documents(), RecordStyle{setup.explain, false});
  InputDocument document;
  DocumentResult result;
  try {
    while (reader.next(document)) {
      ++pass.records;
      check_input_document(document);
      // Blank JSONL lines are skipped: lines only grow, never fall behind the records.
      if (setup.layout == DocumentInput::jsonl) FUZZ_CHECK(document.line >= pass.records);
      if (!document.ok()) {
        formatter.error_record(pass.output, document.origin(), document.error);
        pass.signature += "error: " + document.error + "\n";
        continue;
      }
      documents().classify(document.text, scanner, result);
      check_result(document.text, result);
      formatter.record(pass.output, document.origin(), document.text, result);
      sign(pass.signature, result);
    }
  } catch (const Error&) { pass.threw = true; }
  formatter.stream().end(pass.output);
  return pass;
}

// The number of lines LineReader sees: one per '\n', plus an unterminated last line (after a BOM).
// Lines that make records: all but the blank ones (only spaces, tabs, CRs, and not over `max_bytes`).
std::size_t line_count(std::string_view input, std::size_t max_bytes) {
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  std::size_t count = 0;
  while (!input.empty()) {
    const auto newline = input.find('\n');
    auto line = input.substr(0, newline);
    input.remove_prefix(newline == std::string_view::npos ? input.size() : newline + 1);
    const auto raw = line.size();
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank || raw > max_bytes + 1 || line.size() > max_bytes) ++count;
  }
  return count;
}

void check_output(const Setup& setup, const Pass& pass) {
  const auto& out = pass.output;
  FUZZ_CHECK(is_valid_utf8(out));
  if (pass.records == 0) {
    // No records: nothing, except JSON's empty array (docs/output.md, Contracts).
    FUZZ_CHECK(setup.format == RecordFormat::json ? (out == "[]\n" || out == "[]") : out.empty());
    return;
  }
  switch (setup.format) {
    case RecordFormat::jsonl: {
      std::size_t begin = 0;
      std::size_t lines = 0;
      while (begin < out.size()) {
        const auto newline = out.find('\n', begin);
        FUZZ_CHECK(newline != std::string::npos);
        const auto line = std::string_view(out).substr(begin, newline - begin);
        FUZZ_CHECK(nlohmann::json::accept(line));
        const auto record = nlohmann::json::parse(line);
        FUZZ_CHECK(record.is_object() && record.contains("label"));
        ++lines;
        if (setup.layout == DocumentInput::jsonl) FUZZ_CHECK(record.at("line") >= lines);  // blank lines skipped
        begin = newline + 1;
      }
      FUZZ_CHECK(lines == pass.records);
      break;
    }
    case RecordFormat::json: {
      FUZZ_CHECK(nlohmann::json::accept(out));
      const auto records = nlohmann::json::parse(out);
      FUZZ_CHECK(records.is_array() && records.size() == pass.records);
      break;
    }
    case RecordFormat::tsv: {
      std::size_t lines = 0;
      for (const char c : out) lines += c == '\n' ? 1 : 0;
      FUZZ_CHECK(lines == pass.records + 1);  // the header, then one line per record
      break;
    }
    case RecordFormat::text:
    case RecordFormat::csv: break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t control = data[0];
  Setup setup;
  // Bits 6-7 pick the record readers (JSON array, CSV, HTML); when both are clear, bit 0 picks a whole
  // input or JSONL lines (the meaning the committed corpus was grown with).
  switch (control >> 6 & 3) {
    case 1: setup.layout = DocumentInput::json; break;
    case 2: setup.layout = DocumentInput::csv; break;
    case 3: setup.layout = DocumentInput::html; break;
    default: setup.layout = (control & 1) != 0 ? DocumentInput::jsonl : DocumentInput::whole;
  }
  setup.format = static_cast<RecordFormat>((control >> 1 & 7) % 5);
  if ((control & 0x10) != 0) setup.max_bytes = 64;
  setup.explain = (control & 0x20) != 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool wide = !detect_wide_encoding(input).empty();
  const bool binary = !wide && !detect_binary(input).empty();
  const bool gzip = input.substr(0, 2) == "\x1F\x8B";  // decompressed: anything may come out, or an error

  static Scanner reused = classifier().make_scanner();
  const auto first = run(input, setup, reused);
  check_output(setup, first);
  if (gzip) {
    // Decompressed input has its own shape; the checks above and below still hold.
  } else if (setup.layout == DocumentInput::whole) {
    FUZZ_CHECK(!first.threw && first.records == 1);
    const bool error = first.signature.rfind("error: ", 0) == 0;
    FUZZ_CHECK(error == (wide || binary || input.size() > setup.max_bytes));
  } else if (setup.layout == DocumentInput::html) {
    FUZZ_CHECK(!first.threw && first.records == 1);  // one document, or one error record
  } else if (setup.layout != DocumentInput::jsonl) {
    // JSON arrays and CSV: any number of records; a refusal (UTF-16/32, binary, no header, no array, text
    // after the array) may come after records were read. The checks in run() and check_output() hold.
  } else if (first.threw) {
    // UTF-16/32, binary, or pretty-printed JSON: refused before any record.
    FUZZ_CHECK(first.records == 0);
  } else {
    FUZZ_CHECK(!wide && !binary);
    FUZZ_CHECK(first.records == line_count(input, setup.max_bytes));
  }

  // The same answer again with a fresh scanner (the first pass reused one that read earlier inputs), on a
  // sample: a fresh scanner costs more than most documents.
  if (!fuzz_sampled(data, size)) return 0;
  Scanner fresh = classifier().make_scanner();
  const auto again = run(input, setup, fresh);
  FUZZ_CHECK(again.output == first.output && again.signature == first.signature && again.threw == first.threw);
  return 0;
}
