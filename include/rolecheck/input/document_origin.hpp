#pragma once
// Where a document came from: the id, file and line of an input record, and the fields to carry over.

#include <cstddef>
#include <string_view>

namespace rolecheck {

/// Where a document came from and what of its input record to carry over.
struct DocumentOrigin {
  std::string_view id;          ///< The document's id as text (the file name for whole files).
  std::string_view id_json;     ///< The id as raw JSON when it came from JSONL (empty: write `id` as a string).
  std::string_view file;        ///< File name, "-" for stdin.
  std::size_t line = 0;         ///< 1-based line of a JSONL input, 0 for a whole file.
  std::string_view extra_json;  ///< Other input fields as JSON members ("\"a\":1,\"b\":2"), copied into JSON records.
};

}  // namespace rolecheck
