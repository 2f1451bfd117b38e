#pragma once
// Comparing two decisions on the same text, made under two taxonomies: whether the label changed
// and which cues made the difference. Cues are matched by id, so the taxonomies may differ freely.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/engine/classifier.hpp"

namespace rolecheck {

/// What one cue contributed to one decision: its role there, its matches and the evidence they added.
struct CueContribution {
  CueRole role = CueRole::core;  ///< Its role in that decision (support for a flipped negation).
  std::uint32_t matches = 0;     ///< Times it matched (negated matches included).
  double weight = 0.0;           ///< Evidence its matches added together.

  /// Field-by-field equality.
  friend bool operator==(const CueContribution&, const CueContribution&) = default;
};

/// One cue whose contribution differs between the old and the new decision.
struct CueChange {
  std::string cue;                         ///< The cue's id.
  bool other_work = false;                 ///< An other-work cue (then `side` is unused).
  Side side = Side::sales;                 ///< The side it counted for.
  std::optional<CueContribution> old_cue;  ///< What it did in the old decision (none: it did not match).
  std::optional<CueContribution> new_cue;  ///< What it does in the new decision (none: it does not match).

  /// New weight minus old weight (an absent side counts 0).
  [[nodiscard]] double delta() const noexcept;
};

/// How two decisions on the same text differ.
struct DecisionDiff {
  Label old_label = Label::unknown;  ///< The old decision's label.
  Label new_label = Label::unknown;  ///< The new decision's label.
  double old_confidence = 0.0;       ///< The old decision's confidence.
  double new_confidence = 0.0;       ///< The new decision's confidence.
  std::vector<CueChange> cues;       ///< Cues that differ, largest change in evidence first, then by id and side.

  /// True when the label changed.
  [[nodiscard]] bool label_changed() const noexcept { return old_label != new_label; }
};

/// Compares a decision made with `old_matcher` to one on the same text made with `new_matcher`: every
/// cue (sales, marketing or other work) present in one decision's reasons and not the other's, or whose
/// matches, weight or role differ.
DecisionDiff diff_decisions(const Classification& old_result, const Matcher& old_matcher,
                            const Classification& new_result, const Matcher& new_matcher);

/// One duty of a document whose label changed.
struct DutyDiff {
  std::size_t duty = 0;   ///< Index of the duty in the new result's duties (document order).
  DecisionDiff decision;  ///< How its decision changed.
};

/// How two verdicts on the same document differ.
struct DocumentDiff {
  RoleLabel old_label = RoleLabel::unknown;  ///< The old verdict.
  RoleLabel new_label = RoleLabel::unknown;  ///< The new verdict.
  double old_confidence = 0.0;               ///< The old verdict's confidence.
  double new_confidence = 0.0;               ///< The new verdict's confidence.
  std::vector<DutyDiff> duties;              ///< The duties whose label changed, in document order.

  /// True when the verdict changed.
  [[nodiscard]] bool verdict_changed() const noexcept { return old_label != new_label; }
  /// True when the verdict or any duty's label changed.
  [[nodiscard]] bool changed() const noexcept { return verdict_changed() || !duties.empty(); }
};

/// Compares two verdicts on the same document (its duties paired in order; splitting does not
/// depend on the taxonomy) and the duties whose label changed, with the cues behind each change.
DocumentDiff diff_documents(const DocumentResult& old_result, const Matcher& old_matcher,
                            const DocumentResult& new_result, const Matcher& new_matcher);

}  // namespace rolecheck
