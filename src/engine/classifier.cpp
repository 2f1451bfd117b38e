#include "rolecheck/engine/classifier.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "rolecheck/text/text.hpp"

namespace rolecheck {

std::string_view label_name(Label label) noexcept {
  switch (label) {
    case Label::sales: return "sales";
    case Label::marketing: return "marketing";
    case Label::other: return "other";
    case Label::mixed: return "mixed";
    case Label::unknown: break;
  }
  return "unknown";
}

std::optional<Label> parse_label(std::string_view text) noexcept {
  for (const auto label : {Label::sales, Label::marketing, Label::other, Label::mixed, Label::unknown}) {
    if (label_name(label) == text) return label;
  }
  return std::nullopt;
}

std::string_view basis_description(Basis basis) noexcept {
  switch (basis) {
    case Basis::evidence: return "only one side has evidence of sales or marketing work";
    case Basis::prevails: return "both sides carry evidence; one clearly more";
    case Basis::conflict: return "both sides carry evidence, no clear winner";
    case Basis::empty: return "empty";
    case Basis::no_evidence: return "no sales or marketing cue matched";
    case Basis::support_only: return "only evidence of how work is done, none of sales or marketing work";
    case Basis::weak_evidence: return "too little evidence of sales or marketing work";
    case Basis::other_work: return "evidence of other work outweighs";
    case Basis::low_confidence: return "confidence below --min-confidence";
    case Basis::too_long: return "line longer than --max-line-bytes";
    case Basis::support_against: return "both sides carry evidence; only one of sales or marketing work itself";
    case Basis::unreadable: return "the record could not be read";
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

namespace {

// The stronger side's case against "other work": its core evidence, and its support at half weight (support is a
// hint that a duty might be that side's work, never proof of it).
double runner_up_evidence(const Classification& out) {
  const double sales_support = out.scores[0] - out.core[0];
  const double marketing_support = out.scores[1] - out.core[1];
  return std::max(out.core[0] + sales_support / 2, out.core[1] + marketing_support / 2);
}

// Where the window starting at `begin` ends: after the last ASCII clause break in its second half, else after
// its last other ASCII separator (space, hyphen, ...), else at the last UTF-8 character boundary; the rest of the
// text when it fits.
std::size_t window_end(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= kScanWindowBytes) return text.size();
  const std::size_t limit = begin + kScanWindowBytes;
  const std::size_t half = begin + kScanWindowBytes / 2;
  for (auto i = limit; i > half; --i) {
    if (kAsciiClauseBreaks.find(text[i - 1]) != std::string_view::npos) return i;
  }
  for (auto i = limit; i > half; --i) {
    const auto c = static_cast<unsigned char>(text[i - 1]);
    if (c < 0x80 && std::isalnum(c) == 0 && c != '\'') return i;  // any ASCII separator ends a word
  }
  auto i = limit;
  while (i > half && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

void Classifier::classify(std::string_view text, Scanner& scanner, Classification& out) const {
  if (text.size() <= kScanWindowBytes) {
    decide(scanner.scan(text), scanner, out);
    return;
  }
  // Clause breaks end every phrase and every negation's scope, so scanning window by window finds the same
  // matches as one scan would; only the repeat counters carry over from one window to the next.
  start(scanner, out);
  bool has_words = false;
  for (std::size_t begin = 0; begin < text.size();) {
    const auto end = window_end(text, begin);
    const auto& scan = scanner.scan(text.substr(begin, end - begin));
    has_words = has_words || !scan.words.tokens.empty();
    add_matches(scan, static_cast<std::uint32_t>(begin), scanner.m_repeats, out);
    begin = end;
  }
  std::fill(scanner.m_repeats.begin(), scanner.m_repeats.end(), 0);
  finish(has_words, out);
}

void Classifier::decide(const ScanResult& scan, Scanner& scratch, Classification& out) const {
  start(scratch, out);
  auto& repeats = scratch.m_repeats;
  add_matches(scan, 0, repeats, out);
  // Reset only the counters this duty touched.
  for (const auto& match : scan.matches) {
    repeats[std::size_t{match.cue} * 2] = 0;
    repeats[std::size_t{match.cue} * 2 + 1] = 0;
  }
  finish(!scan.words.tokens.empty(), out);
}

void Classifier::start(Scanner& scratch, Classification& out) const {
  out.scores = {};
  out.core = {};
  out.other = 0.0;
  out.by_difference = {};
  out.reasons.clear();
  out.other_reasons.clear();
  out.reasons_omitted = 0;
  out.other_reasons_omitted = 0;
  out.strongest = {};
  out.strongest_by_difference = {};
  // A cue's further matches on the same side add half the weight of the one before (diminishing
  // returns); counted per cue and side so the cost stays linear in the matches.
  scratch.m_repeats.resize(m_matcher->cues().size() * 2);
}

void Classifier::add_matches(const ScanResult& scan, std::uint32_t offset, std::vector<std::uint32_t>& repeats,
                             Classification& out) const {
  const auto& cues = m_matcher->cues();
  for (const auto& match : scan.matches) {
    const auto& cue = cues[match.cue];
    Reason reason{match.cue, cue.side, match.begin + offset, match.end + offset, cue.weight, match.negated, cue.role};
    if (match.negated) {
      if (cue.on_negation == NegationEffect::flip && cue.role != CueRole::other) {
        // "not responsible for selling": a hint for the other side, never proof that the duty is its work.
        reason.side = opposite(cue.side);
        reason.role = CueRole::support;
      } else {
        reason.weight = 0.0;
      }
    }
    if (reason.weight > 0.0) {
      auto& seen = repeats[std::size_t{match.cue} * 2 + static_cast<std::size_t>(reason.side)];
      reason.weight = std::ldexp(reason.weight, -static_cast<int>(std::min<std::uint32_t>(seen, 1000)));
      ++seen;
    }
    if (reason.role == CueRole::other) {
      out.other += reason.weight;
      if (out.other_reasons.size() < kMaxListedReasons) {
        out.other_reasons.push_back(reason);
      } else {
        ++out.other_reasons_omitted;
      }
      continue;
    }
    const auto side = static_cast<std::size_t>(reason.side);
    out.scores[side] += reason.weight;
    if (reason.role == CueRole::core) out.core[side] += reason.weight;
    if (cue.difference < kDifferenceCount) {
      out.by_difference[cue.difference][side] += reason.weight;
      auto& best = out.strongest_by_difference[cue.difference][side];
      if (reason.weight > best.weight) best = reason;
    }
    out.strongest[side] = std::max(out.strongest[side], reason.weight);
    if (out.reasons.size() < kMaxListedReasons) {
      out.reasons.push_back(reason);
    } else {
      ++out.reasons_omitted;
    }
  }
}

void Classifier::finish(bool has_words, Classification& out) const {
  if (!has_words) {
    out.label = Label::unknown;
    out.basis = Basis::empty;
    out.confidence = 1.0;
    out.margin = 0.0;
    out.review = false;
    return;
  }
  label_from_scores(out);
}

void Classifier::label_from_scores(Classification& out) const {
  const auto& thresholds = m_taxonomy->thresholds;
  const double sales = out.scores[0];
  const double marketing = out.scores[1];
  const double total = sales + marketing;
  const double core = out.core[0] + out.core[1];
  // Once a side has core evidence, part of its support counts toward min_evidence too: a customer alone is
  // not selling, a customer with a demonstration, an order or a negotiation is.
  double credited = core;
  for (std::size_t side = 0; side < 2; ++side) {
    if (out.core[side] > 0.0) credited += thresholds.support_credit * (out.scores[side] - out.core[side]);
  }
  const double other = out.other;
  // Other work is weighed against all the evidence for either side: support cannot make a label, but it
  // can tip the balance between "this is selling or marketing" and "this is other work".
  const bool other_outweighs = other > 0.0 && other >= thresholds.other_share * (other + total);
  if (credited < thresholds.min_evidence || other_outweighs) {
    // Not sales or marketing work: say which evidence was missing or too weak.
    out.label = Label::other;
    if (other_outweighs && core > 0.0) {
      out.basis = Basis::other_work;
    } else if (core > 0.0) {
      out.basis = Basis::weak_evidence;
    } else if (total > 0.0) {
      out.basis = Basis::support_only;
    } else {
      out.basis = other > 0.0 ? Basis::other_work : Basis::no_evidence;
    }
    // As sure as "neither" beats the stronger side (the review margin is 2 x confidence - 1): a duty
    // called other on support alone is not called so with confidence 1.
    const double against = other + thresholds.other_prior;
    out.confidence = against / (against + runner_up_evidence(out));
  } else {
    const double saturation = 1.0 - std::exp(-total / thresholds.evidence_scale);
    const double relevance = total / (total + other);
    if (out.core[0] <= 0.0 || out.core[1] <= 0.0) {
      // Only one side has core evidence: it is that side's work; support on the other side only lowers
      // the confidence.
      const std::size_t winner = out.core[0] > 0.0 ? 0 : 1;
      out.label = winner == 0 ? Label::sales : Label::marketing;
      // Both sides carry evidence when the loser has support (how work is done): say so.
      out.basis = out.scores[1 - winner] > 0.0 ? Basis::support_against : Basis::evidence;
      out.confidence = saturation * (out.scores[winner] / total) * relevance;
    } else {
      const double share = std::max(sales, marketing) / total;
      // A tie is broken by the single strongest piece of evidence; a tie there too is mixed.
      const auto& strongest = out.strongest;
      const bool tied = sales == marketing && strongest[0] == strongest[1];
      if (share < thresholds.mixed_share || tied) {
        out.label = Label::mixed;
        out.basis = Basis::conflict;
        out.confidence = saturation * (1.0 - std::abs(sales - marketing) / total) * relevance;
      } else {
        const bool sales_wins = sales != marketing ? sales > marketing : strongest[0] > strongest[1];
        out.label = sales_wins ? Label::sales : Label::marketing;
        out.basis = Basis::prevails;
        out.confidence = saturation * share * relevance;
      }
    }
  }
  if (out.confidence < m_options.min_confidence) {
    out.label = Label::unknown;
    out.basis = Basis::low_confidence;
  }
  flag_for_review(out);
}

void Classifier::mark_unread(Basis basis, Classification& out) const {
  out = Classification{};
  out.label = Label::unknown;
  out.basis = basis;
  out.confidence = 1.0;
  flag_for_review(out);
}

void Classifier::flag_for_review(Classification& out) const {
  const auto& thresholds = m_taxonomy->thresholds;
  const double sales = out.scores[0];
  const double marketing = out.scores[1];
  if (out.label == Label::other) {
    // How clearly "neither" beats the stronger side (runner_up_evidence).
    const double against = out.other + thresholds.other_prior;
    const double side = runner_up_evidence(out);
    out.margin = (against - side) / (against + side);
  } else {
    out.margin = sales + marketing > 0.0 ? std::abs(sales - marketing) / (sales + marketing) : 0.0;
  }
  switch (out.basis) {
    case Basis::empty: out.review = false; break;  // nothing to review
    case Basis::too_long:
    case Basis::unreadable:
    case Basis::low_confidence: out.review = true; break;
    default: out.review = out.confidence < thresholds.review_confidence || out.margin < thresholds.review_margin;
  }
}

}  // namespace rolecheck
