#include "rolecheck/output/run_summary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

#include "rolecheck/output/highlight.hpp"
#include "rolecheck/output/record_format.hpp"

namespace rolecheck {
namespace {

// The partial blocks for 1/8 .. 7/8 of a cell (index 0 is unused).
constexpr std::array<std::string_view, 8> kEighths{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr std::string_view kFullBlock = "█";

// Digits of `value` in decimal.
std::size_t digits(std::size_t value) noexcept {
  std::size_t count = 1;
  while (value >= 10) {
    value /= 10;
    ++count;
  }
  return count;
}

SummaryLegend legend_of(const Classifier& classifier) {
  SummaryLegend legend;
  for (const auto& difference : classifier.taxonomy().differences) legend.differences.emplace_back(difference.id);
  for (const auto& cue : classifier.matcher().cues())
    legend.cues.push_back(SummaryCue{cue.id, cue.difference, cue.side});
  return legend;
}

}  // namespace

RunSummary::RunSummary(std::size_t cue_count) : m_cue_records(cue_count, 0), m_last_record(cue_count, 0) {}

void RunSummary::count_cues(const std::vector<Reason>& reasons) {
  for (const auto& reason : reasons) {
    if (reason.negated || reason.cue >= m_cue_records.size()) continue;
    auto& last = m_last_record[reason.cue];
    if (last == m_records) continue;
    last = m_records;
    ++m_cue_records[reason.cue];
  }
}

void RunSummary::add(std::size_t label, const std::vector<Reason>& reasons, const std::vector<Reason>& other_reasons,
                     bool review) {
  ++m_records;
  if (review) ++m_reviews;
  ++m_labels[std::min<std::size_t>(label, kLabelCount - 1)];
  count_cues(reasons);
  count_cues(other_reasons);
}

void RunSummary::add_document(std::size_t label, const DocumentResult& result) {
  ++m_records;
  if (result.review) ++m_reviews;
  ++m_labels[std::min<std::size_t>(label, kLabelCount - 1)];
  for (const auto& duty : result.duties) {
    count_cues(duty.result.reasons);
    count_cues(duty.result.other_reasons);
  }
}

void RunSummary::merge(const RunSummary& other) {
  m_records += other.m_records;
  m_reviews += other.m_reviews;
  for (std::size_t i = 0; i < m_labels.size(); ++i) m_labels[i] += other.m_labels[i];
  if (m_cue_records.size() < other.m_cue_records.size()) {
    m_cue_records.resize(other.m_cue_records.size(), 0);
    m_last_record.resize(other.m_cue_records.size(), 0);
  }
  // m_last_record needs no change: every number in it stays below the next record's number.
  for (std::size_t i = 0; i < other.m_cue_records.size(); ++i) m_cue_records[i] += other.m_cue_records[i];
}

void RunSummary::clear() {
  m_labels = {};
  m_records = 0;
  m_reviews = 0;
  std::fill(m_cue_records.begin(), m_cue_records.end(), 0);
  std::fill(m_last_record.begin(), m_last_record.end(), 0);
}

SummaryLegend line_summary_legend(const Classifier& classifier) {
  auto legend = legend_of(classifier);
  legend.labels = {"sales", "marketing", "other", "mixed", "unknown"};
  legend.unit = "lines";
  return legend;
}

SummaryLegend document_summary_legend(const Classifier& classifier) {
  auto legend = legend_of(classifier);
  legend.labels = {"sales", "marketing", "other", "hybrid", "unknown"};
  legend.unit = "documents";
  return legend;
}

std::string summary_bar(std::size_t count, std::size_t total, std::size_t width) {
  std::string bar;
  if (count == 0 || total == 0 || width == 0) return bar;
  count = std::min(count, total);
  const std::size_t cells = width * 8;
  std::size_t eighths = (count * cells + total / 2) / total;  // to the nearest eighth
  eighths = std::max<std::size_t>(eighths, 1);
  for (std::size_t i = 0; i < eighths / 8; ++i) bar += kFullBlock;
  bar += kEighths[eighths % 8];
  return bar;
}

std::string render_run_summary(const RunSummary& summary, const SummaryLegend& legend, const SummaryStyle& style) {
  std::string out;
  auto it = std::back_inserter(out);
  const auto total = summary.records();
  const auto colored = [&](Label label, std::string_view text) {
    if (!style.color) return std::string(text);
    return fmt::format("{}{}{}", ansi_label_color(label), text, kAnsiReset);
  };
  fmt::format_to(it, "summary: {} {}\n", total, legend.unit);
  std::size_t name_width = 0;
  std::size_t count_width = 1;
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    name_width = std::max(name_width, legend.labels[i].size());
    count_width = std::max(count_width, digits(summary.labels()[i]));
  }
  count_width = std::max(count_width, digits(summary.reviews()));
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    const auto count = summary.labels()[i];
    const double share = total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total);
    const auto label = static_cast<Label>(i);
    const auto name = fmt::format("{:<{}}", legend.labels[i], name_width);
    fmt::format_to(it, "  {}  {:>{}}  {:5.1f}%", colored(label, name), count, count_width, share);
    const auto bar = summary_bar(count, total, style.bar_width);
    if (!bar.empty()) fmt::format_to(it, "  {}", colored(label, bar));
    out += '\n';
  }

  // Records flagged for a person to review, with their share but no bar (they overlap the labels).
  const double review_share =
      total == 0 ? 0.0 : 100.0 * static_cast<double>(summary.reviews()) / static_cast<double>(total);
  fmt::format_to(it, "  {:<{}}  {:>{}}  {:5.1f}%  (flagged for review)\n", "review", name_width, summary.reviews(),
                 count_width, review_share);

  // Per difference and side, and for other work, the cues that fired in the most records (ties by id).
  fmt::format_to(it, "cues that fired most ({} each fired in, cue):\n", legend.unit);
  // The other-work group is shown when the taxonomy has other-work cues.
  const bool has_other_work = std::any_of(legend.cues.begin(), legend.cues.end(),
                                          [](const SummaryCue& cue) { return cue.difference == kOtherWorkDifference; });
  std::size_t difference_width = has_other_work ? std::string_view("other_work").size() : 0;
  for (const auto& id : legend.differences) difference_width = std::max(difference_width, id.size());
  const auto& fired = summary.cue_records();
  std::size_t fired_width = 1;
  for (const auto count : fired) fired_width = std::max(fired_width, digits(count));
  std::vector<std::size_t> top;
  // One group per difference and side, then one for other work (whose cues carry kOtherWorkDifference).
  const auto group = [&](std::string_view name, std::size_t difference, Side side, Label label) {
    const bool other = difference == kOtherWorkDifference;
    top.clear();
    for (std::size_t c = 0; c < legend.cues.size() && c < fired.size(); ++c) {
      const auto& cue = legend.cues[c];
      if (cue.difference == difference && (other || cue.side == side) && fired[c] > 0) top.push_back(c);
    }
    const auto keep = std::min(top.size(), style.top_cues);
    std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(keep), top.end(),
                      [&](std::size_t a, std::size_t b) {
                        if (fired[a] != fired[b]) return fired[a] > fired[b];
                        return legend.cues[a].id < legend.cues[b].id;
                      });
    fmt::format_to(it, "  {:<{}}  {}", name, difference_width,
                   colored(label, fmt::format("{:<9}", other ? std::string_view("other") : side_name(side))));
    if (keep == 0) out += "  -\n";
    // One cue per line: the records it fired in, then its id.
    for (std::size_t k = 0; k < keep; ++k) {
      if (k > 0) fmt::format_to(it, "{:{}}", "", 2 + difference_width + 2 + 9);
      fmt::format_to(it, "  {:>{}}  {}\n", fired[top[k]], fired_width, colored(label, legend.cues[top[k]].id));
    }
  };
  for (std::size_t d = 0; d < legend.differences.size(); ++d) {
    group(legend.differences[d], d, Side::sales, Label::sales);
    group({}, d, Side::marketing, Label::marketing);
  }
  if (has_other_work) group("other_work", kOtherWorkDifference, Side::sales, Label::other);
  return out;
}

}  // namespace rolecheck
