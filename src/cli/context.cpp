#include "context.hpp"

#include <cstdlib>

#include "rolecheck/taxonomy_io.hpp"

namespace rolecheck::cli {

std::string Context::taxonomy_name() const {
  if (!options.taxonomy_path.empty()) return options.taxonomy_path;
  const char* env = std::getenv("ROLECHECK_TAXONOMY");
  if (env != nullptr && *env != '\0') return env;
  return "<embedded>";
}

const Taxonomy& Context::taxonomy() {
  if (!m_taxonomy) {
    const std::string name = taxonomy_name();
    m_taxonomy = std::make_unique<Taxonomy>(name == "<embedded>" ? load_embedded_taxonomy()
                                                                 : load_taxonomy_file(name));
  }
  return *m_taxonomy;
}

}  // namespace rolecheck::cli
