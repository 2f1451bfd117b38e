#include "io/output.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rolecheck::cli {
namespace {

// The temporary output file a fatal signal must remove. Only async-signal-safe state: a fixed
// buffer written while the signals are blocked, and a flag.
constexpr std::array<int, 4> kFatalSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_active = 0;

extern "C" void remove_temp_and_die(int signal_number) {
  if (g_temp_active != 0) ::unlink(g_temp_path);
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  ::sigemptyset(&action.sa_mask);
  ::sigaction(signal_number, &action, nullptr);
  ::raise(signal_number);  // Delivered with the default action as soon as this handler returns.
}

// Blocks the fatal signals for its lifetime, so the temp-file state changes atomically for the handler.
class SignalBlock {
 public:
  SignalBlock() {
    sigset_t set;
    ::sigemptyset(&set);
    for (const int signal_number : kFatalSignals) ::sigaddset(&set, signal_number);
    ::sigprocmask(SIG_BLOCK, &set, &m_old);
  }
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;
  ~SignalBlock() { ::sigprocmask(SIG_SETMASK, &m_old, nullptr); }

 private:
  sigset_t m_old{};
};

// Installs the handler for every fatal signal not ignored by whoever started us (like GNU sort).
void install_cleanup_handlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (const int signal_number : kFatalSignals) {
    struct sigaction old {};
    if (::sigaction(signal_number, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = remove_temp_and_die;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(signal_number, &action, nullptr);
  }
}

}  // namespace

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
      m_buffer.clear();
      if (errno == EPIPE) throw BrokenPipe();
      throw WriteError(std::string("write error: ") + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
}

void Output::finish() { flush(); }

bool stdout_is_terminal() noexcept { return ::isatty(STDOUT_FILENO) == 1; }

}  // namespace rolecheck::cli

namespace rolecheck::cli {
namespace {

/// Moves an output file's descriptor off 0-2 and puts /dev/null there: if a standard descriptor was free
/// (closed at start-up and not yet refilled, as under sanitizer runtimes), warnings written to "stderr"
/// must never land in the output file.
int off_standard_descriptors(int fd) {
  if (fd < 0 || fd > 2) return fd;
  const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (moved < 0) return fd;
  ::close(fd);
  ::open("/dev/null", O_RDWR);  // takes the lowest free descriptor: the one just released
  return moved;
}

/// The file a path finally names: `path` itself, or the end of its chain of symbolic links
/// (relative links resolved against the directory of the link; a dangling link names its target).
/// Throws WriteError on a loop or an unreadable link.
std::string follow_symlinks(const std::string& path) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat info {};
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
    std::string target(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 4096) + 1, '\0');
    const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
    if (n < 0) throw WriteError(path + ": cannot read symbolic link: " + std::strerror(errno));
    target.resize(static_cast<std::size_t>(n));
    if (target.empty() || target.front() == '/') {
      current = target;
    } else {
      const auto slash = current.rfind('/');
      current = slash == std::string::npos ? target : current.substr(0, slash + 1).append(target);
    }
  }
  throw WriteError(path + ": cannot open output file: " + std::strerror(ELOOP));
}

/// The mode a newly created file gets: 0666 less the process umask (read without changing it for long).
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

OutputTarget::OutputTarget(const std::string& requested, bool line_buffered) : m_path(requested) {
  if (requested.empty() || requested == "-") {
    m_terminal = stdout_is_terminal();
    m_output = std::make_unique<Output>(STDOUT_FILENO, line_buffered || m_terminal);
    return;
  }
  // Through a symbolic link, the link's target is replaced and the link stays.
  const std::string path = follow_symlinks(requested);
  m_path = path;
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (exists && !S_ISREG(info.st_mode)) {
    // A device or FIFO (/dev/null, a named pipe): renaming over it would replace it, so write to it.
    if (S_ISDIR(info.st_mode)) throw WriteError(path + ": is a directory");
    m_fd = off_standard_descriptors(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (m_fd < 0) throw WriteError(path + ": cannot open output file: " + std::strerror(errno));
    m_close_fd = true;
    m_output = std::make_unique<Output>(m_fd, line_buffered);
    return;
  }
  m_temp_path = path + ".tmp-XXXXXX";
  if (m_temp_path.size() >= sizeof g_temp_path) throw WriteError(path + ": cannot create output file: name too long");
  {
    const SignalBlock block;
    m_fd = off_standard_descriptors(::mkstemp(m_temp_path.data()));
    if (m_fd < 0) {
      const int error = errno;
      m_temp_path.clear();
      throw WriteError(path + ": cannot create output file: " + std::strerror(error));
    }
    std::memcpy(g_temp_path, m_temp_path.c_str(), m_temp_path.size() + 1);
    g_temp_active = 1;
    install_cleanup_handlers();
  }
  // An existing file keeps its mode (and, when we may, its owner and group); a new one gets 0666 & ~umask.
  if (exists) {
    if (::fchown(m_fd, info.st_uid, info.st_gid) != 0) {
      // Not root: the replacement is ours, like any file we create.
    }
    ::fchmod(m_fd, info.st_mode & 07777);
  } else {
    ::fchmod(m_fd, new_file_mode());
  }
  m_output = std::make_unique<Output>(m_fd, line_buffered);
}

OutputTarget::~OutputTarget() {
  if (m_close_fd) {
    m_output.reset();
    ::close(m_fd);
  }
  if (!m_temp_path.empty()) {
    m_output.reset();
    ::close(m_fd);
    const SignalBlock block;
    ::unlink(m_temp_path.c_str());
    g_temp_active = 0;
  }
}

void OutputTarget::commit() {
  m_output->finish();
  if (m_close_fd) {
    m_close_fd = false;
    if (::close(m_fd) != 0) throw WriteError(m_path + ": write error: " + std::strerror(errno));
  }
  if (m_temp_path.empty()) return;
  const SignalBlock block;
  const auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    ::unlink(m_temp_path.c_str());
    g_temp_active = 0;
    m_temp_path.clear();
    throw WriteError(m_path + ": " + what + ": " + reason);
  };
  const bool synced = ::fsync(m_fd) == 0;
  const bool closed = ::close(m_fd) == 0;
  if (!synced || !closed) fail("write error");
  if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0) fail("cannot rename output into place");
  g_temp_active = 0;
  m_temp_path.clear();
}

}  // namespace rolecheck::cli
