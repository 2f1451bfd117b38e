// Micro-benchmarks of the classifier and the record formats over real duties.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include "rolecheck/documents/document_classifier.hpp"
#include "rolecheck/engine/classifier.hpp"
#include "rolecheck/output/record_format.hpp"

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

// Linear time whatever the line: 1 MiB of one repeated duty classified and formatted
// as JSON Lines, arg 0 as one line, arg 1 as 30,000 short lines; the two should cost about the same.
void BM_long_line_vs_short_lines(benchmark::State& state) {
  const std::string duty = "Close deals and write blog posts.";
  const bool one_line = state.range(0) == 0;
  std::vector<std::string> lines;
  std::string text;
  while (text.size() + duty.size() + 1 <= (std::size_t{1} << 20)) {
    text += duty;
    text += ' ';
    lines.push_back(duty);
  }
  if (one_line) lines.assign(1, text);
  const rolecheck::Classifier classifier(rolecheck::bench::taxonomy());
  auto scanner = classifier.make_scanner();
  rolecheck::Classification result;
  rolecheck::RecordFormatter formatter(rolecheck::RecordFormat::jsonl, classifier);
  std::string out;
  for (auto _ : state) {
    std::size_t number = 0;
    for (const auto& line : lines) {
      classifier.classify(line, scanner, result);
      formatter.record(out, rolecheck::RecordOrigin{"corpus.txt", ++number}, line, result);
      if (out.size() > (1u << 16)) out.clear();
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetLabel(one_line ? "one line" : "short lines");
}
BENCHMARK(BM_long_line_vs_short_lines)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The same for documents: arg 0 one document of one 1 MiB line, arg 1 one document of 30,000 short lines.
void BM_long_document(benchmark::State& state) {
  const std::string duty = "Close deals and write blog posts.";
  const char separator = state.range(0) == 0 ? ' ' : '\n';
  std::string text;
  while (text.size() + duty.size() + 1 <= (std::size_t{1} << 20)) {
    text += duty;
    text += separator;
  }
  const rolecheck::Classifier classifier(rolecheck::bench::taxonomy());
  const rolecheck::DocumentClassifier documents(classifier);
  auto scanner = classifier.make_scanner();
  rolecheck::DocumentResult result;
  for (auto _ : state) {
    documents.classify(text, scanner, result);
    benchmark::DoNotOptimize(result.label);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetLabel(state.range(0) == 0 ? "one line" : "short lines");
}
BENCHMARK(BM_long_document)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
