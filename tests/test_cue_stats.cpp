#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

#include "rolecheck/analysis/cue_stats.hpp"

using namespace rolecheck;
using rolecheck::testing::make_cue;
using rolecheck::testing::make_taxonomy;

namespace {
Classifier stats_classifier() {
  return Classifier(
      make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"}), make_cue("ads", Side::marketing, 2, {"advertising"}),
                     make_cue("call", Side::sales, 1, {"call"})},
                    {make_cue("brand", Side::marketing, 1, {"brand awareness"})}));
}
const CueStat& stat_of(const CueStats& stats, const Classifier& classifier, std::string_view id) {
  const auto& cues = classifier.matcher().cues();
  for (const auto& stat : stats.cues()) {
    if (cues[stat.cue].id == id) return stat;
  }
  FAIL("no cue " << id);
  return stats.cues().front();
}
void add(CueStats& stats, const Classifier& classifier, std::string_view text, std::optional<Gold> gold = {}) {
  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify(text, scanner, result);
  stats.add(result, gold, "f:1", text);
}
}  // namespace

TEST_CASE("coverage, overlaps and conflicts count lines, not matches") {
  const auto classifier = stats_classifier();
  CueStats stats(classifier);
  add(stats, classifier, "sell and sell again");  // sell alone (twice on one line)
  add(stats, classifier, "sell advertising");     // sell + ads: overlap and conflict
  add(stats, classifier, "call and sell");        // sell + call: overlap, no conflict
  add(stats, classifier, "");                     // nothing
  add(stats, classifier, "not advertising");      // ads negated only
  CHECK(stats.lines() == 5);
  CHECK(stats.covered_lines() == 3);
  CHECK(stats.conflict_lines() == 1);
  const auto& sell = stat_of(stats, classifier, "sell");
  CHECK(sell.fired == 3);
  CHECK(sell.overlaps == 2);
  CHECK(sell.conflicts == 1);
  CHECK(stats.coverage(sell) == Approx(0.6));
  const auto& ads = stat_of(stats, classifier, "ads");
  CHECK(ads.fired == 1);
  CHECK(ads.negated == 1);
  CHECK(ads.conflicts == 1);
  CHECK_FALSE(CueStats::precision(sell).has_value());
  CHECK(stat_of(stats, classifier, "brand").fired == 0);
}

TEST_CASE("precision compares a cue's side with the gold label and keeps example errors") {
  const auto classifier = stats_classifier();
  CueStats stats(classifier, 1);
  add(stats, classifier, "sell cars", Gold::sales);
  add(stats, classifier, "sell ad space", Gold::marketing);
  add(stats, classifier, "sell more", Gold::marketing);
  add(stats, classifier, "advertising", Gold::marketing);
  const auto& sell = stat_of(stats, classifier, "sell");
  CHECK(sell.labelled == 3);
  CHECK(sell.correct == 1);
  CHECK(*CueStats::precision(sell) == Approx(1.0 / 3));
  REQUIRE(sell.errors.size() == 1);  // capped at max_examples
  CHECK(sell.errors[0].text == "sell ad space");
  CHECK(sell.errors[0].gold == "marketing");
  CHECK(*CueStats::precision(stat_of(stats, classifier, "ads")) == 1.0);
  CHECK(stats.labelled_lines() == 4);
}

TEST_CASE("sorting: coverage and conflicts most first, precision worst first, unlabelled last") {
  const auto classifier = stats_classifier();
  const auto& cues = classifier.matcher().cues();
  CueStats stats(classifier);
  add(stats, classifier, "sell", Gold::sales);
  add(stats, classifier, "sell", Gold::sales);
  add(stats, classifier, "advertising call", Gold::sales);
  auto order = stats.sorted(CueSort::coverage);
  CHECK(cues[order[0]->cue].id == "sell");
  order = stats.sorted(CueSort::conflicts);
  CHECK((cues[order[0]->cue].id == "ads" || cues[order[0]->cue].id == "call"));
  order = stats.sorted(CueSort::precision);
  CHECK(cues[order[0]->cue].id == "ads");        // 0% first
  CHECK(cues[order.back()->cue].id == "brand");  // never fired: no precision
  CHECK(parse_cue_sort("precision") == CueSort::precision);
  CHECK_FALSE(parse_cue_sort("speed").has_value());
}

TEST_CASE("JSON report is valid and carries every cue with its counts") {
  const auto classifier = stats_classifier();
  CueStats stats(classifier);
  add(stats, classifier, "sell \"quoted\" <b>", Gold::marketing);
  const auto json = nlohmann::json::parse(stats.to_json(CueSort::coverage));
  CHECK(json["lines"] == 1);
  CHECK(json["labelled_lines"] == 1);
  REQUIRE(json["cues"].size() == 4);
  CHECK(json["cues"][0]["cue"] == "sell");
  CHECK(json["cues"][0]["precision"] == 0);
  CHECK(json["cues"][0]["errors"][0]["text"] == "sell \"quoted\" <b>");
  CHECK(json["cues"][3]["precision"].is_null());
  const auto limited = nlohmann::json::parse(stats.to_json(CueSort::coverage, 2));
  CHECK(limited["cues"].size() == 2);
  const auto text = stats.to_text(CueSort::coverage);
  CHECK(text.find("precision") != std::string::npos);
  CHECK(text.find("example errors") != std::string::npos);
}

TEST_CASE("three-way gold: false alarms on other work, wrong side, other-work cues, ambiguous rows") {
  auto taxonomy =
      make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"}), make_cue("ads", Side::marketing, 2, {"advertising"})});
  auto stock = make_cue("stock", Side::sales, 1, {"inventory"});
  stock.role = CueRole::other;
  taxonomy.other_work.cues.push_back(stock);
  const Classifier classifier(std::move(taxonomy));
  CueStats stats(classifier);
  add(stats, classifier, "sell cars", Gold::other);             // sell: false alarm
  add(stats, classifier, "sell advertising", Gold::marketing);  // sell: wrong side; ads: right; a conflict
  add(stats, classifier, "count inventory", Gold::other);       // stock: right
  add(stats, classifier, "sell inventory", Gold::sales);        // sell: right; stock: false alarm, conflicts
  add(stats, classifier, "sell cars", Gold::ambiguous);         // counted, not scored
  CHECK(stats.lines() == 5);
  CHECK(stats.labelled_lines() == 4);
  CHECK(stats.ambiguous_lines() == 1);
  CHECK(stats.conflict_lines() == 1);
  const auto& sell = stat_of(stats, classifier, "sell");
  CHECK(sell.fired == 4);
  CHECK(sell.labelled == 3);
  CHECK(sell.correct == 1);
  CHECK(sell.false_alarms == 1);
  CHECK(sell.wrong_side == 1);
  CHECK(*CueStats::precision(sell) == Approx(1.0 / 3));
  REQUIRE(sell.errors.size() == 2);
  CHECK(sell.errors[0].gold == "other");
  CHECK(sell.errors[1].gold == "marketing");
  const auto& stock_stat = stat_of(stats, classifier, "stock");
  CHECK(stock_stat.fired == 2);
  CHECK(stock_stat.correct == 1);
  CHECK(stock_stat.false_alarms == 1);
  CHECK(stock_stat.wrong_side == 0);
  CHECK(stock_stat.conflicts == 1);
  CHECK(stat_of(stats, classifier, "ads").correct == 1);

  const auto& cues = classifier.matcher().cues();
  const auto order = stats.sorted(CueSort::false_alarms);
  CHECK(cues[order[0]->cue].id == "sell");  // ties on false alarms: more labelled lines first
  CHECK(cues[order[1]->cue].id == "stock");
  CHECK(parse_cue_sort("false-alarms") == CueSort::false_alarms);

  const auto json = nlohmann::json::parse(stats.to_json(CueSort::false_alarms));
  CHECK(json["ambiguous_lines"] == 1);
  CHECK(json["sort"] == "false-alarms");
  CHECK(json["cues"][0]["false_alarms"] == 1);
  CHECK(json["cues"][0]["wrong_side"] == 1);
  CHECK(json["cues"][0]["role"] == "core");
  CHECK(json["cues"][1]["side"] == "other");
  CHECK(json["cues"][1]["role"] == "other");
  CHECK(json["cues"][1]["difference"] == "other_work");
  const auto text = stats.to_text(CueSort::false_alarms);
  CHECK(text.find("false alarms") != std::string::npos);
  CHECK(text.find("1 ambiguous (not scored)") != std::string::npos);
  CHECK(text.find("other_work") != std::string::npos);
}
