// The syntax layer: nlohmann's SAX parser builds a depth-capped tree; every failure becomes a located Diagnostic.
#include "taxonomy_io_json.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "taxonomy_io_syntax.hpp"

namespace rolecheck::detail {
namespace {

using Json = nlohmann::json;

/// Builds the JsonValue tree from SAX events, enforcing the depth and size caps and rejecting duplicate keys.
class TreeBuilder final : public nlohmann::json_sax<Json> {
 public:
  /// Why parsing stopped early.
  enum class Stop : std::uint8_t { none, depth, values, syntax };

  TreeBuilder(const std::string& file, const TaxonomyLimits& limits, std::vector<Diagnostic>& problems)
      : m_file(file), m_limits(limits), m_problems(problems) {}

  bool null() override { return add(JsonValue{}); }
  bool boolean(bool value) override {
    JsonValue v;
    v.kind = JsonValue::Kind::boolean;
    v.boolean = value;
    return add(std::move(v));
  }
  bool number_integer(number_integer_t value) override { return add(integer(static_cast<double>(value), value)); }
  bool number_unsigned(number_unsigned_t value) override { return add(integer(static_cast<double>(value), value)); }
  bool number_float(number_float_t value, const string_t& raw) override {
    JsonValue v;
    if (raw.find_first_of(".eE") == std::string::npos || !std::isfinite(value)) {
      report(fmt::format("number {}{} is out of range", raw.substr(0, 40), raw.size() > 40 ? "..." : ""));
      v.kind = JsonValue::Kind::invalid;
    } else {
      v.kind = JsonValue::Kind::number;
      v.number = value;
      v.text = raw;
    }
    return add(std::move(v));
  }
  bool string(string_t& value) override {
    JsonValue v;
    v.kind = JsonValue::Kind::string;
    v.text = std::move(value);
    return add(std::move(v));
  }
  bool binary(binary_t&) override { return add(JsonValue{}); }
  bool start_object(std::size_t) override { return open(JsonValue::Kind::object); }
  bool start_array(std::size_t) override { return open(JsonValue::Kind::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& key) override {
    Frame& top = m_stack.back();
    top.key = std::move(key);
    top.duplicate = !top.keys.insert(top.key).second;
    if (top.duplicate) {
      report(fmt::format("duplicate key \"{}\"; a key may appear only once in an object", pointer_token(top.key)));
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) override {
    m_stop = Stop::syntax;
    m_error_position = position;
    m_error_token = last_token;
    m_error_id = error.id;
    m_error_what = error.what();
    return false;
  }

  [[nodiscard]] Stop stop() const noexcept { return m_stop; }
  [[nodiscard]] std::size_t error_position() const noexcept { return m_error_position; }
  [[nodiscard]] const std::string& error_token() const noexcept { return m_error_token; }
  [[nodiscard]] int error_id() const noexcept { return m_error_id; }
  [[nodiscard]] const std::string& error_what() const noexcept { return m_error_what; }
  /// The finished tree (meaningful when parsing succeeded).
  std::optional<JsonValue>& root() noexcept { return m_root; }

 private:
  struct Frame {
    JsonValue value;
    std::string key;
    bool duplicate = false;
    std::unordered_set<std::string> keys;
  };

  template <typename T>
  static JsonValue integer(double value, T exact) {
    JsonValue v;
    v.kind = JsonValue::Kind::number;
    v.integral = true;
    v.number = value;
    v.text = std::to_string(exact);
    return v;
  }

  /// JSON pointer of the value being added.
  [[nodiscard]] std::string pointer() const {
    std::string out;
    for (const Frame& frame : m_stack) {
      out += '/';
      out += frame.value.kind == JsonValue::Kind::array ? std::to_string(frame.value.items.size())
                                                        : pointer_token(frame.key);
    }
    return out;
  }

  void report(std::string message) {
    if (m_problems.size() >= m_limits.max_problems) return;
    m_problems.push_back(Diagnostic{m_file, 0, 0, pointer(), std::move(message), {}});
  }

  bool count_value() {
    if (++m_values <= m_limits.max_values) return true;
    report(fmt::format("more than {} JSON values; a taxonomy this large is not supported", m_limits.max_values));
    m_stop = Stop::values;
    return false;
  }

  bool add(JsonValue value) {
    if (!count_value()) return false;
    return attach(std::move(value));
  }

  bool attach(JsonValue value) {
    if (m_stack.empty()) {
      m_root = std::move(value);
      return true;
    }
    Frame& top = m_stack.back();
    if (top.value.kind == JsonValue::Kind::array) {
      top.value.items.push_back(std::move(value));
    } else if (!top.duplicate) {
      top.value.members.push_back(JsonMember{std::move(top.key), std::move(value)});
    }
    return true;
  }

  bool open(JsonValue::Kind kind) {
    if (m_stack.size() >= m_limits.max_depth) {
      m_stop = Stop::depth;
      return false;
    }
    if (!count_value()) return false;
    m_stack.emplace_back();
    m_stack.back().value.kind = kind;
    return true;
  }

  bool close() {
    JsonValue value = std::move(m_stack.back().value);
    m_stack.pop_back();
    return attach(std::move(value));
  }

  const std::string& m_file;
  const TaxonomyLimits& m_limits;
  std::vector<Diagnostic>& m_problems;
  std::vector<Frame> m_stack;
  std::optional<JsonValue> m_root;
  std::size_t m_values = 0;
  Stop m_stop = Stop::none;
  std::size_t m_error_position = 0;
  std::string m_error_token;
  int m_error_id = 0;
  std::string m_error_what;
};

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (const char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      out += fmt::format("\\u{:04X}", static_cast<int>(c));
    else
      out += c;
  }
  return out;
}

std::optional<JsonValue> read_json(std::string_view text, const std::string& file, const TaxonomyLimits& limits,
                                   std::vector<Diagnostic>& problems) {
  if (text.size() > limits.max_bytes) {
    problems.push_back(Diagnostic{
        file,
        0,
        0,
        {},
        fmt::format("the file is {} bytes, over the {}-byte limit for a taxonomy", text.size(), limits.max_bytes),
        {}});
    return std::nullopt;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!check_bytes(text, file, problems)) return std::nullopt;
  TreeBuilder builder(file, limits, problems);
  try {
    Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, true, false);
  } catch (const Json::exception& error) {
    // sax_parse reports errors through parse_error(); this is a safety net for anything else it throws.
    problems.push_back(Diagnostic{file, 0, 0, {}, fmt::format("cannot parse the JSON: {}", error.what()), {}});
    return std::nullopt;
  }
  switch (builder.stop()) {
    case TreeBuilder::Stop::none: return std::move(builder.root());
    case TreeBuilder::Stop::depth:
      problems.push_back(at_offset(file, text, find_too_deep(text, limits.max_depth),
                                   fmt::format("JSON nested deeper than {} levels; a taxonomy needs 6 "
                                               "(is a bracket left unclosed?)",
                                               limits.max_depth)));
      return std::nullopt;
    case TreeBuilder::Stop::values: return std::nullopt;
    case TreeBuilder::Stop::syntax:
      problems.push_back(explain_syntax_error(file, text, builder.error_position(), builder.error_token(),
                                              builder.error_id(), builder.error_what()));
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace rolecheck::detail
