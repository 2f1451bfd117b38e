// rolecheck's entry point: parse the command line, run one subcommand, map every failure to exit 2.

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <fmt/format.h>
#include <iostream>
#include <new>
#include <unistd.h>
#include <vector>

#include "commands/commands.hpp"
#include "commands/suggestions.hpp"
#include "io/context.hpp"
#include "io/diagnostics.hpp"
#include "io/output.hpp"

#include "rolecheck/support/error.hpp"
#include "rolecheck/version.hpp"

namespace {

// Appended to every subcommand's help: the root's options it accepts.
const std::string kGlobalOptionsNote =
    "Global options, before or after the subcommand: --taxonomy FILE, --color auto|always|never\n\n";

// Puts kGlobalOptionsNote before the footer of `app` and of its subcommands.
void add_global_options_note(CLI::App& app) {
  app.footer(kGlobalOptionsNote + app.get_footer());
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) add_global_options_note(*sub);
}

int report_error(const std::string& message) {
  std::fflush(stdout);
  std::fputs(fmt::format("rolecheck: {}\n", message).c_str(), stderr);
  return 2;
}

// Reports running out of memory without allocating.
int report_out_of_memory() noexcept {
  static constexpr char kMessage[] = "rolecheck: out of memory\n";
  std::fflush(stdout);
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  return 2;
}

// Closes stdout so that a failed write through stdio (help text, a full disk) is noticed, as
// gnulib's close_stdout does; a closed pipe ends quietly.
int close_stdout(int status) noexcept {
  std::cout.flush();
  const bool failed = std::ferror(stdout) != 0 || !std::cout.good();
  errno = 0;
  if (std::fclose(stdout) != 0 || failed) {
    if (errno == EPIPE) return 2;
    if (status == 0) status = 2;
    std::fputs("rolecheck: write error", stderr);
    if (errno != 0) std::fputs((std::string(": ") + std::strerror(errno)).c_str(), stderr);
    std::fputs("\n", stderr);
  }
  return status;
}

int run(int argc, char** argv) {
  using namespace rolecheck::cli;
  CLI::App app{"rolecheck: tells sales work from marketing work, with the article's four differences as reasons",
               "rolecheck"};
  app.require_subcommand(1);
  // Global options are accepted after the subcommand too: a subcommand hands the options it does not
  // know to its parent (set before the subcommands are added, which inherit it).
  app.fallthrough();
  app.set_version_flag("-V,--version", rolecheck::cli::version_text,
                       "Print the version and the embedded taxonomy's schema version and hash");
  Context context;
  app.add_option("--taxonomy", context.options.taxonomy_path,
                 "Load this taxonomy instead of the built-in one (also ROLECHECK_TAXONOMY)")
      ->type_name("FILE");
  app.add_option("--color", context.options.color, "Colour labels: auto (terminal only), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.footer(
      "Global options (--taxonomy, --color, -V) may come before or after the subcommand.\n"
      "\n"
      "Examples:\n"
      "  rolecheck table\n"
      "  rolecheck classify duties.txt\n"
      "  cat duties.txt | rolecheck classify --format jsonl\n"
      "  rolecheck explain \"Cold-call prospects and close deals\"\n"
      "  rolecheck eval labelled.tsv\n"
      "  rolecheck stats duties.txt\n"
      "  rolecheck report duties.txt -o report.html\n"
      "  rolecheck fit --label-column text_label labelled.tsv -o fitted.json\n"
      "  rolecheck diff embedded edited.json duties.txt\n"
      "  rolecheck help classify\n");

  const std::vector<Command> commands = {
      add_table_command(app, context),    add_classify_command(app, context),
      add_explain_command(app, context),  add_eval_command(app, context),
      add_taxonomy_command(app, context), add_stats_command(app, context),
      add_report_command(app, context),   add_fit_command(app, context),
      add_diff_command(app, context),     add_help_command(app),
      add_version_command(app),
  };
  for (const auto& command : commands) add_global_options_note(*command.app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) { return app.exit(success); } catch (const CLI::ParseError& error) {
    // One message in rolecheck's own voice: the nearest valid name when there is one, else CLI11's
    // reason; then where to look.
    const auto hint = suggestion_for(app, std::vector<std::string>(argv + 1, argv + argc));
    report_error(hint.empty() ? std::string(error.what()) : hint);
    std::string command = "rolecheck";
    for (const CLI::App* level = &app; level != nullptr;) {
      const auto chosen = level->get_subcommands();  // the subcommands given on this command line
      level = chosen.empty() ? nullptr : chosen.front();
      if (level != nullptr) command += " " + level->get_name();
    }
    std::fputs(fmt::format("Try '{} --help' for more information.\n", command).c_str(), stderr);
    return 2;
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return report_error("no subcommand given; try 'rolecheck --help'");
}

}  // namespace

int main(int argc, char** argv) {
  // A descriptor among 0-2 closed at start-up (`2>&-`) would be handed to the first file opened, the -o
  // file say, and warnings written to "stderr" would land in it: give each closed one /dev/null (open
  // returns the lowest free descriptor, which is that one, since the lower ones are open by then).
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF && open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd) {
      return 2;
    }
  }
  int status = 2;
  try {
    status = run(argc, argv);
  } catch (const rolecheck::Error& error) {
    rolecheck::cli::print_diagnostics(error.diagnostics());
    status = 2;
  } catch (const rolecheck::cli::BrokenPipe&) {
    status = 2;  // The reader went away (SIGPIPE ignored): stop quietly, like grep killed by SIGPIPE.
  } catch (const rolecheck::cli::WriteError& error) {
    status = report_error(error.what());
  } catch (const std::bad_alloc&) { status = report_out_of_memory(); } catch (const std::exception& error) {
    status = report_error(error.what());
  }
  return close_stdout(status);
}
