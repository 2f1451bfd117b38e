#include "io/context.hpp"

#include <cstdlib>

#include "rolecheck/engine/taxonomy_snapshot.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

namespace rolecheck::cli {

std::string Context::taxonomy_name() const {
  if (!options.taxonomy_path.empty()) return options.taxonomy_path;
  const char* env = std::getenv("ROLECHECK_TAXONOMY");
  if (env != nullptr && *env != '\0') return env;
  return "<embedded>";
}

CompiledTaxonomy load_named_taxonomy(const std::string& name) {
  if (name == "<embedded>") return read_taxonomy_snapshot(embedded_taxonomy_snapshot(), name);
  CompiledTaxonomy compiled;
  compiled.taxonomy = std::make_shared<const Taxonomy>(load_taxonomy_file(name));
  // Compiled here, so every subcommand refuses what `taxonomy validate` refuses (phrases that normalise to
  // nothing or to another's words), even those that never match a duty (`table`, `taxonomy show`).
  compiled.matcher = std::make_shared<const Matcher>(*compiled.taxonomy);
  return compiled;
}

bool Context::taxonomy_from_environment() const {
  const char* env = std::getenv("ROLECHECK_TAXONOMY");
  return options.taxonomy_path.empty() && env != nullptr && *env != '\0';
}

Diagnostic taxonomy_environment_note() {
  return Diagnostic{"",
                    0,
                    0,
                    "",
                    "note: the taxonomy was named by the ROLECHECK_TAXONOMY environment variable; fix the file, "
                    "unset the variable, or give --taxonomy FILE",
                    ""};
}

const CompiledTaxonomy& Context::taxonomy() {
  if (m_taxonomy.taxonomy) return m_taxonomy;
  try {
    m_taxonomy = load_named_taxonomy(taxonomy_name());
  } catch (const Error& error) {
    if (!taxonomy_from_environment()) throw;
    auto problems = error.diagnostics();
    problems.push_back(taxonomy_environment_note());
    throw Error(std::move(problems));
  }
  return m_taxonomy;
}

}  // namespace rolecheck::cli
