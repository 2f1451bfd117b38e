#pragma once
// A bounded word-to-term cache: open addressing over hashes of the folded bytes, keys kept in one arena.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

/// A 64-bit finaliser (from MurmurHash3): spreads every input bit over the whole word.
constexpr std::uint64_t mix_hash64(std::uint64_t key) noexcept {
  key ^= key >> 33;
  key *= 0xFF51AFD7ED558CCDull;
  key ^= key >> 33;
  key *= 0xC4CEB9FE1A85EC53ull;
  key ^= key >> 33;
  return key;
}

/// The term ids of one word: by its stem and by its exact folded spelling (-1 when no phrase uses it).
struct WordTerms {
  std::int32_t stem = -1;   ///< Term of the word's stem.
  std::int32_t exact = -1;  ///< Term of the word as written (phrases can ask for "=word").
};

/// Maps folded words to their WordTerms without building a string per lookup; clears itself when full.
class WordCache {
 public:
  /// The cached terms of `word` (hash `hash`), or nullptr; `word` is followed by kFoldedPadding readable bytes.
  [[nodiscard]] const WordTerms* find(std::string_view word, std::uint64_t hash) const noexcept;
  /// Caches `terms` for `word` (not already cached; followed by kFoldedPadding readable bytes); clears everything
  /// first when full.
  void insert(std::string_view word, std::uint64_t hash, WordTerms terms);
  /// The hash find() and insert() expect; `word` is followed by kFoldedPadding readable bytes.
  [[nodiscard]] static std::uint64_t hash(std::string_view word) noexcept;

 private:
  struct Slot {
    std::uint64_t head = 0;    // the word's first (up to) 8 bytes, zero-filled: most words need no arena read
    std::uint32_t offset = 0;  // into m_arena
    std::uint32_t size = 0;    // 0: empty slot (the empty word is never cached)
    WordTerms terms;
  };
  void grow();
  std::vector<Slot> m_slots;
  std::string m_arena;
  std::size_t m_count = 0;
};

}  // namespace rolecheck
