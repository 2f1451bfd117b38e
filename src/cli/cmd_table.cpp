// STUB: `rolecheck table` (issue 2).
#include "commands.hpp"

namespace rolecheck::cli {
Command add_table_command(CLI::App& root, Context&) {
  auto* app = root.add_subcommand("table", "Print the article's four-difference comparison table");
  return {app, [] { return 0; }};
}
}  // namespace rolecheck::cli
