#include "rolecheck/support/escaping.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>

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

// True when one of the 8 bytes of `chunk` may need a TSV escape: a byte below 14 (\t, \n, \r, NUL and a few other
// control bytes) or a \\ (SWAR tests); a false alarm only sends the chunk to the exact per-byte check.
bool has_tsv_special(std::uint64_t chunk) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  const auto has_zero = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  const bool has_below_14 = ((chunk - kOnes * 14) & ~chunk & kHighs) != 0;
  return has_below_14 || has_zero(chunk ^ (kOnes * '\\'));
}

// The value rounded to `decimals` decimals as a whole number of units (12.345 at 2 decimals: 1235), when one
// multiplication is sure to round as the exact decimal expansion does (as to_chars and printf round); nullopt for a
// value that is too large, not finite, or within rounding error of a tie, which the caller formats the slow way.
std::optional<std::int64_t> rounded_units(double value, int decimals) noexcept {
  static constexpr std::array<double, 5> kScales{1.0, 10.0, 100.0, 1000.0, 10000.0};
  if (decimals < 0 || static_cast<std::size_t>(decimals) >= kScales.size()) return std::nullopt;
  const double scaled = value * kScales[static_cast<std::size_t>(decimals)];
  // Below 2^32 the product is off by at most 2^-21, far inside the margin kept around a tie.
  if (!(std::fabs(scaled) < 4294967296.0)) return std::nullopt;
  const double below = std::floor(scaled);
  const double fraction = scaled - below;  // exact
  if (std::fabs(fraction - 0.5) < 1e-5) return std::nullopt;
  return static_cast<std::int64_t>(fraction > 0.5 ? below + 1.0 : below);
}

// Appends `units` / 10^decimals with exactly `decimals` decimals (or, with `trim`, without trailing zeros), a
// minus sign first when `negative`.
void append_units(std::string& out, bool negative, std::int64_t units, int decimals, bool trim) {
  auto magnitude = static_cast<std::uint64_t>(units < 0 ? -units : units);
  char digits[32];
  char* const end = std::end(digits);
  char* begin = end;
  for (int i = 0; i < decimals; ++i) {
    *--begin = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  }
  if (decimals > 0) *--begin = '.';
  do {
    *--begin = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (negative) *--begin = '-';
  char* last = end;
  if (trim && decimals > 0) {
    while (last[-1] == '0') --last;
    if (last[-1] == '.') --last;
  }
  out.append(begin, static_cast<std::size_t>(last - begin));
}

}  // namespace

void append_unsigned(std::string& out, std::size_t value) {
  char digits[24];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
  out.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

// Appends `value` with exactly `precision` decimals, rounded as printf and fmt round ("{:.3f}").
void append_fixed(std::string& out, double value, int precision) {
  if (const auto units = rounded_units(value, precision)) {
    append_units(out, std::signbit(value), *units, precision, false);
    return;
  }
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
  if (!std::isfinite(value) || value == 0.0) {  // -0.0 too is written "0"
    out += '0';
    return;
  }
  if (const auto units = rounded_units(value, 4)) {
    append_units(out, *units < 0, *units, 4, true);  // "-0.0000" is written "0"
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
