// Micro-benchmarks of the tokenizer (normaliser): ASCII duties, accented text, invalid UTF-8.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include "rolecheck/text/text.hpp"

namespace {

void tokenize_lines(benchmark::State& state, const std::vector<std::string>& lines) {
  rolecheck::TokenBuffer buffer;
  for (auto _ : state) {
    for (const auto& line : lines) {
      rolecheck::tokenize(line, buffer);
      benchmark::DoNotOptimize(buffer.tokens.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(rolecheck::bench::total_bytes(lines)));
}

void BM_tokenize_duties(benchmark::State& state) { tokenize_lines(state, rolecheck::bench::duty_lines()); }
BENCHMARK(BM_tokenize_duties);

void BM_tokenize_accented(benchmark::State& state) {
  const std::vector<std::string> lines(100,
                                       "Gérer la clientèle — prospection, négociation • ventes “directes” à l’export");
  tokenize_lines(state, lines);
}
BENCHMARK(BM_tokenize_accented);

void BM_tokenize_long_line(benchmark::State& state) {
  std::string line;
  while (line.size() < 64 * 1024) line += "Develop marketing plans and cold-call prospective customers; ";
  tokenize_lines(state, {line});
}
BENCHMARK(BM_tokenize_long_line);

}  // namespace
