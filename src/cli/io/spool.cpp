#include "io/spool.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace rolecheck::cli {

Spool::Spool() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/rolecheck-spool.XXXXXX";
  m_fd = ::mkstemp(path.data());
  if (m_fd < 0)
    throw WriteError("cannot create a temporary file in " + path.substr(0, path.rfind('/')) + ": " +
                     std::strerror(errno));
  ::unlink(path.c_str());
  m_output = std::make_unique<Output>(m_fd);
}

Spool::~Spool() {
  m_output.reset();
  if (m_fd >= 0) ::close(m_fd);
}

void Spool::copy_to(Output& target) {
  m_output->flush();
  if (::lseek(m_fd, 0, SEEK_SET) != 0) throw WriteError(std::string("temporary file: ") + std::strerror(errno));
  std::string buffer(std::size_t{1} << 16, '\0');
  for (;;) {
    const ssize_t got = ::read(m_fd, buffer.data(), buffer.size());
    if (got == 0) return;
    if (got < 0) {
      if (errno == EINTR) continue;
      throw WriteError(std::string("temporary file: ") + std::strerror(errno));
    }
    target.write(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
  }
}

}  // namespace rolecheck::cli
