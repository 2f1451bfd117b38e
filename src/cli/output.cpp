#include "output.hpp"

#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace rolecheck::cli {

Output::Output(int fd, bool line_buffered, std::size_t capacity)
    : m_fd(fd), m_line_buffered(line_buffered), m_capacity(capacity) {
  m_buffer.reserve(capacity);
}

Output::~Output() {
  try {
    flush();
  } catch (...) {  // Destructors must not throw; finish() reports the error.
  }
}

void Output::write(std::string_view bytes) {
  if (m_buffer.size() + bytes.size() > m_capacity) {
    flush();
    if (bytes.size() >= m_capacity) {
      write_all(bytes);  // big blocks go out directly, without a copy
      return;
    }
  }
  m_buffer.append(bytes);
}

void Output::end_record() {
  if (m_line_buffered) flush();
}

void Output::flush() {
  const std::string_view pending = m_buffer;
  try {
    write_all(pending);
  } catch (const WriteError&) {
    m_buffer.clear();
    throw;
  }
  m_buffer.clear();
}

void Output::write_all(std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw WriteError(std::string("write error: ") + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
}

void Output::finish() { flush(); }

bool stdout_is_terminal() noexcept { return ::isatty(STDOUT_FILENO) == 1; }

}  // namespace rolecheck::cli

namespace rolecheck::cli {

OutputTarget::OutputTarget(const std::string& path, bool line_buffered) : m_path(path) {
  if (path.empty() || path == "-") {
    m_terminal = stdout_is_terminal();
    m_output = std::make_unique<Output>(STDOUT_FILENO, line_buffered || m_terminal);
    return;
  }
  m_temp_path = path + ".tmp-XXXXXX";
  m_fd = ::mkstemp(m_temp_path.data());
  if (m_fd < 0) {
    throw WriteError(path + ": cannot create output file: " + std::strerror(errno));
  }
  ::fchmod(m_fd, 0644);
  m_output = std::make_unique<Output>(m_fd, line_buffered);
}

OutputTarget::~OutputTarget() {
  if (!m_temp_path.empty()) {
    m_output.reset();
    ::close(m_fd);
    ::unlink(m_temp_path.c_str());
  }
}

void OutputTarget::commit() {
  m_output->finish();
  if (m_temp_path.empty()) return;
  if (::fsync(m_fd) != 0 || ::close(m_fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(m_temp_path.c_str());
    m_temp_path.clear();
    throw WriteError(m_path + ": write error: " + reason);
  }
  if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(m_temp_path.c_str());
    m_temp_path.clear();
    throw WriteError(m_path + ": cannot rename output into place: " + reason);
  }
  m_temp_path.clear();
}

}  // namespace rolecheck::cli
