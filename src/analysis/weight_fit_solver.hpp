#pragma once
// Private to weight_fit: one binary logistic regression solved by liblinear, with features that may be
// kept non-negative by refitting without those that came out negative.

#include <cstdint>
#include <utility>
#include <vector>

namespace rolecheck::detail {

/// One training row of a binary problem: sparse features (0-based index, value) and the class (+1 or -1).
struct BinaryRow {
  std::vector<std::pair<std::uint32_t, double>> features;  ///< Sorted by index, no duplicates.
  int y = 1;                                               ///< +1 or -1.
};

/// How one binary problem is solved.
struct BinarySettings {
  double c = 1.0;                  ///< liblinear's C (inverse regularisation strength).
  bool l1 = false;                 ///< L1-regularised (L1R_LR) instead of L2 (L2R_LR).
  bool bias = true;                ///< Learn an intercept.
  std::vector<bool> non_negative;  ///< Per feature: refit until its coefficient is not negative.
};

/// The fitted model: a coefficient per feature and the intercept, oriented so that positive favours y = +1.
struct BinaryModel {
  std::vector<double> coefficients;  ///< One per feature (0 for features never seen or removed).
  double bias = 0.0;                 ///< The intercept (0 without one).
};

/// Fits a logistic regression with classes weighted to equal total weight; deterministic for equal input.
/// Throws Error when liblinear rejects the problem.
BinaryModel fit_binary(const std::vector<BinaryRow>& rows, std::uint32_t feature_count, const BinarySettings& settings);

}  // namespace rolecheck::detail
