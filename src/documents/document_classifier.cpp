#include "rolecheck/documents/document_classifier.hpp"

#include <algorithm>
#include <cmath>

namespace rolecheck {

std::string_view role_label_name(RoleLabel label) noexcept {
  switch (label) {
    case RoleLabel::sales: return "sales";
    case RoleLabel::marketing: return "marketing";
    case RoleLabel::other: return "other";
    case RoleLabel::hybrid: return "hybrid";
    case RoleLabel::unknown: break;
  }
  return "unknown";
}

bool has_role_leaning(RoleLabel label) noexcept {
  return label == RoleLabel::sales || label == RoleLabel::marketing || label == RoleLabel::hybrid;
}

namespace {

// Empties the verdict's counters before a document's duties vote.
void start_document(DocumentResult& out) {
  out.duty_count = out.split.size();
  out.duties.resize(std::min(out.split.size(), kMaxListedDuties));
  out.voting = 0;
  out.voting_body = 0;
  out.votes = {};
  out.leaning = {};
  out.work = {};
  out.work_shares = {};
  out.role_evidence = 0.0;
  out.differences = {};
}

// True when the document has a duties section (text before the first heading is then mostly about the company).
bool has_duties_section(const std::vector<Duty>& duties) {
  return std::any_of(duties.begin(), duties.end(),
                     [](const Duty& duty) { return duty.section == SectionKind::duties; });
}

// Moves the spans of a duty's reasons from the duty's text to the document's.
void shift_spans(Classification& result, std::uint32_t by) {
  for (auto* reasons : {&result.reasons, &result.other_reasons}) {
    for (auto& reason : *reasons) {
      reason.begin += by;
      reason.end += by;
    }
  }
}

// The strongest evidence per difference and side over every duty, listed or not: each duty is noted as it is
// classified, so the duties past kMaxListedDuties need no memory of their own.
class StrongestEvidence {
 public:
  // Notes the duty at `index` (boilerplate never counts; requirements count for execution capabilities).
  void note(const DutyResult& entry, std::size_t index) {
    if (entry.duty.section == SectionKind::boilerplate) return;
    for (std::size_t d = 0; d < kDifferenceCount; ++d) {
      for (std::size_t side = 0; side < 2; ++side) {
        const auto& reason = entry.result.strongest_by_difference[d][side];
        const auto target = entry.duty.section == SectionKind::requirements ? kExecutionDifference : d;
        auto& found = m_found[side][target];
        if (reason.weight <= 0.0) continue;
        // The first strongest match wins a tie.
        const bool stronger = reason.weight > m_best[target][side];
        const bool earlier_tie = reason.weight == m_best[target][side] && found.duty == index &&
                                 reason.begin + entry.duty.begin < found.strongest.begin;
        if (!stronger && !earlier_tie) continue;
        m_best[target][side] = reason.weight;
        found.duty = index;
        found.strongest = reason;
        found.strongest.begin += entry.duty.begin;
        found.strongest.end += entry.duty.begin;
      }
    }
  }

  // Gives each difference with evidence its side, and that side's strongest evidence and duty.
  void decide_differences(std::array<DifferenceVerdict, kDifferenceCount>& differences) const {
    for (std::size_t d = 0; d < kDifferenceCount; ++d) {
      auto& verdict = differences[d];
      verdict.has_evidence = verdict.evidence[0] + verdict.evidence[1] > 0.0;
      if (!verdict.has_evidence) continue;
      verdict.side = verdict.evidence[1] > verdict.evidence[0] ? Side::marketing : Side::sales;
      const auto& found = m_found[static_cast<std::size_t>(verdict.side)][d];
      verdict.duty = found.duty;
      verdict.strongest = found.strongest;
    }
  }

 private:
  std::array<std::array<double, 2>, kDifferenceCount> m_best{};
  std::array<DifferenceVerdict, kDifferenceCount> m_found[2]{};
};

}  // namespace

DocumentClassifier::DocumentClassifier(const Classifier& classifier, DocumentOptions options)
    : m_classifier(&classifier), m_options(options) {}

void DocumentClassifier::classify(std::string_view document, Scanner& scanner, DocumentResult& out) const {
  split_document(document, out.split);
  start_document(out);
  const bool duties_section = has_duties_section(out.split);
  StrongestEvidence strongest;
  DutyResult spare;
  for (std::size_t i = 0; i < out.split.size(); ++i) {
    auto& entry = i < out.duties.size() ? out.duties[i] : spare;
    entry.duty = out.split[i];
    m_classifier->classify(entry.duty.text(document), scanner, entry.result);
    shift_spans(entry.result, entry.duty.begin);
    entry.vote_weight = vote_weight(entry.duty, entry.duty.text(document), entry.result, duties_section);
    vote(entry, out);
    strongest.note(entry, i);
  }
  strongest.decide_differences(out.differences);
  decide(out);
}

namespace {

// True when other-work evidence lies in the title's job name: the part before a qualifier that follows a
// comma, colon, bracket, bar or spaced dash ("Account Executive, Payroll Solutions" names a sales job).
bool names_other_job(const Duty& duty, std::string_view title, const Classification& result) {
  if (result.other == 0.0) return false;
  std::size_t head = title.find_first_of(",:(|[");
  for (const std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) head = std::min(head, title.find(dash));
  if (head == std::string_view::npos) return true;
  return std::any_of(result.other_reasons.begin(), result.other_reasons.end(),
                     [&](const Reason& reason) { return reason.begin < duty.begin + head; });
}

}  // namespace

double DocumentClassifier::vote_weight(const Duty& duty, std::string_view text, const Classification& result,
                                       bool has_duties_section) const {
  const auto section = duty.section;
  // An unknown duty (no words, or evidence below --min-confidence) does not vote; records show its weight as 0.
  if (section == SectionKind::boilerplate || result.label == Label::unknown) return 0.0;
  // A title weighs a lot when it names a sales or marketing job; any other title counts as one duty, and so
  // does one whose job name also names other work ("Sales Administrator": the admin job of a sales office).
  if (section == SectionKind::title && result.label != Label::other && !names_other_job(duty, text, result))
    return m_options.title_weight;
  if (section == SectionKind::requirements) return m_options.requirement_weight;
  if (section == SectionKind::intro && has_duties_section) return m_options.intro_weight;
  return 1.0;
}

void DocumentClassifier::vote(const DutyResult& entry, DocumentResult& out) const {
  const auto section = entry.duty.section;
  if (section == SectionKind::boilerplate) return;
  const auto& result = entry.result;
  // Evidence per difference, from every match (listed or not): requirements evidence execution capabilities.
  for (std::size_t side = 0; side < 2; ++side) {
    if (section == SectionKind::requirements) {
      out.differences[kExecutionDifference].evidence[side] += result.scores[side];
      continue;
    }
    for (std::size_t d = 0; d < kDifferenceCount; ++d)
      out.differences[d].evidence[side] += result.by_difference[d][side];
  }
  if (result.label == Label::unknown) return;
  const double weight = entry.vote_weight;
  if (weight > 0.0) ++out.voting;
  if (weight > 0.0 && section != SectionKind::title) ++out.voting_body;
  // A title that names both jobs ("Sales & Marketing Coordinator") counts for both, whichever side its
  // cue weights favour: the duties decide between them.
  const bool both_jobs =
      section == SectionKind::title && result.label != Label::other && result.core[0] > 0.0 && result.core[1] > 0.0;
  // Every labelled duty says what kind of work the role is; only sales and marketing work votes on which.
  switch (both_jobs ? Label::mixed : result.label) {
    case Label::sales: out.work[0] += weight; break;
    case Label::marketing: out.work[1] += weight; break;
    case Label::mixed:
      out.work[0] += weight / 2;
      out.work[1] += weight / 2;
      break;
    case Label::other: out.work[2] += weight; break;
    case Label::unknown: break;
  }
  const double total = result.scores[0] + result.scores[1];
  if (result.label == Label::other || total <= 0.0) return;
  out.role_evidence += weight * std::min(result.core[0] + result.core[1], m_options.duty_cap);
  std::array<double, 2> vote{std::min(result.scores[0], m_options.duty_cap),
                             std::min(result.scores[1], m_options.duty_cap)};
  if (both_jobs) vote[0] = vote[1] = (vote[0] + vote[1]) / 2;
  out.votes[0] += weight * vote[0];
  out.votes[1] += weight * vote[1];
  if (result.label == Label::sales) ++out.leaning[0];
  if (result.label == Label::marketing) ++out.leaning[1];
}

void DocumentClassifier::decide(DocumentResult& out) const {
  const double work = out.work[0] + out.work[1] + out.work[2];
  out.margin = 0.0;
  out.review = false;
  out.below_min_confidence = false;
  if (work <= 0.0) {
    out.label = RoleLabel::unknown;  // nothing voted: no duties, or only boilerplate and unknowns
    out.shares = {};
    out.confidence = 1.0;
    return;  // nothing to review
  }
  for (std::size_t k = 0; k < out.work.size(); ++k) out.work_shares[k] = out.work[k] / work;
  decide_verdict(out);
  flag_for_review(out);
  // --min-confidence applies to the verdict as it does to each duty: a weaker verdict is unknown, for review.
  if (out.label != RoleLabel::unknown && out.confidence < m_classifier->options().min_confidence) {
    out.label = RoleLabel::unknown;
    out.below_min_confidence = true;
    out.review = true;
  }
}

void DocumentClassifier::decide_verdict(DocumentResult& out) const {
  const double work = out.work[0] + out.work[1] + out.work[2];
  const double total = out.votes[0] + out.votes[1];
  out.shares = {};
  if (total > 0.0) out.shares = {out.votes[0] / total, out.votes[1] / total};
  out.role_evidence /= work;
  // A role needs sales or marketing duties: one with strong core evidence, or a few (one stray duty that
  // reads as selling does not make a cook's posting a sales role).
  const double role_duties = out.work[0] + out.work[1];
  const bool few_duties = role_duties < m_options.min_role_duties || (role_duties < m_options.confirm_role_duties &&
                                                                      out.role_evidence < m_options.min_role_evidence);
  if ((total <= 0.0 || few_duties) && out.work[2] <= 0.0) {
    out.label = RoleLabel::unknown;  // a little sales or marketing evidence and nothing else: too little to judge
    out.confidence = 0.0;
    return;
  }
  if (total <= 0.0 || few_duties) {
    out.label = RoleLabel::other;  // mostly other work: not a sales or marketing role
    out.confidence = out.work_shares[2] * (1.0 - std::exp(-work / m_options.work_scale));
    return;
  }
  const double saturation = 1.0 - std::exp(-total / m_options.vote_scale);
  const double minority = std::min(out.shares[0], out.shares[1]);
  const auto leaning = out.leaning[0] + out.leaning[1];
  const bool both_lean = out.leaning[0] >= m_options.hybrid_min_duties &&
                         out.leaning[1] >= m_options.hybrid_min_duties &&
                         static_cast<double>(std::min(out.leaning[0], out.leaning[1])) >=
                             m_options.hybrid_lean_share * static_cast<double>(leaning);
  if (minority >= m_options.hybrid_share && both_lean) {
    out.label = RoleLabel::hybrid;
    out.confidence = saturation * (1.0 - std::abs(out.shares[0] - out.shares[1]));
    return;
  }
  if (out.shares[0] == out.shares[1]) {
    out.label = RoleLabel::unknown;  // an exact tie without enough duties on each side to call it hybrid
    out.confidence = 0.0;
    return;
  }
  out.label = out.shares[0] > out.shares[1] ? RoleLabel::sales : RoleLabel::marketing;
  out.confidence = saturation * std::max(out.shares[0], out.shares[1]);
}

void DocumentClassifier::flag_for_review(DocumentResult& out) const {
  // The runner-up of other is a sales or marketing role (the duties of that work against the other duties); of
  // sales or marketing, the other side of the vote; of hybrid, the larger side alone.
  const double role_over_other = out.work_shares[0] + out.work_shares[1] - out.work_shares[2];
  switch (out.label) {
    case RoleLabel::other: out.margin = -role_over_other; break;
    case RoleLabel::sales:
    case RoleLabel::marketing: out.margin = std::abs(out.shares[0] - out.shares[1]); break;
    case RoleLabel::hybrid: out.margin = std::min(out.shares[0], out.shares[1]) - m_options.hybrid_share; break;
    case RoleLabel::unknown: out.margin = 0.0; break;
  }
  // A verdict from the title alone (a posting with an empty or unreadable description) is a guess from a name.
  out.review =
      out.confidence < m_options.review_confidence || out.margin < m_options.review_margin || out.voting_body == 0;
}

}  // namespace rolecheck
