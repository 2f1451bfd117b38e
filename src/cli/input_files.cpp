#include "input_files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace rolecheck::cli {

std::optional<InputFile> InputFile::open(const std::string& path, std::string& error) {
  if (path == "-") {
    struct stat info {};
    const bool regular = ::fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode);
    return InputFile(STDIN_FILENO, "-", regular ? static_cast<std::size_t>(info.st_size) : 0);
  }
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
  return InputFile(fd, path, S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0);
}

InputFile::InputFile(InputFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_name(std::move(other.m_name)), m_size(other.m_size) {}

InputFile::~InputFile() {
  if (m_fd > STDERR_FILENO) ::close(m_fd);
}

std::optional<std::vector<std::string>> resolve_inputs(const std::vector<std::string>& paths) {
  if (!paths.empty()) return paths;
  if (::isatty(STDIN_FILENO) == 1) return std::nullopt;
  return std::vector<std::string>{"-"};
}

}  // namespace rolecheck::cli
