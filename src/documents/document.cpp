#include "rolecheck/documents/document.hpp"

#include <array>
#include <fmt/format.h>

#include "document_chars.hpp"

#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

using namespace detail;  // character classes shared with document_headings.cpp

// Words before a period that do not end a sentence (compared lower-case, inner periods kept).
constexpr std::array<std::string_view, 40> kAbbreviations{
    "e.g", "i.e", "etc",  "u.s", "u.k", "u.s.a", "e.u",  "inc", "ltd", "llc",    "co",   "corp", "dr",  "mr",
    "mrs", "ms",  "prof", "jr",  "sr",  "st",    "vs",   "no",  "nos", "approx", "dept", "incl", "esp", "fig",
    "min", "max", "a.m",  "p.m", "cf",  "al",    "ph.d", "b.a", "b.s", "m.b.a",  "yrs",  "mo"};

// Bullet characters other than ASCII: each must be followed by the item's text.
constexpr std::array<std::string_view, 21> kUnicodeBullets{
    "\u2022", "\u00B7", "\u2013", "\u2014", "\u25AA", "\u25E6", "\u2023", "\u25BA", "\u25B8", "\u25CF", "\u25CB",
    "\u25A0", "\u25A1", "\u2713", "\u2714", "\u27A2", "\u27A4", "\u2192", "\u2043", "\u2219", "\u2027"};

// Phrases that mark a paragraph as an equal-opportunity statement even without a heading.
constexpr std::array<std::string_view, 5> kBoilerplatePhrases{"equal opportunity employer",
                                                              "equal employment opportunity", "without regard to race",
                                                              "regardless of race", "does not discriminate"};

constexpr std::size_t kMaxTitleWords = 12;
constexpr std::size_t kMaxTitleBytes = 120;

// Length of the space at text[i] (ASCII blanks and U+00A0), or 0.
std::size_t space_at(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return 0;
  if (is_ascii_space(text[i])) return 1;
  if (starts_with(text, i, "\u00A0")) return 2;
  return 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t i, std::size_t end) noexcept {
  while (i < end) {
    const auto n = space_at(text, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

std::size_t trim_back(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  while (end > begin) {
    if (is_ascii_space(text[end - 1]) || text[end - 1] == '\n') {
      --end;
    } else if (end - begin >= 2 && text.compare(end - 2, 2, "\u00A0") == 0) {
      end -= 2;
    } else {
      break;
    }
  }
  return end;
}

bool is_roman(std::string_view word) noexcept {
  for (const char c : word) {
    if (c != 'i' && c != 'v' && c != 'x') return false;
  }
  return !word.empty();
}

// Length of a list marker at text[i] including the spaces after it, or 0 when there is none.
std::size_t list_marker(std::string_view text, std::size_t i, std::size_t end) noexcept {
  const auto followed_by_space = [&](std::size_t after) -> std::size_t {
    if (after >= end) return 0;  // a marker alone on its line is no item
    const auto spaces = skip_spaces(text, after, end);
    return spaces > after ? spaces - i : 0;
  };
  const char c = text[i];
  if (c == '-' || c == '*' || c == '+') return followed_by_space(i + 1);
  // Word's "o" bullet (a letter o, then a tab or spaces, saved as text).
  if (c == 'o' && i + 1 < end && (text[i + 1] == ' ' || text[i + 1] == '\t')) return followed_by_space(i + 1);
  for (const auto bullet : kUnicodeBullets) {
    if (starts_with(text, i, bullet)) {
      const auto after = i + bullet.size();
      const auto spaces = skip_spaces(text, after, end);
      return spaces < end ? spaces - i : 0;
    }
  }
  // (1) (a) (iv)
  std::size_t j = i;
  const bool open = c == '(';
  if (open) ++j;
  const auto word_begin = j;
  while (j < end && j - word_begin < 4 && is_alnum(text[j])) ++j;
  const auto word = text.substr(word_begin, j - word_begin);
  if (word.empty() || j >= end) return 0;
  bool digits = true;
  for (const char d : word) digits = digits && is_digit(d);
  const bool letter = word.size() == 1 && is_lower(word[0]);
  const bool roman = is_roman(word);
  if (open) return text[j] == ')' && (digits || letter || roman) ? followed_by_space(j + 1) : 0;
  if (text[j] == ')' && (digits || letter || roman)) return followed_by_space(j + 1);
  if (text[j] == '.' && ((digits && word.size() <= 2) || letter || (roman && word.size() >= 2))) {
    return followed_by_space(j + 1);
  }
  return 0;
}

std::size_t count_words(std::string_view text) noexcept {
  std::size_t words = 0;
  bool space = true;
  for (const char c : text) {
    const bool blank = is_ascii_space(c) || c == '\n';
    if (space && !blank) ++words;
    space = blank;
  }
  return words;
}

bool has_word_character(std::string_view text) noexcept {
  for (const char c : text) {
    if (is_alnum(c) || static_cast<unsigned char>(c) >= 0xC3) return true;
  }
  return false;
}

// True when the period at text[dot] ends an abbreviation or an initial rather than a sentence.
bool is_abbreviation(std::string_view text, std::size_t dot) noexcept {
  std::size_t begin = dot;
  while (begin > 0 &&
         (is_alpha(text[begin - 1]) || (text[begin - 1] == '.' && begin >= 2 && is_alpha(text[begin - 2])))) {
    --begin;
  }
  const auto word = text.substr(begin, dot - begin);
  if (word.size() == 1) return true;  // an initial: "J. Smith", "U.S."
  if (word.empty() || word.size() > 6) return false;
  std::array<char, 6> lower{};
  for (std::size_t i = 0; i < word.size(); ++i) lower[i] = to_lower(word[i]);
  const std::string_view folded(lower.data(), word.size());
  for (const auto abbreviation : kAbbreviations) {
    if (folded == abbreviation) return true;
  }
  return false;
}

// Case-insensitive search for a lower-case ASCII needle.
bool contains_folded(std::string_view haystack, std::string_view needle) noexcept {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && to_lower(haystack[i + j]) == needle[j]) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

// Walks the lines of a document, gathering list items and paragraphs into units, and cuts each
// unit into sentences.
class Splitter {
 public:
  Splitter(std::string_view document, std::vector<Duty>& out)
      : m_doc(document), m_out(out), m_has_cr(document.find('\r') != std::string_view::npos) {}

  void run() {
    std::size_t pos = 0;
    bool first = true;
    while (pos < m_doc.size()) {
      const auto line = line_at(pos);
      pos = line.next;
      if (!line.has_words) {
        flush();
        continue;
      }
      const auto marker = list_marker(m_doc, line.begin, line.end);
      if (marker != 0) {
        flush();
        open_unit(line.begin + marker, line.end, true, line.begin - line.start);
        first = false;
        continue;
      }
      if (first && markdown_title(line)) {
        first = false;
        continue;
      }
      if (try_heading(line.begin, line.end)) {
        first = false;
        continue;
      }
      if (first && is_title(line)) {
        push(line.begin, line.end, SectionKind::title);
        first = false;
        continue;
      }
      first = false;
      if (m_open && continues(line)) {
        m_unit_end = line.end;
        m_last_line_bytes = line.end - line.begin;
      } else if (is_subheading(line)) {
        set_section(m_kind == SectionKind::title || m_kind == SectionKind::intro ? SectionKind::other : m_kind,
                    line.begin, line.end);
      } else {
        flush();
        open_unit(line.begin, line.end, false, line.begin - line.start);
      }
    }
    flush();
  }

 private:
  struct Line {
    std::size_t start = 0;  // first byte of the line
    std::size_t begin = 0;  // first byte after the indentation
    std::size_t end = 0;    // one past the last byte before trailing blanks
    std::size_t next = 0;   // start of the next line
    bool has_words = false;
  };

  Line line_at(std::size_t pos) const noexcept {
    Line line;
    line.start = pos;
    const auto newline = m_has_cr ? line_break(pos) : m_doc.find('\n', pos);
    const auto stop = newline == std::string_view::npos ? m_doc.size() : newline;
    line.next = newline == std::string_view::npos ? m_doc.size() : newline + 1;
    line.end = trim_back(m_doc, pos, stop);
    line.begin = skip_spaces(m_doc, pos, line.end);
    line.has_words = has_word_character(m_doc.substr(line.begin, line.end - line.begin));
    return line;
  }

  // The next line break at or after `pos` when the document has carriage returns: LF, or a run of CRs not
  // followed by LF (old Mac line endings, pasted text); the CRs of a CRLF (or of a doubled CR-CRLF) are blanks at
  // the end of their line.
  std::size_t line_break(std::size_t pos) const noexcept {
    const auto at = m_doc.find_first_of("\r\n", pos);
    if (at == std::string_view::npos || m_doc[at] == '\n') return at;
    const auto after_crs = m_doc.find_first_not_of('\r', at);
    return after_crs != std::string_view::npos && m_doc[after_crs] == '\n' ? after_crs : at;
  }

  void open_unit(std::size_t begin, std::size_t end, bool item, std::size_t indent) {
    m_open = true;
    m_unit_begin = begin;
    m_unit_end = end;
    m_item = item;
    m_item_indent = indent;
    m_last_line_bytes = end - begin;
  }

  // A line that carries on the open unit: a wrapped sentence, or the indented tail of a list item.
  bool continues(const Line& line) const noexcept {
    const char first = m_doc[line.begin];
    const char last = m_doc[m_unit_end - 1];
    if (last == ':') return false;
    if (is_lower(first)) return true;
    if (last == ',' || last == ';' || last == '&' || last == '/' || last == '(' || last == '-') return true;
    if (m_item) return line.begin - line.start > m_item_indent;
    const bool sentence_end = last == '.' || last == '!' || last == '?';
    return m_last_line_bytes >= 60 && !sentence_end;
  }

  // "# Account Executive" on the first line: the title, without its '#'.
  bool markdown_title(const Line& line) {
    if (m_doc.compare(line.begin, 2, "# ") != 0) return false;
    const auto b = skip_spaces(m_doc, line.begin + 2, line.end);
    bool known = false;
    heading_kind(m_doc.substr(b, line.end - b), known);
    if (known || b >= line.end) return false;
    push(b, line.end, SectionKind::title);
    return true;
  }

  // "**Location:** Midwest": a bold label with its text on the same line. A known heading opens its
  // section with the text as its first unit (as "Location: Midwest" does); other labels lead an
  // ordinary line. Returns false when the line is not of that shape.
  bool bold_label(std::size_t begin, std::size_t end, bool& handled) {
    handled = false;
    if (end - begin < 5 || (m_doc.compare(begin, 2, "**") != 0 && m_doc.compare(begin, 2, "__") != 0)) return false;
    const auto close = m_doc.find(m_doc.substr(begin, 2), begin + 2);
    if (close == std::string_view::npos || close + 2 >= end) return false;
    const auto rest = skip_spaces(m_doc, close + 2, end);
    if (rest >= end || !has_word_character(m_doc.substr(rest, end - rest))) return false;
    auto label_end = close;
    while (label_end > begin + 2 && (m_doc[label_end - 1] == ':' || is_ascii_space(m_doc[label_end - 1]))) --label_end;
    const auto label = m_doc.substr(begin + 2, label_end - begin - 2);
    bool known = false;
    const auto kind = heading_kind(label, known);
    if (known && count_words(label) <= 4) {
      flush();
      set_section(kind, begin + 2, label_end);
      open_unit(rest, end, false, 0);
      handled = true;
    }
    return true;
  }

  // Recognises a heading line (or "Heading: text" on one line) and switches the section.
  bool try_heading(std::size_t begin, std::size_t end) {
    if (bool handled = false; bold_label(begin, end, handled)) return handled;
    // A Markdown ATX heading ("## Anything") is a heading whatever its words.
    const bool atx = m_doc[begin] == '#' && m_doc.find_first_not_of('#', begin) < end &&
                     is_ascii_space(m_doc[m_doc.find_first_not_of('#', begin)]) &&
                     m_doc.find_first_not_of('#', begin) - begin <= 6;
    std::size_t b = begin;
    std::size_t e = end;
    bool marked = false;
    while (b < e && (m_doc[b] == '#' || m_doc[b] == '*' || m_doc[b] == '_' || m_doc[b] == '=')) {
      ++b;
      marked = true;
    }
    b = skip_spaces(m_doc, b, e);
    bool colon = false;
    while (e > b) {
      const char c = m_doc[e - 1];
      if (c == '*' || c == '_' || c == '=' || c == '#') {
        marked = true;
      } else if (c == ':') {
        colon = true;
      } else if (!is_ascii_space(c)) {
        break;
      }
      --e;
    }
    if (e > b) {
      const char last = m_doc[e - 1];
      const auto core = m_doc.substr(b, e - b);
      const auto words = count_words(core);
      const bool sentence = last == '.' || last == '!' || last == ',' || last == ';' || (last == '?' && words > 5);
      bool known = false;
      const auto kind = heading_kind(core, known);
      bool upper = false;
      bool lower = false;
      for (const char c : core) {
        upper = upper || is_upper(c);
        lower = lower || is_lower(c);
      }
      const bool shaped = colon || marked || (upper && !lower);
      if ((atx || !sentence) && known && (shaped || words <= 5)) {
        set_section(kind, b, e);
        return true;
      }
      if (!known && (atx || (!sentence && (colon || marked) && words <= 5))) {
        const bool keep =
            m_kind == SectionKind::duties || m_kind == SectionKind::requirements || m_kind == SectionKind::boilerplate;
        set_section(keep ? m_kind : SectionKind::other, b, e);
        return true;
      }
    }
    // "Responsibilities: manage key accounts" on one line.
    const auto line = m_doc.substr(begin, end - begin);
    const auto at = line.find(':');
    if (at == std::string_view::npos || at == 0 || at > 40) return false;
    const auto prefix = line.substr(0, at);
    bool known = false;
    const auto kind = heading_kind(prefix, known);
    if (!known || count_words(prefix) > 4) return false;
    const auto rest = skip_spaces(m_doc, begin + at + 1, end);
    flush();
    set_section(kind, begin, begin + at);
    if (rest < end) open_unit(rest, end, false, 0);
    return true;
  }

  void set_section(SectionKind kind, std::size_t begin, std::size_t end) {
    flush();
    m_kind = kind;
    m_heading_begin = begin;
    m_heading_end = end;
  }

  // The first line is a title when it is short, unpunctuated and stands apart from what follows.
  bool is_title(const Line& line) const {
    const auto text = m_doc.substr(line.begin, line.end - line.begin);
    const char last = text.back();
    if (text.size() > kMaxTitleBytes || count_words(text) > kMaxTitleWords) return false;
    if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';' || last == ':') return false;
    if (line.next >= m_doc.size()) return false;
    const auto next = line_at(line.next);
    if (!next.has_words) return true;
    if (list_marker(m_doc, next.begin, next.end) != 0) return true;
    bool known = false;
    heading_kind(m_doc.substr(next.begin, next.end - next.begin), known);
    return known || count_words(text) <= 6;
  }

  // A short unpunctuated line standing over a list ("Sales" above its bullets) names a sub-section.
  bool is_subheading(const Line& line) const {
    const auto text = m_doc.substr(line.begin, line.end - line.begin);
    const char last = text.back();
    if (count_words(text) > 3 || !is_alnum(last) || line.next >= m_doc.size()) return false;
    const auto next = line_at(line.next);
    return next.has_words && list_marker(m_doc, next.begin, next.end) != 0;
  }

  void flush() {
    if (!m_open) return;
    m_open = false;
    const auto unit = m_doc.substr(m_unit_begin, m_unit_end - m_unit_begin);
    for (const auto phrase : kBoilerplatePhrases) {
      if (contains_folded(unit, phrase)) {
        m_kind = SectionKind::boilerplate;  // an equal-opportunity statement: it and what follows do not vote
        break;
      }
    }
    split_sentences(m_unit_begin, m_unit_end);
  }

  void split_sentences(std::size_t begin, std::size_t end) {
    std::size_t start = begin;
    for (std::size_t i = begin; i < end; ++i) {
      const char c = m_doc[i];
      if (c != '.' && c != '!' && c != '?') continue;
      if (c == '.' && i + 1 < end && m_doc[i + 1] == '.') {
        while (i + 1 < end && m_doc[i + 1] == '.') ++i;  // an ellipsis never ends a duty
        continue;
      }
      std::size_t j = i + 1;
      while (j < end) {
        if (m_doc[j] == '"' || m_doc[j] == '\'' || m_doc[j] == ')') {
          ++j;
        } else if (starts_with(m_doc, j, "\u201D") || starts_with(m_doc, j, "\u2019")) {
          j += 3;
        } else {
          break;
        }
      }
      if (j >= end || (space_at(m_doc, j) == 0 && m_doc[j] != '\n')) continue;
      std::size_t k = j;
      while (k < end && (space_at(m_doc, k) != 0 || m_doc[k] == '\n')) k += m_doc[k] == '\n' ? 1 : space_at(m_doc, k);
      if (k >= end || is_lower(m_doc[k])) continue;
      if (c == '.' && is_abbreviation(m_doc, i)) continue;
      push(start, j, m_kind);
      start = k;
      i = k - 1;
    }
    push(start, end, m_kind);
  }

  void push(std::size_t begin, std::size_t end, SectionKind kind) {
    begin = skip_spaces(m_doc, begin, end);
    end = trim_back(m_doc, begin, end);
    if (begin >= end || !has_word_character(m_doc.substr(begin, end - begin))) return;
    Duty duty;
    duty.begin = static_cast<std::uint32_t>(begin);
    duty.end = static_cast<std::uint32_t>(end);
    duty.section = kind;
    if (kind != SectionKind::title) {
      duty.heading_begin = static_cast<std::uint32_t>(m_heading_begin);
      duty.heading_end = static_cast<std::uint32_t>(m_heading_end);
    }
    m_out.push_back(duty);
  }

  std::string_view m_doc;
  std::vector<Duty>& m_out;
  bool m_has_cr = false;  // the document holds a CR: line breaks may be lone CRs
  SectionKind m_kind = SectionKind::intro;
  std::size_t m_heading_begin = 0;
  std::size_t m_heading_end = 0;
  bool m_open = false;
  bool m_item = false;
  std::size_t m_unit_begin = 0;
  std::size_t m_unit_end = 0;
  std::size_t m_item_indent = 0;
  std::size_t m_last_line_bytes = 0;
};

}  // namespace

void split_document(std::string_view document, std::vector<Duty>& out) {
  out.clear();
  if (document.size() > kMaxDocumentBytes) {
    throw Error(fmt::format("document of {} bytes exceeds the limit of {} bytes: split it into smaller documents",
                            document.size(), kMaxDocumentBytes));
  }
  Splitter(document, out).run();
}

std::vector<Duty> split_document(std::string_view document) {
  std::vector<Duty> out;
  split_document(document, out);
  return out;
}

}  // namespace rolecheck
