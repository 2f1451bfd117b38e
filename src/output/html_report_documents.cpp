// HtmlReport in document mode: one item per job description, with its verdict and its duties.

#include <algorithm>
#include <cmath>

#include "rolecheck/output/html_report.hpp"
#include "rolecheck/output/record_format.hpp"

namespace rolecheck {

void HtmlReport::add_document(const DocumentOrigin& origin, std::string_view document, const DocumentResult& result) {
  require_unit(ReportUnit::document, "add_document");
  ++m_items;
  ++m_label_counts[static_cast<std::size_t>(result.label)];
  if (result.review) ++m_reviews;
  m_duties += result.duty_count;
  // Every document's evidence counts in the batch's; only a verdict that leans (sales, marketing, hybrid)
  // counts as a document leaning one way.
  const bool leans = has_role_leaning(result.label);
  for (std::size_t d = 0; d < kDifferenceCount; ++d) {
    const auto& verdict = result.differences[d];
    m_evidence[d][0] += verdict.evidence[0];
    m_evidence[d][1] += verdict.evidence[1];
    if (verdict.has_evidence && leans) ++m_leaning[d][static_cast<std::size_t>(verdict.side)];
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

  // [file, line, label, confidence in percent, id, [sales share, marketing share (-1 -1 for a verdict that does not
  //  lean), sales duties, marketing duties, other duties] in percent,
  //  per difference the side it leans to (-1: no evidence, or a verdict that does not lean), duties, error].
  // A duty is [section, label, confidence in percent, vote weight, line in the document, segments, heading?];
  // the heading is given on the first duty under it.
  JsonWriter json = begin_item();
  json.begin_array();
  json.integer(file_index(origin.file)).integer(origin.line).integer(static_cast<int>(result.label));
  json.integer(std::lround(result.confidence * 100.0));
  json.string(origin.id == origin.file && origin.line == 0 ? std::string_view() : std::string_view(origin.id));
  json.begin_array();
  for (const double share : {result.shares[0], result.shares[1]}) json.integer(leans ? std::lround(share * 100.0) : -1);
  for (const double share : result.work_shares) json.integer(std::lround(share * 100.0));
  json.end_array();
  json.begin_array();
  for (const auto& verdict : result.differences) {
    json.integer(verdict.has_evidence && leans ? static_cast<int>(verdict.side) : -1);
  }
  json.end_array();
  json.begin_array();
  std::size_t line = 1;
  std::size_t counted = 0;  // bytes of the document whose newlines are in `line`
  std::string_view heading;
  for (const auto& entry : result.duties) {
    const auto& duty = entry.duty;
    if (duty.end < duty.begin || duty.end > document.size()) continue;
    const std::size_t begin = std::max<std::size_t>(duty.begin, counted);
    line += static_cast<std::size_t>(std::count(document.begin() + static_cast<std::ptrdiff_t>(counted),
                                                document.begin() + static_cast<std::ptrdiff_t>(begin), '\n'));
    counted = begin;
    json.begin_array();
    json.integer(static_cast<int>(duty.section)).integer(static_cast<int>(entry.result.label));
    json.integer(std::lround(entry.result.confidence * 100.0)).general(entry.vote_weight).integer(line);
    write_segments(json, duty.text(document), duty.begin, entry.result);
    const auto duty_heading = duty.heading_end <= document.size() ? duty.heading(document) : std::string_view();
    if (!duty_heading.empty() && duty_heading.data() != heading.data()) json.string(duty_heading);
    heading = duty_heading;
    json.end_array();
  }
  json.end_array();
  json.string("");
  json.end_array();
  end_item(json);
}

void HtmlReport::add_error(const DocumentOrigin& origin, std::string_view message) {
  require_unit(ReportUnit::document, "add_error");
  ++m_items;
  ++m_errors;
  ++m_reviews;  // an input that could not be read needs a person
  ++m_label_counts[static_cast<std::size_t>(RoleLabel::unknown)];
  JsonWriter json = begin_item();
  json.begin_array();
  json.integer(file_index(origin.file)).integer(origin.line).integer(static_cast<int>(RoleLabel::unknown));
  json.integer(-1);
  json.string(origin.id == origin.file && origin.line == 0 ? std::string_view() : std::string_view(origin.id));
  json.begin_array();
  for (int share = 0; share < 5; ++share) json.integer(0);
  json.end_array();
  json.begin_array();
  for (std::size_t d = 0; d < kDifferenceCount; ++d) json.integer(-1);
  json.end_array();
  json.begin_array().end_array();
  json.string(message);
  json.end_array();
  end_item(json);
}

}  // namespace rolecheck
