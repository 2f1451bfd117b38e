#pragma once
// Caps on one JSON Lines record, checked before a JSON parser builds a tree: every JSONL reader (job
// descriptions, labelled duties) applies the same ones, so one line costs memory bounded by its size.

#include <cstddef>
#include <string>
#include <string_view>

namespace rolecheck {

/// Deepest nesting of arrays and objects in a JSONL record (the record itself is level 1).
inline constexpr std::size_t kMaxJsonlDepth = 64;

/// Most values (scalars, arrays, objects) one JSONL record may hold: bounds the parsed tree's memory.
inline constexpr std::size_t kMaxJsonlValues = 100'000;

/// The shape of a JSON text found without parsing it: how deep its brackets nest and how many values
/// it holds (approximately: brackets, commas and colons outside strings). Counting stops once a cap is passed.
struct JsonShape {
  std::size_t depth = 0;   ///< Deepest bracket nesting seen.
  std::size_t values = 0;  ///< Values counted (at most one past kMaxJsonlValues).
};

/// Measures `text` in one pass, in time linear in its length and no memory.
JsonShape json_shape(std::string_view text) noexcept;

/// Why `text` must not be parsed ("JSON nested deeper than 64 levels", "more than 100000 JSON values in
/// one record"), or "" when it is within both caps.
std::string json_cap_problem(std::string_view text);

}  // namespace rolecheck
