#include "rolecheck/matcher.hpp"

#include <bit>
#include <cstring>
#include <fmt/format.h>

#include "rolecheck/error.hpp"

namespace rolecheck {
namespace {

// Words longer than this are never cue words; they are not stemmed (bounds the per-token work).
constexpr std::size_t kMaxStemmedWordBytes = 48;
// The word cache is cleared when it grows past this many entries (bounds memory on odd input:
// at most 2 MiB of slots and 3 MiB of words per scanner).
constexpr std::size_t kMaxCachedWords = 1u << 16;

std::uint64_t edge_key(std::uint32_t node, std::int32_t term) noexcept {
  return (std::uint64_t{node} << 32) | static_cast<std::uint32_t>(term);
}

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

// A 64-bit finaliser (from MurmurHash3): spreads every input bit over the whole word.
std::uint64_t mix_key(std::uint64_t key) noexcept {
  key ^= key >> 33;
  key *= 0xFF51AFD7ED558CCDull;
  key ^= key >> 33;
  key *= 0xC4CEB9FE1A85EC53ull;
  key ^= key >> 33;
  return key;
}

}  // namespace

std::vector<std::string> phrase_stems(std::string_view phrase, const std::vector<std::string>& skip_words) {
  Stemmer stemmer;
  std::vector<std::string> stems;
  for (const auto& word : folded_words(phrase)) {
    bool skip = false;
    for (const auto& skip_word : skip_words) skip = skip || word == skip_word;
    if (!skip) stems.emplace_back(stemmer.stem(word));
  }
  return stems;
}

Matcher::Matcher(const Taxonomy& taxonomy) : m_negation_scope(taxonomy.negation.scope) {
  m_terminals.push_back(kNoTerminal);  // the root
  std::unordered_map<std::uint64_t, std::uint32_t> edges;
  Stemmer stemmer;
  for (const auto& word : taxonomy.skip_words) {
    for (const auto& folded : folded_words(word)) {
      const auto term = intern(std::string(stemmer.stem(folded)));
      m_skip_terms[static_cast<std::size_t>(term)] = true;
    }
  }
  std::vector<Diagnostic> problems;
  // Phrases share most of their words: stem each distinct folded word once.
  TokenBuffer words;
  WordCache stems_of_words;
  std::vector<std::int32_t> terms;
  // `where` builds the phrase's JSON pointer, only when the phrase is reported.
  const auto compile_phrase = [&](std::string_view phrase, std::uint32_t terminal, const auto& where) {
    terms.clear();
    tokenize(phrase, words);
    for (const auto& token : words.tokens) {
      const auto folded = words.word(token);
      const auto hash = WordCache::hash(folded);
      auto term = stems_of_words.find(folded, hash);
      if (term == WordCache::kMissing) {
        term = intern(std::string(stemmer.stem(folded)));
        stems_of_words.insert(folded, hash, term);
      }
      if (!is_skip_term(term)) terms.push_back(term);
    }
    if (terms.empty()) {
      problems.push_back(Diagnostic{"", 0, 0, where(),
                                    fmt::format("phrase \"{}\" has no words left after normalisation; "
                                                "use letters or digits that are not skip words",
                                                phrase),
                                    ""});
      return;
    }
    add_phrase(terms, terminal, edges);
  };
  for (std::size_t d = 0; d < taxonomy.differences.size(); ++d) {
    const auto& difference = taxonomy.differences[d];
    for (std::size_t c = 0; c < difference.cues.size(); ++c) {
      const auto& cue = difference.cues[c];
      const auto index = static_cast<std::uint32_t>(m_cues.size());
      m_cues.push_back(CompiledCue{cue.id, static_cast<std::uint32_t>(d), cue.side, cue.weight, cue.on_negation});
      for (std::size_t p = 0; p < cue.phrases.size(); ++p) {
        compile_phrase(cue.phrases[p], index,
                       [&] { return fmt::format("/differences/{}/cues/{}/phrases/{}", d, c, p); });
      }
    }
  }
  for (std::size_t i = 0; i < taxonomy.negation.words.size(); ++i) {
    compile_phrase(taxonomy.negation.words[i], kNegationTerminal, [&] { return fmt::format("/negation/words/{}", i); });
  }
  for (std::size_t i = 0; i < taxonomy.negation.exceptions.size(); ++i) {
    compile_phrase(taxonomy.negation.exceptions[i], kNeutralTerminal,
                   [&] { return fmt::format("/negation/exceptions/{}", i); });
  }
  if (!problems.empty()) throw Error(std::move(problems));
  freeze_edges(edges);
}

void Matcher::freeze_edges(const std::unordered_map<std::uint64_t, std::uint32_t>& edges) {
  m_root_children.assign(m_stems.size(), 0);
  std::size_t deep_edges = 0;
  for (const auto& [key, child] : edges) {
    if ((key >> 32) == 0) {
      m_root_children[key & 0xFFFFFFFFu] = child;
    } else {
      ++deep_edges;
    }
  }
  std::size_t capacity = 16;
  while (capacity < deep_edges * 2) capacity *= 2;
  m_edge_keys.assign(capacity, ~std::uint64_t{0});
  m_edge_children.assign(capacity, 0);
  m_edge_mask = capacity - 1;
  for (const auto& [key, child] : edges) {
    if ((key >> 32) == 0) continue;
    auto slot = mix_key(key) & m_edge_mask;
    while (m_edge_keys[slot] != ~std::uint64_t{0}) slot = (slot + 1) & m_edge_mask;
    m_edge_keys[slot] = key;
    m_edge_children[slot] = child;
  }
}

std::int32_t Matcher::intern(const std::string& stem) {
  const auto [it, inserted] = m_stems.try_emplace(stem, static_cast<std::int32_t>(m_stems.size()));
  if (inserted) m_skip_terms.push_back(false);
  return it->second;
}

void Matcher::add_phrase(const std::vector<std::int32_t>& terms, std::uint32_t terminal,
                         std::unordered_map<std::uint64_t, std::uint32_t>& edges) {
  std::uint32_t node = 0;
  for (const auto term : terms) {
    const auto [it, inserted] = edges.try_emplace(edge_key(node, term), static_cast<std::uint32_t>(m_terminals.size()));
    if (inserted) m_terminals.push_back(kNoTerminal);
    node = it->second;
  }
  // The first cue listing a phrase keeps it; cue phrases win over negation phrases.
  if (m_terminals[node] == kNoTerminal || m_terminals[node] >= kNeutralTerminal) {
    if (m_terminals[node] == kNoTerminal || terminal < kNeutralTerminal) m_terminals[node] = terminal;
  }
}

std::int32_t Matcher::term_of_stem(std::string_view stem) const {
  const auto it = m_stems.find(stem);
  return it == m_stems.end() ? -1 : it->second;
}

bool Matcher::is_skip_term(std::int32_t term) const noexcept {
  return term >= 0 && m_skip_terms[static_cast<std::size_t>(term)];
}

std::uint32_t Matcher::deep_child(std::uint32_t node, std::int32_t term) const noexcept {
  const auto key = edge_key(node, term);
  auto slot = mix_key(key) & m_edge_mask;
  for (;;) {
    const auto found = m_edge_keys[slot];
    if (found == key) return m_edge_children[slot];
    if (found == ~std::uint64_t{0}) return 0;
    slot = (slot + 1) & m_edge_mask;
  }
}

std::uint64_t WordCache::hash(std::string_view word) noexcept {
  // 8 bytes at a time (the padding makes the last load safe), each step a multiply and a shift.
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ word.size();
  for (std::size_t i = 0; i < word.size(); i += 8) {
    h = (h ^ load_chunk(word.data() + i, word.size() - i)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  return mix_key(h);
}

std::int32_t WordCache::find(std::string_view word, std::uint64_t hash) const noexcept {
  if (m_slots.empty()) return kMissing;
  const std::size_t mask = m_slots.size() - 1;
  for (auto slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
    const auto& entry = m_slots[slot];
    if (entry.size == 0) return kMissing;
    if (entry.tag == static_cast<std::uint32_t>(hash >> 32) && entry.size == word.size() &&
        same_padded(m_arena.data() + entry.offset, word.data(), word.size())) {
      return entry.term;
    }
  }
}

void WordCache::insert(std::string_view word, std::uint64_t hash, std::int32_t term) {
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
  m_slots[slot] = Slot{static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(m_arena.size()),
                       static_cast<std::uint32_t>(word.size()), term};
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

Scanner::Scanner(const Matcher& matcher) : m_matcher(&matcher) {}

std::int32_t Scanner::term_of_word(std::string_view folded) {
  if (folded.size() > kMaxStemmedWordBytes) return -1;
  const auto hash = WordCache::hash(folded);
  if (const auto cached = m_word_cache.find(folded, hash); cached != WordCache::kMissing) return cached;
  const auto term = m_matcher->term_of_stem(m_stemmer.stem(folded));
  m_word_cache.insert(folded, hash, term);
  return term;
}

const ScanResult& Scanner::scan(std::string_view text) {
  auto& result = m_result;
  tokenize(text, result.words);
  const auto& tokens = result.words.tokens;
  result.terms.clear();
  result.matches.clear();
  result.negations.clear();
  m_positions.clear();
  bool pending_break = false;
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    const auto term = term_of_word(result.words.word(tokens[i]));
    result.terms.push_back(term);
    pending_break = pending_break || tokens[i].clause_start;
    if (m_matcher->is_skip_term(term)) continue;
    // A clause break before a skipped word still separates the words around it.
    m_positions.push_back(i | (pending_break ? 0x80000000u : 0u));
    pending_break = false;
  }
  const auto token_of = [&](std::size_t k) { return m_positions[k] & 0x7FFFFFFFu; };
  const auto breaks_before = [&](std::size_t k) { return (m_positions[k] & 0x80000000u) != 0; };

  std::size_t k = 0;
  while (k < m_positions.size()) {
    std::uint32_t node = 0;
    std::uint32_t best_terminal = Matcher::kNoTerminal;
    std::size_t best_end = k;
    for (std::size_t j = k; j < m_positions.size(); ++j) {
      if (j > k && breaks_before(j)) break;
      node = m_matcher->child(node, result.terms[token_of(j)]);
      if (node == 0) break;
      if (m_matcher->terminal(node) != Matcher::kNoTerminal) {
        best_terminal = m_matcher->terminal(node);
        best_end = j;
      }
    }
    if (best_terminal == Matcher::kNoTerminal) {
      ++k;
      continue;
    }
    Match match;
    match.first_token = token_of(k);
    match.last_token = token_of(best_end);
    match.begin = tokens[match.first_token].begin;
    match.end = tokens[match.last_token].end;
    if (best_terminal == Matcher::kNegationTerminal) {
      result.negations.push_back(match);
    } else if (best_terminal != Matcher::kNeutralTerminal) {
      match.cue = best_terminal;
      result.matches.push_back(match);
    }
    k = best_end + 1;
  }

  // Each negation governs the cue matches that start within its scope and in the same clause.
  const auto scope = m_matcher->negation_scope();
  std::size_t next_negation = 0;
  for (auto& match : result.matches) {
    while (next_negation < result.negations.size() &&
           result.negations[next_negation].last_token + scope < match.first_token) {
      ++next_negation;
    }
    for (std::size_t n = next_negation; n < result.negations.size(); ++n) {
      const auto& negation = result.negations[n];
      if (negation.last_token >= match.first_token) break;
      if (negation.last_token + scope < match.first_token) continue;
      bool crosses_clause = false;
      for (auto t = negation.last_token + 1; t <= match.first_token && !crosses_clause; ++t) {
        crosses_clause = tokens[t].clause_start;
      }
      if (!crosses_clause) {
        match.negated = true;
        match.negation = static_cast<std::uint32_t>(n);
      }
    }
  }
  return result;
}

}  // namespace rolecheck
