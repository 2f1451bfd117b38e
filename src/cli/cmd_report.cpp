// `rolecheck report`: one self-contained HTML page about a batch of duties.

#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input_files.hpp"
#include "output.hpp"

#include "rolecheck/classifier.hpp"
#include "rolecheck/error.hpp"
#include "rolecheck/html_report.hpp"
#include "rolecheck/line_reader.hpp"
#include "rolecheck/version.hpp"

namespace rolecheck::cli {
namespace {

struct ReportOptions {
  std::vector<std::string> files;
  std::string output_path;
  std::string title = "rolecheck report";
  double min_confidence = 0.0;
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
};

void warn(const std::string& message) { std::fputs(("rolecheck: " + message + "\n").c_str(), stderr); }

// Line mode: every input line is one item, as in `rolecheck classify`. Returns false if an input failed.
bool add_lines(const std::vector<std::string>& paths, const ReportOptions& options, const Classifier& classifier,
               HtmlReport& report) {
  Scanner scanner = classifier.make_scanner();
  Classification result;
  bool ok = true;
  for (const auto& path : paths) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      warn(error);
      ok = false;
      continue;
    }
    LineReader reader(input->fd(), input->name(), options.max_line_bytes);
    InputLine line;
    try {
      while (reader.next(line)) {
        if (line.too_long) {
          result = Classification{};
          result.basis = Basis::too_long;
          result.confidence = 1.0;
        } else {
          classifier.classify(line.text, scanner, result);
        }
        report.add(input->name(), line.number, line.text, result);
      }
    } catch (const Error& read_error) {
      warn(read_error.what());
      ok = false;
    }
  }
  return ok;
}

// Extension point for document mode: a sibling of add_lines() that reads whole documents and calls
// report.add(file, document_number, text, result) once per document, with HtmlReportOptions::unit set to
// "document" / "documents" before the HtmlReport is constructed in run_report().

int run_report(Context& context, const ReportOptions& options) {
  const auto inputs = resolve_inputs(options.files);
  if (!inputs) {
    warn("no input: give a FILE, '-' for stdin, or pipe text in (try 'rolecheck report --help')");
    return 2;
  }
  if ((options.output_path.empty() || options.output_path == "-") && stdout_is_terminal()) {
    warn("the report is an HTML file: give -o FILE (for example -o report.html), or redirect stdout");
    return 2;
  }
  ClassifyOptions classify_options;
  classify_options.min_confidence = options.min_confidence;
  const Classifier classifier(context.taxonomy(), classify_options);
  HtmlReportOptions report_options;
  report_options.title = options.title;
  report_options.generator = fmt::format("rolecheck {}", version_string());
  HtmlReport report(classifier, report_options);
  const bool ok = add_lines(*inputs, options, classifier, report);

  OutputTarget target(options.output_path, false);
  report.write([&target](std::string_view bytes) { target.out().write(bytes); });
  target.commit();
  return ok ? 0 : 2;
}

}  // namespace

Command add_report_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<ReportOptions>();
  auto* app = root.add_subcommand(
      "report", "Write one self-contained HTML page: label chart, the four differences, every duty highlighted");
  app->add_option("files", options->files, "Input files, one duty per line; '-' is stdin (default: stdin)")
      ->type_name("FILE...");
  app->add_option("-o,--output", options->output_path, "Write the page to FILE (atomically, via a temporary file)")
      ->type_name("FILE");
  app->add_option("--title", options->title, "Title of the page")->capture_default_str();
  app->add_option("--min-confidence", options->min_confidence, "Labels with a lower confidence become unknown")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--max-line-bytes", options->max_line_bytes, "Longer lines are not read and get an unknown record")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
  app->footer(
      "Examples:\n"
      "  rolecheck report duties.txt -o report.html\n"
      "  rolecheck report --title \"Q3 job postings\" a.txt b.txt -o q3.html\n"
      "  cut -f2 postings.tsv | rolecheck report -o postings.html\n");
  return {app, [&context, options] { return run_report(context, *options); }};
}

}  // namespace rolecheck::cli
