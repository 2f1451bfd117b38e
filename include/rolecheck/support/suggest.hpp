#pragma once
// "Did you mean ...?": the nearest valid word to a mistyped one.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one step each
/// (optimal string alignment), comparing ASCII letters case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Index of the candidate nearest to `word` by edit_distance (ties go to the earlier one) when it is at most
/// `max_edits` edits away; nullopt otherwise or when there is no candidate.
std::optional<std::size_t> nearest_within(std::string_view word, std::span<const std::string_view> candidates,
                                          std::size_t max_edits);

/// The candidate nearest to `word` when it is close enough to be a likely typo: at most max(1, n/3) edits
/// for a word of n characters (ignoring leading dashes), or `word` is the start of exactly one candidate.
/// Ties go to the earlier candidate; nullopt when nothing is close or `word` is itself a candidate.
std::optional<std::string> nearest_candidate(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace rolecheck
