#pragma once
// The one streaming JSON writer: every JSON that rolecheck prints is appended to a string through it.

#include <charconv>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

#include "rolecheck/support/escaping.hpp"

// The writer's methods are a few instructions each, called millions of times on the record path: inlined into
// the formatters, the literal keys become constant stores.
#define ROLECHECK_JSON_INLINE [[gnu::always_inline]] inline

namespace rolecheck {

/// Appends JSON to a string: objects and arrays whose commas it writes itself, keys, and values in the
/// number formats the outputs use. It holds no buffer of its own (a stack of "no member yet" bits), so writing
/// costs what appending the bytes costs. Nesting is limited to kMaxDepth levels: opening a container deeper, or
/// closing one when none is open, throws std::logic_error (a bug in the caller, not bad input) and writes nothing.
class JsonWriter {
 public:
  /// The deepest nesting of arrays and objects a writer can hold (one bit per level in a 64-bit word).
  static constexpr unsigned kMaxDepth = 63;

  /// Where a writer stands (the open containers, which of them have a member yet), to carry on writing a
  /// container in a later call: JSON written in pieces, such as the report's items added one at a time.
  class State {
   public:
    /// Nothing written yet: at the top level.
    constexpr State() noexcept = default;
    /// Inside an array or object that was opened elsewhere, before its first member or element.
    [[nodiscard]] static constexpr State inside_container() noexcept { return State(2, 1); }

   private:
    friend class JsonWriter;
    constexpr State(std::uint64_t empty, unsigned depth) noexcept : m_empty(empty), m_depth(depth) {}
    std::uint64_t m_empty = 0;  // bit d: the container open at depth d has no member or element yet
    unsigned m_depth = 0;       // open containers
    bool m_separated = false;   // the next value follows a key or a line break: no comma before it
  };

  /// A writer that appends to `out`, starting at the top level.
  explicit JsonWriter(std::string& out) noexcept : m_out(&out) {}
  /// A writer that appends to `out`, starting at `state` (written by an earlier writer's state()).
  JsonWriter(std::string& out, State state) noexcept : m_out(&out), m_state(state) {}

  /// The string written to.
  [[nodiscard]] std::string& out() noexcept { return *m_out; }
  /// Where the writer stands, for a writer that carries on later (JsonWriter(out, state)).
  [[nodiscard]] State state() const noexcept { return m_state; }
  /// True while the innermost open array or object has no member or element (false at the top level).
  [[nodiscard]] bool empty() const noexcept { return ((m_state.m_empty >> m_state.m_depth) & 1U) != 0; }

  /// Opens an object ("{").
  ROLECHECK_JSON_INLINE JsonWriter& begin_object() {
    open('{');
    return *this;
  }
  /// Closes the innermost object ("}").
  ROLECHECK_JSON_INLINE JsonWriter& end_object() {
    close('}');
    return *this;
  }
  /// Opens an array ("[").
  ROLECHECK_JSON_INLINE JsonWriter& begin_array() {
    open('[');
    return *this;
  }
  /// Closes the innermost array ("]").
  ROLECHECK_JSON_INLINE JsonWriter& end_array() {
    close(']');
    return *this;
  }

  /// Writes a member's key, as is: `key` must need no escaping (the names the formats define).
  ROLECHECK_JSON_INLINE JsonWriter& key(std::string_view key) {
    put_quoted(key, true);
    m_state.m_separated = true;
    return *this;
  }
  /// Writes a member's key given as a string literal (the usual case): its comma, quotes and colon in one append.
  template <std::size_t N>
  ROLECHECK_JSON_INLINE JsonWriter& key(const char (&key)[N]) {
    char bytes[N + 3];  // ,"key":
    bytes[0] = ',';
    bytes[1] = '"';
    std::memcpy(bytes + 2, key, N - 1);
    bytes[N + 1] = '"';
    bytes[N + 2] = ':';
    const bool comma = comma_due();
    m_out->append(bytes + (comma ? 0 : 1), comma ? N + 3 : N + 2);
    m_state.m_separated = true;
    return *this;
  }
  /// Writes a member's key taken from data (a difference id), escaped as a string value is.
  ROLECHECK_JSON_INLINE JsonWriter& escaped_key(std::string_view key) {
    separate();
    append_json_string(*m_out, key);
    *m_out += ':';
    m_state.m_separated = true;
    return *this;
  }

  /// Writes a string; invalid UTF-8 becomes U+FFFD, so the output is always valid JSON.
  ROLECHECK_JSON_INLINE JsonWriter& string(std::string_view text) {
    separate();
    append_json_string(*m_out, text);
    return *this;
  }
  /// Writes a string that needs no escaping, as is: the names of labels, sides, roles and sections, taxonomy ids.
  ROLECHECK_JSON_INLINE JsonWriter& name(std::string_view name) {
    put_quoted(name, false);
    return *this;
  }
  /// Writes an integer in decimal.
  template <std::integral Integer>
  ROLECHECK_JSON_INLINE JsonWriter& integer(Integer value) {
    static_assert(!std::is_same_v<Integer, bool>, "write a bool with boolean()");
    char digits[24];  // the comma due, then the digits
    const auto result = std::to_chars(digits + 1, std::end(digits), value);
    char* begin = digits + 1;
    if (comma_due()) *--begin = ',';
    m_out->append(begin, static_cast<std::size_t>(result.ptr - begin));
    return *this;
  }
  /// Writes a number with up to 4 decimals and no trailing zeros (append_json_number): scores, weights, shares.
  ROLECHECK_JSON_INLINE JsonWriter& number(double value) {
    separate();
    append_json_number(*m_out, value);
    return *this;
  }
  /// Writes a confidence with exactly kConfidenceDecimals decimals ("0.80").
  ROLECHECK_JSON_INLINE JsonWriter& confidence(double value) {
    separate();
    append_confidence(*m_out, value);
    return *this;
  }
  /// Writes a number with exactly `precision` decimals.
  ROLECHECK_JSON_INLINE JsonWriter& fixed(double value, int precision) {
    separate();
    append_fixed(*m_out, value, precision);
    return *this;
  }
  /// Writes a number in the shortest of fixed and exponent notation with 6 significant digits (printf's %g).
  JsonWriter& general(double value);
  /// Writes true or false.
  ROLECHECK_JSON_INLINE JsonWriter& boolean(bool value) {
    separate();
    *m_out += value ? std::string_view("true") : std::string_view("false");
    return *this;
  }
  /// Writes null.
  ROLECHECK_JSON_INLINE JsonWriter& null() {
    separate();
    *m_out += "null";
    return *this;
  }
  /// Writes a value given as JSON text (an id kept as the input wrote it); `json` must be one valid value.
  ROLECHECK_JSON_INLINE JsonWriter& raw(std::string_view json) {
    separate();
    *m_out += json;
    return *this;
  }
  /// Writes members given as JSON text (`"a":1,"b":2`, a record's other fields) into the open object; nothing
  /// at all when `members` is empty.
  ROLECHECK_JSON_INLINE JsonWriter& raw_members(std::string_view members) {
    if (members.empty()) return *this;
    separate();
    *m_out += members;
    return *this;
  }

  /// Starts the next member or element on a new line: the comma due before it, a newline, then `indent`.
  JsonWriter& next_line(std::string_view indent = {}) {
    separate();
    *m_out += '\n';
    *m_out += indent;
    m_state.m_separated = true;
    return *this;
  }
  /// Appends layout whitespace that changes nothing else (a newline before a closing bracket).
  JsonWriter& whitespace(std::string_view layout) {
    *m_out += layout;
    return *this;
  }

 private:
  // True when a comma must precede the next key or value; records that the container now has a member.
  ROLECHECK_JSON_INLINE bool comma_due() noexcept {
    if (m_state.m_separated) {
      m_state.m_separated = false;
      return false;
    }
    if (m_state.m_depth == 0) return false;
    const std::uint64_t bit = std::uint64_t{1} << m_state.m_depth;
    if ((m_state.m_empty & bit) == 0) return true;
    m_state.m_empty &= ~bit;
    return false;
  }
  // Writes the comma due before a value or key: none after a key or line break, before a container's first
  // member or element, or at the top level.
  ROLECHECK_JSON_INLINE void separate() {
    if (comma_due()) *m_out += ',';
  }
  // Writes the comma due, then `text` in quotes, then with `colon` a key's colon, in one append when it is short.
  ROLECHECK_JSON_INLINE void put_quoted(std::string_view text, bool colon) {
    const bool comma = comma_due();
    char bytes[64];
    if (text.size() + 4 > sizeof bytes) {
      if (comma) *m_out += ',';
      *m_out += '"';
      *m_out += text;
      *m_out += colon ? std::string_view("\":") : std::string_view("\"");
      return;
    }
    char* end = bytes;
    if (comma) *end++ = ',';
    *end++ = '"';
    if (!text.empty()) std::memcpy(end, text.data(), text.size());  // an empty view's data may be null
    end += text.size();
    *end++ = '"';
    if (colon) *end++ = ':';
    m_out->append(bytes, static_cast<std::size_t>(end - bytes));
  }
  // Throws std::logic_error: a container opened deeper than kMaxDepth, or closed when none is open.
  [[noreturn]] static void throw_misuse(const char* what);

  ROLECHECK_JSON_INLINE void open(char bracket) {
    if (m_state.m_depth >= kMaxDepth) [[unlikely]] { throw_misuse("JsonWriter: nesting deeper than kMaxDepth levels"); }
    const char bytes[2] = {',', bracket};
    const bool comma = comma_due();
    m_out->append(bytes + (comma ? 0 : 1), comma ? 2 : 1);
    ++m_state.m_depth;
    m_state.m_empty |= std::uint64_t{1} << m_state.m_depth;
  }
  ROLECHECK_JSON_INLINE void close(char bracket) {
    if (m_state.m_depth == 0) [[unlikely]] { throw_misuse("JsonWriter: closing a container that is not open"); }
    m_state.m_empty &= ~(std::uint64_t{1} << m_state.m_depth);
    --m_state.m_depth;
    *m_out += bracket;
  }

  std::string* m_out;
  State m_state;
};

}  // namespace rolecheck

#undef ROLECHECK_JSON_INLINE
