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

/// True when `name` ends in .html or .htm (any case, also before a .gz): read as HTML by default.
bool is_html_file_name(std::string_view name) noexcept;

}  // namespace rolecheck
