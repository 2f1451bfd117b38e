#pragma once
// How inputs are read, shared by `classify`, `report` and `diff`: --unit, --input and the record fields.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "rolecheck/input/document_input.hpp"
#include "rolecheck/input/file_names.hpp"
#include "rolecheck/input/record_input.hpp"

namespace rolecheck::cli {

/// What one item is and how inputs are read, shared by `classify`, `report` and `diff`: --unit,
/// --input and the fields of records (wiring only: the core's document_input does the reading).
struct InputOptions {
  std::string unit = "line";          ///< --unit line|document.
  std::string input = "text";         ///< --input text|jsonl|json|csv|html.
  std::string text_field = "text";    ///< --text-field / --text-column.
  std::string id_field = "id";        ///< --id-field / --id-column.
  std::string title_field = "title";  ///< --title-field / --title-column.
  CLI::Option* unit_option = nullptr;
  CLI::Option* input_option = nullptr;
  CLI::Option* id_option = nullptr;
  CLI::Option* title_option = nullptr;

  /// True when --unit was given.
  [[nodiscard]] bool unit_given() const { return unit_option != nullptr && unit_option->count() > 0; }
  /// True when --input was given.
  [[nodiscard]] bool input_given() const { return input_option != nullptr && input_option->count() > 0; }
  /// True when items are documents: --unit document; or, without --unit, records (--input jsonl, json,
  /// csv), HTML, or any .html/.htm input when --input is not given.
  [[nodiscard]] bool documents(const std::vector<std::string>& inputs) const {
    if (unit_given()) return unit == "document";
    if (input != "text") return true;
    if (input_given()) return false;
    for (const auto& path : inputs) {
      if (is_html_file_name(path)) return true;
    }
    return false;
  }
  /// True when each record of a JSONL, JSON or CSV input is one duty (--unit line given with one of them).
  [[nodiscard]] bool record_lines() const {
    return unit_given() && unit == "line" && input != "text" && input != "html";
  }
  /// How the input `path` is read: --input, or HTML for .html/.htm files when --input is not given.
  [[nodiscard]] DocumentInput layout_for(const std::string& path) const {
    const auto layout = *parse_document_input(input);
    if (layout == DocumentInput::whole && !input_given() && is_html_file_name(path)) return DocumentInput::html;
    return layout;
  }
  /// Where records keep their text, id and title; in line mode the title is not put before the text.
  [[nodiscard]] RecordFields fields(bool documents) const {
    RecordFields fields;
    fields.text = text_field;
    fields.id = id_field;
    fields.title = title_field;
    fields.id_given = id_option != nullptr && id_option->count() > 0;
    fields.title_given = title_option != nullptr && title_option->count() > 0;
    fields.use_title = documents;
    return fields;
  }
  /// The message when --unit line is asked of HTML, which is only read as documents, or when .html files
  /// come with other files and no --input says how to read them all (empty: fine).
  [[nodiscard]] std::string conflict(const std::vector<std::string>& inputs) const {
    if (unit_given() && unit == "line" && input == "html") {
      return "--input html reads each file as one job description: use --unit document (or leave --unit out)";
    }
    if (unit_given() && unit == "line" && !input_given()) {
      for (const auto& path : inputs) {
        if (is_html_file_name(path)) {
          return path +
                 " is HTML, read as one job description: leave out --unit line (or give --input text to "
                 "read its markup line by line)";
        }
      }
    }
    if (!input_given() && !unit_given()) {
      std::size_t html = 0;
      for (const auto& path : inputs) html += is_html_file_name(path) ? 1U : 0U;
      if (html > 0 && html < inputs.size()) {
        return ".html files are read as job descriptions and the other files as one duty per line: run them "
               "separately, or give --unit document (or --input html) to read every file as a job description";
      }
    }
    return {};
  }
};

/// One warning for each input named like records (.csv, .jsonl, .json) that is read as plain text because
/// --input was not given: its header and fields would be classified as duties.
inline std::vector<std::string> record_name_warnings(const InputOptions& options,
                                                     const std::vector<std::string>& inputs) {
  std::vector<std::string> warnings;
  if (options.input_given()) return warnings;
  const bool documents = options.documents(inputs);
  std::vector<std::string> seen;
  for (const auto& path : inputs) {
    const auto input = record_input_for_name(path);
    if (input.empty() || std::find(seen.begin(), seen.end(), path) != seen.end()) continue;
    seen.push_back(path);
    warnings.push_back(
        fmt::format("{}: warning: read as plain text, {} (its {} too); to read its records give "
                    "--input {}{}",
                    path, documents ? "one job description" : "one duty per line",
                    input == "csv" ? "header row and fields" : "JSON syntax", input,
                    documents ? "" : " (with --unit line for one duty per record)"));
  }
  return warnings;
}

/// "FILE: 3 blank lines skipped (not records)": the note for blank JSONL or CSV lines.
inline std::string blank_lines_message(const std::string& name, std::size_t blank) {
  return name + ": " + std::to_string(blank) + (blank == 1 ? " blank line" : " blank lines") + " skipped (not records)";
}

/// Adds --unit, --input and the record field options to a subcommand.
inline void add_document_input_options(CLI::App& app, InputOptions& options) {
  options.unit_option =
      app.add_option("--unit", options.unit,
                     "line (the default for text): one duty per line (or per record of a JSONL, JSON or CSV "
                     "input); document (the default for records and HTML): each FILE (or record) is one job "
                     "description")
          ->check(CLI::IsMember({"line", "document"}));
  options.input_option =
      app.add_option("--input", options.input,
                     "text; jsonl: one JSON object per line; json: an array of objects; csv: a header row, then one "
                     "record per row; html: a posting as HTML (the default for .html files). Records are job "
                     "descriptions unless --unit line; .gz inputs are read decompressed")
          ->check(CLI::IsMember({"text", "jsonl", "json", "csv", "html"}))
          ->capture_default_str();
  app.add_option("--text-field,--text-column", options.text_field,
                 "The JSON field (a dotted path like job.description) or CSV column (name or 1-based number) "
                 "holding the text")
      ->type_name("NAME|N")
      ->capture_default_str();
  options.id_option = app.add_option("--id-field,--id-column", options.id_field,
                                     "The field or column holding the record's id (default: id when present, else "
                                     "FILE:LINE)")
                          ->type_name("NAME|N");
  options.title_option = app.add_option("--title-field,--title-column", options.title_field,
                                        "The field or column holding the posting's title, read as its first line "
                                        "(default: title when present)")
                             ->type_name("NAME|N");
}

/// Why --max-line-bytes is refused with --unit document or --input jsonl: documents have their own cap.
inline std::string document_line_limit_message() {
  return fmt::format(
      "--max-line-bytes applies to line mode only; a document (a whole input, or one JSONL line) is "
      "capped at {} MiB, and a larger one gets an error record",
      kMaxInputDocumentBytes >> 20);
}

}  // namespace rolecheck::cli
