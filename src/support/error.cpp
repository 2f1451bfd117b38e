#include "rolecheck/support/error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rolecheck {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The offending line and a caret under the byte `column`: at most about 100 characters around the column
// are shown, and the caret counts characters (not bytes) and copies tabs, so it lines up in a terminal.
std::string source_excerpt(const std::string& line, std::size_t column) {
  const std::size_t caret = std::min(column > 0 ? column - 1 : 0, line.size());
  std::size_t begin = caret > 60 ? caret - 60 : 0;
  while (begin > 0 && is_continuation(line[begin])) --begin;
  std::size_t end = std::min(line.size(), caret + 60);
  while (end < line.size() && is_continuation(line[end])) ++end;
  std::string shown = begin > 0 ? "..." : "";
  std::string pad(shown.size(), ' ');
  for (std::size_t i = begin; i < caret; ++i) {
    if (line[i] == '\t')
      pad += '\t';
    else if (!is_continuation(line[i]))
      pad += ' ';
  }
  shown.append(line, begin, end - begin);
  if (end < line.size()) shown += "...";
  return "\n  " + shown + "\n  " + pad + "^";
}

}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out;
  if (diagnostic.line > 0) {
    out = fmt::format("{}:{}:{}: error: {}", diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message);
    if (!diagnostic.source_line.empty()) out += source_excerpt(diagnostic.source_line, diagnostic.column);
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
