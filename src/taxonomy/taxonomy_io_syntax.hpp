#pragma once
// Syntax diagnostics of the taxonomy reader: byte checks before parsing and located parse errors.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/support/error.hpp"

namespace rolecheck::detail {

/// A diagnostic at a byte offset of `text`, with its line, column and the (sanitised) offending line.
Diagnostic at_offset(const std::string& file, std::string_view text, std::size_t offset, std::string message);

/// Checks what must hold before parsing (not UTF-16, no NUL byte, valid UTF-8); false after adding a problem.
bool check_bytes(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems);

/// Offset of the first bracket that opens nesting deeper than `max_depth` (strings are skipped).
std::size_t find_too_deep(std::string_view text, std::size_t max_depth);

/// Turns nlohmann's parse error (`position` is one past the byte it stopped at, `id` its exception id) into a
/// located message that says what to do.
Diagnostic explain_syntax_error(const std::string& file, std::string_view text, std::size_t position,
                                const std::string& last_token, int id, const std::string& what);

}  // namespace rolecheck::detail
