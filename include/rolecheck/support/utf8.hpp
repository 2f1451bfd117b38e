#pragma once
// UTF-8 checks and repair shared by the reader, the normaliser and the writers.

#include <cstddef>
#include <string>
#include <string_view>

namespace rolecheck {

/// Decodes the UTF-8 sequence at text[i]: returns its code point and sets `length`; for invalid
/// bytes returns -1 with length 1 (overlongs, surrogates and truncated sequences are invalid).
long decode_utf8(std::string_view text, std::size_t i, std::size_t& length) noexcept;

/// Offset of the first byte of `text` that does not start a valid UTF-8 sequence, or npos when all is valid.
std::size_t first_invalid_utf8(std::string_view text) noexcept;

/// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text) noexcept;

/// Copies `text` to `out` with every invalid byte replaced by U+FFFD; returns true if any was.
bool replace_invalid_utf8(std::string_view text, std::string& out);

}  // namespace rolecheck
