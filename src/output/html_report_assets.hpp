#pragma once
// The inline stylesheet and script of the HTML report (private to html_report.cpp).

#include <string_view>

namespace rolecheck {

/// The report's CSS (system fonts only, nothing fetched).
std::string_view html_report_css() noexcept;
/// The report's JavaScript: reads the embedded JSON, filters by label and text, renders one page of items at a
/// time (duties, or documents that open to their duties).
std::string_view html_report_js() noexcept;

}  // namespace rolecheck
