#include "io/label_counts.hpp"

#include <fmt/format.h>
#include <iterator>

namespace rolecheck::cli {

void append_label_counts(std::string& out, const std::vector<std::pair<std::string_view, std::size_t>>& counts,
                         std::string_view format) {
  if (format == "json" || format == "jsonl") {
    out += '{';
    for (std::size_t i = 0; i < counts.size(); ++i) {
      fmt::format_to(std::back_inserter(out), "{}\"{}\":{}", i == 0 ? "" : ",", counts[i].first, counts[i].second);
    }
    out += "}\n";
    return;
  }
  if (format == "csv") {
    out += "label,count\r\n";
    for (const auto& [label, count] : counts) fmt::format_to(std::back_inserter(out), "{},{}\r\n", label, count);
    return;
  }
  for (const auto& [label, count] : counts) fmt::format_to(std::back_inserter(out), "{}\t{}\n", label, count);
}

}  // namespace rolecheck::cli
