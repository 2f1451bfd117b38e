#include "rolecheck/text/word_cache.hpp"

#include <bit>
#include <cstring>

#include "rolecheck/text/text.hpp"

namespace rolecheck {
namespace {

// The cache is cleared when it holds this many words, which bounds its memory on odd input: at most
// 2 * kMaxCachedWords slots of 24 bytes (768 KiB), and kMaxCachedWords words of at most 48 bytes (the
// longest the scanner caches) plus kFoldedPadding each (896 KiB of arena), per scanner.
constexpr std::size_t kMaxCachedWords = 1u << 14;

// The first min(size, 8) bytes at `p` as a number, other bytes zero; `p` has 8 readable bytes.
std::uint64_t load_chunk(const char* p, std::size_t size) noexcept {
  std::uint64_t chunk = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&chunk, p, 8);
    if (size < 8) chunk &= (std::uint64_t{1} << (8 * size)) - 1;
  } else {
    for (std::size_t i = 0; i < size && i < 8; ++i) chunk |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  return chunk;
}

// True when the `size` bytes at `a` and `b` are equal; both have kFoldedPadding readable bytes after them.
bool same_padded(const char* a, const char* b, std::size_t size) noexcept {
  for (std::size_t i = 0; i < size; i += 8) {
    if (load_chunk(a + i, size - i) != load_chunk(b + i, size - i)) return false;
  }
  return true;
}

}  // namespace

std::uint64_t WordCache::hash(std::string_view word) noexcept {
  // 8 bytes at a time (the padding makes the last load safe), each step a multiply and a shift.
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ word.size();
  for (std::size_t i = 0; i < word.size(); i += 8) {
    h = (h ^ load_chunk(word.data() + i, word.size() - i)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  return mix_hash64(h);
}

const WordTerms* WordCache::find(std::string_view word, std::uint64_t hash) const noexcept {
  if (m_slots.empty()) return nullptr;
  const std::size_t mask = m_slots.size() - 1;
  const auto head = load_chunk(word.data(), word.size());
  for (auto slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
    const auto& entry = m_slots[slot];
    if (entry.size == 0) return nullptr;
    // The head holds all of a word of up to 8 bytes; only the rest of a longer one is compared in the arena.
    if (entry.head == head && entry.size == word.size() &&
        (word.size() <= 8 || same_padded(m_arena.data() + entry.offset + 8, word.data() + 8, word.size() - 8))) {
      return &entry.terms;
    }
  }
}

void WordCache::insert(std::string_view word, std::uint64_t hash, WordTerms terms) {
  if (word.empty()) return;
  if (m_count >= kMaxCachedWords) {
    m_slots.assign(m_slots.size(), Slot{});
    m_arena.clear();
    m_count = 0;
  }
  if ((m_count + 1) * 2 > m_slots.size()) grow();
  const std::size_t mask = m_slots.size() - 1;
  auto slot = static_cast<std::size_t>(hash) & mask;
  while (m_slots[slot].size != 0) slot = (slot + 1) & mask;
  m_slots[slot] = Slot{load_chunk(word.data(), word.size()), static_cast<std::uint32_t>(m_arena.size()),
                       static_cast<std::uint32_t>(word.size()), terms};
  m_arena.append(word);
  m_arena.append(kFoldedPadding, '\0');
  ++m_count;
}

void WordCache::grow() {
  std::vector<Slot> old(m_slots.empty() ? 1024 : m_slots.size() * 2);
  old.swap(m_slots);
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = 0; i < old.size(); ++i) {
    const auto& entry = old[i];
    if (entry.size == 0) continue;
    // Rehash from the stored word: the slot index came from the low half, which is not kept.
    auto slot = static_cast<std::size_t>(hash(std::string_view(m_arena.data() + entry.offset, entry.size))) & mask;
    while (m_slots[slot].size != 0) slot = (slot + 1) & mask;
    m_slots[slot] = entry;
  }
}

}  // namespace rolecheck
