#pragma once
// Per-cue analysis over a batch of duties, in the spirit of Snorkel's labeling-function analysis:
// how often each cue fires, how often it overlaps or conflicts with others, and how often it is right
// against three-way gold labels (sales, marketing, other), with its false alarms on other work.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/analysis/evaluation.hpp"
#include "rolecheck/engine/classifier.hpp"

namespace rolecheck {

/// A line on which a cue fired although the gold label was another class.
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
  std::size_t conflicts = 0;     ///< Lines it fired on with a cue of the opposite side (of either, for other work).
  std::size_t labelled = 0;      ///< Lines it fired on that carry a scored gold label (not ambiguous).
  std::size_t correct = 0;       ///< Of those, lines whose gold is the cue's class (its side; other for other work).
  std::size_t false_alarms = 0;  ///< Of those, gold other for a side cue; gold sales or marketing for other work.
  std::size_t wrong_side = 0;    ///< Of those, lines whose gold is the opposite side (side cues only).
  std::vector<CueError> errors;  ///< Up to max_examples lines where it fired against the gold label.
};

/// How to order the cues in a report.
enum class CueSort : std::uint8_t { coverage, precision, conflicts, false_alarms };

/// Parses "coverage", "precision", "conflicts" or "false-alarms".
std::optional<CueSort> parse_cue_sort(std::string_view name) noexcept;

/// Accumulates CueStats from Classifications; renders them as text or JSON. Never prints.
class CueStats {
 public:
  /// Statistics for every cue of `classifier` (which must outlive this), keeping up to `max_examples` errors per cue.
  explicit CueStats(const Classifier& classifier, std::size_t max_examples = 3);

  /// Counts one line: its classification, its gold label when labelled, and where it is (for examples); an
  /// ambiguous line counts like an unlabelled one (and in ambiguous_lines()).
  void add(const Classification& result, std::optional<Gold> gold = std::nullopt, std::string_view where = {},
           std::string_view text = {});

  /// Lines counted.
  [[nodiscard]] std::size_t lines() const noexcept { return m_lines; }
  /// Lines counted with a scored gold label (sales, marketing or other).
  [[nodiscard]] std::size_t labelled_lines() const noexcept { return m_labelled_lines; }
  /// Lines counted with the gold label ambiguous (left out of precision).
  [[nodiscard]] std::size_t ambiguous_lines() const noexcept { return m_ambiguous_lines; }
  /// Lines on which at least one cue fired.
  [[nodiscard]] std::size_t covered_lines() const noexcept { return m_covered_lines; }
  /// Lines on which cues of both sides (sales and marketing) fired.
  [[nodiscard]] std::size_t conflict_lines() const noexcept { return m_conflict_lines; }
  /// Counts per cue, indexed like Matcher::cues().
  [[nodiscard]] const std::vector<CueStat>& cues() const noexcept { return m_stats; }

  /// Share of lines `stat` fired on (0 when no lines).
  [[nodiscard]] double coverage(const CueStat& stat) const noexcept;
  /// Share of its labelled firing lines whose gold is the cue's class, or nullopt without labelled lines.
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
  std::size_t m_ambiguous_lines = 0;
  std::size_t m_covered_lines = 0;
  std::size_t m_conflict_lines = 0;
  std::vector<std::uint32_t> m_fired;    // cues that fired on the current line (scratch)
  std::vector<std::uint32_t> m_negated;  // cues only negated on the current line (scratch)
};

}  // namespace rolecheck
