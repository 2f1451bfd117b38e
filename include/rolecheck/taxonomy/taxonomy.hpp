#pragma once
// The taxonomy model: the article's four differences, both sides of each, and the cues that evidence them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

/// The phrase chunk that stands for any one word, between two words of a phrase ("close * deals").
inline constexpr std::string_view kPhraseWildcard = "*";

/// Calls `on_chunk` with each blank-separated chunk of a phrase, in order: words, "=word" exact spellings, "*".
template <class OnChunk>
void for_each_phrase_chunk(std::string_view phrase, OnChunk&& on_chunk) {
  for (std::size_t start = 0; start < phrase.size();) {
    auto end = phrase.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = phrase.size();
    on_chunk(phrase.substr(start, end - start));
    start = end + 1;
  }
}

/// Number of differences in a taxonomy (the article has exactly four; the validator enforces it).
inline constexpr std::size_t kDifferenceCount = 4;

/// The difference index a compiled other-work cue carries (one past the four differences).
inline constexpr std::uint32_t kOtherWorkDifference = 4;

/// The two jobs the article separates.
enum class Side : std::uint8_t { sales = 0, marketing = 1 };

/// The other side ("flip" negation turns evidence for one side into evidence for the other).
constexpr Side opposite(Side side) noexcept { return side == Side::sales ? Side::marketing : Side::sales; }

/// "sales" or "marketing".
std::string_view side_name(Side side) noexcept;

/// Parses "sales" or "marketing"; anything else gives nullopt.
std::optional<Side> parse_side(std::string_view text) noexcept;

/// What a negation ("not", "without", "non-") does to a cue it governs.
enum class NegationEffect : std::uint8_t { drop, flip };

/// What a cue's match says about a duty: that it is sales or marketing work, only how work is done, or
/// that it is other work.
enum class CueRole : std::uint8_t {
  core,     ///< The duty is this side's work (selling, marketing): core evidence can make a label.
  support,  ///< How work is done (skills, generic verbs and nouns): tips sales vs marketing, never makes a label.
  other,    ///< The duty is work that is neither (stock, records, repairs, ...): evidence for the label other.
};

/// "core", "support" or "other".
std::string_view cue_role_name(CueRole role) noexcept;

/// A rule the engine matches: phrases that, when found in a duty, evidence one side of one difference.
struct Cue {
  std::string id;                                     ///< Stable identifier, unique across the taxonomy.
  Side side = Side::sales;                            ///< The side this cue is evidence for.
  double weight = 1.0;                                ///< How much evidence one match adds, in [0, 10].
  std::vector<std::string> phrases;                   ///< Surface phrases; normalised and stemmed like the input.
  std::string rationale;                              ///< One line tying the cue to the article.
  NegationEffect on_negation = NegationEffect::drop;  ///< What a governing negation does.
  CueRole role = CueRole::core;  ///< Core or support in a difference; other in the other-work list.
};

/// What the article says of one side of a difference.
struct SideView {
  std::string summary;              ///< A faithful condensation (a cell of the comparison table).
  std::vector<std::string> quotes;  ///< Verbatim supporting quotes from the article.
};

/// One of the article's four differences between sales and marketing.
struct Difference {
  std::string id;         ///< Stable identifier, e.g. "business_concept".
  std::string name;       ///< Human name, e.g. "Business concept".
  SideView sales;         ///< The sales side.
  SideView marketing;     ///< The marketing side.
  std::vector<Cue> cues;  ///< Cues evidencing either side of this difference.

  /// The view of the given side.
  [[nodiscard]] const SideView& view(Side side) const noexcept { return side == Side::sales ? sales : marketing; }
};

/// The work that is neither sales nor marketing, and the cues that evidence it (ANNOTATION.md's "other").
struct OtherWork {
  std::string summary;              ///< What counts as other work.
  std::vector<std::string> quotes;  ///< The article's words on skills that are not the core of either job.
  std::vector<Cue> cues;            ///< Cues whose match says the duty is other work (role other; side unused).
};

/// Decision thresholds; kept in the taxonomy so tuning never touches code.
struct Thresholds {
  double min_evidence = 1.0;       ///< Core evidence a duty needs to be sales or marketing work; below it: other.
  double mixed_share = 0.6;        ///< The winning side needs at least this share of the evidence, else mixed.
  double evidence_scale = 2.0;     ///< Evidence at which confidence reaches 1 - 1/e of the share.
  double other_share = 0.5;        ///< Other work wins when it holds at least this share of all evidence.
  double support_credit = 0.0;     ///< Share of a side's support that counts toward min_evidence once it has core.
  double other_prior = 1.0;        ///< Evidence of other work assumed in every duty (for the confidence of other).
  double review_confidence = 0.0;  ///< A label with a lower confidence is flagged for a person to review.
  double review_margin = 0.0;      ///< A label whose margin over the runner-up is lower is flagged for review.
};

/// How negations are recognised.
struct NegationRules {
  std::vector<std::string> words;       ///< Negating words or phrases ("not", "no", "without", "non", ...).
  std::vector<std::string> exceptions;  ///< Phrases that look negative but negate nothing ("not only").
  std::vector<std::string> after;       ///< Phrases that negate the words before them ("is not required").
  std::size_t scope = 5;  ///< How many tokens a negation governs, after it or before it (stops at clause breaks).
};

/// The whole taxonomy: the source of every decision rolecheck makes.
struct Taxonomy {
  std::string origin;                   ///< Where it was loaded from ("<embedded>" or a path), for diagnostics.
  int schema_version = 1;               ///< Version of the file format.
  std::string title;                    ///< Title of the article it encodes.
  std::string source;                   ///< Where the article is.
  std::vector<Difference> differences;  ///< Exactly four, in article order.
  Thresholds thresholds;                ///< Decision thresholds.
  NegationRules negation;               ///< Negation words and scope.
  std::vector<std::string> skip_words;  ///< Words ignored when matching phrases ("a", "the", ...).
  OtherWork other_work;                 ///< Work that is neither, and its cues.
  std::vector<std::string> ignore;      ///< Phrases that match and evidence nothing ("on call", ...).

  /// Index of the difference with the given id or 1-based number ("1".."4"), or nullopt.
  [[nodiscard]] std::optional<std::size_t> find_difference(std::string_view id_or_number) const noexcept;
  /// Number of cues in all differences and the other-work list.
  [[nodiscard]] std::size_t cue_count() const noexcept;
};

}  // namespace rolecheck
