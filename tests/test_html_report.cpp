#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

#include "rolecheck/html_report.hpp"

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
