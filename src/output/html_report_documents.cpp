// HtmlReport in document mode: one item per job description, with its verdict and its duties.

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "rolecheck/output/html_report.hpp"
#include "rolecheck/output/record_format.hpp"

namespace rolecheck {

void HtmlReport::add_document(const DocumentOrigin& origin, std::string_view document, const DocumentResult& result) {
  require_unit(ReportUnit::document, "add_document");
  ++m_items;
  ++m_label_counts[static_cast<std::size_t>(result.label)];
  if (result.review) ++m_reviews;
  m_duties += result.duty_count;
  for (std::size_t d = 0; d < kDifferenceCount; ++d) {
    const auto& verdict = result.differences[d];
    m_evidence[d][0] += verdict.evidence[0];
    m_evidence[d][1] += verdict.evidence[1];
    if (verdict.has_evidence) ++m_leaning[d][static_cast<std::size_t>(verdict.side)];
  }
  // Cue totals count what the verdict counted: no boilerplate, requirements as execution capabilities.
  const auto& cues = m_classifier->matcher().cues();
  for (const auto& entry : result.duties) {
    if (entry.duty.section == SectionKind::boilerplate) continue;
    for (const Reason& reason : entry.result.reasons) {
      if (reason.weight <= 0.0 || reason.cue >= cues.size()) continue;
      count_reason(entry.duty.section == SectionKind::requirements ? kExecutionDifference
                                                                   : std::size_t{cues[reason.cue].difference},
                   reason);
    }
  }

  // [file, line, label, confidence in percent, id, [sales share, marketing share, sales duties, marketing
  //  duties, other duties] in percent,
  //  per difference the side it leans to (-1: no evidence), duties, error].
  // A duty is [section, label, confidence in percent, vote weight, line in the document, segments, heading?];
  // the heading is given on the first duty under it.
  std::string item = fmt::format("[{},{},{},{},", file_index(origin.file), origin.line, static_cast<int>(result.label),
                                 std::lround(result.confidence * 100.0));
  append_json_string(item, origin.id == origin.file && origin.line == 0 ? std::string_view() : origin.id);
  item += fmt::format(",[{},{},{},{},{}],[", std::lround(result.shares[0] * 100.0),
                      std::lround(result.shares[1] * 100.0), std::lround(result.work_shares[0] * 100.0),
                      std::lround(result.work_shares[1] * 100.0), std::lround(result.work_shares[2] * 100.0));
  for (std::size_t d = 0; d < kDifferenceCount; ++d) {
    const auto& verdict = result.differences[d];
    if (d > 0) item += ',';
    item += verdict.has_evidence ? std::to_string(static_cast<int>(verdict.side)) : "-1";
  }
  item += "],[";
  std::size_t line = 1;
  std::size_t counted = 0;  // bytes of the document whose newlines are in `line`
  std::string_view heading;
  for (std::size_t i = 0; i < result.duties.size(); ++i) {
    const auto& entry = result.duties[i];
    const auto& duty = entry.duty;
    if (duty.end < duty.begin || duty.end > document.size()) continue;
    const std::size_t begin = std::max<std::size_t>(duty.begin, counted);
    line += static_cast<std::size_t>(std::count(document.begin() + static_cast<std::ptrdiff_t>(counted),
                                                document.begin() + static_cast<std::ptrdiff_t>(begin), '\n'));
    counted = begin;
    if (i > 0) item += ',';
    item += fmt::format("[{},{},{},{:g},{},", static_cast<int>(duty.section), static_cast<int>(entry.result.label),
                        std::lround(entry.result.confidence * 100.0), entry.vote_weight, line);
    append_segments(item, duty.text(document), duty.begin, entry.result);
    const auto duty_heading = duty.heading_end <= document.size() ? duty.heading(document) : std::string_view();
    if (!duty_heading.empty() && duty_heading.data() != heading.data()) {
      item += ',';
      append_json_string(item, duty_heading);
    }
    heading = duty_heading;
    item += ']';
  }
  item += "],\"\"]";
  append_item(item);
}

void HtmlReport::add_error(const DocumentOrigin& origin, std::string_view message) {
  require_unit(ReportUnit::document, "add_error");
  ++m_items;
  ++m_errors;
  ++m_reviews;  // an input that could not be read needs a person
  ++m_label_counts[static_cast<std::size_t>(RoleLabel::unknown)];
  std::string item =
      fmt::format("[{},{},{},-1,", file_index(origin.file), origin.line, static_cast<int>(RoleLabel::unknown));
  append_json_string(item, origin.id == origin.file && origin.line == 0 ? std::string_view() : origin.id);
  item += ",[0,0,0,0,0],[-1,-1,-1,-1],[],";
  append_json_string(item, message);
  item += ']';
  append_item(item);
}

}  // namespace rolecheck
