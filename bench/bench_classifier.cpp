// Micro-benchmarks of the classifier and the record formats over real duties.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include "rolecheck/classifier.hpp"
#include "rolecheck/record_format.hpp"

namespace {

void BM_classify_duties(benchmark::State& state) {
  const auto lines = rolecheck::bench::duty_lines();
  const rolecheck::Classifier classifier(rolecheck::bench::taxonomy());
  auto scanner = classifier.make_scanner();
  rolecheck::Classification result;
  for (auto _ : state) {
    for (const auto& line : lines) {
      classifier.classify(line, scanner, result);
      benchmark::DoNotOptimize(result.label);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
}
BENCHMARK(BM_classify_duties);

// Classify and format: arg 0 is tsv, 1 is jsonl.
void BM_classify_and_format(benchmark::State& state) {
  const auto lines = rolecheck::bench::duty_lines();
  const rolecheck::Classifier classifier(rolecheck::bench::taxonomy());
  auto scanner = classifier.make_scanner();
  rolecheck::Classification result;
  const auto format = state.range(0) == 0 ? rolecheck::RecordFormat::tsv : rolecheck::RecordFormat::jsonl;
  rolecheck::RecordFormatter formatter(format, classifier);
  std::string out;
  for (auto _ : state) {
    std::size_t number = 0;
    for (const auto& line : lines) {
      classifier.classify(line, scanner, result);
      formatter.record(out, rolecheck::RecordOrigin{"corpus.txt", ++number}, line, result);
      if (out.size() > (1u << 16)) out.clear();
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
  state.SetLabel(format == rolecheck::RecordFormat::tsv ? "tsv" : "jsonl");
}
BENCHMARK(BM_classify_and_format)->Arg(0)->Arg(1);

}  // namespace
