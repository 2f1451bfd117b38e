// Fuzzes the classifier with arbitrary bytes as one line: one classification, reasons whose spans
// lie inside the text on token boundaries, JSON records that parse and are valid UTF-8, and the
// same answer twice (with the same scanner and with a fresh one).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>

#include "fuzz_check.hpp"

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/output/record_format.hpp"
#include "rolecheck/support/utf8.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"
#include "rolecheck/text/text.hpp"

namespace {

using namespace rolecheck;

const Classifier& classifier() {
  static const Classifier instance(load_embedded_taxonomy());
  return instance;
}

bool same(const Classification& a, const Classification& b) {
  if (a.label != b.label || a.basis != b.basis || a.confidence != b.confidence || a.scores != b.scores ||
      a.by_difference != b.by_difference || a.reasons.size() != b.reasons.size() || a.core != b.core ||
      a.other != b.other || a.other_reasons.size() != b.other_reasons.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.reasons.size(); ++i) {
    const auto& x = a.reasons[i];
    const auto& y = b.reasons[i];
    if (x.cue != y.cue || x.side != y.side || x.begin != y.begin || x.end != y.end || x.weight != y.weight ||
        x.negated != y.negated) {
      return false;
    }
  }
  return true;
}

void check_classification(std::string_view text, const Classification& result) {
  FUZZ_CHECK(static_cast<int>(result.label) <= static_cast<int>(Label::unknown));
  FUZZ_CHECK(std::isfinite(result.confidence) && result.confidence >= 0.0 && result.confidence <= 1.0);
  for (const double score : result.scores) FUZZ_CHECK(std::isfinite(score) && score >= 0.0);
  TokenBuffer tokens;
  tokenize(text, tokens);
  std::unordered_set<std::uint32_t> begins;
  std::unordered_set<std::uint32_t> ends;
  for (const auto& token : tokens.tokens) {
    FUZZ_CHECK(token.begin < token.end && token.end <= text.size());
    begins.insert(token.begin);
    ends.insert(token.end);
  }
  const auto cue_count = classifier().matcher().cues().size();
  std::uint32_t previous_begin = 0;
  for (const auto& reason : result.reasons) {
    FUZZ_CHECK(reason.cue < cue_count);
    FUZZ_CHECK(reason.begin < reason.end && reason.end <= text.size());
    // Past kScanWindowBytes a 32 KiB run without an ASCII separator may be cut inside a word (docs/scoring.md).
    FUZZ_CHECK(text.size() > kScanWindowBytes || (begins.count(reason.begin) == 1 && ends.count(reason.end) == 1));
    FUZZ_CHECK(reason.begin >= previous_begin);  // reasons come in text order
    FUZZ_CHECK(std::isfinite(reason.weight) && reason.weight >= 0.0);
    previous_begin = reason.begin;
  }
  for (const auto& reason : result.other_reasons) {
    FUZZ_CHECK(reason.cue < cue_count && reason.role == CueRole::other);
    FUZZ_CHECK(reason.begin < reason.end && reason.end <= text.size());
    FUZZ_CHECK(std::isfinite(reason.weight) && reason.weight >= 0.0);
  }
  FUZZ_CHECK(std::isfinite(result.other) && result.other >= 0.0);
  // A sales, marketing or mixed label needs core evidence (with its side's support_credit): support
  // alone never makes one.
  if (result.label == Label::sales || result.label == Label::marketing || result.label == Label::mixed) {
    const auto& thresholds = classifier().taxonomy().thresholds;
    double credited = 0.0;
    for (std::size_t side = 0; side < 2; ++side) {
      if (result.core[side] > 0.0)
        credited += result.core[side] + thresholds.support_credit * (result.scores[side] - result.core[side]);
    }
    FUZZ_CHECK(result.core[0] + result.core[1] > 0.0);
    FUZZ_CHECK(credited >= thresholds.min_evidence);
    FUZZ_CHECK(!result.reasons.empty());
  }
}

void check_records(std::string_view text, const Classification& result) {
  for (const auto format : {RecordFormat::jsonl, RecordFormat::json}) {
    RecordFormatter formatter(format, classifier());
    std::string out;
    formatter.record(out, RecordOrigin{"fuzz\xFF.txt", 1}, text, result);
    formatter.stream().end(out);
    FUZZ_CHECK(is_valid_utf8(out));
    if (format == RecordFormat::jsonl) {             // parsed once: parsing is most of a harness run's cost
      FUZZ_CHECK(out.find('\n') == out.size() - 1);  // one record, one line
      const auto record = nlohmann::json::parse(out, nullptr, false);
      FUZZ_CHECK(!record.is_discarded());
      FUZZ_CHECK(record.at("reasons").size() == result.reasons.size());
      FUZZ_CHECK(record.at("label").get<std::string>() == label_name(result.label));
    } else {
      FUZZ_CHECK(nlohmann::json::accept(out));
    }
  }
  // The CLI only passes cleaned text (valid UTF-8); for it every format stays valid UTF-8.
  if (!is_valid_utf8(text)) return;
  for (const auto format : {RecordFormat::text, RecordFormat::tsv, RecordFormat::csv}) {
    RecordStyle style;
    style.explain = true;
    RecordFormatter formatter(format, classifier(), style);
    std::string out;
    formatter.record(out, RecordOrigin{"fuzz.txt", 1}, text, result);
    FUZZ_CHECK(is_valid_utf8(out));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static Scanner scanner = classifier().make_scanner();
  Classification first;
  classifier().classify(text, scanner, first);
  check_classification(text, first);
  Classification again;
  classifier().classify(text, scanner, again);
  FUZZ_CHECK(same(first, again));
  if (fuzz_sampled(data, size)) {  // a fresh scanner costs more than the classification: a sample
    Scanner fresh = classifier().make_scanner();
    Classification fresh_result;
    classifier().classify(text, fresh, fresh_result);
    FUZZ_CHECK(same(first, fresh_result));
  }
  check_records(text, first);
  if (is_valid_utf8(text)) return 0;  // already what the CLI classifies
  // The reasons of the cleaned line (what the CLI classifies) must also hold up.
  std::string cleaned;
  replace_invalid_utf8(text, cleaned);
  Classification clean_result;
  classifier().classify(cleaned, scanner, clean_result);
  check_classification(cleaned, clean_result);
  check_records(cleaned, clean_result);
  return 0;
}
