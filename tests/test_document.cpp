// Tests of the document splitter: duties, sections and headings on tricky layouts.

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rolecheck/documents/document.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

struct Piece {
  std::string text;
  SectionKind section;
  std::string heading;
};

std::vector<Piece> split(const std::string& input) {
  std::vector<Piece> pieces;
  for (const auto& duty : split_document(input)) {
    pieces.push_back({std::string(duty.text(input)), duty.section, std::string(duty.heading(input))});
  }
  return pieces;
}

std::vector<std::string> texts(const std::string& input) {
  std::vector<std::string> out;
  for (const auto& piece : split(input)) out.push_back(piece.text);
  return out;
}

}  // namespace

TEST_CASE("bullets of every kind become one duty each", "[document]") {
  const std::string input =
      "- Prospect new accounts\n* Run demos\n\u2022 Close deals\n\u00B7 Write copy\n\u2013 Plan campaigns\n"
      "\u25AA Track results\n+ Renew contracts\n";
  CHECK(texts(input) == std::vector<std::string>{"Prospect new accounts", "Run demos", "Close deals", "Write copy",
                                                 "Plan campaigns", "Track results", "Renew contracts"});
}

TEST_CASE("numbered and lettered items are duties, their markers dropped", "[document]") {
  const std::string input =
      "1. Cold-call leads\n2) Send quotes\na) Plan events\n(b) Write press releases\n"
      "(iv) Analyse data\nii. Brief agencies\n";
  CHECK(texts(input) == std::vector<std::string>{"Cold-call leads", "Send quotes", "Plan events",
                                                 "Write press releases", "Analyse data", "Brief agencies"});
}

TEST_CASE("a line starting with a decimal is not a numbered item", "[document]") {
  CHECK(texts("3.5 years of field sales\n") == std::vector<std::string>{"3.5 years of field sales"});
}

TEST_CASE("nested bullets keep their own duties and the parent's section", "[document]") {
  const std::string input =
      "Responsibilities\n- Grow the pipeline:\n    - prospect by phone\n    - book meetings\n  * qualify leads\n"
      "- Close deals\n";
  const auto pieces = split(input);
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[1].text == "prospect by phone");
  CHECK(pieces[3].text == "qualify leads");
  for (const auto& piece : pieces) {
    CHECK(piece.section == SectionKind::duties);
    CHECK(piece.heading == "Responsibilities");
  }
}

TEST_CASE("a wrapped bullet continues on its indented or lower-case next line", "[document]") {
  const std::string input =
      "- Build and manage a pipeline of opportunities,\n  forecasting every week\n"
      "- Negotiate terms and\nclose deals\n";
  CHECK(texts(input) ==
        std::vector<std::string>{"Build and manage a pipeline of opportunities,\n  forecasting every week",
                                 "Negotiate terms and\nclose deals"});
}

TEST_CASE("headings in any case, with or without colon, set the section", "[document]") {
  const std::string input =
      "Senior Marketing Manager\n\nWe are a small team.\n\nWHAT YOU'LL DO\n- Plan campaigns\n\n"
      "Key Duties:\n- Write copy\n\n## Requirements\n- Three years of experience\n\n"
      "What we\u2019re looking for:\n- Curiosity\n\n**Qualifications**\n- A degree\n\n"
      "About us\nWe make software.\n\nBenefits:\n- Dental\n\nPerks\n- Free lunch\n\nWhat We Offer\n- Stock\n";
  const auto pieces = split(input);
  REQUIRE(pieces.size() == 11);
  CHECK(pieces[0].section == SectionKind::title);
  CHECK(pieces[0].text == "Senior Marketing Manager");
  CHECK(pieces[1].section == SectionKind::intro);
  CHECK(pieces[2].section == SectionKind::duties);
  CHECK(pieces[2].heading == "WHAT YOU'LL DO");
  CHECK(pieces[3].section == SectionKind::duties);
  CHECK(pieces[3].heading == "Key Duties");
  CHECK(pieces[4].section == SectionKind::requirements);
  CHECK(pieces[4].heading == "Requirements");
  CHECK(pieces[5].section == SectionKind::requirements);
  CHECK(pieces[6].section == SectionKind::requirements);
  CHECK(pieces[6].heading == "Qualifications");
  for (std::size_t i = 7; i < 11; ++i) CHECK(pieces[i].section == SectionKind::boilerplate);
}

TEST_CASE("a heading with its content on the same line", "[document]") {
  const auto pieces = split("Responsibilities: prospect new accounts and close deals.\nBenefits: dental.\n");
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].text == "prospect new accounts and close deals.");
  CHECK(pieces[0].section == SectionKind::duties);
  CHECK(pieces[0].heading == "Responsibilities");
  CHECK(pieces[1].section == SectionKind::boilerplate);
}

TEST_CASE("a sentence that merely mentions responsibilities is not a heading", "[document]") {
  const auto pieces = split("Your responsibilities include managing key accounts and closing new deals.\n");
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0].section == SectionKind::intro);
}

TEST_CASE("Windows line endings are not part of any duty", "[document]") {
  const std::string input = "Account Executive\r\n\r\nDuties:\r\n- Cold-call prospects\r\n- Close deals\r\n";
  const auto pieces = split(input);
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].section == SectionKind::title);
  CHECK(pieces[1].text == "Cold-call prospects");
  CHECK(pieces[1].heading == "Duties");
  CHECK(pieces[2].text == "Close deals");
}

TEST_CASE("old Mac line endings (lone CRs) break lines as LF does, with the same spans", "[document]") {
  const std::string lf = "Account Executive\n\nDuties:\n- Cold-call prospects\n- Close deals\n";
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  const auto with_lf = split_document(lf);
  const auto with_cr = split_document(cr);
  REQUIRE(with_cr.size() == 3);
  for (std::size_t i = 0; i < with_cr.size(); ++i) {
    CHECK(with_cr[i].begin == with_lf[i].begin);
    CHECK(with_cr[i].end == with_lf[i].end);
    CHECK(with_cr[i].section == with_lf[i].section);
  }
  // Mixed: a CRLF document with one lone CR inside a line still breaks there.
  CHECK(texts("Duties:\r\n- Close deals\r- File reports\r\n") ==
        std::vector<std::string>{"Close deals", "File reports"});
  // CRs before an LF (a CRLF file converted twice) end the line there: no blank line that would split a wrapped
  // bullet.
  CHECK(texts("Duties\r\r\n- Sell cars to walk-in\r\r\n  buyers at the dealership\r\r\n- File paperwork\r\r\n") ==
        std::vector<std::string>{"Sell cars to walk-in\r\r\n  buyers at the dealership", "File paperwork"});
}

TEST_CASE("one long paragraph is cut into sentences, not at abbreviations or decimals", "[document]") {
  const std::string input =
      "We sell to retailers in the U.S. and Canada, e.g. grocers, i.e. mostly food chains, etc. and more. "
      "You will grow revenue 3.5 times with Acme Inc. and Foo Ltd. partners! Can you close? "
      "Dr. Smith leads the team... and you report to her. Next, plan the events.";
  CHECK(texts(input) ==
        std::vector<std::string>{
            "We sell to retailers in the U.S. and Canada, e.g. grocers, i.e. mostly food chains, etc. and more.",
            "You will grow revenue 3.5 times with Acme Inc. and Foo Ltd. partners!", "Can you close?",
            "Dr. Smith leads the team... and you report to her.", "Next, plan the events."});
}

TEST_CASE("hard-wrapped prose joins lines that continue a sentence", "[document]") {
  const std::string input =
      "Marketing managers plan programs to generate interest in products,\n"
      "and they work with art directors and sales agents.\nThey also research demand.\n";
  CHECK(texts(input) ==
        std::vector<std::string>{
            "Marketing managers plan programs to generate interest in products,\nand they work with art directors "
            "and sales agents.",
            "They also research demand."});
}

TEST_CASE("short unpunctuated lines are separate duties", "[document]") {
  CHECK(texts("Cold-call prospects\nPrepare quotes\nClose deals\n") ==
        std::vector<std::string>{"Cold-call prospects", "Prepare quotes", "Close deals"});
}

TEST_CASE("an equal-opportunity paragraph is boilerplate without a heading", "[document]") {
  const auto pieces = split("- Close deals\n\nAcme is an Equal Opportunity Employer. We value everyone.\n");
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].section == SectionKind::intro);
  CHECK(pieces[1].section == SectionKind::boilerplate);
  CHECK(pieces[2].section == SectionKind::boilerplate);
}

TEST_CASE("a short line over a list is a sub-heading that keeps the section", "[document]") {
  const auto pieces =
      split("Responsibilities:\n\nSales\n  - Visit bars\n\nMarketing\n  - Plan campaigns\n\nWhy join us?\nGood pay.\n");
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].section == SectionKind::duties);
  CHECK(pieces[0].heading == "Sales");
  CHECK(pieces[1].heading == "Marketing");
  CHECK(pieces[2].section == SectionKind::boilerplate);
}

TEST_CASE("empty, blank and decoration-only documents have no duties", "[document]") {
  CHECK(split("").empty());
  CHECK(split("\n\n  \r\n").empty());
  CHECK(split("-----\n=====\n* * *\n").empty());
}

TEST_CASE("spans point into the document", "[document]") {
  const std::string input = "Title Here\n\n  - Run demos  \n";
  const auto duties = split_document(input);
  REQUIRE(duties.size() == 2);
  CHECK(input.substr(duties[1].begin, duties[1].end - duties[1].begin) == "Run demos");
}

TEST_CASE("heading_kind knows the common headings", "[document]") {
  bool known = false;
  CHECK(heading_kind("What you'll do", known) == SectionKind::duties);
  CHECK(known);
  CHECK(heading_kind("About the company", known) == SectionKind::boilerplate);
  CHECK(heading_kind("About the role", known) == SectionKind::intro);
  CHECK(heading_kind("Equal Opportunity", known) == SectionKind::boilerplate);
  CHECK(heading_kind("Nice to have", known) == SectionKind::requirements);
  heading_kind("Quarterly pipeline", known);
  CHECK_FALSE(known);
}

}  // namespace rolecheck

namespace rolecheck {
namespace {

TEST_CASE("Markdown: a '# ' title loses its '#', bold labels keep their text", "[document]") {
  const auto pieces = split(
      "# Account Executive, Enterprise Software Sales Team\n\n**Location:** Midwest\n"
      "**Team:** Sales\n\n## Responsibilities\n- Close deals\n");
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[0].text == "Account Executive, Enterprise Software Sales Team");
  CHECK(pieces[0].section == SectionKind::title);
  CHECK(pieces[1].text == "Midwest");
  CHECK(pieces[1].heading == "Location");
  CHECK(pieces[2].text == "**Team:** Sales");  // an unknown label leads an ordinary line
  CHECK(pieces[3].section == SectionKind::duties);
}

TEST_CASE("Markdown: '##' headings of any length, Word's 'o' bullets", "[document]") {
  const auto pieces = split(
      "Duties\no Prospect accounts\no Close deals\n\n## Things we would love you to know about us here\n"
      "We sell tools.\n");
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].text == "Prospect accounts");
  CHECK(pieces[1].text == "Close deals");
  CHECK(pieces[2].heading == "Things we would love you to know about us here");
  CHECK(texts("order of operations\n") == std::vector<std::string>{"order of operations"});
  CHECK(split("What you'll bring\n- Grit\n")[0].section == SectionKind::requirements);
}

}  // namespace
}  // namespace rolecheck
