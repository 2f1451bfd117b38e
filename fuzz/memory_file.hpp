#pragma once
// An anonymous in-memory file (memfd) holding given bytes, so harnesses read input through a real
// descriptor exactly as the CLI does.

#include <cstddef>
#include <string_view>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_check.hpp"

/// A memfd holding `bytes`, positioned at the start; closed when destroyed.
class MemoryFile {
 public:
  /// Creates the file and writes `bytes` into it.
  explicit MemoryFile(std::string_view bytes) : m_fd(::memfd_create("rolecheck_fuzz", 0)) {
    FUZZ_CHECK(m_fd >= 0);
    std::size_t done = 0;
    while (done < bytes.size()) {
      const auto n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
      FUZZ_CHECK(n > 0);
      done += static_cast<std::size_t>(n);
    }
    FUZZ_CHECK(::lseek(m_fd, 0, SEEK_SET) == 0);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  ~MemoryFile() { ::close(m_fd); }
  /// The descriptor to read.
  [[nodiscard]] int fd() const { return m_fd; }

 private:
  int m_fd;
};
