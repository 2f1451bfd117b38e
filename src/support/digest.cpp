#include "rolecheck/support/digest.hpp"

#include <fmt/format.h>

namespace rolecheck {

std::uint64_t fnv1a_64(std::string_view bytes) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string short_digest(std::string_view bytes, std::size_t hex_digits) {
  std::string hex = fmt::format("{:016x}", fnv1a_64(bytes));
  if (hex_digits == 0) hex_digits = 1;
  if (hex_digits < hex.size()) hex.resize(hex_digits);
  return hex;
}

}  // namespace rolecheck
