// Tests of `rolecheck explain`'s trace: every stage shown, and a decision that agrees with the classifier's.

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <string>

#include "test_support.hpp"

#include "rolecheck/output/explanation.hpp"

namespace rolecheck {
namespace {

using testing::make_cue;
using testing::make_other_cue;
using testing::make_taxonomy;

Classifier explain_classifier() {
  auto taxonomy = make_taxonomy({make_cue("sales.sell", Side::sales, 2, {"sell"}, NegationEffect::flip),
                                 make_cue("marketing.ads", Side::marketing, 2, {"advertising"}),
                                 make_cue("marketing.brand", Side::marketing, 1, {"brand"})});
  taxonomy.other_work.cues = {make_other_cue("other.stock", 3, {"inventory"})};
  taxonomy.negation.after = {"is not required"};
  return Classifier(taxonomy);
}

Classification classify(const Classifier& classifier, std::string_view text) {
  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify(text, scanner, result);
  return result;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the trace's decision is the classifier's, and every match it counted is listed", "[explanation]") {
  const Classifier classifier = explain_classifier();
  for (const std::string_view duty : {"Sell products", "Buy advertising space", "Count inventory",
                                      "Sell advertising for the brand", "do not sell cars", "Water the plants", ""}) {
    INFO(duty);
    const auto trace = explain_decision(classifier, duty);
    const auto result = classify(classifier, duty);
    CHECK(has(trace, fmt::format("duty: {}\n", duty)));
    CHECK(has(trace, fmt::format("decision: {} (confidence {:.2f})\n", label_name(result.label), result.confidence)));
    for (const auto& reason : result.reasons) {
      CHECK(has(trace, fmt::format("\"{}\" [{}, {}) -> {}", duty.substr(reason.begin, reason.end - reason.begin),
                                   reason.begin, reason.end, classifier.matcher().cues()[reason.cue].id)));
    }
    for (const auto& reason : result.other_reasons) {
      CHECK(has(trace,
                fmt::format("[{}, {}) -> {}", reason.begin, reason.end, classifier.matcher().cues()[reason.cue].id)));
    }
    if (result.reasons.empty()) CHECK(has(trace, "cue matches (core"));
    CHECK(has(trace, fmt::format("  {:<38} {:>5g} {:>10g}\n", "total", result.scores[0], result.scores[1])));
  }
}

TEST_CASE("each basis gets its own sentence", "[explanation]") {
  const Classifier classifier = explain_classifier();
  CHECK(has(explain_decision(classifier, "Sell products"), "only sales has core evidence"));
  CHECK(has(explain_decision(classifier, "Sell advertising"), "neither side reaches 60% of the evidence"));
  CHECK(has(explain_decision(classifier, "Sell advertising for the brand"),
            "both sides have core evidence; marketing carries 60% of all evidence (3 of 5)"));
  CHECK(has(explain_decision(classifier, "Count inventory"), "other-work evidence 3 holds at least"));
  CHECK(has(explain_decision(classifier, "Water the plants"), "no sales or marketing cue counted"));
  const auto empty = explain_decision(classifier, "");
  CHECK(has(empty, "decision: unknown"));
  CHECK(has(empty, "the duty has no words."));
  CHECK_FALSE(has(empty, "review:"));  // an empty duty is never flagged
  CHECK(has(explain_decision(classifier, "Sell products"), "\nreview: "));
}

TEST_CASE("a negation is shown with its scope, and a flipped match says so", "[explanation]") {
  const Classifier classifier = explain_classifier();
  const auto trace = explain_decision(classifier, "do not sell cars");
  CHECK(has(trace, "\"not\" at [3, 6) governs up to 5 following words in its clause"));
  CHECK(has(trace, "negated: flipped to support (by \"not\" before it)"));
  CHECK(has(explain_decision(classifier, "Sell products"), "negations\n  (none)\n"));
}

TEST_CASE("a backward negation is shown with its direction and the cues it governs", "[explanation]") {
  const Classifier classifier = explain_classifier();
  const auto trace = explain_decision(classifier, "Advertising is not required");
  CHECK(has(trace, "\"is not required\" at [12, 27) governs up to 5 preceding words in its clause"));
  CHECK(has(trace, "negated: dropped (by \"is not required\" after it)"));
  const auto json = explain_decision_json(classifier, "Advertising is not required");
  CHECK(has(json,
            "\"negations\":[{\"match\":\"is not required\",\"span\":[12,27],\"direction\":\"backward\","
            "\"governs\":[[0,11]]}]"));
  CHECK(has(explain_decision_json(classifier, "do not sell"), "\"direction\":\"forward\",\"governs\":[[7,11]]"));
}

TEST_CASE("the minimum confidence appears among the thresholds only when set", "[explanation]") {
  ClassifyOptions options;
  options.min_confidence = 0.99;
  auto taxonomy = make_taxonomy({make_cue("sales.sell", Side::sales, 2, {"sell"})});
  const Classifier strict(taxonomy, options);
  const auto trace = explain_decision(strict, "Sell products");
  CHECK(has(trace, "--min-confidence 0.99"));
  CHECK(has(trace, "decision: unknown"));
  CHECK(has(trace, "the confidence is below --min-confidence."));
  CHECK_FALSE(has(explain_decision(explain_classifier(), "Sell products"), "--min-confidence"));
}

TEST_CASE("evidence that reaches min_evidence only with credited support says so", "[explanation]") {
  auto taxonomy = make_taxonomy({make_cue("sales.client", Side::sales, 1, {"clients"}),
                                 testing::make_support_cue("sales.demo", Side::sales, 1, {"demonstrate"})});
  taxonomy.thresholds.min_evidence = 1.5;
  taxonomy.thresholds.support_credit = 1.0;
  const Classifier classifier(taxonomy);
  const auto text = explain_decision(classifier, "demonstrate to clients");
  CHECK(has(text, "only sales has core evidence (1 + 1 credited support, at least min_evidence 1.5)"));
  CHECK(has(text, "support_credit 1"));
  CHECK(has(explain_decision_json(classifier, "demonstrate to clients"), "\"support_credit\":1"));
}

}  // namespace rolecheck
