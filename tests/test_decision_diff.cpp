// Tests of comparing decisions under two taxonomies: label changes, removed, added and reweighted cues,
// other-work cues, and documents' verdicts with the duties that changed.

#include <catch2/catch.hpp>
#include <string>

#include "test_support.hpp"

#include "rolecheck/analysis/decision_diff.hpp"

namespace rolecheck {
namespace {

using testing::make_cue;
using testing::make_other_cue;

Taxonomy base_taxonomy() {
  auto taxonomy = testing::make_taxonomy({make_cue("sales.close", Side::sales, 3, {"close deals"}),
                                          make_cue("sales.call", Side::sales, 2, {"cold call"}),
                                          make_cue("marketing.ads", Side::marketing, 2, {"advertising"})});
  taxonomy.other_work.cues = {make_other_cue("other.stock", 2, {"stock"})};
  return taxonomy;
}

// The base taxonomy without the cue `id`.
Taxonomy without(std::string_view id) {
  auto taxonomy = base_taxonomy();
  auto& cues = taxonomy.differences[1].cues;
  std::erase_if(cues, [&](const Cue& cue) { return cue.id == id; });
  std::erase_if(taxonomy.other_work.cues, [&](const Cue& cue) { return cue.id == id; });
  return taxonomy;
}

struct Pair {
  Pair(Taxonomy old_taxonomy, Taxonomy new_taxonomy)
      : old_classifier(std::move(old_taxonomy)), new_classifier(std::move(new_taxonomy)) {}

  DecisionDiff diff(std::string_view text) {
    Scanner old_scanner = old_classifier.make_scanner();
    Scanner new_scanner = new_classifier.make_scanner();
    Classification old_result;
    Classification new_result;
    old_classifier.classify(text, old_scanner, old_result);
    new_classifier.classify(text, new_scanner, new_result);
    return diff_decisions(old_result, old_classifier.matcher(), new_result, new_classifier.matcher());
  }

  Classifier old_classifier;
  Classifier new_classifier;
};

}  // namespace

TEST_CASE("identical taxonomies give no change", "[decision_diff]") {
  Pair pair(base_taxonomy(), base_taxonomy());
  const auto diff = pair.diff("Close deals and cold call prospects");
  CHECK_FALSE(diff.label_changed());
  CHECK(diff.old_label == Label::sales);
  CHECK(diff.cues.empty());
  CHECK(diff.old_confidence == diff.new_confidence);
}

TEST_CASE("a removed cue that decided a line is the difference", "[decision_diff]") {
  Pair pair(base_taxonomy(), without("sales.close"));
  const auto diff = pair.diff("Close deals");
  CHECK(diff.label_changed());
  CHECK(diff.old_label == Label::sales);
  CHECK(diff.new_label == Label::other);
  REQUIRE(diff.cues.size() == 1);
  CHECK(diff.cues[0].cue == "sales.close");
  CHECK(diff.cues[0].side == Side::sales);
  REQUIRE(diff.cues[0].old_cue);
  CHECK(diff.cues[0].old_cue->matches == 1);
  CHECK(diff.cues[0].old_cue->weight == 3.0);
  CHECK_FALSE(diff.cues[0].new_cue);
  CHECK(diff.cues[0].delta() == -3.0);
  // A line the cue did not touch has no cue changes.
  CHECK(pair.diff("Plan advertising").cues.empty());
}

TEST_CASE("a reweighted cue is listed with both weights, largest change first", "[decision_diff]") {
  auto heavier = base_taxonomy();
  heavier.differences[1].cues[2].weight = 8;  // marketing.ads
  Pair pair(base_taxonomy(), heavier);
  const auto diff = pair.diff("Close deals, cold call and advertising");
  CHECK(diff.old_label == Label::sales);
  CHECK(diff.new_label == Label::marketing);
  REQUIRE(diff.cues.size() == 1);
  CHECK(diff.cues[0].cue == "marketing.ads");
  CHECK(diff.cues[0].old_cue->weight == 2.0);
  CHECK(diff.cues[0].new_cue->weight == 8.0);
}

TEST_CASE("other-work cues count as cues that made the difference", "[decision_diff]") {
  Pair pair(without("other.stock"), base_taxonomy());
  const auto diff = pair.diff("Stock shelves");
  CHECK(diff.old_label == Label::other);
  CHECK(diff.new_label == Label::other);
  CHECK_FALSE(diff.label_changed());
  REQUIRE(diff.cues.size() == 1);
  CHECK(diff.cues[0].cue == "other.stock");
  CHECK(diff.cues[0].other_work);
  CHECK_FALSE(diff.cues[0].old_cue);
  CHECK(diff.cues[0].new_cue->role == CueRole::other);
  CHECK(diff.cues[0].new_cue->weight == 2.0);
}

TEST_CASE("repeats are summed per cue, so a changed repeat count shows", "[decision_diff]") {
  Pair pair(base_taxonomy(), base_taxonomy());
  const auto same = pair.diff("cold call, cold call");
  CHECK(same.cues.empty());
  Pair removed(base_taxonomy(), without("sales.call"));
  const auto diff = removed.diff("cold call, cold call");
  REQUIRE(diff.cues.size() == 1);
  CHECK(diff.cues[0].old_cue->matches == 2);
  CHECK(diff.cues[0].old_cue->weight == 3.0);  // 2 + 1
}

TEST_CASE("documents: the verdict and the duties whose label changed", "[decision_diff]") {
  const Classifier old_classifier(base_taxonomy());
  const Classifier new_classifier(without("sales.close"));
  const DocumentClassifier old_documents(old_classifier);
  const DocumentClassifier new_documents(new_classifier);
  Scanner old_scanner = old_classifier.make_scanner();
  Scanner new_scanner = new_classifier.make_scanner();
  const std::string text =
      "Responsibilities:\n- Close deals with buyers\n- Close deals on the spot\n- Plan advertising\n";
  DocumentResult old_result;
  DocumentResult new_result;
  old_documents.classify(text, old_scanner, old_result);
  new_documents.classify(text, new_scanner, new_result);
  const auto diff = diff_documents(old_result, old_classifier.matcher(), new_result, new_classifier.matcher());
  CHECK(diff.verdict_changed());
  CHECK(diff.old_label == RoleLabel::sales);
  CHECK(diff.new_label == RoleLabel::other);  // one marketing duty of three: mostly other work
  CHECK(diff.changed());
  REQUIRE(diff.duties.size() == 2);
  CHECK(new_result.duties[diff.duties[0].duty].duty.text(text) == "Close deals with buyers");
  CHECK(diff.duties[1].decision.cues.front().cue == "sales.close");

  const auto same = diff_documents(old_result, old_classifier.matcher(), old_result, old_classifier.matcher());
  CHECK_FALSE(same.changed());
}

}  // namespace rolecheck
