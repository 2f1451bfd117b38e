// The text report of `rolecheck fit`.

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "rolecheck/analysis/weight_fit.hpp"

namespace rolecheck {
namespace {

void append_row(std::string& out, std::string_view name, double before, double after) {
  out += fmt::format("  {:<22}{:>8.3f}{:>8.3f}{:>+9.3f}\n", name, before, after, after - before);
}

void append_list(std::string& out, std::string_view title, const std::vector<std::string>& ids) {
  out += fmt::format("\n{} ({})\n", title, ids.size());
  std::string line = " ";
  for (const auto& id : ids) {
    if (line.size() + id.size() + 1 > 100) {
      out += line + "\n";
      line = " ";
    }
    line += " " + id;
  }
  if (ids.empty()) line += " none";
  out += line + "\n";
}

}  // namespace

std::string fit_report_text(const FitReport& report, std::size_t top) {
  const auto& options = report.options;
  std::string out = fmt::format(
      "fit: {} rows (sales {}, marketing {}, other {}); {} logistic regression (liblinear), C {:g}, keep-sign {}\n",
      report.rows[0] + report.rows[1] + report.rows[2], report.rows[0], report.rows[1], report.rows[2],
      options.penalty == Penalty::l1 ? "L1" : "L2", options.regularisation, options.keep_sign ? "on" : "off");
  if (report.folds >= 2) {
    out += fmt::format(
        "\n{}-fold cross-validation (row i in fold i % {}), scored by the engine: before = the input weights,\n"
        "after = weights fitted on the other folds\n",
        report.folds, report.folds);
  } else {
    out += "\nno cross-validation: before = the input weights, after = the fitted weights on the same rows\n";
  }
  const Evaluation& after = report.folds >= 2 ? report.after : report.training;
  out += fmt::format("  {:<22}{:>8}{:>8}{:>9}\n", "", "before", "after", "change");
  append_row(out, "macro F1", report.before.macro_f1(), after.macro_f1());
  append_row(out, "accuracy", report.before.accuracy(), after.accuracy());
  append_row(out, "false alarms", report.before.false_alarm_rate(), after.false_alarm_rate());
  append_row(out, "two-way macro F1", report.before.two_way_macro_f1(), after.two_way_macro_f1());
  for (const auto gold : {Gold::sales, Gold::marketing, Gold::other}) {
    const auto b = report.before.scores(gold);
    const auto a = after.scores(gold);
    const auto name = gold_name(gold);
    append_row(out, fmt::format("{} precision", name), b.precision, a.precision);
    append_row(out, fmt::format("{} recall", name), b.recall, a.recall);
    append_row(out, fmt::format("{} F1", name), b.f1, a.f1);
  }
  for (std::size_t f = 0; f < report.fold_after.size(); ++f) {
    append_row(out, fmt::format("fold {} macro F1", f + 1), report.fold_before[f], report.fold_after[f]);
  }
  out += fmt::format("\nfitted on all {} rows (training figures): macro F1 {:.3f}, false alarms {:.3f}\n",
                     report.training.total(), report.training.macro_f1(), report.training.false_alarm_rate());
  out += fmt::format("min_evidence {:g} -> {:g} (other_share {:g}, mixed_share {:g} kept)\n",
                     report.thresholds_before.min_evidence, report.thresholds_after.min_evidence,
                     report.thresholds_after.other_share, report.thresholds_after.mixed_share);

  std::vector<const FittedCue*> changed;
  for (const auto& cue : report.cues) {
    if (cue.after != cue.before || cue.side_after != cue.side_before) changed.push_back(&cue);
  }
  std::stable_sort(changed.begin(), changed.end(), [](const FittedCue* x, const FittedCue* y) {
    return std::abs(x->after - x->before) > std::abs(y->after - y->before);
  });
  out += fmt::format("\nlargest weight changes ({} of {} cues changed)\n", changed.size(), report.cues.size());
  out += fmt::format("  {:<36}{:<9}{:<11}{:>8}{:>8}{:>6}\n", "cue", "role", "side", "before", "after", "rows");
  for (std::size_t i = 0; i < changed.size() && i < top; ++i) {
    const auto& cue = *changed[i];
    std::string side = cue.role == CueRole::other ? "other" : std::string(side_name(cue.side_after));
    if (cue.side_after != cue.side_before) side = fmt::format("{}>{}", side_name(cue.side_before), side);
    out += fmt::format("  {:<36}{:<9}{:<11}{:>8g}{:>8g}{:>6}\n", cue.id, cue_role_name(cue.role), side, cue.before,
                       cue.after, cue.rows);
  }
  std::vector<std::string> zeroed;
  std::vector<std::string> unmatched;
  std::vector<std::string> moved;
  for (const auto& cue : report.cues) {
    if (cue.rows == 0) unmatched.push_back(cue.id);
    if (cue.after == 0.0 && cue.before != 0.0) zeroed.push_back(cue.id);
    if (cue.side_after != cue.side_before) moved.push_back(cue.id);
  }
  append_list(out, "cues set to zero", zeroed);
  append_list(out, "cues that never matched (weight kept)", unmatched);
  if (!options.keep_sign) append_list(out, "cues that changed side", moved);
  return out;
}

}  // namespace rolecheck
