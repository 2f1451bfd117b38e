#pragma once
// Learning the taxonomy's numbers from labelled duties (`rolecheck fit`): every cue's weight and
// min_evidence, fitted by logistic regression (liblinear) on the engine's own cue matches, while the cues,
// phrases, quotes and rationales stay as written. See docs/fit.md.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rolecheck/analysis/evaluation.hpp"
#include "rolecheck/taxonomy/taxonomy.hpp"

namespace rolecheck {

/// One labelled duty to learn from (gold sales, marketing or other; ambiguous rows are skipped).
struct LabelledDuty {
  Gold gold = Gold::other;  ///< What the duty is.
  std::string text;         ///< The duty.
};

/// The regulariser of the logistic regressions.
enum class Penalty : std::uint8_t {
  l2,  ///< Ridge: every cue keeps some weight where it helps.
  l1,  ///< Lasso: cues that never help are set to zero.
};

/// How a fit is made and checked.
struct FitOptions {
  double regularisation = 1.0;    ///< liblinear's C: larger follows the data more closely.
  Penalty penalty = Penalty::l2;  ///< L2 or L1 regularisation.
  bool keep_sign = true;          ///< A cue never becomes evidence for the other side (else it may change side).
  std::size_t folds = 5;          ///< Cross-validation folds (row i in fold i % folds); below 2: none.
  std::size_t min_rows = 10;      ///< Fewer rows than this in any gold class is refused.
};

/// What the fit did to one cue.
struct FittedCue {
  std::string id;                  ///< The cue's id.
  CueRole role = CueRole::core;    ///< Core, support or other work.
  Side side_before = Side::sales;  ///< Its side in the input taxonomy.
  Side side_after = Side::sales;   ///< Its side in the fitted one (differs only without keep-sign).
  double before = 0.0;             ///< The input weight.
  double after = 0.0;              ///< The fitted weight.
  std::size_t rows = 0;            ///< Rows in which the cue matched (negated matches included).
};

/// Everything `rolecheck fit` reports; every figure comes from scoring with the real engine.
struct FitReport {
  FitOptions options;                               ///< The options used.
  std::array<std::size_t, kGoldClassCount> rows{};  ///< Rows per gold class (sales, marketing, other).
  std::size_t folds = 0;                            ///< Folds actually used (0: no cross-validation).
  Evaluation before;                                ///< The input taxonomy on every row (pooled over the folds).
  Evaluation after;                 ///< Each fold scored with weights fitted on the other folds, pooled.
  std::vector<double> fold_before;  ///< Macro-F1 of the input taxonomy per fold.
  std::vector<double> fold_after;   ///< Macro-F1 per fold of the weights fitted without it.
  Evaluation training;              ///< The final fitted taxonomy on every row it was fitted on.
  Thresholds thresholds_before;     ///< The input thresholds.
  Thresholds thresholds_after;      ///< The fitted thresholds (min_evidence learnt, the rest kept).
  std::vector<FittedCue> cues;      ///< Every cue, in taxonomy order (differences, then other work).
};

/// A fitted taxonomy and how it was reached.
struct FitResult {
  Taxonomy taxonomy;  ///< The input with learnt weights and min_evidence.
  FitReport report;   ///< Cross-validated figures and per-cue changes.
};

/// Fits the taxonomy's weights to `duties` (ambiguous ones skipped); throws Error when a gold class has fewer
/// than options.min_rows rows or the taxonomy cannot be compiled. Deterministic: equal input, equal output.
FitResult fit_weights(const Taxonomy& taxonomy, const std::vector<LabelledDuty>& duties,
                      const FitOptions& options = {});

/// The report as text: figures before and after, per class, per fold, the largest changes, zeroed and unmatched cues.
std::string fit_report_text(const FitReport& report, std::size_t top = 15);

}  // namespace rolecheck
