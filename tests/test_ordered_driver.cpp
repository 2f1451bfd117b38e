// Tests of the ordered -j driver (src/cli/pipeline/ordered_driver.hpp) with the line reader: the records come out
// framed and in input order with any number of jobs and any block size, the counts add up, an input that
// cannot be opened sets the status, and the inputs that could be read are counted. Test names start "ordered
// pipeline" so the ThreadSanitizer run of .ci/run includes them.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>
#include <zlib.h>

#include "io/output.hpp"
#include "pipeline/line_batches.hpp"
#include "pipeline/ordered_driver.hpp"

#include "rolecheck/output/record_stream.hpp"

namespace rolecheck::cli {
namespace {

// A temporary file, removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& contents) {
    char name[] = "/tmp/rolecheck_driver_XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    m_path = name;
    REQUIRE(::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size()));
    ::close(fd);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { std::remove(m_path.c_str()); }
  [[nodiscard]] const std::string& path() const noexcept { return m_path; }
  [[nodiscard]] std::string read() const {
    std::string out;
    std::FILE* file = std::fopen(m_path.c_str(), "rb");
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) out += static_cast<char>(c);
    std::fclose(file);
    return out;
  }

 private:
  std::string m_path;
};

// Sends what is written to stderr (descriptor 2) to a file while it lives, so that the diagnostics a test
// provokes can be checked instead of cluttering the test output. In sanitizer builds it captures nothing
// (captured() is false): a sanitizer report must reach the log, and it ends the process before any destructor.
class StderrCapture {
 public:
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
  static constexpr bool kEnabled = false;
#else
  static constexpr bool kEnabled = true;
#endif

  StderrCapture() : m_file("") {
    if (!kEnabled) return;
    const int fd = ::open(m_file.path().c_str(), O_WRONLY | O_TRUNC);
    REQUIRE(fd >= 0);
    std::fflush(stderr);
    m_saved = ::dup(2);
    const bool redirected = m_saved >= 0 && ::dup2(fd, 2) == 2;
    ::close(fd);
    REQUIRE(redirected);
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;
  ~StderrCapture() {
    if (m_saved < 0) return;
    std::fflush(stderr);
    ::dup2(m_saved, 2);
    ::close(m_saved);
  }
  /// True when stderr is captured (not a sanitizer build): only then is text() what was written.
  [[nodiscard]] static bool captured() noexcept { return kEnabled; }
  /// What was written to stderr so far.
  [[nodiscard]] std::string text() const {
    std::fflush(stderr);
    return m_file.read();
  }

 private:
  TempFile m_file;
  int m_saved = -1;
};

// A gzip file of `text` cut before its last `cut` bytes: reading it gives the lines, then a read error
// ("truncated gzip data").
std::string write_cut_gzip(const TempFile& file, const std::string& text, long cut) {
  gzFile gz = gzopen(file.path().c_str(), "wb");
  REQUIRE(gz != nullptr);
  REQUIRE(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
  REQUIRE(gzclose(gz) == Z_OK);
  const std::string whole = file.read();
  REQUIRE(static_cast<long>(whole.size()) > cut);
  REQUIRE(::truncate(file.path().c_str(), static_cast<off_t>(whole.size()) - cut) == 0);
  return file.path();
}

// What the test loop counts: lines seen and lines over the limit.
struct LineCount {
  std::size_t lines = 0;
  std::size_t too_long = 0;
  void clear() { *this = LineCount{}; }
  void merge(const LineCount& other) {
    lines += other.lines;
    too_long += other.too_long;
  }
};

using TestBlock = OutputBlock<LineBatch, LineCount>;

// Writes "FILE:LINE:TEXT" for every line whose number is not a multiple of `skip`, through a block stream.
class Echo {
 public:
  Echo(const RecordStream& stream, std::size_t skip) : m_stream(stream.block()), m_skip(skip) {}
  void process(TestBlock& block) {
    m_stream = m_stream.block();
    for (const auto& line : block.lines) {
      ++block.tally.lines;
      if (line.too_long) ++block.tally.too_long;
      if (line.number % m_skip == 0) continue;
      m_stream.open_record(block.records);
      block.records += block.file + ":" + std::to_string(line.number) + ":" + std::string(block.text_of(line));
      ++block.written;
    }
  }

 private:
  RecordStream m_stream;
  std::size_t m_skip;
};

// Runs the loop over `inputs` into a file and returns what was written (the stream's end included).
std::string run_echo(const std::vector<std::string>& inputs, std::size_t jobs, BatchLimits limits, RecordFormat format,
                     std::size_t skip, RunTotals<LineCount>& totals, std::size_t max_line_bytes = 1 << 20) {
  TempFile target("");
  const int fd = ::open(target.path().c_str(), O_WRONLY | O_TRUNC);
  REQUIRE(fd >= 0);
  {
    Output out(fd);
    RecordStream stream(format, "header\n", "\n");
    OrderedRun run;
    run.jobs = jobs;
    run.limits = limits;
    run.stream = &stream;
    totals = run_ordered<TestBlock, Echo>(
        inputs, run, out, [&] { return Echo(stream, skip); },
        [max_line_bytes](const std::string& path, const BatchSink<LineBatch>& sink) {
          read_line_batches(path, max_line_bytes, sink);
        });
    std::string end;
    stream.end(end);
    out.write(end);
    out.finish();
  }
  ::close(fd);
  return target.read();
}

}  // namespace

TEST_CASE("ordered pipeline driver: records in input order and framed alike, whatever the jobs and blocks") {
  std::string a;
  std::string b;
  for (int i = 1; i <= 500; ++i) a += "line " + std::to_string(i) + "\n";
  for (int i = 1; i <= 37; ++i) b += "other " + std::to_string(i) + "\n";
  const TempFile first(a);
  const TempFile second(b);
  const std::vector<std::string> inputs{first.path(), second.path()};
  for (const auto format : {RecordFormat::json, RecordFormat::tsv, RecordFormat::text}) {
    RunTotals<LineCount> totals;
    const std::string expected = run_echo(inputs, 1, BatchLimits{1000, 1 << 20}, format, 4, totals);
    CHECK(totals.tally.lines == 537);
    CHECK(totals.status == 0);
    CHECK(expected.find(first.path() + ":499:line 499") != std::string::npos);
    CHECK(expected.find(":4:") == std::string::npos);  // every fourth line skipped
    if (format == RecordFormat::tsv) CHECK(expected.rfind("header\n", 0) == 0);
    if (format == RecordFormat::json) CHECK(expected.substr(expected.size() - 3) == "\n]\n");
    for (const std::size_t jobs : {1U, 2U, 4U}) {
      for (const std::size_t items : {1U, 3U, 64U}) {
        CAPTURE(jobs, items);
        RunTotals<LineCount> parallel;
        CHECK(run_echo(inputs, jobs, BatchLimits{items, 1 << 20}, format, 4, parallel) == expected);
        CHECK(parallel.tally.lines == 537);
      }
    }
    // Blocks cut by bytes, and blocks with no record written (every line skipped).
    RunTotals<LineCount> by_bytes;
    CHECK(run_echo(inputs, 2, BatchLimits{1000, 20}, format, 4, by_bytes) == expected);
    RunTotals<LineCount> none;
    const std::string empty = run_echo(inputs, 2, BatchLimits{5, 1 << 20}, format, 1, none);
    CHECK(empty == (format == RecordFormat::json ? "[]\n" : ""));
    CHECK(none.tally.lines == 537);
  }
}

TEST_CASE("ordered pipeline driver: a missing input sets status 2, the others are still read") {
  const TempFile present("one\ntwo\n");
  RunTotals<LineCount> totals;
  const StderrCapture errors;
  const std::string out = run_echo({"/nonexistent/rolecheck-driver-test", present.path()}, 2,
                                   line_batch_limits(2, false), RecordFormat::jsonl, 1000, totals);
  if (StderrCapture::captured()) {
    CHECK(errors.text() == "rolecheck: /nonexistent/rolecheck-driver-test: No such file or directory\n");
  }
  CHECK(totals.status == 2);
  CHECK(totals.tally.lines == 2);
  CHECK(out == present.path() + ":1:one" + present.path() + ":2:two");
}

TEST_CASE("ordered pipeline driver: counts the inputs that could be read, wholly or before a read error") {
  const TempFile good("one\ntwo\nthree\n");
  const TempFile empty("");
  const TempFile utf16(
      std::string("\xFF\xFE"
                  "a\0b\0\n\0",
                  8));  // a read error before its first line
  const TempFile cut_file("");
  const std::string cut = write_cut_gzip(cut_file, "first\nsecond\n", 8);  // a read error after two lines
  const std::string missing = "/nonexistent/rolecheck-driver-test";
  struct Case {
    std::vector<std::string> inputs;
    std::size_t read;
    int status;
    std::size_t lines;
    std::size_t messages;  ///< one for each input missing, unreadable or cut short
  };
  const std::vector<Case> cases{
      {{missing}, 0, 2, 0, 1},
      {{utf16.path()}, 0, 2, 0, 1},
      {{missing, utf16.path(), missing}, 0, 2, 0, 3},
      {{empty.path()}, 1, 0, 0, 0},
      {{cut}, 1, 2, 2, 1},
      {{good.path()}, 1, 0, 3, 0},
      {{missing, cut, utf16.path(), empty.path(), good.path()}, 3, 2, 5, 3},
      {{utf16.path(), good.path(), missing, empty.path(), cut, good.path()}, 4, 2, 8, 3},
  };
  for (std::size_t c = 0; c < cases.size(); ++c) {
    for (const std::size_t jobs : {1U, 2U, 4U}) {
      for (const std::size_t items : {1U, 2U, 64U}) {
        CAPTURE(c, jobs, items);
        RunTotals<LineCount> totals;
        const StderrCapture errors;
        run_echo(cases[c].inputs, jobs, BatchLimits{items, 1 << 20}, RecordFormat::jsonl, 1000, totals);
        // One message for each input that could not be read wholly.
        const auto messages = errors.text();
        INFO(messages);
        if (StderrCapture::captured()) {
          CHECK(static_cast<std::size_t>(std::count(messages.begin(), messages.end(), '\n')) == cases[c].messages);
        }
        CHECK(totals.inputs.inputs_read() == cases[c].read);
        CHECK(totals.inputs.nothing_read() == (cases[c].read == 0));
        CHECK(totals.status == cases[c].status);
        CHECK(totals.tally.lines == cases[c].lines);
      }
    }
  }
}

TEST_CASE("ordered pipeline driver: lines over the limit reach the workers marked too long, without text") {
  const TempFile input("short\n" + std::string(100, 'x') + "\nshort again\n");
  RunTotals<LineCount> totals;
  const StderrCapture errors;
  const std::string out =
      run_echo({input.path()}, 1, line_batch_limits(1, false), RecordFormat::jsonl, 1000, totals, 50);
  if (StderrCapture::captured()) {
    CHECK(errors.text() ==
          "rolecheck: " + input.path() +
              ":2: warning: line longer than --max-line-bytes=50 labelled unknown (first such line)\n");
  }
  CHECK(totals.tally.lines == 3);
  CHECK(totals.tally.too_long == 1);
  CHECK(out == input.path() + ":1:short" + input.path() + ":2:" + input.path() + ":3:short again");
}

TEST_CASE("ordered pipeline driver: line batches share one budget across the pool") {
  CHECK(line_batch_limits(1, false).items == 2048);
  CHECK(line_batch_limits(1, false).bytes == std::size_t{1} << 18);
  CHECK(line_batch_limits(1, true).items == 1);
  CHECK(line_batch_limits(4, true).items == 1);
  // -j 4: a pool of 10 blocks shares two blocks' worth of the one-job budget.
  CHECK(line_batch_limits(4, false).items == 2048 * 2 / 10);
  CHECK(line_batch_limits(4, false).bytes == (std::size_t{1} << 18) * 2 / 10);
  CHECK(line_batch_limits(256, false).items == 64);
  CHECK(line_batch_limits(256, false).bytes == std::size_t{1} << 13);
}

}  // namespace rolecheck::cli
