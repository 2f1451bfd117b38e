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

std::optional<RecordFormat> parse_record_format(std::string_view name) noexcept {
  if (name == "text") return RecordFormat::text;
  if (name == "jsonl") return RecordFormat::jsonl;
  if (name == "json") return RecordFormat::json;
  if (name == "tsv") return RecordFormat::tsv;
  if (name == "csv") return RecordFormat::csv;
  return std::nullopt;
}


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

namespace {

// The fields every match shares in JSON: ,"match":…,"span":[b,e],"weight":…,"negated":…
void append_json_match(std::string& out, const Reason& reason, std::string_view text) {
  out += ",\"match\":";
  append_json_string(out, text.substr(reason.begin, reason.end - reason.begin));
  out += ",\"span\":[";
  append_unsigned(out, reason.begin);
  out += ',';
  append_unsigned(out, reason.end);
  out += "],\"weight\":";
  append_json_number(out, reason.weight);
  out += reason.negated ? ",\"negated\":true" : ",\"negated\":false";
}

}  // namespace

void append_json_reasons(std::string& out, const Classification& result, std::string_view text,
                         const Classifier& classifier) {
  const auto& taxonomy = classifier.taxonomy();
  const auto& cues = classifier.matcher().cues();
  out += '[';
  bool first = true;
  for (const auto& reason : result.reasons) {
    const auto& cue = cues[reason.cue];
    out += first ? "{\"difference\":\"" : ",{\"difference\":\"";
    first = false;
    out += taxonomy.differences[cue.difference].id;
    out += "\",\"side\":\"";
    out += side_name(reason.side);
    out += "\",\"cue\":";
    append_json_string(out, cue.id);
    append_json_match(out, reason, text);
    out += ",\"role\":\"";
    out += cue_role_name(reason.role);
    out += "\"}";
  }
  out += ']';
  if (result.reasons_omitted != 0) {
    out += ",\"reasons_omitted\":";
    append_unsigned(out, result.reasons_omitted);
  }
}

void append_json_other_work(std::string& out, const Classification& result, std::string_view text,
                            const Classifier& classifier) {
  const auto& cues = classifier.matcher().cues();
  out += '[';
  bool first = true;
  for (const auto& reason : result.other_reasons) {
    out += first ? "{\"cue\":" : ",{\"cue\":";
    first = false;
    append_json_string(out, cues[reason.cue].id);
    append_json_match(out, reason, text);
    out += '}';
  }
  out += ']';
  if (result.other_reasons_omitted != 0) {
    out += ",\"other_work_omitted\":";
    append_unsigned(out, result.other_reasons_omitted);
  }
}

void append_json_scores(std::string& out, const Classification& result) {
  out += "\"scores\":{\"sales\":";
  append_json_number(out, result.scores[0]);
  out += ",\"marketing\":";
  append_json_number(out, result.scores[1]);
  out += ",\"other\":";
  append_json_number(out, result.other);
  out += "},\"core\":{\"sales\":";
  append_json_number(out, result.core[0]);
  out += ",\"marketing\":";
  append_json_number(out, result.core[1]);
  out += '}';
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

RecordFormatter::RecordFormatter(RecordFormat format, const Classifier& classifier, RecordStyle style)
    : m_format(format), m_classifier(&classifier), m_style(style) {}

void RecordFormatter::begin(std::string& /*out*/) {
  // The header (TSV/CSV) or "[" (JSON) is written with the first record, so no input gives no output.
  m_first = true;
  m_prologue_pending = true;
}

std::string_view RecordFormatter::prologue() const noexcept {
  switch (m_format) {
    case RecordFormat::tsv:
      return m_style.record_ids
                 ? "file\tline\tid\tlabel\tconfidence\treasons\ttext\treview\tbasis\tsales_score\tmarketing_score\n"
                 : "file\tline\tlabel\tconfidence\treasons\ttext\treview\tbasis\tsales_score\tmarketing_score\n";
    case RecordFormat::csv:
      return m_style.record_ids
                 ? "file,line,id,label,confidence,reasons,text,review,basis,sales_score,marketing_score\r\n"
                 : "file,line,label,confidence,reasons,text,review,basis,sales_score,marketing_score\r\n";
    case RecordFormat::json: return "[";
    case RecordFormat::text:
    case RecordFormat::jsonl: break;
  }
  return {};
}

void RecordFormatter::end(std::string& out) {
  if (m_prologue_pending) {
    // No record: JSON is still one valid (empty) array, what json.load expects; the other formats print nothing.
    if (m_format == RecordFormat::json) out += "[]\n";
    return;
  }
  if (m_format == RecordFormat::json) out += "\n]\n";
}

RecordFormatter RecordFormatter::block_formatter() const {
  RecordFormatter copy(m_format, *m_classifier, m_style);
  copy.m_first = true;
  return copy;
}

std::string_view RecordFormatter::before_block(bool block_has_records) noexcept {
  if (!block_has_records) return {};
  const bool after_records = !m_first;
  m_first = false;
  if (m_prologue_pending) {
    m_prologue_pending = false;
    return prologue();
  }
  // A JSON record written first starts with "\n"; later ones with ",\n".
  return m_format == RecordFormat::json && after_records ? "," : "";
}

void RecordFormatter::record(std::string& out, const RecordOrigin& origin, std::string_view text,
                             const Classification& result) {
  if (m_prologue_pending) {
    out += prologue();
    m_prologue_pending = false;
  }
  switch (m_format) {
    case RecordFormat::text:
      if (m_style.record_ids) m_scratch.assign(origin.id);
      text_record(out, text, result);
      break;
    case RecordFormat::jsonl:
      json_record(out, origin, text, result);
      out += '\n';
      break;
    case RecordFormat::json:
      out += m_first ? "\n" : ",\n";
      json_record(out, origin, text, result);
      break;
    case RecordFormat::tsv:
    case RecordFormat::csv: delimited_record(out, origin, text, result); break;
  }
  m_first = false;
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
  out += '{';
  if (m_style.record_ids) {
    out += "\"id\":";
    if (origin.id_json.empty()) {
      append_json_string(out, origin.id);
    } else {
      out += origin.id_json;
    }
    out += ',';
  }
  out += "\"file\":";
  append_json_string(out, origin.file);
  out += ",\"line\":";
  append_unsigned(out, origin.line);
  if (!origin.extra_json.empty()) {
    out += ',';
    out += origin.extra_json;
  }
  out += ",\"text\":";
  append_json_string(out, text);
  out += ",\"label\":\"";
  out += label_name(result.label);
  out += "\",\"confidence\":";
  append_confidence(out, result.confidence);
  out += result.review ? ",\"review\":true" : ",\"review\":false";
  out += ",\"basis\":";
  append_json_string(out, basis_description(result.basis));
  out += ',';
  append_json_scores(out, result);
  out += ",\"reasons\":";
  append_json_reasons(out, result, text, *m_classifier);
  out += ",\"other_work\":";
  append_json_other_work(out, result, text, *m_classifier);
  out += '}';
}

void RecordFormatter::delimited_record(std::string& out, const RecordOrigin& origin, std::string_view text,
                                       const Classification& result) {
  auto& summary = m_scratch;
  summary.clear();
  append_reasons_summary(summary, result, m_classifier->matcher());
  const char separator = m_format == RecordFormat::tsv ? '\t' : ',';
  const auto append_common = [&] {
    out += separator;
    append_unsigned(out, origin.line);
    out += separator;
    if (m_style.record_ids) {
      if (m_format == RecordFormat::tsv) {
        append_tsv_field(out, origin.id);
      } else {
        append_csv_field(out, origin.id);
      }
      out += separator;
    }
    out += label_name(result.label);
    out += separator;
    append_confidence(out, result.confidence);
    out += separator;
  };
  // Appended after the original columns, so scripts that read those by position keep working.
  const auto append_scores = [&] {
    out += separator;
    if (separator == '\t') {
      append_tsv_field(out, basis_description(result.basis));
    } else {
      append_csv_field(out, basis_description(result.basis));
    }
    out += separator;
    append_json_number(out, result.scores[0]);
    out += separator;
    append_json_number(out, result.scores[1]);
  };
  if (m_format == RecordFormat::tsv) {
    append_tsv_field(out, origin.file);
    append_common();
    append_tsv_field(out, summary);
    out += '\t';
    append_tsv_field(out, text);
    out += result.review ? "\ttrue" : "\tfalse";
    append_scores();
    out += '\n';
  } else {
    append_csv_field(out, origin.file);
    append_common();
    append_csv_field(out, summary);
    out += ',';
    append_csv_field(out, text);
    out += result.review ? ",true" : ",false";
    append_scores();
    out += "\r\n";
  }
}

}  // namespace rolecheck
