#pragma once
// The compiled cue matcher: cue phrases turned into a trie over stemmed-word ids, built once and shared.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rolecheck/stemmer.hpp"
#include "rolecheck/taxonomy.hpp"
#include "rolecheck/text.hpp"

namespace rolecheck {

/// What the matcher keeps of a cue: enough to score it and to explain it.
struct CompiledCue {
  std::string id;                 ///< The cue's stable id.
  std::uint32_t difference = 0;   ///< Index of its difference (0..3).
  Side side = Side::sales;        ///< The side it evidences.
  double weight = 0.0;            ///< Evidence one match adds.
  NegationEffect on_negation = NegationEffect::drop;  ///< What a governing negation does.
};

/// One cue phrase found in a text, or a negation.
struct Match {
  std::uint32_t cue = 0;          ///< Index into Matcher::cues(); unused for negations.
  std::uint32_t first_token = 0;  ///< First token of the match.
  std::uint32_t last_token = 0;   ///< Last token of the match (inclusive).
  std::uint32_t begin = 0;        ///< Byte offset of the match in the text.
  std::uint32_t end = 0;          ///< One past the match's last byte.
  bool negated = false;           ///< A negation governs this match.
  std::uint32_t negation = 0;     ///< Index into ScanResult::negations when negated.
};

/// The term ids of one word: by its stem and by its exact folded spelling (-1 when no phrase uses it).
struct WordTerms {
  std::int32_t stem = -1;   ///< Term of the word's stem.
  std::int32_t exact = -1;  ///< Term of the word as written (phrases can ask for "=word").
};

/// Everything one scan found; owned by a Scanner and overwritten by its next scan.
struct ScanResult {
  TokenBuffer words;                 ///< The text's tokens.
  std::vector<WordTerms> terms;      ///< Term ids of each token.
  std::vector<Match> matches;        ///< Cue matches, leftmost-longest, in text order.
  std::vector<Match> negations;      ///< Negation phrases found, in text order.
};

/// Cue phrases compiled into a trie over term ids; immutable and safe to share between threads.
/// Phrase words are stemmed like the input; a word written "=word" matches only that exact folded spelling.
class Matcher {
 public:
  /// Compiles every cue and negation phrase of the taxonomy; throws Error (with JSON pointers) for phrases
  /// that are empty after normalisation or that normalise to the same words as another cue's phrase.
  explicit Matcher(const Taxonomy& taxonomy);

  /// The compiled cues, indexed by Match::cue.
  [[nodiscard]] const std::vector<CompiledCue>& cues() const noexcept { return m_cues; }
  /// How many tokens a negation governs.
  [[nodiscard]] std::size_t negation_scope() const noexcept { return m_negation_scope; }
  /// The term id of a stem, or -1.
  [[nodiscard]] std::int32_t term_of_stem(std::string_view stem) const;
  /// True when the term is ignored while matching ("a", "the", ...).
  [[nodiscard]] bool is_skip_term(std::int32_t term) const noexcept;

  /// A trie node's terminal: which cue (or negation) ends here.
  static constexpr std::uint32_t kNoTerminal = 0xFFFFFFFFu;
  /// Marks a terminal that is a negation phrase rather than a cue.
  static constexpr std::uint32_t kNegationTerminal = 0xFFFFFFFEu;
  /// Marks a phrase that looks negative but negates nothing ("not only").
  static constexpr std::uint32_t kNeutralTerminal = 0xFFFFFFFDu;
  /// Child of a trie node by term, or 0 (the root is never a child).
  [[nodiscard]] std::uint32_t child(std::uint32_t node, std::int32_t term) const noexcept;
  /// The terminal of a node (a cue index, kNegationTerminal or kNoTerminal).
  [[nodiscard]] std::uint32_t terminal(std::uint32_t node) const noexcept { return m_terminals[node]; }

 private:
  std::int32_t intern(const std::string& stem);
  std::uint32_t add_phrase(const std::vector<std::int32_t>& terms, std::uint32_t terminal);
  std::uint32_t find_node(const std::vector<std::int32_t>& terms) const;

  std::vector<CompiledCue> m_cues;
  std::unordered_map<std::string, std::int32_t> m_stems;
  std::vector<bool> m_skip_terms;
  std::unordered_map<std::uint64_t, std::uint32_t> m_edges;
  std::vector<std::uint32_t> m_terminals;
  std::size_t m_negation_scope = 0;
};

/// Per-thread scanning state for one Matcher: stemmer, word-to-term cache and reusable buffers.
class Scanner {
 public:
  /// Prepares to scan with `matcher`, which must outlive the scanner.
  explicit Scanner(const Matcher& matcher);

  /// Finds cue matches and negations in `text`; the result stays valid until the next call.
  const ScanResult& scan(std::string_view text);
  /// The matcher this scanner uses.
  [[nodiscard]] const Matcher& matcher() const noexcept { return *m_matcher; }

 private:
  WordTerms terms_of_word(std::string_view folded);

  const Matcher* m_matcher;
  Stemmer m_stemmer;
  std::unordered_map<std::string, WordTerms> m_word_cache;
  std::vector<std::uint32_t> m_positions;
  std::vector<std::uint32_t> m_frontier;
  std::vector<std::uint32_t> m_next;
  ScanResult m_result;
};

}  // namespace rolecheck
