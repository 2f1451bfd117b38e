#include "rolecheck/support/suggest.hpp"

#include <algorithm>
#include <limits>

namespace rolecheck {
namespace {

char fold(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view without_dashes(std::string_view word) noexcept {
  while (!word.empty() && word.front() == '-') word.remove_prefix(1);
  return word;
}

bool starts_with_folded(std::string_view text, std::string_view prefix) noexcept {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (fold(text[i]) != fold(prefix[i])) return false;
  }
  return true;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rolling rows: two back (for swaps), previous and current.
  std::vector<std::size_t> before(m + 1);
  std::vector<std::size_t> previous(m + 1);
  std::vector<std::size_t> current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<std::size_t> nearest_within(std::string_view word, std::span<const std::string_view> candidates,
                                          std::size_t max_edits) {
  std::optional<std::size_t> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::size_t distance = edit_distance(word, candidates[i]);
    if (distance < best_distance) {
      best_distance = distance;
      best = i;
    }
  }
  if (best_distance > max_edits) return std::nullopt;
  return best;
}

std::optional<std::string> nearest_candidate(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string_view bare = without_dashes(word);
  if (bare.empty()) return std::nullopt;
  std::vector<std::string_view> bare_candidates;
  const std::string* prefix_of = nullptr;
  std::size_t prefix_count = 0;
  for (const auto& candidate : candidates) {
    if (edit_distance(word, candidate) == 0) return std::nullopt;
    bare_candidates.push_back(without_dashes(candidate));
    if (bare.size() >= 2 && word.size() - bare.size() == candidate.size() - bare_candidates.back().size() &&
        starts_with_folded(candidate, word)) {
      prefix_of = &candidate;
      ++prefix_count;
    }
  }
  const std::size_t allowed = std::max<std::size_t>(1, bare.size() / 3);
  if (const auto nearest = nearest_within(bare, bare_candidates, allowed)) return candidates[*nearest];
  if (prefix_count == 1) return *prefix_of;
  return std::nullopt;
}

}  // namespace rolecheck
