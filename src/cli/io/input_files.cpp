#include "io/input_files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace rolecheck::cli {

std::optional<InputFile> InputFile::open(const std::string& path, std::string& error) {
  if (path == "-") return InputFile(STDIN_FILENO, "-");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    error = path + ": " + std::strerror(errno);
    ::close(fd);
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    error = path + ": is a directory";
    ::close(fd);
    return std::nullopt;
  }
  return InputFile(fd, path);
}

InputFile::InputFile(InputFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_name(std::move(other.m_name)) {}

InputFile::~InputFile() {
  if (m_fd > STDERR_FILENO) ::close(m_fd);
}

namespace {

// True when a CR in `text` is followed (after blanks) by '{': JSON Lines records joined by CR-only line endings,
// not CR as whitespace inside one record.
bool cr_before_object(std::string_view text) noexcept {
  for (auto at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1)) {
    const auto next = text.find_first_not_of(" \t\r", at);
    if (next != std::string_view::npos && text[next] == '{') return true;
  }
  return false;
}

}  // namespace

void LineNotices::note(const InputLine& line, bool json_object) noexcept {
  if (line.too_long && m_first_too_long == 0) m_first_too_long = line.number;
  if (!line.too_long && line.invalid_utf8 && m_first_invalid == 0) m_first_invalid = line.number;
  if (!line.too_long && line.has_nul && m_first_nul == 0) m_first_nul = line.number;
  if (line.has_cr && (!json_object || cr_before_object(line.text)) && m_first_cr == 0) m_first_cr = line.number;
}

void LineNotices::collect(std::string_view name, std::size_t max_line_bytes, std::vector<std::string>& out) const {
  if (m_first_invalid != 0) {
    out.push_back(
        fmt::format("{}:{}: warning: invalid UTF-8 replaced by U+FFFD (first such line)", name, m_first_invalid));
  }
  if (m_first_nul != 0) {
    out.push_back(fmt::format("{}:{}: warning: NUL bytes read as spaces (first such line)", name, m_first_nul));
  }
  if (m_first_cr != 0) {
    out.push_back(
        fmt::format("{}:{}: warning: carriage returns inside a line read as spaces (first such line); "
                    "if the file has CR-only line endings (old Mac), convert it first: tr '\\r' '\\n'",
                    name, m_first_cr));
  }
  if (m_first_too_long != 0) {
    out.push_back(fmt::format("{}:{}: warning: line longer than --max-line-bytes={} labelled unknown (first such line)",
                              name, m_first_too_long, max_line_bytes));
  }
}

std::optional<std::vector<std::string>> resolve_inputs(const std::vector<std::string>& paths) {
  if (!paths.empty()) return paths;
  if (::isatty(STDIN_FILENO) == 1) return std::nullopt;
  return std::vector<std::string>{"-"};
}

void DocumentNotices::collect(const InputDocument& document, std::string_view input_name,
                              std::vector<std::string>& out) {
  if (document.invalid_utf8_line != 0 && !m_warned_utf8) {
    m_warned_utf8 = true;
    out.push_back(fmt::format("{}:{}: warning: invalid UTF-8 replaced by U+FFFD (first such line)", input_name,
                              document.invalid_utf8_line));
  }
  if (document.nul_line != 0 && !m_warned_nul) {
    m_warned_nul = true;
    out.push_back(
        fmt::format("{}:{}: warning: NUL bytes read as spaces (first such line)", input_name, document.nul_line));
  }
  if (!document.ok()) {
    out.push_back(document.line != 0 ? fmt::format("{}:{}: {}", document.file, document.line, document.error)
                                     : fmt::format("{}: {}", document.file, document.error));
  }
}

}  // namespace rolecheck::cli
