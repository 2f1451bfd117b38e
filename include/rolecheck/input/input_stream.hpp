#pragma once
// The bytes of one input descriptor, gzip-compressed or not: every reader of inputs reads through it.

#include <cstddef>
#include <memory>
#include <string>

namespace rolecheck {

/// Reads an input descriptor, decompressing it on the fly when it starts with the gzip magic bytes
/// (1f 8b), whatever its name: `.gz` files and gzip on stdin alike. Several gzip members in a row
/// (`cat a.gz b.gz`) read as one stream, as gunzip does.
class InputStream {
 public:
  /// Reads from `fd` (not owned); `name` names the input in errors.
  InputStream(int fd, std::string name);
  InputStream(InputStream&&) noexcept;
  InputStream& operator=(InputStream&&) noexcept;
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;
  ~InputStream();

  /// Reads up to `size` (> 0) bytes into `data`, returning as soon as some are there; returns 0 at the
  /// end of input. Throws Error on a read error or corrupt or truncated gzip data.
  std::size_t read(char* data, std::size_t size);

  /// True once the first read found gzip data.
  [[nodiscard]] bool compressed() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace rolecheck
