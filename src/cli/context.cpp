#include "context.hpp"

#include <cstdlib>

#include "rolecheck/taxonomy_io.hpp"
#include "rolecheck/taxonomy_snapshot.hpp"

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
  return compiled;
}

const CompiledTaxonomy& Context::taxonomy() {
  if (!m_taxonomy.taxonomy) m_taxonomy = load_named_taxonomy(taxonomy_name());
  return m_taxonomy;
}

}  // namespace rolecheck::cli
