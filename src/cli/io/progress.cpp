#include "io/progress.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace rolecheck::cli {
namespace {

constexpr std::chrono::milliseconds kDefaultDelay{1000};
constexpr std::chrono::milliseconds kRedrawInterval{150};
constexpr std::string_view kClearLine = "\r\x1b[K";

// The delay before the line first appears; ROLECHECK_PROGRESS_DELAY_MS overrides it (for tests only).
std::chrono::milliseconds progress_delay() {
  const char* value = std::getenv("ROLECHECK_PROGRESS_DELAY_MS");
  if (value == nullptr) return kDefaultDelay;
  const std::string_view text(value);
  long milliseconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), milliseconds);
  if (error != std::errc{} || end != text.data() + text.size() || milliseconds < 0) return kDefaultDelay;
  return std::chrono::milliseconds(milliseconds);
}

void write_stderr(std::string_view bytes) noexcept {
  while (!bytes.empty()) {
    const auto written = ::write(STDERR_FILENO, bytes.data(), bytes.size());
    if (written <= 0) return;  // a progress line is not worth an error
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace

bool stderr_is_terminal() noexcept { return ::isatty(STDERR_FILENO) == 1; }

std::size_t total_input_bytes(const std::vector<std::string>& inputs) {
  std::size_t total = 0;
  for (const auto& path : inputs) {
    struct stat info {};
    const int status = path == "-" ? ::fstat(STDIN_FILENO, &info) : ::stat(path.c_str(), &info);
    if (status != 0 || !S_ISREG(info.st_mode)) return 0;
    total += static_cast<std::size_t>(info.st_size);
  }
  return total;
}

ProgressLine::ProgressLine(std::size_t total_bytes, std::string_view unit)
    : m_total_bytes(total_bytes),
      m_unit(unit),
      m_start(Clock::now()),
      m_last_draw(m_start),
      m_delay(progress_delay()) {}

ProgressLine::~ProgressLine() { erase(); }

void ProgressLine::update(std::size_t items, std::size_t bytes) {
  const auto now = Clock::now();
  if (now - m_start < m_delay) return;
  if (m_shown && now - m_last_draw < kRedrawInterval) return;
  m_last_draw = now;
  const double seconds = std::chrono::duration<double>(now - m_start).count();
  const auto rate = seconds > 0.0 ? static_cast<std::size_t>(static_cast<double>(items) / seconds) : 0;
  m_text.assign(kClearLine);
  fmt::format_to(std::back_inserter(m_text), "rolecheck: {} {}, {} {}/s", items, m_unit, rate, m_unit);
  if (m_total_bytes > 0) {
    const auto percent = std::min<std::size_t>(100, bytes * 100 / m_total_bytes);
    fmt::format_to(std::back_inserter(m_text), ", {}%", percent);
  }
  write_stderr(m_text);
  m_shown = true;
}

void ProgressLine::erase() noexcept {
  if (!m_shown) return;
  write_stderr(kClearLine);
  m_shown = false;
}

}  // namespace rolecheck::cli
