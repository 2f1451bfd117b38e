#pragma once
// What `rolecheck diff` writes: one record per changed line or document (text or JSON Lines) and
// the transition counts (a header in text, a final summary object in JSON Lines).

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "rolecheck/analysis/decision_diff.hpp"
#include "rolecheck/input/document_input.hpp"
#include "rolecheck/output/record_format.hpp"

namespace rolecheck::cli {

/// The output formats of `rolecheck diff`.
enum class DiffFormat : std::uint8_t { text, jsonl };

/// Label transitions, [old][new], indexed by Label (lines and duties) or RoleLabel (documents).
using Transitions = std::array<std::array<std::size_t, kLabelCount>, kLabelCount>;

/// What a diff run counted: records compared and changed, and the label transitions.
struct DiffTally {
  std::size_t records = 0;  ///< Lines or documents compared (documents that could not be read included).
  std::size_t changed =
      0;  ///< Records listed: a line whose label changed, a document whose verdict or any duty's label did.
  Transitions transitions{};       ///< Line labels or document verdicts that changed, old to new.
  std::size_t duties = 0;          ///< Document mode: duties compared.
  std::size_t duties_changed = 0;  ///< Document mode: duties whose label changed.
  Transitions duty_transitions{};  ///< Document mode: duty labels that changed, old to new.

  /// Adds another tally (a block's) to this one.
  void merge(const DiffTally& other) noexcept;
  /// Sets every count back to zero.
  void clear() noexcept { *this = DiffTally{}; }
};

/// Appends one changed line: origin, both labels and confidences, the text, and the cues that differ.
void append_line_change(std::string& out, DiffFormat format, const RecordOrigin& origin, std::string_view text,
                        const DecisionDiff& diff);

/// Appends one changed document: its id, both verdicts, and each duty whose label changed (`result` is
/// the new decision, whose duties the diff's indices refer to).
void append_document_change(std::string& out, DiffFormat format, const InputDocument& document,
                            const DocumentResult& result, const DocumentDiff& diff);

/// Appends the transition counts: text lines ("sales -> other: 12", then "N of M lines changed"), or
/// one JSON object {"summary": {...}} and a newline; `documents` names verdicts and duties.
void append_diff_summary(std::string& out, DiffFormat format, const DiffTally& tally, bool documents);

}  // namespace rolecheck::cli
