// Micro-benchmarks of the scanner (matcher): a warm word cache, a cold one, and building the matcher.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include "rolecheck/engine/matcher.hpp"

namespace {

void BM_scan_duties(benchmark::State& state) {
  const auto lines = rolecheck::bench::duty_lines();
  const rolecheck::Matcher matcher(rolecheck::bench::taxonomy());
  rolecheck::Scanner scanner(matcher);
  for (auto _ : state) {
    for (const auto& line : lines) benchmark::DoNotOptimize(scanner.scan(line).matches.size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(rolecheck::bench::total_bytes(lines)));
}
BENCHMARK(BM_scan_duties);

// Every word new to the scanner: stemming and cache inserts dominate (made-up words).
void BM_scan_unseen_words(benchmark::State& state) {
  const rolecheck::Matcher matcher(rolecheck::bench::taxonomy());
  std::vector<std::string> lines;
  for (int i = 0; i < 2000; ++i) {
    std::string line;
    for (int w = 0; w < 10; ++w) line += "word" + std::to_string(i * 10 + w) + "ing ";
    lines.push_back(line);
  }
  for (auto _ : state) {
    rolecheck::Scanner scanner(matcher);
    for (const auto& line : lines) benchmark::DoNotOptimize(scanner.scan(line).matches.size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
}
BENCHMARK(BM_scan_unseen_words);

void BM_build_matcher(benchmark::State& state) {
  const auto taxonomy = rolecheck::bench::taxonomy();
  for (auto _ : state) {
    const rolecheck::Matcher matcher(taxonomy);
    benchmark::DoNotOptimize(matcher.cues().size());
  }
}
BENCHMARK(BM_build_matcher);

void BM_parse_embedded_taxonomy(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rolecheck::bench::taxonomy().differences.size());
}
BENCHMARK(BM_parse_embedded_taxonomy);

}  // namespace
