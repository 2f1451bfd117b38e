// STUB: `rolecheck taxonomy validate|show` (issue 2).
#include "commands.hpp"

namespace rolecheck::cli {
Command add_taxonomy_command(CLI::App& root, Context&) {
  auto* app = root.add_subcommand("taxonomy", "Validate or show a taxonomy file");
  return {app, [] { return 0; }};
}
}  // namespace rolecheck::cli
