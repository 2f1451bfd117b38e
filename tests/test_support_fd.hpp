#pragma once
// A memfd holding given bytes, read as the CLI reads a file (for the input readers' tests).

#include <catch2/catch.hpp>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace rolecheck::test {

/// An in-memory file with `bytes`, positioned at its start; closed when destroyed.
class MemoryFd {
 public:
  explicit MemoryFd(const std::string& bytes) : m_fd(::memfd_create("rolecheck_test", 0)) {
    REQUIRE(m_fd >= 0);
    REQUIRE(::write(m_fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    REQUIRE(::lseek(m_fd, 0, SEEK_SET) == 0);
  }
  MemoryFd(const MemoryFd&) = delete;
  MemoryFd& operator=(const MemoryFd&) = delete;
  ~MemoryFd() { ::close(m_fd); }
  /// The descriptor.
  [[nodiscard]] int fd() const noexcept { return m_fd; }

 private:
  int m_fd;
};

}  // namespace rolecheck::test
