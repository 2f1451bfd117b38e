// Syntax diagnostics of the taxonomy reader: byte checks before parsing, and nlohmann's parse errors turned
// into located messages that say what to do. Knows nlohmann's messages, not its types.
#include "taxonomy_io_syntax.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "rolecheck/support/json_nesting.hpp"
#include "rolecheck/support/utf8.hpp"

namespace rolecheck::detail {
namespace {

/// How many bytes of the offending line a diagnostic keeps after the column.
constexpr std::size_t kSourceTail = 120;

/// Names a character for a message: 'x' when printable ASCII, else U+XXXX (or the byte when not UTF-8).
std::string describe_char(std::string_view text, std::size_t offset) {
  const auto byte = static_cast<unsigned char>(text[offset]);
  if (byte >= 0x20 && byte < 0x7F) return fmt::format("'{}'", static_cast<char>(byte));
  std::size_t length = 1;
  const long code = decode_utf8(text, offset, length);
  if (code < 0) return fmt::format("byte 0x{:02X}", byte);
  return fmt::format("U+{:04X}", code);
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Offset just past the last non-whitespace byte (where "unexpected end of file" is shown).
std::size_t end_of_content(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_json_space(text[end - 1])) --end;
  return end;
}

/// nlohmann's message without its prefix and without the raw "last read" text.
std::pair<std::string, std::string> split_nlohmann_message(const std::string& what) {
  static constexpr std::string_view kSyntax = "syntax error while parsing ";
  std::string context;
  std::string detail = what;
  if (const auto at = what.find(kSyntax); at != std::string::npos) {
    detail = what.substr(at + kSyntax.size());
    if (const auto dash = detail.find(" - "); dash != std::string::npos) {
      context = detail.substr(0, dash);
      detail = detail.substr(dash + 3);
    }
  }
  static constexpr std::string_view kLastRead = "; last read: '";
  if (const auto at = detail.find(kLastRead); at != std::string::npos) {
    const auto expected = detail.find("'; expected ", at + kLastRead.size());
    detail = detail.substr(0, at) + (expected == std::string::npos ? "" : detail.substr(expected + 1));
  }
  return {context, detail};
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
         c == '.' || c == '_';
}

/// An "invalid literal": names the bad word (e.g. 'tru', 'True', 'NaN', an unquoted key) and points at it.
Diagnostic explain_invalid_literal(const std::string& file, std::string_view text, std::size_t offset,
                                   const std::string& context) {
  std::size_t end = offset;
  if (!is_word_char(text[end]) && end > 0 && is_word_char(text[end - 1])) --end;
  if (!is_word_char(text[end])) {
    return at_offset(file, text, offset, fmt::format("unexpected {}", describe_char(text, offset)));
  }
  std::size_t begin = end;
  while (begin > 0 && is_word_char(text[begin - 1])) --begin;
  while (end < text.size() && is_word_char(text[end])) ++end;
  const std::string word(text.substr(begin, std::min<std::size_t>(end - begin, 30)));
  if (context == "object key") {
    return at_offset(file, text, begin, fmt::format("object keys need double quotes: write \"{}\"", word));
  }
  return at_offset(
      file, text, begin,
      fmt::format("invalid value '{}'; expected a string in double quotes, a number, true, false or null", word));
}

/// The start of the token whose last byte is at `offset` (the parser stops at a token's end).
std::size_t token_start(std::string_view text, std::size_t offset) {
  if (text[offset] == '"') {
    for (std::size_t i = offset; i > 0; --i) {
      if (text[i - 1] != '"') continue;
      std::size_t backslashes = 0;
      while (i - 1 > backslashes && text[i - 2 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i - 1;
    }
    return offset;
  }
  std::size_t start = offset;
  while (start > 0 && is_word_char(text[start]) && is_word_char(text[start - 1])) --start;
  return start;
}

}  // namespace

Diagnostic at_offset(const std::string& file, std::string_view text, std::size_t offset, std::string message) {
  offset = std::min(offset, text.size());
  Diagnostic diagnostic;
  diagnostic.file = file;
  diagnostic.message = std::move(message);
  std::size_t line_start = 0;
  diagnostic.line = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++diagnostic.line;
      line_start = i + 1;
    }
  }
  diagnostic.column = offset - line_start + 1;
  std::size_t line_end = text.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (line_end > line_start && text[line_end - 1] == '\r') --line_end;
  line_end = std::min(line_end, offset + kSourceTail);
  std::string line(text.substr(line_start, line_end > line_start ? line_end - line_start : 0));
  // Control characters and invalid UTF-8 are shown as '?', one byte each, so columns stay aligned.
  for (std::size_t i = 0; i < line.size();) {
    std::size_t length = 1;
    const long code = decode_utf8(line, i, length);
    if (code < 0 || (code < 0x20 && code != '\t') || code == 0x7F) line[i] = '?';
    i += length;
  }
  diagnostic.source_line = std::move(line);
  return diagnostic;
}

std::size_t find_too_deep(std::string_view text, std::size_t max_depth) {
  JsonNesting nesting;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (nesting.feed(text[i]) && nesting.depth() > max_depth) return i;
  }
  return text.size();
}

Diagnostic explain_syntax_error(const std::string& file, std::string_view text, std::size_t position,
                                const std::string& last_token, int id, const std::string& what) {
  // `position` is one past the byte the parser stopped at.
  if (id == 406) {  // number overflow, e.g. 1e400
    const std::size_t start = position >= last_token.size() ? position - last_token.size() : 0;
    return at_offset(file, text, start,
                     fmt::format("number {} is out of range (too large for a double)", last_token.substr(0, 40)));
  }
  const std::size_t offset = position == 0 ? 0 : position - 1;
  if (end_of_content(text) == 0) return at_offset(file, text, 0, "the file is empty; a taxonomy is a JSON object");
  if (offset >= text.size()) {
    auto [context, detail] = split_nlohmann_message(what);
    if (const auto at = detail.find("end of input"); at != std::string::npos) detail.replace(at, 12, "end of file");
    return at_offset(file, text, end_of_content(text), detail + " (is a closing bracket or quote missing?)");
  }
  const char c = text[offset];
  if (c == '/') return at_offset(file, text, offset, "comments are not allowed in JSON; remove the comment");
  if (c == ']' || c == '}') {
    std::size_t before = offset;
    while (before > 0 && is_json_space(text[before - 1])) --before;
    if (before > 0 && text[before - 1] == ',') {
      return at_offset(file, text, before - 1,
                       fmt::format("trailing comma before '{}' is not allowed in JSON; remove the comma", c));
    }
  }
  if (c == '\'') return at_offset(file, text, offset, "strings need double quotes (\"), not single quotes");
  auto [context, detail] = split_nlohmann_message(what);
  if (detail.find("expected end of input") != std::string::npos) {
    return at_offset(
        file, text, offset,
        fmt::format("unexpected {} after the end of the JSON value; remove it", describe_char(text, offset)));
  }
  if (detail.starts_with("invalid string: control character U+000A")) {
    return at_offset(file, text, offset, "string not closed before the end of the line (missing '\"'?)");
  }
  if (detail.starts_with("invalid literal")) return explain_invalid_literal(file, text, offset, context);
  if (detail.starts_with("unexpected")) {
    if ((context == "array" || context == "object") && c != ']' && c != '}' &&
        (detail.ends_with("expected ']'") || detail.ends_with("expected '}'"))) {
      detail += " (is a ',' missing?)";
    }
    return at_offset(file, text, token_start(text, offset), detail);
  }
  return at_offset(file, text, offset, detail);
}

bool check_bytes(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    problems.push_back(
        at_offset(file, text, 0, "the file is UTF-16; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"));
    return false;
  }
  if (const void* nul = std::memchr(text.data(), '\0', text.size()); nul != nullptr) {
    const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    problems.push_back(at_offset(file, text, offset,
                                 "NUL byte in the file; a taxonomy is UTF-8 text (is this a binary or UTF-16 file?)"));
    return false;
  }
  if (const auto bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    problems.push_back(at_offset(
        file, text, bad,
        fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8", static_cast<unsigned char>(text[bad]))));
    return false;
  }
  return true;
}

}  // namespace rolecheck::detail
