#pragma once
// "Did you mean ...?" hints for command lines CLI11 rejects, and the text of --version.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace rolecheck::cli {

/// A hint for the first mistyped subcommand or long option in `args` (argv without the program name),
/// e.g. "unknown option '--fromat'; did you mean '--format'?", or empty when nothing is close; an unknown
/// subcommand always gets a message ("unknown subcommand 'x'", with the nearest name or the list of names).
std::string suggestion_for(const CLI::App& root, const std::vector<std::string>& args);

/// "unknown subcommand 'x'; did you mean 'y'?", or the list of `names` when none is close.
std::string unknown_subcommand_message(const std::string& word, const std::vector<std::string>& names);

/// What `rolecheck --version` prints: the version, and the embedded taxonomy's schema version and short hash.
std::string version_text();

}  // namespace rolecheck::cli
