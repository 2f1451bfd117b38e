#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "rolecheck/analysis/weight_fit.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

using namespace rolecheck;
using rolecheck::testing::make_cue;
using rolecheck::testing::make_other_cue;
using rolecheck::testing::make_support_cue;
using rolecheck::testing::make_taxonomy;

namespace {

// A tiny taxonomy: "deliver" is a sales core cue that fires only on gold-other duties, "phone" a sales
// support cue that fires only on gold-marketing duties.
Taxonomy fixture_taxonomy() {
  auto taxonomy = make_taxonomy(
      {make_cue("sell", Side::sales, 2, {"sell"}), make_cue("ads", Side::marketing, 2, {"advertising"}),
       make_cue("deliver", Side::sales, 2, {"deliver"}), make_support_cue("call", Side::sales, 1, {"call"}),
       make_support_cue("phone", Side::sales, 1, {"phone"}), make_cue("unused", Side::sales, 2, {"zyzzyva"})});
  taxonomy.other_work.summary = "other";
  taxonomy.other_work.cues = {make_other_cue("stock", 1, {"inventory"})};
  taxonomy.thresholds.min_evidence = 1.0;
  return taxonomy;
}

std::vector<LabelledDuty> fixture_rows() {
  std::vector<LabelledDuty> rows;
  const char* sales[] = {"sell products to clients", "sell insurance",           "call and sell to buyers",
                         "sell cars on the lot",     "sell parts and call back", "sell services door to door"};
  const char* marketing[] = {"plan advertising campaigns", "write advertising copy",     "advertising by phone surveys",
                             "buy advertising space",      "phone advertising agencies", "review advertising results"};
  const char* other[] = {"deliver goods to stores",     "count inventory", "deliver parcels", "keep inventory records",
                         "deliver and stack inventory", "answer letters"};
  for (int round = 0; round < 2; ++round) {
    for (const char* text : sales) rows.push_back({Gold::sales, text});
    for (const char* text : marketing) rows.push_back({Gold::marketing, text});
    for (const char* text : other) rows.push_back({Gold::other, text});
  }
  rows.push_back({Gold::ambiguous, "sell advertising"});
  return rows;
}

const FittedCue& change_of(const FitReport& report, std::string_view id) {
  for (const auto& cue : report.cues) {
    if (cue.id == id) return cue;
  }
  FAIL("no cue " << id);
  return report.cues.front();
}

}  // namespace

TEST_CASE("fit moves weights the way the labels point") {
  const auto result = fit_weights(fixture_taxonomy(), fixture_rows());
  const auto& report = result.report;
  CHECK(report.rows == std::array<std::size_t, 3>{12, 12, 12});
  CHECK(change_of(report, "deliver").after < change_of(report, "deliver").before);  // fires only on other work
  CHECK(change_of(report, "sell").after > 0.0);
  CHECK(change_of(report, "ads").after > 0.0);
  CHECK(change_of(report, "stock").after > 0.0);
  CHECK(change_of(report, "unused").rows == 0);
  CHECK(change_of(report, "unused").after == 2.0);  // never matched: weight kept
  CHECK(report.folds == 5);
  CHECK(report.fold_after.size() == 5);
  CHECK(report.training.total() == 36);
  CHECK(report.training.macro_f1() >= report.before.macro_f1());
  // Only numbers change: the cues, phrases and everything else stay.
  auto same = result.taxonomy;
  const auto input = fixture_taxonomy();
  for (std::size_t d = 0; d < same.differences.size(); ++d) {
    for (std::size_t c = 0; c < same.differences[d].cues.size(); ++c) {
      same.differences[d].cues[c].weight = input.differences[d].cues[c].weight;
    }
  }
  same.other_work.cues[0].weight = input.other_work.cues[0].weight;
  same.thresholds.min_evidence = input.thresholds.min_evidence;
  CHECK(taxonomy_to_json(same) == taxonomy_to_json(input));
}

TEST_CASE("fit is deterministic") {
  FitOptions options;
  options.penalty = Penalty::l1;
  const auto first = fit_weights(fixture_taxonomy(), fixture_rows(), options);
  const auto second = fit_weights(fixture_taxonomy(), fixture_rows(), options);
  CHECK(taxonomy_to_json(first.taxonomy) == taxonomy_to_json(second.taxonomy));
  CHECK(fit_report_text(first.report) == fit_report_text(second.report));
}

TEST_CASE("keep-sign keeps every cue on its side / without it a support cue may change side") {
  const auto kept = fit_weights(fixture_taxonomy(), fixture_rows());
  for (const auto& cue : kept.report.cues) {
    CHECK(cue.side_after == cue.side_before);
    CHECK(cue.after >= 0.0);
    CHECK(cue.after <= 10.0);
  }
  CHECK(change_of(kept.report, "phone").after == 0.0);  // sales support that only fires on marketing duties
  FitOptions options;
  options.keep_sign = false;
  const auto free = fit_weights(fixture_taxonomy(), fixture_rows(), options);
  CHECK(change_of(free.report, "phone").side_after == Side::marketing);
  CHECK(change_of(free.report, "phone").after > 0.0);
  CHECK(change_of(free.report, "sell").side_after == Side::sales);  // core cues never change side
}

TEST_CASE("fit refuses too few rows of a class") {
  auto rows = fixture_rows();
  std::erase_if(rows, [](const LabelledDuty& duty) { return duty.gold == Gold::marketing; });
  rows.push_back({Gold::marketing, "plan advertising"});
  CHECK_THROWS_WITH(fit_weights(fixture_taxonomy(), rows),
                    Catch::Contains("at least 10 rows of each gold class") && Catch::Contains("marketing 1"));
  FitOptions options;
  options.min_rows = 1;
  options.folds = 0;
  CHECK_NOTHROW(fit_weights(fixture_taxonomy(), rows, options));
}
