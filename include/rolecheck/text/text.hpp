#pragma once
// The text normaliser: splits a line into case-folded word tokens that keep their byte spans.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

/// The ASCII characters that break a clause (non-ASCII ones: bullets, dashes, ellipsis, CJK punctuation): no
/// phrase matches across one, and a negation's scope ends at one.
inline constexpr std::string_view kAsciiClauseBreaks = ",;:.!?()[]{}|\"";

/// A word of the input: where it is in the original bytes and where its folded form is.
struct Token {
  std::uint32_t begin = 0;         ///< Byte offset of the word in the original text.
  std::uint32_t end = 0;           ///< One past its last byte in the original text.
  std::uint32_t folded_begin = 0;  ///< Offset of the folded word in TokenBuffer::folded.
  std::uint32_t folded_size = 0;   ///< Size of the folded word.
  bool clause_start = false;       ///< A clause break (, ; : . ! ? brackets, bullets, dashes) precedes it.
};

/// Bytes of slack tokenize() leaves after the last folded word, so words can be read 8 bytes at a time.
inline constexpr std::size_t kFoldedPadding = 8;

/// The tokens of one text and their folded spellings; reused from line to line to avoid allocation.
struct TokenBuffer {
  std::vector<Token> tokens;  ///< The words, in order.
  std::string folded;         ///< All folded words, back to back, then at least kFoldedPadding bytes of slack.

  /// The folded spelling of a token.
  [[nodiscard]] std::string_view word(const Token& token) const noexcept {
    return std::string_view(folded).substr(token.folded_begin, token.folded_size);
  }
};

/// Largest text tokenize() accepts; longer input is cut here (the line reader rejects such lines earlier).
inline constexpr std::size_t kMaxTokenizedBytes = std::size_t{1} << 30;

/// Splits text into words: ASCII letters and digits (lower-cased), Latin-1 letters folded to ASCII,
/// apostrophes inside words kept as "'", every other character a separator; invalid UTF-8 is a separator.
void tokenize(std::string_view text, TokenBuffer& out);

/// Convenience form of tokenize() returning the folded words (for tests and for compiling phrases).
std::vector<std::string> folded_words(std::string_view text);

}  // namespace rolecheck
