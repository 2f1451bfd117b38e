#pragma once
// Scoring predictions against gold labels, in the shape of scikit-learn's classification report.

#include <array>
#include <cstddef>
#include <string>

#include "rolecheck/classifier.hpp"

namespace rolecheck {

/// Precision, recall, F1 and support of one gold label.
struct LabelScores {
  double precision = 0.0;  ///< Of the rows predicted as this label, the share that are.
  double recall = 0.0;     ///< Of the rows that are this label, the share predicted so.
  double f1 = 0.0;         ///< Harmonic mean of precision and recall.
  std::size_t support = 0; ///< Rows with this gold label.
};

/// Accumulates a confusion matrix (gold sales/marketing × predicted sales/marketing/mixed/unknown).
class Evaluation {
 public:
  /// Counts one row.
  void add(Side gold, Label predicted) noexcept;

  /// Rows counted.
  [[nodiscard]] std::size_t total() const noexcept;
  /// Confusion count: rows of `gold` predicted as `predicted`.
  [[nodiscard]] std::size_t count(Side gold, Label predicted) const noexcept;
  /// Scores of one gold label (mixed and unknown predictions count as misses).
  [[nodiscard]] LabelScores scores(Side side) const noexcept;
  /// Share of rows predicted exactly right.
  [[nodiscard]] double accuracy() const noexcept;
  /// Unweighted mean F1 of sales and marketing.
  [[nodiscard]] double macro_f1() const noexcept;
  /// Support-weighted mean F1.
  [[nodiscard]] double weighted_f1() const noexcept;
  /// Share of rows not predicted unknown.
  [[nodiscard]] double coverage() const noexcept;
  /// Accuracy among rows predicted sales or marketing.
  [[nodiscard]] double accuracy_when_labelled() const noexcept;

  /// The report as aligned text (per-label table, averages, coverage, confusion matrix).
  [[nodiscard]] std::string to_text() const;
  /// The report as one JSON object (accuracy, macro_f1, weighted_f1, coverage, labels, confusion).
  [[nodiscard]] std::string to_json() const;

 private:
  std::array<std::array<std::size_t, 4>, 2> m_confusion{};
};

}  // namespace rolecheck
