#pragma once
// Counting the inputs that could be read, the one rule every subcommand follows (docs/output.md, *Errors in
// inputs*): an input counts when it was read wholly, or in part before a read error ended it (a line or record
// came first); when no input could be read there is nothing to report.

#include <cstddef>

namespace rolecheck::cli {

/// Follows a subcommand's inputs one after another and counts those that could be read. Each input is told
/// as: opened(), item() for every line or record, then one ending: read_wholly(), read_error() or refused().
/// An input that cannot be opened is either never told, or told as opened() then read_error(). The first ending
/// wins: an ending told again, or without an open input, changes nothing.
class InputTally {
 public:
  /// An input was opened: what follows is about it.
  void opened() noexcept;
  /// A line or record of the open input came (one refused later, as too long or malformed, still counts).
  void item() noexcept;
  /// The open input was read to its end: it counts, even when empty.
  void read_wholly() noexcept;
  /// A read error ended the open input: it counts when a line or record came first.
  void read_error() noexcept;
  /// The open input was refused (a labelled file's header): nothing of it is reported, so it does not count.
  void refused() noexcept;
  /// Inputs that could be read so far.
  [[nodiscard]] std::size_t inputs_read() const noexcept { return m_read; }
  /// True when not one input could be read: the subcommand prints only its diagnostics and exits 2.
  [[nodiscard]] bool nothing_read() const noexcept { return m_read == 0; }

 private:
  // Ends the open input, counting it when `counts`; the first ending wins (later ones change nothing).
  void end(bool counts) noexcept;

  std::size_t m_read = 0;
  bool m_open = false;
  bool m_items = false;
};

}  // namespace rolecheck::cli
