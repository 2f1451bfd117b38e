#pragma once
// Per-cue analysis over a batch of duties, in the spirit of Snorkel's labeling-function analysis:
// how often each cue fires, how often it overlaps or conflicts with others, and how often it is right.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/classifier.hpp"

namespace rolecheck {

/// A line on which a cue fired although the gold label was the other side.
struct CueError {
  std::string where;  ///< "FILE:LINE".
  std::string gold;   ///< The gold label.
  std::string text;   ///< The duty.
};

/// Counts for one cue. A cue "fires" on a line when it matched there without a governing negation.
struct CueStat {
  std::uint32_t cue = 0;         ///< Index into Matcher::cues().
  std::size_t fired = 0;         ///< Lines it fired on.
  std::size_t negated = 0;       ///< Lines where it matched only under a negation.
  std::size_t overlaps = 0;      ///< Lines it fired on where another cue fired too.
  std::size_t conflicts = 0;     ///< Lines it fired on where a cue of the other side fired too.
  std::size_t labelled = 0;      ///< Lines it fired on that carry a gold label.
  std::size_t correct = 0;       ///< Of those, lines whose gold label is the cue's side.
  std::vector<CueError> errors;  ///< Up to max_examples lines where it fired against the gold label.
};

/// How to order the cues in a report.
enum class CueSort : std::uint8_t { coverage, precision, conflicts };

/// Parses "coverage", "precision" or "conflicts".
std::optional<CueSort> parse_cue_sort(std::string_view name) noexcept;

/// Accumulates CueStats from Classifications; renders them as text or JSON. Never prints.
class CueStats {
 public:
  /// Statistics for every cue of `classifier` (which must outlive this), keeping up to `max_examples` errors per cue.
  explicit CueStats(const Classifier& classifier, std::size_t max_examples = 3);

  /// Counts one line: its classification, its gold side when labelled, and where it is (for examples).
  void add(const Classification& result, std::optional<Side> gold = std::nullopt, std::string_view where = {},
           std::string_view text = {});

  /// Lines counted.
  [[nodiscard]] std::size_t lines() const noexcept { return m_lines; }
  /// Lines counted with a gold label.
  [[nodiscard]] std::size_t labelled_lines() const noexcept { return m_labelled_lines; }
  /// Lines on which at least one cue fired.
  [[nodiscard]] std::size_t covered_lines() const noexcept { return m_covered_lines; }
  /// Lines on which cues of both sides fired.
  [[nodiscard]] std::size_t conflict_lines() const noexcept { return m_conflict_lines; }
  /// Counts per cue, indexed like Matcher::cues().
  [[nodiscard]] const std::vector<CueStat>& cues() const noexcept { return m_stats; }

  /// Share of lines `stat` fired on (0 when no lines).
  [[nodiscard]] double coverage(const CueStat& stat) const noexcept;
  /// Share of its labelled firing lines whose gold label is the cue's side, or nullopt without labelled lines.
  [[nodiscard]] static std::optional<double> precision(const CueStat& stat) noexcept;

  /// The cues in report order: by `sort` (descending; precision ascending, so the worst come first), then id.
  [[nodiscard]] std::vector<const CueStat*> sorted(CueSort sort) const;

  /// An aligned table, one cue per row, then the example errors; `limit` caps the rows (0: all).
  [[nodiscard]] std::string to_text(CueSort sort, std::size_t limit = 0) const;
  /// One JSON object: totals and a "cues" array in report order; `limit` caps the array (0: all).
  [[nodiscard]] std::string to_json(CueSort sort, std::size_t limit = 0) const;

 private:
  const Classifier* m_classifier;
  std::size_t m_max_examples;
  std::vector<CueStat> m_stats;
  std::size_t m_lines = 0;
  std::size_t m_labelled_lines = 0;
  std::size_t m_covered_lines = 0;
  std::size_t m_conflict_lines = 0;
  std::vector<std::uint32_t> m_fired;    // cues that fired on the current line (scratch)
  std::vector<std::uint32_t> m_negated;  // cues only negated on the current line (scratch)
};

}  // namespace rolecheck
