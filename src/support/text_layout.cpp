#include "rolecheck/support/text_layout.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "rolecheck/support/utf8.hpp"

namespace rolecheck {
namespace {

struct Range {
  long first;
  long last;
};

// Combining marks and zero-width characters (a compact subset of Unicode's Mn, Me and Cf).
constexpr std::array kZeroWidth{
    Range{0x0300, 0x036F}, Range{0x0483, 0x0489}, Range{0x0591, 0x05BD}, Range{0x0610, 0x061A},   Range{0x064B, 0x065F},
    Range{0x0670, 0x0670}, Range{0x06D6, 0x06DC}, Range{0x0900, 0x0902}, Range{0x093A, 0x093C},   Range{0x0941, 0x0948},
    Range{0x094D, 0x094D}, Range{0x0E31, 0x0E31}, Range{0x0E34, 0x0E3A}, Range{0x0E47, 0x0E4E},   Range{0x1AB0, 0x1AFF},
    Range{0x1DC0, 0x1DFF}, Range{0x200B, 0x200F}, Range{0x202A, 0x202E}, Range{0x2060, 0x2064},   Range{0x20D0, 0x20FF},
    Range{0xFE00, 0xFE0F}, Range{0xFE20, 0xFE2F}, Range{0xFEFF, 0xFEFF}, Range{0xE0100, 0xE01EF},
};

// East Asian wide and fullwidth characters, and emoji presented as wide.
constexpr std::array kWide{
    Range{0x1100, 0x115F},   Range{0x231A, 0x231B},   Range{0x2329, 0x232A},   Range{0x23E9, 0x23EC},
    Range{0x2E80, 0x303E},   Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},   Range{0x4E00, 0x9FFF},
    Range{0xA000, 0xA4CF},   Range{0xA960, 0xA97F},   Range{0xAC00, 0xD7A3},   Range{0xF900, 0xFAFF},
    Range{0xFE10, 0xFE19},   Range{0xFE30, 0xFE6F},   Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},
    Range{0x1F300, 0x1F64F}, Range{0x1F680, 0x1F6FF}, Range{0x1F900, 0x1F9FF}, Range{0x20000, 0x3FFFD},
};

template <std::size_t N>
bool in_ranges(const std::array<Range, N>& ranges, long code) noexcept {
  const auto it = std::lower_bound(ranges.begin(), ranges.end(), code,
                                   [](const Range& range, long value) { return range.last < value; });
  return it != ranges.end() && it->first <= code;
}

bool is_control(long code) noexcept { return code < 0x20 || (code >= 0x7F && code < 0xA0); }

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// ASCII forms of U+00C0..U+00FF ('\0' where a longer form is needed).
constexpr char kLatin1Ascii[] = "AAAAAA\0CEEEEIIIIDNOOOOOxOUUUUY\0\0aaaaaa\0ceeeeiiiidnooooo/ouuuuy\0y";
static_assert(sizeof kLatin1Ascii == 0x40 + 1, "one entry per code point U+00C0..U+00FF");

std::string_view ascii_for(long code) noexcept {
  switch (code) {
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x202F: return " ";
    case 0x00AB: return "<<";
    case 0x00BB: return ">>";
    case 0x00C6: return "AE";
    case 0x00DE: return "TH";
    case 0x00DF: return "ss";
    case 0x00E6: return "ae";
    case 0x00FE: return "th";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212: return "-";
    case 0x2014:
    case 0x2015: return "--";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032: return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033: return "\"";
    case 0x2022: return "*";
    case 0x2026: return "...";
    default: break;
  }
  if (code >= 0xC0 && code <= 0xFF) {
    const auto index = static_cast<std::size_t>(code - 0xC0);
    if (kLatin1Ascii[index] != '\0') return {&kLatin1Ascii[index], 1};
  }
  return "?";
}

// A copy of `text` made code point by code point: `put(out, code, bytes)` appends what each becomes (code -1 for
// an invalid byte, `bytes` its bytes in `text`).
template <typename Put>
std::string map_code_points(std::string_view text, Put put) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    const long code = decode_utf8(text, i, length);
    put(out, code, text.substr(i, length));
    i += length;
  }
  return out;
}

// Cuts a word wider than `width` into pieces of at most `width` columns; zero-width marks stay with their base.
void break_word(std::string_view word, std::size_t width, std::vector<std::string>& lines, std::string& rest) {
  std::string piece;
  std::size_t piece_width = 0;
  std::size_t i = 0;
  while (i < word.size()) {
    std::size_t length = 1;
    const long code = decode_utf8(word, i, length);
    const auto columns = static_cast<std::size_t>(code < 0 ? 1 : code_point_width(code));
    if (columns > 0 && piece_width + columns > width && !piece.empty()) {
      lines.push_back(std::move(piece));
      piece.clear();
      piece_width = 0;
    }
    piece.append(word.substr(i, length));
    piece_width += columns;
    i += length;
  }
  rest = std::move(piece);
}

}  // namespace

int code_point_width(long code_point) noexcept {
  if (code_point < 0) return 1;
  if (code_point < 0x7F) return code_point < 0x20 ? 0 : 1;
  if (is_control(code_point) || in_ranges(kZeroWidth, code_point)) return 0;
  return in_ranges(kWide, code_point) ? 2 : 1;
}

std::size_t display_width(std::string_view text) noexcept {
  std::size_t columns = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    columns += static_cast<std::size_t>(code_point_width(decode_utf8(text, i, length)));
    i += length;
  }
  return columns;
}

std::string printable_text(std::string_view text) {
  return map_code_points(text, [](std::string& out, long code, std::string_view bytes) {
    if (code < 0 || (is_control(code) && !is_space(static_cast<char>(code)))) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes);
    }
  });
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::string current;
  std::size_t current_width = 0;
  // Puts a piece on the current line (after a space when `spaced`) or starts a new line with it.
  const auto place = [&](std::string_view piece, bool spaced) {
    const std::size_t piece_width = display_width(piece);
    const std::size_t gap = spaced && !current.empty() ? 1 : 0;
    if (!current.empty() && current_width + gap + piece_width <= width) {
      if (gap != 0) current += ' ';
      current.append(piece);
      current_width += gap + piece_width;
      return;
    }
    if (!current.empty()) lines.push_back(std::move(current));
    current.clear();
    if (piece_width <= width) {
      current.assign(piece);
    } else {
      break_word(piece, width, lines, current);
    }
    current_width = display_width(current);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end == i) break;
    std::string_view word = text.substr(i, end - i);
    i = end;
    if (display_width(word) <= width) {
      place(word, true);
      continue;
    }
    // A word wider than a line breaks after its hyphens first, and between characters only if it must.
    bool spaced = true;
    while (!word.empty()) {
      const std::size_t hyphen = word.find('-', 1);
      const std::size_t cut = hyphen == std::string_view::npos ? word.size() : hyphen + 1;
      place(word.substr(0, cut), spaced);
      word.remove_prefix(cut);
      spaced = false;
    }
  }
  if (!current.empty()) lines.push_back(std::move(current));
  return lines;
}

void append_padded(std::string& out, std::string_view text, std::size_t width) {
  out.append(text);
  const std::size_t columns = display_width(text);
  if (columns < width) out.append(width - columns, ' ');
}

std::string to_ascii(std::string_view text) {
  return map_code_points(text, [](std::string& out, long code, std::string_view /*bytes*/) {
    if (code >= 0 && code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0 || code_point_width(code) > 0) {
      out.append(code < 0 ? std::string_view("?") : ascii_for(code));
    }
  });
}

}  // namespace rolecheck
