// `rolecheck eval`: classify labelled data and score it three-way (sales, marketing, other) like
// scikit-learn's classification report.

#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input_files.hpp"
#include "labelled_input.hpp"
#include "output.hpp"
#include "rolecheck/classifier.hpp"
#include "rolecheck/error.hpp"
#include "rolecheck/evaluation.hpp"
#include "rolecheck/line_reader.hpp"
#include "rolecheck/record_format.hpp"

namespace rolecheck::cli {
namespace {

struct EvalOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::size_t errors = 0;
  std::string part;
  std::string except_part;
  std::string label_column = std::string(kDefaultLabelColumn);
  double min_confidence = 0.0;
};

struct PartFilter {
  std::size_t index = 0;
  std::size_t parts = 0;  // 0: no filter
  bool exclude = false;
  [[nodiscard]] bool keeps(std::size_t row) const noexcept {
    if (parts == 0) return true;
    return ((row % parts) == index) != exclude;
  }
};

PartFilter parse_part(const std::string& spec, bool exclude) {
  PartFilter filter;
  if (spec.empty()) return filter;
  unsigned k = 0;
  unsigned n = 0;
  char extra = 0;
  if (std::sscanf(spec.c_str(), "%u/%u%c", &k, &n, &extra) != 2 || n == 0 || k < 1 || k > n) {
    throw Error(fmt::format("--part/--except-part: expected K/N with 1 <= K <= N, got \"{}\"", spec));
  }
  filter.index = k - 1;
  filter.parts = n;
  filter.exclude = exclude;
  return filter;
}

struct ErrorExample {
  std::string where;
  std::string gold;
  std::string text;
  std::string predicted;
  std::string reasons;
};

int run_eval(Context& context, const EvalOptions& options) {
  const PartFilter filter = !options.part.empty() ? parse_part(options.part, false)
                                                  : parse_part(options.except_part, true);
  const Classifier classifier(context.taxonomy(), ClassifyOptions{options.min_confidence});
  Scanner scanner = classifier.make_scanner();
  Evaluation evaluation;
  std::vector<ErrorExample> examples;
  std::vector<Diagnostic> problems;
  Classification result;

  const auto score_row = [&](const std::string& where, std::string_view gold_text, std::string_view text) {
    const auto gold = parse_gold(gold_text);
    if (!gold) {
      problems.push_back(Diagnostic{
          where,
          0,
          0,
          {},
          fmt::format("{} must be sales, marketing, other or ambiguous, got \"{}\"", options.label_column, gold_text),
          {}});
      return;
    }
    if (*gold == Gold::ambiguous) {
      evaluation.add(*gold, Label::unknown);  // counted, not scored: no need to classify it
      return;
    }
    classifier.classify(text, scanner, result);
    evaluation.add(*gold, result.label);
    if (!prediction_matches(*gold, result.label) && examples.size() < options.errors) {
      examples.push_back(ErrorExample{where, std::string(gold_text), std::string(text),
                                      std::string(label_name(result.label)),
                                      reasons_summary(result, classifier.matcher())});
    }
  };

  for (const auto& path : options.files) {
    std::string error;
    auto input = InputFile::open(path, error);
    if (!input) {
      problems.push_back(Diagnostic{"", 0, 0, {}, error, {}});
      continue;
    }
    LineReader reader(input->fd(), input->name());
    LabelledLineParser parser(options.label_column);
    InputLine line;
    LabelledRow row;
    Diagnostic problem;
    bool skip_file = false;
    while (!skip_file && reader.next(line)) {
      switch (parser.parse(line.text, input->name(), line.number, row, problem)) {
        case LabelledLine::row:
          if (filter.keeps(row.index)) {
            score_row(fmt::format("{}:{}", input->name(), line.number), row.gold, row.text);
          }
          break;
        case LabelledLine::bad_header: skip_file = true; [[fallthrough]];
        case LabelledLine::problem: problems.push_back(problem); break;
        case LabelledLine::blank:
        case LabelledLine::header: break;
      }
    }
  }

  for (const auto& problem : problems) std::fputs(("rolecheck: " + format_diagnostic(problem) + "\n").c_str(), stderr);
  OutputTarget target("", false);
  std::string out;
  if (options.format == "json") {
    out = evaluation.to_json();
    if (!examples.empty()) {
      out.pop_back();
      out += ",\"errors\":[";
      for (std::size_t i = 0; i < examples.size(); ++i) {
        const auto& e = examples[i];
        out += i == 0 ? "{\"where\":" : ",{\"where\":";
        append_json_string(out, e.where);
        out += ",\"gold\":";
        append_json_string(out, e.gold);
        out += ",\"predicted\":";
        append_json_string(out, e.predicted);
        out += ",\"reasons\":";
        append_json_string(out, e.reasons);
        out += ",\"text\":";
        append_json_string(out, e.text);
        out += '}';
      }
      out += "]}";
    }
    out += '\n';
  } else {
    out = evaluation.to_text();
    if (!examples.empty()) out += "\nerrors\n";
    for (const auto& e : examples) {
      out += fmt::format("  {}  gold={} predicted={}  [{}]\n    {}\n", e.where, e.gold, e.predicted, e.reasons,
                         e.text.empty() ? "(blank)" : e.text);
    }
  }
  target.out().write(out);
  target.commit();
  return problems.empty() ? 0 : 2;
}

}  // namespace

Command add_eval_command(CLI::App& root, Context& context) {
  auto options = std::make_shared<EvalOptions>();
  auto* app = root.add_subcommand(
      "eval", "Score rolecheck three-way (sales, marketing, other) on labelled duties (TSV or JSONL)");
  app->add_option("files", options->files, "Labelled files")->required()->type_name("FILE...");
  app->add_option("-f,--format", options->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->add_option("--errors", options->errors, "List up to N misclassified rows with their reasons");
  auto* part = app->add_option("--part", options->part, "Score only rows i with i mod N == K-1 (K/N)")
                   ->type_name("K/N");
  app->add_option("--except-part", options->except_part, "Score every row except part K/N (the rest of --part)")
      ->type_name("K/N")
      ->excludes(part);
  app->add_option("--label-column", options->label_column,
                  "Take the gold label (sales, marketing, other or ambiguous) from this TSV column or JSON key")
      ->type_name("NAME")
      ->capture_default_str();
  app->add_option("--min-confidence", options->min_confidence, "Labels with a lower confidence become unknown")
      ->check(CLI::Range(0.0, 1.0));
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
