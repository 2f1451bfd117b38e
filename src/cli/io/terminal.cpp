#include "io/terminal.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <sys/ioctl.h>
#include <unistd.h>

namespace rolecheck::cli {

bool use_color(const std::string& mode, bool is_terminal) {
  if (mode == "always") return true;
  if (mode == "never" || !is_terminal) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string_view(term) != "dumb";
}

}  // namespace rolecheck::cli

namespace rolecheck::cli {

std::size_t terminal_width(bool is_terminal) {
  constexpr std::size_t kDefault = 80;
  if (!is_terminal) return kDefault;
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  const char* columns = std::getenv("COLUMNS");
  if (columns == nullptr) return kDefault;
  const std::string_view text(columns);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size() && value > 0 ? value : kDefault;
}

void print_run_summary(const RunSummary& summary, const SummaryLegend& legend, const std::string& mode) {
  SummaryStyle style;
  style.color = use_color(mode, ::isatty(STDERR_FILENO) == 1);
  std::fputs(render_run_summary(summary, legend, style).c_str(), stderr);
}

bool locale_is_utf8() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string folded;
    for (const char* p = value; *p != '\0'; ++p) {
      if (*p != '-') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
    }
    return folded.find("utf8") != std::string::npos;
  }
  return false;
}

}  // namespace rolecheck::cli
