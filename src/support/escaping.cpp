#include "rolecheck/support/escaping.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "rolecheck/support/utf8.hpp"

namespace rolecheck {
namespace {

// For each byte: the letter of its TSV escape ("\\t" -> 't'), or '\0' when it is copied as is.
constexpr std::array<char, 256> make_tsv_escapes() {
  std::array<char, 256> escapes{};
  escapes['\t'] = 't';
  escapes['\n'] = 'n';
  escapes['\r'] = 'r';
  escapes['\\'] = '\\';
  escapes['\0'] = '0';
  return escapes;
}
constexpr auto kTsvEscapes = make_tsv_escapes();

// True for the bytes a JSON string can hold unescaped and that need no UTF-8 check (printable ASCII but " and \\).
constexpr std::array<bool, 256> make_json_plain() {
  std::array<bool, 256> plain{};
  for (std::size_t c = 0x20; c < 0x7F; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}
constexpr auto kJsonPlain = make_json_plain();

// True when one of the 8 bytes of `chunk` is \t, \n, \r, \\ or NUL (SWAR zero-byte tests).
bool has_tsv_special(std::uint64_t chunk) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  const auto has_zero = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  return has_zero(chunk) || has_zero(chunk ^ (kOnes * '\t')) || has_zero(chunk ^ (kOnes * '\n')) ||
         has_zero(chunk ^ (kOnes * '\r')) || has_zero(chunk ^ (kOnes * '\\'));
}

}  // namespace

void append_unsigned(std::string& out, std::size_t value) {
  char digits[24];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
  out.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

// Appends `value` with exactly `precision` decimals, rounded as printf and fmt round ("{:.3f}").
void append_fixed(std::string& out, double value, int precision) {
  char digits[400];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value, std::chars_format::fixed, precision);
  out.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

void append_tsv_field(std::string& out, std::string_view text) {
  std::size_t run = 0;
  std::size_t i = 0;
  while (i + 8 <= text.size()) {  // skip whole chunks with nothing to escape
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + i, 8);
    if (has_tsv_special(chunk)) break;
    i += 8;
  }
  for (; i < text.size(); ++i) {
    const char escape = kTsvEscapes[static_cast<unsigned char>(text[i])];
    if (escape == '\0') continue;
    out.append(text.data() + run, i - run);
    out += '\\';
    out += escape;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(text);
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the longest run of plain characters in one go.
    std::size_t run = i;
    while (run < text.size() && kJsonPlain[static_cast<unsigned char>(text[run])]) ++run;
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Copy valid multi-byte sequences whole; replace anything else.
      std::size_t length = 1;
      if (decode_utf8(text, i, length) < 0) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(text.substr(i, length));
      }
      i += length;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

void append_confidence(std::string& out, double confidence) {
  append_fixed(out, std::isfinite(confidence) ? confidence : 0.0, kConfidenceDecimals);
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += '0';
    return;
  }
  char digits[400];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value, std::chars_format::fixed, 4);
  std::string_view text(digits, static_cast<std::size_t>(result.ptr - digits));
  while (text.back() == '0') text.remove_suffix(1);
  if (text.back() == '.') text.remove_suffix(1);
  if (text == "-0") text = "0";
  out += text;
}

}  // namespace rolecheck
