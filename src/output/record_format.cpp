#include "rolecheck/output/record_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <iterator>

#include "rolecheck/output/highlight.hpp"
#include "rolecheck/support/one_line.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck {

char review_marker(bool review) noexcept { return review ? '?' : ' '; }

void append_reasons_summary(std::string& out, const Classification& result, const Matcher& matcher) {
  const auto start = out.size();
  const auto append = [&](const Reason& reason, std::string_view prefix) {
    if (out.size() != start) out += ' ';
    out += prefix;
    if (reason.negated) out += '!';
    out += matcher.cues()[reason.cue].id;
    if (reason.weight > 0.0) {
      out += '+';
      append_json_number(out, reason.weight);
    }
  };
  for (const auto& reason : result.reasons) append(reason, {});
  for (const auto& reason : result.other_reasons) append(reason, "other:");
  if (const auto omitted = result.reasons_omitted + result.other_reasons_omitted; omitted != 0) {
    if (out.size() != start) out += ' ';
    out += '+';
    append_unsigned(out, omitted);
    out += " more";
  }
}

void collect_matches(const Classification& result, std::vector<Reason>& out) {
  out.clear();
  out.reserve(result.reasons.size() + result.other_reasons.size());
  std::merge(result.reasons.begin(), result.reasons.end(), result.other_reasons.begin(), result.other_reasons.end(),
             std::back_inserter(out), [](const Reason& a, const Reason& b) { return a.begin < b.begin; });
}

std::string reasons_summary(const Classification& result, const Matcher& matcher) {
  std::string out;
  append_reasons_summary(out, result, matcher);
  return out;
}

void write_json_id(JsonWriter& json, std::string_view id, std::string_view id_json) {
  json.key("id");
  if (id_json.empty()) {
    json.string(id);
  } else {
    json.raw(id_json);
  }
}

namespace {

// The members every match shares in JSON: "match", "span" [begin, end], "weight", "negated".
void write_json_match(JsonWriter& json, const Reason& reason, std::string_view text) {
  json.key("match").string(text.substr(reason.begin, reason.end - reason.begin));
  json.key("span").begin_array().integer(reason.begin).integer(reason.end).end_array();
  json.key("weight").number(reason.weight);
  json.key("negated").boolean(reason.negated);
}

}  // namespace

void write_json_reasons(JsonWriter& json, const Classification& result, std::string_view text,
                        const Classifier& classifier) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& cues = classifier.matcher().cues();
  json.key("reasons").begin_array();
  for (const auto& reason : result.reasons) {
    const auto& cue = cues[reason.cue];
    json.begin_object();
    json.key("difference").name(taxonomy.differences[cue.difference].id);
    json.key("side").name(side_name(reason.side));
    json.key("cue").string(cue.id);
    write_json_match(json, reason, text);
    json.key("role").name(cue_role_name(reason.role));
    json.end_object();
  }
  json.end_array();
  if (result.reasons_omitted != 0) json.key("reasons_omitted").integer(result.reasons_omitted);
}

void write_json_other_work(JsonWriter& json, const Classification& result, std::string_view text,
                           const Classifier& classifier) {
  const auto& cues = classifier.matcher().cues();
  json.key("other_work").begin_array();
  for (const auto& reason : result.other_reasons) {
    json.begin_object();
    json.key("cue").string(cues[reason.cue].id);
    write_json_match(json, reason, text);
    json.end_object();
  }
  json.end_array();
  if (result.other_reasons_omitted != 0) json.key("other_work_omitted").integer(result.other_reasons_omitted);
}

void write_json_scores(JsonWriter& json, const Classification& result) {
  json.key("scores").begin_object();
  json.key("sales").number(result.scores[0]);
  json.key("marketing").number(result.scores[1]);
  json.key("other").number(result.other);
  json.end_object();
  json.key("core").begin_object();
  json.key("sales").number(result.core[0]);
  json.key("marketing").number(result.core[1]);
  json.end_object();
}

void append_explained_reasons(std::string& out, const Classification& result, std::string_view text, std::size_t offset,
                              const Classifier& classifier, std::string_view indent) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& cues = classifier.matcher().cues();
  const auto append = [&](const Reason& reason) {
    const auto& cue = cues[reason.cue];
    const bool other = reason.role == CueRole::other;
    const std::string_view difference = other ? std::string_view("other_work")
                                        : cue.difference < taxonomy.differences.size()
                                            ? taxonomy.differences[cue.difference].id
                                            : std::string_view("?");
    fmt::format_to(std::back_inserter(out), "{}{:<23} {:<9} {:<7} {:<32} \"", indent, difference,
                   other ? std::string_view("other") : side_name(reason.side), cue_role_name(reason.role), cue.id);
    const auto begin = reason.begin >= offset ? reason.begin - offset : 0;
    const auto end = reason.end >= offset ? reason.end - offset : 0;
    OneLineWriter(out, false).append(text.substr(begin, end > begin ? end - begin : 0));
    out += "\" ";
    if (reason.negated) out += "negated ";
    out += '+';
    append_json_number(out, reason.weight);
    out += '\n';
  };
  for (const auto& reason : result.reasons) append(reason);
  for (const auto& reason : result.other_reasons) append(reason);
  if (const auto omitted = result.reasons_omitted + result.other_reasons_omitted; omitted != 0) {
    fmt::format_to(std::back_inserter(out), "{}({} more matches scored, not listed)\n", indent, omitted);
  }
}

namespace {

// The column names of the TSV and CSV formats: the same whatever the input, so a column keeps its place
// (`id` last, empty for plain text: it came after the first ten, which keep their places).
std::string record_header(RecordFormat format) {
  switch (format) {
    case RecordFormat::tsv:
      return "file\tline\tlabel\tconfidence\treasons\ttext\treview\tbasis\tsales_score\tmarketing_score\tid\n";
    case RecordFormat::csv:
      return "file,line,label,confidence,reasons,text,review,basis,sales_score,marketing_score,id\r\n";
    case RecordFormat::text:
    case RecordFormat::jsonl:
    case RecordFormat::json: break;
  }
  return {};
}

}  // namespace

RecordFormatter::RecordFormatter(RecordFormat format, const Classifier& classifier, RecordStyle style)
    : m_format(format), m_classifier(&classifier), m_style(style), m_stream(format, record_header(format)) {}

RecordFormatter RecordFormatter::block_formatter() const {
  RecordFormatter copy(*this);
  copy.m_stream = m_stream.block();
  return copy;
}

void RecordFormatter::record(std::string& out, const RecordOrigin& origin, std::string_view text,
                             const Classification& result) {
  m_stream.open_record(out);
  switch (m_format) {
    case RecordFormat::text:
      if (m_style.record_ids) m_scratch.assign(origin.id);
      text_record(out, text, result);
      break;
    case RecordFormat::jsonl:
      json_record(out, origin, text, result);
      out += '\n';
      break;
    case RecordFormat::json: json_record(out, origin, text, result); break;
    case RecordFormat::tsv:
    case RecordFormat::csv: delimited_record(out, origin, text, result); break;
  }
}

void RecordFormatter::text_record(std::string& out, std::string_view text, const Classification& result) {
  const auto label = label_name(result.label);
  if (m_style.color) {
    fmt::format_to(std::back_inserter(out), "{}{:<9}{} ", ansi_label_color(result.label), label, kAnsiReset);
  } else {
    fmt::format_to(std::back_inserter(out), "{:<9} ", label);
  }
  append_confidence(out, result.confidence);
  out += ' ';
  out += review_marker(result.review);
  out += ' ';
  if (m_style.record_ids) {
    // The record's id (in m_scratch), then its text.
    OneLineWriter(out, false).append(m_scratch);
    out += "  ";
  }
  std::string_view shown = text;
  std::string cleaned;
  if (!is_valid_utf8(text)) {
    replace_invalid_utf8(text, cleaned);
    shown = cleaned;
  }
  if (m_style.color && m_style.explain && shown.data() == text.data()) {
    collect_matches(result, m_matches);
    append_highlighted(out, shown, 0, m_matches, false);
  } else {
    OneLineWriter(out, false).append(shown);
  }
  out += '\n';
  if (!m_style.explain) return;
  fmt::format_to(std::back_inserter(out), "    ({})\n", basis_description(result.basis));
  append_explained_reasons(out, result, text, 0, *m_classifier, "    ");
}

void RecordFormatter::json_record(std::string& out, const RecordOrigin& origin, std::string_view text,
                                  const Classification& result) const {
  JsonWriter json(out);
  json.begin_object();
  if (m_style.record_ids) write_json_id(json, origin.id, origin.id_json);
  json.key("file").string(origin.file);
  json.key("line").integer(origin.line);
  json.raw_members(origin.extra_json);
  json.key("text").string(text);
  json.key("label").name(label_name(result.label));
  json.key("confidence").confidence(result.confidence);
  json.key("review").boolean(result.review);
  json.key("basis").name(basis_description(result.basis));
  if (!origin.error.empty()) json.key("error").string(origin.error);
  write_json_scores(json, result);
  write_json_reasons(json, result, text, *m_classifier);
  write_json_other_work(json, result, text, *m_classifier);
  json.end_object();
}

void RecordFormatter::delimited_record(std::string& out, const RecordOrigin& origin, std::string_view text,
                                       const Classification& result) {
  auto& summary = m_scratch;
  summary.clear();
  append_reasons_summary(summary, result, m_classifier->matcher());
  const bool tsv = m_format == RecordFormat::tsv;
  const char separator = tsv ? '\t' : ',';
  const auto append_field = [&](std::string_view field) {
    if (tsv) {
      append_tsv_field(out, field);
    } else {
      append_csv_field(out, field);
    }
  };
  append_field(origin.file);
  out += separator;
  append_unsigned(out, origin.line);
  out += separator;
  out += label_name(result.label);
  out += separator;
  append_confidence(out, result.confidence);
  out += separator;
  append_field(summary);
  out += separator;
  append_field(text);
  out += separator;
  out += result.review ? "true" : "false";
  // Appended after the original columns, so scripts that read those by position keep working.
  out += separator;
  append_field(basis_description(result.basis));
  out += separator;
  append_json_number(out, result.scores[0]);
  out += separator;
  append_json_number(out, result.scores[1]);
  out += separator;
  append_field(origin.id);  // empty unless the duties are records with ids
  out += tsv ? "\n" : "\r\n";
}

}  // namespace rolecheck
