#pragma once
// The structural layer of the taxonomy reader: checks a parsed JSON tree against the schema.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "taxonomy_io_json.hpp"

#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

namespace rolecheck::detail {

/// Checks `root` against the taxonomy schema, appending every problem (located by JSON pointer) to `problems`;
/// returns the taxonomy it describes, meaningful only when no problem was added. `intact` tells whether every
/// element of every list made it into the model (so model indices are the file's, even with problems).
Taxonomy validate_taxonomy(const JsonValue& root, const std::string& file, const TaxonomyLimits& limits,
                           std::vector<Diagnostic>& problems, bool& intact);

}  // namespace rolecheck::detail
