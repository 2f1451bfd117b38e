#pragma once
// Terminal colour in the text formats: the colour of each label, and duty text with its matched words
// highlighted.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/engine/classifier.hpp"

namespace rolecheck {

/// The ANSI code that ends every coloured span.
inline constexpr std::string_view kAnsiReset = "\x1b[0m";

/// The ANSI colour of a label in text output (sales green, marketing magenta, other cyan, mixed yellow, unknown dim).
std::string_view ansi_label_color(Label label) noexcept;

/// Appends `text` on one line (tab, CR, LF and NUL become spaces; with `squeeze`, runs of blanks become
/// one space) with the words the reasons matched in bold, underlined and in their side's colour
/// (other-work matches, role other, in cyan; a negated match only underlined). `offset` is where `text` starts in the
/// text the reasons' spans refer to; spans outside `text` or overlapping an earlier one are skipped. `text` must be
/// valid UTF-8.
void append_highlighted(std::string& out, std::string_view text, std::size_t offset, const std::vector<Reason>& reasons,
                        bool squeeze);

}  // namespace rolecheck
