#pragma once
// `rolecheck classify --unit document`: each file, stdin or JSONL line is one job description.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "io/context.hpp"
#include "io/input_options.hpp"

#include "rolecheck/documents/document_classifier.hpp"

namespace rolecheck::cli {

/// The options of `classify` that apply to documents.
struct DocumentRunOptions {
  std::vector<std::string> files;  ///< Inputs; "-" is stdin; empty reads stdin when it is not a terminal.
  std::string format = "text";     ///< text, jsonl, json, tsv or csv.
  InputOptions in;                 ///< --unit, --input and the record fields.
  bool record_lines = false;       ///< --unit line with JSONL, JSON or CSV: each record is one duty.
  std::string output_path;         ///< -o FILE, empty for stdout.
  std::string color = "auto";      ///< --color.
  double min_confidence = 0.0;     ///< Duty labels below this become unknown and do not vote.
  bool explain = false;            ///< Text format: list each duty's reasons.
  bool line_buffered = false;      ///< Flush after every record.
  bool summary = false;            ///< --summary: labels and top cues on stderr after the records.
  bool progress = false;           ///< Show a progress line on stderr (a terminal) once the run is slow.
  std::size_t jobs = 1;            ///< -j N: classify on N worker threads; the output is the same as with 1.
  std::array<bool, kRoleLabelCount> keep{true, true, true, true,
                                         true};  ///< Verdicts whose records are written (--only), by RoleLabel.
  bool only_review = false;                      ///< --only review: write only documents flagged for review.
  /// --expect: the verdicts (by RoleLabel index) every document should have; nullopt without --expect.
  std::optional<std::array<bool, kRoleLabelCount>> expected;
  bool count = false;  ///< --count: print the documents per verdict instead of records.
  bool quiet = false;  ///< --quiet: print nothing (with --expect the exit status tells).
};

/// Classifies every document and writes one record per document (those --only keeps); returns the exit
/// status: 2 on any error, else 1 when --expect was not met, else 0.
int run_classify_documents(Context& context, const DocumentRunOptions& options);

}  // namespace rolecheck::cli
