// The syntax layer: nlohmann's SAX parser builds a depth-capped tree; every failure becomes a located Diagnostic.
#include "taxonomy_io_json.hpp"

#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "rolecheck/utf8.hpp"

namespace rolecheck::detail {
namespace {

using Json = nlohmann::json;

/// How many bytes of the offending line a diagnostic keeps after the column.
constexpr std::size_t kSourceTail = 120;

/// Names a character for a message: 'x' when printable ASCII, else U+XXXX (or the byte when not UTF-8).
std::string describe_char(std::string_view text, std::size_t offset) {
  const auto byte = static_cast<unsigned char>(text[offset]);
  if (byte >= 0x20 && byte < 0x7F) return fmt::format("'{}'", static_cast<char>(byte));
  std::size_t length = 1;
  const long code = decode_utf8(text, offset, length);
  if (code < 0) return fmt::format("byte 0x{:02X}", byte);
  return fmt::format("U+{:04X}", code);
}

/// A diagnostic at a byte offset of `text`, with its line, column and the (sanitised) offending line.
Diagnostic at_offset(const std::string& file, std::string_view text, std::size_t offset, std::string message) {
  offset = std::min(offset, text.size());
  Diagnostic diagnostic;
  diagnostic.file = file;
  diagnostic.message = std::move(message);
  std::size_t line_start = 0;
  diagnostic.line = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++diagnostic.line;
      line_start = i + 1;
    }
  }
  diagnostic.column = offset - line_start + 1;
  std::size_t line_end = text.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (line_end > line_start && text[line_end - 1] == '\r') --line_end;
  line_end = std::min(line_end, offset + kSourceTail);
  std::string line(text.substr(line_start, line_end > line_start ? line_end - line_start : 0));
  // Control characters and invalid UTF-8 are shown as '?', one byte each, so columns stay aligned.
  for (std::size_t i = 0; i < line.size();) {
    std::size_t length = 1;
    const long code = decode_utf8(line, i, length);
    if (code < 0 || (code < 0x20 && code != '\t') || code == 0x7F) line[i] = '?';
    i += length;
  }
  diagnostic.source_line = std::move(line);
  return diagnostic;
}

/// Offset of the first bracket that opens nesting deeper than `max_depth` (strings are skipped).
std::size_t find_too_deep(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return text.size();
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Offset just past the last non-whitespace byte (where "unexpected end of file" is shown).
std::size_t end_of_content(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_json_space(text[end - 1])) --end;
  return end;
}

/// nlohmann's message without its prefix and without the raw "last read" text.
std::pair<std::string, std::string> split_nlohmann_message(const std::string& what) {
  static constexpr std::string_view kSyntax = "syntax error while parsing ";
  std::string context;
  std::string detail = what;
  if (const auto at = what.find(kSyntax); at != std::string::npos) {
    detail = what.substr(at + kSyntax.size());
    if (const auto dash = detail.find(" - "); dash != std::string::npos) {
      context = detail.substr(0, dash);
      detail = detail.substr(dash + 3);
    }
  }
  static constexpr std::string_view kLastRead = "; last read: '";
  if (const auto at = detail.find(kLastRead); at != std::string::npos) {
    const auto expected = detail.find("'; expected ", at + kLastRead.size());
    detail = detail.substr(0, at) + (expected == std::string::npos ? "" : detail.substr(expected + 1));
  }
  return {context, detail};
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
         c == '.' || c == '_';
}

/// An "invalid literal": names the bad word (e.g. 'tru', 'True', 'NaN', an unquoted key) and points at it.
Diagnostic explain_invalid_literal(const std::string& file, std::string_view text, std::size_t offset,
                                   const std::string& context) {
  std::size_t end = offset;
  if (!is_word_char(text[end]) && end > 0 && is_word_char(text[end - 1])) --end;
  if (!is_word_char(text[end])) {
    return at_offset(file, text, offset, fmt::format("unexpected {}", describe_char(text, offset)));
  }
  std::size_t begin = end;
  while (begin > 0 && is_word_char(text[begin - 1])) --begin;
  while (end < text.size() && is_word_char(text[end])) ++end;
  const std::string word(text.substr(begin, std::min<std::size_t>(end - begin, 30)));
  if (context == "object key") {
    return at_offset(file, text, begin, fmt::format("object keys need double quotes: write \"{}\"", word));
  }
  return at_offset(file, text, begin,
                   fmt::format("invalid value '{}'; expected a string in double quotes, a number, true, false or null",
                               word));
}

/// The start of the token whose last byte is at `offset` (the parser stops at a token's end).
std::size_t token_start(std::string_view text, std::size_t offset) {
  if (text[offset] == '"') {
    for (std::size_t i = offset; i > 0; --i) {
      if (text[i - 1] != '"') continue;
      std::size_t backslashes = 0;
      while (i - 1 > backslashes && text[i - 2 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i - 1;
    }
    return offset;
  }
  std::size_t start = offset;
  while (start > 0 && is_word_char(text[start]) && is_word_char(text[start - 1])) --start;
  return start;
}

/// Turns nlohmann's parse error into a located message that says what to do.
Diagnostic explain_syntax_error(const std::string& file, std::string_view text, std::size_t position,
                                const std::string& last_token, int id, const std::string& what) {
  // `position` is one past the byte the parser stopped at.
  if (id == 406) {  // number overflow, e.g. 1e400
    const std::size_t start = position >= last_token.size() ? position - last_token.size() : 0;
    return at_offset(file, text, start,
                     fmt::format("number {} is out of range (too large for a double)", last_token.substr(0, 40)));
  }
  const std::size_t offset = position == 0 ? 0 : position - 1;
  if (end_of_content(text) == 0) return at_offset(file, text, 0, "the file is empty; a taxonomy is a JSON object");
  if (offset >= text.size()) {
    auto [context, detail] = split_nlohmann_message(what);
    if (const auto at = detail.find("end of input"); at != std::string::npos) detail.replace(at, 12, "end of file");
    return at_offset(file, text, end_of_content(text), detail + " (is a closing bracket or quote missing?)");
  }
  const char c = text[offset];
  if (c == '/') return at_offset(file, text, offset, "comments are not allowed in JSON; remove the comment");
  if (c == ']' || c == '}') {
    std::size_t before = offset;
    while (before > 0 && is_json_space(text[before - 1])) --before;
    if (before > 0 && text[before - 1] == ',') {
      return at_offset(file, text, before - 1,
                       fmt::format("trailing comma before '{}' is not allowed in JSON; remove the comma", c));
    }
  }
  if (c == '\'') return at_offset(file, text, offset, "strings need double quotes (\"), not single quotes");
  auto [context, detail] = split_nlohmann_message(what);
  if (detail.find("expected end of input") != std::string::npos) {
    return at_offset(file, text, offset,
                     fmt::format("unexpected {} after the end of the JSON value; remove it", describe_char(text, offset)));
  }
  if (detail.starts_with("invalid string: control character U+000A")) {
    return at_offset(file, text, offset, "string not closed before the end of the line (missing '\"'?)");
  }
  if (detail.starts_with("invalid literal")) return explain_invalid_literal(file, text, offset, context);
  if (detail.starts_with("unexpected")) {
    if ((context == "array" || context == "object") && c != ']' && c != '}' &&
        (detail.ends_with("expected ']'") || detail.ends_with("expected '}'"))) {
      detail += " (is a ',' missing?)";
    }
    return at_offset(file, text, token_start(text, offset), detail);
  }
  return at_offset(file, text, offset, detail);
}

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
      top.value.members.emplace_back(std::move(top.key), std::move(value));
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

/// Checks that must pass before the parser sees the text: encoding, NUL bytes; returns false on a problem.
bool check_bytes(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    problems.push_back(at_offset(file, text, 0,
                                 "the file is UTF-16; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"));
    return false;
  }
  if (const void* nul = std::memchr(text.data(), '\0', text.size()); nul != nullptr) {
    const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    problems.push_back(at_offset(file, text, offset,
                                 "NUL byte in the file; a taxonomy is UTF-8 text (is this a binary or UTF-16 file?)"));
    return false;
  }
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    if (static_cast<unsigned char>(text[i]) >= 0x80 && decode_utf8(text, i, length) < 0) {
      problems.push_back(at_offset(
          file, text, i,
          fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8", static_cast<unsigned char>(text[i]))));
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += fmt::format("\\u{:04X}", static_cast<int>(c));
    else out += c;
  }
  return out;
}

std::optional<JsonValue> read_json(std::string_view text, const std::string& file, const TaxonomyLimits& limits,
                                   std::vector<Diagnostic>& problems) {
  if (text.size() > limits.max_bytes) {
    problems.push_back(Diagnostic{file, 0, 0, {},
                                  fmt::format("the file is {} bytes, over the {}-byte limit for a taxonomy",
                                              text.size(), limits.max_bytes),
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
