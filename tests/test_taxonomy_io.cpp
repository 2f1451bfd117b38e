#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

#include "rolecheck/taxonomy/taxonomy_io.hpp"

using namespace rolecheck;

namespace {

// A small valid taxonomy; tests break one thing at a time with replaced().
const std::string kValid = R"({
  "schema_version": 1,
  "title": "T",
  "source": "S",
  "thresholds": {"min_evidence": 1.0, "mixed_share": 0.6, "evidence_scale": 2.0},
  "negation": {"words": ["not", "rather than"], "exceptions": ["not only"], "scope": 5},
  "skip_words": ["the"],
  "differences": [
    {"id": "d1", "name": "One", "sales": {"summary": "s1", "quotes": ["q1"]}, "marketing": {"summary": "m1", "quotes": []},
     "cues": [{"id": "c.one", "side": "sales", "weight": 2, "phrases": ["close deals"], "rationale": "r1"},
              {"id": "c.two", "side": "marketing", "weight": 1.5, "phrases": ["brand", "campaign"], "rationale": "r2", "on_negation": "flip"}]},
    {"id": "d2", "name": "Two", "sales": {"summary": "s2", "quotes": []}, "marketing": {"summary": "m2", "quotes": []}, "cues": []},
    {"id": "d3", "name": "Three", "sales": {"summary": "s3", "quotes": []}, "marketing": {"summary": "m3", "quotes": []}, "cues": []},
    {"id": "d4", "name": "Four", "sales": {"summary": "s4", "quotes": []}, "marketing": {"summary": "m4", "quotes": []}, "cues": []}
  ]
}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Every problem, rendered as the CLI prints it (without the "rolecheck: " prefix).
std::vector<std::string> problems(std::string_view text, const TaxonomyLimits& limits = {}) {
  std::vector<std::string> out;
  for (const auto& problem : parse_taxonomy(text, "t.json", limits).problems) out.push_back(format_diagnostic(problem));
  return out;
}

std::string only_problem(std::string_view text, const TaxonomyLimits& limits = {}) {
  const auto all = problems(text, limits);
  REQUIRE(all.size() == 1);
  return all[0];
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a valid taxonomy parses into the model") {
  const auto result = parse_taxonomy(kValid, "t.json");
  REQUIRE(result.problems.empty());
  const Taxonomy& t = result.taxonomy;
  CHECK(t.title == "T");
  CHECK(t.thresholds.mixed_share == 0.6);
  CHECK(t.negation.words == Lines{"not", "rather than"});
  CHECK(t.negation.scope == 5);
  REQUIRE(t.differences.size() == 4);
  CHECK(t.differences[0].sales.quotes == Lines{"q1"});
  REQUIRE(t.differences[0].cues.size() == 2);
  const Cue& two = t.differences[0].cues[1];
  CHECK(two.id == "c.two");
  CHECK(two.side == Side::marketing);
  CHECK(two.weight == 1.5);
  CHECK(two.phrases == Lines{"brand", "campaign"});
  CHECK(two.on_negation == NegationEffect::flip);
  CHECK(t.differences[0].cues[0].on_negation == NegationEffect::drop);
}

TEST_CASE("a UTF-8 byte-order mark is stripped") {
  CHECK(parse_taxonomy("\xEF\xBB\xBF" + kValid, "t.json").ok());
  CHECK(
      only_problem("\xEF\xBB\xBF{\n  \"a\": 1 2\n}") ==
      "t.json:2:10: error: unexpected number literal; expected '}' (is a ',' missing?)\n    \"a\": 1 2\n           ^");
}

TEST_CASE("syntax errors give line, column, the line and a caret") {
  CHECK(only_problem("{\n  // note\n  \"a\": 1\n}") ==
        "t.json:2:3: error: comments are not allowed in JSON; remove the comment\n    // note\n    ^");
  CHECK(only_problem("[1, 2,\n]") ==
        "t.json:1:6: error: trailing comma before ']' is not allowed in JSON; remove the comma\n  [1, 2,\n       ^");
  CHECK(only_problem("{\"a\": 1, }") ==
        "t.json:1:8: error: trailing comma before '}' is not allowed in JSON; remove the comma\n  {\"a\": 1, }\n       "
        "  ^");
  CHECK(only_problem("{\"a\": [1, 2}") ==
        "t.json:1:12: error: unexpected '}'; expected ']'\n  {\"a\": [1, 2}\n             ^");
  CHECK(only_problem("{\"a\": tru}") ==
        "t.json:1:7: error: invalid value 'tru'; expected a string in double quotes, a number, true, false or "
        "null\n  {\"a\": tru}\n        ^");
  CHECK(only_problem("{'a': 1}") ==
        "t.json:1:2: error: strings need double quotes (\"), not single quotes\n  {'a': 1}\n   ^");
  CHECK(only_problem("{\"a\": \"open\n}") ==
        "t.json:1:12: error: string not closed before the end of the line (missing '\"'?)\n  {\"a\": \"open\n"
        "             ^");
  CHECK(only_problem("{\"a\": [1,\n  2\n") ==
        "t.json:2:4: error: unexpected end of file; expected ']' (is a closing bracket or quote missing?)\n    2\n"
        "     ^");
  CHECK(only_problem("[1] x") ==
        "t.json:1:5: error: unexpected 'x' after the end of the JSON value; remove it\n  [1] x\n      ^");
  CHECK(only_problem("  \n") == "t.json:1:1: error: the file is empty; a taxonomy is a JSON object\n    \n  ^");
}

TEST_CASE("the caret counts characters, not bytes, and keeps tabs") {
  CHECK(
      only_problem("{\"é\":\t1 2}") ==
      "t.json:1:10: error: unexpected number literal; expected '}' (is a ',' missing?)\n  {\"é\":\t1 2}\n       \t  ^");
}

TEST_CASE("hostile bytes are rejected before parsing, with their position") {
  CHECK(only_problem(std::string("{\n  \"a\": \"b\0c\"\n}", 15)) ==
        "t.json:2:10: error: NUL byte in the file; a taxonomy is UTF-8 text (is this a binary or UTF-16 file?)\n"
        "    \"a\": \"b?c\"\n           ^");
  CHECK(only_problem("{\n  \"a\": \"b\xFF\"\n}") ==
        "t.json:2:10: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8\n    \"a\": \"b?\"\n           ^");
  CHECK(only_problem(std::string("\xFF\xFE{\0", 4)).starts_with("t.json:1:1: error: the file is UTF-16; convert it"));
  TaxonomyLimits small;
  small.max_bytes = 10;
  CHECK(only_problem("[1, 2, 3, 4, 5]", small) ==
        "t.json: error: the file is 15 bytes, over the 10-byte limit for a taxonomy");
}

TEST_CASE("deep nesting stops at the depth limit instead of overflowing the stack") {
  const std::string deep(100000, '[');
  const auto message = only_problem(deep);
  CHECK(message.starts_with(
      "t.json:1:33: error: JSON nested deeper than 32 levels; a taxonomy needs 6 (is a bracket left unclosed?)"));
  CHECK(message.size() < 400);  // the 100,000-byte line is shown as an excerpt
  CHECK(only_problem("[\"{{{{\", " + std::string(40, '[')).starts_with("t.json:1:41: error: JSON nested deeper"));
}

TEST_CASE("numbers out of range are errors, never silent") {
  CHECK(only_problem("{\"a\": [1e400]}") ==
        "t.json:1:8: error: number 1e400 is out of range (too large for a double)\n  {\"a\": [1e400]}\n         ^");
  const auto big = problems(replaced(kValid, "\"weight\": 2", "\"weight\": 123456789012345678901234567890"));
  CHECK(big == Lines{"t.json: error: /differences/0/cues/0/weight: number 123456789012345678901234567890 is out of "
                     "range"});
}

TEST_CASE("duplicate keys are rejected with the pointer of the duplicate") {
  CHECK(problems(replaced(kValid, "\"title\": \"T\",", "\"title\": \"T\", \"title\": \"U\",")) ==
        Lines{"t.json: error: /title: duplicate key \"title\"; a key may appear only once in an object"});
  CHECK(problems(replaced(kValid, "\"rationale\": \"r1\"", "\"rationale\": \"r1\", \"side\": \"x\"")) ==
        Lines{"t.json: error: /differences/0/cues/0/side: duplicate key \"side\"; a key may appear only once in an "
              "object"});
}

TEST_CASE("structural errors name the JSON pointer and what was expected") {
  CHECK(problems(replaced(kValid, "\"weight\": 1.5", "\"weight\": \"heavy\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/weight: expected a number in [0, 10], got \"heavy\""});
  CHECK(problems(replaced(kValid, "\"weight\": 1.5", "\"weight\": 10.5")) ==
        Lines{"t.json: error: /differences/0/cues/1/weight: expected a number in [0, 10], got 10.5"});
  CHECK(problems(replaced(kValid, "\"weight\": 1.5", "\"wieght\": 1.5")) ==
        Lines{"t.json: error: /differences/0/cues/1/wieght: unknown key \"wieght\"; did you mean \"weight\"?",
              "t.json: error: /differences/0/cues/1: missing key \"weight\" (a number in [0, 10])"});
  // The same edit distance as the command line's "did you mean": ASCII case ignored, a swap one edit.
  CHECK(problems(replaced(kValid, "\"weight\": 1.5", "\"WEIGHT\": 1.5")) ==
        Lines{"t.json: error: /differences/0/cues/1/WEIGHT: unknown key \"WEIGHT\"; did you mean \"weight\"?",
              "t.json: error: /differences/0/cues/1: missing key \"weight\" (a number in [0, 10])"});
  CHECK(problems(replaced(kValid, "\"skip_words\"", "\"colour\": 1, \"skip_words\"")) ==
        Lines{"t.json: error: /colour: unknown key \"colour\"; expected one of: schema_version, title, source, "
              "thresholds, negation, skip_words, differences, other_work, ignore"});
  CHECK(problems(replaced(kValid, "\"id\": \"c.two\"", "\"id\": \"c.one\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/id: duplicate cue id \"c.one\"; first used at "
              "/differences/0/cues/0/id"});
  CHECK(problems(replaced(kValid, "\"brand\"", "\"\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/phrases/0: expected a phrase (a non-empty string), got an empty "
              "string"});
  CHECK(problems(replaced(kValid, "\"brand\"", "\" \\t \"")) ==
        Lines{"t.json: error: /differences/0/cues/1/phrases/0: expected a phrase (a non-empty string), got a string "
              "of only whitespace"});
  CHECK(problems(replaced(kValid, "\"side\": \"marketing\"", "\"side\": \"Marketing\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/side: expected \"sales\" or \"marketing\", got \"Marketing\""});
  CHECK(problems(replaced(kValid, "\"on_negation\": \"flip\"", "\"on_negation\": true")) ==
        Lines{"t.json: error: /differences/0/cues/1/on_negation: expected \"drop\" or \"flip\", got true"});
  CHECK(problems(replaced(kValid, "\"schema_version\": 1", "\"schema_version\": 2")) ==
        Lines{"t.json: error: /schema_version: unsupported schema_version 2; this rolecheck reads version 1"});
  CHECK(problems(replaced(kValid, "\"scope\": 5", "\"scope\": 5.5")) ==
        Lines{"t.json: error: /negation/scope: expected an integer in [1, 20], got 5.5"});
  CHECK(problems(replaced(kValid, "\"mixed_share\": 0.6", "\"mixed_share\": 0.4")) ==
        Lines{"t.json: error: /thresholds/mixed_share: expected a number in [0.5, 1], got 0.4"});
  CHECK(problems(replaced(kValid, "\"mixed_share\": 0.6", "\"mixed_share\": 0.6, \"support_credit\": 1.5")) ==
        Lines{"t.json: error: /thresholds/support_credit: expected a number in [0, 1], got 1.5"});
  CHECK(problems(replaced(kValid, "\"id\": \"d2\"", "\"id\": \"D 2\"")) ==
        Lines{"t.json: error: /differences/1/id: expected an id of lower-case letters, digits and '_', got \"D 2\""});
  CHECK(problems(replaced(kValid, "\"title\": \"T\"", "\"title\": \"a\\u0007b\"")) ==
        Lines{"t.json: error: /title: control character U+0007 in \"a\\u0007b\"; remove it"});
  CHECK(problems("[]") == Lines{"t.json: error: expected a JSON object (the taxonomy), got an array"});
}

TEST_CASE("a missing key is reported at the object that lacks it") {
  CHECK(problems(replaced(kValid, "\"title\": \"T\",", "")) ==
        Lines{"t.json: error: missing key \"title\" (a non-empty string)"});
}

TEST_CASE("rationale and source are optional, and a taxonomy without them round-trips") {
  const std::string bare = replaced(replaced(kValid, ", \"rationale\": \"r1\"", ""), "\"source\": \"S\",", "");
  const auto result = parse_taxonomy(bare, "t.json");
  REQUIRE(result.ok());
  CHECK(result.taxonomy.differences[0].cues[0].rationale.empty());
  CHECK(result.taxonomy.source.empty());
  CHECK(parse_taxonomy(taxonomy_to_json(result.taxonomy), "again.json").ok());
  // An empty rationale is still refused: leave the key out instead.
  CHECK(problems(replaced(kValid, "\"rationale\": \"r1\"", "\"rationale\": \"\"")) ==
        Lines{"t.json: error: /differences/0/cues/0/rationale: expected a non-empty string, got an empty string"});
}

TEST_CASE("a model that mirrors the file is marked intact, so later checks can locate their problems") {
  CHECK(parse_taxonomy(kValid, "t.json").intact);
  // A bad weight keeps every element in place; a bad phrase is left out, which shifts the indices after it.
  const auto weight = parse_taxonomy(replaced(kValid, "\"weight\": 2", "\"weight\": -2"), "t.json");
  CHECK_FALSE(weight.ok());
  CHECK(weight.intact);
  const auto phrase = parse_taxonomy(replaced(kValid, "\"brand\"", "\"!!\""), "t.json");
  CHECK_FALSE(phrase.ok());
  CHECK_FALSE(phrase.intact);
  CHECK_FALSE(parse_taxonomy("{", "t.json").intact);
}

TEST_CASE("the number of differences must be four") {
  const std::string three = replaced(
      kValid,
      ",\n    {\"id\": \"d4\", \"name\": \"Four\", \"sales\": {\"summary\": \"s4\", \"quotes\": []}, \"marketing\": "
      "{\"summary\": \"m4\", \"quotes\": []}, \"cues\": []}",
      "");
  CHECK(problems(three) ==
        Lines{"t.json: error: /differences: expected exactly 4 differences (the article's four, in order), got 3"});
}

TEST_CASE("every problem is listed, not only the first") {
  std::string text = replaced(kValid, "\"weight\": 1.5", "\"weight\": -1");
  text = replaced(text, "\"side\": \"sales\"", "\"side\": \"both\"");
  text = replaced(text, "\"min_evidence\": 1.0", "\"min_evidence\": 0");
  text = replaced(text, "\"name\": \"Two\"", "\"name\": 2");
  CHECK(problems(text) ==
        Lines{
            "t.json: error: /thresholds/min_evidence: expected a number greater than 0, got 0",
            "t.json: error: /differences/0/cues/0/side: expected \"sales\" or \"marketing\", got \"both\"",
            "t.json: error: /differences/0/cues/1/weight: expected a number in [0, 10], got -1",
            "t.json: error: /differences/1/name: expected a non-empty string, got 2",
        });
}

TEST_CASE("caps on cues and phrases are checked") {
  TaxonomyLimits limits;
  limits.max_cues = 1;
  CHECK(problems(kValid, limits) == Lines{"t.json: error: /differences: 2 cues in all; at most 1 are allowed"});
  limits = {};
  limits.max_phrase_bytes = 5;
  CHECK(problems(kValid, limits) ==
        Lines{"t.json: error: /differences/0/cues/0/phrases/0: phrase is 11 bytes; at most 5 are allowed",
              "t.json: error: /differences/0/cues/1/phrases/1: phrase is 8 bytes; at most 5 are allowed"});
  limits = {};
  limits.max_phrase_tokens = 1;
  CHECK(problems(kValid, limits) ==
        Lines{"t.json: error: /differences/0/cues/0/phrases/0: phrase has 2 words; at most 1 are allowed (split it "
              "into shorter phrases)"});
  CHECK(problems(replaced(kValid, "\"brand\"", "\"--!\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/phrases/0: phrase \"--!\" has no words (only punctuation or "
              "symbols), so it can never match"});
  limits = {};
  limits.max_values = 10;
  CHECK(problems(kValid, limits) ==
        Lines{"t.json: error: /negation/words/0: more than 10 JSON values; a taxonomy this large is not supported"});
}

TEST_CASE("a \"*\" counts as a word, stands alone and comes at most twice in a phrase") {
  CHECK(problems(replaced(kValid, "\"brand\"", "\"grow * * brand\"")).empty());
  TaxonomyLimits limits;
  limits.max_phrase_tokens = 3;
  CHECK(problems(replaced(kValid, "\"brand\"", "\"grow * * brand\""), limits) ==
        Lines{"t.json: error: /differences/0/cues/1/phrases/0: phrase has 4 words; at most 3 are allowed (split it "
              "into shorter phrases)"});
  CHECK(problems(replaced(kValid, "\"brand\"", "\"grow * * * brand\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/phrases/0: phrase \"grow * * * brand\" has 3 \"*\"; at most 2 are "
              "allowed"});
  CHECK(problems(replaced(kValid, "\"brand\"", "\"grow *brand\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/phrases/0: phrase \"grow *brand\" has a \"*\" inside a word; write "
              "\"*\" alone, between spaces, for any one word"});
  CHECK(problems(replaced(kValid, "\"brand\"", "\"*\"")) ==
        Lines{"t.json: error: /differences/0/cues/1/phrases/0: phrase \"*\" has no words (only punctuation or "
              "symbols), so it can never match"});
}

TEST_CASE("the problem list is capped") {
  TaxonomyLimits limits;
  limits.max_problems = 2;
  const auto all = problems("{\"a\": 1, \"b\": 2, \"c\": 3}", limits);
  REQUIRE(all.size() == 3);
  CHECK(all[2] == "t.json: error: too many problems; stopped listing them here");
}

TEST_CASE("files that cannot be read are diagnostics too") {
  const auto missing = read_taxonomy_file("/nonexistent/taxonomy.json");
  REQUIRE(missing.problems.size() == 1);
  CHECK(format_diagnostic(missing.problems[0]) ==
        "/nonexistent/taxonomy.json: error: cannot open the taxonomy: No such file or directory");
  const auto directory = read_taxonomy_file(ROLECHECK_SOURCE_DIR);
  REQUIRE(directory.problems.size() == 1);
  CHECK(directory.problems[0].message == "cannot read the taxonomy: it is a directory, not a file");
  CHECK_THROWS_AS(load_taxonomy_file("/nonexistent/taxonomy.json"), Error);
}

TEST_CASE("cue roles, other work and ignore phrases are read and checked") {
  const auto good = parse_taxonomy(
      replaced(replaced(kValid, "\"rationale\": \"r1\"}", "\"rationale\": \"r1\", \"role\": \"support\"}"), "\n  ]\n}",
               "\n  ],\n  \"other_work\": {\"summary\": \"o\", \"cues\": [{\"id\": \"o.stock\", \"weight\": 3, "
               "\"phrases\": [\"inventory\"]}]},\n  \"ignore\": [\"on call\"]\n}"),
      "t.json");
  REQUIRE(good.ok());
  CHECK(good.taxonomy.differences[0].cues[0].role == CueRole::support);
  CHECK(good.taxonomy.differences[0].cues[1].role == CueRole::core);
  REQUIRE(good.taxonomy.other_work.cues.size() == 1);
  CHECK(good.taxonomy.other_work.cues[0].role == CueRole::other);
  CHECK(good.taxonomy.other_work.cues[0].weight == 3.0);
  CHECK(good.taxonomy.ignore == std::vector<std::string>{"on call"});
  CHECK(good.taxonomy.cue_count() == 3);
  const auto again = parse_taxonomy(taxonomy_to_json(good.taxonomy), "again.json");
  REQUIRE(again.ok());
  CHECK(taxonomy_to_json(again.taxonomy) == taxonomy_to_json(good.taxonomy));

  CHECK(problems(replaced(kValid, "\"rationale\": \"r1\"}", "\"rationale\": \"r1\", \"role\": \"other\"}")) ==
        Lines{"t.json: error: /differences/0/cues/0/role: expected \"core\" or \"support\", got \"other\""});
  CHECK(
      problems(
          replaced(kValid, "\n  ]\n}",
                   "\n  ],\n  \"other_work\": {\"summary\": \"o\", \"cues\": [{\"id\": \"c.one\", \"side\": \"sales\", "
                   "\"weight\": 11, \"phrases\": []}]}\n}")) ==
      Lines{"t.json: error: /other_work/cues/0/side: unknown key \"side\"; did you mean \"id\"?",
            "t.json: error: /other_work/cues/0/id: duplicate cue id \"c.one\"; first used at /differences/0/cues/0/id",
            "t.json: error: /other_work/cues/0/weight: expected a number in [0, 10], got 11",
            "t.json: error: /other_work/cues/0/phrases: expected a non-empty array of phrases, got an array"});
}

TEST_CASE("negation.after is optional, read, checked and written only when present") {
  const auto older = parse_taxonomy(kValid, "t.json");
  REQUIRE(older.ok());
  CHECK(older.taxonomy.negation.after.empty());
  CHECK(taxonomy_to_json(older.taxonomy).find("\"after\"") == std::string::npos);
  const auto newer = parse_taxonomy(replaced(kValid, "\"exceptions\": [\"not only\"]",
                                             "\"exceptions\": [\"not only\"], \"after\": [\"not required\"]"),
                                    "t.json");
  REQUIRE(newer.ok());
  CHECK(newer.taxonomy.negation.after == std::vector<std::string>{"not required"});
  const auto again = parse_taxonomy(taxonomy_to_json(newer.taxonomy), "again.json");
  REQUIRE(again.ok());
  CHECK(again.taxonomy.negation.after == newer.taxonomy.negation.after);
  CHECK(problems(replaced(kValid, "\"scope\": 5", "\"after\": [\"\"], \"scope\": 5")) ==
        Lines{"t.json: error: /negation/after/0: expected a phrase that negates the words before it (a non-empty "
              "string), got an empty string"});
  CHECK(problems(replaced(kValid, "\"scope\": 5", "\"after\": \"not required\", \"scope\": 5")).size() == 1);
  CHECK(problems(replaced(kValid, "\"scope\": 5", "\"aftr\": [], \"scope\": 5")) ==
        Lines{"t.json: error: /negation/aftr: unknown key \"aftr\"; did you mean \"after\"?"});
}

TEST_CASE("taxonomy_to_json round-trips") {
  const auto first = parse_taxonomy(kValid, "t.json");
  REQUIRE(first.ok());
  const std::string json = taxonomy_to_json(first.taxonomy);
  const auto second = parse_taxonomy(json, "round-trip.json");
  REQUIRE(second.problems.empty());
  CHECK(taxonomy_to_json(second.taxonomy) == json);
  CHECK(second.taxonomy.differences[0].cues[1].weight == 1.5);
  CHECK(second.taxonomy.differences[0].cues[1].on_negation == NegationEffect::flip);

  // A taxonomy built in code, with characters JSON must escape.
  Taxonomy built = rolecheck::testing::make_taxonomy(
      {rolecheck::testing::make_cue("odd", Side::marketing, 0.1, {"say \"hi\"", "back\\slash", "café ☕"})});
  built.title = "A \"quoted\" title / with a dash";
  built.thresholds.evidence_scale = 1.0 / 3.0;
  const auto again = parse_taxonomy(taxonomy_to_json(built), "built.json");
  REQUIRE(again.problems.empty());
  CHECK(again.taxonomy.title == built.title);
  CHECK(again.taxonomy.thresholds.evidence_scale == built.thresholds.evidence_scale);
  CHECK(again.taxonomy.differences[1].cues[0].phrases == built.differences[1].cues[0].phrases);
  CHECK(again.taxonomy.differences[1].cues[0].weight == 0.1);
  CHECK(taxonomy_to_json(again.taxonomy) == taxonomy_to_json(built));
}

TEST_CASE("the embedded taxonomy parses and matches data/taxonomy.json") {
  const Taxonomy embedded = load_embedded_taxonomy();
  CHECK(embedded.differences.size() == 4);
  // Optional for user taxonomies, required of the project's own: every cue says why, and the source is named.
  CHECK_FALSE(embedded.source.empty());
  for (const auto& difference : embedded.differences) {
    for (const auto& cue : difference.cues) CHECK_FALSE(cue.rationale.empty());
  }
  CHECK(embedded.schema_version == 1);
  const Taxonomy file = load_taxonomy_file(std::string(ROLECHECK_SOURCE_DIR) + "/data/taxonomy.json");
  CHECK(taxonomy_to_json(embedded) == taxonomy_to_json(file));
}
