#pragma once
// Printing the core library's diagnostics on stderr, one problem per line, each prefixed "rolecheck: ".

#include <string>
#include <vector>

#include "rolecheck/error.hpp"

namespace rolecheck::cli {

/// Renders diagnostics as stderr text: "rolecheck: " before each problem (a problem without a file or
/// position is just its message); a syntax error's source line and caret follow it, indented.
std::string render_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// Flushes stdout, then writes render_diagnostics() to stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace rolecheck::cli
