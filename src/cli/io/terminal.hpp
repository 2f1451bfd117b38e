#pragma once
// Terminal conventions: when to use colour.

#include <cstddef>
#include <string>

#include "rolecheck/output/run_summary.hpp"

namespace rolecheck::cli {

/// Resolves --color auto|always|never: auto means a terminal, NO_COLOR unset or empty, and TERM not "dumb".
bool use_color(const std::string& mode, bool is_terminal);

}  // namespace rolecheck::cli

namespace rolecheck::cli {

/// Width of the terminal on stdout (TIOCGWINSZ, else COLUMNS), or 80 when stdout is not a terminal.
std::size_t terminal_width(bool is_terminal);

/// Writes `summary` to stderr (after the records), coloured per --color `mode` as judged for stderr.
void print_run_summary(const RunSummary& summary, const SummaryLegend& legend, const std::string& mode);

/// True when the character-type locale is UTF-8: the first non-empty of LC_ALL, LC_CTYPE and LANG
/// names "UTF-8" or "utf8" (any case).
bool locale_is_utf8();

}  // namespace rolecheck::cli
