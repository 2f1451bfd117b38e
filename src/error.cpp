#include "rolecheck/error.hpp"

#include <fmt/format.h>

namespace rolecheck {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out;
  if (diagnostic.line > 0) {
    out = fmt::format("{}:{}:{}: error: {}", diagnostic.file, diagnostic.line, diagnostic.column,
                      diagnostic.message);
    if (!diagnostic.source_line.empty()) {
      out += fmt::format("\n  {}\n  {:>{}}", diagnostic.source_line, "^", diagnostic.column);
    }
  } else if (!diagnostic.pointer.empty()) {
    out = fmt::format("{}: error: {}: {}", diagnostic.file, diagnostic.pointer, diagnostic.message);
  } else if (!diagnostic.file.empty()) {
    out = fmt::format("{}: error: {}", diagnostic.file, diagnostic.message);
  } else {
    out = fmt::format("error: {}", diagnostic.message);
  }
  return out;
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& diagnostic : diagnostics) {
    if (!out.empty()) out += '\n';
    out += format_diagnostic(diagnostic);
  }
  return out;
}
}  // namespace

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)), m_diagnostics(std::move(diagnostics)) {}

Error::Error(const std::string& message)
    : std::runtime_error(message), m_diagnostics{Diagnostic{{}, 0, 0, {}, message, {}}} {}

}  // namespace rolecheck
