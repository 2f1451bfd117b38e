#pragma once
// Invariant checks shared by the fuzz harnesses: a failed check prints why and aborts, which both
// libFuzzer and the replay runner report as a crash with the input that caused it.

#include <cstdio>
#include <cstdlib>

/// Aborts with a message when `condition` is false.
#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

#include <cstddef>
#include <cstdint>

/// True for one input in 64 (by a hash of its bytes, so a replayed input decides the same way): the
/// costly checks (a fresh scanner, say) run on this sample and keep the other inputs cheap.
inline bool fuzz_sampled(const std::uint8_t* data, std::size_t size) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 1099511628211ULL;
  return hash % 64 == 0 || size < 64;
}

/// Aborts with a message: for states that must never be reached.
#define FUZZ_FAIL(message)                                                              \
  do {                                                                                  \
    std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, message); \
    std::abort();                                                                       \
  } while (false)
