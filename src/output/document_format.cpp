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

// The column names of the TSV and CSV formats (one per difference of `taxonomy`).
std::string document_header(RecordFormat format, const Taxonomy& taxonomy) {
  if (format != RecordFormat::tsv && format != RecordFormat::csv) return {};
  std::string out;
  const char separator = format == RecordFormat::tsv ? '\t' : ',';
  bool first = true;
  for (const std::string_view column : {"id", "file", "line", "label", "confidence", "sales_share", "marketing_share",
                                        "duties", "voting", "sales_duties", "marketing_duties", "other_duties"}) {
    if (!first) out += separator;
    first = false;
    out += column;
  }
  for (const auto& difference : taxonomy.differences) {
    out += separator;
    out += difference.id;
  }
  out += separator;
  out += "error";
  out += separator;
  out += "review";
  out += format == RecordFormat::tsv ? "\n" : "\r\n";
  return out;
}

}  // namespace

DocumentFormatter::DocumentFormatter(RecordFormat format, const DocumentClassifier& classifier, RecordStyle style)
    : m_format(format),
      m_classifier(&classifier),
      m_style(style),
      m_stream(format, document_header(format, classifier.classifier().taxonomy()), "\n") {}

DocumentFormatter DocumentFormatter::block_formatter() const {
  DocumentFormatter copy(*this);
  copy.m_stream = m_stream.block();
  return copy;
}

void DocumentFormatter::record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                               const DocumentResult& result) {
  m_stream.open_record(out);
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
  m_stream.open_record(out);
  switch (m_format) {
    case RecordFormat::text:
      append_one_line(out, origin.file, true);
      if (origin.line != 0) fmt::format_to(std::back_inserter(out), ":{}", origin.line);
      out += ": unknown (error: ";
      append_one_line(out, message, true);
      out += "; review)\n";  // an input that could not be read needs a person
      break;
    case RecordFormat::jsonl:
    case RecordFormat::json: {
      JsonWriter json(out);
      json.begin_object();
      json_origin(json, origin);
      json.key("label").name("unknown");
      json.key("review").boolean(true);
      json.key("error").string(message);
      json.end_object();
      if (m_format == RecordFormat::jsonl) out += '\n';
      break;
    }
    case RecordFormat::tsv:
    case RecordFormat::csv: delimited_record(out, origin, nullptr, message); break;
  }
}

void DocumentFormatter::json_origin(JsonWriter& json, const DocumentOrigin& origin) const {
  write_json_id(json, origin.id, origin.id_json);
  json.key("file").string(origin.file);
  if (origin.line != 0) json.key("line").integer(origin.line);
  json.raw_members(origin.extra_json);
}

namespace {

// The member `key`: an object of a sales and a marketing figure.
void write_json_sides(JsonWriter& json, std::string_view key, double sales, double marketing) {
  json.key(key).begin_object().key("sales").number(sales).key("marketing").number(marketing).end_object();
}

// The member "differences": per difference, the side it leans to, the evidence and the strongest match.
// "side" is null without evidence, and for a verdict that does not lean (other, unknown): the evidence and the
// strongest match are still given.
void write_json_differences(JsonWriter& json, const DocumentResult& result, std::string_view document,
                            const Classifier& classifier) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& cues = classifier.matcher().cues();
  const bool leans = has_role_leaning(result.label);
  json.key("differences").begin_object();
  for (std::size_t d = 0; d < kDifferenceCount && d < taxonomy.differences.size(); ++d) {
    const auto& verdict = result.differences[d];
    json.escaped_key(taxonomy.differences[d].id).begin_object();
    json.key("side");
    if (verdict.has_evidence && leans) {
      json.name(side_name(verdict.side));
    } else {
      json.null();
    }
    write_json_sides(json, "evidence", verdict.evidence[0], verdict.evidence[1]);
    json.key("strongest");
    if (verdict.has_evidence) {
      const auto& reason = verdict.strongest;
      json.begin_object();
      json.key("cue").string(cues[reason.cue].id);
      json.key("match").string(document.substr(reason.begin, reason.end - reason.begin));
      json.key("span").begin_array().integer(reason.begin).integer(reason.end).end_array();
      json.key("duty").integer(verdict.duty);
      json.key("weight").number(reason.weight);
      json.end_object();
    } else {
      json.null();
    }
    json.end_object();
  }
  json.end_object();
}

// The member "duties": each listed duty with its section, heading, span, text and decision; then
// "duties_omitted" when some were classified but not listed.
void write_json_duties(JsonWriter& json, const DocumentResult& result, std::string_view document,
                       const Classifier& classifier) {
  json.key("duties").begin_array();
  for (const auto& entry : result.duties) {
    json.begin_object();
    json.key("section").name(section_kind_name(entry.duty.section));
    json.key("heading").string(entry.duty.heading(document));
    json.key("span").begin_array().integer(entry.duty.begin).integer(entry.duty.end).end_array();
    json.key("text").string(entry.duty.text(document));
    json.key("label").name(label_name(entry.result.label));
    json.key("confidence").confidence(entry.result.confidence);
    json.key("review").boolean(entry.result.review);
    json.key("basis").name(basis_description(entry.result.basis));
    write_json_scores(json, entry.result);
    json.key("vote").number(entry.vote_weight);
    write_json_reasons(json, entry.result, document, classifier);
    write_json_other_work(json, entry.result, document, classifier);
    json.end_object();
  }
  json.end_array();
  if (result.duty_count > result.duties.size()) {
    json.key("duties_omitted").integer(result.duty_count - result.duties.size());
  }
}

}  // namespace

void DocumentFormatter::json_record(std::string& out, const DocumentOrigin& origin, std::string_view document,
                                    const DocumentResult& result) const {
  const auto& classifier = m_classifier->classifier();
  JsonWriter json(out);
  json.begin_object();
  json_origin(json, origin);
  json.key("label").name(role_label_name(result.label));
  json.key("confidence").confidence(result.confidence);
  json.key("review").boolean(result.review);
  if (has_role_leaning(result.label)) {
    write_json_sides(json, "shares", result.shares[0], result.shares[1]);
  } else {
    json.key("shares").null();  // the votes of a few stray duties are not the role's leaning
  }
  write_json_sides(json, "votes", result.votes[0], result.votes[1]);
  json.key("duty_shares").begin_object();
  json.key("sales").number(result.work_shares[0]);
  json.key("marketing").number(result.work_shares[1]);
  json.key("other").number(result.work_shares[2]);
  json.end_object();
  write_json_differences(json, result, document, classifier);
  write_json_duties(json, result, document, classifier);
  json.end_object();
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
  const bool leans = has_role_leaning(result.label);
  if (leans) {
    fmt::format_to(std::back_inserter(out), ")\n  shares: sales {:.2f}, marketing {:.2f} (", result.shares[0],
                   result.shares[1]);
  } else {
    out += result.label == RoleLabel::unknown ? ")\n  shares: -, no verdict ("
                                              : ")\n  shares: -, not a sales or marketing role (";
  }
  fmt::format_to(std::back_inserter(out), "{} {}: {} {} sales, {} {} marketing", voting,
                 voting == 1 ? "duty" : "duties", result.leaning[0], result.leaning[0] == 1 ? "leans" : "lean",
                 result.leaning[1], result.leaning[1] == 1 ? "leans" : "lean");
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
    fmt::format_to(std::back_inserter(out), "{:<10} {} \"", leans ? side_name(verdict.side) : "-", cues[reason.cue].id);
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
    const bool leans = has_role_leaning(result->label);
    out += role_label_name(result->label);
    out += separator;
    append_confidence(out, result->confidence);
    out += separator;
    // A verdict that does not lean has no shares of the vote (empty) and no sides ("-").
    if (leans) {
      fmt::format_to(std::back_inserter(out), "{:.3f}{}{:.3f}", result->shares[0], separator, result->shares[1]);
    } else {
      out += separator;
    }
    fmt::format_to(std::back_inserter(out), "{}{}{}{}", separator, result->duty_count, separator, voting);
    for (const double share : result->work_shares)
      fmt::format_to(std::back_inserter(out), "{}{:.3f}", separator, share);
    for (const auto& verdict : result->differences) {
      out += separator;
      out += verdict.has_evidence && leans ? side_name(verdict.side) : "-";
    }
  }
  out += separator;
  append_field(out, error, m_format);
  out += separator;
  out += result == nullptr || result->review ? "true" : "false";  // an unreadable input needs a person too
  out += m_format == RecordFormat::tsv ? "\n" : "\r\n";
}

}  // namespace rolecheck
