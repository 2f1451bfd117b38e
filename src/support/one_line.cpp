#include "rolecheck/support/one_line.hpp"

#include "rolecheck/support/utf8.hpp"

namespace rolecheck {

void append_one_line(std::string& out, std::string_view text, bool squeeze) {
  std::string cleaned;
  if (!is_valid_utf8(text)) {
    replace_invalid_utf8(text, cleaned);
    text = cleaned;
  }
  OneLineWriter(out, squeeze).append(text);
}

}  // namespace rolecheck
