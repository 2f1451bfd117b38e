#pragma once
// Small taxonomies built in code, so unit tests state exactly the cues they exercise.

#include <string>
#include <vector>

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/taxonomy/taxonomy.hpp"

namespace rolecheck::testing {

/// A cue for tests.
inline Cue make_cue(std::string id, Side side, double weight, std::vector<std::string> phrases,
                    NegationEffect on_negation = NegationEffect::drop) {
  Cue cue;
  cue.id = std::move(id);
  cue.side = side;
  cue.weight = weight;
  cue.phrases = std::move(phrases);
  cue.rationale = "test";
  cue.on_negation = on_negation;
  return cue;
}

/// A cue that only says how work is done (role support).
inline Cue make_support_cue(std::string id, Side side, double weight, std::vector<std::string> phrases) {
  Cue cue = make_cue(std::move(id), side, weight, std::move(phrases));
  cue.role = CueRole::support;
  return cue;
}

/// A cue of the other-work list.
inline Cue make_other_cue(std::string id, double weight, std::vector<std::string> phrases) {
  Cue cue = make_cue(std::move(id), Side::sales, weight, std::move(phrases));
  cue.role = CueRole::other;
  return cue;
}

/// A four-difference taxonomy whose differences hold the given cues (others empty).
inline Taxonomy make_taxonomy(std::vector<Cue> core_cues, std::vector<Cue> purpose_cues = {}) {
  Taxonomy taxonomy;
  for (const char* id : {"business_concept", "core_capabilities", "execution_capabilities", "essential_purpose"}) {
    Difference difference;
    difference.id = id;
    difference.name = id;
    difference.sales.summary = "s";
    difference.marketing.summary = "m";
    taxonomy.differences.push_back(difference);
  }
  taxonomy.differences[1].cues = std::move(core_cues);
  taxonomy.differences[3].cues = std::move(purpose_cues);
  taxonomy.negation.words = {"not", "no", "without", "non", "rather than"};
  taxonomy.negation.exceptions = {"not only"};
  taxonomy.negation.scope = 5;
  taxonomy.skip_words = {"a", "an", "the"};
  return taxonomy;
}

/// A match of cue `cue` for tests: its side, negated or not, at bytes [begin, end) of the text.
inline Reason make_reason(std::uint32_t cue, bool negated = false, Side side = Side::sales, std::uint32_t begin = 0,
                          std::uint32_t end = 0) {
  return Reason{.cue = cue, .side = side, .begin = begin, .end = end, .negated = negated};
}

}  // namespace rolecheck::testing
