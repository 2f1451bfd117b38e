// `rolecheck explain TEXT`: the full trace of one decision.

#include <fmt/format.h>
#include <string>

#include "commands.hpp"
#include "output.hpp"
#include "rolecheck/classifier.hpp"
#include "rolecheck/explanation.hpp"

namespace rolecheck::cli {

Command add_explain_command(CLI::App& root, Context& context) {
  auto text = std::make_shared<std::vector<std::string>>();
  auto min_confidence = std::make_shared<double>(0.0);
  auto* app = root.add_subcommand("explain", "Show how one duty is decided: tokens, stems, cues, negations, scores");
  app->add_option("text", *text, "The duty (several words are joined with spaces)")->required()->type_name("TEXT");
  app->add_option("--min-confidence", *min_confidence, "Labels with a lower confidence become unknown")
      ->check(CLI::Range(0.0, 1.0));
  app->footer(
      "Examples:\n"
      "  rolecheck explain \"Cold-call prospects and close deals\"\n"
      "  rolecheck explain \"Not responsible for directly selling products to customers\"\n");
  return {app, [&context, text, min_confidence] {
            std::string joined;
            for (const auto& word : *text) joined += (joined.empty() ? "" : " ") + word;
            const Classifier classifier(context.taxonomy(), ClassifyOptions{*min_confidence});
            OutputTarget target("", false);
            target.out().write(explain_decision(classifier, joined));
            target.commit();
            return 0;
          }};
}

}  // namespace rolecheck::cli
