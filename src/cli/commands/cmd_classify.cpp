// `rolecheck classify`: one record per input line, in order, with label, confidence and reasons.

#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <numeric>
#include <string>
#include <unistd.h>
#include <vector>

#include "commands/commands.hpp"
#include "commands/common_options.hpp"
#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "io/label_counts.hpp"
#include "io/output.hpp"
#include "io/progress.hpp"
#include "io/terminal.hpp"
#include "pipeline/classify_documents.hpp"
#include "pipeline/line_pipeline.hpp"

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/output/record_format.hpp"
#include "rolecheck/support/error.hpp"

namespace rolecheck::cli {
namespace {

struct ClassifyOptionsCli {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output_path;
  std::string color = "auto";
  std::vector<std::string> only;
  std::vector<std::string> expect;
  bool skip_blank = false;
  double min_confidence = 0.0;
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
  CLI::Option* max_line_bytes_option = nullptr;  // to tell whether --max-line-bytes was given
  bool explain = false;
  bool count = false;
  bool quiet = false;
  bool line_buffered = false;
  bool summary = false;
  bool review = false;
  InputOptions in;
  std::size_t jobs = 1;
};

// "sales,marketing" -> {"sales", "marketing"}.
std::vector<std::string> split_labels(const std::string& value) {
  std::vector<std::string> labels;
  std::size_t start = 0;
  for (;;) {
    const auto comma = value.find(',', start);
    labels.push_back(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return labels;
    start = comma + 1;
  }
}

// A label's index, shared by line labels and document verdicts: sales 0, marketing 1, other 2, mixed or
// hybrid 3 (mixed for lines, hybrid for documents: either name is accepted), unknown 4.
std::optional<std::size_t> label_index(std::string_view name) {
  if (name == "hybrid") return static_cast<std::size_t>(Label::mixed);
  const auto label = parse_label(name);
  if (!label) return std::nullopt;
  return static_cast<std::size_t>(*label);
}

// The labels --only keeps (all when it names none: not given, or only `review`).
std::array<bool, kLabelCount> kept_labels(const std::vector<std::string>& only) {
  std::array<bool, kLabelCount> keep{true, true, true, true, true};
  bool any = false;
  for (const auto& value : only) {
    for (const auto& name : split_labels(value)) {
      if (name == "review") continue;
      if (!any) keep.fill(false);
      any = true;
      keep[*label_index(name)] = true;
    }
  }
  return keep;
}

// The labels --expect accepts (values repeated or comma-separated, as --only takes them).
std::array<bool, kLabelCount> expected_labels(const std::vector<std::string>& expect) {
  std::array<bool, kLabelCount> accepted{};
  for (const auto& value : expect) {
    for (const auto& name : split_labels(value)) accepted[*label_index(name)] = true;
  }
  return accepted;
}

// True when --only names `review` (or --review is given): only records flagged for review are kept.
bool only_review(const std::vector<std::string>& only, bool review_flag) {
  for (const auto& value : only) {
    for (const auto& name : split_labels(value)) {
      if (name == "review") return true;
    }
  }
  return review_flag;
}

// --unit document (or --input jsonl): whole job descriptions, handled in classify_documents.cpp.
int run_documents(Context& context, const ClassifyOptionsCli& options) {
  if (options.max_line_bytes_option->count() > 0) {
    warn(document_line_limit_message());
    return 2;
  }
  DocumentRunOptions documents;
  documents.files = options.files;
  documents.format = options.format;
  documents.in = options.in;
  documents.record_lines = options.in.record_lines();
  documents.output_path = options.output_path;
  documents.color = options.color;
  documents.min_confidence = options.min_confidence;
  documents.explain = options.explain;
  documents.line_buffered = options.line_buffered;
  documents.summary = options.summary;
  documents.progress = !options.quiet && stderr_is_terminal();
  documents.jobs = options.jobs;
  documents.keep = kept_labels(options.only);
  documents.only_review = only_review(options.only, options.review);
  if (!options.expect.empty()) documents.expected = expected_labels(options.expect);
  documents.count = options.count;
  documents.quiet = options.quiet;
  return run_classify_documents(context, documents);
}

// Reads every input and writes one record per line; returns the exit status.
int run_classify(Context& context, const ClassifyOptionsCli& options) {
  if (options.explain && options.format != "text") {
    warn(
        fmt::format("--explain lists reasons under each duty in the text format only; --format {} takes no "
                    "--explain: drop it, or use --format text",
                    options.format));
    return 2;
  }
  if (const auto conflict = options.in.conflict(options.files); !conflict.empty()) {
    warn(conflict);
    return 2;
  }
  for (const auto& warning : record_name_warnings(options.in, options.files)) warn(warning);
  if (options.in.documents(options.files) || options.in.record_lines()) return run_documents(context, options);
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    warn("no input: give a FILE, '-' for stdin, or pipe text in (try 'rolecheck classify --help')");
    return 2;
  }
  const Classifier classifier(context.taxonomy(), ClassifyOptions{options.min_confidence});

  LineSettings settings;
  settings.max_line_bytes = options.max_line_bytes;
  settings.keep = kept_labels(options.only);
  settings.only_review = only_review(options.only, options.review);
  if (!options.expect.empty()) settings.expected = expected_labels(options.expect);
  settings.skip_blank = options.skip_blank;
  settings.silent = options.quiet || options.count;
  settings.jobs = options.jobs;
  settings.summary = options.summary;
  const bool silent = settings.silent;
  const auto& keep = settings.keep;

  OutputTarget target(options.output_path, options.line_buffered);  // --count and -q honour -o too
  settings.flush_each_record = target.is_terminal() || options.line_buffered;
  // Progress shares stderr's terminal only when records do not go to that terminal too.
  settings.progress = !options.quiet && stderr_is_terminal() && (silent || !target.is_terminal());
  RecordStyle style;
  style.explain = options.explain;
  style.color = use_color(options.color, target.is_terminal());
  RecordFormatter formatter(*parse_record_format(options.format), classifier, style);
  const auto totals = classify_lines(*inputs, classifier, formatter, target.out(), settings);
  const auto& counts = settings.only_review ? totals.tally.review_counts : totals.tally.counts;
  // No input could be read: nothing to report (no JSON brackets, counts or summary), the errors alone.
  if (totals.inputs.nothing_read()) return 2;
  std::string buffer;
  if (!silent) formatter.stream().end(buffer);
  if (options.count && !options.quiet) {
    std::vector<std::pair<std::string_view, std::size_t>> rows;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (keep[i]) rows.emplace_back(label_name(static_cast<Label>(i)), counts[i]);
    }
    append_label_counts(buffer, rows, options.format);
  }
  target.out().write(buffer);
  target.commit();
  if (options.summary) print_run_summary(totals.tally.summary, line_summary_legend(classifier), options.color);
  // --expect asserts something about the records: with none (empty input) nothing was shown to have the label.
  const bool no_records = std::accumulate(totals.tally.counts.begin(), totals.tally.counts.end(), std::size_t{0}) == 0;
  if (totals.status == 0 && settings.expected && (!totals.tally.all_expected || no_records)) return 1;
  return totals.status;
}

}  // namespace

Command add_classify_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<ClassifyOptionsCli>();
  auto* app = root.add_subcommand("classify", "Label each line (a duty) as sales, marketing, other, mixed or unknown");
  app->add_option("files", options->files, "Input files, one duty per line; '-' is stdin (default: stdin)")
      ->type_name("FILE...");
  app->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "jsonl", "json", "tsv", "csv"}))
      ->capture_default_str();
  app->add_flag("--explain", options->explain, "Text format: list the reasons under each duty");
  app->add_option("--min-confidence", options->min_confidence, "Labels with a lower confidence become unknown")
      ->check(fraction());
  app->add_option("--only", options->only,
                  "Keep only records with these labels (repeat or use commas); review: only records flagged for "
                  "review")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)              // one value per use...
      ->allow_extra_args(false)  // ...so `--only sales FILE` leaves FILE alone
      ->check(
          [](const std::string& value) -> std::string {
            for (const auto& label : split_labels(value)) {
              if (label != "review" && !label_index(label)) {
                return "'" + label +
                       "' is not a label: use sales, marketing, other, mixed (hybrid for documents), unknown or "
                       "review (flagged for review; comma-separated)";
              }
            }
            return {};
          },
          "LABEL[,LABEL]")
      ->type_name("LABEL[,LABEL]");
  app->add_flag("--review", options->review, "Keep only records flagged for a person to review (--only review)");
  app->add_flag("--count", options->count,
                "Print the number of records per label instead of the records (as --format json or csv too)");
  app->add_flag("-q,--quiet", options->quiet, "Print nothing; with --expect, the exit status tells");
  app->add_option("--expect", options->expect,
                  "Exit 1 unless there are records and every one has one of these labels (repeat or use commas; a "
                  "line with no words never fails it)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false)
      ->check(
          [](const std::string& value) -> std::string {
            for (const auto& label : split_labels(value)) {
              if (!label_index(label)) {
                return "'" + label +
                       "' is not a label: use sales, marketing, other, mixed (hybrid for documents) or unknown "
                       "(comma-separated)";
              }
            }
            return {};
          },
          "LABEL[,LABEL]")
      ->type_name("LABEL[,LABEL]");
  app->add_flag("--skip-blank", options->skip_blank,
                "Lines with no words (blank, or only punctuation) get no record and are not counted");
  options->max_line_bytes_option = add_max_line_bytes_option(*app, options->max_line_bytes);
  add_output_option(*app, options->output_path);
  app->add_flag("--line-buffered", options->line_buffered, "Flush after every record (for coprocesses)");
  app->add_flag("--summary", options->summary,
                "After the records, print to stderr the labels as a bar chart and the cues that fired most "
                "(even with --quiet)");
  add_pipeline_options(*app, options->in, options->jobs);
  app->footer(
      "Examples:\n"
      "  rolecheck classify duties.txt\n"
      "  rolecheck classify --explain duties.txt\n"
      "  cat duties.txt | rolecheck classify --format jsonl\n"
      "  rolecheck classify --only marketing --format tsv a.txt b.txt\n"
      "  rolecheck classify --count duties.txt\n"
      "  rolecheck classify --only review --format tsv duties.txt\n"
      "  rolecheck classify --summary -o labels.txt duties.txt\n"
      "  rolecheck classify -q --summary -j 4 big.txt\n"
      "  rolecheck classify --explain --color always duties.txt | less -R\n"
      "  echo \"Cold-call prospects\" | rolecheck classify -q --expect sales && echo sales\n"
      "  rolecheck classify -q --skip-blank --expect sales,marketing duties.txt\n"
      "  rolecheck classify --count --format json duties.txt\n"
      "  rolecheck classify -j 4 --format tsv big.txt > labels.tsv\n"
      "  rolecheck classify --unit document posting.txt\n"
      "  rolecheck classify --unit document --summary postings/*.txt\n"
      "  rolecheck classify --input jsonl --format jsonl postings.jsonl\n"
      "  rolecheck classify --input jsonl --text-field description --title-field job_title export.jsonl\n"
      "  rolecheck classify --input json --id-field req_id --text-field description export.json\n"
      "  rolecheck classify --input csv --text-column Description --id-column 'Req ID' ats_export.csv\n"
      "  rolecheck classify --input csv --unit line --format tsv duties.csv   # one duty per row, ids kept\n"
      "  rolecheck classify posting.html            # HTML: headings, lists, no tags\n"
      "  rolecheck classify --unit document posting.txt.gz\n");
  return {app, [&context, options] {
            options->color = context.options.color;  // a global option
            return run_classify(context, *options);
          }};
}

}  // namespace rolecheck::cli
