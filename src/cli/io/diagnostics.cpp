#include "io/diagnostics.hpp"

#include <cstdio>

namespace rolecheck::cli {

std::string render_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) {
    const bool bare = diagnostic.file.empty() && diagnostic.line == 0 && diagnostic.pointer.empty();
    out += "rolecheck: ";
    out += bare ? diagnostic.message : format_diagnostic(diagnostic);
    out += '\n';
  }
  return out;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::fflush(stdout);
  const std::string text = render_diagnostics(diagnostics);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void warn(const std::string& message) { std::fputs(("rolecheck: " + message + "\n").c_str(), stderr); }

void InputLog::print() {
  if (!m_entries.empty()) print_diagnostics(m_entries);
  m_entries.clear();
}

}  // namespace rolecheck::cli
