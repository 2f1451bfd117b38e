#include "rolecheck/taxonomy/taxonomy.hpp"

#include <charconv>

namespace rolecheck {

std::string_view side_name(Side side) noexcept { return side == Side::sales ? "sales" : "marketing"; }

std::string_view cue_role_name(CueRole role) noexcept {
  switch (role) {
    case CueRole::core: return "core";
    case CueRole::support: return "support";
    case CueRole::other: break;
  }
  return "other";
}

std::optional<Side> parse_side(std::string_view text) noexcept {
  if (text == "sales") return Side::sales;
  if (text == "marketing") return Side::marketing;
  return std::nullopt;
}

std::optional<std::size_t> Taxonomy::find_difference(std::string_view id_or_number) const noexcept {
  std::size_t number = 0;
  const auto* end = id_or_number.data() + id_or_number.size();
  auto [ptr, ec] = std::from_chars(id_or_number.data(), end, number);
  if (ec == std::errc{} && ptr == end && number >= 1 && number <= differences.size()) return number - 1;
  for (std::size_t i = 0; i < differences.size(); ++i) {
    if (differences[i].id == id_or_number) return i;
  }
  return std::nullopt;
}

std::size_t Taxonomy::cue_count() const noexcept {
  std::size_t count = 0;
  for (const auto& difference : differences) count += difference.cues.size();
  return count + other_work.cues.size();
}

}  // namespace rolecheck
