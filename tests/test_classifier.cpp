#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "rolecheck/classifier.hpp"

using namespace rolecheck;
using rolecheck::testing::make_cue;
using rolecheck::testing::make_taxonomy;

namespace {
Classification classify(const Classifier& classifier, std::string_view text) {
  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify(text, scanner, result);
  return result;
}
Classifier test_classifier(ClassifyOptions options = {}) {
  return Classifier(make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"}, NegationEffect::flip),
                                   make_cue("ads", Side::marketing, 2, {"advertising"}),
                                   make_cue("call", Side::sales, 0.5, {"call"})},
                                  {make_cue("brand", Side::marketing, 1, {"brand awareness"})}),
                    options);
}
}  // namespace

TEST_CASE("labels follow the side carrying the evidence") {
  const auto classifier = test_classifier();
  const auto sales = classify(classifier, "Sell products");
  CHECK(sales.label == Label::sales);
  CHECK(sales.scores[0] == 2.0);
  CHECK(sales.confidence > 0.5);
  const auto marketing = classify(classifier, "Advertising for brand awareness");
  CHECK(marketing.label == Label::marketing);
  CHECK(marketing.by_difference[3][1] == 1.0);
}

TEST_CASE("empty, no evidence, weak evidence and conflict are told apart") {
  const auto classifier = test_classifier();
  CHECK(classify(classifier, "   ").basis == Basis::empty);
  CHECK(classify(classifier, "hire staff").basis == Basis::no_evidence);
  CHECK(classify(classifier, "call").basis == Basis::weak_evidence);
  const auto mixed = classify(classifier, "sell advertising");
  CHECK(mixed.label == Label::mixed);
  CHECK(mixed.basis == Basis::conflict);
}

TEST_CASE("a flipped negation moves evidence to the other side, as support only") {
  const auto result = classify(test_classifier(), "not responsible for directly selling products");
  CHECK(result.label == Label::other);
  CHECK(result.basis == Basis::support_only);
  REQUIRE(result.reasons.size() == 1);
  CHECK(result.reasons[0].negated);
  CHECK(result.reasons[0].side == Side::marketing);
  CHECK(result.reasons[0].role == CueRole::support);
}

TEST_CASE("each repeat of a cue adds half the weight of the one before") {
  const auto result = classify(test_classifier(), "sell, sell, sell");
  CHECK(result.scores[0] == 2.0 + 1.0 + 0.5);
  REQUIRE(result.reasons.size() == 3);
  CHECK(result.reasons[2].weight == 0.5);
}

TEST_CASE("a tie is broken by the strongest single piece of evidence") {
  // sales: call 0.5 + sell 2 = 2.5; marketing: advertising 2 + brand awareness 1 = 3 -> marketing wins outright.
  CHECK(classify(test_classifier(), "sell advertising for brand awareness").label == Label::marketing);
  // sales 2 (sell) vs marketing 2 (advertising): equal totals and equal strongest cue -> mixed.
  CHECK(classify(test_classifier(), "sell advertising").label == Label::mixed);
}

TEST_CASE("a minimum confidence turns weak labels into unknown") {
  ClassifyOptions options;
  options.min_confidence = 0.99;
  const auto result = classify(test_classifier(options), "Sell products");
  CHECK(result.label == Label::unknown);
  CHECK(result.basis == Basis::low_confidence);
}
