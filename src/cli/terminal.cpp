#include "terminal.hpp"

#include <cstdlib>
#include <string_view>

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
