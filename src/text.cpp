#include "rolecheck/text.hpp"

#include <array>

#include "rolecheck/utf8.hpp"

namespace rolecheck {
namespace {

enum class CharClass : std::uint8_t { separator, word, apostrophe, clause_break };

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> classes{};
  for (auto& c : classes) c = CharClass::separator;
  for (char c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = CharClass::word;
  for (char c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = CharClass::word;
  for (char c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = CharClass::word;
  classes['\''] = CharClass::apostrophe;
  for (char c : std::string_view(",;:.!?()[]{}|\"")) classes[static_cast<std::size_t>(c)] = CharClass::clause_break;
  return classes;
}
constexpr auto kAsciiClasses = make_ascii_classes();

// ASCII base letters for U+00C0..U+00FF; 0 marks a non-letter (multiplication and division signs).
constexpr std::string_view kLatin1Fold =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"  // U+00C0..U+00DF (Þ -> t, ß -> s)
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";  // U+00E0..U+00FF

// Classifies a non-ASCII code point and, for letters, gives its ASCII fold.
CharClass classify_code_point(long code, char& fold) noexcept {
  if (code >= 0xC0 && code <= 0xFF) {
    fold = kLatin1Fold[static_cast<std::size_t>(code - 0xC0)];
    return fold != '\0' ? CharClass::word : CharClass::separator;
  }
  switch (code) {
    case 0x2018: case 0x2019: case 0x02BC: return CharClass::apostrophe;      // ' ' ʼ
    case 0x201C: case 0x201D: case 0x00AB: case 0x00BB:                         // " " « »
    case 0x2013: case 0x2014: case 0x2015: case 0x2022: case 0x00B7:          // – — ― • ·
    case 0x2023: case 0x25AA: case 0x25CF: case 0x25E6: case 0x2043: case 0x2026:  // ‣ ▪ ● ◦ ⁃ …
    case 0x3002: case 0xFF0C: case 0xFF1B: case 0xFF1A:                         // 。 ， ； ：
      return CharClass::clause_break;
    default: return CharClass::separator;
  }
}

}  // namespace

void tokenize(std::string_view text, TokenBuffer& out) {
  out.tokens.clear();
  out.folded.clear();
  if (text.size() > kMaxTokenizedBytes) text = text.substr(0, kMaxTokenizedBytes);
  bool in_word = false;
  bool pending_break = false;
  bool pending_apostrophe = false;
  std::size_t apostrophe_end = 0;
  Token current;
  const auto finish_word = [&](std::size_t end) {
    current.end = static_cast<std::uint32_t>(end);
    current.folded_size = static_cast<std::uint32_t>(out.folded.size() - current.folded_begin);
    out.tokens.push_back(current);
    in_word = false;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    CharClass cls;
    char fold = static_cast<char>(byte);
    if (byte < 0x80) {
      cls = kAsciiClasses[byte];
      if (byte >= 'A' && byte <= 'Z') fold = static_cast<char>(byte + ('a' - 'A'));
    } else {
      const long code = decode_utf8(text, i, length);
      cls = code < 0 ? CharClass::separator : classify_code_point(code, fold);
    }
    if (cls == CharClass::word) {
      if (in_word && pending_apostrophe) {
        out.folded.push_back('\'');
      } else if (!in_word) {
        current = Token{};
        current.begin = static_cast<std::uint32_t>(i);
        current.folded_begin = static_cast<std::uint32_t>(out.folded.size());
        current.clause_start = pending_break;
        pending_break = false;
        in_word = true;
      }
      pending_apostrophe = false;
      out.folded.push_back(fold);
    } else if (cls == CharClass::apostrophe && in_word && !pending_apostrophe) {
      pending_apostrophe = true;
      apostrophe_end = i;
    } else {
      if (in_word) finish_word(pending_apostrophe ? apostrophe_end : i);
      pending_apostrophe = false;
      if (cls == CharClass::clause_break) pending_break = true;
    }
    i += length;
  }
  if (in_word) finish_word(pending_apostrophe ? apostrophe_end : text.size());
}

std::vector<std::string> folded_words(std::string_view text) {
  TokenBuffer buffer;
  tokenize(text, buffer);
  std::vector<std::string> words;
  words.reserve(buffer.tokens.size());
  for (const auto& token : buffer.tokens) words.emplace_back(buffer.word(token));
  return words;
}

}  // namespace rolecheck
