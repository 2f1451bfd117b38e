#include "rolecheck/input/record_input.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "rolecheck/input/file_names.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/support/json_caps.hpp"

namespace rolecheck {
namespace {

using Json = nlohmann::ordered_json;

// Most keys or columns an error message lists.
constexpr std::size_t kMaxListedKeys = 20;

constexpr std::string_view kExpected = "expected {\"id\": ..., \"text\": \"...\"} on each line";

std::string dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Appends `"key":value` to a list of JSON members.
void append_member(std::string& members, std::string_view key, const std::string& value_json) {
  if (!members.empty()) members += ',';
  members += dump(Json(std::string(key)));
  members += ':';
  members += value_json;
}

// A value reached by `path` in `record`: the key itself first, then a dotted path through objects.
// Sets `parent` and `key` so the caller can remove it.
Json* find_path(Json& record, const std::string& path, Json*& parent, std::string& key) {
  parent = &record;
  key = path;
  if (const auto it = record.find(path); it != record.end()) return &*it;
  Json* node = &record;
  std::size_t start = 0;
  for (;;) {
    const auto dot = path.find('.', start);
    key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object()) return nullptr;
    const auto it = node->find(key);
    if (it == node->end()) return nullptr;
    parent = node;
    node = &*it;
    if (dot == std::string::npos) return node;
    start = dot + 1;
  }
}

// Removes `key` from `parent`, and the top-level member holding `parent` when that leaves it empty.
void erase_path(Json& record, const std::string& path, Json* parent, const std::string& key) {
  parent->erase(key);
  if (parent != &record && parent->empty()) {
    const auto top = path.substr(0, path.find('.'));
    if (const auto it = record.find(top); it != record.end() && it->is_object() && it->empty()) record.erase(top);
  }
}

// "a, b, c" (the first kMaxListedKeys, then "…").
template <typename Names>
std::string list_names(const Names& names) {
  std::string out;
  std::size_t listed = 0;
  for (const auto& name : names) {
    if (listed == kMaxListedKeys) {
      out += ", …";
      break;
    }
    if (listed++ > 0) out += ", ";
    out += name;
  }
  return out.empty() ? "none" : out;
}

// The id text of a JSON value: a string as it is, anything else as JSON.
void set_id(const Json& value, InputDocument& out) {
  out.id_json = dump(value);
  out.id = value.is_string() ? value.get<std::string>() : out.id_json;
}

// Puts `title` before `text` as the document's first line (a blank line between them).
std::string with_title(std::string_view title, std::string_view text) {
  std::string out;
  out.reserve(title.size() + 2 + text.size());
  out += title;
  out += "\n\n";
  out += text;
  return out;
}

bool digits_only(std::string_view text) noexcept {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string fold(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True when `name` could be a column name: a letter or '_' first, then letters, digits, blanks and `_.#()/-`,
// at most 64 bytes. ("exported 2026-12-04", "rows=2" and "$1" are not; a sentence's ", " is caught by the caller.)
bool is_column_name(std::string_view name) noexcept {
  constexpr std::size_t kLongestName = 64;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (name.empty() || name.size() > kLongestName || !is_letter(name.front())) return false;
  return std::all_of(name.begin(), name.end(), [&](char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '#' || c == '(' || c == ')' ||
           c == '/' || c == '-';
  });
}

// The fields of `line` split at `separator` when they all look like column names (the first may be empty, as
// pandas writes its index column), two or more: a header row. Empty otherwise.
std::vector<std::string_view> header_row_fields(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  while (true) {
    const auto end = line.find(separator);
    fields.push_back(line.substr(0, end));
    if (end == std::string_view::npos) break;
    line.remove_prefix(end + 1);
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!(is_column_name(fields[i]) || (i == 0 && fields[i].empty()))) return {};
  }
  if (fields.size() < 2) return {};
  return fields;
}

// Why a CSV header that is the one column `header` (holding ';' or a tab) has no such column, and the python3
// command that converts the file `name` to commas: quoted for any name, through gzip -dc for .gz, FILE for stdin,
// the bytes passed through whatever their encoding.
std::string other_separator_hint(std::string_view header, std::string_view name) {
  const char* separator = header.find(';') != std::string_view::npos ? ";" : "\\t";
  std::string quoted = "'";
  for (const char c : name) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  const bool gzipped = is_gzip_file_name(name);
  const std::string source = name == "-" ? "< FILE " : gzipped ? "" : "< " + quoted + " ";
  return fmt::format(
      "the header is one column, \"{}\", so the file seems separated by '{}', and CSV input is read "
      "comma-separated: export it with commas, or convert it first: {}python3 -c 'import csv, sys; "
      "sys.stdin.reconfigure(errors=\"surrogateescape\", newline=\"\"); "
      "sys.stdout.reconfigure(errors=\"surrogateescape\"); "
      "csv.writer(sys.stdout).writerows(csv.reader(sys.stdin, delimiter=\"{}\"))' {}> converted.csv, then read "
      "converted.csv with --input csv --text-column NAME",
      header, separator, gzipped ? "gzip -dc " + quoted + " | " : std::string(), separator, source);
}

}  // namespace

bool is_reserved_record_key(std::string_view key) noexcept {
  for (const std::string_view name :
       {"id",     "text",        "file",   "line",   "label",       "confidence", "review",
        "shares", "duty_shares", "votes",  "margin", "differences", "duties",     "error",
        "input",  "basis",       "scores", "core",   "reasons",     "other_work"}) {
    if (key == name) return true;
  }
  return false;
}

bool is_blank_line(std::string_view line) noexcept {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string jsonl_start_problem(std::string_view line, std::string_view name) {
  const auto trim = [](std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
  };
  line = trim(line);
  // An array of objects starts "[{" (blanks allowed between); "[[[" and the like stay record errors.
  const bool array_of_objects = line.size() > 1 && line.front() == '[' && trim(line.substr(1)).substr(0, 1) == "{";
  const std::string_view shown = name == "-" ? "FILE" : name;
  if (line == "[" || line == "{" || (array_of_objects && line.back() != ']')) {
    return fmt::format(
        "this is pretty-printed JSON or a JSON array, not JSON Lines (one object per line): read it with "
        "--input json, or convert it with jq -c '.[]' {} > records.jsonl",
        shown);
  }
  if (array_of_objects) return "this is a JSON array, not JSON Lines (one object per line): read it with --input json";
  if (!header_row_fields(line, ',').empty()) {
    return "this looks like the header row of a CSV file, not JSON Lines (one object per line): read it with --input "
           "csv";
  }
  if (const auto fields = header_row_fields(line, '\t'); !fields.empty()) {
    const auto text = std::find_if(fields.begin(), fields.end(), [](std::string_view f) { return fold(f) == "text"; });
    const auto column = text == fields.end() ? std::string("N") : std::to_string(text - fields.begin() + 1);
    return fmt::format(
        "this looks like the header row of a tab-separated file, not JSON Lines (one object per line): pass the "
        "text column as plain lines, e.g. tail -n +2 {} | cut -f{} | rolecheck classify - (eval and stats read "
        "label/text TSV as it is)",
        shown, column);
  }
  return {};
}

bool JsonlScreen::accept(const InputLine& line) {
  if (!line.too_long && is_blank_line(line.text)) {
    ++m_blank;
    return false;
  }
  if (m_first) {
    m_first = false;
    if (auto problem = jsonl_start_problem(line.text, m_name); !problem.empty()) {
      throw Error(std::vector<Diagnostic>{Diagnostic{m_name, line.number, 1, {}, std::move(problem), {}}});
    }
  }
  return true;
}

void read_json_record(std::string_view name, const InputLine& record_line, const RecordFields& fields,
                      InputDocument& out, std::size_t max_bytes) {
  out.clear();
  out.file = name;
  out.line = record_line.number;
  out.id = fmt::format("{}:{}", name, record_line.number);
  if (record_line.invalid_utf8) out.invalid_utf8_line = record_line.number;
  if (record_line.too_long) {
    out.error = fmt::format("line longer than {}: documents are capped at that size", size_text(max_bytes));
    return;
  }
  if (auto problem = json_cap_problem(record_line.text); !problem.empty()) {
    out.error = std::move(problem);
    return;
  }
  if (record_line.text.empty()) {
    out.error = fmt::format("empty line: {}", kExpected);
    return;
  }
  auto record = Json::parse(record_line.text, nullptr, false);
  if (record.is_discarded() || !record.is_object()) {
    out.error = record_line.has_nul && record.is_discarded()
                    ? fmt::format("a raw NUL byte is not valid JSON (write \\u0000 inside strings): {}", kExpected)
                    : fmt::format("not a JSON object: {}", kExpected);
    return;
  }
  Json* parent = nullptr;
  std::string key;
  Json* text = find_path(record, fields.text, parent, key);
  if (text == nullptr || !text->is_string()) {
    std::vector<std::string> keys;
    for (const auto& member : record.items()) keys.push_back(member.key());
    const bool custom = fields.text != "text";
    std::string hint = custom ? "check --text-field"
                              : "name the text field with --text-field KEY (job.description reaches inside objects)";
    for (const std::string_view likely : {"description", "job_description", "jobDescription", "body", "content"}) {
      if (!custom && std::find(keys.begin(), keys.end(), likely) != keys.end()) {
        hint = fmt::format("name the text field: --text-field {}", likely);
        break;
      }
    }
    out.error = fmt::format("no \"{}\" string in this record (its keys: {}): {}", fields.text, list_names(keys), hint);
    return;
  }
  std::string body = std::move(text->get_ref<std::string&>());
  erase_path(record, fields.text, parent, key);
  if (Json* id = find_path(record, fields.id, parent, key); id != nullptr && !id->is_null()) {
    set_id(*id, out);
    erase_path(record, fields.id, parent, key);
  }
  if (fields.use_title) {
    if (Json* title = find_path(record, fields.title, parent, key);
        title != nullptr && title->is_string() && !title->get_ref<const std::string&>().empty()) {
      body = with_title(title->get_ref<const std::string&>(), body);
    }
  }
  Json shadowed = Json::object();
  for (const auto& member : record.items()) {
    if (is_reserved_record_key(member.key())) {
      shadowed[member.key()] = member.value();
    } else {
      append_member(out.extra_json, member.key(), dump(member.value()));
    }
  }
  if (!shadowed.empty()) append_member(out.extra_json, "input", dump(shadowed));
  out.text = std::move(body);
}

CsvColumns::CsvColumns(const CsvRecord& header, const RecordFields& fields, std::string_view name)
    : m_name(name), m_use_title(fields.use_title) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string column(header.fields[i]);
    while (!column.empty() && (column.back() == ' ' || column.back() == '\t')) column.pop_back();
    column.erase(0, std::min(column.find_first_not_of(" \t"), column.size()));
    if (column.empty()) column = fmt::format("column_{}", i + 1);
    names.push_back(std::move(column));
  }
  const auto fail = [&](const std::string& message) {
    throw Error(std::vector<Diagnostic>{Diagnostic{std::string(name), header.line, 1, {}, message, {}}});
  };
  // A column by 1-based number, exact name, or name in any case.
  const auto find = [&](const std::string& spec) -> std::size_t {
    if (digits_only(spec)) {
      const auto number = spec.size() > 9 ? std::size_t{0} : std::stoul(spec);
      return number >= 1 && number <= names.size() ? number - 1 : std::string::npos;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == spec) return i;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (fold(names[i]) == fold(spec)) return i;
    }
    return std::string::npos;
  };
  const auto missing = [&](std::string_view what, const std::string& spec, std::string_view option) {
    // One column holding ';' or a tab: a file separated by something else than commas (European Excel exports).
    if (names.size() == 1 && names[0].find_first_of(";\t") != std::string::npos) {
      fail(fmt::format("no {} column \"{}\": {}", what, spec, other_separator_hint(names[0], name)));
    }
    fail(fmt::format("no {} column \"{}\" in the header (its columns: {}): name it with {} NAME or a 1-based number",
                     what, spec, list_names(names), option));
  };
  if (header.fields.empty() || (header.fields.size() == 1 && header.fields[0].empty())) {
    fail("the first line of a CSV input must be its header row (the column names)");
  }
  m_text = find(fields.text);
  if (m_text == std::string::npos) missing("text", fields.text, "--text-column");
  m_id = find(fields.id);
  if (m_id == std::string::npos && fields.id_given) missing("id", fields.id, "--id-column");
  m_title = find(fields.title);
  if (m_title == std::string::npos && fields.title_given) missing("title", fields.title, "--title-column");
  // Pass-through keys, made unique ("" for the text and id columns, which are not passed through).
  std::unordered_set<std::string> taken;  // linear in the columns, however many share a name
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string key = names[i];
    for (std::size_t n = 2; !taken.insert(key).second; ++n) key = fmt::format("{}_{}", names[i], n);
    m_keys.push_back(i == m_text || i == m_id ? std::string() : key);
  }
}

void CsvColumns::read(const CsvRecord& row, InputDocument& out, std::size_t max_bytes) const {
  out.clear();
  out.file = m_name;
  out.line = row.line;
  out.id = fmt::format("{}:{}", m_name, row.line);
  if (row.invalid_utf8) out.invalid_utf8_line = row.line;
  if (row.has_nul) out.nul_line = row.line;
  if (row.too_long) {
    out.error = fmt::format("record longer than {}: documents are capped at that size", size_text(max_bytes));
    return;
  }
  if (!row.error.empty()) {
    out.error = row.error;
    return;
  }
  if (m_text >= row.fields.size()) {
    out.error = fmt::format("this row has {} field{}, the text is in column {}: a line break or quote out of place?",
                            row.fields.size(), row.fields.size() == 1 ? "" : "s", m_text + 1);
    return;
  }
  if (m_id < row.fields.size() && !row.fields[m_id].empty()) set_id(Json(std::string(row.fields[m_id])), out);
  Json shadowed = Json::object();
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    if (i < m_keys.size() && m_keys[i].empty()) continue;
    const std::string key = i < m_keys.size() ? m_keys[i] : fmt::format("column_{}", i + 1);
    Json field(std::string(row.fields[i]));
    if (is_reserved_record_key(key)) {
      shadowed[key] = std::move(field);
    } else {
      append_member(out.extra_json, key, dump(field));
    }
  }
  if (!shadowed.empty()) append_member(out.extra_json, "input", dump(shadowed));
  const auto text = row.fields[m_text];
  if (m_use_title && m_title < row.fields.size() && !row.fields[m_title].empty()) {
    out.text = with_title(row.fields[m_title], text);
  } else {
    out.text = text;
  }
}

}  // namespace rolecheck
