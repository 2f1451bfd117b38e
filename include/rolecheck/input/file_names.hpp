#pragma once
// What a file's name says about how to read it: its suffix, in any case, also before a ".gz".

#include <string_view>

namespace rolecheck {

/// True when `name` ends in `suffix` (lower case, with its dot), in any case and also before a ".gz".
bool has_file_suffix(std::string_view name, std::string_view suffix) noexcept;

/// True when `name` ends in ".gz" in any case: the name of a gzip-compressed file.
bool is_gzip_file_name(std::string_view name) noexcept;

/// True when `name` ends in .html or .htm (any case, also before a .gz): read as HTML by default.
bool is_html_file_name(std::string_view name) noexcept;

/// The --input that reads records from a file named like `name` (.csv, .jsonl, .ndjson, .json; any case, also
/// before a .gz), or empty: such a file is plain text only when --input says so.
std::string_view record_input_for_name(std::string_view name) noexcept;

}  // namespace rolecheck
