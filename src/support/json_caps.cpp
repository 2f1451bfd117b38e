#include "rolecheck/support/json_caps.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rolecheck {

JsonShape json_shape(std::string_view text) noexcept {
  JsonShape shape;
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        ++shape.values;
        shape.depth = std::max(shape.depth, ++depth);
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      case ',':
      case ':': ++shape.values; break;
      default: break;
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
