#include "rolecheck/output/explanation.hpp"

#include <fmt/format.h>

#include "rolecheck/output/record_format.hpp"
#include "rolecheck/text/stemmer.hpp"

namespace rolecheck {
namespace {

// Scans `text` with `scanner` and decides it into `result`; the scan (owned by the scanner) is returned
// for the token and negation listings.
const ScanResult& scan_and_decide(const Classifier& classifier, Scanner& scanner, std::string_view text,
                                  Classification& result) {
  const ScanResult& scan = scanner.scan(text);
  classifier.decide(scan, scanner, result);
  return scan;
}

// "1" when core evidence alone reaches min_evidence, else "1 + 1 credited support" (support_credit).
std::string core_evidence_text(const Classification& result, std::size_t side, const Thresholds& thresholds) {
  const double support = result.scores[side] - result.core[side];
  if (result.core[side] >= thresholds.min_evidence || thresholds.support_credit * support <= 0.0) {
    return fmt::format("{:g}", result.core[side]);
  }
  return fmt::format("{:g} + {:g} credited support", result.core[side], thresholds.support_credit * support);
}

}  // namespace

std::string explain_decision(const Classifier& classifier, std::string_view text) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& matcher = classifier.matcher();
  Scanner scanner = classifier.make_scanner();
  Classification result;
  const ScanResult& scan = scan_and_decide(classifier, scanner, text, result);

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
  out += fmt::format(
      "\nthresholds: min_evidence {:g}, support_credit {:g}, other_share {:g}, mixed_share {:g}, evidence_scale {:g}",
      thresholds.min_evidence, thresholds.support_credit, thresholds.other_share, thresholds.mixed_share,
      thresholds.evidence_scale);
  if (classifier.options().min_confidence > 0.0) out += fmt::format(", --min-confidence {:g}", classifier.options().min_confidence);
  out += fmt::format("\n\ndecision: {} (confidence {:.{}f})\n  ", label_name(result.label), result.confidence,
                     kConfidenceDecimals);
  const double total = result.scores[0] + result.scores[1];
  const double core = result.core[0] + result.core[1];
  const auto winner = static_cast<std::size_t>(result.label == Label::sales ? 0 : 1);
  switch (result.basis) {
    case Basis::evidence:
      out += fmt::format("only {} has core evidence ({}, at least min_evidence {:g}): the duty is {} work.\n",
                         label_name(result.label), core_evidence_text(result, winner, thresholds),
                         thresholds.min_evidence,
                         label_name(result.label));
      break;
    case Basis::support_against:
      out += fmt::format("only {} has core evidence ({}, at least min_evidence {:g}): the duty is {} work; {} has "
                         "support evidence only ({:g}), which lowers the confidence but cannot make a label.\n",
                         label_name(result.label), core_evidence_text(result, winner, thresholds),
                         thresholds.min_evidence,
                         label_name(result.label), label_name(winner == 0 ? Label::marketing : Label::sales),
                         result.scores[1 - winner]);
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
    out += fmt::format("\nreview: {} (confidence {:.{}f}, review_confidence {:g}; margin {:.2f}, review_margin {:g})\n",
                       result.review ? "flagged for a person to check" : "not flagged", result.confidence,
                       kConfidenceDecimals,
                       thresholds.review_confidence, result.margin, thresholds.review_margin);
  }
  return out;
}

std::string explain_decision_json(const Classifier& classifier, std::string_view text) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& matcher = classifier.matcher();
  Scanner scanner = classifier.make_scanner();
  Classification result;
  const ScanResult& scan = scan_and_decide(classifier, scanner, text, result);
  const auto span = [&](std::size_t begin, std::size_t end) {
    return fmt::format("[{},{}]", begin, end);
  };
  std::string out = "{\"text\":";
  append_json_string(out, text);
  out += ",\"label\":\"";
  out += label_name(result.label);
  out += "\",\"confidence\":";
  append_confidence(out, result.confidence);
  out += result.review ? ",\"review\":true" : ",\"review\":false";
  out += ",\"margin\":";
  append_json_number(out, result.margin);
  out += ",\"basis\":";
  append_json_string(out, basis_description(result.basis));
  out += ',';
  append_json_scores(out, result);
  out += ",\"by_difference\":[";
  for (std::size_t d = 0; d < taxonomy.differences.size() && d < kDifferenceCount; ++d) {
    out += d == 0 ? "{\"id\":" : ",{\"id\":";
    append_json_string(out, taxonomy.differences[d].id);
    out += ",\"sales\":";
    append_json_number(out, result.by_difference[d][0]);
    out += ",\"marketing\":";
    append_json_number(out, result.by_difference[d][1]);
    out += '}';
  }
  out += "],\"tokens\":[";
  Stemmer stemmer;
  for (std::size_t i = 0; i < scan.words.tokens.size(); ++i) {
    const auto& token = scan.words.tokens[i];
    const auto word = scan.words.word(token);
    const auto terms = scan.terms[i];
    out += i == 0 ? "{\"word\":" : ",{\"word\":";
    append_json_string(out, word);
    out += ",\"stem\":";
    append_json_string(out, stemmer.stem(word));
    out += ",\"span\":" + span(token.begin, token.end);
    out += ",\"use\":\"";
    out += matcher.is_skip_term(terms.stem) ? "skip" : (terms.stem >= 0 || terms.exact >= 0 ? "phrase" : "none");
    out += token.clause_start ? "\",\"clause_start\":true}" : "\",\"clause_start\":false}";
  }
  out += "],\"negations\":[";
  for (std::size_t i = 0; i < scan.negations.size(); ++i) {
    const auto& negation = scan.negations[i];
    out += i == 0 ? "{\"match\":" : ",{\"match\":";
    append_json_string(out, text.substr(negation.begin, negation.end - negation.begin));
    out += ",\"span\":" + span(negation.begin, negation.end) + '}';
  }
  out += "],\"reasons\":";
  append_json_reasons(out, result, text, classifier);
  out += ",\"other_work\":";
  append_json_other_work(out, result, text, classifier);
  const auto& thresholds = taxonomy.thresholds;
  out += ",\"thresholds\":{\"min_evidence\":";
  append_json_number(out, thresholds.min_evidence);
  out += ",\"support_credit\":";
  append_json_number(out, thresholds.support_credit);
  out += ",\"other_share\":";
  append_json_number(out, thresholds.other_share);
  out += ",\"mixed_share\":";
  append_json_number(out, thresholds.mixed_share);
  out += ",\"evidence_scale\":";
  append_json_number(out, thresholds.evidence_scale);
  out += ",\"review_confidence\":";
  append_json_number(out, thresholds.review_confidence);
  out += ",\"review_margin\":";
  append_json_number(out, thresholds.review_margin);
  out += ",\"negation_scope\":";
  out += std::to_string(matcher.negation_scope());
  out += "},\"min_confidence\":";
  append_json_number(out, classifier.options().min_confidence);
  out += "}\n";
  return out;
}

}  // namespace rolecheck
