#pragma once
// Escaping for the output formats: TSV and CSV fields, JSON strings and numbers, confidences, integers.

#include <cstddef>
#include <string>
#include <string_view>

namespace rolecheck {

/// Appends `text` as one TSV field: tab, newline, CR, backslash and NUL written as \t \n \r \\ \0.
void append_tsv_field(std::string& out, std::string_view text);
/// Appends `text` as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds , " CR or LF.
void append_csv_field(std::string& out, std::string_view text);

/// Appends `text` as a JSON string literal; invalid UTF-8 becomes U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

/// Appends a number the way every JSON output of rolecheck writes it (up to 4 decimals, no trailing zeros).
void append_json_number(std::string& out, double value);

/// Decimals of a confidence in every output format (text, JSON, TSV, CSV, explain, diff; the HTML report's
/// percentages carry the same precision).
inline constexpr int kConfidenceDecimals = 2;

/// Appends a confidence with exactly kConfidenceDecimals decimals ("0.80"), as every format writes it.
void append_confidence(std::string& out, double confidence);
/// Appends `value` in decimal.
void append_unsigned(std::string& out, std::size_t value);
/// Appends `value` with exactly `precision` decimals, rounded as printf and fmt round ("{:.3f}").
void append_fixed(std::string& out, double value, int precision);

}  // namespace rolecheck
