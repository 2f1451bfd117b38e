// `rolecheck taxonomy validate [FILE...]` and `rolecheck taxonomy show [FILE] [--format text|json]`.

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <string>

#include "commands/commands.hpp"
#include "io/diagnostics.hpp"
#include "io/output.hpp"

#include "rolecheck/engine/matcher.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

namespace rolecheck::cli {
namespace {

/// Cues of a difference by side and role: sales core, sales support, marketing core, marketing support.
std::array<std::size_t, 4> cues_per_side_and_role(const std::vector<Cue>& cues) {
  std::array<std::size_t, 4> counts{};
  for (const Cue& cue : cues) {
    ++counts[static_cast<std::size_t>(cue.side) * 2 + (cue.role == CueRole::support ? 1 : 0)];
  }
  return counts;
}

/// Cues per side over all differences (other-work cues have no side).
std::array<std::size_t, 2> cues_per_side(const Taxonomy& taxonomy) {
  std::array<std::size_t, 2> counts{0, 0};
  for (const Difference& difference : taxonomy.differences) {
    const auto one = cues_per_side_and_role(difference.cues);
    counts[0] += one[0] + one[1];
    counts[1] += one[2] + one[3];
  }
  return counts;
}

/// Every problem of one taxonomy in one pass: the schema's, then (when the model mirrors the file) the
/// phrase problems only compiling finds (phrases that normalise to nothing or to another's words).
TaxonomyParseResult check_taxonomy(const std::string& name) {
  TaxonomyParseResult result =
      name == "<embedded>" ? parse_taxonomy(embedded_taxonomy_json(), name) : read_taxonomy_file(name);
  if (!result.ok() && !result.intact) return result;
  try {
    const Matcher matcher(result.taxonomy);
  } catch (const Error& error) {
    result.problems.insert(result.problems.end(), error.diagnostics().begin(), error.diagnostics().end());
  }
  return result;
}

int run_validate(Context& context, const std::vector<std::string>& files) {
  std::vector<std::string> names = files;
  if (names.empty()) names.push_back(context.taxonomy_name());
  OutputTarget target("", false);
  int status = 0;
  for (const auto& name : names) {
    const TaxonomyParseResult result = check_taxonomy(name);
    if (!result.ok()) {
      target.out().flush();  // the files checked so far come first
      print_diagnostics(result.problems);
      if (files.empty() && context.taxonomy_from_environment()) print_diagnostics({taxonomy_environment_note()});
      status = 2;
      continue;
    }
    const auto sides = cues_per_side(result.taxonomy);
    target.out().write(fmt::format("{}: ok ({} cues: {} sales, {} marketing, in {} differences; {} of other work)\n",
                                   name, result.taxonomy.cue_count(), sides[0], sides[1],
                                   result.taxonomy.differences.size(), result.taxonomy.other_work.cues.size()));
  }
  target.commit();
  return status;
}

/// The text summary of `rolecheck taxonomy show`.
std::string summarise(const Taxonomy& taxonomy, const std::string& name) {
  const auto sides = cues_per_side(taxonomy);
  std::string out;
  out += fmt::format("taxonomy:       {}\n", name);
  out += fmt::format("title:          {}\n", taxonomy.title);
  out += fmt::format("source:         {}\n", taxonomy.source);
  out += fmt::format("schema version: {}\n", taxonomy.schema_version);
  out += fmt::format(
      "thresholds:     min_evidence {:g}, support_credit {:g}, other_share {:g}, mixed_share {:g}, "
      "evidence_scale {:g}, other_prior {:g}\n",
      taxonomy.thresholds.min_evidence, taxonomy.thresholds.support_credit, taxonomy.thresholds.other_share,
      taxonomy.thresholds.mixed_share, taxonomy.thresholds.evidence_scale, taxonomy.thresholds.other_prior);
  out += fmt::format("negation:       {} words, {} exceptions, {} after-phrases, scope {} words\n",
                     taxonomy.negation.words.size(), taxonomy.negation.exceptions.size(),
                     taxonomy.negation.after.size(), taxonomy.negation.scope);
  out += fmt::format("skip words:     {}\n", fmt::join(taxonomy.skip_words, " "));
  out += fmt::format("ignored:        {} phrases that match and count nothing\n", taxonomy.ignore.size());
  out += fmt::format("cues:           {} ({} sales, {} marketing, {} other work)\n\n", taxonomy.cue_count(), sides[0],
                     sides[1], taxonomy.other_work.cues.size());
  std::size_t width = std::string_view("difference").size();
  for (const Difference& difference : taxonomy.differences) width = std::max(width, difference.id.size());
  out += fmt::format("  #  {:<{}}  {:>12}  {:>12}  name\n", "difference", width, "sales", "marketing");
  out += fmt::format("     {:<{}}  {:>12}  {:>12}\n", "", width, "core+support", "core+support");
  for (std::size_t i = 0; i < taxonomy.differences.size(); ++i) {
    const Difference& difference = taxonomy.differences[i];
    const auto counts = cues_per_side_and_role(difference.cues);
    out += fmt::format("  {}  {:<{}}  {:>12}  {:>12}  {}\n", i + 1, difference.id, width,
                       fmt::format("{}+{}", counts[0], counts[1]), fmt::format("{}+{}", counts[2], counts[3]),
                       difference.name);
  }
  out += fmt::format("\nother work ({} cues): {}\n", taxonomy.other_work.cues.size(), taxonomy.other_work.summary);
  out +=
      "\ncore cues show that a duty is sales or marketing work; support cues only say how work is done and can\n"
      "tip a decision between the two, never make one; other-work cues show work that is neither.\n";
  return out;
}

}  // namespace

Command add_taxonomy_command(CLI::App& root, Context& context) {
  auto* app = root.add_subcommand("taxonomy", "Validate or show a taxonomy file");
  app->require_subcommand(1);
  app->footer(
      "Examples:\n"
      "  rolecheck taxonomy validate my-taxonomy.json\n"
      "  rolecheck taxonomy show --format json > taxonomy.json\n"
      "  rolecheck --taxonomy my-taxonomy.json taxonomy show\n");

  auto files = std::make_shared<std::vector<std::string>>();
  auto* validate = app->add_subcommand(
      "validate", "Check taxonomy files and list every problem of each (default: the taxonomy in use)");
  validate->add_option("files", *files, "The taxonomy files to check; 'embedded' is the built-in one")
      ->type_name("FILE...");
  validate->footer(
      "Examples:\n"
      "  rolecheck taxonomy validate my-taxonomy.json\n"
      "  rolecheck taxonomy validate a.json b.json\n"
      "  ROLECHECK_TAXONOMY=my-taxonomy.json rolecheck taxonomy validate\n");

  auto format = std::make_shared<std::string>("text");
  auto file = std::make_shared<std::string>();
  auto* show =
      app->add_subcommand("show", "Summarise a taxonomy file, or the taxonomy in use (cues per difference and side)");
  show->add_option("file", *file, "The taxonomy file to show; 'embedded' is the built-in one (default: the one in use)")
      ->type_name("FILE");
  show->add_option("-f,--format", *format, "text (a summary) or json (the whole taxonomy)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
  show->footer(
      "Examples:\n"
      "  rolecheck taxonomy show\n"
      "  rolecheck taxonomy show my-taxonomy.json\n"
      "  rolecheck taxonomy show --format json > taxonomy.json\n");

  return {app, [&context, validate, files, file, format] {
            if (validate->parsed()) {
              std::vector<std::string> names;
              for (const auto& name : *files) names.push_back(name == "embedded" ? "<embedded>" : name);
              return run_validate(context, names);
            }
            if (!file->empty()) context.options.taxonomy_path = *file == "embedded" ? "<embedded>" : *file;
            const Taxonomy& taxonomy = context.taxonomy();
            OutputTarget target("", false);
            target.out().write(*format == "json" ? taxonomy_to_json(taxonomy)
                                                 : summarise(taxonomy, context.taxonomy_name()));
            target.commit();
            return 0;
          }};
}

}  // namespace rolecheck::cli
