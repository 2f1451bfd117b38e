// Tests of the role verdict: voting, hybrid, boilerplate, requirements, title weight and spans.

#include <catch2/catch.hpp>
#include <string>

#include "test_support.hpp"

#include "rolecheck/documents/document_classifier.hpp"

namespace rolecheck {
namespace {

using testing::make_cue;

Taxonomy document_taxonomy() {
  auto taxonomy = testing::make_taxonomy(
      {make_cue("sales.close", Side::sales, 1.0, {"close deals", "cold call", "demo"}),
       make_cue("marketing.campaign", Side::marketing, 1.0, {"campaign", "press release", "copy"})},
      {make_cue("sales.quota", Side::sales, 1.0, {"quota"})});
  taxonomy.differences[2].cues = {make_cue("sales.exec.patience", Side::sales, 1.0, {"patience"}),
                                  make_cue("marketing.exec.writing", Side::marketing, 1.0, {"writing"})};
  taxonomy.other_work.cues = {testing::make_other_cue("other.stock", 1.0, {"stock shelves", "inventory"}),
                              testing::make_other_cue("other.records", 1.0, {"file records", "invoices"}),
                              testing::make_other_cue("other.repair", 1.0, {"repair"})};
  taxonomy.thresholds.min_evidence = 0.5;
  return taxonomy;
}

struct Fixture {
  explicit Fixture(DocumentOptions options = {})
      : classifier(document_taxonomy()), documents(classifier, options), scanner(classifier.make_scanner()) {}

  const DocumentResult& run(const std::string& text) {
    document = text;
    documents.classify(document, scanner, result);
    return result;
  }

  Classifier classifier;
  DocumentClassifier documents;
  Scanner scanner;
  std::string document;
  DocumentResult result;
};

}  // namespace

TEST_CASE("a posting of sales duties is sales", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("- Cold call leads\n- Run a demo\n- Close deals\n- Meet the quota\n");
  CHECK(result.label == RoleLabel::sales);
  CHECK(result.shares[0] == Approx(1.0));
  CHECK(result.shares[1] == Approx(0.0));
  CHECK(result.confidence > 0.5);
  CHECK(result.confidence <= 1.0);
  CHECK(result.leaning[0] == 4);
  REQUIRE(result.duties.size() == 4);
  CHECK(result.duties[0].result.label == Label::sales);
}

TEST_CASE("boilerplate never votes", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run(
      "- Close deals\n\nBenefits\n- A campaign of free lunches\n- Press release training\n- Copy of our handbook\n");
  CHECK(result.label == RoleLabel::sales);
  CHECK(result.shares[1] == Approx(0.0));
  CHECK(result.duties[1].duty.section == SectionKind::boilerplate);
  CHECK(result.duties[1].vote_weight == 0.0);
}

TEST_CASE("both sides with a substantial share make a hybrid", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run(
      "- Close deals\n- Run a demo\n- Cold call leads\n- Plan the campaign\n- Issue the press release\n"
      "- Edit copy\n");
  CHECK(result.label == RoleLabel::hybrid);
  CHECK(result.shares[0] == Approx(0.5));
  CHECK(result.confidence > 0.0);
}

TEST_CASE("a small minority does not make a hybrid", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("- Close deals\n- Run a demo\n- Cold call leads\n- Plan the campaign\n");
  CHECK(result.label == RoleLabel::sales);
  CHECK(result.shares[1] == Approx(0.25));
}

TEST_CASE("hybrid needs enough duties on each side", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("- Close deals\n- Plan the campaign\n");
  CHECK(result.label == RoleLabel::unknown);  // an exact tie with one duty a side
  DocumentOptions options;
  options.hybrid_min_duties = 1;
  Fixture lenient(options);
  CHECK(lenient.run("- Close deals\n- Plan the campaign\n").label == RoleLabel::hybrid);
}

TEST_CASE("a document with nothing to judge is unknown", "[document_classifier]") {
  Fixture fixture;
  for (const char* text : {"", "\n\n", "Benefits\n- A campaign of free lunches\n- Close deals with our gym\n"}) {
    const auto& result = fixture.run(text);
    CHECK(result.label == RoleLabel::unknown);
    CHECK(result.shares[0] == 0.0);
    CHECK(result.shares[1] == 0.0);
    CHECK(result.work_shares == std::array<double, 3>{0.0, 0.0, 0.0});
    CHECK(result.confidence == 1.0);
  }
}

TEST_CASE("a document whose duties carry no sales or marketing evidence is other", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("We are a friendly team.\n- Enjoy lunch\n");
  CHECK(result.label == RoleLabel::other);
  CHECK(result.shares[0] == 0.0);
  CHECK(result.shares[1] == 0.0);
  CHECK(result.work_shares[2] == Approx(1.0));
  CHECK(result.confidence > 0.0);
  for (const auto& verdict : result.differences) CHECK_FALSE(verdict.has_evidence);
}

TEST_CASE("a posting of mostly other work is other, with the share of each kind of duty", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run(
      "- Stock shelves\n- File records and invoices\n- Repair the tills\n- Count inventory\n- Close deals\n");
  CHECK(result.label == RoleLabel::other);
  CHECK(result.work == std::array<double, 3>{1.0, 0.0, 4.0});
  CHECK(result.work_shares[0] == Approx(0.2));
  CHECK(result.work_shares[2] == Approx(0.8));
  CHECK(result.shares[0] == Approx(1.0));  // what sales and marketing evidence there is, is sales
  CHECK(result.confidence > 0.5);
  CHECK(result.confidence <= 0.8);
  CHECK(result.duties[0].result.label == Label::other);
  CHECK(result.duties[0].vote_weight == 1.0);  // other duties vote on the kind of work
  REQUIRE(result.duties[1].result.other_reasons.size() == 2);
  const auto& invoices = result.duties[1].result.other_reasons[1];
  CHECK(fixture.document.substr(invoices.begin, invoices.end - invoices.begin) == "invoices");
}

TEST_CASE("a sales posting with a few admin bullets stays sales", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("- Cold call leads\n- Run a demo\n- Close deals\n- File records\n- Stock shelves\n");
  CHECK(result.label == RoleLabel::sales);
  CHECK(result.work_shares[0] == Approx(0.6));
  CHECK(result.work_shares[2] == Approx(0.4));
  CHECK(result.votes[0] == Approx(3.0));  // other duties do not vote on sales against marketing
}

TEST_CASE("how many sales or marketing duties make a role is an option", "[document_classifier]") {
  const std::string posting = "- Close deals\n- Stock shelves\n- File records\n";
  Fixture fixture;
  // One duty of three, with too little core evidence per duty to make a role on its own.
  const auto& result = fixture.run(posting);
  CHECK(result.label == RoleLabel::other);
  CHECK(result.role_evidence < 1.0);
  DocumentOptions options;
  options.min_role_evidence = 0.3;  // close deals: core 1 over 3 duties
  Fixture lenient(options);
  CHECK(lenient.run(posting).label == RoleLabel::sales);
  DocumentOptions strict;
  strict.min_role_duties = 2.0;
  Fixture two(strict);
  CHECK(two.run("- Close deals\n- Cold call leads\n- Stock shelves\n").label == RoleLabel::sales);
  CHECK(two.run("- Close deals\n- Stock shelves\n- File records\n- Count inventory\n").label == RoleLabel::other);
}

TEST_CASE("a sales title carries a posting of other duties", "[document_classifier]") {
  const std::string posting =
      "Cold Call Closer\n\n- Stock shelves\n- File records\n- Repair the tills\n- Count inventory\n- Unload trucks\n";
  Fixture fixture;
  const auto& result = fixture.run(posting);
  CHECK(result.duties[0].duty.section == SectionKind::title);
  CHECK(result.label == RoleLabel::sales);
  CHECK(result.work_shares[0] == Approx(3.0 / 8.0));  // the title counts three duties
  DocumentOptions options;
  options.title_weight = 1.0;
  Fixture plain(options);
  CHECK(plain.run(posting).label == RoleLabel::other);
  // A title of other work counts as one duty.
  const auto& clerk = fixture.run("Inventory Clerk\n\n- Close deals\n- Cold call leads\n");
  CHECK(clerk.duties[0].result.label == Label::other);
  CHECK(clerk.duties[0].vote_weight == 1.0);
  CHECK(clerk.label == RoleLabel::sales);
  // A sales title that also names other work (the admin job of a sales office) counts as one duty too.
  const auto& admin =
      fixture.run("Cold Call and Demo Inventory Clerk\n\n- Stock shelves\n- File records\n- Repair the tills\n");
  REQUIRE(admin.duties[0].result.label == Label::sales);
  CHECK(admin.duties[0].result.other > 0.0);
  CHECK(admin.duties[0].vote_weight == 1.0);
  CHECK(admin.label == RoleLabel::other);
  // Other work named only in a qualifier after the job name (a comma, a spaced dash) keeps the title's weight.
  for (const std::string title : {"Cold Call and Demo Closer, Inventory", "Cold Call and Demo Closer - Inventory"}) {
    const auto& qualified = fixture.run(title + "\n\n- Stock shelves\n- File records\n");
    REQUIRE(qualified.duties[0].result.label == Label::sales);
    CHECK(qualified.duties[0].result.other > 0.0);
    CHECK(qualified.duties[0].vote_weight == 3.0);
  }
}

TEST_CASE("boilerplate other work does not vote", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("- Close deals\n\nBenefits\n- We repair your bike\n- Free inventory of snacks\n");
  CHECK(result.label == RoleLabel::sales);
  CHECK(result.work == std::array<double, 3>{1.0, 0.0, 0.0});
}

TEST_CASE("requirements evidence the execution capabilities and weigh less", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("Duties\n- Plan the campaign\n\nRequirements\n- Cold call experience\n");
  CHECK(result.label == RoleLabel::marketing);
  CHECK(result.votes[1] == Approx(1.0));
  CHECK(result.votes[0] == Approx(0.5));
  const auto& execution = result.differences[kExecutionDifference];
  REQUIRE(execution.has_evidence);
  CHECK(execution.side == Side::sales);
  CHECK(execution.evidence[0] == Approx(1.0));
  CHECK_FALSE(result.differences[1].evidence[0] > 0.0);  // the cue's own difference gets nothing
}

TEST_CASE("the title weighs more than a duty", "[document_classifier]") {
  const std::string posting = "Campaign Lead\n\n- Close deals\n- Run a demo\n";
  Fixture fixture;
  CHECK(fixture.run(posting).label == RoleLabel::marketing);
  DocumentOptions options;
  options.title_weight = 1.0;
  Fixture plain(options);
  CHECK(plain.run(posting).label == RoleLabel::sales);
}

TEST_CASE("reason spans are relative to the document", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("Intro line here.\n\n- Please close deals today\n");
  REQUIRE(result.duties.size() == 2);
  const auto& reasons = result.duties[1].result.reasons;
  REQUIRE(reasons.size() == 1);
  CHECK(fixture.document.substr(reasons[0].begin, reasons[0].end - reasons[0].begin) == "close deals");
}

TEST_CASE("each difference names its strongest evidence", "[document_classifier]") {
  Fixture fixture;
  const auto& result = fixture.run("- Plan the campaign\n- Meet the quota\n- Write a press release\n");
  const auto& core = result.differences[1];
  REQUIRE(core.has_evidence);
  CHECK(core.side == Side::marketing);
  CHECK(core.duty == 0);
  const auto& purpose = result.differences[3];
  REQUIRE(purpose.has_evidence);
  CHECK(purpose.side == Side::sales);
  CHECK(purpose.duty == 1);
  CHECK_FALSE(result.differences[0].has_evidence);
}

TEST_CASE("the result is reusable from one document to the next", "[document_classifier]") {
  Fixture fixture;
  fixture.run("- Close deals\n- Run a demo\n- Cold call\n");
  const auto& result = fixture.run("- Plan the campaign\n");
  CHECK(result.label == RoleLabel::marketing);
  CHECK(result.duties.size() == 1);
  CHECK(result.leaning[0] == 0);
}

TEST_CASE("a title naming both jobs counts for both, and the duties decide", "[document_classifier]") {
  Fixture fixture;
  // The title carries core evidence of both sides; the duties are evenly split: hybrid, not the title's lean.
  const auto& result = fixture.run(
      "Cold Call and Campaign Coordinator\n\n- Close deals\n- Run a demo\n- Write the copy\n- Plan the campaign\n");
  REQUIRE(result.duties[0].duty.section == SectionKind::title);
  CHECK(result.work[0] == Approx(result.work[1]));
  CHECK(result.label == RoleLabel::hybrid);
}

TEST_CASE("a little selling and nothing else is too little to judge", "[document_classifier]") {
  DocumentOptions options;
  options.min_role_duties = 2.0;
  Fixture fixture(options);
  const auto& result = fixture.run("Requirements:\n- Patience with cold call work\n");
  CHECK(result.work[2] == 0.0);
  CHECK(result.label == RoleLabel::unknown);
}

TEST_CASE("a verdict is flagged for review when its margin or confidence is low", "[document_classifier]") {
  Fixture fixture;
  // Clearly sales: all four duties sales, all votes sales: margin 1.
  const auto& sales = fixture.run("- Cold call leads\n- Run a demo\n- Close deals\n- Meet the quota\n");
  CHECK(sales.label == RoleLabel::sales);
  CHECK(sales.margin == Approx(1.0));
  CHECK_FALSE(sales.review);
  // One weak sales duty beside one of other work: other, but half the duties are sales: margin 0, flagged.
  const auto& close = fixture.run("- Close deals\n- Stock shelves\n");
  CHECK(close.label == RoleLabel::other);
  CHECK(close.margin == Approx(0.0));
  CHECK(close.review);
  // One sales duty in three: other duties 0.67, sales 0.33: margin 0.33, not flagged.
  const auto& third = fixture.run("- Close deals\n- Stock shelves\n- Repair the van\n");
  CHECK(third.label == RoleLabel::other);
  CHECK(third.margin == Approx(1.0 / 3));
  CHECK_FALSE(third.review);
  // Only other work: margin 1.
  const auto& other = fixture.run("- Stock shelves\n- File records\n- Repair the van\n");
  CHECK(other.label == RoleLabel::other);
  CHECK(other.margin == Approx(1.0));
  CHECK_FALSE(other.review);
  // Nothing to judge: never flagged.
  CHECK_FALSE(fixture.run("").review);
}

TEST_CASE("a verdict from the title alone is flagged for review", "[document_classifier]") {
  Fixture fixture;
  const auto& with_duties = fixture.run("Deal Closer\n\nDuties:\n- Close deals\n- Meet the quota\n");
  CHECK(with_duties.label == RoleLabel::sales);
  CHECK(with_duties.voting_body == 2);
  CHECK_FALSE(with_duties.review);
  const auto& title_only = fixture.run("Deal Closer\n\nDuties:\n");
  REQUIRE(title_only.voting == 1);
  CHECK(title_only.voting_body == 0);
  CHECK(title_only.label != RoleLabel::unknown);
  CHECK(title_only.confidence >= 0.3);  // flagged for the title alone, not for low confidence
  CHECK(title_only.margin >= 0.3);
  CHECK(title_only.review);
}

TEST_CASE("sales against marketing: the gap between the vote shares is the margin", "[document_classifier]") {
  Fixture fixture;
  // Sales 4 votes, marketing 1: shares 0.8 / 0.2, gap 0.6.
  const auto& lean =
      fixture.run("- Cold call leads\n- Run a demo\n- Close deals\n- Meet the quota\n- Run a campaign\n");
  CHECK(lean.label == RoleLabel::sales);
  CHECK(lean.margin == Approx(0.6));
  CHECK_FALSE(lean.review);
  DocumentOptions strict;
  strict.review_margin = 0.7;
  Fixture stricter(strict);
  CHECK(stricter.run(fixture.document).review);
  DocumentOptions confident;
  confident.review_margin = 0.0;
  confident.review_confidence = 0.99;
  Fixture unsure(confident);
  CHECK(unsure.run(fixture.document).review);
}

}  // namespace rolecheck
