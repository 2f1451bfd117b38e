// `rolecheck diff OLD NEW FILE...`: what a taxonomy edit changes. Classifies the corpus under both
// taxonomies and lists the lines (or documents) whose label changed, with the cues that made the
// difference and the transition counts.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "commands/common_options.hpp"
#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "io/output.hpp"
#include "io/spool.hpp"
#include "pipeline/diff_pipeline.hpp"

#include "rolecheck/engine/classifier.hpp"

namespace rolecheck::cli {
namespace {

struct DiffOptions {
  std::string old_taxonomy;
  std::string new_taxonomy;
  std::vector<std::string> files;
  std::string format = "text";
  std::string output_path;
  InputOptions in;
  std::size_t jobs = 1;
  bool exit_code = false;
};

// "embedded" is the built-in taxonomy; anything else is a file.
CompiledTaxonomy load_taxonomy_argument(const std::string& argument) {
  return load_named_taxonomy(argument == "embedded" ? std::string("<embedded>") : argument);
}

int run_diff(const DiffOptions& options) {
  const Classifier old_classifier(load_taxonomy_argument(options.old_taxonomy));
  const Classifier new_classifier(load_taxonomy_argument(options.new_taxonomy));
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    warn("no input: give a FILE, '-' for stdin, or pipe text in (try 'rolecheck diff --help')");
    return 2;
  }
  if (const auto conflict = options.in.conflict(*inputs); !conflict.empty()) {
    warn(conflict);
    return 2;
  }
  for (const auto& warning : record_name_warnings(options.in, *inputs)) warn(warning);
  if (options.in.record_lines()) {
    warn("diff reads JSONL, JSON and CSV records as job descriptions: leave out --unit line");
    return 2;
  }
  const bool documents = options.in.documents(*inputs);
  DiffSettings settings;
  settings.format = options.format == "jsonl" ? DiffFormat::jsonl : DiffFormat::text;
  settings.jobs = options.jobs;
  settings.layout = [&options](const std::string& path) { return options.in.layout_for(path); };
  settings.fields = options.in.fields(true);
  const auto run = [&](Output& out) {
    return documents ? diff_document_inputs(*inputs, old_classifier, new_classifier, out, settings)
                     : diff_line_inputs(*inputs, old_classifier, new_classifier, out, settings);
  };

  OutputTarget target(options.output_path, false);
  DiffTotals totals;
  std::string summary;
  if (settings.format == DiffFormat::jsonl) {
    // Records as they come, then the summary object last.
    totals = run(target.out());
    if (totals.inputs.nothing_read()) return 2;  // nothing could be read: no summary of nothing
    append_diff_summary(summary, settings.format, totals.tally, documents);
    target.out().write(summary);
  } else {
    // The counts come first but are known only at the end: the records wait in a temporary file.
    Spool spool;
    totals = run(spool.out());
    if (totals.inputs.nothing_read()) return 2;  // nothing could be read: no summary of nothing
    append_diff_summary(summary, settings.format, totals.tally, documents);
    if (totals.tally.changed != 0) summary += '\n';
    target.out().write(summary);
    spool.copy_to(target.out());
  }
  target.commit();
  if (totals.status != 0) return 2;
  return options.exit_code && totals.tally.changed != 0 ? 1 : 0;
}

}  // namespace

Command add_diff_command(CLI::App& root, Context& /*context*/) {
  auto options = std::make_shared<DiffOptions>();
  auto* app = root.add_subcommand(
      "diff", "Show what a taxonomy edit changes: the lines whose label moves, and the cues that moved them");
  app->add_option("old", options->old_taxonomy, "The taxonomy before the edit: a file, or 'embedded' (built in)")
      ->type_name("OLD")
      ->required();
  app->add_option("new", options->new_taxonomy, "The taxonomy after the edit: a file, or 'embedded'")
      ->type_name("NEW")
      ->required();
  app->add_option("files", options->files, "Input files, one duty per line; '-' is stdin (default: stdin)")
      ->type_name("FILE...");
  app->add_option("-f,--format", options->format,
                  "text: counts, then each changed line; jsonl: one object per changed line, then a summary object")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  app->add_flag("--exit-code", options->exit_code, "Exit 1 when any label changed, 0 when none did (2 on error)");
  add_output_option(*app, options->output_path);
  add_pipeline_options(*app, options->in, options->jobs);
  app->footer(
      "Examples:\n"
      "  rolecheck taxonomy show --format json > mine.json   # then edit mine.json\n"
      "  rolecheck diff embedded mine.json duties.txt\n"
      "  rolecheck diff --format jsonl embedded mine.json duties.txt > changes.jsonl\n"
      "  rolecheck diff --exit-code -j 2 old.json new.json big.txt > /dev/null || echo \"labels moved\"\n"
      "  cat duties.txt | rolecheck diff old.json new.json\n"
      "  rolecheck diff --unit document embedded mine.json postings/*.txt\n"
      "  rolecheck diff --input jsonl embedded mine.json postings.jsonl\n");
  return {app, [options] { return run_diff(*options); }};
}

}  // namespace rolecheck::cli
