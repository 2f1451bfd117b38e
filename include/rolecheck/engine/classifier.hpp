#pragma once
// The classifier: turns cue matches into a label, a confidence and the reasons behind them.

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "rolecheck/engine/matcher.hpp"
#include "rolecheck/taxonomy/taxonomy.hpp"

namespace rolecheck {

/// The verdict on one duty: sales or marketing work, other work (neither), both in equal measure, or
/// nothing to judge.
enum class Label : std::uint8_t { sales, marketing, other, mixed, unknown };

/// Number of labels.
inline constexpr std::size_t kLabelCount = 5;

/// "sales", "marketing", "other", "mixed" or "unknown".
std::string_view label_name(Label label) noexcept;

/// Parses a label name; anything else gives nullopt.
std::optional<Label> parse_label(std::string_view text) noexcept;

/// Why a label was chosen, in one word; explains every label.
enum class Basis : std::uint8_t {
  evidence,         ///< Only one side has core evidence (sales or marketing).
  prevails,         ///< Both sides have core evidence; one carries clearly more (sales or marketing).
  conflict,         ///< Both sides carry core evidence with no clear winner (mixed).
  empty,            ///< The line has no words (unknown).
  no_evidence,      ///< No cue matched, or every match was negated away (other).
  support_only,     ///< Only evidence of how work is done, none that it is sales or marketing work (other).
  weak_evidence,    ///< Core evidence below the taxonomy's min_evidence (other).
  other_work,       ///< Evidence of other work outweighs the core evidence (other).
  low_confidence,   ///< A label whose confidence fell below --min-confidence (unknown).
  too_long,         ///< The line exceeded --max-line-bytes and was not read (unknown).
  support_against,  ///< Only one side has core evidence; the other has support evidence (sales or marketing).
  unreadable,       ///< A record that could not be read (missing text field, not JSON, ...): no duty (unknown).
};

/// A short phrase describing a basis ("no cue matched", ...).
std::string_view basis_description(Basis basis) noexcept;

/// One matched cue and what it contributed.
struct Reason {
  std::uint32_t cue = 0;         ///< Index into Matcher::cues().
  Side side = Side::sales;       ///< The side it counted for (after any flip; unused for other work).
  std::uint32_t begin = 0;       ///< Byte offset of the matched words in the text.
  std::uint32_t end = 0;         ///< One past the last matched byte.
  double weight = 0.0;           ///< Evidence added (halved for repeats, 0 for dropped negations).
  bool negated = false;          ///< A negation governed the match.
  CueRole role = CueRole::core;  ///< Core or support (a flipped negation is support), or other work.
};

/// Reasons listed per duty and kind (sales or marketing, other work): every match is scored, the first this many are
/// listed and the rest only counted (Classification::reasons_omitted), so a record stays bounded whatever the line.
inline constexpr std::size_t kMaxListedReasons = 32;

/// The full outcome for one duty.
struct Classification {
  Label label = Label::unknown;    ///< The verdict.
  Basis basis = Basis::empty;      ///< Why that verdict.
  double confidence = 0.0;         ///< In [0, 1]; see docs/scoring.md.
  double margin = 0.0;             ///< In [-1, 1]: how clearly the label beats the runner-up.
  bool review = false;             ///< True when a person should check the label (low confidence or margin).
  std::array<double, 2> scores{};  ///< Total evidence (core and support) for sales and marketing.
  std::array<double, 2> core{};    ///< Core evidence for sales and marketing (the work itself).
  double other = 0.0;              ///< Evidence that the duty is other work.
  std::array<std::array<double, 2>, kDifferenceCount> by_difference{};  ///< Evidence per difference and side.
  std::vector<Reason> reasons;            ///< The first kMaxListedReasons sales or marketing matches, in text order.
  std::vector<Reason> other_reasons;      ///< The first kMaxListedReasons other-work matches, in text order.
  std::size_t reasons_omitted = 0;        ///< Sales or marketing matches scored but not listed in `reasons`.
  std::size_t other_reasons_omitted = 0;  ///< Other-work matches scored but not listed in `other_reasons`.
  std::array<double, 2> strongest{};      ///< The largest weight of one match per side (every match counted).
  /// Per difference and side, the first match of the largest weight (weight 0: none), listed or not.
  std::array<std::array<Reason, 2>, kDifferenceCount> strongest_by_difference{};
};

/// Longest stretch of text one scan covers: Classifier::classify scans longer text in windows cut after a clause
/// break (in a stretch without one, after a space or other ASCII separator, which then acts as a clause break;
/// failing that, at a character boundary), so its buffers stay bounded whatever the length of the line.
inline constexpr std::size_t kScanWindowBytes = std::size_t{64} * 1024;

/// Options that adjust decisions without editing the taxonomy.
struct ClassifyOptions {
  double min_confidence = 0.0;  ///< Labels with a lower confidence become unknown (low_confidence).
};

/// Classifies duties with one taxonomy; immutable and shareable between threads (each thread brings a Scanner).
class Classifier {
 public:
  /// Compiles the taxonomy's cues; throws Error for cues that cannot be compiled.
  explicit Classifier(Taxonomy taxonomy, ClassifyOptions options = {});
  /// Shares a taxonomy and its matcher (compiling the matcher only when `compiled` has none).
  explicit Classifier(const CompiledTaxonomy& compiled, ClassifyOptions options = {});

  /// Classifies one duty into `out` (its buffers are reused), scanning with `scanner`; text longer than
  /// kScanWindowBytes is scanned window by window, so time and memory stay linear in its length.
  void classify(std::string_view text, Scanner& scanner, Classification& out) const;
  /// Fills `out` from an existing scan (for callers that need the scan too), counting repeats in `scratch`'s buffer
  /// (any scanner of this classifier's matcher; `scan` need not be its own).
  void decide(const ScanResult& scan, Scanner& scratch, Classification& out) const;
  /// Turns per-side evidence into a label, basis, confidence, margin and review flag (reasons untouched).
  void label_from_scores(Classification& out) const;
  /// Sets the margin and the review flag of a decided label from the taxonomy's review thresholds.
  void flag_for_review(Classification& out) const;
  /// Sets `out` to the record of a duty that was not read (`basis`: too_long or unreadable): unknown, with
  /// confidence 1 (nothing was classified, so nothing is in doubt) and flagged for review.
  void mark_unread(Basis basis, Classification& out) const;

  /// A scanner for this classifier's matcher, one per thread.
  [[nodiscard]] Scanner make_scanner() const { return Scanner(*m_matcher); }
  /// The taxonomy in use.
  [[nodiscard]] const Taxonomy& taxonomy() const noexcept { return *m_taxonomy; }
  /// The compiled matcher.
  [[nodiscard]] const Matcher& matcher() const noexcept { return *m_matcher; }
  /// The options in use.
  [[nodiscard]] const ClassifyOptions& options() const noexcept { return m_options; }

 private:
  void start(Scanner& scratch, Classification& out) const;
  void add_matches(const ScanResult& scan, std::uint32_t offset, std::vector<std::uint32_t>& repeats,
                   Classification& out) const;
  void finish(bool has_words, Classification& out) const;

  std::shared_ptr<const Taxonomy> m_taxonomy;
  std::shared_ptr<const Matcher> m_matcher;
  ClassifyOptions m_options;
};

}  // namespace rolecheck
