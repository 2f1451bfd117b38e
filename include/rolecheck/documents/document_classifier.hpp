#pragma once
// The document classifier: labels every duty of a job description and gives the role a verdict.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "rolecheck/documents/document.hpp"
#include "rolecheck/engine/classifier.hpp"

namespace rolecheck {

/// The verdict on a whole job description: a sales role, a marketing role, not a sales or marketing role,
/// both, or nothing to judge. The order matches Label's (hybrid where Label has mixed).
enum class RoleLabel : std::uint8_t { sales, marketing, other, hybrid, unknown };

/// Number of role labels (the same as of line labels, index for index).
inline constexpr std::size_t kRoleLabelCount = 5;
static_assert(kRoleLabelCount == kLabelCount &&
                  static_cast<std::size_t>(RoleLabel::hybrid) == static_cast<std::size_t>(Label::mixed) &&
                  static_cast<std::size_t>(RoleLabel::other) == static_cast<std::size_t>(Label::other),
              "RoleLabel indexes the same counters as Label");

/// "sales", "marketing", "other", "hybrid" or "unknown".
std::string_view role_label_name(RoleLabel label) noexcept;

/// True for the verdicts that say which way a role leans (sales, marketing, hybrid): only for them do the vote
/// shares and each difference's side describe the document. For other and unknown they would describe a few
/// stray duties, so the outputs leave them out (null, "-"), keeping the evidence itself (docs/output.md).
bool has_role_leaning(RoleLabel label) noexcept;

/// How duties vote; defaults measured on pseudo-documents built from the dev data (scripts/eval_documents.py).
/// They live here rather than in the taxonomy until the taxonomy parser grows a "document" key.
struct DocumentOptions {
  double hybrid_share = 0.45;         ///< Hybrid needs the smaller side to hold at least this share of the votes...
  double hybrid_lean_share = 0.35;    ///< ...and at least this share of the duties labelled sales or marketing...
  std::size_t hybrid_min_duties = 2;  ///< ...and at least this many such duties on each side.
  double title_weight = 3.0;          ///< A title line labelled sales, marketing or mixed counts this many duties.
  double requirement_weight = 0.5;    ///< A requirements/qualifications line's vote counts this much.
  double intro_weight = 0.5;          ///< An intro line's vote, when the document also has a duties section.
  double duty_cap = 4.0;              ///< A duty votes its evidence per side, at most this much.
  double vote_scale = 4.0;            ///< Votes at which the confidence reaches 1 - 1/e of the winning share.
  double min_role_duties = 1.0;       ///< Fewer weighted duties labelled sales or marketing than this: other.
  double confirm_role_duties = 2.0;   ///< Below this many, the role also needs min_role_evidence...
  double min_role_evidence = 1.0;     ///< ...core evidence per voting duty (each duty's capped at duty_cap).
  double work_scale = 2.0;            ///< Voting duties at which the confidence of other reaches 1 - 1/e of its share.
  double review_confidence = 0.3;     ///< A verdict with a lower confidence is flagged for a person to review.
  double review_margin = 0.3;         ///< A verdict whose margin (DocumentResult::margin) is lower is flagged.
};

/// One duty of the document and its line-mode classification (reason and other-work spans relative to the document).
struct DutyResult {
  Duty duty;                 ///< Where the duty is and its section.
  Classification result;     ///< Its label, scores and reasons.
  double vote_weight = 0.0;  ///< How much this duty's vote counts (0: boilerplate or unknown).
};

/// What one of the four differences says about the role.
struct DifferenceVerdict {
  std::array<double, 2> evidence{};  ///< Summed evidence for sales and marketing over voting duties.
  bool has_evidence = false;         ///< True when any voting duty carried evidence for this difference.
  Side side = Side::sales;           ///< The side with more evidence (valid when has_evidence).
  std::size_t duty = 0;              ///< Index of the duty holding the strongest evidence for that side.
  Reason strongest;                  ///< That evidence (span relative to the document), listed or not.
};

/// Duties listed per document: every duty is classified and votes, the first this many are kept in
/// DocumentResult::duties and the rest only counted, so a record stays bounded whatever the document.
inline constexpr std::size_t kMaxListedDuties = 1000;

/// The verdict on one document.
struct DocumentResult {
  RoleLabel label = RoleLabel::unknown;  ///< The role.
  double confidence = 0.0;               ///< In [0, 1]; see DocumentClassifier::classify.
  std::array<double, 2> shares{};        ///< Share of the vote for sales and marketing (sum 1, or 0 0).
  std::array<double, 2> votes{};         ///< Weighted votes for sales and marketing.
  std::array<std::size_t, 2> leaning{};  ///< Number of voting duties leaning to each side.
  std::array<double, 3> work{};  ///< Weighted voting duties labelled sales, marketing, other (mixed: half each side).
  std::array<double, 3> work_shares{};  ///< `work` as shares of all voting duties (sum 1, or 0 0 0).
  double role_evidence = 0.0;           ///< Core evidence of the sales and marketing duties per voting duty (weighted).
  double margin = 0.0;  ///< How clearly the verdict beats the runner-up (see DocumentClassifier::classify).
  bool review = false;  ///< True when a person should check the verdict (low confidence or margin, title alone).
  /// True when the verdict's confidence fell below the classifier's --min-confidence, so the label is unknown.
  bool below_min_confidence = false;
  std::array<DifferenceVerdict, kDifferenceCount> differences{};  ///< Per difference, in taxonomy order.
  std::vector<DutyResult> duties;  ///< The first kMaxListedDuties duties, in document order.
  std::size_t duty_count = 0;      ///< Every duty found, listed or not.
  std::size_t voting = 0;          ///< Duties whose vote counts (vote weight above 0), listed or not.
  std::size_t voting_body = 0;     ///< Of those, the duties outside the title: 0 when only the title voted.
  std::vector<Duty> split;         ///< Scratch space for the splitter, reused between documents.
};

/// Classifies whole documents with a line Classifier; immutable and shareable (each thread brings a Scanner).
class DocumentClassifier {
 public:
  /// Uses `classifier` (which must outlive this object) with the given voting options.
  explicit DocumentClassifier(const Classifier& classifier, DocumentOptions options = {});

  /// Splits `document`, labels each duty and decides the role into `out` (buffers reused).
  /// Every duty with a label but unknown counts as a duty of its kind times its section's weight
  /// (boilerplate never counts): with fewer than min_role_duties duties labelled sales or marketing, or
  /// fewer than confirm_role_duties and less than min_role_evidence core evidence per counted duty, the
  /// role is other. Otherwise the duties labelled sales, marketing or mixed vote their evidence (capped at
  /// DocumentOptions::duty_cap) for sales, marketing or hybrid; requirements count toward the
  /// execution-capabilities difference. Confidence: the winning share times 1 - exp(-votes / vote_scale);
  /// for hybrid, the balance of the two shares times the same saturation; for other, its share of the
  /// work times 1 - exp(-work / work_scale); 1 for a document with nothing to judge.
  /// Margin: for other, the share of other duties minus that of sales and marketing duties; for sales or marketing,
  /// the gap between the two vote shares; for hybrid, the minority vote share above hybrid_share; 0 for unknown.
  /// The verdict is flagged for review when its confidence is below review_confidence or its margin below
  /// review_margin, or when only the title voted (never for a document with nothing to judge).
  void classify(std::string_view document, Scanner& scanner, DocumentResult& out) const;

  /// The line classifier in use.
  [[nodiscard]] const Classifier& classifier() const noexcept { return *m_classifier; }
  /// The voting options in use.
  [[nodiscard]] const DocumentOptions& options() const noexcept { return m_options; }

 private:
  void vote(const DutyResult& entry, DocumentResult& out) const;
  [[nodiscard]] double vote_weight(const Duty& duty, std::string_view text, const Classification& result,
                                   bool has_duties_section) const;
  void decide(DocumentResult& out) const;
  void decide_verdict(DocumentResult& out) const;   // the label and confidence, from the work and votes
  void flag_for_review(DocumentResult& out) const;  // the margin and review flag of a decided verdict

  const Classifier* m_classifier;
  DocumentOptions m_options;
};

/// Index of the execution-capabilities difference (the article's third), which requirements evidence.
inline constexpr std::size_t kExecutionDifference = 2;

}  // namespace rolecheck
