#pragma once
// Diagnostics: problems found in an input, each with where it is and what to do about it.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace rolecheck {

/// One problem in an input: a file, a position (line/column or JSON pointer) and a message.
struct Diagnostic {
  std::string file;         ///< Name of the input ("-" for stdin, "<embedded>" for the built-in taxonomy).
  std::size_t line = 0;     ///< 1-based line, or 0 when the problem is located by a JSON pointer.
  std::size_t column = 0;   ///< 1-based column in bytes, meaningful when line > 0.
  std::string pointer;      ///< JSON pointer of the offending value, used when line == 0.
  std::string message;      ///< What is wrong and, where possible, what to do.
  std::string source_line;  ///< The offending line of input, shown with a caret under the column.
};

/// Renders a diagnostic as `FILE:LINE:COL: error: MESSAGE` (plus the line and a caret) or `FILE: error: POINTER:
/// MESSAGE`.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// The one exception type the core library throws; it carries every problem found, not only the first.
class Error : public std::runtime_error {
 public:
  /// Builds an error from a non-empty list of diagnostics.
  explicit Error(std::vector<Diagnostic> diagnostics);
  /// Builds an error from a single message with no location.
  explicit Error(const std::string& message);
  /// Every problem found, in the order found.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }

 private:
  std::vector<Diagnostic> m_diagnostics;
};

}  // namespace rolecheck
