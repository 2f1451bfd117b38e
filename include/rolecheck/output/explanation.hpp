#pragma once
// The full, human-readable trace of one decision (what `rolecheck explain` prints).

#include <string>
#include <string_view>

#include "rolecheck/engine/classifier.hpp"

namespace rolecheck {

/// Traces the decision on `text`: tokens and stems, cue matches, negation scopes, per-difference
/// scores, thresholds, and the label with the sentence that justifies it.
std::string explain_decision(const Classifier& classifier, std::string_view text);

/// The same trace as one JSON object on one line (`rolecheck explain --format json`): the record's fields
/// (label, confidence, review, margin, basis, scores, core, reasons, other_work), evidence by difference,
/// tokens with stems and spans, negations, and the thresholds that applied.
std::string explain_decision_json(const Classifier& classifier, std::string_view text);

}  // namespace rolecheck
