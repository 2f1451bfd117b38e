#pragma once
// Job postings saved as HTML turned into the plain text the document splitter reads.

#include <string>
#include <string_view>

namespace rolecheck {

/// Converts an HTML page or fragment (valid UTF-8) to plain text with the structure the document
/// splitter knows: `<h1>`–`<h6>` become Markdown headings (`# `, `## `, …) on lines of their own,
/// each `<li>` a `- ` item (indented when nested), `<p>`, `<div>` and other blocks and `<br>` line
/// breaks; scripts, styles, `<head>`, `<nav>`, `<template>` and comments are dropped, entities decoded (by
/// Gumbo, the HTML5 parser), runs of blanks squeezed and non-breaking spaces read as spaces.
std::string html_to_text(std::string_view html);

/// Deepest element nesting an HTML input may have: the HTML5 parser's time grows with the square of the
/// nesting, so deeper input is refused before parsing (real postings nest a few dozen deep).
inline constexpr std::size_t kMaxHtmlDepth = 512;

/// An upper bound on how deep the elements of `html` nest, found in one pass without parsing: every
/// start tag opens a level, every end tag closes one (void and self-closed elements open none).
std::size_t html_nesting_bound(std::string_view html) noexcept;

}  // namespace rolecheck
