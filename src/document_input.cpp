#include "rolecheck/document_input.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <vector>

#include "rolecheck/error.hpp"
#include "rolecheck/json_caps.hpp"
#include "rolecheck/utf8.hpp"

namespace rolecheck {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kExpected = "expected {\"id\": ..., \"text\": \"...\"} on each line";

// "16 MiB" for whole mebibytes, "N bytes" otherwise.
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  return bytes % kMiB == 0 ? fmt::format("{} MiB", bytes / kMiB) : fmt::format("{} bytes", bytes);
}

// 1-based line of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 +
         static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Offset of the first invalid UTF-8 byte in `text`, or npos.
std::size_t first_invalid_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    if (decode_utf8(text, i, length) < 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

// Names the fields a document record writes itself: an input field with one of these names goes under "input".
bool is_reserved(std::string_view key) noexcept {
  for (const std::string_view name : {"id", "text", "file", "line", "label", "confidence", "shares", "votes",
                                      "differences", "duties", "error", "input"}) {
    if (key == name) return true;
  }
  return false;
}

std::string dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Fills the id and extra fields of `out` from a parsed record.
void take_fields(const Json& record, InputDocument& out) {
  if (const auto id = record.find("id"); id != record.end()) {
    out.id_json = dump(*id);
    out.id = id->is_string() ? id->get<std::string>() : out.id_json;
  }
  Json shadowed = Json::object();
  for (const auto& member : record.items()) {
    const auto& key = member.key();
    if (key == "id" || key == "text") continue;
    if (is_reserved(key)) {
      shadowed[key] = member.value();
      continue;
    }
    if (!out.extra_json.empty()) out.extra_json += ',';
    out.extra_json += dump(Json(key));
    out.extra_json += ':';
    out.extra_json += dump(member.value());
  }
  if (!shadowed.empty()) {
    if (!out.extra_json.empty()) out.extra_json += ',';
    out.extra_json += "\"input\":" + dump(shadowed);
  }
}

}  // namespace

DocumentOrigin InputDocument::origin() const noexcept {
  DocumentOrigin origin;
  origin.id = id;
  origin.id_json = id_json;
  origin.file = file;
  origin.line = line;
  origin.extra_json = extra_json;
  return origin;
}

void InputDocument::clear() noexcept {
  id.clear();
  id_json.clear();
  file.clear();
  line = 0;
  extra_json.clear();
  text.clear();
  error.clear();
  invalid_utf8_line = 0;
  nul_line = 0;
  input_bytes = 0;
}

void read_whole_document(std::string_view name, std::string bytes, InputDocument& out, std::size_t max_bytes) {
  out.clear();
  out.id = name;
  out.file = name;
  if (bytes.size() > max_bytes) {
    out.error =
        fmt::format("document larger than {}: split it, or pass it as several JSONL records", size_text(max_bytes));
    return;
  }
  if (const auto encoding = detect_wide_encoding(bytes); !encoding.empty()) {
    out.error = wide_encoding_message(encoding, name);
    return;
  }
  if (std::string_view(bytes).substr(0, 3) == "\xEF\xBB\xBF") bytes.erase(0, 3);
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) out.nul_line = line_of(bytes, nul);
  if (const auto bad = first_invalid_utf8(bytes); bad != std::string_view::npos) {
    out.invalid_utf8_line = line_of(bytes, bad);
    replace_invalid_utf8(bytes, out.text);
    return;
  }
  out.text = std::move(bytes);
}

void read_jsonl_document(std::string_view name, const InputLine& line, InputDocument& out, std::size_t max_bytes) {
  out.clear();
  out.file = name;
  out.line = line.number;
  out.id = fmt::format("{}:{}", name, line.number);
  if (line.invalid_utf8) out.invalid_utf8_line = line.number;
  if (line.too_long) {
    out.error = fmt::format("line longer than {}: documents are capped at that size", size_text(max_bytes));
    return;
  }
  const auto shape = json_shape(line.text);
  if (shape.depth > kMaxJsonlDepth) {
    out.error = fmt::format("JSON nested deeper than {} levels", kMaxJsonlDepth);
    return;
  }
  if (shape.values > kMaxJsonlValues) {
    out.error = fmt::format("more than {} JSON values in one record: {}", kMaxJsonlValues, kExpected);
    return;
  }
  if (line.text.empty()) {
    out.error = fmt::format("empty line: {}", kExpected);
    return;
  }
  auto record = Json::parse(line.text, nullptr, false);
  if (record.is_discarded() || !record.is_object()) {
    out.error = line.has_nul && record.is_discarded()
                    ? fmt::format("a raw NUL byte is not valid JSON (write \\u0000 inside strings): {}", kExpected)
                    : fmt::format("not a JSON object: {}", kExpected);
    return;
  }
  const auto text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    out.error = "no \"text\" string in this record: each line needs {\"id\": ..., \"text\": \"...\"}";
    return;
  }
  take_fields(record, out);
  out.text = std::move(text->get_ref<std::string&>());
}

DocumentReader::DocumentReader(int fd, std::string name, DocumentInput layout, std::size_t max_bytes)
    : m_fd(fd), m_name(std::move(name)), m_layout(layout), m_max_bytes(max_bytes) {
  if (m_layout == DocumentInput::jsonl) m_lines.emplace(m_fd, m_name, m_max_bytes);
}

void DocumentNotices::collect(const InputDocument& document, std::string_view input_name,
                              std::vector<std::string>& out) {
  if (document.invalid_utf8_line != 0 && !m_warned_utf8) {
    m_warned_utf8 = true;
    out.push_back(fmt::format("{}:{}: warning: invalid UTF-8 replaced by U+FFFD (first such line)", input_name,
                              document.invalid_utf8_line));
  }
  if (document.nul_line != 0 && !m_warned_nul) {
    m_warned_nul = true;
    out.push_back(
        fmt::format("{}:{}: warning: NUL bytes read as spaces (first such line)", input_name, document.nul_line));
  }
  if (!document.ok()) {
    out.push_back(document.line != 0 ? fmt::format("{}:{}: {}", document.file, document.line, document.error)
                                     : fmt::format("{}: {}", document.file, document.error));
  }
}

bool DocumentReader::next(InputDocument& out) {
  out.clear();  // a read error below leaves no stale document behind
  if (m_lines) {
    InputLine line;
    if (!m_lines->next(line)) return false;
    read_jsonl_document(m_name, line, out, m_max_bytes);
    out.input_bytes = line.raw_bytes + 1;
    return true;
  }
  if (m_done) return false;
  m_done = true;
  // At most max_bytes + 1 bytes (plus one block): enough to tell the document is too large.
  std::string bytes;
  std::array<char, kLineReaderBlockBytes> block{};
  while (bytes.size() <= m_max_bytes) {
    const auto got = ::read(m_fd, block.data(), block.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error(std::vector<Diagnostic>{
          Diagnostic{m_name, 0, 0, {}, fmt::format("cannot read: {}", std::strerror(errno)), {}}});
    }
    if (got == 0) break;
    bytes.append(block.data(), static_cast<std::size_t>(got));
  }
  const std::size_t input_bytes = bytes.size();
  read_whole_document(m_name, std::move(bytes), out, m_max_bytes);
  out.input_bytes = input_bytes;
  return true;
}

}  // namespace rolecheck
