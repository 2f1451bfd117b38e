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

/// Aborts with a message: for states that must never be reached.
#define FUZZ_FAIL(message)                                                              \
  do {                                                                                  \
    std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, message); \
    std::abort();                                                                       \
  } while (false)
