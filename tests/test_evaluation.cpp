#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "rolecheck/analysis/evaluation.hpp"

using namespace rolecheck;

namespace {

void add_rows(Evaluation& evaluation, Gold gold, Label predicted, std::size_t rows) {
  for (std::size_t i = 0; i < rows; ++i) evaluation.add(gold, predicted);
}

// A small confusion matrix whose figures are worked out by hand below.
//                 sales  marketing  other  mixed  unknown
//   sales (5)         3          1      0      0        1
//   marketing (4)     1          2      0      1        0
//   other (6)         1          0      3      0        2
//   ambiguous: 2 rows (predicted sales and other), counted only.
Evaluation small_matrix() {
  Evaluation evaluation;
  add_rows(evaluation, Gold::sales, Label::sales, 3);
  add_rows(evaluation, Gold::sales, Label::marketing, 1);
  add_rows(evaluation, Gold::sales, Label::unknown, 1);
  add_rows(evaluation, Gold::marketing, Label::marketing, 2);
  add_rows(evaluation, Gold::marketing, Label::sales, 1);
  add_rows(evaluation, Gold::marketing, Label::mixed, 1);
  add_rows(evaluation, Gold::other, Label::other, 3);
  add_rows(evaluation, Gold::other, Label::sales, 1);
  add_rows(evaluation, Gold::other, Label::unknown, 2);
  evaluation.add(Gold::ambiguous, Label::sales);
  evaluation.add(Gold::ambiguous, Label::other);
  return evaluation;
}

}  // namespace

TEST_CASE("gold names parse both ways / other, mixed and unknown predictions count as neither") {
  for (const auto gold : {Gold::sales, Gold::marketing, Gold::other, Gold::ambiguous}) {
    CHECK(parse_gold(gold_name(gold)) == gold);
  }
  CHECK_FALSE(parse_gold("mixed").has_value());
  CHECK(parse_gold("Sales") == Gold::sales);  // spreadsheet capitals
  CHECK(parse_gold("OTHER") == Gold::other);
  CHECK_FALSE(parse_gold("Salesx").has_value());
  CHECK_FALSE(parse_gold("").has_value());
  CHECK(scored_class(Label::sales) == Gold::sales);
  CHECK(scored_class(Label::marketing) == Gold::marketing);
  CHECK(scored_class(Label::other) == Gold::other);
  CHECK(scored_class(Label::mixed) == Gold::other);
  CHECK(scored_class(Label::unknown) == Gold::other);
  CHECK(prediction_matches(Gold::other, Label::unknown));
  CHECK(prediction_matches(Gold::other, Label::mixed));
  CHECK_FALSE(prediction_matches(Gold::sales, Label::mixed));
  CHECK_FALSE(prediction_matches(Gold::ambiguous, Label::other));
}

TEST_CASE("three-way scores of a small confusion matrix, worked out by hand") {
  const auto evaluation = small_matrix();
  CHECK(evaluation.total() == 15);
  CHECK(evaluation.ambiguous() == 2);
  CHECK(evaluation.support(Gold::other) == 6);
  CHECK(evaluation.count(Gold::marketing, Label::mixed) == 1);
  CHECK(evaluation.count(Gold::ambiguous, Label::sales) == 0);

  // sales: 5 predicted sales (3 + 1 + 1), 3 right; 5 gold.
  const auto sales = evaluation.scores(Gold::sales);
  CHECK(sales.precision == Approx(0.6));
  CHECK(sales.recall == Approx(0.6));
  CHECK(sales.f1 == Approx(0.6));
  CHECK(sales.support == 5);
  // marketing: 3 predicted (1 + 2), 2 right; 4 gold.
  const auto marketing = evaluation.scores(Gold::marketing);
  CHECK(marketing.precision == Approx(2.0 / 3));
  CHECK(marketing.recall == Approx(0.5));
  CHECK(marketing.f1 == Approx(4.0 / 7));
  CHECK(marketing.support == 4);
  // other: 7 predicted neither (sales' unknown, marketing's mixed, other's 3 other + 2 unknown), 5 right; 6 gold.
  const auto other = evaluation.scores(Gold::other);
  CHECK(other.precision == Approx(5.0 / 7));
  CHECK(other.recall == Approx(5.0 / 6));
  CHECK(other.f1 == Approx(10.0 / 13));
  CHECK(other.support == 6);

  CHECK(evaluation.accuracy() == Approx(10.0 / 15));
  CHECK(evaluation.macro_f1() == Approx((0.6 + 4.0 / 7 + 10.0 / 13) / 3));
  CHECK(evaluation.weighted_f1() == Approx((0.6 * 5 + 4.0 / 7 * 4 + 10.0 / 13 * 6) / 15));
  CHECK(evaluation.coverage() == Approx(0.8));  // 3 unknown of 15
  CHECK(evaluation.false_alarm_rate() == Approx(1.0 / 6));
  CHECK(evaluation.accuracy_when_labelled() == Approx(5.0 / 8));
}

TEST_CASE("two-way scores on gold sales and marketing rows only") {
  const auto evaluation = small_matrix();
  CHECK(evaluation.work_rows() == 9);
  // sales: predicted sales on gold sales/marketing rows 3 + 1 (the gold-other row does not count).
  const auto sales = evaluation.two_way_scores(Side::sales);
  CHECK(sales.precision == Approx(0.75));
  CHECK(sales.recall == Approx(0.6));
  CHECK(sales.f1 == Approx(2.0 / 3));
  CHECK(sales.support == 5);
  const auto marketing = evaluation.two_way_scores(Side::marketing);
  CHECK(marketing.precision == Approx(2.0 / 3));
  CHECK(marketing.recall == Approx(0.5));
  CHECK(marketing.f1 == Approx(4.0 / 7));
  CHECK(evaluation.two_way_macro_f1() == Approx(13.0 / 21));
  CHECK(evaluation.neither_share() == Approx(2.0 / 9));  // one unknown, one mixed
}

TEST_CASE("classes without gold rows are shown but not averaged / an empty evaluation is all zeros") {
  Evaluation two_way;
  add_rows(two_way, Gold::sales, Label::sales, 2);
  add_rows(two_way, Gold::marketing, Label::marketing, 1);
  add_rows(two_way, Gold::marketing, Label::other, 1);
  CHECK(two_way.scores(Gold::other).support == 0);
  CHECK(two_way.scores(Gold::other).precision == 0.0);
  CHECK(two_way.macro_f1() == Approx((1.0 + 2.0 / 3) / 2));
  CHECK(two_way.macro_f1() == Approx(two_way.two_way_macro_f1()));
  CHECK(two_way.false_alarm_rate() == 0.0);

  const Evaluation empty;
  CHECK(empty.total() == 0);
  CHECK(empty.accuracy() == 0.0);
  CHECK(empty.macro_f1() == 0.0);
  CHECK(empty.coverage() == 0.0);
  CHECK(empty.neither_share() == 0.0);
  CHECK(nlohmann::json::parse(empty.to_json())["rows"] == 0);
}

TEST_CASE("text report: the classification report, the extra lines and the five-column confusion matrix") {
  const auto text = small_matrix().to_text();
  CHECK(text.find("         sales     0.600     0.600     0.600         5\n") != std::string::npos);
  CHECK(text.find("     marketing     0.667     0.500     0.571         4\n") != std::string::npos);
  CHECK(text.find("         other     0.714     0.833     0.769         6\n") != std::string::npos);
  CHECK(text.find("      accuracy                         0.667        15\n") != std::string::npos);
  CHECK(text.find("      coverage                         0.800        15") != std::string::npos);
  CHECK(text.find("  false alarms                         0.167         6") != std::string::npos);
  CHECK(text.find("     ambiguous                                       2  (gold ambiguous: left out)\n") !=
        std::string::npos);
  CHECK(text.find("         sales     0.750     0.600     0.667         5\n") != std::string::npos);
  CHECK(text.find("       neither                         0.222         9") != std::string::npos);
  CHECK(text.find("                   sales marketing     other     mixed   unknown\n"
                  "         sales         3         1         0         0         1\n"
                  "     marketing         1         2         0         1         0\n"
                  "         other         1         0         3         0         2\n") != std::string::npos);
}

TEST_CASE("JSON report carries every figure under stable keys") {
  const auto json = nlohmann::json::parse(small_matrix().to_json());
  CHECK(json["rows"] == 15);
  CHECK(json["ambiguous"] == 2);
  CHECK(json["accuracy"].get<double>() == Approx(2.0 / 3).margin(1e-4));
  CHECK(json["macro_f1"].get<double>() == Approx((0.6 + 4.0 / 7 + 10.0 / 13) / 3).margin(1e-4));
  CHECK(json["coverage"].get<double>() == Approx(0.8));
  CHECK(json["false_alarm_rate"].get<double>() == Approx(1.0 / 6).margin(1e-4));
  CHECK(json.contains("weighted_f1"));
  CHECK(json.contains("accuracy_when_labelled"));
  CHECK(json["labels"]["other"]["support"] == 6);
  CHECK(json["labels"]["marketing"]["recall"].get<double>() == Approx(0.5));
  CHECK(json["macro_avg"]["precision"].get<double>() == Approx((0.6 + 2.0 / 3 + 5.0 / 7) / 3).margin(1e-4));
  CHECK(json["weighted_avg"]["recall"].get<double>() == Approx(2.0 / 3).margin(1e-4));
  CHECK(json["two_way"]["rows"] == 9);
  CHECK(json["two_way"]["macro_f1"].get<double>() == Approx(13.0 / 21).margin(1e-4));
  CHECK(json["two_way"]["neither_share"].get<double>() == Approx(2.0 / 9).margin(1e-4));
  CHECK(json["two_way"]["labels"]["sales"]["precision"].get<double>() == Approx(0.75));
  CHECK(json["confusion"]["other"]["unknown"] == 2);
  CHECK(json["confusion"]["marketing"]["mixed"] == 1);
  CHECK(json["confusion"].size() == 3);
  CHECK(json["confusion"]["sales"].size() == 5);
}

TEST_CASE("rows flagged for review and the others are scored apart") {
  Evaluation evaluation;
  evaluation.add(Gold::sales, Label::sales, false);
  evaluation.add(Gold::sales, Label::sales, false);
  evaluation.add(Gold::other, Label::mixed, false);  // neither counts as other: right
  evaluation.add(Gold::marketing, Label::sales, false);
  evaluation.add(Gold::sales, Label::mixed, true);
  evaluation.add(Gold::other, Label::other, true);
  evaluation.add(Gold::ambiguous, Label::sales, true);  // counted only
  CHECK(evaluation.review_rows(false) == 4);
  CHECK(evaluation.review_rows(true) == 2);
  CHECK(evaluation.review_accuracy(false) == Approx(0.75));
  CHECK(evaluation.review_accuracy(true) == Approx(0.5));
  CHECK(evaluation.review_share() == Approx(2.0 / 6));
  const auto text = evaluation.to_text();
  CHECK(text.find(
            "     unflagged                         0.750         4  (accuracy of rows not flagged for review)\n") !=
        std::string::npos);
  CHECK(text.find("       flagged                         0.500         2  (accuracy of rows flagged for review: 33.3% "
                  "of rows)\n") != std::string::npos);
  const auto json = nlohmann::json::parse(evaluation.to_json());
  CHECK(json["flagged"]["rows"] == 2);
  CHECK(json["flagged"]["share"].get<double>() == Approx(0.3333).margin(1e-4));
  CHECK(json["flagged"]["accuracy"].get<double>() == Approx(0.5));
  CHECK(json["unflagged"]["rows"] == 4);
  CHECK(json["unflagged"]["accuracy"].get<double>() == Approx(0.75));
  CHECK(json["rows"] == 6);  // the existing keys stay
  CHECK(json["accuracy"].get<double>() == Approx(4.0 / 6).margin(1e-4));
  const auto none = nlohmann::json::parse(Evaluation().to_json());
  CHECK(none["flagged"]["accuracy"] == 0);
}

TEST_CASE("gaps: ambiguous rows stay out of every count, weighted F1 and accuracy when labelled by hand") {
  Evaluation evaluation = small_matrix();
  // Ambiguous rows are counted apart: never in the confusion, the review rows or the support.
  CHECK(evaluation.count(Gold::ambiguous, Label::sales) == 0);
  CHECK(evaluation.support(Gold::ambiguous) == 0);
  CHECK(evaluation.scores(Gold::ambiguous).support == 0);
  CHECK(evaluation.review_rows(false) + evaluation.review_rows(true) == evaluation.total());
  CHECK(evaluation.ambiguous() == 2);
  // weighted F1 = (5 * 0.6 + 4 * 4/7 + 6 * 10/13) / 15.
  CHECK(evaluation.weighted_f1() == Approx((5 * 0.6 + 4 * 4.0 / 7 + 6 * 10.0 / 13) / 15));
  // Rows labelled sales or marketing: 3 + 1 of gold sales, 2 + 1 of gold marketing, 1 of gold other: 8,
  // of which 3 + 2 are right.
  CHECK(evaluation.accuracy_when_labelled() == Approx(5.0 / 8));
  // Adding an ambiguous row changes nothing but ambiguous().
  const auto before = evaluation.to_json();
  evaluation.add(Gold::ambiguous, Label::marketing, true);
  auto after = nlohmann::json::parse(evaluation.to_json());
  auto expected = nlohmann::json::parse(before);
  CHECK(after["ambiguous"] == 3);
  after.erase("ambiguous");
  expected.erase("ambiguous");
  CHECK(after == expected);
}

TEST_CASE("gaps: an evaluation with nothing labelled, or only one class, divides by nothing") {
  Evaluation only_unknown;
  add_rows(only_unknown, Gold::sales, Label::unknown, 3);
  CHECK(only_unknown.accuracy_when_labelled() == 0.0);  // no row labelled sales or marketing
  CHECK(only_unknown.coverage() == 0.0);
  CHECK(only_unknown.neither_share() == 1.0);
  CHECK(only_unknown.scores(Gold::sales).precision == 0.0);
  CHECK(only_unknown.scores(Gold::sales).recall == 0.0);
  CHECK(only_unknown.scores(Gold::sales).f1 == 0.0);
  CHECK(only_unknown.review_accuracy(true) == 0.0);  // no flagged rows
  CHECK(only_unknown.review_share() == 0.0);

  Evaluation only_other;
  add_rows(only_other, Gold::other, Label::mixed, 2);  // mixed counts as neither, that is other: right
  add_rows(only_other, Gold::other, Label::marketing, 2);
  CHECK(only_other.work_rows() == 0);
  CHECK(only_other.two_way_macro_f1() == 0.0);
  CHECK(only_other.neither_share() == 0.0);
  CHECK(only_other.false_alarm_rate() == Approx(0.5));
  CHECK(only_other.accuracy() == Approx(0.5));
  CHECK(only_other.macro_f1() == Approx(only_other.scores(Gold::other).f1));  // the one class with gold rows

  // Every JSON number stays finite (no NaN from 0/0), and the report parses.
  for (const Evaluation* evaluation : {&only_unknown, &only_other}) {
    const auto json = nlohmann::json::parse(evaluation->to_json());
    for (const auto& [key, value] : json.items()) {
      if (value.is_number_float()) CHECK(std::isfinite(value.get<double>()));
    }
    CHECK(evaluation->to_text().find("nan") == std::string::npos);
  }
}
