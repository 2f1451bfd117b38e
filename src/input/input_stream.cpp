#include "rolecheck/input/input_stream.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>
#include <zlib.h>

#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

constexpr std::size_t kCompressedBlockBytes = std::size_t{1} << 16;

}  // namespace

struct InputStream::State {
  int fd = -1;
  std::string name;
  bool sniffed = false;
  bool gzip = false;
  bool stream_open = false;  // inflateInit2 done
  bool input_eof = false;
  bool member_done = false;  // the last gzip member ended; more input starts a new one
  z_stream zs{};
  std::array<unsigned char, kCompressedBlockBytes> in;  // filled by read(2) before any use: no zeroing
  std::size_t pending_begin = 0;                        // plain input: sniffed bytes not yet handed out
  std::size_t pending_end = 0;

  ~State() {
    if (stream_open) inflateEnd(&zs);
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw Error(std::vector<Diagnostic>{Diagnostic{name, 0, 0, {}, message, {}}});
  }

  // One read(2) into `data`, retried on EINTR; 0 at the end of input.
  std::size_t raw_read(void* data, std::size_t size) {
    for (;;) {
      const auto got = ::read(fd, data, size);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) fail(fmt::format("cannot read: {}", std::strerror(errno)));
    }
  }

  // Reads the first bytes (two, unless the input ends or its first byte rules gzip out).
  void sniff() {
    sniffed = true;
    std::size_t have = raw_read(in.data(), in.size());
    if (have == 1 && in[0] == 0x1f) have += raw_read(in.data() + 1, in.size() - 1);
    if (have >= 2 && in[0] == 0x1f && in[1] == 0x8b) {
      gzip = true;
      if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) fail("cannot start gzip decompression");
      stream_open = true;
      zs.next_in = in.data();
      zs.avail_in = static_cast<uInt>(have);
      return;
    }
    pending_end = have;
    if (have == 0) input_eof = true;
  }

  std::size_t inflate_into(char* data, std::size_t size) {
    zs.next_out = reinterpret_cast<unsigned char*>(data);
    zs.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    for (;;) {
      if (zs.avail_in == 0 && !input_eof) {
        const auto got = raw_read(in.data(), in.size());
        if (got == 0) {
          input_eof = true;
        } else {
          zs.next_in = in.data();
          zs.avail_in = static_cast<uInt>(got);
        }
      }
      if (member_done) {
        if (zs.avail_in == 0 && input_eof) return 0;
        if (zs.avail_in == 0) continue;
        if (inflateReset(&zs) != Z_OK) fail("cannot restart gzip decompression");
        member_done = false;
      }
      if (zs.avail_in == 0 && input_eof) fail("truncated gzip data: the file ends in the middle of a compressed block");
      const auto result = inflate(&zs, Z_NO_FLUSH);
      const auto produced = size - zs.avail_out;
      if (result == Z_STREAM_END) {
        member_done = true;
      } else if (result != Z_OK && (result != Z_BUF_ERROR || (zs.avail_in > 0 && produced == 0))) {
        fail(fmt::format("corrupt gzip data: {}", zs.msg != nullptr ? zs.msg : "inflate failed"));
      }
      if (produced > 0) return produced;
    }
  }
};

// make_unique_for_overwrite: make_unique would value-initialise State and zero the 64 KiB block.
InputStream::InputStream(int fd, std::string name) : m_state(std::make_unique_for_overwrite<State>()) {
  m_state->fd = fd;
  m_state->name = std::move(name);
}

InputStream::InputStream(InputStream&&) noexcept = default;
InputStream& InputStream::operator=(InputStream&&) noexcept = default;
InputStream::~InputStream() = default;

std::size_t InputStream::read(char* data, std::size_t size) {
  auto& s = *m_state;
  if (!s.sniffed) s.sniff();
  if (s.gzip) return s.inflate_into(data, size);
  if (s.pending_begin < s.pending_end) {
    const auto n = std::min(size, s.pending_end - s.pending_begin);
    std::memcpy(data, s.in.data() + s.pending_begin, n);
    s.pending_begin += n;
    return n;
  }
  if (s.input_eof) return 0;
  return s.raw_read(data, size);
}

bool InputStream::compressed() const noexcept { return m_state->gzip; }

}  // namespace rolecheck
