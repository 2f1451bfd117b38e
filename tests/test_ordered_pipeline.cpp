// Tests of the CLI's ordered -j pipeline (src/cli/ordered_pipeline.hpp): blocks come back in order, and
// an exception in a worker or in the writer reaches the calling thread with nothing left running.
// Built into the ThreadSanitizer run of .ci/run (ctest -R "ordered pipeline").

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pipeline/ordered_pipeline.hpp"

namespace rolecheck::cli {
namespace {

struct NumberBlock {
  int value = 0;
  int squared = 0;
  void reset() { value = squared = 0; }
};

// Squares the block's value, sleeping a little now and then so blocks finish out of order; throws on `fail_on`.
struct Squarer {
  int fail_on = -1;
  std::atomic<int>* processed = nullptr;
  void process(NumberBlock& block) {
    if (block.value % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    if (block.value == fail_on) throw std::runtime_error("worker failed");
    block.squared = block.value * block.value;
    if (processed != nullptr) ++*processed;
  }
};

// Feeds 0..count-1 through a pipeline of `jobs`, collecting what the writer sees; `writer_fails_on` throws there.
std::vector<int> run(std::size_t jobs, int count, int worker_fails_on, int writer_fails_on) {
  std::vector<int> written;
  OrderedPipeline<NumberBlock, Squarer> pipeline(
      jobs,
      [&] {
        return Squarer{worker_fails_on, nullptr};
      },
      [&](NumberBlock& block) {
        if (block.value == writer_fails_on) throw std::runtime_error("writer failed");
        written.push_back(block.squared);
      });
  for (int i = 0; i < count; ++i) {
    pipeline.acquire().value = i;
    pipeline.submit();
  }
  pipeline.finish();
  return written;
}

}  // namespace

TEST_CASE("ordered pipeline: blocks are written in the order they were filled, with any number of jobs") {
  for (const std::size_t jobs : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{8}}) {
    const auto written = run(jobs, 200, -1, -1);
    REQUIRE(written.size() == 200);
    for (int i = 0; i < 200; ++i) CHECK(written[static_cast<std::size_t>(i)] == i * i);
  }
}

TEST_CASE("ordered pipeline: a worker's exception reaches the caller after the blocks before it") {
  for (const std::size_t jobs : {std::size_t{1}, std::size_t{2}, std::size_t{4}}) {
    for (const int fail_on : {0, 7, 199}) {
      std::vector<int> written;
      bool thrown = false;
      {
        OrderedPipeline<NumberBlock, Squarer> pipeline(
            jobs,
            [&] {
              return Squarer{fail_on, nullptr};
            },
            [&](NumberBlock& block) { written.push_back(block.value); });
        try {
          for (int i = 0; i < 200; ++i) {
            pipeline.acquire().value = i;
            pipeline.submit();
          }
          pipeline.finish();
        } catch (const std::runtime_error& error) {
          thrown = true;
          CHECK(std::string(error.what()) == "worker failed");
        }
      }  // the destructor joins every worker: a hang here fails the test by timeout
      CHECK(thrown);
      REQUIRE(written.size() == static_cast<std::size_t>(fail_on));
      for (int i = 0; i < fail_on; ++i) CHECK(written[static_cast<std::size_t>(i)] == i);
    }
  }
}

TEST_CASE("ordered pipeline: the writer's exception stops the run, and the workers stop too") {
  for (const std::size_t jobs : {std::size_t{1}, std::size_t{2}, std::size_t{4}}) {
    for (const int fail_on : {0, 5, 150}) { CHECK_THROWS_WITH(run(jobs, 200, -1, fail_on), "writer failed"); }
  }
}

TEST_CASE("ordered pipeline: the test hook makes a worker or the writer throw at a given block") {
  for (const char* hook : {"worker:4", "writer:4"}) {
    ::setenv("ROLECHECK_TEST_PIPELINE_THROW", hook, 1);
    for (const std::size_t jobs : {std::size_t{1}, std::size_t{3}}) {
      std::vector<int> written;
      const auto feed = [&] {
        OrderedPipeline<NumberBlock, Squarer> pipeline(
            jobs, [&] { return Squarer{}; }, [&](NumberBlock& block) { written.push_back(block.value); });
        for (int i = 0; i < 20; ++i) {
          pipeline.acquire().value = i;
          pipeline.submit();
        }
        pipeline.finish();
      };
      CHECK_THROWS_WITH(feed(), Catch::Contains("failed on block 4"));
      CHECK(written == std::vector<int>{0, 1, 2, 3});
      written.clear();
      CHECK_THROWS_AS(feed(), Error);  // the core's error type, which a reader throws too
    }
    ::unsetenv("ROLECHECK_TEST_PIPELINE_THROW");
  }
}

}  // namespace rolecheck::cli
