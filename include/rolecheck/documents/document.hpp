#pragma once
// The document splitter: finds the duty statements of a job description and the section each is in.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rolecheck {

/// The kind of section a duty sits in; decides whether and how it votes on the role.
enum class SectionKind : std::uint8_t {
  title,         ///< The first short line of the document, before any heading.
  intro,         ///< Text before the first heading (or a summary/overview section).
  duties,        ///< "Responsibilities", "What you'll do", "Duties", ...
  requirements,  ///< "Requirements", "Qualifications", "What we're looking for", ...
  boilerplate,   ///< "About us", "Benefits", "Equal opportunity", ...: never votes.
  other,         ///< Under a heading the splitter does not know.
};

/// "title", "intro", "duties", "requirements", "boilerplate" or "other".
std::string_view section_kind_name(SectionKind kind) noexcept;

/// One duty statement found in a document: byte spans into the document text.
struct Duty {
  std::uint32_t begin = 0;                   ///< Byte offset of the statement (bullet marker excluded).
  std::uint32_t end = 0;                     ///< One past its last byte (trailing spaces excluded).
  SectionKind section = SectionKind::intro;  ///< The section it belongs to.
  std::uint32_t heading_begin = 0;           ///< Byte offset of its section's heading text (empty span: none).
  std::uint32_t heading_end = 0;             ///< One past the heading text.

  /// The statement's text within `document`.
  [[nodiscard]] std::string_view text(std::string_view document) const noexcept {
    return document.substr(begin, end - begin);
  }
  /// The heading text of its section within `document` (empty when the section has no heading).
  [[nodiscard]] std::string_view heading(std::string_view document) const noexcept {
    return document.substr(heading_begin, heading_end - heading_begin);
  }
};

/// Largest document the splitter accepts (spans are 32-bit; the CLI caps input far lower).
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{1} << 31;

/// Splits `document` into duties, in text order, replacing the contents of `out` (its capacity is
/// reused). Bullets, numbered items and line breaks separate duties, paragraphs are cut into
/// sentences, headings set the section of what follows them and are not duties themselves.
/// Throws Error when the document exceeds kMaxDocumentBytes.
void split_document(std::string_view document, std::vector<Duty>& out);

/// Convenience form of split_document() returning a new vector.
std::vector<Duty> split_document(std::string_view document);

/// The section kind a heading line names ("Key Responsibilities:" gives duties), or nullopt-like
/// SectionKind::other with `known` false when the line names no section the splitter knows.
SectionKind heading_kind(std::string_view line, bool& known);

}  // namespace rolecheck
