#include "rolecheck/classifier.hpp"

#include <algorithm>
#include <cmath>

namespace rolecheck {

std::string_view label_name(Label label) noexcept {
  switch (label) {
    case Label::sales: return "sales";
    case Label::marketing: return "marketing";
    case Label::mixed: return "mixed";
    case Label::unknown: break;
  }
  return "unknown";
}

std::optional<Label> parse_label(std::string_view text) noexcept {
  for (const auto label : {Label::sales, Label::marketing, Label::mixed, Label::unknown}) {
    if (label_name(label) == text) return label;
  }
  return std::nullopt;
}

std::string_view basis_description(Basis basis) noexcept {
  switch (basis) {
    case Basis::evidence: return "one side carries the evidence";
    case Basis::conflict: return "both sides carry evidence, no clear winner";
    case Basis::empty: return "empty";
    case Basis::no_evidence: return "no cue matched";
    case Basis::weak_evidence: return "evidence below min_evidence";
    case Basis::low_confidence: return "confidence below --min-confidence";
    case Basis::too_long: return "line longer than --max-line-bytes";
  }
  return "";
}

Classifier::Classifier(Taxonomy taxonomy, ClassifyOptions options)
    : m_taxonomy(std::make_shared<const Taxonomy>(std::move(taxonomy))),
      m_matcher(std::make_shared<const Matcher>(*m_taxonomy)),
      m_options(options) {}

Classifier::Classifier(const CompiledTaxonomy& compiled, ClassifyOptions options)
    : m_taxonomy(compiled.taxonomy),
      m_matcher(compiled.matcher ? compiled.matcher : std::make_shared<const Matcher>(*m_taxonomy)),
      m_options(options) {}

void Classifier::classify(std::string_view text, Scanner& scanner, Classification& out) const {
  decide(scanner.scan(text), out);
}

void Classifier::decide(const ScanResult& scan, Classification& out) const {
  out.scores = {};
  out.by_difference = {};
  out.reasons.clear();
  const auto& cues = m_matcher->cues();
  for (const auto& match : scan.matches) {
    const auto& cue = cues[match.cue];
    Reason reason{match.cue, cue.side, match.begin, match.end, cue.weight, match.negated};
    if (match.negated) {
      if (cue.on_negation == NegationEffect::flip) {
        reason.side = opposite(cue.side);
      } else {
        reason.weight = 0.0;
      }
    }
    // A cue's further matches in the same duty add half its weight each time (diminishing returns).
    for (const auto& earlier : out.reasons) {
      if (earlier.cue == reason.cue && earlier.side == reason.side && !earlier.negated) reason.weight *= 0.5;
    }
    const auto side = static_cast<std::size_t>(reason.side);
    out.scores[side] += reason.weight;
    if (cue.difference < kDifferenceCount) out.by_difference[cue.difference][side] += reason.weight;
    out.reasons.push_back(reason);
  }
  if (scan.words.tokens.empty()) {
    out.label = Label::unknown;
    out.basis = Basis::empty;
    out.confidence = 1.0;
    return;
  }
  label_from_scores(out);
}

void Classifier::label_from_scores(Classification& out) const {
  const auto& thresholds = m_taxonomy->thresholds;
  const double sales = out.scores[0];
  const double marketing = out.scores[1];
  const double total = sales + marketing;
  if (total <= 0.0) {
    out.label = Label::unknown;
    out.basis = Basis::no_evidence;
    out.confidence = 1.0;
    return;
  }
  if (total < thresholds.min_evidence) {
    out.label = Label::unknown;
    out.basis = Basis::weak_evidence;
    out.confidence = 1.0 - total / thresholds.min_evidence;
    return;
  }
  const double saturation = 1.0 - std::exp(-total / thresholds.evidence_scale);
  const double share = std::max(sales, marketing) / total;
  // A tie is broken by the single strongest piece of evidence; a tie there too is mixed.
  double strongest[2] = {0.0, 0.0};
  for (const auto& reason : out.reasons) {
    auto& best = strongest[static_cast<std::size_t>(reason.side)];
    best = std::max(best, reason.weight);
  }
  const bool tied = sales == marketing && strongest[0] == strongest[1];
  if (share < thresholds.mixed_share || tied) {
    out.label = Label::mixed;
    out.basis = Basis::conflict;
    out.confidence = saturation * (1.0 - std::abs(sales - marketing) / total);
  } else {
    const bool sales_wins = sales != marketing ? sales > marketing : strongest[0] > strongest[1];
    out.label = sales_wins ? Label::sales : Label::marketing;
    out.basis = Basis::evidence;
    out.confidence = saturation * share;
  }
  if (out.confidence < m_options.min_confidence) {
    out.label = Label::unknown;
    out.basis = Basis::low_confidence;
  }
}

}  // namespace rolecheck
