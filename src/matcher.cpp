#include "rolecheck/matcher.hpp"

#include <fmt/format.h>

#include "rolecheck/error.hpp"

namespace rolecheck {
namespace {

// Words longer than this are never cue words; they are not stemmed (bounds the per-token work).
constexpr std::size_t kMaxStemmedWordBytes = 48;
// The word cache is cleared when it grows past this many entries (bounds memory on odd input).
constexpr std::size_t kMaxCachedWords = 1u << 17;
// Most trie nodes alive at once during one walk (exact and stem edges can branch).
constexpr std::size_t kMaxFrontier = 64;

std::uint64_t edge_key(std::uint32_t node, std::int32_t term) noexcept {
  return (std::uint64_t{node} << 32) | static_cast<std::uint32_t>(term);
}

}  // namespace

Matcher::Matcher(const Taxonomy& taxonomy) : m_negation_scope(taxonomy.negation.scope) {
  m_terminals.push_back(kNoTerminal);  // the root
  Stemmer stemmer;
  for (const auto& word : taxonomy.skip_words) {
    for (const auto& folded : folded_words(word)) {
      const auto term = intern(std::string(stemmer.stem(folded)));
      m_skip_terms[static_cast<std::size_t>(term)] = true;
    }
  }
  std::vector<Diagnostic> problems;
  std::vector<std::string> terminal_origin(1);  // where each trie node's terminal phrase came from
  const auto compile_phrase = [&](std::string_view phrase, std::uint32_t terminal, const std::string& where) {
    std::vector<std::int32_t> terms;
    // Words are stemmed; a chunk written "=word" must match the folded word exactly (no stemming).
    std::size_t start = 0;
    while (start < phrase.size()) {
      auto end = phrase.find_first_of(" \t", start);
      if (end == std::string_view::npos) end = phrase.size();
      const auto chunk = phrase.substr(start, end - start);
      start = end + 1;
      const bool exact = !chunk.empty() && chunk.front() == '=';
      for (const auto& folded : folded_words(exact ? chunk.substr(1) : chunk)) {
        const auto term = exact ? intern("=" + folded) : intern(std::string(stemmer.stem(folded)));
        if (exact || !is_skip_term(term)) terms.push_back(term);
      }
    }
    if (terms.empty()) {
      problems.push_back(Diagnostic{taxonomy.origin, 0, 0, where,
                                    fmt::format("phrase \"{}\" has no words left after normalisation; "
                                                "use letters or digits that are not skip words",
                                                phrase),
                                    ""});
      return;
    }
    const auto previous = add_phrase(terms, terminal);
    terminal_origin.resize(m_terminals.size());
    if (previous == kNoTerminal) {
      terminal_origin[find_node(terms)] = where;
    } else if (previous != terminal && !(previous >= kNeutralTerminal && terminal >= kNeutralTerminal)) {
      problems.push_back(Diagnostic{taxonomy.origin, 0, 0, where,
                                    fmt::format("phrase \"{}\" normalises to the same words as {}; it can never "
                                                "match here: remove one of the two",
                                                phrase, terminal_origin[find_node(terms)]),
                                    ""});
    }
  };
  for (std::size_t d = 0; d < taxonomy.differences.size(); ++d) {
    const auto& difference = taxonomy.differences[d];
    for (std::size_t c = 0; c < difference.cues.size(); ++c) {
      const auto& cue = difference.cues[c];
      const auto index = static_cast<std::uint32_t>(m_cues.size());
      m_cues.push_back(CompiledCue{cue.id, static_cast<std::uint32_t>(d), cue.side, cue.weight, cue.on_negation});
      for (std::size_t p = 0; p < cue.phrases.size(); ++p) {
        compile_phrase(cue.phrases[p], index, fmt::format("/differences/{}/cues/{}/phrases/{}", d, c, p));
      }
    }
  }
  for (std::size_t i = 0; i < taxonomy.negation.words.size(); ++i) {
    compile_phrase(taxonomy.negation.words[i], kNegationTerminal, fmt::format("/negation/words/{}", i));
  }
  for (std::size_t i = 0; i < taxonomy.negation.exceptions.size(); ++i) {
    compile_phrase(taxonomy.negation.exceptions[i], kNeutralTerminal, fmt::format("/negation/exceptions/{}", i));
  }
  if (!problems.empty()) throw Error(std::move(problems));
}

std::int32_t Matcher::intern(const std::string& stem) {
  const auto [it, inserted] = m_stems.try_emplace(stem, static_cast<std::int32_t>(m_stems.size()));
  if (inserted) m_skip_terms.push_back(false);
  return it->second;
}

std::uint32_t Matcher::add_phrase(const std::vector<std::int32_t>& terms, std::uint32_t terminal) {
  std::uint32_t node = 0;
  for (const auto term : terms) {
    const auto [it, inserted] = m_edges.try_emplace(edge_key(node, term), static_cast<std::uint32_t>(m_terminals.size()));
    if (inserted) m_terminals.push_back(kNoTerminal);
    node = it->second;
  }
  // The first phrase to reach a node keeps it; the caller reports the clash.
  const auto previous = m_terminals[node];
  if (previous == kNoTerminal) m_terminals[node] = terminal;
  return previous;
}

std::uint32_t Matcher::find_node(const std::vector<std::int32_t>& terms) const {
  std::uint32_t node = 0;
  for (const auto term : terms) node = child(node, term);
  return node;
}

std::int32_t Matcher::term_of_stem(std::string_view stem) const {
  const auto it = m_stems.find(std::string(stem));
  return it == m_stems.end() ? -1 : it->second;
}

bool Matcher::is_skip_term(std::int32_t term) const noexcept {
  return term >= 0 && m_skip_terms[static_cast<std::size_t>(term)];
}

std::uint32_t Matcher::child(std::uint32_t node, std::int32_t term) const noexcept {
  if (term < 0) return 0;
  const auto it = m_edges.find(edge_key(node, term));
  return it == m_edges.end() ? 0 : it->second;
}

Scanner::Scanner(const Matcher& matcher) : m_matcher(&matcher) {}

WordTerms Scanner::terms_of_word(std::string_view folded) {
  if (folded.size() > kMaxStemmedWordBytes) return {};
  const std::string key(folded);
  if (const auto it = m_word_cache.find(key); it != m_word_cache.end()) return it->second;
  if (m_word_cache.size() >= kMaxCachedWords) m_word_cache.clear();
  const WordTerms terms{m_matcher->term_of_stem(m_stemmer.stem(folded)), m_matcher->term_of_stem("=" + key)};
  m_word_cache.emplace(key, terms);
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

  std::size_t k = 0;
  while (k < m_positions.size()) {
    // Walk the trie from position k; a word can follow its exact edge and its stem edge, so the walk
    // keeps a small frontier of nodes. The longest phrase wins; at equal length, the exact one.
    std::uint32_t best_terminal = Matcher::kNoTerminal;
    std::size_t best_end = k;
    m_frontier.assign(1, 0);
    for (std::size_t j = k; j < m_positions.size() && !m_frontier.empty(); ++j) {
      if (j > k && breaks_before(j)) break;
      const auto& terms = result.terms[token_of(j)];
      m_next.clear();
      for (const auto node : m_frontier) {
        for (const auto term : {terms.exact, terms.stem}) {
          const auto next = m_matcher->child(node, term);
          if (next != 0 && m_next.size() < kMaxFrontier) m_next.push_back(next);
        }
      }
      for (const auto node : m_next) {
        if (m_matcher->terminal(node) != Matcher::kNoTerminal) {
          best_terminal = m_matcher->terminal(node);
          best_end = j;
          break;
        }
      }
      m_frontier.swap(m_next);
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
