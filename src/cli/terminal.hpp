#pragma once
// Terminal conventions: when to use colour.

#include <string>

namespace rolecheck::cli {

/// Resolves --color auto|always|never: auto means a terminal, NO_COLOR unset or empty, and TERM not "dumb".
bool use_color(const std::string& mode, bool is_terminal);

}  // namespace rolecheck::cli
