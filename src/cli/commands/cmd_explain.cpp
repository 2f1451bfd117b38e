// `rolecheck explain TEXT` (or `-`: each line of stdin): the full trace of one decision, as text or JSON.

#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include "commands/commands.hpp"
#include "commands/common_options.hpp"
#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "io/output.hpp"

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/output/explanation.hpp"

namespace rolecheck::cli {
namespace {

struct ExplainOptionsCli {
  std::vector<std::string> text;
  std::string format = "text";
  std::string output_path;
  double min_confidence = 0.0;
};

int run_explain(Context& context, const ExplainOptionsCli& options) {
  const bool from_stdin = options.text.size() == 1 && options.text.front() == "-";
  if (from_stdin && isatty(STDIN_FILENO) == 1) {
    std::fputs(
        "rolecheck: explain -: stdin is a terminal; pipe the duties in, one per line "
        "(try 'rolecheck explain --help')\n",
        stderr);
    return 2;
  }
  const Classifier classifier(context.taxonomy(), ClassifyOptions{options.min_confidence});
  const bool json = options.format == "json";
  const auto explain = [&](std::string_view duty) {
    return json ? explain_decision_json(classifier, duty) : explain_decision(classifier, duty);
  };
  OutputTarget target(options.output_path, false);
  int status = 0;
  if (!from_stdin) {
    std::string joined;
    for (const auto& word : options.text) joined += (joined.empty() ? "" : " ") + word;
    target.out().write(explain(joined));
  } else {
    // One explanation per line, in order; text ones separated by a blank line.
    LineReader reader(STDIN_FILENO, "-");
    InputLine line;
    LineNotices notices;  // invalid UTF-8, NUL and CR warnings, in classify's words
    bool first = true;
    while (reader.next(line)) {
      if (line.too_long) {
        warn(
            fmt::format("-:{}: error: line longer than {} bytes; not explained: split it, or explain its duties "
                        "one per line",
                        line.number, kDefaultMaxLineBytes));
        status = 2;
        continue;
      }
      notices.note(line);
      if (!json && !first) target.out().write("\n");
      first = false;
      target.out().write(explain(line.text));
    }
    std::vector<std::string> warnings;
    notices.collect("-", kDefaultMaxLineBytes, warnings);
    for (const auto& warning : warnings) warn(warning);
  }
  target.commit();
  return status;
}

}  // namespace

Command add_explain_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<ExplainOptionsCli>();
  auto* app = root.add_subcommand("explain", "Show how one duty is decided: tokens, stems, cues, negations, scores");
  app->add_option("text", options->text,
                  "The duty (several words are joined with spaces); '-' reads stdin, one duty per line")
      ->required()
      ->type_name("TEXT|-");
  app->add_option("-f,--format", options->format,
                  "text (a readable trace) or json (one object per duty, on one line each)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_output_option(*app, options->output_path);
  app->add_option("--min-confidence", options->min_confidence, "Labels with a lower confidence become unknown")
      ->check(fraction());
  app->footer(
      "Examples:\n"
      "  rolecheck explain \"Cold-call prospects and close deals\"\n"
      "  rolecheck explain \"Not responsible for directly selling products to customers\"\n"
      "  echo \"Plan the brand campaign\" | rolecheck explain -\n"
      "  rolecheck explain --format json \"Close deals\" | jq .reasons\n"
      "  rolecheck explain - -o traces.txt < duties.txt\n");
  return {app, [&context, options] { return run_explain(context, *options); }};
}

}  // namespace rolecheck::cli
