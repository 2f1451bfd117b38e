#include "rolecheck/output/document_format.hpp"

#include <fmt/format.h>

#include "rolecheck/output/highlight.hpp"
#include "rolecheck/support/one_line.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck {
namespace {

// A verdict's colour: that of the line label it corresponds to (hybrid is coloured as mixed).
std::string_view role_color(RoleLabel label) noexcept {
  switch (label) {
    case RoleLabel::sales: return ansi_label_color(Label::sales);
    case RoleLabel::marketing: return ansi_label_color(Label::marketing);
    case RoleLabel::other: return ansi_label_color(Label::other);
    case RoleLabel::hybrid: return ansi_label_color(Label::mixed);
    case RoleLabel::unknown: break;
  }
  return ansi_label_color(Label::unknown);
}

void append_field(std::string& out, std::string_view text, RecordFormat format) {
  if (format == RecordFormat::csv) {
    append_csv_field(out, text);
  } else {
    append_tsv_field(out, text);
  }
}

}  // namespace

DocumentFormatter::DocumentFormatter(RecordFormat format, const DocumentClassifier& classifier, RecordStyle style)
    : m_format(format), m_classifier(&classifier), m_style(style) {}

void DocumentFormatter::begin(std::string& /*unused*/) {
  // The header (TSV/CSV) or "[" (JSON) is written with the first record: no input, no output.
  m_first = true;
  m_prologue.clear();
  std::string& out = m_prologue;
  if (m_format == RecordFormat::tsv || m_format == RecordFormat::csv) {
    const char separator = m_format == RecordFormat::tsv ? '\t' : ',';
    bool first = true;
    for (const std::string_view column : {"id", "file", "line", "label", "confidence", "sales_share", "marketing_share",
                                          "duties", "voting", "sales_duties", "marketing_duties", "other_duties"}) {
      if (!first) out += separator;
      first = false;
      out += column;
    }
    for (const auto& difference : m_classifier->classifier().taxonomy().differences) {
      out += separator;
      out += difference.id;
    }
    out += separator;
    out += "error";
    out += separator;
    out += "review";
    out += m_format == RecordFormat::tsv ? "\n" : "\r\n";
  }
  if (m_format == RecordFormat::json) out += '[';
}

void DocumentFormatter::end(std::string& out) {
  if (m_first) {
    // No record: JSON is still one valid (empty) array; the other formats print nothing.
    if (m_format == RecordFormat::json) out += "[]\n";
    return;
  }
  if (m_format == RecordFormat::json) out += "\n]\n";
}

DocumentFormatter DocumentFormatter::block_formatter() const {
  DocumentFormatter copy(m_format, *m_classifier, m_style);
  copy.m_first = true;
  copy.m_prologue.clear();
  return copy;
}

std::string_view DocumentFormatter::before_block(bool block_has_records) noexcept {
  if (!block_has_records) return {};
  if (m_first) {
    m_first = false;
    return m_prologue;
  }
  // A block's first record carries no separator: JSON records start with "\n", text records need a blank line.
  if (m_format == RecordFormat::json) return ",";
  if (m_format == RecordFormat::text) return "\n";
  return {};
}

void DocumentFormatter::separate(std::string& out) {
  if (m_first) out += m_prologue;
  if (m_format == RecordFormat::json) out += m_first ? "\n" : ",\n";
  if (m_format == RecordFormat::text && !m_first) out += '\n';
  m_first = false;
}

void DocumentFormatter::record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                               const DocumentResult& result) {
  separate(out);
  switch (m_format) {
    case RecordFormat::text: text_record(out, origin, document, result); break;
    case RecordFormat::jsonl:
    case RecordFormat::json:
      json_record(out, origin, document, result);
      if (m_format == RecordFormat::jsonl) out += '\n';
      break;
    case RecordFormat::tsv:
    case RecordFormat::csv: delimited_record(out, origin, &result, {}); break;
  }
}

void DocumentFormatter::error_record(std::string& out, const DocumentOrigin& origin, std::string_view message) {
  separate(out);
  switch (m_format) {
    case RecordFormat::text:
      append_one_line(out, origin.file, true);
      if (origin.line != 0) fmt::format_to(std::back_inserter(out), ":{}", origin.line);
      out += ": unknown (error: ";
      append_one_line(out, message, true);
      out += "; review)\n";  // an input that could not be read needs a person
      break;
    case RecordFormat::jsonl:
    case RecordFormat::json:
      out += '{';
      json_origin(out, origin);
      out += ",\"label\":\"unknown\",\"review\":true,\"error\":";
      append_json_string(out, message);
      out += '}';
      if (m_format == RecordFormat::jsonl) out += '\n';
      break;
    case RecordFormat::tsv:
    case RecordFormat::csv: delimited_record(out, origin, nullptr, message); break;
  }
}

void DocumentFormatter::json_origin(std::string& out, const DocumentOrigin& origin) const {
  out += "\"id\":";
  if (origin.id_json.empty()) {
    append_json_string(out, origin.id);
  } else {
    out += origin.id_json;
  }
  out += ",\"file\":";
  append_json_string(out, origin.file);
  if (origin.line != 0) fmt::format_to(std::back_inserter(out), ",\"line\":{}", origin.line);
  if (!origin.extra_json.empty()) {
    out += ',';
    out += origin.extra_json;
  }
}

void DocumentFormatter::json_record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                                    const DocumentResult& result) const {
  const auto& classifier = m_classifier->classifier();
  const auto& taxonomy = classifier.taxonomy();
  const auto& cues = classifier.matcher().cues();
  out += '{';
  json_origin(out, origin);
  out += ",\"label\":\"";
  out += role_label_name(result.label);
  out += "\",\"confidence\":";
  append_confidence(out, result.confidence);
  out += result.review ? ",\"review\":true" : ",\"review\":false";
  out += ",\"shares\":{\"sales\":";
  append_json_number(out, result.shares[0]);
  out += ",\"marketing\":";
  append_json_number(out, result.shares[1]);
  out += "},\"votes\":{\"sales\":";
  append_json_number(out, result.votes[0]);
  out += ",\"marketing\":";
  append_json_number(out, result.votes[1]);
  out += "},\"duty_shares\":{\"sales\":";
  append_json_number(out, result.work_shares[0]);
  out += ",\"marketing\":";
  append_json_number(out, result.work_shares[1]);
  out += ",\"other\":";
  append_json_number(out, result.work_shares[2]);
  out += "},\"differences\":{";
  for (std::size_t d = 0; d < kDifferenceCount && d < taxonomy.differences.size(); ++d) {
    const auto& verdict = result.differences[d];
    if (d != 0) out += ',';
    append_json_string(out, taxonomy.differences[d].id);
    out += ":{\"side\":";
    out += verdict.has_evidence ? fmt::format("\"{}\"", side_name(verdict.side)) : "null";
    out += ",\"evidence\":{\"sales\":";
    append_json_number(out, verdict.evidence[0]);
    out += ",\"marketing\":";
    append_json_number(out, verdict.evidence[1]);
    out += "},\"strongest\":";
    if (!verdict.has_evidence) {
      out += "null}";
      continue;
    }
    const auto& reason = verdict.strongest;
    out += "{\"cue\":";
    append_json_string(out, cues[reason.cue].id);
    out += ",\"match\":";
    append_json_string(out, document.substr(reason.begin, reason.end - reason.begin));
    fmt::format_to(std::back_inserter(out), ",\"span\":[{},{}],\"duty\":{},\"weight\":", reason.begin, reason.end,
                   verdict.duty);
    append_json_number(out, reason.weight);
    out += "}}";
  }
  out += "},\"duties\":[";
  for (std::size_t i = 0; i < result.duties.size(); ++i) {
    const auto& entry = result.duties[i];
    out += i == 0 ? "{\"section\":\"" : ",{\"section\":\"";
    out += section_kind_name(entry.duty.section);
    out += "\",\"heading\":";
    append_json_string(out, entry.duty.heading(document));
    fmt::format_to(std::back_inserter(out), ",\"span\":[{},{}],\"text\":", entry.duty.begin, entry.duty.end);
    append_json_string(out, entry.duty.text(document));
    out += ",\"label\":\"";
    out += label_name(entry.result.label);
    out += "\",\"confidence\":";
    append_confidence(out, entry.result.confidence);
    out += entry.result.review ? ",\"review\":true" : ",\"review\":false";
    out += ",\"basis\":";
    append_json_string(out, basis_description(entry.result.basis));
    out += ',';
    append_json_scores(out, entry.result);
    out += ",\"vote\":";
    append_json_number(out, entry.vote_weight);
    out += ",\"reasons\":";
    append_json_reasons(out, entry.result, document, classifier);
    out += ",\"other_work\":";
    append_json_other_work(out, entry.result, document, classifier);
    out += '}';
  }
  out += ']';
  if (result.duty_count > result.duties.size()) {
    out += ",\"duties_omitted\":";
    out += std::to_string(result.duty_count - result.duties.size());
  }
  out += '}';
}

void DocumentFormatter::text_record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                                    const DocumentResult& result) const {
  const auto& classifier = m_classifier->classifier();
  const auto& taxonomy = classifier.taxonomy();
  const auto& cues = classifier.matcher().cues();
  const auto label = role_label_name(result.label);
  append_one_line(out, origin.id, true);
  out += ": ";
  if (m_style.color) {
    fmt::format_to(std::back_inserter(out), "{}{}{}", role_color(result.label), label, kAnsiReset);
  } else {
    out += label;
  }
  const std::size_t voting = result.voting;
  // "Duties" are the voting ones; the rest (boilerplate, unknowns) are counted apart.
  const std::size_t silent = result.duty_count - voting;
  out += " (confidence ";
  append_confidence(out, result.confidence);
  if (result.below_min_confidence) out += ", below --min-confidence";
  if (result.review) out += ", review";
  fmt::format_to(
      std::back_inserter(out), ")\n  shares: sales {:.2f}, marketing {:.2f} ({} {}: {} {} sales, {} {} marketing",
      result.shares[0], result.shares[1], voting, voting == 1 ? "duty" : "duties", result.leaning[0],
      result.leaning[0] == 1 ? "leans" : "lean", result.leaning[1], result.leaning[1] == 1 ? "leans" : "lean");
  if (silent > 0)
    fmt::format_to(std::back_inserter(out), "; {} more {} not vote", silent, silent == 1 ? "item does" : "items do");
  fmt::format_to(std::back_inserter(out),
                 ")\n  work: sales {:.2f}, marketing {:.2f}, other {:.2f} (shares of the voting duties)\n\n"
                 "  {:<24} {:<10} {}\n",
                 result.work_shares[0], result.work_shares[1], result.work_shares[2], "difference", "side",
                 "strongest evidence");
  for (std::size_t d = 0; d < kDifferenceCount && d < taxonomy.differences.size(); ++d) {
    const auto& verdict = result.differences[d];
    fmt::format_to(std::back_inserter(out), "  {:<24} ", taxonomy.differences[d].id);
    if (!verdict.has_evidence) {
      out += "-          (no evidence)\n";
      continue;
    }
    const auto& reason = verdict.strongest;
    fmt::format_to(std::back_inserter(out), "{:<10} {} \"", side_name(verdict.side), cues[reason.cue].id);
    append_one_line(out, document.substr(reason.begin, reason.end - reason.begin), true);
    out += "\"\n";
  }
  out += "\n  duties:\n";
  std::vector<Reason> matches;
  for (const auto& entry : result.duties) {
    const auto duty_label = label_name(entry.result.label);
    fmt::format_to(std::back_inserter(out), "  {:<13} ", section_kind_name(entry.duty.section));
    if (m_style.color) {
      fmt::format_to(std::back_inserter(out), "{}{:<9}{}", role_color(static_cast<RoleLabel>(entry.result.label)),
                     duty_label, kAnsiReset);
    } else {
      fmt::format_to(std::back_inserter(out), "{:<9}", duty_label);
    }
    out += ' ';
    append_confidence(out, entry.result.confidence);
    out += ' ';
    out += review_marker(entry.result.review);
    out += ' ';
    if (m_style.color && m_style.explain && is_valid_utf8(entry.duty.text(document))) {
      collect_matches(entry.result, matches);
      append_highlighted(out, entry.duty.text(document), entry.duty.begin, matches, true);
    } else {
      append_one_line(out, entry.duty.text(document), true);
    }
    if (entry.duty.section == SectionKind::boilerplate) out += "  (no vote)";
    out += '\n';
    if (!m_style.explain) continue;
    fmt::format_to(std::back_inserter(out), "      ({})\n", basis_description(entry.result.basis));
    append_explained_reasons(out, entry.result, document, 0, classifier, "      ");
  }
  if (result.duty_count > result.duties.size()) {
    fmt::format_to(std::back_inserter(out), "  ({} more duties classified, not listed)\n",
                   result.duty_count - result.duties.size());
  }
}

void DocumentFormatter::delimited_record(std::string& out, const DocumentOrigin& origin, const DocumentResult* result,
                                         std::string_view error) const {
  const char separator = m_format == RecordFormat::tsv ? '\t' : ',';
  append_field(out, origin.id, m_format);
  out += separator;
  append_field(out, origin.file, m_format);
  out += separator;
  if (origin.line != 0) out += std::to_string(origin.line);
  out += separator;
  if (result == nullptr) {
    out += "unknown";
    for (std::size_t i = 0; i < 8 + kDifferenceCount; ++i) out += separator;
  } else {
    const std::size_t voting = result->voting;
    out += role_label_name(result->label);
    out += separator;
    append_confidence(out, result->confidence);
    fmt::format_to(std::back_inserter(out), "{}{:.3f}{}{:.3f}{}{}{}{}", separator, result->shares[0], separator,
                   result->shares[1], separator, result->duty_count, separator, voting);
    for (const double share : result->work_shares)
      fmt::format_to(std::back_inserter(out), "{}{:.3f}", separator, share);
    for (const auto& verdict : result->differences) {
      out += separator;
      out += verdict.has_evidence ? side_name(verdict.side) : "-";
    }
  }
  out += separator;
  append_field(out, error, m_format);
  out += separator;
  out += result == nullptr || result->review ? "true" : "false";  // an unreadable input needs a person too
  out += m_format == RecordFormat::tsv ? "\n" : "\r\n";
}

}  // namespace rolecheck
