#pragma once
// Reading, validating and writing taxonomy files (JSON, parsed with nlohmann_json in the .cpp files only).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy.hpp"

namespace rolecheck {

/// Caps checked before any work, so a hostile or mistaken file cannot exhaust memory or stack.
struct TaxonomyLimits {
  std::size_t max_bytes = 8u << 20;    ///< Largest accepted file.
  std::size_t max_depth = 32;          ///< Deepest JSON nesting.
  std::size_t max_cues = 20000;        ///< Most cues in all differences.
  std::size_t max_phrase_bytes = 200;  ///< Longest phrase.
  std::size_t max_phrase_tokens = 8;   ///< Most words in a phrase.
  std::size_t max_values = 500000;     ///< Most JSON values (bounds the memory of the parsed tree).
  std::size_t max_problems = 1000;     ///< Problems listed before the validator gives up.
};

/// The outcome of validating a taxonomy: the model when valid, and every problem found.
struct TaxonomyParseResult {
  Taxonomy taxonomy;                 ///< Meaningful only when problems is empty.
  std::vector<Diagnostic> problems;  ///< Every problem, with a line/column or JSON pointer.
  /// True when the JSON parsed and every list element reached `taxonomy`, so its indices are the file's even
  /// when problems were found (a later check, the Matcher's, can then locate its own problems in that model).
  bool intact = false;
  /// True when no problem was found.
  [[nodiscard]] bool ok() const noexcept { return problems.empty(); }
};

/// Parses and validates taxonomy JSON text; `source_name` names it in diagnostics. Never throws on bad input.
TaxonomyParseResult parse_taxonomy(std::string_view text, std::string_view source_name,
                                   const TaxonomyLimits& limits = {});

/// Reads a taxonomy file and validates it; problems reading the file are reported as diagnostics too.
TaxonomyParseResult read_taxonomy_file(const std::string& path, const TaxonomyLimits& limits = {});

/// Loads a taxonomy or throws Error listing every problem.
Taxonomy load_taxonomy_file(const std::string& path);

/// The taxonomy compiled into the binary (generated from data/taxonomy.json at build time).
std::string_view embedded_taxonomy_json() noexcept;

/// Parses the embedded taxonomy (throws Error only if the build embedded an invalid file).
Taxonomy load_embedded_taxonomy();

/// Serialises a taxonomy back to JSON text (the form `rolecheck taxonomy show --format json` prints).
std::string taxonomy_to_json(const Taxonomy& taxonomy, int indent = 2);

}  // namespace rolecheck
