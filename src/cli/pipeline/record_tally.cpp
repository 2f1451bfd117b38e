#include "pipeline/record_tally.hpp"

namespace rolecheck::cli {

void RecordTally::start(std::size_t summary_cues) {
  if (summary.cue_records().size() != summary_cues) summary = RunSummary(summary_cues);
}

void RecordTally::clear() {
  counts = {};
  review_counts = {};
  all_expected = true;
  summary.clear();
}

void RecordTally::merge(const RecordTally& other) {
  for (std::size_t i = 0; i < counts.size(); ++i) {
    counts[i] += other.counts[i];
    review_counts[i] += other.review_counts[i];
  }
  all_expected = all_expected && other.all_expected;
  summary.merge(other.summary);
}

}  // namespace rolecheck::cli
