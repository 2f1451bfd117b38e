#pragma once
// The syntax layer of the taxonomy reader: JSON text to a small tree, every syntax problem located.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

namespace rolecheck::detail {

struct JsonMember;

/// A JSON value as the validator sees it; the reader caps its depth, so recursing over it is safe.
struct JsonValue {
  /// What the value is; `invalid` marks a value already reported (e.g. a 30-digit integer).
  enum class Kind : std::uint8_t { invalid, null, boolean, number, string, array, object };
  Kind kind = Kind::null;           ///< What the value is.
  bool boolean = false;             ///< The value of a boolean.
  bool integral = false;            ///< A number written without fraction or exponent.
  double number = 0.0;              ///< The value of a number.
  std::string text;                 ///< A string's value, or a number's spelling.
  std::vector<JsonValue> items;     ///< An array's elements.
  std::vector<JsonMember> members;  ///< An object's members, in file order, keys unique.
};

/// One member of a JSON object (a named struct rather than std::pair, which needs a complete JsonValue).
struct JsonMember {
  std::string key;  ///< The member's name.
  JsonValue value;  ///< Its value.
};

/// Escapes one reference token of a JSON pointer ("~" to "~0", "/" to "~1", control characters as \uXXXX).
std::string pointer_token(std::string_view key);

/// Parses JSON text into a tree, appending every problem found (syntax errors located by line and column,
/// duplicate keys and out-of-range integers by JSON pointer); returns nullopt when no tree could be built.
std::optional<JsonValue> read_json(std::string_view text, const std::string& file, const TaxonomyLimits& limits,
                                   std::vector<Diagnostic>& problems);

}  // namespace rolecheck::detail
