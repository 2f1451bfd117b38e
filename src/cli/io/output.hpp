#pragma once
// Buffered output to a file descriptor that notices every write error.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rolecheck::cli {

/// Thrown when output cannot be written (disk full, closed descriptor); never for a closed pipe,
/// which ends the process quietly through SIGPIPE as it does for grep.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Thrown when the reader of our output has gone away and SIGPIPE is ignored: stop quietly.
class BrokenPipe : public WriteError {
 public:
  BrokenPipe() : WriteError("write error: Broken pipe") {}
};

/// A block-buffered writer over a file descriptor; optionally flushes after every record.
class Output {
 public:
  /// Writes to `fd` (not owned); `line_buffered` flushes at every end_record().
  explicit Output(int fd, bool line_buffered = false, std::size_t capacity = 1u << 16);
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  /// Flushes what is left; errors at this point are lost, so call finish() first.
  ~Output();

  /// Appends bytes to the buffer, flushing when it is full.
  void write(std::string_view bytes);
  /// Marks the end of one record: flushes when line-buffered.
  void end_record();
  /// Writes out everything buffered; throws WriteError on failure.
  void flush();
  /// Flushes and, for a file, syncs nothing but checks the final state; throws WriteError on failure.
  void finish();

 private:
  void write_all(std::string_view bytes);

  int m_fd;
  bool m_line_buffered;
  std::string m_buffer;
  std::size_t m_capacity;
};

/// True when stdout is a terminal (used for buffering, colour and table width).
bool stdout_is_terminal() noexcept;

}  // namespace rolecheck::cli

namespace rolecheck::cli {

/// Where a subcommand's records go: stdout, or a file written to a temporary name and renamed
/// into place by commit(), so an interrupted run never leaves a half-written file. A symbolic link is
/// followed (its target is replaced, the link stays); an existing file's mode is kept, a new file gets
/// 0666 & ~umask; a hard link to the old file keeps the old contents. While a temporary file exists,
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT remove it before ending the process.
class OutputTarget {
 public:
  /// Opens stdout (empty path or "-") or a temporary file beside the file `path` names (through any
  /// symbolic links); throws WriteError if it cannot.
  OutputTarget(const std::string& path, bool line_buffered);
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;
  /// Removes the temporary file unless commit() succeeded.
  ~OutputTarget();

  /// The buffered writer.
  Output& out() noexcept { return *m_output; }
  /// True when writing to a terminal.
  [[nodiscard]] bool is_terminal() const noexcept { return m_terminal; }
  /// Flushes, closes and renames the temporary file into place; throws WriteError on failure.
  void commit();

 private:
  std::string m_path;
  std::string m_temp_path;
  int m_fd = 1;
  bool m_close_fd = false;
  bool m_terminal = false;
  std::unique_ptr<Output> m_output;
};

}  // namespace rolecheck::cli
