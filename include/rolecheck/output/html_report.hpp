#pragma once
// A self-contained HTML report of a batch of classified duties or job descriptions: label chart, the
// comparison table, which side each difference leans to, and every item with its matched words, filterable by label.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/output/document_format.hpp"
#include "rolecheck/support/json_writer.hpp"

namespace rolecheck {

/// What a report lists: duties (one per input line) or whole job descriptions.
enum class ReportUnit : std::uint8_t { line, document };

/// Presentation choices for an HTML report.
struct HtmlReportOptions {
  std::string title = "rolecheck report";  ///< Page title and heading.
  std::string generator;                   ///< Shown in the footer, e.g. "rolecheck 0.1.0".
  std::string unit;                        ///< What one item is; empty: "duty", or "document" for documents.
  std::string unit_plural;                 ///< Its plural; empty: "duties", or "documents" for documents.
};

/// Receives the report's bytes in order.
using HtmlSink = std::function<void(std::string_view)>;

/// Collects classified items and renders one HTML page with inline CSS, SVG and JavaScript (no network).
/// Items are kept as compact JSON that the page's script renders a page at a time, so 100,000 items stay usable.
/// Never prints: the page goes to a string or a sink.
class HtmlReport {
 public:
  /// A report of duties (line mode) classified by `classifier` (which must outlive this).
  explicit HtmlReport(const Classifier& classifier, HtmlReportOptions options = {});
  /// A report of job descriptions classified by `documents` (which must outlive this).
  explicit HtmlReport(const DocumentClassifier& documents, HtmlReportOptions options = {});

  /// Adds one duty: where it came from (file and 1-based line), its text and its classification,
  /// whose reasons' byte spans select the matched words in `text`. Throws Error on a document report.
  void add(std::string_view file, std::size_t line, std::string_view text, const Classification& result);

  /// Adds one job description: its origin, its text and its verdict, whose duties' and reasons' byte spans
  /// select the duties and matched words in `document`. Throws Error on a line report.
  void add_document(const DocumentOrigin& origin, std::string_view document, const DocumentResult& result);

  /// Adds an input that could not be classified: shown as an error item, counted as unknown (as in
  /// `classify`'s error records). Throws Error on a line report.
  void add_error(const DocumentOrigin& origin, std::string_view message);

  /// Whether this report lists duties or documents.
  [[nodiscard]] ReportUnit unit() const noexcept { return m_unit; }
  /// Items added (duties, or documents including error items).
  [[nodiscard]] std::size_t size() const noexcept { return m_items; }
  /// Error items added.
  [[nodiscard]] std::size_t errors() const noexcept { return m_errors; }
  /// Items flagged for a person to review (error items included).
  [[nodiscard]] std::size_t reviews() const noexcept { return m_reviews; }
  /// Items with each label, indexed by Label (duties) or RoleLabel (documents; error items count as unknown).
  [[nodiscard]] const std::array<std::size_t, kLabelCount>& label_counts() const noexcept { return m_label_counts; }
  /// Summed evidence of the batch per difference and side (Classification::by_difference for duties,
  /// DifferenceVerdict::evidence for documents).
  [[nodiscard]] const std::array<std::array<double, 2>, kDifferenceCount>& evidence() const noexcept {
    return m_evidence;
  }
  /// Documents whose evidence leans to each side, per difference and side, counting only verdicts that lean
  /// (has_role_leaning: sales, marketing, hybrid); all zero for duties.
  [[nodiscard]] const std::array<std::array<std::size_t, 2>, kDifferenceCount>& leaning_documents() const noexcept {
    return m_leaning;
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
  void count_reason(std::size_t difference, const Reason& reason);
  void write_segments(JsonWriter& json, std::string_view text, std::size_t offset, const Classification& result);
  // A writer for the next item of the data's items array; end_item() keeps where it stands and makes the item
  // safe inside <script>.
  JsonWriter begin_item();
  void end_item(const JsonWriter& json);
  void require_unit(ReportUnit unit, std::string_view what) const;
  std::string_view label_text(std::size_t label) const noexcept;
  std::string summary_html() const;
  std::string chart_svg() const;
  std::string comparison_html() const;
  std::string lean_html() const;
  std::string filters_html() const;
  // The data's head: the labels, files and cues, then the opening of the items array.
  void write_data_head(JsonWriter& json) const;
  std::uint32_t file_index(std::string_view file);

  const Classifier* m_classifier;
  ReportUnit m_unit;
  HtmlReportOptions m_options;
  std::size_t m_items = 0;
  std::size_t m_errors = 0;
  std::size_t m_reviews = 0;
  std::size_t m_duties = 0;  // duties inside documents
  std::array<std::size_t, kLabelCount> m_label_counts{};
  std::array<std::array<double, 2>, kDifferenceCount> m_evidence{};
  std::array<std::array<std::size_t, 2>, kDifferenceCount> m_leaning{};
  std::vector<CueTotal> m_cue_totals;  // per difference, then per cue: [d * cues + c]
  std::vector<std::string> m_files;
  std::vector<Reason> m_matches;  // scratch: every match of the current duty, in text order
  std::string m_items_json;       // "[...],\n[...]" without the enclosing brackets
  JsonWriter::State m_items_state = JsonWriter::State::inside_container();  // where m_items_json stands
  std::size_t m_item_start = 0;                                             // where the item being written starts
};

/// Appends `text` with &, <, >, " and ' escaped for HTML text and attribute values.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace rolecheck
