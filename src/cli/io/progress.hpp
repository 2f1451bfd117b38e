#pragma once
// The progress line of a long run: one self-updating line on stderr, shown only on a terminal.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rolecheck::cli {

/// True when stderr is a terminal (where a progress line may go).
bool stderr_is_terminal() noexcept;

/// Total size of the inputs when every one is a regular file ("-" counts when stdin is one), else 0.
std::size_t total_input_bytes(const std::vector<std::string>& inputs);

/// A line on stderr ("\r", the text, clear to the end of the line) showing items done (lines or documents), per
/// second and, when the input size is known, the share read. It appears once the run has taken
/// about a second, is redrawn at most about 7 times a second, and is erased by erase() or on destruction.
/// Callers check it every few thousand lines: update() reads the clock, nothing else.
class ProgressLine {
 public:
  /// Starts the clock; `total_bytes` is the input size, 0 when unknown; `unit` names the items counted.
  explicit ProgressLine(std::size_t total_bytes, std::string_view unit = "lines");
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  /// Erases the line if it is shown.
  ~ProgressLine();

  /// Redraws the line with the counts so far, if it is time to.
  void update(std::size_t items, std::size_t bytes);
  /// Removes the line (before other output on stderr, and at the end).
  void erase() noexcept;

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t m_total_bytes;
  std::string_view m_unit;
  Clock::time_point m_start;
  Clock::time_point m_last_draw;
  std::chrono::milliseconds m_delay;
  bool m_shown = false;
  std::string m_text;
};

}  // namespace rolecheck::cli
