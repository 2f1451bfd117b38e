#pragma once
// Inputs shared by the micro-benchmarks: real duty lines and the repository's taxonomy.

#include <fstream>
#include <string>
#include <vector>

#include "rolecheck/taxonomy/taxonomy_io.hpp"

namespace rolecheck::bench {

/// The text column of the labelled dev data (plus the golden sample's odd lines), one duty each.
inline std::vector<std::string> duty_lines() {
  std::vector<std::string> lines;
  for (const char* path : {"/work/shared/data/onet_tasks_dev.tsv", "/work/shared/data/onet_dwa_dev.tsv"}) {
    std::ifstream in(path);
    std::string row;
    std::getline(in, row);  // header
    while (std::getline(in, row)) {
      const auto tab = row.find('\t');
      const auto next = row.find('\t', tab + 1);
      if (tab != std::string::npos) lines.push_back(row.substr(tab + 1, next - tab - 1));
    }
  }
  std::ifstream sample(ROLECHECK_SOURCE_DIR "/tests/golden/speed/input.txt");
  for (std::string line; std::getline(sample, line);) lines.push_back(line);
  return lines;
}

/// The taxonomy built into rolecheck (data/taxonomy.json).
inline Taxonomy taxonomy() { return load_embedded_taxonomy(); }

/// Total bytes of `lines`, for throughput counters.
inline std::size_t total_bytes(const std::vector<std::string>& lines) {
  std::size_t bytes = 0;
  for (const auto& line : lines) bytes += line.size() + 1;
  return bytes;
}

}  // namespace rolecheck::bench
