// `rolecheck report`: one self-contained HTML page about a batch of duties or job descriptions.

#include <cstdio>
#include <fmt/format.h>
#include <functional>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "commands/common_options.hpp"
#include "io/diagnostics.hpp"
#include "io/input_files.hpp"
#include "io/input_tally.hpp"
#include "io/output.hpp"

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/input/document_input.hpp"
#include "rolecheck/input/line_reader.hpp"
#include "rolecheck/output/html_report.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/version.hpp"

namespace rolecheck::cli {
namespace {

struct ReportOptions {
  std::vector<std::string> files;
  std::string output_path;
  std::string title = "rolecheck report";
  double min_confidence = 0.0;
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
  CLI::Option* max_line_bytes_option = nullptr;  // to tell whether --max-line-bytes was given
  InputOptions in;
};

// Thrown by a reader that has already reported why its input failed.
struct InputFailed {};

// Opens every input in turn and hands it to `read`, which adds its items to the report and tells each to
// `inputs`; an input that cannot be opened or read is reported and the others are still read. Returns false
// when one could not be.
bool read_inputs(const std::vector<std::string>& paths, InputTally& inputs,
                 const std::function<void(const InputFile&)>& read) {
  bool ok = true;
  for (const auto& path : paths) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      warn(error);
      ok = false;
      continue;
    }
    inputs.opened();
    try {
      read(*input);
      inputs.read_wholly();
      continue;
    } catch (const Error& read_error) { warn(read_error.what()); } catch (const InputFailed&) {
    }
    ok = false;
    inputs.read_error();  // what came before the read error is on the page
  }
  return ok;
}

// Classifies every line `reader` gives and adds it to the report, telling each to `inputs`; throws Error on a
// read error.
void read_lines(LineReader& reader, InputLine& line, LineNotices& notices, const Classifier& classifier,
                Scanner& scanner, Classification& result, const InputFile& input, HtmlReport& report,
                InputTally& inputs) {
  while (reader.next(line)) {
    inputs.item();
    notices.note(line);
    if (line.too_long) {
      classifier.mark_unread(Basis::too_long, result);
    } else {
      classifier.classify(line.text, scanner, result);
    }
    report.add(input.name(), line.number, line.text, result);
  }
}

// Line mode: every input line is one item, as in `rolecheck classify`.
bool add_lines(const std::vector<std::string>& paths, const ReportOptions& options, const Classifier& classifier,
               HtmlReport& report, InputTally& inputs) {
  Scanner scanner = classifier.make_scanner();
  Classification result;
  return read_inputs(paths, inputs, [&](const InputFile& input) {
    LineReader reader(input.fd(), input.name(), options.max_line_bytes);
    InputLine line;
    LineNotices notices;
    // The warnings classify prints, also when a read error ends the input early (then after the error,
    // as classify prints them).
    const auto print_notices = [&] {
      std::vector<std::string> messages;
      notices.collect(input.name(), options.max_line_bytes, messages);
      for (const auto& message : messages) warn(message);
    };
    try {
      read_lines(reader, line, notices, classifier, scanner, result, input, report, inputs);
    } catch (const Error& read_error) {
      warn(read_error.what());
      print_notices();
      throw InputFailed();
    }
    print_notices();
  });
}

// Document mode: every input (or, with --input jsonl, every line) is one job description, read by the
// core's document_input exactly as `rolecheck classify --unit document` reads it. Inputs that cannot be
// classified become error items (so an input read as one failed document still counts as read).
bool add_documents(const std::vector<std::string>& paths, const ReportOptions& options,
                   const DocumentClassifier& documents, HtmlReport& report, InputTally& inputs) {
  const auto fields = options.in.fields(true);
  Scanner scanner = documents.classifier().make_scanner();
  InputDocument document;
  DocumentResult result;
  std::vector<std::string> messages;
  bool documents_ok = true;
  const bool inputs_ok = read_inputs(paths, inputs, [&](const InputFile& input) {
    DocumentReader reader(input.fd(), input.name(), options.in.layout_for(input.name()), fields);
    DocumentNotices notices;
    // Blank lines of records are counted once the input is read (a read error still reports them).
    struct BlankNote {
      const DocumentReader& reader;
      const std::string& name;
      ~BlankNote() {
        if (const auto blank = reader.blank_lines(); blank != 0) warn(blank_lines_message(name, blank));
      }
    } note{reader, input.name()};
    while (reader.next(document)) {
      inputs.item();
      messages.clear();
      notices.collect(document, input.name(), messages);
      for (const auto& message : messages) warn(message);
      if (!document.ok()) {
        report.add_error(document.origin(), document.error);
        documents_ok = false;
        continue;
      }
      documents.classify(document.text, scanner, result);
      report.add_document(document.origin(), document.text, result);
    }
  });
  return inputs_ok && documents_ok;
}

int run_report(Context& context, const ReportOptions& options) {
  const auto inputs = resolve_inputs(options.files);
  if (const auto conflict = options.in.conflict(inputs ? *inputs : std::vector<std::string>{}); !conflict.empty()) {
    warn(conflict);
    return 2;
  }
  for (const auto& warning : record_name_warnings(options.in, inputs ? *inputs : std::vector<std::string>{}))
    warn(warning);
  if (options.in.record_lines()) {
    warn(
        "report reads JSONL, JSON and CSV records as job descriptions: leave out --unit line (or use "
        "classify --unit line for one duty per record)");
    return 2;
  }
  const bool by_document = options.in.documents(inputs ? *inputs : std::vector<std::string>{});
  if (!inputs) {
    warn(fmt::format("no input: give a FILE, '-' for stdin, or pipe {} in (try 'rolecheck report --help')",
                     by_document ? "a job description" : "text"));
    return 2;
  }
  if (by_document && options.max_line_bytes_option->count() > 0) {
    warn(document_line_limit_message());
    return 2;
  }
  if ((options.output_path.empty() || options.output_path == "-") && stdout_is_terminal()) {
    warn("the report is an HTML file: give -o FILE (for example -o report.html), or redirect stdout");
    return 2;
  }
  // Opened before the work, so a bad -o fails at once.
  OutputTarget target(options.output_path, false);
  const Classifier classifier(context.taxonomy(), ClassifyOptions{options.min_confidence});
  HtmlReportOptions report_options;
  report_options.title = options.title;
  report_options.generator = fmt::format("rolecheck {}", version_string());
  const DocumentClassifier documents(classifier);
  HtmlReport report = by_document ? HtmlReport(documents, report_options) : HtmlReport(classifier, report_options);
  InputTally read;
  const bool ok = by_document ? add_documents(*inputs, options, documents, report, read)
                              : add_lines(*inputs, options, classifier, report, read);
  // Everything that could be read is on the page; when no input could be read there is no page to write
  // (and -o is left as it was).
  if (read.nothing_read()) return 2;
  report.write([&target](std::string_view bytes) { target.out().write(bytes); });
  target.commit();
  return ok ? 0 : 2;
}

}  // namespace

Command add_report_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<ReportOptions>();
  auto* app = root.add_subcommand(
      "report",
      "Write one self-contained HTML page: label chart, the four differences, every duty (or document) highlighted");
  app->add_option("files", options->files, "Input files, one duty per line; '-' is stdin (default: stdin)")
      ->type_name("FILE...");
  add_output_option(*app, options->output_path, "Write the page to FILE (atomically, via a temporary file)");
  app->add_option("--title", options->title, "Title of the page")->capture_default_str();
  app->add_option("--min-confidence", options->min_confidence, "Labels with a lower confidence become unknown")
      ->check(fraction());
  options->max_line_bytes_option = add_max_line_bytes_option(*app, options->max_line_bytes);
  add_document_input_options(*app, options->in);
  app->footer(
      "Examples:\n"
      "  rolecheck report duties.txt -o report.html\n"
      "  rolecheck report --title \"Q3 job postings\" a.txt b.txt -o q3.html\n"
      "  cut -f2 postings.tsv | rolecheck report -o postings.html\n"
      "  rolecheck report --unit document posting1.txt posting2.txt -o postings.html\n"
      "  rolecheck report --input jsonl postings.jsonl -o postings.html\n");
  return {app, [&context, options] { return run_report(context, *options); }};
}

}  // namespace rolecheck::cli
