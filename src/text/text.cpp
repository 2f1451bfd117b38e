#include "rolecheck/text/text.hpp"

#include <array>

#include "rolecheck/support/utf8.hpp"

namespace rolecheck {
namespace {

enum class CharClass : std::uint8_t { separator, word, apostrophe, clause_break };

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> classes{};
  for (auto& c : classes) c = CharClass::separator;
  for (char c = 'a'; c <= 'z'; ++c) classes[static_cast<unsigned char>(c)] = CharClass::word;
  for (char c = 'A'; c <= 'Z'; ++c) classes[static_cast<unsigned char>(c)] = CharClass::word;
  for (char c = '0'; c <= '9'; ++c) classes[static_cast<unsigned char>(c)] = CharClass::word;
  classes['\''] = CharClass::apostrophe;
  for (char c : kAsciiClauseBreaks) classes[static_cast<unsigned char>(c)] = CharClass::clause_break;
  return classes;
}
constexpr auto kAsciiClasses = make_ascii_classes();

// The folded form of each byte that is an ASCII letter or digit, '\0' for every other byte.
constexpr std::array<char, 256> make_ascii_fold() {
  std::array<char, 256> fold{};
  for (char c = 'a'; c <= 'z'; ++c) fold[static_cast<unsigned char>(c)] = c;
  for (char c = 'A'; c <= 'Z'; ++c) fold[static_cast<unsigned char>(c)] = static_cast<char>(c + ('a' - 'A'));
  for (char c = '0'; c <= '9'; ++c) fold[static_cast<unsigned char>(c)] = c;
  return fold;
}
constexpr auto kAsciiFold = make_ascii_fold();

// ASCII base letters for U+00C0..U+00FF; 0 marks a non-letter (multiplication and division signs).
constexpr std::string_view kLatin1Fold =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"   // U+00C0..U+00DF (Þ -> t, ß -> s)
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";  // U+00E0..U+00FF

// Classifies a non-ASCII code point and, for letters, gives its ASCII fold.
CharClass classify_code_point(long code, char& fold) noexcept {
  if (code >= 0xC0 && code <= 0xFF) {
    fold = kLatin1Fold[static_cast<std::size_t>(code - 0xC0)];
    return fold != '\0' ? CharClass::word : CharClass::separator;
  }
  switch (code) {
    case 0x2018:
    case 0x2019:
    case 0x02BC: return CharClass::apostrophe;  // ' ' ʼ
    case 0x201C:
    case 0x201D:
    case 0x00AB:
    case 0x00BB:  // " " « »
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2022:
    case 0x00B7:  // – — ― • ·
    case 0x2023:
    case 0x25AA:
    case 0x25CF:
    case 0x25E6:
    case 0x2043:
    case 0x2026:  // ‣ ▪ ● ◦ ⁃ …
    case 0x3002:
    case 0xFF0C:
    case 0xFF1B:
    case 0xFF1A:  // 。 ， ； ：
      return CharClass::clause_break;
    default: return CharClass::separator;
  }
}

}  // namespace

void tokenize(std::string_view text, TokenBuffer& out) {
  out.tokens.clear();
  if (text.size() > kMaxTokenizedBytes) text = text.substr(0, kMaxTokenizedBytes);
  // A folded word is never longer than its original bytes, so the folded text fits in text.size().
  // The buffer only grows (no zero-filling per line); bytes past the last word are slack.
  if (out.folded.size() < text.size() + kFoldedPadding) out.folded.resize(text.size() + kFoldedPadding);
  char* const folded = out.folded.data();
  std::size_t folded_size = 0;
  bool in_word = false;
  bool pending_break = false;
  bool pending_apostrophe = false;
  std::size_t apostrophe_end = 0;
  Token current;
  const auto start_word = [&](std::size_t begin) {
    current = Token{};
    current.begin = static_cast<std::uint32_t>(begin);
    current.folded_begin = static_cast<std::uint32_t>(folded_size);
    current.clause_start = pending_break;
    pending_break = false;
    in_word = true;
  };
  const auto finish_word = [&](std::size_t end) {
    current.end = static_cast<std::uint32_t>(end);
    current.folded_size = static_cast<std::uint32_t>(folded_size - current.folded_begin);
    out.tokens.push_back(current);
    in_word = false;
  };
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char byte = bytes[i];
    std::size_t length = 1;
    CharClass cls;
    char fold = kAsciiFold[byte];
    if (fold != '\0') {
      // Fast path: a run of ASCII letters and digits.
      if (!in_word) {
        start_word(i);
      } else if (pending_apostrophe) {
        folded[folded_size++] = '\'';
      }
      pending_apostrophe = false;
      folded[folded_size++] = fold;
      ++i;
      while (i < size && (fold = kAsciiFold[bytes[i]]) != '\0') {
        folded[folded_size++] = fold;
        ++i;
      }
      continue;
    }
    if (byte < 0x80) {
      cls = kAsciiClasses[byte];
    } else {
      const long code = decode_utf8(text, i, length);
      cls = code < 0 ? CharClass::separator : classify_code_point(code, fold);
    }
    if (cls == CharClass::word) {
      if (in_word && pending_apostrophe) {
        folded[folded_size++] = '\'';
      } else if (!in_word) {
        start_word(i);
      }
      pending_apostrophe = false;
      folded[folded_size++] = fold;
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
  if (in_word) finish_word(pending_apostrophe ? apostrophe_end : size);
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
