#include "rolecheck/engine/matcher.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "rolecheck/support/digest.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

// Words longer than this are never cue words; they are not stemmed (bounds the per-token work).
constexpr std::size_t kMaxStemmedWordBytes = 48;
// Most trie nodes alive at once during one walk (exact, stem and wildcard edges can branch).
constexpr std::size_t kMaxFrontier = 64;

std::uint64_t edge_key(std::uint32_t node, std::int32_t term) noexcept {
  return (std::uint64_t{node} << 32) | static_cast<std::uint32_t>(term);
}

// Where a phrase came from, kept for every trie node that ends a phrase so clashes can name both.
struct PhraseOrigin {
  std::string (*describe)(const PhraseOrigin&) = nullptr;
  std::size_t a = 0, b = 0, c = 0;
};
std::string cue_phrase_pointer(const PhraseOrigin& o) {
  return fmt::format("/differences/{}/cues/{}/phrases/{}", o.a, o.b, o.c);
}
std::string other_work_phrase_pointer(const PhraseOrigin& o) {
  return fmt::format("/other_work/cues/{}/phrases/{}", o.b, o.c);
}
std::string ignore_pointer(const PhraseOrigin& o) { return fmt::format("/ignore/{}", o.a); }
std::string negation_word_pointer(const PhraseOrigin& o) { return fmt::format("/negation/words/{}", o.a); }
std::string negation_exception_pointer(const PhraseOrigin& o) { return fmt::format("/negation/exceptions/{}", o.a); }
std::string negation_after_pointer(const PhraseOrigin& o) { return fmt::format("/negation/after/{}", o.a); }
// Negation words and exceptions may share a phrase (the first listed wins); nothing else may.
bool may_share_phrase(std::uint32_t a, std::uint32_t b) {
  const auto sharable = [](std::uint32_t t) {
    return t == Matcher::kNegationTerminal || t == Matcher::kNeutralTerminal;
  };
  return a == b || (sharable(a) && sharable(b));
}
}  // namespace

Matcher::Matcher(const Taxonomy& taxonomy) {
  m_tables.negation_scope = taxonomy.negation.scope;
  m_tables.terminals.push_back(kNoTerminal);  // the root
  std::unordered_map<std::uint64_t, std::uint32_t> edges;
  StemIds ids;
  Stemmer stemmer;
  for (const auto& word : taxonomy.skip_words) {
    for (const auto& folded : folded_words(word)) {
      const auto term = intern(ids, std::string(stemmer.stem(folded)));
      m_tables.skip_terms[static_cast<std::size_t>(term)] = 1;
    }
  }
  std::vector<Diagnostic> problems;
  std::vector<PhraseOrigin> origins;  // by trie node: where the phrase ending there came from
  // Phrases share most of their words: stem each distinct folded word once.
  TokenBuffer words;
  WordCache stems_of_words;
  std::vector<std::int32_t> terms;
  std::int32_t wildcard = -1;  // the term of "*", once a phrase has one
  const auto compile_phrase = [&](std::string_view phrase, std::uint32_t terminal, const PhraseOrigin& origin) {
    const auto problem = [&](std::string message) {
      problems.push_back(Diagnostic{taxonomy.origin, 0, 0, origin.describe(origin), std::move(message), ""});
    };
    terms.clear();
    // Words are stemmed; a chunk written "=word" must match the folded word exactly (no stemming); "*" any one word.
    for_each_phrase_chunk(phrase, [&](std::string_view chunk) {
      if (chunk == kPhraseWildcard) {
        if (wildcard < 0) wildcard = intern(ids, std::string(kPhraseWildcard));
        terms.push_back(wildcard);
        return;
      }
      const bool exact = !chunk.empty() && chunk.front() == '=';
      tokenize(exact ? chunk.substr(1) : chunk, words);
      for (const auto& token : words.tokens) {
        const auto folded = words.word(token);
        if (exact) {
          terms.push_back(intern(ids, "=" + std::string(folded)));
          continue;
        }
        const auto hash = WordCache::hash(folded);
        const auto* cached = stems_of_words.find(folded, hash);
        const auto term = cached != nullptr ? cached->stem : intern(ids, std::string(stemmer.stem(folded)));
        if (cached == nullptr) stems_of_words.insert(folded, hash, WordTerms{term, -1});
        if (m_tables.skip_terms[static_cast<std::size_t>(term)] == 0) terms.push_back(term);
      }
    });
    if (terms.empty()) {
      problem(
          fmt::format("phrase \"{}\" has no words left after normalisation; use letters or digits that are not "
                      "skip words",
                      phrase));
      return;
    }
    if (wildcard >= 0 && (terms.front() == wildcard || terms.back() == wildcard)) {
      problem(
          fmt::format("phrase \"{}\" starts or ends with \"*\"; a \"*\" stands for one word between two words "
                      "of the phrase: remove it there",
                      phrase));
      return;
    }
    const auto previous = add_phrase(terms, terminal, edges);
    origins.resize(m_tables.terminals.size());
    auto& first = origins[m_last_node];
    if (previous == kNoTerminal) {
      first = origin;
    } else if (!may_share_phrase(previous, terminal)) {
      problem(
          fmt::format("phrase \"{}\" normalises to the same words as {}; it can never match here: remove one of "
                      "the two",
                      phrase, first.describe(first)));
    }
  };
  for (std::size_t d = 0; d < taxonomy.differences.size(); ++d) {
    const auto& difference = taxonomy.differences[d];
    for (std::size_t c = 0; c < difference.cues.size(); ++c) {
      const auto& cue = difference.cues[c];
      const auto index = static_cast<std::uint32_t>(m_tables.cues.size());
      m_tables.cues.push_back(
          CompiledCue{cue.id, static_cast<std::uint32_t>(d), cue.side, cue.weight, cue.on_negation, cue.role});
      for (std::size_t p = 0; p < cue.phrases.size(); ++p) {
        compile_phrase(cue.phrases[p], index, PhraseOrigin{cue_phrase_pointer, d, c, p});
      }
    }
  }
  for (std::size_t c = 0; c < taxonomy.other_work.cues.size(); ++c) {
    const auto& cue = taxonomy.other_work.cues[c];
    const auto index = static_cast<std::uint32_t>(m_tables.cues.size());
    m_tables.cues.push_back(
        CompiledCue{cue.id, kOtherWorkDifference, Side::sales, cue.weight, NegationEffect::drop, CueRole::other});
    for (std::size_t p = 0; p < cue.phrases.size(); ++p) {
      compile_phrase(cue.phrases[p], index, PhraseOrigin{other_work_phrase_pointer, 0, c, p});
    }
  }
  for (std::size_t i = 0; i < taxonomy.ignore.size(); ++i) {
    compile_phrase(taxonomy.ignore[i], kNeutralTerminal, PhraseOrigin{ignore_pointer, i});
  }
  for (std::size_t i = 0; i < taxonomy.negation.words.size(); ++i) {
    compile_phrase(taxonomy.negation.words[i], kNegationTerminal, PhraseOrigin{negation_word_pointer, i});
  }
  for (std::size_t i = 0; i < taxonomy.negation.exceptions.size(); ++i) {
    compile_phrase(taxonomy.negation.exceptions[i], kNeutralTerminal, PhraseOrigin{negation_exception_pointer, i});
  }
  for (std::size_t i = 0; i < taxonomy.negation.after.size(); ++i) {
    compile_phrase(taxonomy.negation.after[i], kBackwardNegationTerminal, PhraseOrigin{negation_after_pointer, i});
  }
  if (!problems.empty()) throw Error(std::move(problems));
  freeze_stems(ids);
  freeze_edges(edges);
  derive_wildcard_tables();
}

Matcher::Matcher(Tables tables) : m_tables(std::move(tables)) {
  check_tables();
  m_stem_mask = m_tables.stem_slots.size() - 1;
  m_edge_mask = m_tables.edge_keys.size() - 1;
  derive_wildcard_tables();
}

void Matcher::derive_wildcard_tables() {
  m_wildcard_term = term_of_stem(kPhraseWildcard);
  m_wildcard_parents.assign(m_tables.terminals.size(), 0);
  m_wildcard_blocked.assign(m_tables.root_children.size(), 0);
  if (m_wildcard_term < 0) return;
  // A word that is by itself a negation or other-work phrase ("no", "suppliers") never fills a "*": the slot would
  // hide it ("close no deals", "negotiate supplier deals" are not selling).
  for (std::size_t term = 0; term < m_tables.root_children.size(); ++term) {
    const auto node = m_tables.root_children[term];
    if (node == 0) continue;
    const auto terminal = m_tables.terminals[node];
    const bool negation = terminal == kNegationTerminal || terminal == kBackwardNegationTerminal;
    const bool other_work = terminal < m_tables.cues.size() && m_tables.cues[terminal].role == CueRole::other;
    m_wildcard_blocked[term] = negation || other_work ? 1 : 0;
  }
  for (const auto key : m_tables.edge_keys) {
    const auto parent = key >> 32;  // bounded here: check_tables() bounds an edge's child, not its parent
    if (key != ~std::uint64_t{0} && static_cast<std::int32_t>(key & 0xFFFFFFFFu) == m_wildcard_term &&
        parent < m_wildcard_parents.size()) {
      m_wildcard_parents[parent] = 1;
    }
  }
}

void Matcher::check_tables() const {
  const auto& t = m_tables;
  const auto fail = [](const char* what) {
    throw Error(fmt::format("the compiled matcher tables are corrupt ({}); rebuild rolecheck", what));
  };
  const auto power_of_two = [](std::size_t n) { return n != 0 && (n & (n - 1)) == 0; };
  const std::size_t term_count = t.skip_terms.size();
  if (t.stem_offsets.size() != term_count + 1 || t.root_children.size() != term_count) fail("term counts differ");
  if (term_count >= 0x7FFFFFFFu) fail("too many terms");
  if (t.stem_offsets.front() != 0 || t.stem_offsets.back() != t.stem_arena.size()) fail("stem offsets");
  for (std::size_t i = 1; i < t.stem_offsets.size(); ++i) {
    if (t.stem_offsets[i] < t.stem_offsets[i - 1]) fail("stem offsets");
  }
  if (!power_of_two(t.stem_slots.size())) fail("stem slots");
  bool stem_slot_free = false;
  for (const auto slot : t.stem_slots) {
    if (slot >= static_cast<std::int64_t>(term_count) || slot < -1) fail("stem slot");
    stem_slot_free = stem_slot_free || slot == -1;
  }
  if (!stem_slot_free) fail("no free stem slot");
  if (t.terminals.empty() || t.terminals.size() >= 0xFFFFFFFFu) fail("no root");
  for (const auto terminal : t.terminals) {
    if (terminal < kBackwardNegationTerminal && terminal >= t.cues.size()) fail("terminal");
  }
  for (const auto child : t.root_children) {
    if (child >= t.terminals.size()) fail("root child");
  }
  if (!power_of_two(t.edge_keys.size()) || t.edge_children.size() != t.edge_keys.size()) fail("edge slots");
  bool edge_slot_free = false;
  for (std::size_t i = 0; i < t.edge_keys.size(); ++i) {
    if (t.edge_children[i] >= t.terminals.size()) fail("edge child");
    edge_slot_free = edge_slot_free || t.edge_keys[i] == ~std::uint64_t{0};
  }
  if (!edge_slot_free) fail("no free edge slot");
  for (const auto& cue : t.cues) {
    if (cue.side != Side::sales && cue.side != Side::marketing) fail("cue side");
    if (cue.on_negation != NegationEffect::drop && cue.on_negation != NegationEffect::flip) fail("cue negation");
    if (cue.role != CueRole::core && cue.role != CueRole::support && cue.role != CueRole::other) fail("cue role");
    if ((cue.difference == kOtherWorkDifference) != (cue.role == CueRole::other)) fail("cue difference");
    if (cue.difference > kOtherWorkDifference) fail("cue difference");
  }
}

void Matcher::freeze_stems(const StemIds& ids) {
  const std::size_t term_count = ids.size();
  std::vector<const std::string*> texts(term_count);
  for (const auto& [text, term] : ids) texts[static_cast<std::size_t>(term)] = &text;
  auto& t = m_tables;
  t.stem_offsets.assign(1, 0);
  for (const auto* text : texts) {
    t.stem_arena += *text;
    t.stem_offsets.push_back(static_cast<std::uint32_t>(t.stem_arena.size()));
  }
  std::size_t capacity = 16;
  while (capacity < term_count * 2) capacity *= 2;
  t.stem_slots.assign(capacity, -1);
  m_stem_mask = capacity - 1;
  for (std::size_t term = 0; term < term_count; ++term) {
    auto slot = fnv1a_64(*texts[term]) & m_stem_mask;
    while (t.stem_slots[slot] != -1) slot = (slot + 1) & m_stem_mask;
    t.stem_slots[slot] = static_cast<std::int32_t>(term);
  }
}

void Matcher::freeze_edges(const std::unordered_map<std::uint64_t, std::uint32_t>& edges) {
  auto& t = m_tables;
  t.root_children.assign(t.skip_terms.size(), 0);
  std::size_t deep_edges = 0;
  for (const auto& [key, child] : edges) {
    if ((key >> 32) == 0) {
      t.root_children[key & 0xFFFFFFFFu] = child;
    } else {
      ++deep_edges;
    }
  }
  std::size_t capacity = 16;
  while (capacity < deep_edges * 2) capacity *= 2;
  t.edge_keys.assign(capacity, ~std::uint64_t{0});
  t.edge_children.assign(capacity, 0);
  m_edge_mask = capacity - 1;
  // Insert in key order: the slots then do not depend on the hash map's iteration order.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> deep;
  deep.reserve(deep_edges);
  for (const auto& [key, child] : edges) {
    if ((key >> 32) != 0) deep.emplace_back(key, child);
  }
  std::sort(deep.begin(), deep.end());
  for (const auto& [key, child] : deep) {
    auto slot = mix_hash64(key) & m_edge_mask;
    while (t.edge_keys[slot] != ~std::uint64_t{0}) slot = (slot + 1) & m_edge_mask;
    t.edge_keys[slot] = key;
    t.edge_children[slot] = child;
  }
}

std::int32_t Matcher::intern(StemIds& ids, const std::string& stem) {
  const auto [it, inserted] = ids.try_emplace(stem, static_cast<std::int32_t>(ids.size()));
  if (inserted) m_tables.skip_terms.push_back(0);
  return it->second;
}

std::uint32_t Matcher::add_phrase(const std::vector<std::int32_t>& terms, std::uint32_t terminal,
                                  std::unordered_map<std::uint64_t, std::uint32_t>& edges) {
  std::uint32_t node = 0;
  for (const auto term : terms) {
    const auto [it, inserted] =
        edges.try_emplace(edge_key(node, term), static_cast<std::uint32_t>(m_tables.terminals.size()));
    if (inserted) m_tables.terminals.push_back(kNoTerminal);
    node = it->second;
  }
  m_last_node = node;
  // The first phrase to reach a node keeps it; the caller reports a clash.
  const auto previous = m_tables.terminals[node];
  if (previous == kNoTerminal) m_tables.terminals[node] = terminal;
  return previous;
}

std::int32_t Matcher::term_of_stem(std::string_view stem) const {
  const auto& t = m_tables;
  auto slot = fnv1a_64(stem) & m_stem_mask;
  for (;;) {
    const auto term = t.stem_slots[slot];
    if (term < 0) return -1;
    const auto begin = t.stem_offsets[static_cast<std::size_t>(term)];
    const auto end = t.stem_offsets[static_cast<std::size_t>(term) + 1];
    if (std::string_view(t.stem_arena).substr(begin, end - begin) == stem) return term;
    slot = (slot + 1) & m_stem_mask;
  }
}

bool Matcher::is_skip_term(std::int32_t term) const noexcept {
  return term >= 0 && m_tables.skip_terms[static_cast<std::size_t>(term)] != 0;
}

std::uint32_t Matcher::deep_child(std::uint32_t node, std::int32_t term) const noexcept {
  const auto key = edge_key(node, term);
  auto slot = mix_hash64(key) & m_edge_mask;
  for (;;) {
    const auto found = m_tables.edge_keys[slot];
    if (found == key) return m_tables.edge_children[slot];
    if (found == ~std::uint64_t{0}) return 0;
    slot = (slot + 1) & m_edge_mask;
  }
}

Scanner::Scanner(const Matcher& matcher) : m_matcher(&matcher) {}

WordTerms Scanner::terms_of_word(std::string_view folded) {
  if (folded.size() > kMaxStemmedWordBytes) return {};
  const auto hash = WordCache::hash(folded);
  if (const auto* cached = m_word_cache.find(folded, hash); cached != nullptr) return *cached;
  m_exact_key.assign(1, '=');
  m_exact_key.append(folded);
  const WordTerms terms{m_matcher->term_of_stem(m_stemmer.stem(folded)), m_matcher->term_of_stem(m_exact_key)};
  m_word_cache.insert(folded, hash, terms);
  return terms;
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
    const auto terms = terms_of_word(result.words.word(tokens[i]));
    result.terms.push_back(terms);
    pending_break = pending_break || tokens[i].clause_start;
    if (m_matcher->is_skip_term(terms.stem)) continue;
    // A clause break before a skipped word still separates the words around it.
    m_positions.push_back(i | (pending_break ? 0x80000000u : 0u));
    pending_break = false;
  }
  const auto token_of = [&](std::size_t k) { return m_positions[k] & 0x7FFFFFFFu; };
  const auto breaks_before = [&](std::size_t k) { return (m_positions[k] & 0x80000000u) != 0; };

  // Most words start no phrase: their root children are looked up directly, before any walk is set up.
  const auto wildcard = m_matcher->wildcard_term();  // -1 when no phrase has a "*": child() then finds nothing
  std::array<std::uint32_t, kMaxFrontier> frontier_nodes;
  std::array<std::uint32_t, kMaxFrontier> next_nodes;
  std::size_t k = 0;
  while (k < m_positions.size()) {
    const auto& first = result.terms[token_of(k)];
    const auto root_exact = m_matcher->child(0, first.exact);
    const auto root_stem = m_matcher->child(0, first.stem);
    if ((root_exact | root_stem) == 0) {
      ++k;
      continue;
    }
    // Walk the trie from position k; a word can follow its exact edge and its stem edge, so the walk
    // keeps a small frontier of nodes. The longest phrase wins; at equal length, the exact one.
    std::uint32_t best_terminal = Matcher::kNoTerminal;
    std::size_t best_end = k;
    auto* frontier = frontier_nodes.data();
    auto* next = next_nodes.data();
    std::size_t frontier_size = 0;
    for (const auto node : {root_exact, root_stem}) {
      if (node != 0) frontier[frontier_size++] = node;
    }
    for (std::size_t j = k;;) {
      for (std::size_t n = 0; n < frontier_size; ++n) {
        const auto terminal = m_matcher->terminal(frontier[n]);
        if (terminal != Matcher::kNoTerminal) {
          best_terminal = terminal;
          best_end = j;
          break;
        }
      }
      if (++j == m_positions.size() || breaks_before(j)) break;
      const auto& terms = result.terms[token_of(j)];
      const bool fills_wildcard = wildcard >= 0 && m_matcher->may_fill_wildcard(terms);
      std::size_t next_size = 0;
      for (std::size_t n = 0; n < frontier_size; ++n) {
        for (const auto term : {terms.exact, terms.stem}) {
          const auto child = m_matcher->child(frontier[n], term);
          if (child != 0 && next_size < kMaxFrontier) next[next_size++] = child;
        }
        if (fills_wildcard && m_matcher->has_wildcard_child(frontier[n])) {
          const auto child = m_matcher->child(frontier[n], wildcard);
          if (child != 0 && next_size < kMaxFrontier) next[next_size++] = child;
        }
      }
      if (next_size == 0) break;
      std::swap(frontier, next);
      frontier_size = next_size;
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
    if (best_terminal == Matcher::kNegationTerminal || best_terminal == Matcher::kBackwardNegationTerminal) {
      match.backward = best_terminal == Matcher::kBackwardNegationTerminal;
      result.negations.push_back(match);
    } else if (best_terminal != Matcher::kNeutralTerminal) {
      match.cue = best_terminal;
      result.matches.push_back(match);
    }
    k = best_end + 1;
  }

  // Each forward negation governs the cue matches that start within its scope and in the same clause.
  const auto scope = m_matcher->negation_scope();
  const auto crosses_clause = [&](std::uint32_t from, std::uint32_t to) {  // a break before a token in (from, to]
    for (auto t = from + 1; t <= to; ++t) {
      if (tokens[t].clause_start) return true;
    }
    return false;
  };
  std::size_t next_negation = 0;
  for (auto& match : result.matches) {
    while (next_negation < result.negations.size() &&
           result.negations[next_negation].last_token + scope < match.first_token) {
      ++next_negation;
    }
    for (std::size_t n = next_negation; n < result.negations.size(); ++n) {
      const auto& negation = result.negations[n];
      if (negation.last_token >= match.first_token) break;
      if (negation.backward || negation.last_token + scope < match.first_token) continue;
      if (!crosses_clause(negation.last_token, match.first_token)) {
        match.negated = true;
        match.negation = static_cast<std::uint32_t>(n);
      }
    }
  }
  // A backward negation ("is not required") governs the cue matches that end within its scope before it and
  // in the same clause; a match a forward negation already governs stays as it is (never negated twice).
  std::size_t next_backward = 0;
  for (auto& match : result.matches) {
    while (next_backward < result.negations.size() &&
           (!result.negations[next_backward].backward ||
            result.negations[next_backward].first_token <= match.last_token)) {
      ++next_backward;
    }
    if (match.negated || next_backward == result.negations.size()) continue;
    const auto& negation = result.negations[next_backward];
    if (match.last_token + scope < negation.first_token) continue;
    if (!crosses_clause(match.last_token, negation.first_token)) {
      match.negated = true;
      match.negation = static_cast<std::uint32_t>(next_backward);
    }
  }
  return result;
}

}  // namespace rolecheck
