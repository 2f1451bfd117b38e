// STUB: minimal parser, to be replaced by the full validator (issue 2).
#include "rolecheck/taxonomy_io.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rolecheck {

TaxonomyParseResult parse_taxonomy(std::string_view text, std::string_view source_name, const TaxonomyLimits&) {
  TaxonomyParseResult result;
  try {
    const auto j = nlohmann::json::parse(text);
    auto& t = result.taxonomy;
    t.origin = std::string(source_name);
    t.schema_version = j.at("schema_version").get<int>();
    t.title = j.value("title", "");
    t.source = j.value("source", "");
    const auto& th = j.at("thresholds");
    t.thresholds.min_evidence = th.at("min_evidence").get<double>();
    t.thresholds.mixed_share = th.at("mixed_share").get<double>();
    t.thresholds.evidence_scale = th.at("evidence_scale").get<double>();
    t.negation.words = j.at("negation").at("words").get<std::vector<std::string>>();
    t.negation.exceptions = j.at("negation").value("exceptions", std::vector<std::string>{});
    t.negation.scope = j.at("negation").at("scope").get<std::size_t>();
    t.skip_words = j.value("skip_words", std::vector<std::string>{});
    for (const auto& jd : j.at("differences")) {
      Difference d;
      d.id = jd.at("id").get<std::string>();
      d.name = jd.at("name").get<std::string>();
      d.sales.summary = jd.at("sales").at("summary").get<std::string>();
      d.sales.quotes = jd.at("sales").at("quotes").get<std::vector<std::string>>();
      d.marketing.summary = jd.at("marketing").at("summary").get<std::string>();
      d.marketing.quotes = jd.at("marketing").at("quotes").get<std::vector<std::string>>();
      for (const auto& jc : jd.at("cues")) {
        Cue c;
        c.id = jc.at("id").get<std::string>();
        c.side = *parse_side(jc.at("side").get<std::string>());
        c.weight = jc.at("weight").get<double>();
        c.phrases = jc.at("phrases").get<std::vector<std::string>>();
        c.rationale = jc.at("rationale").get<std::string>();
        c.on_negation = jc.value("on_negation", "drop") == "flip" ? NegationEffect::flip : NegationEffect::drop;
        d.cues.push_back(std::move(c));
      }
      t.differences.push_back(std::move(d));
    }
  } catch (const std::exception& e) {
    result.problems.push_back(Diagnostic{std::string(source_name), 0, 0, {}, e.what(), {}});
  }
  return result;
}

TaxonomyParseResult read_taxonomy_file(const std::string& path, const TaxonomyLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_taxonomy(ss.str(), path, limits);
}

Taxonomy load_taxonomy_file(const std::string& path) {
  auto result = read_taxonomy_file(path);
  if (!result.ok()) throw Error(std::move(result.problems));
  return std::move(result.taxonomy);
}

Taxonomy load_embedded_taxonomy() {
  auto result = parse_taxonomy(embedded_taxonomy_json(), "<embedded>");
  if (!result.ok()) throw Error(std::move(result.problems));
  return std::move(result.taxonomy);
}

std::string taxonomy_to_json(const Taxonomy&, int) { return "{}"; }

}  // namespace rolecheck
