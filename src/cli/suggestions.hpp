#pragma once
// "Did you mean ...?" hints for command lines CLI11 rejects, and the text of --version.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace rolecheck::cli {

/// A hint for the first mistyped subcommand or long option in `args` (argv without the program name),
/// e.g. "unknown option '--fromat'; did you mean '--format'?", or empty when nothing is close.
std::string suggestion_for(const CLI::App& root, const std::vector<std::string>& args);

/// What `rolecheck --version` prints: the version, and the embedded taxonomy's schema version and short hash.
std::string version_text();

}  // namespace rolecheck::cli
