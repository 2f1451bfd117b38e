#include "rolecheck/record_format.hpp"

#include <cmath>
#include <fmt/format.h>

#include "rolecheck/utf8.hpp"

namespace rolecheck {
namespace {

constexpr std::string_view kReset = "\x1b[0m";

std::string_view label_color(Label label) noexcept {
  switch (label) {
    case Label::sales: return "\x1b[1;32m";
    case Label::marketing: return "\x1b[1;35m";
    case Label::mixed: return "\x1b[1;33m";
    case Label::unknown: break;
  }
  return "\x1b[2m";
}

void append_tsv_field(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      case '\0': out += "\\0"; break;
      default: out += c;
    }
  }
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(text);
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::optional<RecordFormat> parse_record_format(std::string_view name) noexcept {
  if (name == "text") return RecordFormat::text;
  if (name == "jsonl") return RecordFormat::jsonl;
  if (name == "json") return RecordFormat::json;
  if (name == "tsv") return RecordFormat::tsv;
  if (name == "csv") return RecordFormat::csv;
  return std::nullopt;
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Copy valid multi-byte sequences whole; replace anything else.
      std::size_t length = 1;
      if (decode_utf8(text, i, length) < 0) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(text.substr(i, length));
      }
      i += length;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += '0';
    return;
  }
  auto text = fmt::format("{:.4f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  out += text;
}

std::string reasons_summary(const Classification& result, const Matcher& matcher) {
  std::string out;
  for (const auto& reason : result.reasons) {
    if (!out.empty()) out += ' ';
    if (reason.negated) out += '!';
    out += matcher.cues()[reason.cue].id;
    if (reason.weight > 0.0) {
      out += '+';
      append_json_number(out, reason.weight);
    }
  }
  return out;
}

RecordFormatter::RecordFormatter(RecordFormat format, const Classifier& classifier, RecordStyle style)
    : m_format(format), m_classifier(&classifier), m_style(style) {}

void RecordFormatter::begin(std::string& out) {
  m_first = true;
  if (m_format == RecordFormat::tsv) out += "file\tline\tlabel\tconfidence\treasons\ttext\n";
  if (m_format == RecordFormat::csv) out += "file,line,label,confidence,reasons,text\r\n";
  if (m_format == RecordFormat::json) out += '[';
}

void RecordFormatter::end(std::string& out) {
  if (m_format == RecordFormat::json) out += m_first ? "]\n" : "\n]\n";
}

void RecordFormatter::record(std::string& out, const RecordOrigin& origin, std::string_view text,
                             const Classification& result) {
  switch (m_format) {
    case RecordFormat::text: text_record(out, text, result); break;
    case RecordFormat::jsonl: json_record(out, origin, text, result); out += '\n'; break;
    case RecordFormat::json:
      out += m_first ? "\n" : ",\n";
      json_record(out, origin, text, result);
      break;
    case RecordFormat::tsv:
    case RecordFormat::csv: delimited_record(out, origin, text, result); break;
  }
  m_first = false;
}

void RecordFormatter::text_record(std::string& out, std::string_view text, const Classification& result) const {
  const auto label = label_name(result.label);
  if (m_style.color) {
    fmt::format_to(std::back_inserter(out), "{}{:<9}{} {:.2f}  ", label_color(result.label), label, kReset,
                   result.confidence);
  } else {
    fmt::format_to(std::back_inserter(out), "{:<9} {:.2f}  ", label, result.confidence);
  }
  std::string_view shown = text;
  std::string cleaned;
  if (!is_valid_utf8(text)) {
    replace_invalid_utf8(text, cleaned);
    shown = cleaned;
  }
  for (const char c : shown) out += (c == '\t' || c == '\r' || c == '\n' || c == '\0') ? ' ' : c;
  out += '\n';
  if (!m_style.explain) return;
  const auto& taxonomy = m_classifier->taxonomy();
  const auto& cues = m_classifier->matcher().cues();
  if (result.reasons.empty()) {
    fmt::format_to(std::back_inserter(out), "    ({})\n", basis_description(result.basis));
  }
  for (const auto& reason : result.reasons) {
    const auto& cue = cues[reason.cue];
    const auto match = text.substr(reason.begin, reason.end - reason.begin);
    fmt::format_to(std::back_inserter(out), "    {:<23} {:<9} {:<32} \"{}\" {}{}\n",
                   taxonomy.differences[cue.difference].id, side_name(reason.side), cue.id, match,
                   reason.negated ? "negated " : "", reason.weight > 0.0 ? fmt::format("+{:g}", reason.weight) : "+0");
  }
}

void RecordFormatter::json_record(std::string& out, const RecordOrigin& origin, std::string_view text,
                                  const Classification& result) const {
  const auto& taxonomy = m_classifier->taxonomy();
  const auto& cues = m_classifier->matcher().cues();
  out += "{\"file\":";
  append_json_string(out, origin.file);
  fmt::format_to(std::back_inserter(out), ",\"line\":{},\"text\":", origin.line);
  append_json_string(out, text);
  out += ",\"label\":\"";
  out += label_name(result.label);
  out += "\",\"confidence\":";
  append_json_number(out, result.confidence);
  out += ",\"basis\":";
  append_json_string(out, basis_description(result.basis));
  out += ",\"scores\":{\"sales\":";
  append_json_number(out, result.scores[0]);
  out += ",\"marketing\":";
  append_json_number(out, result.scores[1]);
  out += "},\"reasons\":[";
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
    out += ",\"match\":";
    append_json_string(out, text.substr(reason.begin, reason.end - reason.begin));
    fmt::format_to(std::back_inserter(out), ",\"span\":[{},{}],\"weight\":", reason.begin, reason.end);
    append_json_number(out, reason.weight);
    out += reason.negated ? ",\"negated\":true}" : ",\"negated\":false}";
  }
  out += "]}";
}

void RecordFormatter::delimited_record(std::string& out, const RecordOrigin& origin, std::string_view text,
                                       const Classification& result) const {
  const auto summary = reasons_summary(result, m_classifier->matcher());
  const auto confidence = fmt::format("{:.3f}", result.confidence);
  if (m_format == RecordFormat::tsv) {
    append_tsv_field(out, origin.file);
    fmt::format_to(std::back_inserter(out), "\t{}\t{}\t{}\t", origin.line, label_name(result.label), confidence);
    append_tsv_field(out, summary);
    out += '\t';
    append_tsv_field(out, text);
    out += '\n';
  } else {
    append_csv_field(out, origin.file);
    fmt::format_to(std::back_inserter(out), ",{},{},{},", origin.line, label_name(result.label), confidence);
    append_csv_field(out, summary);
    out += ',';
    append_csv_field(out, text);
    out += "\r\n";
  }
}

}  // namespace rolecheck
