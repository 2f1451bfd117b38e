#pragma once
// A self-contained HTML report of a batch of classified duties: label chart, the comparison table,
// which side each difference leans to, and every duty with its matched words, filterable by label.

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/classifier.hpp"

namespace rolecheck {

/// Presentation choices for an HTML report.
struct HtmlReportOptions {
  std::string title = "rolecheck report";  ///< Page title and heading.
  std::string generator;                   ///< Shown in the footer, e.g. "rolecheck 0.1.0".
  std::string unit = "duty";               ///< What one item is ("duty", or "document" in document mode).
  std::string unit_plural = "duties";      ///< Its plural.
};

/// Receives the report's bytes in order.
using HtmlSink = std::function<void(std::string_view)>;

/// Collects classified items and renders one HTML page with inline CSS, SVG and JavaScript (no network).
/// Items are kept as compact JSON that the page's script renders a page at a time, so 100,000 items stay usable.
/// Never prints: the page goes to a string or a sink.
class HtmlReport {
 public:
  /// A report for items classified by `classifier` (which must outlive this).
  explicit HtmlReport(const Classifier& classifier, HtmlReportOptions options = {});

  /// Adds one item: where it came from (file and 1-based line or item number), its text and its classification,
  /// whose reasons' byte spans select the matched words in `text`.
  void add(std::string_view file, std::size_t line, std::string_view text, const Classification& result);

  /// Items added.
  [[nodiscard]] std::size_t size() const noexcept { return m_items; }
  /// Items with each label, indexed by Label.
  [[nodiscard]] const std::array<std::size_t, 4>& label_counts() const noexcept { return m_label_counts; }
  /// Summed evidence of the batch per difference and side (from Classification::by_difference).
  [[nodiscard]] const std::array<std::array<double, 2>, kDifferenceCount>& evidence() const noexcept {
    return m_evidence;
  }

  /// Writes the whole page to `sink`.
  void write(const HtmlSink& sink) const;
  /// The whole page as a string.
  [[nodiscard]] std::string to_string() const;

 private:
  struct CueTotal {
    std::size_t matches = 0;
    double weight = 0.0;
  };
  std::string summary_html() const;
  std::string chart_svg() const;
  std::string comparison_html() const;
  std::string lean_html() const;
  std::string filters_html() const;
  std::string head_json() const;
  std::uint32_t file_index(std::string_view file);

  const Classifier* m_classifier;
  HtmlReportOptions m_options;
  std::size_t m_items = 0;
  std::array<std::size_t, 4> m_label_counts{};
  std::array<std::array<double, 2>, kDifferenceCount> m_evidence{};
  std::vector<CueTotal> m_cue_totals;
  std::vector<std::string> m_files;
  std::string m_items_json;  // "[...],[...]" without the enclosing brackets
};

/// Appends `text` with &, <, >, " and ' escaped for HTML text and attribute values.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace rolecheck
