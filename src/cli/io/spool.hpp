#pragma once
// An unnamed temporary file for output that must come after something known only at the end of a
// run (diff's transition counts precede its records), so memory stays flat whatever the output size.

#include <memory>

#include "io/output.hpp"

namespace rolecheck::cli {

/// A temporary file in $TMPDIR (else /tmp), removed from the directory as soon as it is made.
class Spool {
 public:
  /// Creates the file; throws WriteError if it cannot.
  Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  /// Closes (and so frees) the file.
  ~Spool();

  /// The buffered writer into the file.
  Output& out() noexcept { return *m_output; }
  /// Copies everything written so far to `target`; throws WriteError if the file cannot be read back.
  void copy_to(Output& target);

 private:
  int m_fd = -1;
  std::unique_ptr<Output> m_output;
};

}  // namespace rolecheck::cli
