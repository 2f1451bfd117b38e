// `rolecheck taxonomy validate [FILE]` and `rolecheck taxonomy show [--format text|json]`.

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <string>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "output.hpp"

#include "rolecheck/matcher.hpp"
#include "rolecheck/taxonomy_io.hpp"

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

int run_validate(Context& context, const std::string& file) {
  const std::string name = file.empty() ? context.taxonomy_name() : file;
  TaxonomyParseResult result = (file.empty() && name == "<embedded>") ? parse_taxonomy(embedded_taxonomy_json(), name)
                                                                      : read_taxonomy_file(name);
  if (result.ok()) {
    // Compiling the phrases finds what the schema cannot: phrases that normalise to nothing or to another's words.
    try {
      const Matcher matcher(result.taxonomy);
    } catch (const Error& error) { result.problems = error.diagnostics(); }
  }
  if (!result.ok()) {
    print_diagnostics(result.problems);
    return 2;
  }
  const auto sides = cues_per_side(result.taxonomy);
  OutputTarget target("", false);
  target.out().write(fmt::format("{}: ok ({} cues: {} sales, {} marketing, in {} differences; {} of other work)\n",
                                 name, result.taxonomy.cue_count(), sides[0], sides[1],
                                 result.taxonomy.differences.size(), result.taxonomy.other_work.cues.size()));
  target.commit();
  return 0;
}

/// The text summary of `rolecheck taxonomy show`.
std::string summarise(const Taxonomy& taxonomy, const std::string& name) {
  const auto sides = cues_per_side(taxonomy);
  std::string out;
  out += fmt::format("taxonomy:       {}\n", name);
  out += fmt::format("title:          {}\n", taxonomy.title);
  out += fmt::format("source:         {}\n", taxonomy.source);
  out += fmt::format("schema version: {}\n", taxonomy.schema_version);
  out += fmt::format("thresholds:     min_evidence {:g}, support_credit {:g}, other_share {:g}, mixed_share {:g}, "
                     "evidence_scale {:g}, other_prior {:g}\n",
                     taxonomy.thresholds.min_evidence, taxonomy.thresholds.support_credit,
                     taxonomy.thresholds.other_share, taxonomy.thresholds.mixed_share,
                     taxonomy.thresholds.evidence_scale, taxonomy.thresholds.other_prior);
  out += fmt::format("negation:       {} words, {} exceptions, scope {} words\n", taxonomy.negation.words.size(),
                     taxonomy.negation.exceptions.size(), taxonomy.negation.scope);
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
  out += "\ncore cues show that a duty is sales or marketing work; support cues only say how work is done and can\n"
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

  auto file = std::make_shared<std::string>();
  auto* validate =
      app->add_subcommand("validate", "Check a taxonomy file and list every problem (default: the taxonomy in use)");
  validate->add_option("file", *file, "The taxonomy file to check")->type_name("FILE");

  auto format = std::make_shared<std::string>("text");
  auto* show = app->add_subcommand("show", "Summarise the taxonomy in use (cues per difference and side)");
  show->add_option("--format", *format, "text (a summary) or json (the whole taxonomy)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");

  return {app, [&context, validate, file, format] {
            if (validate->parsed()) return run_validate(context, *file);
            const Taxonomy& taxonomy = context.taxonomy();
            OutputTarget target("", false);
            target.out().write(*format == "json" ? taxonomy_to_json(taxonomy)
                                                 : summarise(taxonomy, context.taxonomy_name()));
            target.commit();
            return 0;
          }};
}

}  // namespace rolecheck::cli
