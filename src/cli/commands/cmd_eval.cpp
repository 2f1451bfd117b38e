// `rolecheck eval`: classify labelled data and score it three-way (sales, marketing, other) like
// scikit-learn's classification report.

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

#include "rolecheck/analysis/evaluation.hpp"
#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/output/record_format.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/support/json_writer.hpp"

namespace rolecheck::cli {
namespace {

struct EvalOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::size_t errors = 0;
  LabelledOptions labelled;
  double min_confidence = 0.0;
};

struct ErrorExample {
  std::string where;
  std::string gold;
  std::string text;
  std::string predicted;
  std::string reasons;
  bool review = false;
};

// What scoring the labelled rows gave: the figures, the first misclassified rows (--errors), the input problems.
struct EvalRun {
  Evaluation evaluation;
  std::vector<ErrorExample> examples;
  InputLog log;
};

// Classifies every labelled row of `files` and scores it against its gold label.
EvalRun score_files(Context& context, const EvalOptions& options, const std::vector<std::string>& files) {
  const PartFilter filter = part_filter(options.labelled);
  const Classifier classifier(context.taxonomy(), ClassifyOptions{options.min_confidence});
  Scanner scanner = classifier.make_scanner();
  Classification result;
  EvalRun run;
  const auto score_row = [&](const std::string& where, std::string_view gold_text, std::string_view text) {
    const auto gold = parse_gold_at(where, gold_text, options.labelled.label_column, run.log);
    if (!gold) return;
    if (*gold == Gold::ambiguous) {
      run.evaluation.add(*gold, Label::unknown);  // counted, not scored: no need to classify it
      return;
    }
    classifier.classify(text, scanner, result);
    run.evaluation.add(*gold, result.label, result.review);
    if (!prediction_matches(*gold, result.label) && run.examples.size() < options.errors) {
      run.examples.push_back(ErrorExample{where, std::string(gold_text), std::string(text),
                                          std::string(label_name(result.label)),
                                          reasons_summary(result, classifier.matcher()), result.review});
    }
  };
  read_labelled_files(
      files, options.labelled, filter,
      [&](const std::string& where, const LabelledRow& row) { score_row(where, row.gold, row.text); }, run.log);
  return run;
}

// The JSON report: the evaluation's members, then "errors" (the listed misclassified rows) when there are some.
std::string json_report(const EvalRun& run) {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  run.evaluation.write_json_members(json);
  if (!run.examples.empty()) {
    json.key("errors").begin_array();
    for (const auto& e : run.examples) {
      json.begin_object();
      json.key("where").string(e.where);
      json.key("gold").string(e.gold);
      json.key("predicted").string(e.predicted);
      json.key("review").boolean(e.review);
      json.key("reasons").string(e.reasons);
      json.key("text").string(e.text);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  out += '\n';
  return out;
}

// The text report: the evaluation's tables, then the listed misclassified rows.
std::string text_report(const EvalRun& run) {
  std::string out = run.evaluation.to_text();
  if (!run.examples.empty()) out += "\nerrors\n";
  for (const auto& e : run.examples) {
    out += fmt::format("  {}  gold={} predicted={}{}  [{}]\n    {}\n", e.where, e.gold, e.predicted,
                       e.review ? " review" : "", e.reasons, e.text.empty() ? "(blank)" : e.text);
  }
  return out;
}

int run_eval(Context& context, const EvalOptions& options) {
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    std::fputs(
        "rolecheck: no input: give a FILE, '-' for stdin, or pipe labelled rows in (try 'rolecheck eval --help')\n",
        stderr);
    return 2;
  }
  EvalRun run = score_files(context, options, *inputs);
  // Everything that could be read is scored and reported; the problems come first, and make the exit status 2.
  // When no input could be read there is nothing to report: the problems alone.
  run.log.print();
  if (run.log.inputs().nothing_read()) return 2;
  OutputTarget target("", false);
  target.out().write(options.format == "json" ? json_report(run) : text_report(run));
  target.commit();
  return run.log.failed() ? 2 : 0;
}

}  // namespace

Command add_eval_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<EvalOptions>();
  auto* app = root.add_subcommand(
      "eval", "Score rolecheck three-way (sales, marketing, other) on labelled duties (TSV or JSONL)");
  app->add_option("files", options->files, "Labelled files; '-' is stdin (default: stdin)")->type_name("FILE...");
  app->add_option("-f,--format", options->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->add_option("--errors", options->errors, "List up to N misclassified rows with their reasons");
  add_labelled_options(*app, options->labelled);
  app->add_option("--min-confidence", options->min_confidence, "Labels with a lower confidence become unknown")
      ->check(fraction());
  app->footer(
      "Gold labels: sales, marketing, other, or ambiguous (counted, left out of every figure). In the per-class\n"
      "scores a prediction of other, mixed or unknown counts as \"neither\", that is as other; the confusion\n"
      "matrix keeps all five labels. Also reported: the false-alarm rate (gold other labelled sales or\n"
      "marketing) and, on gold sales/marketing rows only, the two-way scores and the share labelled neither.\n"
      "\n"
      "Examples:\n"
      "  rolecheck eval --label-column text_label ../shared/data/onet_tasks_dev.tsv\n"
      "  rolecheck eval --errors 20 --except-part 1/4 labelled.tsv\n"
      "  rolecheck eval --format json labelled.jsonl\n");
  return {app, [&context, options] { return run_eval(context, *options); }};
}

}  // namespace rolecheck::cli
