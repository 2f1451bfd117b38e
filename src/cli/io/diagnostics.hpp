#pragma once
// Printing the core library's diagnostics on stderr, one problem per line, each prefixed "rolecheck: ".

#include <cstddef>
#include <string>
#include <vector>

#include "io/input_tally.hpp"

#include "rolecheck/support/error.hpp"

namespace rolecheck::cli {

/// Renders diagnostics as stderr text: "rolecheck: " before each problem (a problem without a file or
/// position is just its message); a syntax error's source line and caret follow it, indented.
std::string render_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// Flushes stdout, then writes render_diagnostics() to stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// Writes "rolecheck: MESSAGE" and a newline to stderr in one call, without flushing stdout: a warning or
/// error already worded (with its location), printed as records stream out.
void warn(const std::string& message);

/// What reading a subcommand's inputs had to report, in the order found: warnings (which leave the
/// exit status alone) and errors (exit 2). Every subcommand that reads files prints it the same way, so
/// a missing file, a read error or invalid UTF-8 reads the same under classify, eval, stats, report and fit.
class InputLog {
 public:
  /// Adds a warning, already located ("FILE:LINE: warning: ...").
  void warn(std::string message) { m_entries.push_back(Diagnostic{{}, 0, 0, {}, std::move(message), {}}); }
  /// Adds an error with its location.
  void error(Diagnostic diagnostic) {
    m_entries.push_back(std::move(diagnostic));
    m_failed = true;
  }
  /// Adds an error whose message already names the input (InputFile::open's "PATH: No such file or directory").
  void error(std::string message) { error(Diagnostic{{}, 0, 0, {}, std::move(message), {}}); }
  /// Adds every diagnostic of a read error.
  void error(const Error& read_error) {
    for (const auto& diagnostic : read_error.diagnostics()) error(diagnostic);
  }
  /// True when an error was added: the subcommand exits 2.
  [[nodiscard]] bool failed() const noexcept { return m_failed; }
  /// Which of the inputs could be read (InputTally::nothing_read: nothing to report).
  [[nodiscard]] InputTally& inputs() noexcept { return m_inputs; }
  /// Which of the inputs could be read.
  [[nodiscard]] const InputTally& inputs() const noexcept { return m_inputs; }
  /// Everything added, in order.
  [[nodiscard]] const std::vector<Diagnostic>& entries() const noexcept { return m_entries; }
  /// Prints everything added (print_diagnostics) and forgets it.
  void print();

 private:
  std::vector<Diagnostic> m_entries;
  bool m_failed = false;
  InputTally m_inputs;
};

}  // namespace rolecheck::cli
