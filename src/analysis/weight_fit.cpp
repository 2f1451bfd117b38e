#include "rolecheck/analysis/weight_fit.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <memory>

#include "weight_fit_solver.hpp"

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

using detail::BinaryRow;
using detail::BinarySettings;

// Every cue in matcher order: the differences' cues, then the other-work list.
template <typename T, typename C>
std::vector<C*> all_cues(T& taxonomy) {
  std::vector<C*> cues;
  for (auto& difference : taxonomy.differences) {
    for (auto& cue : difference.cues) cues.push_back(&cue);
  }
  for (auto& cue : taxonomy.other_work.cues) cues.push_back(&cue);
  return cues;
}

// What one cue contributed to one duty with every weight set to 1: the repeat discount applied, for its
// own side (core, support or other work) and, when a negation flipped it, for the opposite side.
struct CueHit {
  std::uint32_t cue = 0;
  double own = 0.0;
  double flipped = 0.0;
};

struct Row {
  Gold gold = Gold::other;
  std::vector<CueHit> hits;  // by cue index, ascending
  ScanResult scan;           // the engine's scan, reused to score any weights without scanning again
};

// What every fit shares: the rows and the compiled matcher, whose tables take any weights cheaply.
struct Prepared {
  std::vector<Row> rows;
  Matcher::Tables tables;
};

double side_sign(Side side) { return side == Side::sales ? 1.0 : -1.0; }

// Scans every duty once with the engine (all weights 1), so each cue's evidence is linear in its weight.
Prepared extract_rows(const Taxonomy& taxonomy, const std::vector<const LabelledDuty*>& duties) {
  Taxonomy unit = taxonomy;
  for (auto* cue : all_cues<Taxonomy, Cue>(unit)) cue->weight = 1.0;
  const Classifier classifier(std::move(unit));
  const auto& compiled = classifier.matcher().cues();
  const auto cues = all_cues<const Taxonomy, const Cue>(taxonomy);
  if (compiled.size() != cues.size()) throw Error("fit: the compiled cues do not match the taxonomy's");
  for (std::size_t c = 0; c < cues.size(); ++c) {
    if (compiled[c].id != cues[c]->id) throw Error("fit: the compiled cues do not match the taxonomy's");
  }
  Scanner scanner = classifier.make_scanner();
  Classification result;
  Prepared prepared{{}, classifier.matcher().tables()};
  auto& rows = prepared.rows;
  rows.reserve(duties.size());
  for (const auto* duty : duties) {
    const auto& scan = scanner.scan(duty->text);
    classifier.decide(scan, scanner, result);
    Row row{duty->gold, {}, scan};
    const auto hit = [&row](std::uint32_t cue) -> CueHit& {
      auto at = std::lower_bound(row.hits.begin(), row.hits.end(), cue,
                                 [](const CueHit& h, std::uint32_t c) { return h.cue < c; });
      if (at == row.hits.end() || at->cue != cue) at = row.hits.insert(at, CueHit{cue, 0.0, 0.0});
      return *at;
    };
    for (const auto& match : scan.matches) hit(match.cue);  // negated matches count as matched
    for (const auto& reason : result.reasons) {
      auto& h = hit(reason.cue);
      (reason.side == compiled[reason.cue].side ? h.own : h.flipped) += reason.weight;
    }
    for (const auto& reason : result.other_reasons) hit(reason.cue).own += reason.weight;
    rows.push_back(std::move(row));
  }
  return prepared;
}

struct Fitted {
  std::vector<double> weights;
  std::vector<Side> sides;
  double min_evidence = 1.0;
};

double round3(double value) { return std::round(std::clamp(value, 0.0, 10.0) * 1000.0) / 1000.0; }

// Learns weights from the rows at `use`: problem A (sales or marketing work vs other) over core and other-work
// cues gives their weights and min_evidence; problem B (sales vs marketing) gives the support cues' weights,
// on the scale of the core evidence fixed by A. Cues with no match in the rows keep their weight.
Fitted fit_rows(const std::vector<const Cue*>& cues, const Thresholds& thresholds, const std::vector<Row>& rows,
                const std::vector<std::size_t>& use, const FitOptions& options) {
  const auto n = static_cast<std::uint32_t>(cues.size());
  Fitted fitted;
  for (const auto* cue : cues) {
    fitted.weights.push_back(cue->weight);
    fitted.sides.push_back(cue->side);
  }
  fitted.min_evidence = thresholds.min_evidence;
  BinarySettings settings;
  settings.c = options.regularisation;
  settings.l1 = options.penalty == Penalty::l1;

  // A: evidence that the duty is sales or marketing work minus evidence of other work, plus a bias.
  std::vector<BinaryRow> a_rows;
  std::vector<bool> seen_a(n, false);
  for (const auto i : use) {
    BinaryRow binary{{}, rows[i].gold == Gold::other ? -1 : 1};
    for (const auto& hit : rows[i].hits) {
      const auto role = cues[hit.cue]->role;
      if (role == CueRole::support || hit.own == 0.0) continue;
      binary.features.emplace_back(hit.cue, role == CueRole::core ? hit.own : -hit.own);
      seen_a[hit.cue] = true;
    }
    a_rows.push_back(std::move(binary));
  }
  settings.bias = true;
  settings.non_negative.assign(n, true);
  const auto a = detail::fit_binary(a_rows, n, settings);
  // The scale is free (the decision depends on ratios and on min_evidence in the same units): keep the
  // mean weight of the fitted core cues where it was.
  double input_sum = 0.0;
  double fitted_sum = 0.0;
  for (std::uint32_t c = 0; c < n; ++c) {
    if (cues[c]->role == CueRole::core && seen_a[c] && a.coefficients[c] > 0.0) {
      input_sum += cues[c]->weight;
      fitted_sum += a.coefficients[c];
    }
  }
  const double scale = fitted_sum > 0.0 && input_sum > 0.0 ? input_sum / fitted_sum : 1.0;
  // Other work wins when other >= share * (other + total), i.e. when other * (1 - share) / share >= total.
  const double share = thresholds.other_share;
  const double other_factor = share < 1.0 ? share / (1.0 - share) : 1.0;
  for (std::uint32_t c = 0; c < n; ++c) {
    if (!seen_a[c]) continue;
    const double coefficient = std::max(0.0, a.coefficients[c]) * scale;
    fitted.weights[c] = round3(cues[c]->role == CueRole::other ? coefficient * other_factor : coefficient);
  }
  fitted.min_evidence = std::max(0.001, std::round(-a.bias * scale * 1000.0) / 1000.0);

  // B: sales minus marketing evidence on gold sales and marketing rows; feature 0 is the core evidence at the
  // weights A gave, so each support coefficient divided by its coefficient is a weight in the same units.
  std::vector<std::uint32_t> support_feature(n, 0);
  std::uint32_t b_count = 1;
  for (std::uint32_t c = 0; c < n; ++c) {
    if (cues[c]->role == CueRole::support) support_feature[c] = b_count++;
  }
  std::vector<BinaryRow> b_rows;
  std::vector<bool> seen_b(n, false);
  for (const auto i : use) {
    if (rows[i].gold == Gold::other) continue;
    BinaryRow binary{{}, rows[i].gold == Gold::sales ? 1 : -1};
    double core = 0.0;
    for (const auto& hit : rows[i].hits) {
      const double signed_evidence = side_sign(cues[hit.cue]->side) * (hit.own - hit.flipped);
      if (cues[hit.cue]->role == CueRole::core) core += signed_evidence * fitted.weights[hit.cue];
      if (cues[hit.cue]->role != CueRole::support || signed_evidence == 0.0) continue;
      binary.features.emplace_back(support_feature[hit.cue], signed_evidence);
      seen_b[hit.cue] = true;
    }
    if (core != 0.0) binary.features.insert(binary.features.begin(), {0, core});
    b_rows.push_back(std::move(binary));
  }
  settings.bias = false;
  settings.non_negative.assign(b_count, options.keep_sign);
  settings.non_negative[0] = true;
  const auto b = detail::fit_binary(b_rows, b_count, settings);
  if (b.coefficients[0] > 0.0) {
    for (std::uint32_t c = 0; c < n; ++c) {
      if (!seen_b[c]) continue;
      const double coefficient = b.coefficients[support_feature[c]] / b.coefficients[0];
      fitted.weights[c] = round3(std::abs(coefficient));
      if (coefficient < 0.0 && !options.keep_sign) fitted.sides[c] = opposite(cues[c]->side);
    }
  }
  return fitted;
}

// Macro-F1 of the engine's decisions on the rows at `use`, with the given weights and min_evidence: the
// matcher's tables take the weights, and each row's stored scan is decided again.
double engine_macro_f1(const Taxonomy& taxonomy, const Prepared& prepared, const std::vector<double>& weights,
                       double min_evidence, const std::vector<std::size_t>& use) {
  auto tables = prepared.tables;
  for (std::size_t c = 0; c < weights.size(); ++c) tables.cues[c].weight = weights[c];
  auto model = std::make_shared<Taxonomy>(taxonomy);
  model->thresholds.min_evidence = min_evidence;
  const Classifier classifier(CompiledTaxonomy{model, std::make_shared<const Matcher>(std::move(tables))});
  Evaluation evaluation;
  Scanner scratch = classifier.make_scanner();
  Classification result;
  for (const auto i : use) {
    classifier.decide(prepared.rows[i].scan, scratch, result);
    evaluation.add(prepared.rows[i].gold, result.label);
  }
  return evaluation.macro_f1();
}

// The regressions see evidence as a sum; the engine's rule is not one (min_evidence gates core evidence
// alone, other work is weighed as a share). So min_evidence and the other-work weights are rescaled by the
// factors whose engine decisions score best on the same rows (ties go to the factors nearest 1).
void calibrate(const Taxonomy& taxonomy, const std::vector<const Cue*>& cues, const Prepared& prepared,
               const std::vector<std::size_t>& use, Fitted& fitted) {
  static constexpr double kFactors[] = {1.0, 0.9, 1.15, 0.8, 1.3, 0.7, 1.5, 0.6, 1.75, 0.5, 2.0, 0.4, 2.5, 0.3, 3.0};
  double best = -1.0;
  double best_evidence = 1.0;
  double best_other = 1.0;
  std::vector<double> weights = fitted.weights;
  for (const double evidence : kFactors) {
    for (const double other : kFactors) {
      for (std::size_t c = 0; c < cues.size(); ++c) {
        if (cues[c]->role == CueRole::other) weights[c] = round3(fitted.weights[c] * other);
      }
      const double f1 = engine_macro_f1(taxonomy, prepared, weights, fitted.min_evidence * evidence, use);
      if (f1 > best + 1e-12) {
        best = f1;
        best_evidence = evidence;
        best_other = other;
      }
    }
  }
  for (std::size_t c = 0; c < cues.size(); ++c) {
    if (cues[c]->role == CueRole::other) fitted.weights[c] = round3(fitted.weights[c] * best_other);
  }
  fitted.min_evidence = std::max(0.001, std::round(fitted.min_evidence * best_evidence * 1000.0) / 1000.0);
}

Taxonomy apply(const Taxonomy& input, const Fitted& fitted) {
  Taxonomy out = input;
  const auto cues = all_cues<Taxonomy, Cue>(out);
  for (std::size_t c = 0; c < cues.size(); ++c) {
    cues[c]->weight = fitted.weights[c];
    if (cues[c]->role != CueRole::other) cues[c]->side = fitted.sides[c];
  }
  out.thresholds.min_evidence = fitted.min_evidence;
  return out;
}

// Scores the duties at `use` with the real engine and the given taxonomy.
void score(const Taxonomy& taxonomy, const std::vector<const LabelledDuty*>& duties,
           const std::vector<std::size_t>& use, Evaluation& pooled, std::vector<double>& per_fold) {
  const Classifier classifier(taxonomy);
  Scanner scanner = classifier.make_scanner();
  Classification result;
  Evaluation fold;
  for (const auto i : use) {
    classifier.classify(duties[i]->text, scanner, result);
    pooled.add(duties[i]->gold, result.label);
    fold.add(duties[i]->gold, result.label);
  }
  per_fold.push_back(fold.macro_f1());
}

}  // namespace

FitResult fit_weights(const Taxonomy& taxonomy, const std::vector<LabelledDuty>& duties, const FitOptions& options) {
  std::vector<const LabelledDuty*> scored;
  FitReport report;
  report.options = options;
  for (const auto& duty : duties) {
    if (duty.gold == Gold::ambiguous) continue;
    scored.push_back(&duty);
    ++report.rows[static_cast<std::size_t>(duty.gold)];
  }
  const std::size_t least = *std::min_element(report.rows.begin(), report.rows.end());
  if (least < std::max<std::size_t>(options.min_rows, 1)) {
    throw Error(
        fmt::format("fit needs at least {} rows of each gold class (--min-rows); got sales {}, "
                    "marketing {}, other {}",
                    std::max<std::size_t>(options.min_rows, 1), report.rows[0], report.rows[1], report.rows[2]));
  }
  const auto cues = all_cues<const Taxonomy, const Cue>(taxonomy);
  const auto prepared = extract_rows(taxonomy, scored);
  const auto& rows = prepared.rows;
  const auto fit = [&](const std::vector<std::size_t>& use) {
    auto fitted = fit_rows(cues, taxonomy.thresholds, rows, use, options);
    calibrate(taxonomy, cues, prepared, use, fitted);
    return fitted;
  };

  report.folds = options.folds >= 2 ? std::min(options.folds, scored.size()) : 0;
  for (std::size_t f = 0; f < report.folds; ++f) {
    std::vector<std::size_t> train;
    std::vector<std::size_t> held;
    for (std::size_t i = 0; i < scored.size(); ++i) (i % report.folds == f ? held : train).push_back(i);
    score(taxonomy, scored, held, report.before, report.fold_before);
    const auto fitted = fit(train);
    score(apply(taxonomy, fitted), scored, held, report.after, report.fold_after);
  }

  std::vector<std::size_t> all(scored.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const auto fitted = fit(all);
  FitResult result{apply(taxonomy, fitted), std::move(report)};
  std::vector<double> ignored;
  score(result.taxonomy, scored, all, result.report.training, ignored);
  if (result.report.folds == 0) score(taxonomy, scored, all, result.report.before, ignored);
  result.report.thresholds_before = taxonomy.thresholds;
  result.report.thresholds_after = result.taxonomy.thresholds;
  std::vector<std::size_t> matched(cues.size(), 0);
  for (const auto& row : rows) {
    for (const auto& hit : row.hits) ++matched[hit.cue];
  }
  for (std::size_t c = 0; c < cues.size(); ++c) {
    result.report.cues.push_back(FittedCue{cues[c]->id, cues[c]->role, cues[c]->side, fitted.sides[c], cues[c]->weight,
                                           fitted.weights[c], matched[c]});
  }
  return result;
}

}  // namespace rolecheck
