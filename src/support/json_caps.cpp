#include "rolecheck/support/json_caps.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "rolecheck/support/json_nesting.hpp"

namespace rolecheck {

JsonShape json_shape(std::string_view text) noexcept {
  JsonShape shape;
  JsonNesting nesting;
  for (const char c : text) {
    if (nesting.feed(c)) {
      ++shape.values;
      shape.depth = std::max(shape.depth, nesting.depth());
    } else if (!nesting.in_string() && (c == ',' || c == ':')) {
      ++shape.values;
    }
    if (shape.depth > kMaxJsonlDepth || shape.values > kMaxJsonlValues) break;
  }
  return shape;
}

std::string json_cap_problem(std::string_view text) {
  const JsonShape shape = json_shape(text);
  if (shape.depth > kMaxJsonlDepth) return fmt::format("JSON nested deeper than {} levels", kMaxJsonlDepth);
  if (shape.values > kMaxJsonlValues) return fmt::format("more than {} JSON values in one record", kMaxJsonlValues);
  return {};
}

}  // namespace rolecheck
