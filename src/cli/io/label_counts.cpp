#include "io/label_counts.hpp"

#include <fmt/format.h>
#include <iterator>

#include "rolecheck/support/json_writer.hpp"

namespace rolecheck::cli {

void append_label_counts(std::string& out, const std::vector<std::pair<std::string_view, std::size_t>>& counts,
                         std::string_view format) {
  if (format == "json" || format == "jsonl") {
    JsonWriter json(out);
    json.begin_object();
    for (const auto& [label, count] : counts) json.key(label).integer(count);
    json.end_object();
    out += '\n';
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
