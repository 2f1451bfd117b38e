#pragma once
// The compiled cue matcher: cue phrases turned into a trie over stemmed-word ids, built once and shared.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rolecheck/taxonomy/taxonomy.hpp"
#include "rolecheck/text/stemmer.hpp"
#include "rolecheck/text/text.hpp"
#include "rolecheck/text/word_cache.hpp"

namespace rolecheck {

/// What the matcher keeps of a cue: enough to score it and to explain it.
struct CompiledCue {
  std::string id;                                     ///< The cue's stable id.
  std::uint32_t difference = 0;                       ///< Index of its difference (0..3); 4 for other work.
  Side side = Side::sales;                            ///< The side it evidences.
  double weight = 0.0;                                ///< Evidence one match adds.
  NegationEffect on_negation = NegationEffect::drop;  ///< What a governing negation does.
  CueRole role = CueRole::core;                       ///< Core, support, or other work.

  /// Field-by-field equality (tests compare restored matchers with compiled ones).
  friend bool operator==(const CompiledCue&, const CompiledCue&) = default;
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
  bool backward = false;          ///< For a negation: it governs the words before it ("is not required").
};

/// Everything one scan found; owned by a Scanner and overwritten by its next scan.
struct ScanResult {
  TokenBuffer words;             ///< The text's tokens.
  std::vector<WordTerms> terms;  ///< Term ids of each token.
  std::vector<Match> matches;    ///< Cue matches, leftmost-longest, in text order.
  std::vector<Match> negations;  ///< Negation phrases found (forward and backward), in text order.
};

/// Cue phrases compiled into a trie over term ids; immutable and safe to share between threads.
/// Phrase words are stemmed like the input; a word written "=word" matches only that exact folded spelling.
class Matcher {
 public:
  /// Everything a compiled matcher holds, as flat arrays: what the build-time snapshot stores and restores.
  struct Tables {
    std::vector<CompiledCue> cues;             ///< The compiled cues, indexed by Match::cue.
    std::string stem_arena;                    ///< Every term's text ("stem" or "=exact"), back to back.
    std::vector<std::uint32_t> stem_offsets;   ///< Term t is stem_arena[offsets[t], offsets[t + 1]).
    std::vector<std::int32_t> stem_slots;      ///< Open addressing by fnv1a_64 of the text: a term or -1.
    std::vector<std::uint8_t> skip_terms;      ///< 1 for terms ignored while matching ("a", "the", ...).
    std::vector<std::uint32_t> root_children;  ///< Child of the root by term (0: none).
    std::vector<std::uint64_t> edge_keys;      ///< Open addressing over (node << 32 | term); ~0 is empty.
    std::vector<std::uint32_t> edge_children;  ///< The child of each edge_keys slot.
    std::vector<std::uint32_t> terminals;      ///< By node: a cue index, a k*Terminal mark or kNoTerminal.
    std::uint64_t negation_scope = 0;          ///< How many tokens a negation governs.

    /// Field-by-field equality.
    friend bool operator==(const Tables&, const Tables&) = default;
  };

  /// Compiles every cue and negation phrase of the taxonomy; throws Error (with JSON pointers) for phrases
  /// that are empty after normalisation or that normalise to the same words as another cue's phrase.
  explicit Matcher(const Taxonomy& taxonomy);
  /// Adopts tables compiled earlier (the build-time snapshot); throws Error if they are inconsistent,
  /// so that no corrupt table can make a scan read out of bounds.
  explicit Matcher(Tables tables);

  /// The flat tables, for writing a snapshot.
  [[nodiscard]] const Tables& tables() const noexcept { return m_tables; }
  /// The compiled cues, indexed by Match::cue.
  [[nodiscard]] const std::vector<CompiledCue>& cues() const noexcept { return m_tables.cues; }
  /// How many tokens a negation governs.
  [[nodiscard]] std::size_t negation_scope() const noexcept { return m_tables.negation_scope; }
  /// The term id of a stem, or -1.
  [[nodiscard]] std::int32_t term_of_stem(std::string_view stem) const;
  /// True when the term is ignored while matching ("a", "the", ...).
  [[nodiscard]] bool is_skip_term(std::int32_t term) const noexcept;
  /// The term of the "*" chunk (any one word that is not a skip word), or -1 when no phrase has one.
  [[nodiscard]] std::int32_t wildcard_term() const noexcept { return m_wildcard_term; }

  /// A trie node's terminal: which cue (or negation) ends here.
  static constexpr std::uint32_t kNoTerminal = 0xFFFFFFFFu;
  /// Marks a terminal that is a negation phrase rather than a cue.
  static constexpr std::uint32_t kNegationTerminal = 0xFFFFFFFEu;
  /// Marks a phrase that looks negative but negates nothing ("not only").
  static constexpr std::uint32_t kNeutralTerminal = 0xFFFFFFFDu;
  /// Marks a negation phrase that governs the words before it ("is not required").
  static constexpr std::uint32_t kBackwardNegationTerminal = 0xFFFFFFFCu;
  /// Child of a trie node by term, or 0 (the root is never a child).
  [[nodiscard]] std::uint32_t child(std::uint32_t node, std::int32_t term) const noexcept {
    if (term < 0) return 0;
    if (node == 0) return m_tables.root_children[static_cast<std::size_t>(term)];
    return deep_child(node, term);
  }
  /// True when a trie node has a "*" edge (found once at construction, not stored in the snapshot).
  [[nodiscard]] bool has_wildcard_child(std::uint32_t node) const noexcept { return m_wildcard_parents[node] != 0; }
  /// False for a word that is by itself a negation or an other-work phrase: it never fills a "*".
  [[nodiscard]] bool may_fill_wildcard(const WordTerms& word) const noexcept {
    const auto blocked = [&](std::int32_t term) {
      return term >= 0 && m_wildcard_blocked[static_cast<std::size_t>(term)] != 0;
    };
    return !blocked(word.stem) && !blocked(word.exact);
  }
  /// The terminal of a node (a cue index, one of the k*Terminal marks, or kNoTerminal).
  [[nodiscard]] std::uint32_t terminal(std::uint32_t node) const noexcept { return m_tables.terminals[node]; }

 private:
  using StemIds = std::unordered_map<std::string, std::int32_t>;
  std::int32_t intern(StemIds& ids, const std::string& stem);
  std::uint32_t add_phrase(const std::vector<std::int32_t>& terms, std::uint32_t terminal,
                           std::unordered_map<std::uint64_t, std::uint32_t>& edges);
  void freeze_stems(const StemIds& ids);
  void freeze_edges(const std::unordered_map<std::uint64_t, std::uint32_t>& edges);
  void check_tables() const;
  void derive_wildcard_tables();  // the "*" term, the nodes with a "*" edge, the words that never fill one
  [[nodiscard]] std::uint32_t deep_child(std::uint32_t node, std::int32_t term) const noexcept;

  Tables m_tables;
  std::uint64_t m_stem_mask = 0;
  std::uint64_t m_edge_mask = 0;
  std::uint32_t m_last_node = 0;  // the node add_phrase() last ended at (compile time only)
  std::int32_t m_wildcard_term = -1;
  std::vector<std::uint8_t> m_wildcard_parents;  // by node: 1 when it has a "*" edge
  std::vector<std::uint8_t> m_wildcard_blocked;  // by term: 1 when the word may not fill a "*"
};

/// A taxonomy together with the matcher compiled from it; the embedded snapshot restores both at once,
/// so nothing is compiled at start-up. Converts to the taxonomy where only the model is wanted.
struct CompiledTaxonomy {
  std::shared_ptr<const Taxonomy> taxonomy;  ///< The model (never null).
  std::shared_ptr<const Matcher> matcher;    ///< Compiled from exactly `taxonomy`, or null to compile on demand.

  /// The model.
  operator const Taxonomy&() const noexcept { return *taxonomy; }  // NOLINT(google-explicit-constructor)
};

class Classifier;

/// Per-thread scanning and deciding state for one Matcher: stemmer, word-to-term cache and reusable buffers.
class Scanner {
 public:
  /// Prepares to scan with `matcher`, which must outlive the scanner.
  explicit Scanner(const Matcher& matcher);

  /// Finds cue matches and negations in `text`; the result stays valid until the next call.
  const ScanResult& scan(std::string_view text);
  /// The matcher this scanner uses.
  [[nodiscard]] const Matcher& matcher() const noexcept { return *m_matcher; }

 private:
  friend class Classifier;  // decides with m_repeats
  WordTerms terms_of_word(std::string_view folded);

  const Matcher* m_matcher;
  Stemmer m_stemmer;
  WordCache m_word_cache;
  std::vector<std::uint32_t> m_positions;
  std::string m_exact_key;
  ScanResult m_result;
  std::vector<std::uint32_t> m_repeats;  // Classifier's scratch: matches so far per cue and side, zero between duties
};

}  // namespace rolecheck
