#pragma once
// Laying text out for a terminal: display columns of UTF-8 text, word wrapping, ASCII transliteration.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck {

/// Display columns of one code point: 0 for combining marks, zero-width and control characters,
/// 2 for East Asian wide characters and emoji, 1 for everything else.
int code_point_width(long code_point) noexcept;

/// Display columns of UTF-8 text on a terminal; each invalid byte counts as one column (shown as U+FFFD).
std::size_t display_width(std::string_view text) noexcept;

/// Copies text with invalid UTF-8 and control characters (tab and line breaks excepted) replaced by U+FFFD,
/// so it is safe to print on a terminal.
std::string printable_text(std::string_view text);

/// Splits text into lines of at most `width` display columns (at least 1), breaking at whitespace, which
/// collapses to single spaces; a word wider than `width` breaks after its hyphens, else between characters.
/// Empty text gives no lines.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

/// Appends `text` padded with spaces on the right to `width` display columns (never truncates).
void append_padded(std::string& out, std::string_view text, std::size_t width);

/// Replaces every non-ASCII character by an ASCII look-alike (curly quotes, dashes, accented Latin-1
/// letters, non-breaking spaces), drops zero-width ones, and writes '?' for the rest.
std::string to_ascii(std::string_view text);

}  // namespace rolecheck
