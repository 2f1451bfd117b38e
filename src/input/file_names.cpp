#include "rolecheck/input/file_names.hpp"

#include <cstddef>

namespace rolecheck {
namespace {

// True when `name` ends in `tail` (lower case), ignoring the case of ASCII letters in `name`.
bool ends_with_folded(std::string_view name, std::string_view tail) noexcept {
  if (name.size() < tail.size()) return false;
  const auto start = name.size() - tail.size();
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const char c = name[start + i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != tail[i]) return false;
  }
  return true;
}

}  // namespace

bool has_file_suffix(std::string_view name, std::string_view suffix) noexcept {
  if (is_gzip_file_name(name)) name.remove_suffix(3);
  return ends_with_folded(name, suffix);
}

bool is_gzip_file_name(std::string_view name) noexcept { return ends_with_folded(name, ".gz"); }

bool is_html_file_name(std::string_view name) noexcept {
  return has_file_suffix(name, ".html") || has_file_suffix(name, ".htm");
}

std::string_view record_input_for_name(std::string_view name) noexcept {
  if (has_file_suffix(name, ".csv")) return "csv";
  if (has_file_suffix(name, ".jsonl") || has_file_suffix(name, ".ndjson")) return "jsonl";
  if (has_file_suffix(name, ".json")) return "json";
  return {};
}

}  // namespace rolecheck
