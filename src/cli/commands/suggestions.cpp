#include "commands/suggestions.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rolecheck/engine/taxonomy_snapshot.hpp"
#include "rolecheck/support/digest.hpp"
#include "rolecheck/support/suggest.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"
#include "rolecheck/version.hpp"

namespace rolecheck::cli {
namespace {

std::vector<std::string> long_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

bool takes_value(const CLI::App& app, const std::string& dashed) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->check_lname(dashed.substr(2)) || (dashed.size() == 2 && option->check_sname(dashed.substr(1)))) {
      return option->get_type_size() != 0;
    }
  }
  return false;
}

}  // namespace

std::string unknown_subcommand_message(const std::string& word, const std::vector<std::string>& names) {
  const auto nearest = nearest_candidate(word, names);
  if (nearest) return fmt::format("unknown subcommand '{}'; did you mean '{}'?", word, *nearest);
  return fmt::format("unknown subcommand '{}'; the subcommands are: {}", word, fmt::join(names, ", "));
}

std::string suggestion_for(const CLI::App& root, const std::vector<std::string>& args) {
  const CLI::App* active = &root;
  bool skip_value = false;
  for (const auto& arg : args) {
    if (skip_value) {
      skip_value = false;
      continue;
    }
    if (arg == "--") break;
    if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
      const std::string name = arg.substr(0, arg.find('='));
      const auto known = long_names(*active);
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        const auto nearest = nearest_candidate(name, known);
        if (nearest) return fmt::format("unknown option '{}'; did you mean '{}'?", name, *nearest);
        continue;
      }
      skip_value = name.size() == arg.size() && takes_value(*active, name);
      continue;
    }
    if (arg.size() == 2 && arg[0] == '-') {
      skip_value = takes_value(*active, arg);
      continue;
    }
    if (arg.front() == '-') continue;
    const auto subcommands = active->get_subcommands([](const CLI::App*) { return true; });
    if (subcommands.empty()) continue;  // a positional argument of a leaf subcommand
    std::vector<std::string> names;
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : subcommands) {
      names.push_back(sub->get_name());
      if (sub->get_name() == arg) next = sub;
    }
    if (next != nullptr) {
      active = next;
      continue;
    }
    return unknown_subcommand_message(arg, names);
  }
  return {};
}

std::string version_text() {
  const std::string_view json = embedded_taxonomy_json();
  // The schema version comes from the build-time snapshot: no JSON is parsed just to print it.
  const auto compiled = read_taxonomy_snapshot(embedded_taxonomy_snapshot(), "<embedded>");
  return fmt::format("rolecheck {}\ntaxonomy schema {}, embedded taxonomy fnv1a64:{}", version_string(),
                     compiled.taxonomy->schema_version, short_digest(json));
}

}  // namespace rolecheck::cli
