#pragma once
// What the classify loops count over their records, per block on the workers and over the run by the writer.

#include <array>
#include <cstddef>

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/output/run_summary.hpp"

namespace rolecheck::cli {

/// Records per label index (Label, or RoleLabel for documents) before --only, those flagged for review, whether
/// every record had an --expect label, and with --summary the labels and cues.
struct RecordTally {
  std::array<std::size_t, kLabelCount> counts{};         ///< Records per label.
  std::array<std::size_t, kLabelCount> review_counts{};  ///< Records flagged for review, per label.
  bool all_expected = true;                              ///< Every record had the --expect label.
  RunSummary summary;                                    ///< With --summary: labels and cues.

  /// Starts counting a block: `summary_cues` is the cue count with --summary, else 0.
  void start(std::size_t summary_cues);
  /// Counts one record of label index `label`.
  void count(std::size_t label, bool review) noexcept {
    ++counts[label];
    if (review) ++review_counts[label];
  }
  /// Sets everything back to nothing counted (keeping the summary's buffers).
  void clear();
  /// Adds the counts of `other` (a block's).
  void merge(const RecordTally& other);
};

}  // namespace rolecheck::cli
