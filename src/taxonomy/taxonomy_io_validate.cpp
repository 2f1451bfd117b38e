// The structural layer: every key, type and range of the taxonomy schema, each problem with its JSON pointer.
#include "taxonomy_io_validate.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <initializer_list>
#include <map>
#include <optional>

#include "rolecheck/support/suggest.hpp"
#include "rolecheck/support/utf8.hpp"
#include "rolecheck/text/text.hpp"

namespace rolecheck::detail {
namespace {

using Kind = JsonValue::Kind;

/// A key an object may hold: its name, whether it must be present, and what its value must be.
struct Key {
  std::string_view name;
  bool required;
  std::string_view expected;
};

/// The valid key an unknown one most likely misspells: at most max(2, n/3) edits from a name of n bytes, and
/// fewer than n (so a short name is not "corrected" into an unrelated key).
std::optional<std::string_view> nearest_key(std::string_view name, std::initializer_list<Key> keys) {
  if (name.empty()) return std::nullopt;
  std::vector<std::string_view> names;
  for (const Key& key : keys) names.push_back(key.name);
  const std::size_t allowed = std::min(std::max<std::size_t>(2, name.size() / 3), name.size() - 1);
  const auto nearest = nearest_within(name, names, allowed);
  if (!nearest) return std::nullopt;
  return names[*nearest];
}

/// A closed or open bound of a number range.
struct Range {
  double low;
  bool low_open;
  double high;
  bool high_open;
  bool integral = false;

  [[nodiscard]] bool contains(const JsonValue& value) const {
    if (integral && !value.integral) return false;
    const double x = value.number;
    return (low_open ? x > low : x >= low) && (high_open ? x < high : x <= high);
  }
};

constexpr double kHuge = 1e300;
// Most "*" (any one word) in one phrase: each lets a trie walk branch, so the work per word stays bounded.
constexpr std::size_t kMaxPhraseWildcards = 2;

bool is_blank_code_point(long code) {
  return code == ' ' || code == '\t' || code == '\n' || code == '\r' || code == 0xA0 || code == 0x1680 ||
         (code >= 0x2000 && code <= 0x200B) || code == 0x2028 || code == 0x2029 || code == 0x202F || code == 0x205F ||
         code == 0x3000 || code == 0xFEFF;
}

/// A short, printable rendering of a value for "got ..." in messages.
std::string preview(const JsonValue& value) {
  switch (value.kind) {
    case Kind::invalid: return "an invalid value";
    case Kind::null: return "null";
    case Kind::boolean: return value.boolean ? "true" : "false";
    case Kind::number: return value.text.size() > 40 ? value.text.substr(0, 40) + "..." : value.text;
    case Kind::array: return "an array";
    case Kind::object: return "an object";
    case Kind::string: break;
  }
  std::string out = "\"";
  std::size_t shown = 0;
  for (std::size_t i = 0; i < value.text.size();) {
    std::size_t length = 1;
    const long code = decode_utf8(value.text, i, length);
    if (++shown > 40) {
      out += "...";
      break;
    }
    if (code == '"' || code == '\\')
      out += fmt::format("\\{}", static_cast<char>(code));
    else if (code < 0x20 || code == 0x7F)
      out += fmt::format("\\u{:04X}", code < 0 ? 0xFFFD : code);
    else
      out.append(value.text, i, length);
    i += length;
  }
  return out + "\"";
}

/// Walks the tree, building the Taxonomy and reporting every problem.
class Validator {
 public:
  Validator(const std::string& file, const TaxonomyLimits& limits, std::vector<Diagnostic>& problems)
      : m_file(file), m_limits(limits), m_problems(problems) {}

  /// False once a list element was left out of the model, so model indices no longer match the file's.
  [[nodiscard]] bool intact() const noexcept { return m_intact; }

  Taxonomy run(const JsonValue& root) {
    Taxonomy taxonomy;
    if (!check_object(root, "", "a JSON object (the taxonomy)",
                      {{"schema_version", true, "the integer 1"},
                       {"title", true, "a non-empty string"},
                       {"source", false, "a string"},
                       {"thresholds", true, "an object"},
                       {"negation", true, "an object"},
                       {"skip_words", true, "an array of words"},
                       {"differences", true, "an array of exactly 4 differences"},
                       {"other_work", false, "an object with summary, quotes and cues"},
                       {"ignore", false, "an array of phrases that match and evidence nothing"}})) {
      m_intact = false;
      return taxonomy;
    }
    if (const JsonValue* version = find(root, "schema_version")) {
      if (version->kind == Kind::number && version->integral && version->number != 1) {
        report("/schema_version",
               fmt::format("unsupported schema_version {}; this rolecheck reads version 1", version->text));
      } else if (number(root, "", "schema_version", "the integer 1", {1, false, 1, false, true})) {
        taxonomy.schema_version = 1;
      }
    }
    taxonomy.title = text(root, "", "title", "a non-empty string", true);
    taxonomy.source = text(root, "", "source", "a string", false);
    read_thresholds(root, taxonomy.thresholds);
    read_negation(root, taxonomy.negation);
    taxonomy.skip_words = string_list(root, "", "skip_words", "a word", false);
    read_differences(root, taxonomy.differences);
    read_other_work(root, taxonomy.other_work);
    if (const JsonValue* ignore = find(root, "ignore")) {
      if (ignore->kind != Kind::array) {
        report_type("/ignore", "an array of phrases", *ignore);
      } else {
        for (std::size_t i = 0; i < ignore->items.size(); ++i) {
          if (auto phrase = read_phrase(ignore->items[i], "/ignore/" + std::to_string(i))) {
            taxonomy.ignore.push_back(std::move(*phrase));
          } else {
            m_intact = false;
          }
        }
      }
    }
    return taxonomy;
  }

 private:
  void report(const std::string& pointer, std::string message) {
    if (m_problems.size() < m_limits.max_problems) {
      m_problems.push_back(Diagnostic{m_file, 0, 0, pointer, std::move(message), {}});
    } else if (m_problems.size() == m_limits.max_problems) {
      m_problems.push_back(Diagnostic{m_file, 0, 0, {}, "too many problems; stopped listing them here", {}});
    }
  }

  void report_type(const std::string& pointer, std::string_view expected, const JsonValue& value) {
    if (value.kind != Kind::invalid) report(pointer, fmt::format("expected {}, got {}", expected, preview(value)));
  }

  static const JsonValue* find(const JsonValue& object, std::string_view key) {
    for (const auto& [name, value] : object.members) {
      if (name == key) return &value;
    }
    return nullptr;
  }

  /// Reports wrong type, unknown keys (with the nearest valid one) and missing keys; false when not an object.
  bool check_object(const JsonValue& value, const std::string& pointer, std::string_view what,
                    std::initializer_list<Key> keys) {
    if (value.kind != Kind::object) {
      report_type(pointer, what, value);
      return false;
    }
    for (const auto& entry : value.members) {
      // A named reference, not a structured binding: clang 14 cannot capture bindings in lambdas.
      const std::string& name = entry.key;
      if (std::any_of(keys.begin(), keys.end(), [&](const Key& key) { return key.name == name; })) continue;
      const std::string shown = name.size() > 60 ? pointer_token(name.substr(0, 60)) + "..." : pointer_token(name);
      std::string message = fmt::format("unknown key \"{}\"", shown);
      if (const auto nearest = nearest_key(name, keys)) {
        message += fmt::format("; did you mean \"{}\"?", *nearest);
      } else {
        std::string names;
        for (const Key& key : keys) names += fmt::format("{}{}", names.empty() ? "" : ", ", key.name);
        message += fmt::format("; expected one of: {}", names);
      }
      report(fmt::format("{}/{}", pointer, shown), std::move(message));
    }
    for (const Key& key : keys) {
      if (key.required && find(value, key.name) == nullptr) {
        report(pointer, fmt::format("missing key \"{}\" ({})", key.name, key.expected));
      }
    }
    return true;
  }

  /// The member `key` of the root object when it is there and an object (its keys checked against `keys`), else
  /// nullptr (a wrong type reported).
  const JsonValue* top_object(const JsonValue& root, std::string_view key, std::initializer_list<Key> keys) {
    const JsonValue* value = find(root, key);
    if (value == nullptr || !check_object(*value, "/" + std::string(key), "an object", keys)) return nullptr;
    return value;
  }

  /// A string that must not hold control characters (and, when `non_blank`, not be empty or only whitespace).
  std::optional<std::string> string_value(const JsonValue& value, const std::string& pointer, std::string_view expected,
                                          bool non_blank) {
    if (value.kind != Kind::string) {
      report_type(pointer, expected, value);
      return std::nullopt;
    }
    bool blank = true;
    long control = -1;
    for (std::size_t i = 0; i < value.text.size();) {
      std::size_t length = 1;
      const long code = decode_utf8(value.text, i, length);
      if ((code < 0x20 || code == 0x7F) && control < 0) control = code < 0 ? 0xFFFD : code;
      blank = blank && is_blank_code_point(code);
      i += length;
    }
    if (non_blank && blank) {
      report(pointer, fmt::format("expected {}, got {}", expected,
                                  value.text.empty() ? "an empty string" : "a string of only whitespace"));
      return std::nullopt;
    }
    if (control >= 0) {
      report(pointer, fmt::format("control character U+{:04X} in {}; remove it", control, preview(value)));
      return std::nullopt;
    }
    return value.text;
  }

  std::string text(const JsonValue& object, const std::string& pointer, std::string_view key, std::string_view expected,
                   bool non_blank) {
    const JsonValue* value = find(object, key);
    if (value == nullptr) return {};
    return string_value(*value, pointer + "/" + std::string(key), expected, non_blank).value_or("");
  }

  std::optional<double> number(const JsonValue& object, const std::string& pointer, std::string_view key,
                               std::string_view expected, const Range& range) {
    const JsonValue* value = find(object, key);
    if (value == nullptr) return std::nullopt;
    if (value->kind != Kind::number || !range.contains(*value)) {
      report_type(pointer + "/" + std::string(key), expected, *value);
      return std::nullopt;
    }
    return value->number;
  }

  /// An array of non-blank strings; `non_empty` requires at least one.
  std::vector<std::string> string_list(const JsonValue& object, const std::string& pointer, std::string_view key,
                                       std::string_view item, bool non_empty) {
    std::vector<std::string> out;
    const JsonValue* value = find(object, key);
    if (value == nullptr) return out;
    const std::string here = pointer + "/" + std::string(key);
    if (value->kind != Kind::array || (non_empty && value->items.empty())) {
      report_type(here, fmt::format("{}array of strings ({} each)", non_empty ? "a non-empty " : "an ", item), *value);
      return out;
    }
    for (std::size_t i = 0; i < value->items.size(); ++i) {
      const std::string at = here + "/" + std::to_string(i);
      if (auto s = string_value(value->items[i], at, fmt::format("{} (a non-empty string)", item), true)) {
        out.push_back(std::move(*s));
      } else {
        m_intact = false;
      }
    }
    return out;
  }

  void read_thresholds(const JsonValue& root, Thresholds& out) {
    const JsonValue* value = top_object(root, "thresholds",
                                        {{"min_evidence", true, "a number greater than 0"},
                                         {"mixed_share", true, "a number in [0.5, 1]"},
                                         {"evidence_scale", true, "a number greater than 0"},
                                         {"other_share", false, "a number in (0, 1]"},
                                         {"support_credit", false, "a number in [0, 1]"},
                                         {"other_prior", false, "a number greater than 0"},
                                         {"review_confidence", false, "a number in [0, 1]"},
                                         {"review_margin", false, "a number in [-1, 1]"}});
    if (value == nullptr) return;
    const Range positive{0, true, kHuge, false};
    out.min_evidence =
        number(*value, "/thresholds", "min_evidence", "a number greater than 0", positive).value_or(out.min_evidence);
    out.mixed_share = number(*value, "/thresholds", "mixed_share", "a number in [0.5, 1]", {0.5, false, 1, false})
                          .value_or(out.mixed_share);
    out.evidence_scale = number(*value, "/thresholds", "evidence_scale", "a number greater than 0", positive)
                             .value_or(out.evidence_scale);
    out.other_share = number(*value, "/thresholds", "other_share", "a number in (0, 1]", {0, true, 1, false})
                          .value_or(out.other_share);
    out.support_credit = number(*value, "/thresholds", "support_credit", "a number in [0, 1]", {0, false, 1, false})
                             .value_or(out.support_credit);
    out.other_prior =
        number(*value, "/thresholds", "other_prior", "a number greater than 0", positive).value_or(out.other_prior);
    out.review_confidence =
        number(*value, "/thresholds", "review_confidence", "a number in [0, 1]", {0, false, 1, false})
            .value_or(out.review_confidence);
    out.review_margin = number(*value, "/thresholds", "review_margin", "a number in [-1, 1]", {-1, false, 1, false})
                            .value_or(out.review_margin);
  }

  void read_negation(const JsonValue& root, NegationRules& out) {
    const JsonValue* value = top_object(root, "negation",
                                        {{"words", true, "a non-empty array of negating words"},
                                         {"exceptions", false, "an array of phrases"},
                                         {"after", false, "an array of phrases that negate the words before them"},
                                         {"scope", true, "an integer in [1, 20]"}});
    if (value == nullptr) return;
    out.words = string_list(*value, "/negation", "words", "a negating word or phrase", true);
    out.exceptions = string_list(*value, "/negation", "exceptions", "a phrase", false);
    out.after = string_list(*value, "/negation", "after", "a phrase that negates the words before it", false);
    if (auto scope = number(*value, "/negation", "scope", "an integer in [1, 20]", {1, false, 20, false, true})) {
      out.scope = static_cast<std::size_t>(*scope);
    }
  }

  void read_differences(const JsonValue& root, std::vector<Difference>& out) {
    const JsonValue* value = find(root, "differences");
    if (value == nullptr) return;
    if (value->kind != Kind::array) {
      report_type("/differences", "an array of exactly 4 differences", *value);
      return;
    }
    if (value->items.size() != 4) {
      m_intact = false;
      report("/differences",
             fmt::format("expected exactly 4 differences (the article's four, in order), got {}", value->items.size()));
    }
    std::size_t cues = 0;
    for (const JsonValue& item : value->items) {
      const JsonValue* list = item.kind == Kind::object ? find(item, "cues") : nullptr;
      if (list != nullptr && list->kind == Kind::array) cues += list->items.size();
    }
    const bool check_cues = cues <= m_limits.max_cues;
    if (!check_cues) {
      m_intact = false;
      report("/differences", fmt::format("{} cues in all; at most {} are allowed", cues, m_limits.max_cues));
    }
    std::map<std::string, std::string, std::less<>> difference_ids;
    for (std::size_t i = 0; i < value->items.size(); ++i) {
      const std::string pointer = "/differences/" + std::to_string(i);
      const JsonValue& item = value->items[i];
      Difference difference;
      if (!check_object(item, pointer, "a difference object",
                        {{"id", true, "an id of lower-case letters, digits and '_'"},
                         {"name", true, "a non-empty string"},
                         {"sales", true, "an object with summary and quotes"},
                         {"marketing", true, "an object with summary and quotes"},
                         {"cues", true, "an array of cues"}})) {
        m_intact = false;
        continue;
      }
      difference.id =
          read_id(item, pointer, "an id of lower-case letters, digits and '_'", "_", difference_ids, "difference");
      difference.name = text(item, pointer, "name", "a non-empty string", true);
      read_side_view(item, pointer, "sales", difference.sales);
      read_side_view(item, pointer, "marketing", difference.marketing);
      if (const JsonValue* list = find(item, "cues")) {
        if (list->kind != Kind::array) {
          report_type(pointer + "/cues", "an array of cues", *list);
        } else if (check_cues) {
          for (std::size_t k = 0; k < list->items.size(); ++k) {
            read_cue(list->items[k], pointer + "/cues/" + std::to_string(k), difference.cues);
          }
        }
      }
      out.push_back(std::move(difference));
    }
  }

  /// Reads an id made of [a-z0-9] and `extra` characters, unique among `seen` (which maps ids to pointers).
  std::string read_id(const JsonValue& object, const std::string& pointer, std::string_view expected,
                      std::string_view extra, std::map<std::string, std::string, std::less<>>& seen,
                      std::string_view what) {
    const JsonValue* value = find(object, "id");
    if (value == nullptr) return {};
    const std::string at = pointer + "/id";
    const bool well_formed =
        value->kind == Kind::string && !value->text.empty() &&
        std::all_of(value->text.begin(), value->text.end(), [&](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || extra.find(c) != std::string_view::npos;
        });
    if (!well_formed) {
      report_type(at, expected, *value);
      return {};
    }
    if (auto [it, inserted] = seen.emplace(value->text, at); !inserted) {
      report(at, fmt::format("duplicate {} id \"{}\"; first used at {}", what, value->text, it->second));
    }
    return value->text;
  }

  void read_side_view(const JsonValue& difference, const std::string& pointer, std::string_view side, SideView& out) {
    const JsonValue* value = find(difference, side);
    const std::string here = pointer + "/" + std::string(side);
    if (value == nullptr || !check_object(*value, here, "an object with summary and quotes",
                                          {{"summary", true, "a non-empty string"},
                                           {"quotes", true, "an array of quotes from the article"}})) {
      return;
    }
    out.summary = text(*value, here, "summary", "a non-empty string", true);
    out.quotes = string_list(*value, here, "quotes", "a quote", false);
  }

  void read_other_work(const JsonValue& root, OtherWork& out) {
    const JsonValue* value = top_object(root, "other_work",
                                        {{"summary", true, "a non-empty string"},
                                         {"quotes", false, "an array of quotes"},
                                         {"cues", true, "an array of cues"}});
    if (value == nullptr) return;
    out.summary = text(*value, "/other_work", "summary", "a non-empty string", true);
    out.quotes = string_list(*value, "/other_work", "quotes", "a quote", false);
    const JsonValue* list = find(*value, "cues");
    if (list == nullptr) return;
    if (list->kind != Kind::array) {
      report_type("/other_work/cues", "an array of cues", *list);
      return;
    }
    if (list->items.size() > m_limits.max_cues) {
      m_intact = false;
      report("/other_work/cues", fmt::format("{} cues; at most {} are allowed", list->items.size(), m_limits.max_cues));
      return;
    }
    for (std::size_t k = 0; k < list->items.size(); ++k) {
      read_cue(list->items[k], "/other_work/cues/" + std::to_string(k), out.cues, true);
    }
  }

  /// Reads a cue of a difference, or (with `other_work`) a cue of the other-work list, which has no side
  /// and no role.
  void read_cue(const JsonValue& value, const std::string& pointer, std::vector<Cue>& out, bool other_work = false) {
    static constexpr std::string_view kId = "a cue id of lower-case letters, digits, '_', '.' and '-'";
    static constexpr std::string_view kRole = "\"core\" or \"support\"";
    const bool well_formed = other_work ? check_object(value, pointer, "a cue object",
                                                       {{"id", true, kId},
                                                        {"weight", true, "a number in [0, 10]"},
                                                        {"phrases", true, "a non-empty array of phrases"},
                                                        {"rationale", false, "a non-empty string"}})
                                        : check_object(value, pointer, "a cue object",
                                                       {{"id", true, kId},
                                                        {"side", true, "\"sales\" or \"marketing\""},
                                                        {"role", false, kRole},
                                                        {"weight", true, "a number in [0, 10]"},
                                                        {"phrases", true, "a non-empty array of phrases"},
                                                        {"rationale", false, "a non-empty string"},
                                                        {"on_negation", false, "\"drop\" or \"flip\""}});
    if (!well_formed) {
      m_intact = false;
      return;
    }
    Cue cue;
    cue.id = read_id(value, pointer, kId, "_.-", m_cue_ids, "cue");
    if (other_work) cue.role = CueRole::other;
    if (const JsonValue* role = find(value, "role")) {
      if (role->kind == Kind::string && role->text == "support")
        cue.role = CueRole::support;
      else if (role->kind != Kind::string || role->text != "core")
        report_type(pointer + "/role", kRole, *role);
    }
    if (const JsonValue* side = find(value, "side")) {
      const auto parsed = side->kind == Kind::string ? parse_side(side->text) : std::nullopt;
      if (parsed)
        cue.side = *parsed;
      else
        report_type(pointer + "/side", "\"sales\" or \"marketing\"", *side);
    }
    cue.weight = number(value, pointer, "weight", "a number in [0, 10]", {0, false, 10, false}).value_or(0.0);
    cue.rationale = text(value, pointer, "rationale", "a non-empty string", true);
    if (const JsonValue* effect = find(value, "on_negation")) {
      if (effect->kind == Kind::string && effect->text == "flip")
        cue.on_negation = NegationEffect::flip;
      else if (effect->kind != Kind::string || effect->text != "drop")
        report_type(pointer + "/on_negation", "\"drop\" or \"flip\"", *effect);
    }
    if (const JsonValue* phrases = find(value, "phrases")) {
      const std::string here = pointer + "/phrases";
      if (phrases->kind != Kind::array || phrases->items.empty()) {
        report_type(here, "a non-empty array of phrases", *phrases);
      } else {
        for (std::size_t i = 0; i < phrases->items.size(); ++i) {
          if (auto phrase = read_phrase(phrases->items[i], here + "/" + std::to_string(i))) {
            cue.phrases.push_back(std::move(*phrase));
          } else {
            m_intact = false;
          }
        }
      }
    }
    out.push_back(std::move(cue));
  }

  std::optional<std::string> read_phrase(const JsonValue& value, const std::string& pointer) {
    auto phrase = string_value(value, pointer, "a phrase (a non-empty string)", true);
    if (!phrase) return std::nullopt;
    if (phrase->size() > m_limits.max_phrase_bytes) {
      report(pointer,
             fmt::format("phrase is {} bytes; at most {} are allowed", phrase->size(), m_limits.max_phrase_bytes));
      return std::nullopt;
    }
    // "*" stands for one word (docs/taxonomy.md): it counts as a word, at most two per phrase, and only alone.
    std::size_t stars = 0;
    bool glued = false;
    for_each_phrase_chunk(*phrase, [&](std::string_view chunk) {
      if (chunk == kPhraseWildcard) {
        ++stars;
      } else if (chunk.find('*') != std::string_view::npos) {
        glued = true;
      }
    });
    if (glued) {
      report(pointer, fmt::format("phrase {} has a \"*\" inside a word; write \"*\" alone, between spaces, for "
                                  "any one word",
                                  preview(value)));
      return std::nullopt;
    }
    if (stars > kMaxPhraseWildcards) {
      report(pointer,
             fmt::format("phrase {} has {} \"*\"; at most {} are allowed", preview(value), stars, kMaxPhraseWildcards));
      return std::nullopt;
    }
    const std::size_t words = folded_words(*phrase).size() + stars;
    if (words == stars) {
      report(pointer, fmt::format("phrase {} has no words (only punctuation or symbols), so it can never match",
                                  preview(value)));
      return std::nullopt;
    }
    if (words > m_limits.max_phrase_tokens) {
      report(pointer, fmt::format("phrase has {} words; at most {} are allowed (split it into shorter phrases)", words,
                                  m_limits.max_phrase_tokens));
      return std::nullopt;
    }
    return phrase;
  }

  const std::string& m_file;
  const TaxonomyLimits& m_limits;
  std::vector<Diagnostic>& m_problems;
  std::map<std::string, std::string, std::less<>> m_cue_ids;
  bool m_intact = true;
};

}  // namespace

Taxonomy validate_taxonomy(const JsonValue& root, const std::string& file, const TaxonomyLimits& limits,
                           std::vector<Diagnostic>& problems, bool& intact) {
  Validator validator(file, limits, problems);
  auto taxonomy = validator.run(root);
  intact = validator.intact();
  return taxonomy;
}

}  // namespace rolecheck::detail
