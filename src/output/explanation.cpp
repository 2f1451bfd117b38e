#include "rolecheck/output/explanation.hpp"

#include <fmt/format.h>
#include <vector>

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

// The negation that governs the match at [begin, end) of the scan, or nullptr.
const Match* governing_negation(const ScanResult& scan, std::uint32_t begin, std::uint32_t end) {
  for (const auto& match : scan.matches) {
    if (match.begin == begin && match.end == end && match.negated && match.negation < scan.negations.size()) {
      return &scan.negations[match.negation];
    }
  }
  return nullptr;
}

// " (by \"not\" before it)" or " (by \"is not required\" after it)": which negation governs a negated match.
std::string negated_by_text(const ScanResult& scan, std::string_view text, std::uint32_t begin, std::uint32_t end) {
  const Match* negation = governing_negation(scan, begin, end);
  if (negation == nullptr) return "";
  return fmt::format(" (by \"{}\" {} it)", text.substr(negation->begin, negation->end - negation->begin),
                     negation->backward ? "after" : "before");
}

}  // namespace

std::string explain_decision(const Classifier& classifier, std::string_view text) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& matcher = classifier.matcher();
  Scanner scanner = classifier.make_scanner();
  Classification result;
  const ScanResult& scan = scan_and_decide(classifier, scanner, text, result);

  std::string out =
      fmt::format("duty: {}\n\ntokens (word -> stem; * = used by a cue or negation phrase, - = skip word)\n", text);
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
    out += fmt::format("  \"{}\" at [{}, {}) governs up to {} {} words in its clause\n",
                       text.substr(negation.begin, negation.end - negation.begin), negation.begin, negation.end,
                       matcher.negation_scope(), negation.backward ? "preceding" : "following");
  }
  out += "\ncue matches (core: the duty is this side's work; support: how work is done, tips only)\n";
  if (result.reasons.empty()) out += "  (none)\n";
  for (const auto& reason : result.reasons) {
    const auto& cue = matcher.cues()[reason.cue];
    out += fmt::format(
        "  \"{}\" [{}, {}) -> {} ({} / {}, {}), weight {:g}{}{}{}\n",
        text.substr(reason.begin, reason.end - reason.begin), reason.begin, reason.end, cue.id,
        taxonomy.differences[cue.difference].name, side_name(reason.side), cue_role_name(reason.role), reason.weight,
        reason.negated
            ? (cue.on_negation == NegationEffect::flip ? ", negated: flipped to support" : ", negated: dropped")
            : "",
        reason.negated ? negated_by_text(scan, text, reason.begin, reason.end) : "",
        !reason.negated && reason.weight < cue.weight ? " (a repeat: half the one before)" : "");
  }
  out += "\nother-work matches (the duty is work that is neither)\n";
  if (result.other_reasons.empty()) out += "  (none)\n";
  for (const auto& reason : result.other_reasons) {
    out +=
        fmt::format("  \"{}\" [{}, {}) -> {}, weight {:g}{}\n", text.substr(reason.begin, reason.end - reason.begin),
                    reason.begin, reason.end, matcher.cues()[reason.cue].id, reason.weight,
                    reason.negated ? ", negated: dropped" + negated_by_text(scan, text, reason.begin, reason.end) : "");
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
  if (classifier.options().min_confidence > 0.0)
    out += fmt::format(", --min-confidence {:g}", classifier.options().min_confidence);
  out += fmt::format("\n\ndecision: {} (confidence {:.{}f})\n  ", label_name(result.label), result.confidence,
                     kConfidenceDecimals);
  const double total = result.scores[0] + result.scores[1];
  const double core = result.core[0] + result.core[1];
  const auto winner = static_cast<std::size_t>(result.label == Label::sales ? 0 : 1);
  switch (result.basis) {
    case Basis::evidence:
      out += fmt::format("only {} has core evidence ({}, at least min_evidence {:g}): the duty is {} work.\n",
                         label_name(result.label), core_evidence_text(result, winner, thresholds),
                         thresholds.min_evidence, label_name(result.label));
      break;
    case Basis::support_against:
      out += fmt::format(
          "only {} has core evidence ({}, at least min_evidence {:g}): the duty is {} work; {} has "
          "support evidence only ({:g}), which lowers the confidence but cannot make a label.\n",
          label_name(result.label), core_evidence_text(result, winner, thresholds), thresholds.min_evidence,
          label_name(result.label), label_name(winner == 0 ? Label::marketing : Label::sales),
          result.scores[1 - winner]);
      break;
    case Basis::prevails:
      out += fmt::format(
          "both sides have core evidence; {} carries {:.0f}% of all evidence ({:g} of {:g}), at least "
          "the {:.0f}% mixed_share requires.\n",
          label_name(result.label), 100.0 * result.scores[winner] / total, result.scores[winner], total,
          100.0 * thresholds.mixed_share);
      break;
    case Basis::conflict:
      out += fmt::format("neither side reaches {:.0f}% of the evidence (sales {:g}, marketing {:g}).\n",
                         100.0 * thresholds.mixed_share, result.scores[0], result.scores[1]);
      break;
    case Basis::weak_evidence:
      out += fmt::format(
          "core evidence {:g} is below min_evidence {:g}: not enough to call it sales or marketing "
          "work.\n",
          core, thresholds.min_evidence);
      break;
    case Basis::support_only:
      out += fmt::format(
          "only support evidence ({:g}): it says how work is done, not that the duty is sales or "
          "marketing work.\n",
          total);
      break;
    case Basis::other_work:
      out +=
          fmt::format("other-work evidence {:g} holds at least {:.0f}% of other + sales + marketing evidence ({:g}).\n",
                      result.other, 100.0 * thresholds.other_share, result.other + total);
      break;
    case Basis::no_evidence:
      out += "no sales or marketing cue counted (none matched, or every match was negated).\n";
      break;
    case Basis::empty: out += "the duty has no words.\n"; break;
    case Basis::low_confidence: out += "the confidence is below --min-confidence.\n"; break;
    case Basis::too_long: out += "the line is too long.\n"; break;
    case Basis::unreadable: out += "the record could not be read.\n"; break;
  }
  if (result.basis != Basis::empty) {
    out += fmt::format("\nreview: {} (confidence {:.{}f}, review_confidence {:g}; margin {:.2f}, review_margin {:g})\n",
                       result.review ? "flagged for a person to check" : "not flagged", result.confidence,
                       kConfidenceDecimals, thresholds.review_confidence, result.margin, thresholds.review_margin);
  }
  return out;
}

namespace {

// The member "by_difference": each difference's sales and marketing evidence.
void write_json_by_difference(JsonWriter& json, const Classification& result, const Taxonomy& taxonomy) {
  json.key("by_difference").begin_array();
  for (std::size_t d = 0; d < taxonomy.differences.size() && d < kDifferenceCount; ++d) {
    json.begin_object();
    json.key("id").string(taxonomy.differences[d].id);
    json.key("sales").number(result.by_difference[d][0]);
    json.key("marketing").number(result.by_difference[d][1]);
    json.end_object();
  }
  json.end_array();
}

// The members "tokens" (each word, its stem, span, use by the cues and clause start) and "negations" (each
// with its direction and the spans of the cue matches it governs).
void write_json_scan(JsonWriter& json, const ScanResult& scan, const Matcher& matcher, std::string_view text) {
  json.key("tokens").begin_array();
  Stemmer stemmer;
  for (std::size_t i = 0; i < scan.words.tokens.size(); ++i) {
    const auto& token = scan.words.tokens[i];
    const auto word = scan.words.word(token);
    const auto terms = scan.terms[i];
    json.begin_object();
    json.key("word").string(word);
    json.key("stem").string(stemmer.stem(word));
    json.key("span").begin_array().integer(token.begin).integer(token.end).end_array();
    const bool used = terms.stem >= 0 || terms.exact >= 0;
    json.key("use").string(matcher.is_skip_term(terms.stem) ? "skip" : (used ? "phrase" : "none"));
    json.key("clause_start").boolean(token.clause_start);
    json.end_object();
  }
  json.end_array();
  // The matches each negation governs, grouped in one pass (linear however many negations a line holds).
  std::vector<std::vector<std::size_t>> governed(scan.negations.size());
  for (std::size_t m = 0; m < scan.matches.size(); ++m) {
    if (scan.matches[m].negated) governed[scan.matches[m].negation].push_back(m);
  }
  json.key("negations").begin_array();
  for (std::size_t n = 0; n < scan.negations.size(); ++n) {
    const auto& negation = scan.negations[n];
    json.begin_object();
    json.key("match").string(text.substr(negation.begin, negation.end - negation.begin));
    json.key("span").begin_array().integer(negation.begin).integer(negation.end).end_array();
    json.key("direction").name(negation.backward ? "backward" : "forward");
    json.key("governs").begin_array();
    for (const auto m : governed[n])
      json.begin_array().integer(scan.matches[m].begin).integer(scan.matches[m].end).end_array();
    json.end_array();
    json.end_object();
  }
  json.end_array();
}

// The member "thresholds": the taxonomy's thresholds and the matcher's negation scope.
void write_json_thresholds(JsonWriter& json, const Thresholds& thresholds, const Matcher& matcher) {
  json.key("thresholds").begin_object();
  json.key("min_evidence").number(thresholds.min_evidence);
  json.key("support_credit").number(thresholds.support_credit);
  json.key("other_share").number(thresholds.other_share);
  json.key("mixed_share").number(thresholds.mixed_share);
  json.key("evidence_scale").number(thresholds.evidence_scale);
  json.key("review_confidence").number(thresholds.review_confidence);
  json.key("review_margin").number(thresholds.review_margin);
  json.key("negation_scope").integer(matcher.negation_scope());
  json.end_object();
}

}  // namespace

std::string explain_decision_json(const Classifier& classifier, std::string_view text) {
  const auto& taxonomy = classifier.taxonomy();
  Scanner scanner = classifier.make_scanner();
  Classification result;
  const ScanResult& scan = scan_and_decide(classifier, scanner, text, result);
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("text").string(text);
  json.key("label").name(label_name(result.label));
  json.key("confidence").confidence(result.confidence);
  json.key("review").boolean(result.review);
  json.key("margin").number(result.margin);
  json.key("basis").name(basis_description(result.basis));
  write_json_scores(json, result);
  write_json_by_difference(json, result, taxonomy);
  write_json_scan(json, scan, classifier.matcher(), text);
  write_json_reasons(json, result, text, classifier);
  write_json_other_work(json, result, text, classifier);
  write_json_thresholds(json, taxonomy.thresholds, classifier.matcher());
  json.key("min_confidence").number(classifier.options().min_confidence);
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace rolecheck
