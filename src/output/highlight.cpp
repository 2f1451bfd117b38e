#include "rolecheck/output/highlight.hpp"

#include <algorithm>

#include "rolecheck/support/one_line.hpp"

namespace rolecheck {
namespace {

// Bold, underlined, in the colour of its side (or of other work): a match inside the duty text.
std::string_view highlight_color(const Reason& reason) noexcept {
  if (reason.negated) return "\x1b[4m";
  if (reason.role == CueRole::other) return "\x1b[1;4;36m";
  return reason.side == Side::sales ? "\x1b[1;4;32m" : "\x1b[1;4;35m";
}

}  // namespace

std::string_view ansi_label_color(Label label) noexcept {
  switch (label) {
    case Label::sales: return "\x1b[1;32m";
    case Label::marketing: return "\x1b[1;35m";
    case Label::mixed: return "\x1b[1;33m";
    case Label::other: return "\x1b[1;36m";
    case Label::unknown: break;
  }
  return "\x1b[2m";
}

void append_highlighted(std::string& out, std::string_view text, std::size_t offset, const std::vector<Reason>& reasons,
                        bool squeeze) {
  // The spans inside `text`, relative to it, in order and without overlaps.
  struct Span {
    std::size_t begin;
    std::size_t end;
    std::string_view color;
  };
  std::vector<Span> spans;
  for (const auto& reason : reasons) {
    if (reason.begin < offset || reason.end > offset + text.size() || reason.begin >= reason.end) continue;
    spans.push_back(Span{reason.begin - offset, reason.end - offset, highlight_color(reason)});
  }
  std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  OneLineWriter line(out, squeeze);
  std::size_t next = 0;  // the next span to open
  std::size_t open_end = 0;
  bool open = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (open && i == open_end) {
      out += kAnsiReset;
      open = false;
    }
    while (!open && next < spans.size() && spans[next].begin < i) ++next;  // overlapped an earlier span
    if (!open && next < spans.size() && spans[next].begin == i) {
      out += spans[next].color;
      open_end = spans[next].end;
      open = true;
      ++next;
    }
    line.put(text[i]);
  }
  if (open) out += kAnsiReset;
}

}  // namespace rolecheck
