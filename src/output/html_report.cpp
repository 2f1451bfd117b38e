#include "rolecheck/output/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "html_report_assets.hpp"

#include "rolecheck/output/record_format.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

// One colour per label: sales, marketing, other, mixed or hybrid, unknown.
constexpr std::array<std::string_view, kLabelCount> kLabelColors = {"#1a7f37", "#8250df", "#0969a8", "#b35900",
                                                                    "#6e7781"};

std::string escaped(std::string_view text) {
  std::string out;
  append_html_escaped(out, text);
  return out;
}

// Makes the JSON appended to `out` from `from` on safe inside <script>: '<' can only occur inside strings
// there, where \u003c means the same.
void make_script_safe(std::string& out, std::size_t from) {
  const auto at = out.find('<', from);
  if (at == std::string::npos) return;
  const std::string tail = out.substr(at);
  out.resize(at);
  for (const char c : tail) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
}

std::string percent(std::size_t part, std::size_t whole) {
  return whole == 0 ? std::string("0%")
                    : fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

HtmlReport::HtmlReport(const Classifier& classifier, HtmlReportOptions options)
    : m_classifier(&classifier),
      m_unit(ReportUnit::line),
      m_options(std::move(options)),
      m_cue_totals(classifier.matcher().cues().size() * kDifferenceCount) {
  if (m_options.unit.empty()) m_options.unit = "duty";
  if (m_options.unit_plural.empty()) m_options.unit_plural = "duties";
}

HtmlReport::HtmlReport(const DocumentClassifier& documents, HtmlReportOptions options)
    : HtmlReport(documents.classifier(), std::move(options)) {
  m_unit = ReportUnit::document;
  if (m_options.unit == "duty") m_options.unit = "document";
  if (m_options.unit_plural == "duties") m_options.unit_plural = "documents";
}

void HtmlReport::require_unit(ReportUnit unit, std::string_view what) const {
  if (m_unit == unit) return;
  throw Error(fmt::format("HtmlReport::{} needs a report of {}: construct it with a {}", what,
                          unit == ReportUnit::line ? "duties" : "documents",
                          unit == ReportUnit::line ? "Classifier" : "DocumentClassifier"));
}

std::string_view HtmlReport::label_text(std::size_t label) const noexcept {
  return m_unit == ReportUnit::document ? role_label_name(static_cast<RoleLabel>(label))
                                        : label_name(static_cast<Label>(label));
}

std::uint32_t HtmlReport::file_index(std::string_view file) {
  // Inputs come in order, so the file is almost always the last one seen.
  for (std::size_t i = m_files.size(); i > 0; --i) {
    if (m_files[i - 1] == file) return static_cast<std::uint32_t>(i - 1);
  }
  m_files.emplace_back(file);
  return static_cast<std::uint32_t>(m_files.size() - 1);
}

void HtmlReport::count_reason(std::size_t difference, const Reason& reason) {
  const std::size_t cues = m_classifier->matcher().cues().size();
  if (reason.negated || reason.cue >= cues || difference >= kDifferenceCount) return;
  auto& total = m_cue_totals[difference * cues + reason.cue];
  ++total.matches;
  total.weight += reason.weight;
}

void HtmlReport::write_segments(JsonWriter& json, std::string_view text, std::size_t offset,
                                const Classification& result) {
  // A segment is plain text or [text, cue, side, negated], side 2 for other work; reason spans are
  // relative to text + offset.
  collect_matches(result, m_matches);
  json.begin_array();
  std::size_t at = 0;
  for (const Reason& reason : m_matches) {
    if (reason.begin < offset + at || reason.end <= reason.begin || reason.end > offset + text.size()) continue;
    const std::size_t begin = reason.begin - offset;
    const std::size_t end = reason.end - offset;
    if (begin > at) json.string(text.substr(at, begin - at));
    json.begin_array();
    json.string(text.substr(begin, end - begin));
    json.integer(reason.cue);
    json.integer(reason.role == CueRole::other ? 2 : static_cast<int>(reason.side));
    json.integer(reason.negated ? 1 : 0);
    json.end_array();
    at = end;
  }
  if (at < text.size()) json.string(text.substr(at));
  json.end_array();
}

JsonWriter HtmlReport::begin_item() {
  m_item_start = m_items_json.size();
  JsonWriter json(m_items_json, m_items_state);
  if (!json.empty()) json.next_line();  // one item per line
  return json;
}

void HtmlReport::end_item(const JsonWriter& json) {
  m_items_state = json.state();
  make_script_safe(m_items_json, m_item_start);
}

void HtmlReport::add(std::string_view file, std::size_t line, std::string_view text, const Classification& result) {
  require_unit(ReportUnit::line, "add");
  ++m_items;
  ++m_label_counts[static_cast<std::size_t>(result.label)];
  if (result.review) ++m_reviews;
  for (std::size_t d = 0; d < kDifferenceCount; ++d) {
    m_evidence[d][0] += result.by_difference[d][0];
    m_evidence[d][1] += result.by_difference[d][1];
  }
  const auto& cues = m_classifier->matcher().cues();
  for (const Reason& reason : result.reasons) {
    if (reason.cue < cues.size()) count_reason(cues[reason.cue].difference, reason);
  }
  // [file, line, label, confidence in percent, segments].
  JsonWriter json = begin_item();
  json.begin_array();
  json.integer(file_index(file)).integer(line).integer(static_cast<int>(result.label));
  json.integer(std::lround(result.confidence * 100.0));
  write_segments(json, text, 0, result);
  json.end_array();
  end_item(json);
}

std::string HtmlReport::summary_html() const {
  const std::size_t labelled = m_label_counts[0] + m_label_counts[1];
  std::string out = fmt::format(
      "<p class=\"summary\"><strong>{}</strong> {} &middot; {} labelled sales or marketing ({}) &middot; "
      "{} other ({}) &middot; {} {} &middot; {} unknown",
      m_items, escaped(m_items == 1 ? m_options.unit : m_options.unit_plural), labelled, percent(labelled, m_items),
      m_label_counts[2], percent(m_label_counts[2], m_items), m_label_counts[3], label_text(3), m_label_counts[4]);
  if (m_errors > 0) out += fmt::format(" (<strong class=\"error\">{} could not be classified</strong>)", m_errors);
  out += fmt::format(" &middot; {} flagged for review ({})", m_reviews, percent(m_reviews, m_items));
  if (m_unit == ReportUnit::document) out += fmt::format(" &middot; {} duties in all", m_duties);
  out += "</p>\n";
  return out;
}

std::string HtmlReport::chart_svg() const {
  constexpr int kRow = 34;
  constexpr int kLabelWidth = 100;
  constexpr int kBarWidth = 420;
  const std::size_t largest = std::max<std::size_t>(1, *std::max_element(m_label_counts.begin(), m_label_counts.end()));
  const int height = kRow * static_cast<int>(kLabelCount) + 8;
  std::string out = fmt::format(
      "<svg id=\"rc-chart\" class=\"chart\" role=\"img\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{2}</title>\n",
      kLabelWidth + kBarWidth + 130, height,
      m_unit == ReportUnit::document ? "Verdicts of the documents" : "Label distribution");
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    const auto label = label_text(i);
    const double share = static_cast<double>(m_label_counts[i]) / static_cast<double>(largest);
    const int width = m_label_counts[i] == 0 ? 0 : std::max(2, static_cast<int>(std::lround(share * kBarWidth)));
    const int y = 4 + static_cast<int>(i) * kRow;
    out += fmt::format(
        "<g class=\"bar\" data-label=\"{0}\"><text x=\"{1}\" y=\"{2}\" text-anchor=\"end\">{0}</text>"
        "<rect x=\"{3}\" y=\"{4}\" width=\"{5}\" height=\"{6}\" rx=\"3\" fill=\"{7}\"></rect>"
        "<text x=\"{8}\" y=\"{2}\" class=\"value\">{9} ({10})</text></g>\n",
        label, kLabelWidth - 10, y + 19, kLabelWidth, y + 2, width, kRow - 10, kLabelColors[i], kLabelWidth + width + 8,
        m_label_counts[i], percent(m_label_counts[i], m_items));
  }
  out += "</svg>\n";
  return out;
}

std::string HtmlReport::comparison_html() const {
  const auto& taxonomy = m_classifier->taxonomy();
  std::string out =
      "<table class=\"comparison\"><thead><tr><th>Difference</th><th class=\"sales\">Sales</th>"
      "<th class=\"marketing\">Marketing</th></tr></thead><tbody>\n";
  for (const auto& difference : taxonomy.differences) {
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n", escaped(difference.name),
                       escaped(difference.sales.summary), escaped(difference.marketing.summary));
  }
  out += "</tbody></table>\n";
  return out;
}

std::string HtmlReport::lean_html() const {
  const auto& taxonomy = m_classifier->taxonomy();
  const auto& cues = m_classifier->matcher().cues();
  std::string out = "<div class=\"leans\">\n";
  for (std::size_t d = 0; d < taxonomy.differences.size() && d < kDifferenceCount; ++d) {
    const double sales = m_evidence[d][0];
    const double marketing = m_evidence[d][1];
    const double total = sales + marketing;
    const double sales_share = total > 0 ? sales / total : 0.5;
    std::string verdict = "no evidence";
    if (total > 0) {
      const bool leans_sales = sales >= marketing;
      verdict = fmt::format("leans <strong class=\"{0}\">{0}</strong> ({1:.0f}% of the evidence)",
                            leans_sales ? "sales" : "marketing", 100.0 * (leans_sales ? sales_share : 1 - sales_share));
    }
    out += fmt::format(
        "<section class=\"lean\"><h3>{}</h3><p>{}</p>"
        "<div class=\"meter\" title=\"sales {:.1f} · marketing {:.1f}\"><span class=\"sales\" style=\"width:{:.1f}%\">"
        "</span><span class=\"marketing\" style=\"width:{:.1f}%\"></span></div>",
        escaped(taxonomy.differences[d].name), verdict, sales, marketing, total > 0 ? 100.0 * sales_share : 0.0,
        total > 0 ? 100.0 * (1 - sales_share) : 0.0);
    if (m_unit == ReportUnit::document) {
      const auto count = [this](std::size_t n) {
        return fmt::format("{} {} {}", n, escaped(n == 1 ? m_options.unit : m_options.unit_plural),
                           n == 1 ? "leans" : "lean");
      };
      out += fmt::format(
          "<p class=\"docs\">{} <span class=\"sales\">sales</span>, {} <span class=\"marketing\">marketing</span></p>",
          count(m_leaning[d][0]), count(m_leaning[d][1]));
    }
    out += "<div class=\"topcues\">";
    const CueTotal* totals = m_cue_totals.data() + d * cues.size();
    for (const Side side : {Side::sales, Side::marketing}) {
      std::vector<std::size_t> order;
      for (std::size_t c = 0; c < cues.size(); ++c) {
        if (cues[c].side == side && totals[c].matches > 0) order.push_back(c);
      }
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (totals[a].weight != totals[b].weight) return totals[a].weight > totals[b].weight;
        return cues[a].id < cues[b].id;
      });
      if (order.size() > 5) order.resize(5);
      out += fmt::format("<div><h4 class=\"{0}\">Top {0} cues</h4><ol>", side_name(side));
      for (const auto c : order) {
        out += fmt::format("<li><code>{}</code> <span class=\"n\">{} &times;, evidence {:.1f}</span></li>",
                           escaped(cues[c].id), totals[c].matches, totals[c].weight);
      }
      if (order.empty()) out += "<li class=\"none\">none matched</li>";
      out += "</ol></div>";
    }
    out += "</div></section>\n";
  }
  out += "</div>\n";
  return out;
}

std::string HtmlReport::filters_html() const {
  std::string out = "<div class=\"filters\" role=\"toolbar\" aria-label=\"Filter by label\">";
  out += fmt::format("<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">all ({})</button>", m_items);
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    out += fmt::format(
        "<button type=\"button\" data-filter=\"{0}\" class=\"{0}\" aria-pressed=\"false\">{0} ({1})</button>",
        label_text(i), m_label_counts[i]);
  }
  if (m_errors > 0) {
    out += fmt::format(
        "<button type=\"button\" data-filter=\"error\" class=\"error\" aria-pressed=\"false\">error ({})</button>",
        m_errors);
  }
  if (m_unit == ReportUnit::document) {
    out += "<button type=\"button\" id=\"rc-expand\" class=\"expand\">expand all</button>";
  }
  out += "<input id=\"rc-search\" type=\"search\" placeholder=\"Search text\" aria-label=\"Search text\"></div>\n";
  return out;
}

void HtmlReport::write_data_head(JsonWriter& json) const {
  const auto& taxonomy = m_classifier->taxonomy();
  const auto& cues = m_classifier->matcher().cues();
  json.begin_object();
  json.key("mode").name(m_unit == ReportUnit::document ? "document" : "line");
  json.key("labels").begin_array();
  for (std::size_t label = 0; label < kLabelCount; ++label) json.name(label_text(label));
  json.end_array();
  json.key("unit").string(m_options.unit_plural);
  if (m_unit == ReportUnit::document) {
    // Small batches start with every document open; big ones open a document on demand.
    json.key("open").boolean(m_items <= 10);
    json.key("sections").begin_array();
    for (std::size_t k = 0; k <= static_cast<std::size_t>(SectionKind::other); ++k) {
      json.name(section_kind_name(static_cast<SectionKind>(k)));
    }
    json.end_array();
    json.key("differences").begin_array();
    for (std::size_t d = 0; d < taxonomy.differences.size() && d < kDifferenceCount; ++d) {
      json.string(taxonomy.differences[d].name);
    }
    json.end_array();
  }
  json.key("files").begin_array();
  for (const auto& file : m_files) json.string(file);
  json.end_array();
  json.key("cues").begin_array();
  for (const auto& cue : cues) {
    json.begin_array().string(cue.id);
    json.string(cue.difference < taxonomy.differences.size()
                    ? std::string_view(taxonomy.differences[cue.difference].name)
                    : std::string_view());
    json.end_array();
  }
  json.end_array();
  json.next_line().key("items").begin_array().whitespace("\n");
}

void HtmlReport::write(const HtmlSink& sink) const {
  const auto& taxonomy = m_classifier->taxonomy();
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n"
      "<title>{0}</title>\n<style>\n{1}</style>\n</head>\n<body>\n<header><h1>{0}</h1>\n",
      escaped(m_options.title), html_report_css());
  page += summary_html();
  const bool documents = m_unit == ReportUnit::document;
  page += fmt::format("</header>\n<main>\n<section id=\"distribution\"><h2>{}</h2>\n",
                      documents ? "Verdicts" : "Label distribution");
  page += chart_svg();
  page += "</section>\n<section id=\"differences\"><h2>The four differences</h2>\n";
  if (!taxonomy.title.empty()) {
    page += fmt::format("<p class=\"source\">From &ldquo;{}&rdquo;</p>\n", escaped(taxonomy.title));
  }
  page += comparison_html();
  page += fmt::format(
      "</section>\n<section id=\"leans\"><h2>Where this batch leans</h2>\n<p class=\"note\">{}</p>\n",
      documents ? fmt::format(
                      "Evidence summed over the duties of all {} per difference (boilerplate left out, "
                      "requirements counted as execution capabilities), how many {} with a sales, marketing or hybrid "
                      "verdict lean each way, "
                      "and the cues that carried it.",
                      escaped(m_options.unit_plural), escaped(m_options.unit_plural))
                : fmt::format("Evidence summed over all {} per difference, and the cues that carried it.",
                              escaped(m_options.unit_plural)));
  page += lean_html();
  page += fmt::format("</section>\n<section id=\"items\"><h2>Every {}</h2>\n", escaped(m_options.unit));
  page += filters_html();
  page +=
      "<p id=\"rc-pager-top\" class=\"pager\"></p>\n<ol id=\"rc-list\" class=\"items\"></ol>\n"
      "<p id=\"rc-pager\" class=\"pager\"></p>\n"
      "<noscript><p>This list needs JavaScript; the summary above does not.</p></noscript>\n</section>\n</main>\n";
  page += fmt::format(
      "<footer>Generated by {}. Highlights: <mark class=\"s\">sales cue</mark> "
      "<mark class=\"m\">marketing cue</mark> <mark class=\"o\">other-work cue</mark> "
      "<mark class=\"s neg\">negated cue</mark>. "
      "<span id=\"rc-status\" data-state=\"loading\">loading</span></footer>\n",
      escaped(m_options.generator.empty() ? std::string("rolecheck") : m_options.generator));
  page += "<script id=\"rc-data\" type=\"application/json\">\n";
  // The data: a head written here, the items added one by one, then the end of the items and of the data.
  const std::size_t data_start = page.size();
  JsonWriter data(page);
  write_data_head(data);
  make_script_safe(page, data_start);
  sink(page);
  sink(m_items_json);
  page.clear();
  data.whitespace("\n").end_array().end_object();
  page += "\n</script>\n<script>\n";
  page += html_report_js();
  page += "</script>\n</body>\n</html>\n";
  sink(page);
}

std::string HtmlReport::to_string() const {
  std::string out;
  write([&out](std::string_view bytes) { out.append(bytes); });
  return out;
}

}  // namespace rolecheck
