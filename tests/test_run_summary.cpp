#include <catch2/catch.hpp>

#include "test_support.hpp"

#include "rolecheck/output/highlight.hpp"
#include "rolecheck/output/run_summary.hpp"

using namespace rolecheck;
using rolecheck::testing::make_cue;
using rolecheck::testing::make_reason;
using rolecheck::testing::make_taxonomy;

namespace {

// A legend with two differences and four cues, as the renderer sees it.
SummaryLegend small_legend() {
  SummaryLegend legend;
  legend.labels = {"sales", "marketing", "other", "mixed", "unknown"};
  legend.unit = "lines";
  legend.differences = {"concept", "purpose"};
  legend.cues = {{"s.call", 0, Side::sales},    {"s.close", 0, Side::sales}, {"m.brand", 0, Side::marketing},
                 {"s.revenue", 1, Side::sales}, {"s.deal", 0, Side::sales},  {"s.quota", 0, Side::sales}};
  return legend;
}

// Number of UTF-8 characters (the bars are made of 3-byte block characters).
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

}  // namespace

TEST_CASE("summary_bar: full cells and eighths, to the nearest eighth") {
  std::string full;
  for (int i = 0; i < 24; ++i) full += "█";
  CHECK(summary_bar(1, 1, 24) == full);
  CHECK(summary_bar(1, 2, 8) == "████");
  CHECK(summary_bar(1, 8, 1) == "▏");
  CHECK(summary_bar(2, 8, 1) == "▎");
  CHECK(summary_bar(3, 8, 1) == "▍");
  CHECK(summary_bar(4, 8, 1) == "▌");
  CHECK(summary_bar(5, 8, 1) == "▋");
  CHECK(summary_bar(6, 8, 1) == "▊");
  CHECK(summary_bar(7, 8, 1) == "▉");
  CHECK(summary_bar(8, 8, 1) == "█");
  CHECK(summary_bar(9, 16, 2) == "█▏");
  // 1/3 of 24 cells is 8 cells exactly; 1/7 of 24 cells is 27.4 eighths -> 27 = 3 cells and ▍.
  CHECK(summary_bar(1, 3, 24) == "████████");
  CHECK(summary_bar(1, 7, 24) == "███▍");
}

TEST_CASE("summary_bar: zero is empty, a tiny share still shows, never past the width") {
  CHECK(summary_bar(0, 10, 24).empty());
  CHECK(summary_bar(0, 0, 24).empty());
  CHECK(summary_bar(1, 1000000, 24) == "▏");
  CHECK(characters(summary_bar(999, 1000, 24)) == 24);
  CHECK(characters(summary_bar(5, 3, 10)) == 10);  // counts above the total are capped
}

TEST_CASE("RunSummary counts labels and the records each cue fired in") {
  RunSummary summary(6);
  summary.add(0, {make_reason(0), make_reason(0), make_reason(1)});  // a repeat counts once
  summary.add(0, {make_reason(0), make_reason(2, true)});            // a negated match does not fire
  summary.add(4, {});
  CHECK(summary.records() == 3);
  CHECK(summary.labels() == std::array<std::size_t, 5>{2, 0, 0, 0, 1});
  CHECK(summary.cue_records() == std::vector<std::size_t>{2, 1, 0, 0, 0, 0});
  CHECK(summary.reviews() == 0);

  RunSummary other(6);
  other.add(1, {make_reason(2, false, Side::marketing)});
  other.add(0, {make_reason(0)}, {}, true);
  summary.merge(other);
  CHECK(summary.records() == 5);
  CHECK(summary.reviews() == 1);
  CHECK(summary.labels() == std::array<std::size_t, 5>{3, 1, 0, 0, 1});
  CHECK(summary.cue_records() == std::vector<std::size_t>{3, 1, 1, 0, 0, 0});
  summary.add(0, {make_reason(1), make_reason(1)});  // still once per record after a merge
  CHECK(summary.cue_records()[1] == 2);

  summary.clear();
  CHECK(summary.records() == 0);
  CHECK(summary.reviews() == 0);
  CHECK(summary.cue_records() == std::vector<std::size_t>(6, 0));
  summary.add(0, {make_reason(0)});
  CHECK(summary.cue_records()[0] == 1);
}

TEST_CASE("RunSummary merged per block in any order gives the same counts") {
  RunSummary a(6);
  RunSummary b(6);
  a.add(0, {make_reason(0)});
  b.add(1, {make_reason(2)});
  b.add(0, {make_reason(0), make_reason(3)});
  RunSummary ab(6);
  ab.merge(a);
  ab.merge(b);
  RunSummary ba(6);
  ba.merge(b);
  ba.merge(a);
  CHECK(ab.labels() == ba.labels());
  CHECK(ab.cue_records() == ba.cue_records());
  CHECK(render_run_summary(ab, small_legend()) == render_run_summary(ba, small_legend()));
}

TEST_CASE("render_run_summary: labels with counts, shares and bars / top cues per difference and side") {
  RunSummary summary(6);
  summary.add(0, {make_reason(0), make_reason(1), make_reason(4)});
  summary.add(0, {make_reason(1), make_reason(5), make_reason(3)});
  summary.add(1, {make_reason(2)}, {}, true);
  summary.add(4, {});
  const auto text = render_run_summary(summary, small_legend());
  CHECK(text ==
        "summary: 4 lines\n"
        "  sales      2   50.0%  ████████████\n"
        "  marketing  1   25.0%  ██████\n"
        "  other      0    0.0%\n"
        "  mixed      0    0.0%\n"
        "  unknown    1   25.0%  ██████\n"
        "  review     1   25.0%  (flagged for review)\n"
        "cues that fired most (lines each fired in, cue):\n"
        "  concept  sales      2  s.close\n"
        "                      1  s.call\n"
        "                      1  s.deal\n"
        "           marketing  1  m.brand\n"
        "  purpose  sales      1  s.revenue\n"
        "           marketing  -\n");
}

TEST_CASE("render_run_summary: all unknown, one label at 100 %, and no records") {
  RunSummary unknown(6);
  for (int i = 0; i < 3; ++i) unknown.add(4, {});
  const auto all_unknown = render_run_summary(unknown, small_legend(), SummaryStyle{false, 8, 3});
  CHECK(all_unknown ==
        "summary: 3 lines\n"
        "  sales      0    0.0%\n"
        "  marketing  0    0.0%\n"
        "  other      0    0.0%\n"
        "  mixed      0    0.0%\n"
        "  unknown    3  100.0%  ████████\n"
        "  review     0    0.0%  (flagged for review)\n"
        "cues that fired most (lines each fired in, cue):\n"
        "  concept  sales      -\n"
        "           marketing  -\n"
        "  purpose  sales      -\n"
        "           marketing  -\n");

  RunSummary sales(6);
  for (int i = 0; i < 12; ++i) sales.add(0, {make_reason(0)});
  const auto all_sales = render_run_summary(sales, small_legend(), SummaryStyle{false, 4, 1});
  CHECK(all_sales.find("  sales      12  100.0%  ████\n") != std::string::npos);
  CHECK(all_sales.find("  marketing   0    0.0%\n") != std::string::npos);
  CHECK(all_sales.find("  concept  sales      12  s.call\n           marketing  -\n") != std::string::npos);

  const auto empty = render_run_summary(RunSummary(6), small_legend());
  CHECK(empty.rfind("summary: 0 lines\n  sales      0    0.0%\n", 0) == 0);
}

TEST_CASE("render_run_summary: ties broken by cue id, at most top_cues per side") {
  RunSummary summary(6);
  summary.add(0, {make_reason(5), make_reason(4), make_reason(1),
                  make_reason(0)});  // four sales cues of "concept", one record each
  const auto text = render_run_summary(summary, small_legend(), SummaryStyle{false, 8, 2});
  CHECK(text.find("  concept  sales      1  s.call\n                      1  s.close\n           marketing  -\n") !=
        std::string::npos);
}

TEST_CASE("render_run_summary: colour only when asked, in the labels' colours") {
  RunSummary summary(6);
  summary.add(0, {make_reason(0)});
  summary.add(1, {make_reason(2)});
  const auto plain = render_run_summary(summary, small_legend());
  CHECK(plain.find('\x1b') == std::string::npos);
  const auto colored = render_run_summary(summary, small_legend(), SummaryStyle{true, 8, 3});
  CHECK(colored.find(std::string(ansi_label_color(Label::sales)) + "sales    ") != std::string::npos);
  CHECK(colored.find(std::string(ansi_label_color(Label::marketing)) + "████") != std::string::npos);
  CHECK(colored.find(std::string(ansi_label_color(Label::sales)) + "s.call\x1b[0m\n") != std::string::npos);
}

TEST_CASE("Legends name the labels of each mode and every cue of the matcher") {
  const Classifier classifier(make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"})},
                                            {make_cue("brand", Side::marketing, 1, {"brand awareness"})}));
  const auto lines = line_summary_legend(classifier);
  CHECK(lines.labels[2] == "other");
  CHECK(lines.labels[3] == "mixed");
  CHECK(lines.unit == "lines");
  REQUIRE(lines.cues.size() == 2);
  CHECK(lines.differences.size() == 4);
  const auto documents = document_summary_legend(classifier);
  CHECK(documents.labels[2] == "other");
  CHECK(documents.labels[3] == "hybrid");
  CHECK(documents.unit == "documents");

  Scanner scanner = classifier.make_scanner();
  Classification result;
  classifier.classify("Sell to build brand awareness", scanner, result);
  RunSummary summary(classifier.matcher().cues().size());
  summary.add(static_cast<std::size_t>(result.label), result.reasons);
  const auto text = render_run_summary(summary, lines);
  CHECK(text.find("  core_capabilities       sales      1  sell\n") != std::string::npos);
  CHECK(text.find("  essential_purpose       sales      -\n                          marketing  1  brand\n") !=
        std::string::npos);
}

TEST_CASE("Other-work cues are counted and listed after the differences, only when the taxonomy has them") {
  auto taxonomy = make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"})});
  taxonomy.other_work.cues = {testing::make_other_cue("other.stock", 1, {"stock shelves"}),
                              testing::make_other_cue("other.repair", 1, {"repair"})};
  const Classifier classifier(taxonomy);
  Scanner scanner = classifier.make_scanner();
  Classification result;
  RunSummary summary(classifier.matcher().cues().size());
  for (const char* duty : {"Stock shelves and repair carts", "Stock shelves", "Sell cars"}) {
    classifier.classify(duty, scanner, result);
    summary.add(static_cast<std::size_t>(result.label), result.reasons, result.other_reasons);
  }
  CHECK(summary.labels() == std::array<std::size_t, 5>{1, 0, 2, 0, 0});
  const auto text = render_run_summary(summary, line_summary_legend(classifier));
  CHECK(text.find("  other      2   66.7%") != std::string::npos);
  CHECK(text.find("  other_work              other      2  other.stock\n"
                  "                                     1  other.repair\n") != std::string::npos);
  const auto colored = render_run_summary(summary, line_summary_legend(classifier), SummaryStyle{true, 8, 3});
  CHECK(colored.find(std::string(ansi_label_color(Label::other)) + "other.stock\x1b[0m\n") != std::string::npos);

  const Classifier plain(make_taxonomy({make_cue("sell", Side::sales, 2, {"sell"})}));
  CHECK(render_run_summary(RunSummary(1), line_summary_legend(plain)).find("other_work") == std::string::npos);
}
