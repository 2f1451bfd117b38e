#pragma once
// What `classify --count` prints: records (or documents) per label, in the format asked for.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rolecheck::cli {

/// Appends `counts` (label, count) to `out`: "label<TAB>count" lines for text and tsv, a `label,count` table
/// for csv (CRLF, with a header), one JSON object {"label": count, ...} on one line for json and jsonl.
void append_label_counts(std::string& out, const std::vector<std::pair<std::string_view, std::size_t>>& counts,
                         std::string_view format);

}  // namespace rolecheck::cli
