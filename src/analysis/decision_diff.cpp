#include "rolecheck/analysis/decision_diff.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>

namespace rolecheck {
namespace {

// One cue's matches in one decision, keyed by id and the side it counted for (other work: no side).
struct Tally {
  std::string_view cue;
  bool other_work = false;
  Side side = Side::sales;
  CueContribution contribution;

  [[nodiscard]] auto key() const noexcept { return std::tuple(cue, other_work, side); }
};

void add_reasons(const std::vector<Reason>& reasons, const Matcher& matcher, bool other_work, std::vector<Tally>& out) {
  const auto& cues = matcher.cues();
  for (const auto& reason : reasons) {
    const Side side = other_work ? Side::sales : reason.side;
    const std::string_view id = cues[reason.cue].id;
    auto found = std::find_if(out.begin(), out.end(), [&](const Tally& tally) {
      return tally.cue == id && tally.other_work == other_work && tally.side == side;
    });
    if (found == out.end()) {
      out.push_back(Tally{id, other_work, side, CueContribution{reason.role, 0, 0.0}});
      found = out.end() - 1;
    }
    ++found->contribution.matches;
    found->contribution.weight += reason.weight;
  }
}

// Every cue of one decision, sorted by key.
std::vector<Tally> tally(const Classification& result, const Matcher& matcher) {
  std::vector<Tally> tallies;
  add_reasons(result.reasons, matcher, false, tallies);
  add_reasons(result.other_reasons, matcher, true, tallies);
  std::sort(tallies.begin(), tallies.end(), [](const Tally& a, const Tally& b) { return a.key() < b.key(); });
  return tallies;
}

CueChange make_change(const Tally& tally) {
  CueChange change;
  change.cue = std::string(tally.cue);
  change.other_work = tally.other_work;
  change.side = tally.side;
  return change;
}

// A diff that holds the labels and confidences of the two decisions, and nothing else yet.
template <typename Diff, typename Result>
Diff labels_of(const Result& old_result, const Result& new_result) {
  Diff diff;
  diff.old_label = old_result.label;
  diff.new_label = new_result.label;
  diff.old_confidence = old_result.confidence;
  diff.new_confidence = new_result.confidence;
  return diff;
}

}  // namespace

double CueChange::delta() const noexcept {
  return (new_cue ? new_cue->weight : 0.0) - (old_cue ? old_cue->weight : 0.0);
}

DecisionDiff diff_decisions(const Classification& old_result, const Matcher& old_matcher,
                            const Classification& new_result, const Matcher& new_matcher) {
  auto diff = labels_of<DecisionDiff>(old_result, new_result);
  const auto old_tallies = tally(old_result, old_matcher);
  const auto new_tallies = tally(new_result, new_matcher);
  // Merge the two sorted lists: a cue on one side only, or on both with a different contribution.
  auto old_it = old_tallies.begin();
  auto new_it = new_tallies.begin();
  while (old_it != old_tallies.end() || new_it != new_tallies.end()) {
    if (new_it == new_tallies.end() || (old_it != old_tallies.end() && old_it->key() < new_it->key())) {
      diff.cues.push_back(make_change(*old_it));
      diff.cues.back().old_cue = old_it++->contribution;
    } else if (old_it == old_tallies.end() || new_it->key() < old_it->key()) {
      diff.cues.push_back(make_change(*new_it));
      diff.cues.back().new_cue = new_it++->contribution;
    } else {
      if (!(old_it->contribution == new_it->contribution)) {
        diff.cues.push_back(make_change(*old_it));
        diff.cues.back().old_cue = old_it->contribution;
        diff.cues.back().new_cue = new_it->contribution;
      }
      ++old_it;
      ++new_it;
    }
  }
  // Largest change in evidence first; the merge left equal changes in key order.
  std::stable_sort(diff.cues.begin(), diff.cues.end(),
                   [](const CueChange& a, const CueChange& b) { return std::abs(a.delta()) > std::abs(b.delta()); });
  return diff;
}

DocumentDiff diff_documents(const DocumentResult& old_result, const Matcher& old_matcher,
                            const DocumentResult& new_result, const Matcher& new_matcher) {
  auto diff = labels_of<DocumentDiff>(old_result, new_result);
  const std::size_t duties = std::min(old_result.duties.size(), new_result.duties.size());
  for (std::size_t i = 0; i < duties; ++i) {
    const auto& old_duty = old_result.duties[i].result;
    const auto& new_duty = new_result.duties[i].result;
    if (old_duty.label == new_duty.label) continue;
    diff.duties.push_back(DutyDiff{i, diff_decisions(old_duty, old_matcher, new_duty, new_matcher)});
  }
  return diff;
}

}  // namespace rolecheck
