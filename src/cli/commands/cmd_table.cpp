// `rolecheck table`: the article's four differences side by side, or one of them with its quotes.

#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <string>

#include "commands/commands.hpp"
#include "commands/common_options.hpp"
#include "io/output.hpp"
#include "io/terminal.hpp"

#include "rolecheck/output/comparison_table.hpp"
#include "rolecheck/support/text_layout.hpp"

namespace rolecheck::cli {
namespace {

struct TableOptionsCli {
  std::string format = "text";
  std::string difference;
  bool has_difference = false;  // --difference given (even as an empty string, which is an error)
  std::size_t width = 0;        // 0: the terminal's width, or 80
  bool ascii = false;
};

// "business_concept, core_capabilities, ..." for the unknown-difference message.
std::string difference_ids(const Taxonomy& taxonomy) {
  std::string ids;
  for (const auto& difference : taxonomy.differences) ids += (ids.empty() ? "" : ", ") + difference.id;
  return ids;
}

int run_table(Context& context, const TableOptionsCli& options) {
  const Taxonomy& taxonomy = context.taxonomy();
  std::optional<std::size_t> index;
  if (options.has_difference) {
    index = taxonomy.find_difference(options.difference);
    if (!index) {
      std::fputs(fmt::format("rolecheck: unknown difference '{}'; use 1-{} or one of: {}\n",
                             printable_text(options.difference), taxonomy.differences.size(), difference_ids(taxonomy))
                     .c_str(),
                 stderr);
      return 2;
    }
  }
  OutputTarget target("", false);
  TableStyle style;
  style.format = *parse_table_format(options.format);
  style.width = options.width != 0 ? options.width : terminal_width(target.is_terminal());
  style.ascii = options.ascii || !locale_is_utf8();
  target.out().write(index ? render_difference(taxonomy, *index, style) : render_comparison_table(taxonomy, style));
  target.commit();
  return 0;
}

}  // namespace

Command add_table_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<TableOptionsCli>();
  auto* app = root.add_subcommand("table", "Print the article's four-difference comparison table");
  app->add_option("-f,--format", options->format, "Output format: text (a boxed table), markdown, csv or json")
      ->check(CLI::IsMember({"text", "markdown", "csv", "json"}))
      ->type_name("FORMAT");
  auto* difference = app->add_option("-d,--difference", options->difference,
                                     "Show only this difference (1-4 or its id) with the article's supporting quotes")
                         ->type_name("ID");
  app->add_option("-w,--width", options->width,
                  fmt::format("Text: wrap to N columns (default: the terminal's width, 80 when not a terminal; "
                              "at least {})",
                              kMinTableWidth))
      ->transform(whole_number(kMinTableWidth, 10000))
      ->type_name("N");
  app->add_flag("--ascii", options->ascii,
                "Text: draw with +-| and ASCII characters only (automatic when the locale is not UTF-8)");
  app->footer(
      "Differences: 1 business_concept, 2 core_capabilities, 3 execution_capabilities, 4 essential_purpose\n"
      "\n"
      "Examples:\n"
      "  rolecheck table\n"
      "  rolecheck table --difference 2\n"
      "  rolecheck table --difference essential_purpose --width 100\n"
      "  rolecheck table --format markdown > differences.md\n"
      "  rolecheck table --format json | jq -r '.[].marketing'\n"
      "  rolecheck table --ascii --width 60\n");
  return {app, [&context, options, difference] {
            options->has_difference = difference->count() > 0;
            return run_table(context, *options);
          }};
}

}  // namespace rolecheck::cli
