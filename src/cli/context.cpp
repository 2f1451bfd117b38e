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

const CompiledTaxonomy& Context::taxonomy() {
  if (!m_taxonomy.taxonomy) {
    const std::string name = taxonomy_name();
    if (name == "<embedded>") {
      m_taxonomy = read_taxonomy_snapshot(embedded_taxonomy_snapshot(), name);
    } else {
      m_taxonomy.taxonomy = std::make_shared<const Taxonomy>(load_taxonomy_file(name));
    }
  }
  return m_taxonomy;
}

}  // namespace rolecheck::cli
