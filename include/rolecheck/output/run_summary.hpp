#pragma once
// The --summary of a classify run: records per label and the cues that fired most, counted while the
// records stream past and rendered as a small Unicode bar chart (counts in, text out).

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/engine/classifier.hpp"

namespace rolecheck {

/// Counts for a run summary: records per label and, per cue, the number of records it fired in.
/// A cue fires in a record when it matched there without a governing negation; repeats count once.
/// Counts only add up, so summaries of blocks merged in any order give the same totals.
class RunSummary {
 public:
  /// Counts for a taxonomy whose matcher has `cue_count` cues.
  explicit RunSummary(std::size_t cue_count = 0);

  /// Counts one record with label index `label` (as Label or RoleLabel), its reasons, its other-work matches and
  /// whether it is flagged for review.
  void add(std::size_t label, const std::vector<Reason>& reasons, const std::vector<Reason>& other_reasons = {},
           bool review = false);
  /// Counts one document with label index `label` (and its review flag): a cue fires in it when it fired in any of
  /// its duties.
  void add_document(std::size_t label, const DocumentResult& result);
  /// Adds the counts of `other` (a summary of the same taxonomy).
  void merge(const RunSummary& other);
  /// Sets every count back to zero.
  void clear();

  /// Records counted.
  [[nodiscard]] std::size_t records() const noexcept { return m_records; }
  /// Records flagged for review.
  [[nodiscard]] std::size_t reviews() const noexcept { return m_reviews; }
  /// Records per label index.
  [[nodiscard]] const std::array<std::size_t, kLabelCount>& labels() const noexcept { return m_labels; }
  /// Per cue index: the number of records it fired in.
  [[nodiscard]] const std::vector<std::size_t>& cue_records() const noexcept { return m_cue_records; }

 private:
  void count_cues(const std::vector<Reason>& reasons);

  std::array<std::size_t, kLabelCount> m_labels{};
  std::vector<std::size_t> m_cue_records;
  std::vector<std::size_t> m_last_record;  // per cue: the record (1-based) it was last counted in
  std::size_t m_records = 0;
  std::size_t m_reviews = 0;
};

/// What a cue is, for the summary's list of top cues.
struct SummaryCue {
  std::string_view id;         ///< The cue's id.
  std::size_t difference = 0;  ///< Index of its difference (kOtherWorkDifference for other work).
  Side side = Side::sales;     ///< The side it evidences.
};

/// The names a summary is rendered with.
struct SummaryLegend {
  std::array<std::string_view, kLabelCount> labels{};  ///< Label names by label index.
  std::string_view unit = "records";                   ///< What one record is, plural ("lines", "documents").
  std::vector<std::string_view> differences;           ///< Difference ids, in taxonomy order.
  std::vector<SummaryCue> cues;                        ///< By cue index.
};

/// The legend of line mode (labels sales, marketing, other, mixed, unknown; unit "lines"); views into `classifier`.
SummaryLegend line_summary_legend(const Classifier& classifier);
/// The legend of document mode (labels sales, marketing, other, hybrid, unknown; unit "documents").
SummaryLegend document_summary_legend(const Classifier& classifier);

/// How a summary looks.
struct SummaryStyle {
  bool color = false;          ///< ANSI colours for labels, bars and cue ids (the labels' colours of the records).
  std::size_t bar_width = 24;  ///< Cells of a bar at 100 %.
  std::size_t top_cues = 3;    ///< Cues listed per difference and side.
};

/// A bar of `count / total` of `width` cells in Unicode blocks, to the nearest eighth of a cell (█ and
/// ▏▎▍▌▋▊▉); a non-zero count is at least ▏, a zero count (or total) is empty. No padding.
std::string summary_bar(std::size_t count, std::size_t total, std::size_t width);

/// The summary as text: a header, one line per label (name, count, share, bar), the records flagged for review,
/// then per difference and
/// side, and for other work, the cues that fired in the most records (ties by id), one a line after that number.
std::string render_run_summary(const RunSummary& summary, const SummaryLegend& legend, const SummaryStyle& style = {});

}  // namespace rolecheck
