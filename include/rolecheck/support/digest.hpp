#pragma once
// A small, dependency-free content hash for identifying data (not for security).

#include <cstdint>
#include <string>
#include <string_view>

namespace rolecheck {

/// The 64-bit FNV-1a hash of `bytes`.
std::uint64_t fnv1a_64(std::string_view bytes) noexcept;

/// The first `hex_digits` (1..16) lowercase hex digits of fnv1a_64(bytes), e.g. "3f2a9c01b7de".
std::string short_digest(std::string_view bytes, std::size_t hex_digits = 12);

}  // namespace rolecheck
