#include "rolecheck/explanation.hpp"

#include <fmt/format.h>

#include "rolecheck/stemmer.hpp"

namespace rolecheck {

std::string explain_decision(const Classifier& classifier, std::string_view text) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& matcher = classifier.matcher();
  Scanner scanner = classifier.make_scanner();
  const ScanResult& scan = scanner.scan(text);
  Classification result;
  classifier.decide(scan, result);

  std::string out = fmt::format("duty: {}\n\ntokens (word -> stem; * = used by a cue or negation phrase, - = skip word)\n", text);
  Stemmer stemmer;
  for (std::size_t i = 0; i < scan.words.tokens.size(); ++i) {
    const auto word = scan.words.word(scan.words.tokens[i]);
    const auto terms = scan.terms[i];
    const char mark = matcher.is_skip_term(terms.stem) ? '-' : (terms.stem >= 0 || terms.exact >= 0 ? '*' : ' ');
    out += fmt::format("  {} {:<20} {}{}\n", mark, word, stemmer.stem(word),
                       scan.words.tokens[i].clause_start ? "   (after a clause break)" : "");
  }
  out += "\nnegations\n";
  if (scan.negations.empty()) out += "  (none)\n";
  for (const auto& negation : scan.negations) {
    out += fmt::format("  \"{}\" at [{}, {}) governs up to {} following words in its clause\n",
                       text.substr(negation.begin, negation.end - negation.begin), negation.begin, negation.end,
                       matcher.negation_scope());
  }
  out += "\ncue matches (core: the duty is this side's work; support: how work is done, tips only)\n";
  if (result.reasons.empty()) out += "  (none)\n";
  for (const auto& reason : result.reasons) {
    const auto& cue = matcher.cues()[reason.cue];
    out += fmt::format("  \"{}\" [{}, {}) -> {} ({} / {}, {}), weight {:g}{}{}\n",
                       text.substr(reason.begin, reason.end - reason.begin), reason.begin, reason.end, cue.id,
                       taxonomy.differences[cue.difference].name, side_name(reason.side), cue_role_name(reason.role),
                       reason.weight,
                       reason.negated ? (cue.on_negation == NegationEffect::flip ? ", negated: flipped to support"
                                                                                 : ", negated: dropped")
                                      : "",
                       !reason.negated && reason.weight < cue.weight ? " (a repeat: half the one before)" : "");
  }
  out += "\nother-work matches (the duty is work that is neither)\n";
  if (result.other_reasons.empty()) out += "  (none)\n";
  for (const auto& reason : result.other_reasons) {
    out += fmt::format("  \"{}\" [{}, {}) -> {}, weight {:g}{}\n", text.substr(reason.begin, reason.end - reason.begin),
                       reason.begin, reason.end, matcher.cues()[reason.cue].id, reason.weight,
                       reason.negated ? ", negated: dropped" : "");
  }
  out += fmt::format("\n{:<40} {:>5} {:>10}\n", "scores by difference", "sales", "marketing");
  for (std::size_t d = 0; d < taxonomy.differences.size() && d < kDifferenceCount; ++d) {
    out += fmt::format("  {:<38} {:>5g} {:>10g}\n", taxonomy.differences[d].name, result.by_difference[d][0],
                       result.by_difference[d][1]);
  }
  out += fmt::format("  {:<38} {:>5g} {:>10g}\n", "total", result.scores[0], result.scores[1]);
  out += fmt::format("  {:<38} {:>5g} {:>10g}\n", "of which core", result.core[0], result.core[1]);
  out += fmt::format("  {:<38} {:>5g}\n", "other work", result.other);
  const auto& thresholds = taxonomy.thresholds;
  out += fmt::format("\nthresholds: min_evidence {:g}, other_share {:g}, mixed_share {:g}, evidence_scale {:g}",
                     thresholds.min_evidence, thresholds.other_share, thresholds.mixed_share,
                     thresholds.evidence_scale);
  if (classifier.options().min_confidence > 0.0) out += fmt::format(", --min-confidence {:g}", classifier.options().min_confidence);
  out += fmt::format("\n\ndecision: {} (confidence {:.2f})\n  ", label_name(result.label), result.confidence);
  const double total = result.scores[0] + result.scores[1];
  const double core = result.core[0] + result.core[1];
  const auto winner = static_cast<std::size_t>(result.label == Label::sales ? 0 : 1);
  switch (result.basis) {
    case Basis::evidence:
      out += fmt::format("only {} has core evidence ({:g}, at least min_evidence {:g}): the duty is {} work.\n",
                         label_name(result.label), result.core[winner], thresholds.min_evidence,
                         label_name(result.label));
      break;
    case Basis::prevails:
      out += fmt::format("both sides have core evidence; {} carries {:.0f}% of all evidence ({:g} of {:g}), at least "
                         "the {:.0f}% mixed_share requires.\n",
                         label_name(result.label), 100.0 * result.scores[winner] / total, result.scores[winner], total,
                         100.0 * thresholds.mixed_share);
      break;
    case Basis::conflict:
      out += fmt::format("neither side reaches {:.0f}% of the evidence (sales {:g}, marketing {:g}).\n",
                         100.0 * thresholds.mixed_share, result.scores[0], result.scores[1]);
      break;
    case Basis::weak_evidence:
      out += fmt::format("core evidence {:g} is below min_evidence {:g}: not enough to call it sales or marketing "
                         "work.\n",
                         core, thresholds.min_evidence);
      break;
    case Basis::support_only:
      out += fmt::format("only support evidence ({:g}): it says how work is done, not that the duty is sales or "
                         "marketing work.\n",
                         total);
      break;
    case Basis::other_work:
      out += fmt::format("other-work evidence {:g} holds at least {:.0f}% of other + sales + marketing evidence ({:g}).\n",
                         result.other, 100.0 * thresholds.other_share, result.other + total);
      break;
    case Basis::no_evidence: out += "no sales or marketing cue counted (none matched, or every match was negated).\n"; break;
    case Basis::empty: out += "the duty has no words.\n"; break;
    case Basis::low_confidence: out += "the confidence is below --min-confidence.\n"; break;
    case Basis::too_long: out += "the line is too long.\n"; break;
  }
  if (result.basis != Basis::empty) {
    out += fmt::format("\nreview: {} (confidence {:.2f}, review_confidence {:g}; margin {:.2f}, review_margin {:g})\n",
                       result.review ? "flagged for a person to check" : "not flagged", result.confidence,
                       thresholds.review_confidence, result.margin, thresholds.review_margin);
  }
  return out;
}

}  // namespace rolecheck
