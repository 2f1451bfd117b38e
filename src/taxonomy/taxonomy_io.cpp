// Reading, validating and writing taxonomy files: the syntax layer (taxonomy_io_json) feeds the structural
// layer (taxonomy_io_validate); this file opens files and serialises a Taxonomy back to JSON.
#include "rolecheck/taxonomy/taxonomy_io.hpp"

#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "taxonomy_io_json.hpp"
#include "taxonomy_io_validate.hpp"

namespace rolecheck {
namespace {

std::string errno_text(int error) { return std::generic_category().message(error); }

/// Closes a file descriptor when it goes out of scope.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

/// Reads at most `limit` + 1 bytes of `path` into `out`; returns an error message, or empty on success.
std::string read_bounded(const std::string& path, std::size_t limit, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fmt::format("cannot open the taxonomy: {}", errno_text(errno));
  const FdCloser closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return fmt::format("cannot read the taxonomy: {}", errno_text(errno));
  if (S_ISDIR(info.st_mode)) return "cannot read the taxonomy: it is a directory, not a file";
  if (S_ISREG(info.st_mode) && static_cast<unsigned long long>(info.st_size) > limit) {
    return fmt::format("the file is {} bytes, over the {}-byte limit for a taxonomy", info.st_size, limit);
  }
  char buffer[1 << 16];
  while (out.size() <= limit) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      return fmt::format("cannot read the taxonomy: {}", errno_text(errno));
    }
    if (got == 0) return {};
    out.append(buffer, static_cast<std::size_t>(got));
  }
  return fmt::format("the file is over the {}-byte limit for a taxonomy", limit);
}

// The "negation" object; "after" is written only when present, so older files round-trip unchanged.
nlohmann::ordered_json negation_json(const NegationRules& negation) {
  nlohmann::ordered_json json = {{"words", negation.words}, {"exceptions", negation.exceptions}};
  if (!negation.after.empty()) json["after"] = negation.after;
  json["scope"] = negation.scope;
  return json;
}

nlohmann::ordered_json side_view_json(const SideView& view) {
  return {{"summary", view.summary}, {"quotes", view.quotes}};
}

}  // namespace

TaxonomyParseResult parse_taxonomy(std::string_view text, std::string_view source_name, const TaxonomyLimits& limits) {
  TaxonomyParseResult result;
  const std::string file(source_name);
  const auto root = detail::read_json(text, file, limits, result.problems);
  if (!root) return result;
  result.taxonomy = detail::validate_taxonomy(*root, file, limits, result.problems, result.intact);
  result.taxonomy.origin = file;
  return result;
}

TaxonomyParseResult read_taxonomy_file(const std::string& path, const TaxonomyLimits& limits) {
  std::string text;
  if (std::string error = read_bounded(path, limits.max_bytes, text); !error.empty()) {
    TaxonomyParseResult result;
    result.problems.push_back(Diagnostic{path, 0, 0, {}, std::move(error), {}});
    return result;
  }
  return parse_taxonomy(text, path, limits);
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

std::string taxonomy_to_json(const Taxonomy& taxonomy, int indent) {
  using Json = nlohmann::ordered_json;
  Json differences = Json::array();
  for (const Difference& difference : taxonomy.differences) {
    Json cues = Json::array();
    for (const Cue& cue : difference.cues) {
      Json item = {{"id", cue.id},
                   {"side", side_name(cue.side)},
                   {"role", cue_role_name(cue.role)},
                   {"weight", cue.weight},
                   {"phrases", cue.phrases}};
      if (!cue.rationale.empty()) item["rationale"] = cue.rationale;  // optional: written when there is one
      item["on_negation"] = cue.on_negation == NegationEffect::flip ? "flip" : "drop";
      cues.push_back(std::move(item));
    }
    differences.push_back({{"id", difference.id},
                           {"name", difference.name},
                           {"sales", side_view_json(difference.sales)},
                           {"marketing", side_view_json(difference.marketing)},
                           {"cues", std::move(cues)}});
  }
  Json other_cues = Json::array();
  for (const Cue& cue : taxonomy.other_work.cues) {
    Json item = {{"id", cue.id}, {"weight", cue.weight}, {"phrases", cue.phrases}};
    if (!cue.rationale.empty()) item["rationale"] = cue.rationale;
    other_cues.push_back(std::move(item));
  }
  Json root = {
      {"schema_version", taxonomy.schema_version},
      {"title", taxonomy.title},
      {"source", taxonomy.source},
      {"thresholds",
       {{"min_evidence", taxonomy.thresholds.min_evidence},
        {"mixed_share", taxonomy.thresholds.mixed_share},
        {"evidence_scale", taxonomy.thresholds.evidence_scale},
        {"other_share", taxonomy.thresholds.other_share},
        {"support_credit", taxonomy.thresholds.support_credit},
        {"other_prior", taxonomy.thresholds.other_prior},
        {"review_confidence", taxonomy.thresholds.review_confidence},
        {"review_margin", taxonomy.thresholds.review_margin}}},
      {"negation", negation_json(taxonomy.negation)},
      {"skip_words", taxonomy.skip_words},
      {"differences", std::move(differences)},
  };
  // Optional parts are written only when the taxonomy has them, so older files round-trip unchanged.
  if (!taxonomy.other_work.summary.empty() || !taxonomy.other_work.cues.empty()) {
    root["other_work"] = {{"summary", taxonomy.other_work.summary},
                          {"quotes", taxonomy.other_work.quotes},
                          {"cues", std::move(other_cues)}};
  }
  if (!taxonomy.ignore.empty()) root["ignore"] = taxonomy.ignore;
  return root.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace rolecheck
