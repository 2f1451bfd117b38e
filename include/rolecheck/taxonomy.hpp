#pragma once
// The taxonomy model: the article's four differences, both sides of each, and the cues that evidence them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

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

/// A rule the engine matches: phrases that, when found in a duty, evidence one side of one difference.
struct Cue {
  std::string id;                    ///< Stable identifier, unique across the taxonomy.
  Side side = Side::sales;           ///< The side this cue is evidence for.
  double weight = 1.0;               ///< How much evidence one match adds, in [0, 10].
  std::vector<std::string> phrases;  ///< Surface phrases; normalised and stemmed like the input.
  std::string rationale;             ///< One line tying the cue to the article.
  NegationEffect on_negation = NegationEffect::drop;  ///< What a governing negation does.
};

/// What the article says of one side of a difference.
struct SideView {
  std::string summary;              ///< A faithful condensation (a cell of the comparison table).
  std::vector<std::string> quotes;  ///< Verbatim supporting quotes from the article.
};

/// One of the article's four differences between sales and marketing.
struct Difference {
  std::string id;          ///< Stable identifier, e.g. "business_concept".
  std::string name;        ///< Human name, e.g. "Business concept".
  SideView sales;          ///< The sales side.
  SideView marketing;      ///< The marketing side.
  std::vector<Cue> cues;   ///< Cues evidencing either side of this difference.

  /// The view of the given side.
  [[nodiscard]] const SideView& view(Side side) const noexcept { return side == Side::sales ? sales : marketing; }
};

/// Decision thresholds; kept in the taxonomy so tuning never touches code.
struct Thresholds {
  double min_evidence = 1.0;   ///< Below this total weight the engine abstains (unknown).
  double mixed_share = 0.6;    ///< The winning side needs at least this share of the evidence, else mixed.
  double evidence_scale = 2.0; ///< Evidence at which confidence reaches 1 - 1/e of the share.
};

/// How negations are recognised.
struct NegationRules {
  std::vector<std::string> words;  ///< Negating words or phrases ("not", "no", "without", "non", ...).
  std::vector<std::string> exceptions;  ///< Phrases that look negative but negate nothing ("not only").
  std::size_t scope = 5;           ///< How many following tokens a negation governs (stops at clause breaks).
};

/// The whole taxonomy: the source of every decision rolecheck makes.
struct Taxonomy {
  std::string origin;                      ///< Where it was loaded from ("<embedded>" or a path), for diagnostics.
  int schema_version = 1;                  ///< Version of the file format.
  std::string title;                       ///< Title of the article it encodes.
  std::string source;                      ///< Where the article is.
  std::vector<Difference> differences;     ///< Exactly four, in article order.
  Thresholds thresholds;                   ///< Decision thresholds.
  NegationRules negation;                  ///< Negation words and scope.
  std::vector<std::string> skip_words;     ///< Words ignored when matching phrases ("a", "the", ...).

  /// Index of the difference with the given id or 1-based number ("1".."4"), or nullopt.
  [[nodiscard]] std::optional<std::size_t> find_difference(std::string_view id_or_number) const noexcept;
  /// Number of cues in all differences.
  [[nodiscard]] std::size_t cue_count() const noexcept;
};

}  // namespace rolecheck
