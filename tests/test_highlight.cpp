#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

#include "rolecheck/output/highlight.hpp"

using namespace rolecheck;
using rolecheck::testing::make_reason;

TEST_CASE("ansi_label_color gives each label its own colour") {
  CHECK(ansi_label_color(Label::sales) == "\x1b[1;32m");
  CHECK(ansi_label_color(Label::marketing) == "\x1b[1;35m");
  CHECK(ansi_label_color(Label::other) == "\x1b[1;36m");
  CHECK(ansi_label_color(Label::mixed) == "\x1b[1;33m");
  CHECK(ansi_label_color(Label::unknown) == "\x1b[2m");
}

TEST_CASE("append_highlighted marks each matched span in its side's colour and leaves the rest alone") {
  const std::string text = "Sell\tads, not brand";
  const std::vector<Reason> reasons{make_reason(0, false, Side::sales, 0, 4),
                                    make_reason(2, false, Side::marketing, 5, 8),
                                    make_reason(2, true, Side::marketing, 14, 19)};
  std::string out;
  append_highlighted(out, text, 0, reasons, false);
  CHECK(out == "\x1b[1;4;32mSell\x1b[0m \x1b[1;4;35mads\x1b[0m, not \x1b[4mbrand\x1b[0m");

  // Offset into a larger text, squeezed blanks, and spans outside or overlapping skipped.
  const std::string document = "xx  Close   the deal";
  const std::vector<Reason> more{make_reason(1, false, Side::sales, 4, 9), make_reason(1, false, Side::sales, 6, 8),
                                 make_reason(4, false, Side::sales, 16, 20), make_reason(0, false, Side::sales, 0, 2)};
  out.clear();
  append_highlighted(out, std::string_view(document).substr(4), 4, more, true);
  CHECK(out == "\x1b[1;4;32mClose\x1b[0m the \x1b[1;4;32mdeal\x1b[0m");

  out.clear();
  append_highlighted(out, text, 0, {}, false);
  CHECK(out == "Sell ads, not brand");

  // Other-work matches in cyan.
  Reason stock = make_reason(3, false, Side::sales, 0, 4);
  stock.role = CueRole::other;
  out.clear();
  append_highlighted(out, text, 0, {stock}, false);
  CHECK(out == "\x1b[1;4;36mSell\x1b[0m ads, not brand");
}
