#pragma once
// The loops of `rolecheck diff`: every line (or document) is classified under both taxonomies on
// N worker threads (OrderedPipeline), and the records of those that changed are written in input
// order, so the output of -j N is byte-identical to -j 1 and memory stays bounded.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "io/output.hpp"
#include "pipeline/diff_format.hpp"
#include "pipeline/ordered_driver.hpp"

#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/input/document_input.hpp"
#include "rolecheck/input/record_input.hpp"

namespace rolecheck::cli {

/// How the loops run.
struct DiffSettings {
  DiffFormat format = DiffFormat::text;                     ///< How changed records are written.
  std::size_t jobs = 1;                                     ///< Worker threads (1: everything on the calling thread).
  std::function<DocumentInput(const std::string&)> layout;  ///< Document mode: how each input path is read.
  RecordFields fields;                                      ///< Document mode: where records keep their text.
};

/// What a loop saw over all inputs: records compared and changed, transitions; status 2 when an input could
/// not be opened or read, or a document could not be classified.
using DiffTotals = RunTotals<DiffTally>;

/// Classifies every line of every input (paths, "-" for stdin) with both classifiers and writes one
/// record to `out` per line whose label changed; read errors go to stderr in order.
DiffTotals diff_line_inputs(const std::vector<std::string>& inputs, const Classifier& old_classifier,
                            const Classifier& new_classifier, Output& out, const DiffSettings& settings);

/// The same for job descriptions: one record per document whose verdict or any duty's label changed;
/// warnings and per-document errors go to stderr as `classify --unit document` words them.
DiffTotals diff_document_inputs(const std::vector<std::string>& inputs, const Classifier& old_classifier,
                                const Classifier& new_classifier, Output& out, const DiffSettings& settings);

}  // namespace rolecheck::cli
