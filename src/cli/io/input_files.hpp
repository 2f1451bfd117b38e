#pragma once
// Opening the inputs named on the command line the way grep does: "-" is stdin, errors name the path.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rolecheck/input/document_input.hpp"
#include "rolecheck/input/line_reader.hpp"

namespace rolecheck::cli {

/// An opened input; closes its descriptor when destroyed (never stdin).
class InputFile {
 public:
  /// Opens `path` ("-" is stdin); returns nullopt and sets `error` ("PATH: No such file or directory").
  static std::optional<InputFile> open(const std::string& path, std::string& error);
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&&) = delete;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  /// The descriptor to read.
  [[nodiscard]] int fd() const noexcept { return m_fd; }
  /// The name to show ("-" for stdin).
  [[nodiscard]] const std::string& name() const noexcept { return m_name; }

 private:
  InputFile(int fd, std::string name) : m_fd(fd), m_name(std::move(name)) {}
  int m_fd;
  std::string m_name;
};

/// The warnings every line-reading subcommand prints about one input, worded once: the first line with
/// invalid UTF-8, with NUL bytes, and over --max-line-bytes.
class LineNotices {
 public:
  /// Remembers `line` if it is the first of its kind; `json_object`: the line is read as one JSON object, where a
  /// raw CR is whitespace between tokens (inside a string it is an error of its own) and is not noted, unless a
  /// '{' follows it (records joined by CR-only line endings).
  void note(const InputLine& line, bool json_object = false) noexcept;
  /// Appends one "NAME:LINE: warning: ..." message per kind seen to `out` (in that order).
  void collect(std::string_view name, std::size_t max_line_bytes, std::vector<std::string>& out) const;

 private:
  std::size_t m_first_invalid = 0;
  std::size_t m_first_nul = 0;
  std::size_t m_first_cr = 0;
  std::size_t m_first_too_long = 0;
};

/// The stderr messages one input's documents call for, in the CLI's words: at most one warning per
/// input for invalid UTF-8 and one for NUL bytes (naming the first line affected), and one error per
/// document that cannot be classified. Used alike by `classify` and `report`; one per input.
class DocumentNotices {
 public:
  /// Appends to `out` the messages `document` of input `input_name` adds.
  void collect(const InputDocument& document, std::string_view input_name, std::vector<std::string>& out);

 private:
  bool m_warned_utf8 = false;
  bool m_warned_nul = false;
};

/// The inputs to read: the given paths, or "-" when none are given and stdin is not a terminal.
/// Returns nullopt when there are no paths and stdin is a terminal (the caller prints a usage hint).
std::optional<std::vector<std::string>> resolve_inputs(const std::vector<std::string>& paths);

}  // namespace rolecheck::cli
