#pragma once
// "Did you mean ...?": the nearest valid word to a mistyped one.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one step each
/// (optimal string alignment), comparing ASCII letters case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` when it is close enough to be a likely typo: at most max(1, n/3) edits
/// for a word of n characters (ignoring leading dashes), or `word` is the start of exactly one candidate.
/// Ties go to the earlier candidate; nullopt when nothing is close or `word` is itself a candidate.
std::optional<std::string> nearest_candidate(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace rolecheck
