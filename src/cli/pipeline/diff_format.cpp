#include "pipeline/diff_format.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <vector>

#include "rolecheck/support/json_writer.hpp"
#include "rolecheck/support/one_line.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck::cli {
namespace {

std::string_view name_of(std::size_t label, bool documents) {
  return documents ? role_label_name(static_cast<RoleLabel>(label)) : label_name(static_cast<Label>(label));
}

// A weight as every JSON output writes it (up to 4 decimals).
std::string number(double value) {
  std::string out;
  append_json_number(out, value);
  return out;
}

// Text: "3", "3 (2 matches)", "support 1" when the role changed, or "none".
std::string contribution_text(const std::optional<CueContribution>& cue, bool show_role) {
  if (!cue) return "none";
  std::string out = show_role ? fmt::format("{} ", cue_role_name(cue->role)) : std::string();
  out += number(cue->weight);
  if (cue->matches > 1) fmt::format_to(std::back_inserter(out), " ({} matches)", cue->matches);
  return out;
}

void append_text_cues(std::string& out, const DecisionDiff& diff, std::string_view indent) {
  for (const auto& change : diff.cues) {
    const char sign = !change.old_cue ? '+' : !change.new_cue ? '-' : '~';
    const auto& present = change.new_cue ? *change.new_cue : *change.old_cue;
    const bool role_changed = change.old_cue && change.new_cue && change.old_cue->role != change.new_cue->role;
    const std::string where = change.other_work ? std::string("other work")
                                                : fmt::format("{} {}", side_name(change.side),
                                                              role_changed ? "" : cue_role_name(present.role));
    fmt::format_to(std::back_inserter(out), "{}{} {:<32} {:<17} {} -> {}\n", indent, sign, change.cue, where,
                   contribution_text(change.old_cue, role_changed), contribution_text(change.new_cue, role_changed));
  }
}

void append_text_decision(std::string& out, std::string_view old_label, double old_confidence,
                          std::string_view new_label, double new_confidence) {
  fmt::format_to(std::back_inserter(out), "{} {:.{}f} -> {} {:.{}f}", old_label, old_confidence, kConfidenceDecimals,
                 new_label, new_confidence, kConfidenceDecimals);
}

// The member `key` ("old" or "new"): a decision's label and confidence.
void write_json_decision(JsonWriter& json, std::string_view key, std::string_view label, double confidence) {
  json.key(key).begin_object().key("label").name(label).key("confidence").confidence(confidence).end_object();
}

// A cue's contribution to one decision (its role, matches and weight), or null when it made none.
void write_json_contribution(JsonWriter& json, const std::optional<CueContribution>& cue) {
  if (!cue) {
    json.null();
    return;
  }
  json.begin_object();
  json.key("role").name(cue_role_name(cue->role));
  json.key("matches").integer(cue->matches);
  json.key("weight").number(cue->weight);
  json.end_object();
}

// The line's or duty's labels and cues as JSON members (after the origin's).
void write_json_diff(JsonWriter& json, const DecisionDiff& diff) {
  write_json_decision(json, "old", label_name(diff.old_label), diff.old_confidence);
  write_json_decision(json, "new", label_name(diff.new_label), diff.new_confidence);
  json.key("cues").begin_array();
  for (const auto& change : diff.cues) {
    json.begin_object();
    json.key("cue").string(change.cue);
    json.key("side");
    if (change.other_work) {
      json.null();
    } else {
      json.name(side_name(change.side));
    }
    json.key("old");
    write_json_contribution(json, change.old_cue);
    json.key("new");
    write_json_contribution(json, change.new_cue);
    json.end_object();
  }
  json.end_array();
}

// 1-based line of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

void append_text_transitions(std::string& out, const Transitions& transitions, bool documents,
                             std::string_view indent) {
  struct Row {
    std::size_t from, to, count;
  };
  std::vector<Row> rows;
  for (std::size_t from = 0; from < kLabelCount; ++from) {
    for (std::size_t to = 0; to < kLabelCount; ++to) {
      if (transitions[from][to] != 0) rows.push_back(Row{from, to, transitions[from][to]});
    }
  }
  // Most frequent first; ties in label order (the loop's), so the order never depends on -j.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.count > b.count; });
  for (const auto& row : rows) {
    fmt::format_to(std::back_inserter(out), "{}{} -> {}: {}\n", indent, name_of(row.from, documents),
                   name_of(row.to, documents), row.count);
  }
}

// The member `key`: the number of records per label change ("sales -> other"), those that happened only.
void write_json_transitions(JsonWriter& json, std::string_view key, const Transitions& transitions, bool documents) {
  json.key(key).begin_object();
  std::string name;
  for (std::size_t from = 0; from < kLabelCount; ++from) {
    for (std::size_t to = 0; to < kLabelCount; ++to) {
      if (transitions[from][to] == 0) continue;
      name.assign(name_of(from, documents)).append(" -> ").append(name_of(to, documents));
      json.key(name).integer(transitions[from][to]);
    }
  }
  json.end_object();
}

}  // namespace

void DiffTally::merge(const DiffTally& other) noexcept {
  records += other.records;
  changed += other.changed;
  duties += other.duties;
  duties_changed += other.duties_changed;
  for (std::size_t from = 0; from < kLabelCount; ++from) {
    for (std::size_t to = 0; to < kLabelCount; ++to) {
      transitions[from][to] += other.transitions[from][to];
      duty_transitions[from][to] += other.duty_transitions[from][to];
    }
  }
}

void append_line_change(std::string& out, DiffFormat format, const RecordOrigin& origin, std::string_view text,
                        const DecisionDiff& diff) {
  if (format == DiffFormat::text) {
    append_one_line(out, origin.file);
    fmt::format_to(std::back_inserter(out), ":{}: ", origin.line);
    append_text_decision(out, label_name(diff.old_label), diff.old_confidence, label_name(diff.new_label),
                         diff.new_confidence);
    out += "  ";
    append_one_line(out, text);
    out += '\n';
    append_text_cues(out, diff, "    ");
    return;
  }
  JsonWriter json(out);
  json.begin_object();
  json.key("file").string(origin.file);
  json.key("line").integer(origin.line);
  json.key("text").string(text);
  write_json_diff(json, diff);
  json.end_object();
  out += '\n';
}

void append_document_change(std::string& out, DiffFormat format, const InputDocument& document,
                            const DocumentResult& result, const DocumentDiff& diff) {
  const std::string_view text = document.text;
  if (format == DiffFormat::text) {
    append_one_line(out, document.id);
    out += ": ";
    append_text_decision(out, role_label_name(diff.old_label), diff.old_confidence, role_label_name(diff.new_label),
                         diff.new_confidence);
    out += '\n';
    for (const auto& duty : diff.duties) {
      const auto& where = result.duties[duty.duty].duty;
      fmt::format_to(std::back_inserter(out), "  duty {} (line {}, {}): ", duty.duty + 1, line_of(text, where.begin),
                     section_kind_name(where.section));
      append_text_decision(out, label_name(duty.decision.old_label), duty.decision.old_confidence,
                           label_name(duty.decision.new_label), duty.decision.new_confidence);
      out += "  ";
      append_one_line(out, where.text(text));
      out += '\n';
      append_text_cues(out, duty.decision, "      ");
    }
    return;
  }
  const auto origin = document.origin();
  JsonWriter json(out);
  json.begin_object();
  write_json_id(json, origin.id, origin.id_json);
  json.key("file").string(origin.file);
  if (origin.line != 0) json.key("line").integer(origin.line);
  write_json_decision(json, "old", role_label_name(diff.old_label), diff.old_confidence);
  write_json_decision(json, "new", role_label_name(diff.new_label), diff.new_confidence);
  json.key("duties").begin_array();
  for (const auto& duty : diff.duties) {
    const auto& where = result.duties[duty.duty].duty;
    json.begin_object();
    json.key("duty").integer(duty.duty + 1);
    json.key("line").integer(line_of(text, where.begin));
    json.key("section").name(section_kind_name(where.section));
    json.key("text").string(where.text(text));
    write_json_diff(json, duty.decision);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out += '\n';
}

void append_diff_summary(std::string& out, DiffFormat format, const DiffTally& tally, bool documents) {
  if (format == DiffFormat::jsonl) {
    JsonWriter json(out);
    json.begin_object().key("summary").begin_object();
    json.key("unit").string(documents ? "document" : "line");
    json.key("records").integer(tally.records);
    json.key("changed").integer(tally.changed);
    write_json_transitions(json, "transitions", tally.transitions, documents);
    if (documents) {
      json.key("duties").integer(tally.duties);
      json.key("duties_changed").integer(tally.duties_changed);
      write_json_transitions(json, "duty_transitions", tally.duty_transitions, false);
    }
    json.end_object().end_object();
    out += '\n';
    return;
  }
  if (!documents) {
    append_text_transitions(out, tally.transitions, false, "");
    fmt::format_to(std::back_inserter(out), "{} of {} lines changed\n", tally.changed, tally.records);
    return;
  }
  out += "verdicts:\n";
  append_text_transitions(out, tally.transitions, true, "  ");
  out += "duties:\n";
  append_text_transitions(out, tally.duty_transitions, false, "  ");
  fmt::format_to(std::back_inserter(out), "{} of {} documents changed; {} of {} duties changed label\n", tally.changed,
                 tally.records, tally.duties_changed, tally.duties);
}

}  // namespace rolecheck::cli
