// `rolecheck fit`: learn the taxonomy's weights from labelled duties and write the fitted taxonomy.

#include <cstdio>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "commands/common_options.hpp"
#include "io/diagnostics.hpp"
#include "io/labelled_input.hpp"
#include "io/output.hpp"

#include "rolecheck/analysis/weight_fit.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

namespace rolecheck::cli {
namespace {

struct FitCommandOptions {
  std::vector<std::string> files;
  std::string output_path;
  std::string report_path;
  std::string penalty = "l2";
  LabelledOptions labelled;
  FitOptions fit;
};

int run_fit(Context& context, FitCommandOptions& options) {
  const PartFilter filter = part_filter(options.labelled);
  std::vector<LabelledDuty> duties;
  InputLog log;
  std::size_t ambiguous = 0;
  // Opened before the work, so a bad -o fails at once; nothing is written unless every row was read.
  OutputTarget fitted(options.output_path, false);
  std::optional<OutputTarget> report_file;
  if (!options.report_path.empty()) report_file.emplace(options.report_path, false);
  read_labelled_files(
      options.files, options.labelled, filter,
      [&](const std::string& where, const LabelledRow& row) {
        const auto gold = parse_gold_at(where, row.gold, options.labelled.label_column, log);
        if (!gold) return;
        if (*gold == Gold::ambiguous) {
          ++ambiguous;
          return;
        }
        duties.push_back(LabelledDuty{*gold, std::string(row.text)});
      },
      log);
  const bool failed = log.failed();
  log.print();
  if (failed) {
    std::fputs("rolecheck: fit: nothing written (fix the labelled data first)\n", stderr);
    return 2;
  }
  options.fit.penalty = options.penalty == "l1" ? Penalty::l1 : Penalty::l2;
  const auto result = fit_weights(context.taxonomy(), duties, options.fit);

  std::string report = fit_report_text(result.report);
  report += fmt::format("\n{} ambiguous rows skipped\n", ambiguous);
  fitted.out().write(taxonomy_to_json(result.taxonomy) + "\n");
  if (!report_file) {
    fitted.commit();
    std::fputs(report.c_str(), stderr);
  } else {
    report_file->out().write(report);
    report_file->commit();
    fitted.commit();
  }
  return 0;
}

}  // namespace

Command add_fit_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<FitCommandOptions>();
  auto* app = root.add_subcommand(
      "fit", "Learn every cue's weight (and min_evidence) from labelled duties; write the fitted taxonomy");
  app->add_option("files", options->files, "Labelled files (TSV or JSONL, as for eval)")
      ->required()
      ->type_name("FILE...");
  add_output_option(*app, options->output_path, "Write the fitted taxonomy to FILE (atomically)");
  app->add_option("--report", options->report_path, "Write the report to FILE instead of stderr")->type_name("FILE");
  add_labelled_options(*app, options->labelled);
  app->add_option("--regularisation", options->fit.regularisation,
                  "liblinear's C: larger follows the data more closely, smaller keeps weights small")
      ->check(CLI::PositiveNumber)
      ->type_name("C")
      ->capture_default_str();
  app->add_option("--penalty", options->penalty, "l2, or l1 (sets cues that never help to zero)")
      ->check(CLI::IsMember({"l1", "l2"}))
      ->capture_default_str();
  app->add_flag("--keep-sign,!--no-keep-sign", options->fit.keep_sign,
                "A cue never becomes evidence for the other side (default); off, a support cue may change side");
  app->add_option("--folds", options->fit.folds, "Cross-validation folds (row i in fold i % K; 0: none)")
      ->type_name("K")
      ->capture_default_str();
  app->add_option("--min-rows", options->fit.min_rows, "Refuse input with fewer rows than N in any gold class")
      ->type_name("N")
      ->capture_default_str();
  app->footer(
      "The fitted taxonomy differs from the one in use (--taxonomy, or the built-in one) only in its cue weights\n"
      "and min_evidence: same cues, phrases, quotes and rationales. The report (stderr, or --report FILE) gives the\n"
      "engine's cross-validated three-way figures before and after, per class and per fold, the cues whose weight\n"
      "changed most, the cues set to zero and the cues that never matched. See docs/fit.md.\n"
      "\n"
      "Examples:\n"
      "  rolecheck fit --label-column text_label labelled.tsv -o fitted.json\n"
      "  rolecheck fit --label-column text_label --except-part 1/4 ../shared/data/onet_*_dev.tsv -o fitted.json\n"
      "  rolecheck --taxonomy fitted.json eval --label-column text_label --part 1/4 ../shared/data/onet_*_dev.tsv\n"
      "  rolecheck fit --penalty l1 --regularisation 0.5 --report fit.txt labelled.jsonl -o fitted.json\n");
  return {app, [&context, options] { return run_fit(context, *options); }};
}

}  // namespace rolecheck::cli
