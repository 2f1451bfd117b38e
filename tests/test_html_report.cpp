#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

#include "rolecheck/output/html_report.hpp"
#include "rolecheck/support/error.hpp"

using namespace rolecheck;
using rolecheck::testing::make_cue;
using rolecheck::testing::make_taxonomy;

namespace {
Classifier report_classifier() {
  auto taxonomy =
      make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"}), make_cue("ads", Side::marketing, 2, {"advertising"})},
                    {make_cue("brand", Side::marketing, 1, {"brand awareness"})});
  taxonomy.differences[0].sales.summary = "Sells <directly> & \"now\"";
  return Classifier(taxonomy);
}
void add(HtmlReport& report, const Classifier& classifier, std::string_view text, std::size_t line) {
  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify(text, scanner, result);
  report.add("in.txt", line, text, result);
}
// The JSON inside <script id="rc-data">.
nlohmann::json embedded_data(const std::string& page) {
  const auto start = page.find('>', page.find("<script id=\"rc-data\"")) + 1;
  const auto end = page.find("</script>", start);
  return nlohmann::json::parse(page.substr(start, end - start));
}
}  // namespace

TEST_CASE("append_html_escaped escapes markup and quotes") {
  std::string out;
  append_html_escaped(out, "<a href=\"x\">Tom & Jerry's</a>");
  CHECK(out == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("the report counts labels and evidence and embeds every item with its highlights") {
  const auto classifier = report_classifier();
  HtmlReport report(classifier);
  add(report, classifier, "Sell cars", 1);
  add(report, classifier, "Plan advertising for brand awareness", 2);
  add(report, classifier, "", 3);
  CHECK(report.size() == 3);
  CHECK(report.label_counts()[static_cast<std::size_t>(Label::sales)] == 1);
  CHECK(report.label_counts()[static_cast<std::size_t>(Label::marketing)] == 1);
  CHECK(report.label_counts()[static_cast<std::size_t>(Label::unknown)] == 1);
  CHECK(report.evidence()[1][0] == 2.0);  // core capabilities, sales
  CHECK(report.evidence()[3][1] == 1.0);  // essential purpose, marketing

  const auto page = report.to_string();
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<svg id=\"rc-chart\"") != std::string::npos);
  CHECK(page.find("Sells &lt;directly&gt; &amp; &quot;now&quot;") != std::string::npos);
  CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));  // no other URLs
  CHECK(page.find("https://") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);

  const auto data = embedded_data(page);
  REQUIRE(data["items"].size() == 3);
  CHECK(data["files"][0] == "in.txt");
  const auto& first = data["items"][0];
  CHECK(first[1] == 1);
  CHECK(first[2] == static_cast<int>(Label::sales));
  REQUIRE(first[4].size() == 2);
  CHECK(first[4][0][0] == "Sell");  // highlighted, with its cue
  CHECK(data["cues"][first[4][0][1].get<std::size_t>()][0] == "sell");
  CHECK(first[4][1] == " cars");
  CHECK(data["items"][2][4].empty());
}

TEST_CASE("other work has its own label, chart bar, filter and highlight colour") {
  auto taxonomy = make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"})});
  taxonomy.other_work.cues = {testing::make_other_cue("other.stock", 1, {"stock shelves"})};
  const Classifier classifier(taxonomy);
  HtmlReport report(classifier);
  add(report, classifier, "Sell cars", 1);
  add(report, classifier, "Stock shelves at night", 2);
  add(report, classifier, "Hire staff", 3);
  CHECK(report.label_counts()[static_cast<std::size_t>(Label::other)] == 2);
  const auto page = report.to_string();
  CHECK(page.find("data-label=\"other\"") != std::string::npos);
  CHECK(page.find("data-filter=\"other\" class=\"other\" aria-pressed=\"false\">other (2)") != std::string::npos);
  CHECK(page.find("2 other (66.7%)") != std::string::npos);
  CHECK(page.find("mark.o {") != std::string::npos);
  CHECK(page.find(".badge.other {") != std::string::npos);
  const auto data = embedded_data(page);
  CHECK(data["labels"][2] == "other");
  const auto& stock = data["items"][1];
  CHECK(stock[2] == static_cast<int>(Label::other));
  REQUIRE(stock[4].size() == 2);
  CHECK(stock[4][0][0] == "Stock shelves");
  CHECK(data["cues"][stock[4][0][1].get<std::size_t>()][0] == "other.stock");
  CHECK(stock[4][0][1 + 1] == 2);                                   // side 2: other work
  CHECK(data["cues"][stock[4][0][1].get<std::size_t>()][1] == "");  // no difference

  // A document of other work: its verdict and the share of each kind of duty.
  const DocumentClassifier documents(classifier);
  HtmlReport posting(documents);
  Scanner scanner = classifier.make_scanner();
  DocumentResult result;
  const std::string text = "- Stock shelves\n- Hire staff\n- Sell cars\n";
  documents.classify(text, scanner, result);
  DocumentOrigin origin;
  origin.id = "p.txt";
  origin.file = "p.txt";
  posting.add_document(origin, text, result);
  CHECK(posting.label_counts()[static_cast<std::size_t>(RoleLabel::other)] == 1);
  const auto item = embedded_data(posting.to_string())["items"][0];
  CHECK(item[2] == static_cast<int>(RoleLabel::other));
  // An other verdict does not lean: no vote shares (-1), no sides, and it does not count as leaning either way.
  CHECK(item[5] == nlohmann::json::array({-1, -1, 33, 0, 67}));
  CHECK(item[6] == nlohmann::json::array({-1, -1, -1, -1}));
  CHECK(posting.evidence()[1][0] > 0.0);  // its evidence still counts in the batch's
  for (const auto& sides : posting.leaning_documents()) CHECK(sides == std::array<std::size_t, 2>{0, 0});
}

TEST_CASE("text that looks like markup cannot break out of the embedded data") {
  const auto classifier = report_classifier();
  HtmlReport report(classifier);
  add(report, classifier, "</script><script>alert(1)</script> sell", 1);
  const auto page = report.to_string();
  CHECK(page.find("<script>alert") == std::string::npos);
  const auto data = embedded_data(page);
  CHECK(data["items"][0][4][0] == "</script><script>alert(1)</script> ");
}

TEST_CASE("the report streams to a sink in the same bytes as to_string") {
  const auto classifier = report_classifier();
  HtmlReport report(classifier);
  add(report, classifier, "Sell", 1);
  std::string streamed;
  std::size_t calls = 0;
  report.write([&](std::string_view bytes) {
    streamed.append(bytes);
    ++calls;
  });
  CHECK(streamed == report.to_string());
  CHECK(calls >= 2);
}

namespace {
// Classifies `text` as a document and adds it to `report`.
void add_document(HtmlReport& report, const DocumentClassifier& documents, const DocumentOrigin& origin,
                  std::string_view text) {
  Scanner scanner = documents.classifier().make_scanner();
  DocumentResult result;
  documents.classify(text, scanner, result);
  report.add_document(origin, text, result);
}
DocumentOrigin file_origin(std::string_view file) {
  DocumentOrigin origin;
  origin.id = file;
  origin.file = file;
  return origin;
}
}  // namespace

TEST_CASE("a document report shows verdicts, shares, leans and every duty with its section and highlights") {
  const auto classifier = report_classifier();
  const DocumentClassifier documents(classifier);
  HtmlReport report(documents);
  CHECK(report.unit() == ReportUnit::document);
  const std::string posting = "Car seller\n\nResponsibilities\n- Sell cars\n- Sell vans\n\nAbout us\n- We sell boats\n";
  add_document(report, documents, file_origin("seller.txt"), posting);
  DocumentOrigin record;
  record.id = "ad-1";
  record.file = "postings.jsonl";
  record.line = 2;
  add_document(report, documents, record, "Plan advertising for brand awareness");
  CHECK(report.size() == 2);
  CHECK(report.errors() == 0);
  CHECK(report.label_counts()[static_cast<std::size_t>(RoleLabel::sales)] == 1);
  CHECK(report.label_counts()[static_cast<std::size_t>(RoleLabel::marketing)] == 1);
  CHECK(report.leaning_documents()[1][0] == 1);  // core capabilities: one document leans sales...
  CHECK(report.leaning_documents()[1][1] == 1);  // ...and one marketing
  CHECK(report.leaning_documents()[3][1] == 1);  // essential purpose: the brand awareness one
  CHECK(report.evidence()[1][0] == 4.0);         // two sales duties of 2 each; the boilerplate one does not count

  const auto page = report.to_string();
  CHECK(page.find("<h2>Verdicts</h2>") != std::string::npos);
  CHECK(page.find("data-label=\"hybrid\"") != std::string::npos);  // the chart shows document verdicts
  CHECK(page.find("data-label=\"mixed\"") == std::string::npos);
  CHECK(page.find("data-filter=\"hybrid\"") != std::string::npos);
  CHECK(page.find("data-filter=\"error\"") == std::string::npos);  // no errors, no error filter
  CHECK(page.find("Every document") != std::string::npos);
  CHECK(page.find("5 duties in all") != std::string::npos);

  const auto data = embedded_data(page);
  CHECK(data["mode"] == "document");
  CHECK(data["labels"][2] == "other");
  CHECK(data["labels"][3] == "hybrid");
  CHECK(data["open"] == true);
  REQUIRE(data["items"].size() == 2);
  const auto& seller = data["items"][0];
  CHECK(data["files"][seller[0].get<std::size_t>()] == "seller.txt");
  CHECK(seller[1] == 0);
  CHECK(seller[2] == static_cast<int>(RoleLabel::sales));
  CHECK(seller[4] == "");  // the id is the file name
  CHECK(seller[5][0] == 100);
  CHECK(seller[5][2] == 67);  // two sales duties; the title ("seller" matches no cue) counts as one other duty
  CHECK(seller[5][4] == 33);
  CHECK(seller[6][1] == static_cast<int>(Side::sales));
  CHECK(seller[6][0] == -1);
  CHECK(seller[8] == "");
  const auto& duties = seller[7];
  REQUIRE(duties.size() == 4);  // title, two duties, one boilerplate line
  CHECK(data["sections"][duties[1][0].get<std::size_t>()] == "duties");
  CHECK(duties[1][1] == static_cast<int>(Label::sales));
  CHECK(duties[1][4] == 4);  // line in the document
  CHECK(duties[1][5][0][0] == "Sell");
  CHECK(duties[1][5][1] == " cars");
  CHECK(duties[1][6] == "Responsibilities");  // the heading, on the first duty under it...
  CHECK(duties[2].size() == 6);               // ...only
  CHECK(data["sections"][duties[3][0].get<std::size_t>()] == "boilerplate");
  CHECK(duties[3][3] == 0);  // no vote
  const auto& ad = data["items"][1];
  CHECK(ad[1] == 2);
  CHECK(ad[4] == "ad-1");
  CHECK(ad[2] == static_cast<int>(RoleLabel::marketing));
}

TEST_CASE("a document report shows inputs that could not be read as error items counted as unknown") {
  const auto classifier = report_classifier();
  const DocumentClassifier documents(classifier);
  HtmlReport report(documents);
  DocumentOrigin bad;
  bad.id = "postings.jsonl:3";
  bad.file = "postings.jsonl";
  bad.line = 3;
  report.add_error(bad, "not a JSON object: <expected>");
  CHECK(report.size() == 1);
  CHECK(report.errors() == 1);
  CHECK(report.label_counts()[static_cast<std::size_t>(RoleLabel::unknown)] == 1);
  const auto page = report.to_string();
  CHECK(page.find("data-filter=\"error\"") != std::string::npos);
  CHECK(page.find("1 could not be classified") != std::string::npos);
  CHECK(page.find("<expected>") == std::string::npos);
  const auto data = embedded_data(page);
  CHECK(data["items"][0][8] == "not a JSON object: <expected>");
  CHECK(data["items"][0][3] == -1);
}

TEST_CASE("a report accepts only items of its own unit") {
  const auto classifier = report_classifier();
  const DocumentClassifier documents(classifier);
  HtmlReport lines(classifier);
  HtmlReport postings(documents);
  CHECK(lines.unit() == ReportUnit::line);
  CHECK_THROWS_AS(lines.add_document(file_origin("a.txt"), "Sell", DocumentResult{}), Error);
  CHECK_THROWS_AS(lines.add_error(file_origin("a.txt"), "bad"), Error);
  CHECK_THROWS_AS(postings.add("a.txt", 1, "Sell", Classification{}), Error);
  CHECK(lines.size() == 0);
  CHECK(postings.size() == 0);
}

TEST_CASE("a big document report starts with its documents closed") {
  const auto classifier = report_classifier();
  const DocumentClassifier documents(classifier);
  HtmlReport report(documents);
  for (int i = 0; i < 11; ++i) add_document(report, documents, file_origin("a.txt"), "Sell cars");
  CHECK(embedded_data(report.to_string())["open"] == false);
}
