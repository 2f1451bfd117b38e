// `rolecheck stats`: per-cue coverage, overlaps, conflicts and (on labelled data) precision against three-way
// gold labels, with each cue's false alarms on other work.

#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "commands/common_options.hpp"
#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "io/labelled_input.hpp"
#include "io/output.hpp"

#include "rolecheck/analysis/cue_stats.hpp"
#include "rolecheck/analysis/evaluation.hpp"
#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck::cli {
namespace {

struct StatsOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string sort = "coverage";
  std::string output_path;
  std::string label_column = std::string(kDefaultLabelColumn);
  std::string text_column = std::string(kDefaultTextColumn);
  std::size_t errors = 3;
  std::size_t top = 0;
};

// Reads one input: plain duties (one per line) or labelled data, detected from the first non-blank line.
// Plain lines are read as classify reads them (a line over the limit counts as unknown, with a warning);
// labelled lines as eval reads them (a line over the limit is an error). Every line is told to the log's inputs();
// throws Error on a read error. Returns false when the input's header was refused (nothing of it to report).
bool read_input(InputFile& input, const StatsOptions& options, const Classifier& classifier, Scanner& scanner,
                CueStats& stats, InputLog& log, LineNotices& notices) {
  const std::string& label_column = options.label_column;
  LineReader reader(input.fd(), input.name());
  LabelledLineParser parser(label_column, options.text_column);
  enum class Mode { undecided, plain, labelled } mode = Mode::undecided;
  std::size_t leading_blanks = 0;
  InputLine line;
  LabelledRow row;
  Diagnostic problem;
  Classification result;
  while (reader.next(line)) {
    log.inputs().item();
    if (mode == Mode::labelled && line.too_long) {
      log.error(Diagnostic{fmt::format("{}:{}", input.name(), line.number),
                           0,
                           0,
                           {},
                           fmt::format("line longer than {} bytes: split it, or leave it out", kDefaultMaxLineBytes),
                           {}});
      continue;
    }
    notices.note(line, LabelledLineParser::is_json_line(line.text));
    if (mode == Mode::undecided) {
      if (line.text.empty() && !line.too_long) {
        ++leading_blanks;
        continue;
      }
      mode = LabelledLineParser::looks_labelled(line.text, options.text_column) ? Mode::labelled : Mode::plain;
      if (mode == Mode::plain) {
        const Classification empty;
        for (std::size_t i = 0; i < leading_blanks; ++i) stats.add(empty);
      }
    }
    if (mode == Mode::plain) {
      if (line.too_long) {
        stats.add(Classification{});
        continue;
      }
      classifier.classify(line.text, scanner, result);
      stats.add(result);
      continue;
    }
    switch (parser.parse(line.text, input.name(), line.number, row, problem)) {
      case LabelledLine::row: {
        const auto where = fmt::format("{}:{}", input.name(), line.number);
        const auto gold = parse_gold_at(where, row.gold, label_column, log);
        if (!gold) break;
        classifier.classify(row.text, scanner, result);
        stats.add(result, gold, where, row.text);
        break;
      }
      case LabelledLine::bad_header: log.error(problem); return false;
      case LabelledLine::problem: log.error(problem); break;
      case LabelledLine::blank:
      case LabelledLine::header: break;
    }
  }
  if (mode == Mode::undecided) {
    const Classification empty;
    for (std::size_t i = 0; i < leading_blanks; ++i) stats.add(empty);
  }
  return true;
}

int run_stats(Context& context, const StatsOptions& options) {
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    std::fputs("rolecheck: no input: give a FILE, '-' for stdin, or pipe text in (try 'rolecheck stats --help')\n",
               stderr);
    return 2;
  }
  // Opened before the work, so a bad -o fails at once.
  OutputTarget target(options.output_path, false);
  const Classifier classifier(context.taxonomy());
  Scanner scanner = classifier.make_scanner();
  CueStats stats(classifier, options.errors);
  InputLog log;
  std::vector<std::string> warnings;
  for (const auto& path : *inputs) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      log.error(error);
      continue;
    }
    LineNotices notices;
    log.inputs().opened();
    try {
      if (read_input(*input, options, classifier, scanner, stats, log, notices)) {
        log.inputs().read_wholly();
      } else {
        log.inputs().refused();
      }
    } catch (const Error& read_error) {
      log.error(read_error);
      log.inputs().read_error();  // what came before the error is counted and reported
    }
    warnings.clear();
    notices.collect(input->name(), kDefaultMaxLineBytes, warnings);
    for (auto& warning : warnings) log.warn(std::move(warning));
  }
  // Everything that could be read is counted and reported; the problems come first, and make the exit status 2.
  // When no input could be read there is nothing to report: the problems alone, and -o is left as it was.
  const bool failed = log.failed();
  const bool nothing_read = log.inputs().nothing_read();
  log.print();
  if (nothing_read) return 2;
  const CueSort sort = *parse_cue_sort(options.sort);
  target.out().write(options.format == "json" ? stats.to_json(sort, options.top) : stats.to_text(sort, options.top));
  target.commit();
  return failed ? 2 : 0;
}

}  // namespace

Command add_stats_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<StatsOptions>();
  auto* app = root.add_subcommand(
      "stats", "Per-cue coverage, overlaps, conflicts and, on labelled data (as for eval), precision");
  app->add_option("files", options->files,
                  "Duties one per line, or labelled TSV/JSONL as for eval; '-' is stdin (default: stdin)")
      ->type_name("FILE...");
  app->add_option("-f,--format", options->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->add_option("--sort", options->sort,
                  "Order cues by coverage, conflicts or false-alarms (most first) or precision (worst first)")
      ->check(CLI::IsMember({"coverage", "precision", "conflicts", "false-alarms"}))
      ->capture_default_str();
  app->add_option("--label-column", options->label_column,
                  "Take the gold label (sales, marketing, other or ambiguous) from this TSV column or JSON key")
      ->type_name("NAME")
      ->capture_default_str();
  app->add_option("--text-column", options->text_column, "Take the duty text from this TSV column or JSON key")
      ->type_name("NAME")
      ->capture_default_str();
  app->add_option("--errors", options->errors, "Keep up to N example errors per cue (labelled data)")
      ->capture_default_str();
  app->add_option("--top", options->top, "Show only the first N cues (0: all)")->capture_default_str();
  add_output_option(*app, options->output_path);
  app->footer(
      "On labelled data a cue is right on rows whose gold is its class (its side; other for an other-work cue).\n"
      "A false alarm is a sales or marketing cue firing on gold other, or an other-work cue firing on gold sales or\n"
      "marketing; ambiguous rows are counted and not scored.\n"
      "\n"
      "Examples:\n"
      "  rolecheck stats duties.txt\n"
      "  rolecheck stats --sort false-alarms --label-column text_label ../shared/data/onet_other_dev.tsv\n"
      "  rolecheck stats --sort precision --errors 2 --label-column text_label ../shared/data/onet_tasks_dev.tsv\n"
      "  rolecheck stats --sort conflicts --top 10 duties.txt\n"
      "  rolecheck stats --format json labelled.jsonl | jq '.cues[0]'\n");
  return {app, [&context, options] { return run_stats(context, *options); }};
}

}  // namespace rolecheck::cli
