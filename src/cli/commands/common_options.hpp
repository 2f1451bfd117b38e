#pragma once
// Options several subcommands take, declared once so they read the same in every --help.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

#include "io/input_options.hpp"

namespace rolecheck::cli {

/// A validator for a whole number from `min` to `max` that says which of the two is wrong ("abc is not a whole
/// number", "0 is out of range"), where CLI::Range calls both "not in range".
CLI::Validator whole_number(std::size_t min, std::size_t max);

/// A validator for a number from 0 to 1 (a confidence) that says whether the value is no number or out of range.
CLI::Validator fraction();

/// Adds -o,--output FILE to `app`, into `path`; `description` says what is written there.
CLI::Option* add_output_option(CLI::App& app, std::string& path,
                               const std::string& description = "Write to FILE (atomically, via a temporary file)");

/// Adds --max-line-bytes N (1 byte to 1 GiB, default shown) to `app`, into `bytes`: the longest line read.
CLI::Option* add_max_line_bytes_option(CLI::App& app, std::size_t& bytes);

/// Adds what every subcommand that classifies on the ordered pipeline (classify, diff) takes last: the
/// document input options (add_document_input_options), then -j,--jobs N (1 to 256, default shown), the
/// number of threads that classify.
void add_pipeline_options(CLI::App& app, InputOptions& in, std::size_t& jobs);

}  // namespace rolecheck::cli
