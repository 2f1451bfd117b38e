#pragma once
// The table of subcommands: each registers its options on the root app and returns how to run it.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <functional>
#include <string>
#include <vector>

#include "io/context.hpp"
#include "io/input_options.hpp"

namespace rolecheck::cli {

/// A registered subcommand and how to run it once parsed (returns the process exit status).
struct Command {
  CLI::App* app = nullptr;   ///< The subcommand's parser.
  std::function<int()> run;  ///< Runs the subcommand after parsing.
};

/// Registers `rolecheck table`.
Command add_table_command(CLI::App& root, Context& context);
/// Registers `rolecheck taxonomy validate|show`.
Command add_taxonomy_command(CLI::App& root, Context& context);
/// Registers `rolecheck classify`.
Command add_classify_command(CLI::App& root, Context& context);
/// Registers `rolecheck explain`.
Command add_explain_command(CLI::App& root, Context& context);
/// Registers `rolecheck eval`.
Command add_eval_command(CLI::App& root, Context& context);
/// Registers `rolecheck stats`.
Command add_stats_command(CLI::App& root, Context& context);
/// Registers `rolecheck report`.
Command add_report_command(CLI::App& root, Context& context);
/// Registers `rolecheck fit`.
Command add_fit_command(CLI::App& root, Context& context);
/// Registers `rolecheck diff`.
Command add_diff_command(CLI::App& root, Context& context);
/// Registers `rolecheck help [SUBCOMMAND...]`, which prints the help of `root` or of a subcommand.
Command add_help_command(CLI::App& root);
/// Registers `rolecheck version` (what --version and -V print).
Command add_version_command(CLI::App& root);

}  // namespace rolecheck::cli
