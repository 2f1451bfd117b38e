#include "rolecheck/analysis/cue_stats.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "rolecheck/support/json_writer.hpp"

namespace rolecheck {

std::optional<CueSort> parse_cue_sort(std::string_view name) noexcept {
  if (name == "coverage") return CueSort::coverage;
  if (name == "precision") return CueSort::precision;
  if (name == "conflicts") return CueSort::conflicts;
  if (name == "false-alarms") return CueSort::false_alarms;
  return std::nullopt;
}

CueStats::CueStats(const Classifier& classifier, std::size_t max_examples)
    : m_classifier(&classifier), m_max_examples(max_examples) {
  const auto& cues = classifier.matcher().cues();
  m_stats.resize(cues.size());
  for (std::size_t i = 0; i < cues.size(); ++i) m_stats[i].cue = static_cast<std::uint32_t>(i);
}

void CueStats::add(const Classification& result, std::optional<Gold> gold, std::string_view where,
                   std::string_view text) {
  ++m_lines;
  const bool ambiguous = gold.has_value() && *gold == Gold::ambiguous;
  const bool scored = gold.has_value() && !ambiguous;
  const Gold truth = scored ? *gold : Gold::ambiguous;
  if (ambiguous) ++m_ambiguous_lines;
  if (scored) ++m_labelled_lines;
  const auto& cues = m_classifier->matcher().cues();
  m_fired.clear();
  m_negated.clear();
  for (const auto* reasons : {&result.reasons, &result.other_reasons}) {
    for (const Reason& reason : *reasons) {
      if (reason.cue >= cues.size()) continue;
      (reason.negated ? m_negated : m_fired).push_back(reason.cue);
    }
  }
  std::sort(m_fired.begin(), m_fired.end());
  m_fired.erase(std::unique(m_fired.begin(), m_fired.end()), m_fired.end());
  std::sort(m_negated.begin(), m_negated.end());
  m_negated.erase(std::unique(m_negated.begin(), m_negated.end()), m_negated.end());

  std::array<bool, 2> side_fired{};
  for (const auto cue : m_fired) {
    if (cues[cue].role != CueRole::other) side_fired[static_cast<std::size_t>(cues[cue].side)] = true;
  }
  if (!m_fired.empty()) ++m_covered_lines;
  if (side_fired[0] && side_fired[1]) ++m_conflict_lines;

  for (const auto cue : m_negated) {
    if (!std::binary_search(m_fired.begin(), m_fired.end(), cue)) ++m_stats[cue].negated;
  }
  for (const auto cue : m_fired) {
    CueStat& stat = m_stats[cue];
    const bool other_work = cues[cue].role == CueRole::other;
    const Side side = cues[cue].side;
    ++stat.fired;
    if (m_fired.size() > 1) ++stat.overlaps;
    if (other_work ? side_fired[0] || side_fired[1] : side_fired[static_cast<std::size_t>(opposite(side))]) {
      ++stat.conflicts;
    }
    if (!scored) continue;
    ++stat.labelled;
    const Gold own = other_work ? Gold::other : (side == Side::sales ? Gold::sales : Gold::marketing);
    if (truth == own) {
      ++stat.correct;
      continue;
    }
    if (other_work || truth == Gold::other) {
      ++stat.false_alarms;
    } else {
      ++stat.wrong_side;
    }
    if (stat.errors.size() < m_max_examples) {
      stat.errors.push_back(CueError{std::string(where), std::string(gold_name(truth)), std::string(text)});
    }
  }
}

double CueStats::coverage(const CueStat& stat) const noexcept {
  return m_lines == 0 ? 0.0 : static_cast<double>(stat.fired) / static_cast<double>(m_lines);
}

std::optional<double> CueStats::precision(const CueStat& stat) noexcept {
  if (stat.labelled == 0) return std::nullopt;
  return static_cast<double>(stat.correct) / static_cast<double>(stat.labelled);
}

std::vector<const CueStat*> CueStats::sorted(CueSort sort) const {
  const auto& cues = m_classifier->matcher().cues();
  std::vector<const CueStat*> order;
  order.reserve(m_stats.size());
  for (const auto& stat : m_stats) order.push_back(&stat);
  const auto by_id = [&](const CueStat* a, const CueStat* b) { return cues[a->cue].id < cues[b->cue].id; };
  std::sort(order.begin(), order.end(), [&](const CueStat* a, const CueStat* b) {
    switch (sort) {
      case CueSort::coverage:
        if (a->fired != b->fired) return a->fired > b->fired;
        break;
      case CueSort::conflicts:
        if (a->conflicts != b->conflicts) return a->conflicts > b->conflicts;
        if (a->fired != b->fired) return a->fired > b->fired;
        break;
      case CueSort::false_alarms:
        if (a->false_alarms != b->false_alarms) return a->false_alarms > b->false_alarms;
        if (a->labelled != b->labelled) return a->labelled > b->labelled;
        break;
      case CueSort::precision: {
        // Worst first; cues without labelled lines last.
        const auto pa = precision(*a);
        const auto pb = precision(*b);
        if (pa.has_value() != pb.has_value()) return pa.has_value();
        if (pa && *pa != *pb) return *pa < *pb;
        if (a->labelled != b->labelled) return a->labelled > b->labelled;
        break;
      }
    }
    return by_id(a, b);
  });
  return order;
}

namespace {

std::string percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string_view sort_name(CueSort sort) {
  switch (sort) {
    case CueSort::coverage: return "coverage";
    case CueSort::precision: return "precision";
    case CueSort::conflicts: return "conflicts";
    case CueSort::false_alarms: return "false-alarms";
  }
  return "coverage";
}

// "sales", "marketing", or "other" for an other-work cue.
std::string_view cue_class_name(const CompiledCue& cue) {
  return cue.role == CueRole::other ? "other" : side_name(cue.side);
}

// The id of the cue's difference, or "other_work" for an other-work cue.
std::string_view difference_name(const Taxonomy& taxonomy, const CompiledCue& cue) {
  return cue.difference < taxonomy.differences.size() ? std::string_view(taxonomy.differences[cue.difference].id)
                                                      : std::string_view("other_work");
}

}  // namespace

std::string CueStats::to_text(CueSort sort, std::size_t limit) const {
  const auto& cues = m_classifier->matcher().cues();
  const auto& taxonomy = m_classifier->taxonomy();
  const auto order = sorted(sort);
  const std::size_t rows = limit == 0 ? order.size() : std::min(limit, order.size());
  std::size_t id_width = 3;
  std::size_t difference_width = 10;
  for (std::size_t i = 0; i < rows; ++i) {
    id_width = std::max(id_width, cues[order[i]->cue].id.size());
    difference_width = std::max(difference_width, difference_name(taxonomy, cues[order[i]->cue]).size());
  }
  const bool labelled = m_labelled_lines > 0;
  std::string out = fmt::format("{} lines, {} with a cue ({}), {} with cues of both sides", m_lines, m_covered_lines,
                                percent(share(m_covered_lines, m_lines)), m_conflict_lines);
  if (labelled) out += fmt::format(", {} labelled", m_labelled_lines);
  if (m_ambiguous_lines > 0) out += fmt::format(", {} ambiguous (not scored)", m_ambiguous_lines);
  out += "\n\n";
  out += fmt::format("{:<{}}  {:<9}  {:<7}  {:<{}}  {:>8}  {:>6}  {:>8}  {:>9}  {:>7}", "cue", id_width, "side", "role",
                     "difference", difference_width, "coverage", "lines", "overlaps", "conflicts", "negated");
  if (labelled) out += fmt::format("  {:>9}  {:>9}  {:>12}", "precision", "correct", "false alarms");
  out += '\n';
  bool any_errors = false;
  for (std::size_t i = 0; i < rows; ++i) {
    const CueStat& stat = *order[i];
    const CompiledCue& cue = cues[stat.cue];
    out += fmt::format("{:<{}}  {:<9}  {:<7}  {:<{}}  {:>8}  {:>6}  {:>8}  {:>9}  {:>7}", cue.id, id_width,
                       cue_class_name(cue), cue_role_name(cue.role), difference_name(taxonomy, cue), difference_width,
                       percent(coverage(stat)), stat.fired, stat.overlaps, stat.conflicts, stat.negated);
    if (labelled) {
      const auto p = precision(stat);
      out += fmt::format("  {:>9}  {:>9}  {:>12}", p ? percent(*p) : "-",
                         fmt::format("{}/{}", stat.correct, stat.labelled), stat.false_alarms);
    }
    out += '\n';
    any_errors = any_errors || !stat.errors.empty();
  }
  if (rows < order.size()) out += fmt::format("({} more cues; --top 0 lists all)\n", order.size() - rows);
  if (!any_errors) return out;
  out +=
      "\nexample errors (the cue fired, the gold label is another class; gold=other under a sales or marketing cue,\n"
      "or gold=sales/marketing under an other-work cue, is a false alarm)\n";
  for (std::size_t i = 0; i < rows; ++i) {
    const CueStat& stat = *order[i];
    for (const auto& error : stat.errors) {
      out += fmt::format("  {}  {}  gold={}\n    {}\n", cues[stat.cue].id, error.where, error.gold, error.text);
    }
  }
  return out;
}

namespace {

// One cue's figures as a JSON object: its taxonomy entry, what it fired on, how often it was right, its errors.
void write_json_cue(JsonWriter& json, const CueStat& stat, const CompiledCue& cue, const Taxonomy& taxonomy,
                    double coverage, std::optional<double> precision) {
  json.begin_object();
  json.key("cue").string(cue.id);
  json.key("difference").string(difference_name(taxonomy, cue));
  json.key("side").name(cue_class_name(cue));
  json.key("role").name(cue_role_name(cue.role));
  json.key("weight").number(cue.weight);
  json.key("lines").integer(stat.fired);
  json.key("coverage").number(coverage);
  json.key("overlaps").integer(stat.overlaps);
  json.key("conflicts").integer(stat.conflicts);
  json.key("negated").integer(stat.negated);
  json.key("labelled").integer(stat.labelled);
  json.key("correct").integer(stat.correct);
  json.key("false_alarms").integer(stat.false_alarms);
  json.key("wrong_side").integer(stat.wrong_side);
  json.key("precision");
  if (precision) {
    json.number(*precision);
  } else {
    json.null();
  }
  json.key("errors").begin_array();
  for (const auto& error : stat.errors) {
    json.begin_object();
    json.key("where").string(error.where);
    json.key("gold").string(error.gold);
    json.key("text").string(error.text);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace

std::string CueStats::to_json(CueSort sort, std::size_t limit) const {
  const auto& cues = m_classifier->matcher().cues();
  const auto order = sorted(sort);
  const std::size_t rows = limit == 0 ? order.size() : std::min(limit, order.size());
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("lines").integer(m_lines);
  json.key("labelled_lines").integer(m_labelled_lines);
  json.key("ambiguous_lines").integer(m_ambiguous_lines);
  json.key("covered_lines").integer(m_covered_lines);
  json.key("coverage").number(share(m_covered_lines, m_lines));
  json.key("conflict_lines").integer(m_conflict_lines);
  json.key("sort").string(sort_name(sort));
  json.key("cues").begin_array();
  for (std::size_t i = 0; i < rows; ++i) {
    const CueStat& stat = *order[i];
    write_json_cue(json, stat, cues[stat.cue], m_classifier->taxonomy(), coverage(stat), precision(stat));
  }
  json.end_array();
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace rolecheck
