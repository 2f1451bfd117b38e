#pragma once
// The full, human-readable trace of one decision (what `rolecheck explain` prints).

#include <string>
#include <string_view>

#include "rolecheck/classifier.hpp"

namespace rolecheck {

/// Traces the decision on `text`: tokens and stems, cue matches, negation scopes, per-difference
/// scores, thresholds, and the label with the sentence that justifies it.
std::string explain_decision(const Classifier& classifier, std::string_view text);

}  // namespace rolecheck
