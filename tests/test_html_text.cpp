// Tests of HTML to text: headings, list items, paragraphs and line breaks, dropped elements, entities.

#include <catch2/catch.hpp>
#include <string>

#include "rolecheck/input/html_text.hpp"

namespace rolecheck {
namespace {

TEST_CASE("HTML: headings, items and paragraphs become the splitter's structure", "[html_text]") {
  CHECK(html_to_text("<h1>Sales Rep</h1><p>We sell.<br>Join us.</p><h3>Duties</h3><ul><li>Close deals</li>"
                     "<li>Prospect <b>new</b> accounts<ul><li>by phone</li></ul></li></ul>") ==
        "# Sales Rep\n\nWe sell.\nJoin us.\n\n### Duties\n\n- Close deals\n- Prospect new accounts\n  - by phone\n");
}

TEST_CASE("HTML: scripts, styles, head, nav, templates and comments are dropped", "[html_text]") {
  CHECK(html_to_text("<html><head><title>T</title><style>p{}</style></head><body><nav>Home</nav>"
                     "<script>var sell = 1;</script><p>Run <!-- no --> campaigns</p>"
                     "<template>hidden</template></body></html>") == "Run campaigns\n");
}

TEST_CASE("HTML: entities decoded, blanks squeezed, non-breaking spaces read as spaces", "[html_text]") {
  CHECK(html_to_text("<p>Sales &amp; marketing&nbsp;&nbsp;work \n\t &ldquo;now&rdquo; &#39;ok&#39;</p>") ==
        "Sales & marketing work \u201Cnow\u201D 'ok'\n");
  CHECK(html_to_text("").empty());
  CHECK(html_to_text("<ul><li></li><li>x</li></ul>") == "- x\n");
  CHECK(html_to_text("<h2></h2><p>after</p>") == "after\n");
}

TEST_CASE("HTML: nesting up to the cap is walked without recursion / deeper is refused before parsing", "[html_text]") {
  std::string html;
  for (std::size_t i = 0; i < kMaxHtmlDepth; ++i) html += "<div>";
  CHECK(html_nesting_bound(html + "deep") == kMaxHtmlDepth);
  CHECK(html_to_text(html + "deep") == "deep\n");
  // Parsing time grows with the square of the nesting (20,000 divs: 14 s): refused at once.
  for (int i = 0; i < 20000; ++i) html += "<div>";
  CHECK_THROWS_WITH(html_to_text(html + "deep"), Catch::Contains("nested deeper than 512 elements"));
  // Closed, void and self-closed elements open no level; comments and a lone '<' are no tags.
  CHECK(html_nesting_bound("<ul><li>a</li><li>b<br><img src=x/></li></ul><!-- <div> --> 1 < 2") == 2);
}

}  // namespace
}  // namespace rolecheck
