#pragma once
// What every subcommand shares: the global options and the taxonomy they select.

#include <string>

#include "rolecheck/engine/matcher.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy.hpp"

namespace rolecheck::cli {

/// Options that apply to every subcommand.
struct GlobalOptions {
  std::string taxonomy_path;   ///< --taxonomy FILE; empty means ROLECHECK_TAXONOMY or the embedded default.
  std::string color = "auto";  ///< --color auto|always|never.
};

/// The taxonomy named `name`: "<embedded>" is the built-in one, restored with its matcher from the
/// build-time snapshot; anything else is a file, parsed and validated (its matcher compiled later by the
/// Classifier that uses it). Throws Error if it cannot be read or is invalid.
CompiledTaxonomy load_named_taxonomy(const std::string& name);

/// The note added to problems of a taxonomy named by ROLECHECK_TAXONOMY, saying so and what to do.
Diagnostic taxonomy_environment_note();

/// Shared state of one run: global options and the taxonomy, loaded once on first use.
class Context {
 public:
  /// The options parsed from the command line.
  GlobalOptions options;

  /// The taxonomy chosen by --taxonomy, then ROLECHECK_TAXONOMY, then the embedded default; throws Error if invalid.
  /// The embedded one comes with its matcher (restored from the build-time snapshot); a file's is compiled
  /// by the Classifier that uses it. Converts to `const Taxonomy&`.
  const CompiledTaxonomy& taxonomy();
  /// Name of the taxonomy in use ("<embedded>" or a path), for messages and --version.
  std::string taxonomy_name() const;
  /// True when the taxonomy in use was named by ROLECHECK_TAXONOMY (no --taxonomy given).
  [[nodiscard]] bool taxonomy_from_environment() const;

 private:
  CompiledTaxonomy m_taxonomy;
};

}  // namespace rolecheck::cli
