#include "rolecheck/support/utf8.hpp"

#include <cstring>

namespace rolecheck {

long decode_utf8(std::string_view text, std::size_t i, std::size_t& length) noexcept {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = at(i);
  length = 1;
  if (lead < 0x80) return lead;
  std::size_t need = 0;
  long code = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
    code = lead & 0x1F;
  } else if (lead == 0xE0) {
    need = 2;
    code = lead & 0x0F;
    low = 0xA0;
  } else if (lead >= 0xE1 && lead <= 0xEC) {
    need = 2;
    code = lead & 0x0F;
  } else if (lead == 0xED) {
    need = 2;
    code = lead & 0x0F;
    high = 0x9F;
  } else if (lead >= 0xEE && lead <= 0xEF) {
    need = 2;
    code = lead & 0x0F;
  } else if (lead == 0xF0) {
    need = 3;
    code = lead & 0x07;
    low = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    need = 3;
    code = lead & 0x07;
  } else if (lead == 0xF4) {
    need = 3;
    code = lead & 0x07;
    high = 0x8F;
  } else
    return -1;
  if (i + need >= text.size()) return -1;
  if (at(i + 1) < low || at(i + 1) > high) return -1;
  for (std::size_t k = 1; k <= need; ++k) {
    const unsigned char b = at(i + k);
    if ((b & 0xC0) != 0x80) return -1;
    code = (code << 6) | (b & 0x3F);
  }
  length = need + 1;
  return code;
}

std::size_t first_invalid_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= text.size()) {
      unsigned long long chunk = 0;
      std::memcpy(&chunk, text.data() + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    std::size_t length = 1;
    if (decode_utf8(text, i, length) < 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) noexcept { return first_invalid_utf8(text) == std::string_view::npos; }

bool replace_invalid_utf8(std::string_view text, std::string& out) {
  out.clear();
  bool replaced = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    if (decode_utf8(text, i, length) < 0) {
      out += "\xEF\xBF\xBD";
      replaced = true;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return replaced;
}

}  // namespace rolecheck
