// `rolecheck classify`: one record per input line, in order, with label, confidence and reasons.

#include <array>
#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "classify_documents.hpp"
#include "commands.hpp"
#include "input_files.hpp"
#include "output.hpp"
#include "rolecheck/classifier.hpp"
#include "rolecheck/error.hpp"
#include "rolecheck/line_reader.hpp"
#include "rolecheck/record_format.hpp"
#include "terminal.hpp"

namespace rolecheck::cli {
namespace {

struct ClassifyOptionsCli {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output_path;
  std::string color = "auto";
  std::vector<std::string> only;
  std::string expect;
  double min_confidence = 0.0;
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
  bool explain = false;
  bool count = false;
  bool quiet = false;
  bool line_buffered = false;
  std::string unit = "line";
  std::string input = "text";
};

// --unit document (or --input jsonl): whole job descriptions, handled in classify_documents.cpp.
int run_documents(Context& context, const ClassifyOptionsCli& options) {
  if (!options.only.empty() || options.count || options.quiet || !options.expect.empty()) {
    std::fputs("rolecheck: --only, --count, --quiet and --expect apply to --unit line only\n", stderr);
    return 2;
  }
  DocumentRunOptions documents;
  documents.files = options.files;
  documents.format = options.format;
  documents.input = options.input;
  documents.output_path = options.output_path;
  documents.color = options.color;
  documents.min_confidence = options.min_confidence;
  documents.explain = options.explain;
  documents.line_buffered = options.line_buffered;
  return run_classify_documents(context, documents);
}

void warn(const std::string& message) { std::fputs(("rolecheck: " + message + "\n").c_str(), stderr); }

// Reads every input and writes one record per line; returns the exit status.
int run_classify(Context& context, const ClassifyOptionsCli& options) {
  if (options.unit == "document" || options.input == "jsonl") return run_documents(context, options);
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    warn("no input: give a FILE, '-' for stdin, or pipe text in (try 'rolecheck classify --help')");
    return 2;
  }
  ClassifyOptions classify_options;
  classify_options.min_confidence = options.min_confidence;
  const Classifier classifier(context.taxonomy(), classify_options);
  Scanner scanner = classifier.make_scanner();

  std::array<bool, 4> keep{true, true, true, true};
  if (!options.only.empty()) {
    keep.fill(false);
    for (const auto& name : options.only) keep[static_cast<std::size_t>(*parse_label(name))] = true;
  }
  const auto expected = options.expect.empty() ? std::nullopt : parse_label(options.expect);
  const bool silent = options.quiet || options.count;

  OutputTarget target(silent ? std::string() : options.output_path, options.line_buffered);
  RecordStyle style;
  style.explain = options.explain;
  style.color = use_color(options.color, target.is_terminal());
  RecordFormatter formatter(*parse_record_format(options.format), classifier, style);
  std::string buffer;
  if (!silent) formatter.begin(buffer);

  std::array<std::size_t, 4> counts{};
  bool all_expected = true;
  int status = 0;
  Classification result;
  for (const auto& path : *inputs) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      warn(error);
      status = 2;
      continue;
    }
    LineReader reader(input->fd(), input->name(), options.max_line_bytes);
    InputLine line;
    std::size_t first_invalid = 0;
    std::size_t first_too_long = 0;
    std::size_t first_nul = 0;
    try {
      while (reader.next(line)) {
        if (line.too_long) {
          if (first_too_long == 0) first_too_long = line.number;
          result = Classification{};
          result.label = Label::unknown;
          result.basis = Basis::too_long;
          result.confidence = 1.0;
        } else {
          if (line.invalid_utf8 && first_invalid == 0) first_invalid = line.number;
          if (line.has_nul && first_nul == 0) first_nul = line.number;
          classifier.classify(line.text, scanner, result);
        }
        const auto label = static_cast<std::size_t>(result.label);
        ++counts[label];
        if (expected && result.label != *expected) all_expected = false;
        if (silent || !keep[label]) continue;
        formatter.record(buffer, RecordOrigin{input->name(), line.number}, line.text, result);
        if (buffer.size() >= (1u << 15) || target.is_terminal() || options.line_buffered) {
          target.out().write(buffer);
          target.out().end_record();
          buffer.clear();
        }
      }
    } catch (const Error& read_error) {
      warn(read_error.what());
      status = 2;
    }
    if (first_invalid != 0) {
      warn(fmt::format("{}:{}: warning: invalid UTF-8 replaced by U+FFFD (first such line)", input->name(),
                       first_invalid));
    }
    if (first_nul != 0) {
      warn(fmt::format("{}:{}: warning: NUL bytes read as spaces (first such line)", input->name(), first_nul));
    }
    if (first_too_long != 0) {
      warn(fmt::format("{}:{}: warning: line longer than --max-line-bytes={} labelled unknown (first such line)",
                       input->name(), first_too_long, options.max_line_bytes));
    }
  }
  if (!silent) formatter.end(buffer);
  if (options.count && !options.quiet) {
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (!keep[i]) continue;
      fmt::format_to(std::back_inserter(buffer), "{}\t{}\n", label_name(static_cast<Label>(i)), counts[i]);
    }
  }
  target.out().write(buffer);
  target.commit();
  if (status == 0 && expected && !all_expected) return 1;
  return status;
}

}  // namespace

Command add_classify_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<ClassifyOptionsCli>();
  auto* app = root.add_subcommand("classify", "Label each line (a duty) as sales, marketing, mixed or unknown");
  app->add_option("files", options->files, "Input files, one duty per line; '-' is stdin (default: stdin)")
      ->type_name("FILE...");
  app->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "jsonl", "json", "tsv", "csv"}))
      ->capture_default_str();
  app->add_flag("--explain", options->explain, "Text format: list the reasons under each duty");
  app->add_option("--min-confidence", options->min_confidence,
                  "Labels with a lower confidence become unknown")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--only", options->only, "Keep only records with these labels")
      ->delimiter(',')
      ->check(CLI::IsMember({"sales", "marketing", "mixed", "unknown"}))
      ->type_name("LABEL[,LABEL]");
  app->add_flag("--count", options->count, "Print the number of records per label instead of the records");
  app->add_flag("-q,--quiet", options->quiet, "Print nothing; with --expect, the exit status tells");
  app->add_option("--expect", options->expect, "Exit 1 unless every record has this label (0 if all do)")
      ->check(CLI::IsMember({"sales", "marketing", "mixed", "unknown"}));
  app->add_option("--max-line-bytes", options->max_line_bytes,
                  "Longer lines are not read and get an unknown record")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
  app->add_option("-o,--output", options->output_path, "Write to FILE (atomically, via a temporary file)")
      ->type_name("FILE");
  app->add_option("--color", options->color, "Colour labels: auto (terminal only), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->add_flag("--line-buffered", options->line_buffered, "Flush after every record (for coprocesses)");
  app->add_option("--unit", options->unit, "line: one duty per line; document: each FILE is one job description")
      ->check(CLI::IsMember({"line", "document"}))
      ->capture_default_str();
  app->add_option("--input", options->input, "text, or jsonl: one {\"id\", \"text\"} job description per line")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  app->footer(
      "Examples:\n"
      "  rolecheck classify duties.txt\n"
      "  rolecheck classify --explain duties.txt\n"
      "  cat duties.txt | rolecheck classify --format jsonl\n"
      "  rolecheck classify --only marketing --format tsv a.txt b.txt\n"
      "  rolecheck classify --count duties.txt\n"
      "  echo \"Cold-call prospects\" | rolecheck classify -q --expect sales && echo sales\n"
      "  rolecheck classify --unit document posting.txt\n"
      "  rolecheck classify --input jsonl --format jsonl postings.jsonl\n");
  return {app, [&context, options] { return run_classify(context, *options); }};
}

}  // namespace rolecheck::cli
