// `rolecheck help [SUBCOMMAND...]` and `rolecheck version`: the same text as --help and --version.

#include <fmt/format.h>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "commands/suggestions.hpp"
#include "io/output.hpp"

namespace rolecheck::cli {
namespace {

// The names of the subcommands of `app`, for the "unknown subcommand" message.
std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

int run_help(const CLI::App& root, const std::vector<std::string>& words) {
  const CLI::App* app = &root;
  std::string path = root.get_name();
  for (const auto& word : words) {
    const auto names = subcommand_names(*app);
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == word) next = sub;
    }
    if (next == nullptr) {
      std::fputs(fmt::format("rolecheck: {}\nTry '{} --help' for more information.\n",
                             unknown_subcommand_message(word, names), path)
                     .c_str(),
                 stderr);
      return 2;
    }
    app = next;
    path += " " + app->get_name();
  }
  OutputTarget target("", false);
  // The formatter directly: App::help() would describe the subcommand parsed, which is `help` itself.
  target.out().write(app->get_formatter()->make_help(app, path, CLI::AppFormatMode::Normal));
  target.commit();
  return 0;
}

}  // namespace

Command add_help_command(CLI::App& root) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* app = root.add_subcommand("help", "Print the help of rolecheck or of a subcommand (as --help does)");
  app->add_option("subcommand", *words, "The subcommand (and sub-subcommand) to describe")->type_name("SUBCOMMAND");
  app->footer(
      "Examples:\n"
      "  rolecheck help\n"
      "  rolecheck help classify\n"
      "  rolecheck help taxonomy validate\n");
  return {app, [&root, words] { return run_help(root, *words); }};
}

Command add_version_command(CLI::App& root) {
  auto* app = root.add_subcommand("version", "Print the version and the embedded taxonomy's schema and hash (-V)");
  app->footer(
      "Examples:\n"
      "  rolecheck version\n"
      "  rolecheck -V\n");
  return {app, [] {
            OutputTarget target("", false);
            target.out().write(version_text() + "\n");
            target.commit();
            return 0;
          }};
}

}  // namespace rolecheck::cli
