#include "weight_fit_solver.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <linear.h>

#include "rolecheck/support/error.hpp"

namespace rolecheck::detail {
namespace {

void quiet(const char* /*message*/) {}

// One liblinear solve over the features marked active; coefficients oriented toward y = +1.
BinaryModel solve(const std::vector<BinaryRow>& rows, std::uint32_t feature_count, const BinarySettings& settings,
                  const std::vector<bool>& active) {
  std::vector<feature_node> nodes;
  std::vector<std::size_t> starts;
  std::vector<double> y;
  const int bias_index = static_cast<int>(feature_count) + 1;
  std::size_t positives = 0;
  for (const auto& row : rows) {
    starts.push_back(nodes.size());
    for (const auto& [index, value] : row.features) {
      if (active[index] && value != 0.0) nodes.push_back(feature_node{static_cast<int>(index) + 1, value});
    }
    if (settings.bias) nodes.push_back(feature_node{bias_index, 1.0});
    nodes.push_back(feature_node{-1, 0.0});
    y.push_back(row.y);
    if (row.y > 0) ++positives;
  }
  std::vector<feature_node*> x;
  x.reserve(starts.size());
  for (const auto start : starts) x.push_back(nodes.data() + start);

  problem prob{};
  prob.l = static_cast<int>(rows.size());
  prob.n = settings.bias ? bias_index : static_cast<int>(feature_count);
  prob.y = y.data();
  prob.x = x.data();
  prob.bias = settings.bias ? 1.0 : -1.0;

  // Each class carries half the total weight, so a rare class is not drowned by a common one.
  const double total = static_cast<double>(rows.size());
  const std::size_t negatives = rows.size() - positives;
  int weight_label[2] = {1, -1};
  double weight[2] = {positives ? total / (2.0 * static_cast<double>(positives)) : 1.0,
                      negatives ? total / (2.0 * static_cast<double>(negatives)) : 1.0};
  parameter param{};
  param.solver_type = settings.l1 ? L1R_LR : L2R_LR;
  param.eps = settings.l1 ? 1e-4 : 1e-6;
  param.C = settings.c;
  param.nr_weight = 2;
  param.weight_label = weight_label;
  param.weight = weight;
  param.p = 0.1;
  param.init_sol = nullptr;
  if (const char* reason = check_parameter(&prob, &param)) { throw Error(fmt::format("liblinear: {}", reason)); }
  set_print_string_function(&quiet);
  std::srand(1);  // L1R_LR shuffles with rand(): the same input gives the same coefficients.
  model* fitted = train(&prob, &param);
  if (fitted == nullptr) throw Error("liblinear: training failed");
  // liblinear orients the decision value toward its first label, the class of the first row.
  const double orientation = fitted->label[0] == 1 ? 1.0 : -1.0;
  BinaryModel out;
  out.coefficients.assign(feature_count, 0.0);
  for (std::uint32_t i = 0; i < feature_count; ++i) {
    if (active[i]) out.coefficients[i] = orientation * get_decfun_coef(fitted, static_cast<int>(i) + 1, 0);
  }
  if (settings.bias) out.bias = orientation * get_decfun_bias(fitted, 0);
  free_and_destroy_model(&fitted);
  return out;
}

}  // namespace

BinaryModel fit_binary(const std::vector<BinaryRow>& rows, std::uint32_t feature_count,
                       const BinarySettings& settings) {
  std::vector<bool> active(feature_count, true);
  if (rows.empty()) return BinaryModel{std::vector<double>(feature_count, 0.0), 0.0};
  // Non-negative coefficients by an active set: drop the features that came out negative and refit,
  // until none does (each round removes at least one, so this ends).
  for (;;) {
    auto fitted = solve(rows, feature_count, settings, active);
    bool removed = false;
    for (std::uint32_t i = 0; i < feature_count; ++i) {
      if (active[i] && i < settings.non_negative.size() && settings.non_negative[i] && fitted.coefficients[i] < 0.0) {
        active[i] = false;
        removed = true;
      }
    }
    if (!removed) return fitted;
  }
}

}  // namespace rolecheck::detail
