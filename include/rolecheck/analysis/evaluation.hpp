#pragma once
// Scoring predictions against three-way gold labels (sales, marketing, other), in the shape of
// scikit-learn's classification report, plus the figures that matter for this task: false alarms on
// other work, and how sales and marketing rows fare on their own.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/support/json_writer.hpp"

namespace rolecheck {

/// A gold label of labelled data: what a reader says the duty is (ANNOTATION.md); ambiguous rows are not scored.
enum class Gold : std::uint8_t { sales, marketing, other, ambiguous };

/// Number of scored gold classes (sales, marketing, other).
inline constexpr std::size_t kGoldClassCount = 3;

/// "sales", "marketing", "other" or "ambiguous".
std::string_view gold_name(Gold gold) noexcept;

/// Parses "sales", "marketing", "other" or "ambiguous" in any letter case; anything else gives nullopt.
std::optional<Gold> parse_gold(std::string_view text) noexcept;

/// The class a prediction counts as when scored: sales, marketing, or other ("neither": other, mixed, unknown).
Gold scored_class(Label predicted) noexcept;

/// True when `predicted` counts as right for `gold` (never for ambiguous).
bool prediction_matches(Gold gold, Label predicted) noexcept;

/// Precision, recall, F1 and support of one gold class.
struct LabelScores {
  double precision = 0.0;   ///< Of the rows predicted as this class, the share that are.
  double recall = 0.0;      ///< Of the rows that are this class, the share predicted so.
  double f1 = 0.0;          ///< Harmonic mean of precision and recall.
  std::size_t support = 0;  ///< Rows with this gold class.
};

/// Accumulates a confusion matrix (gold sales/marketing/other × the five predicted labels) and scores it.
/// For the per-class scores a prediction of other, mixed or unknown counts as "neither", that is as other;
/// the confusion matrix keeps all five. Ambiguous gold rows are only counted.
class Evaluation {
 public:
  /// Counts one row (an ambiguous one only in ambiguous()); `review`: the prediction was flagged for review.
  void add(Gold gold, Label predicted, bool review = false) noexcept;

  /// Scored rows (gold sales, marketing or other).
  [[nodiscard]] std::size_t total() const noexcept;
  /// Ambiguous rows, left out of every figure.
  [[nodiscard]] std::size_t ambiguous() const noexcept { return m_ambiguous; }
  /// Confusion count: rows of `gold` (not ambiguous) predicted as `predicted`.
  [[nodiscard]] std::size_t count(Gold gold, Label predicted) const noexcept;
  /// Rows of one gold class.
  [[nodiscard]] std::size_t support(Gold gold) const noexcept;

  /// Three-way scores of one gold class (sales, marketing or other; other, mixed and unknown predict other).
  [[nodiscard]] LabelScores scores(Gold gold) const noexcept;
  /// Share of scored rows whose prediction counts as their gold class.
  [[nodiscard]] double accuracy() const noexcept;
  /// Unweighted mean F1 of the classes that have gold rows.
  [[nodiscard]] double macro_f1() const noexcept;
  /// Support-weighted mean F1 of the three classes.
  [[nodiscard]] double weighted_f1() const noexcept;
  /// Share of scored rows not predicted unknown.
  [[nodiscard]] double coverage() const noexcept;
  /// Accuracy among rows predicted sales or marketing.
  [[nodiscard]] double accuracy_when_labelled() const noexcept;
  /// Share of gold-other rows predicted sales or marketing.
  [[nodiscard]] double false_alarm_rate() const noexcept;

  /// Scored rows whose prediction was flagged for review (`true`) or not (`false`).
  [[nodiscard]] std::size_t review_rows(bool flagged) const noexcept;
  /// Accuracy (as accuracy()) among the scored rows flagged for review (`true`) or not (`false`).
  [[nodiscard]] double review_accuracy(bool flagged) const noexcept;
  /// Share of scored rows flagged for review.
  [[nodiscard]] double review_share() const noexcept;

  /// Rows whose gold is sales or marketing.
  [[nodiscard]] std::size_t work_rows() const noexcept;
  /// Scores of one side on gold sales/marketing rows only (a neither prediction is a miss, never a hit).
  [[nodiscard]] LabelScores two_way_scores(Side side) const noexcept;
  /// Unweighted mean two-way F1 of the sides that have gold rows.
  [[nodiscard]] double two_way_macro_f1() const noexcept;
  /// Share of gold sales/marketing rows predicted other, mixed or unknown.
  [[nodiscard]] double neither_share() const noexcept;

  /// The report as aligned text (per-class table, averages, coverage, false alarms, flagged and unflagged rows,
  /// two-way table, confusion).
  [[nodiscard]] std::string to_text() const;
  /// The report as one JSON object (keys documented in docs/evaluation.md).
  [[nodiscard]] std::string to_json() const;
  /// Writes the report's members into the object open in `json`, so a caller can add its own after them.
  void write_json_members(JsonWriter& json) const;

 private:
  std::array<std::array<std::size_t, kLabelCount>, kGoldClassCount> m_confusion{};
  std::size_t m_ambiguous = 0;
  std::array<std::size_t, 2> m_review_rows{};     // scored rows by review flag (0 unflagged, 1 flagged)
  std::array<std::size_t, 2> m_review_correct{};  // of those, the rows predicted right
};

}  // namespace rolecheck
