#pragma once
// ASCII character classes shared by the document splitter (document.cpp) and its heading
// recogniser (document_headings.cpp). Private to src/.

#include <cstddef>
#include <string_view>

namespace rolecheck::detail {

inline bool is_ascii_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha(char c) noexcept { return is_lower(c) || is_upper(c); }
inline bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }
inline char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool starts_with(std::string_view text, std::size_t at, std::string_view prefix) noexcept {
  return text.size() - at >= prefix.size() && text.compare(at, prefix.size(), prefix) == 0;
}

}  // namespace rolecheck::detail
