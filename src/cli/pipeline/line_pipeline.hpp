#pragma once
// The classify loop: reads lines in blocks, classifies them on N worker threads and writes the
// records in input order, so the output of -j N is byte-identical to -j 1.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "io/output.hpp"
#include "pipeline/ordered_driver.hpp"
#include "pipeline/record_tally.hpp"

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/output/record_format.hpp"

namespace rolecheck::cli {

/// How the loop treats each line.
struct LineSettings {
  std::size_t max_line_bytes = 0;                                    ///< Longer lines get an unknown/too_long record.
  std::array<bool, kLabelCount> keep{true, true, true, true, true};  ///< Labels whose records are written (--only).
  bool only_review = false;  ///< --only review: write only records flagged for review.
  /// --expect: the labels every record should have (a record of a line with no words never fails it).
  std::optional<std::array<bool, kLabelCount>> expected;
  bool skip_blank = false;         ///< --skip-blank: lines with no words get no record and are not counted.
  bool silent = false;             ///< Count only, write no records (--count, --quiet).
  bool flush_each_record = false;  ///< Terminal or --line-buffered: write each record at once.
  std::size_t jobs = 1;            ///< Worker threads (1: everything on the calling thread).
  bool summary = false;            ///< Gather a RunSummary (--summary).
  bool progress = false;           ///< Show a progress line on stderr (a terminal) once slow.
};

/// What the loop saw over all inputs: records per label (before --only), those flagged for review, whether
/// every record had the --expect label, the --summary; status 2 when an input could not be opened or read.
using LineTotals = RunTotals<RecordTally>;

/// Classifies every line of every input (paths, "-" for stdin) and writes one record per line to
/// `out` through `formatter`, in input order; per-file warnings go to stderr after that file's records.
LineTotals classify_lines(const std::vector<std::string>& inputs, const Classifier& classifier,
                          RecordFormatter& formatter, Output& out, const LineSettings& settings);

}  // namespace rolecheck::cli
