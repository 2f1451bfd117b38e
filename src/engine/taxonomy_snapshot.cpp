// The snapshot layout: a header (magic, format version, payload size and checksum), then the Taxonomy
// field by field and the Matcher tables as arrays copied in bulk. Native byte order: the snapshot is
// generated and read by the same build. Every read is bounds-checked, so a corrupt blob gives an Error.
#include "rolecheck/engine/taxonomy_snapshot.hpp"

#include <cstring>
#include <fmt/format.h>
#include <type_traits>

#include "rolecheck/support/error.hpp"

namespace rolecheck {
namespace {

constexpr char kMagic[8] = {'r', 'o', 'l', 'e', 'c', 'h', 'k', 0};
constexpr std::uint64_t kDifferences = 4;                // the article's four; the JSON validator enforces it too
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8;  // magic, version, reserved, payload size, checksum

/// A fast 64-bit checksum over 8-byte words in four independent lanes (detects corruption; not for security).
std::uint64_t checksum(std::string_view bytes) noexcept {
  std::uint64_t lanes[4] = {0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull, bytes.size()};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (std::size_t lane = 0; lane < 4; ++lane) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes.data() + i + lane * 8, 8);
      lanes[lane] = (lanes[lane] ^ word) * 0x9FB21C651E98DF25ull;
      lanes[lane] ^= lanes[lane] >> 29;
    }
  }
  std::uint64_t hash = mix_hash64(lanes[0]) ^ mix_hash64(lanes[1] + 1) ^ mix_hash64(lanes[2] + 2);
  hash ^= mix_hash64(lanes[3] + 3);
  for (; i < bytes.size(); ++i) hash = mix_hash64(hash ^ static_cast<std::uint8_t>(bytes[i]));
  return hash;
}

/// Appends fixed-size values, strings and arrays to a byte string.
class Writer {
 public:
  template <typename T>
  void value(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    m_out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void text(std::string_view s) {
    value(static_cast<std::uint64_t>(s.size()));
    m_out.append(s);
  }
  void texts(const std::vector<std::string>& list) {
    value(static_cast<std::uint64_t>(list.size()));
    for (const auto& s : list) text(s);
  }
  template <typename T>
  void array(const std::vector<T>& list) {
    static_assert(std::is_trivially_copyable_v<T>);
    value(static_cast<std::uint64_t>(list.size()));
    if (!list.empty()) m_out.append(reinterpret_cast<const char*>(list.data()), list.size() * sizeof(T));
  }
  std::string& out() noexcept { return m_out; }

 private:
  std::string m_out;
};

/// Reads what Writer wrote; throws Error on any read past the end.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& origin) : m_bytes(bytes), m_origin(origin) {}

  template <typename T>
  T value() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v;
    std::memcpy(&v, take(sizeof v), sizeof v);
    return v;
  }
  std::string text() {
    const auto size = count(1);
    return std::string(take(size), size);
  }
  std::vector<std::string> texts() {
    std::vector<std::string> list(count(8));
    for (auto& s : list) s = text();
    return list;
  }
  template <typename T>
  std::vector<T> array() {
    std::vector<T> list(count(sizeof(T)));
    if (!list.empty()) std::memcpy(list.data(), take(list.size() * sizeof(T)), list.size() * sizeof(T));
    return list;
  }
  /// A byte that must be below `limit` (enums are stored as one byte).
  std::uint8_t small(std::uint8_t limit) {
    const auto v = value<std::uint8_t>();
    if (v >= limit) fail("an enum value is out of range");
    return v;
  }
  [[noreturn]] void fail(std::string_view what) const {
    throw Error(std::vector<Diagnostic>{
        Diagnostic{m_origin,
                   0,
                   0,
                   {},
                   fmt::format("the compiled taxonomy snapshot is corrupt: {}; rebuild rolecheck", what),
                   {}}});
  }
  [[nodiscard]] bool at_end() const noexcept { return m_offset == m_bytes.size(); }

 private:
  // A count of elements of `element_bytes` each, checked against the bytes left (bounds every allocation).
  std::size_t count(std::size_t element_bytes) {
    const auto n = value<std::uint64_t>();
    if (n > (m_bytes.size() - m_offset) / element_bytes) fail("a length runs past the end");
    return static_cast<std::size_t>(n);
  }
  const char* take(std::size_t n) {
    if (n > m_bytes.size() - m_offset) fail("it ends too early");
    const char* p = m_bytes.data() + m_offset;
    m_offset += n;
    return p;
  }
  std::string_view m_bytes;
  std::size_t m_offset = 0;
  const std::string& m_origin;
};

void write_side_view(Writer& w, const SideView& view) {
  w.text(view.summary);
  w.texts(view.quotes);
}

SideView read_side_view(Reader& r) {
  SideView view;
  view.summary = r.text();
  view.quotes = r.texts();
  return view;
}

void write_taxonomy(Writer& w, const Taxonomy& t) {
  w.value(static_cast<std::int64_t>(t.schema_version));
  w.text(t.title);
  w.text(t.source);
  w.value(static_cast<std::uint64_t>(t.differences.size()));
  for (const auto& d : t.differences) {
    w.text(d.id);
    w.text(d.name);
    write_side_view(w, d.sales);
    write_side_view(w, d.marketing);
    w.value(static_cast<std::uint64_t>(d.cues.size()));
    for (const auto& cue : d.cues) {
      w.text(cue.id);
      w.value(static_cast<std::uint8_t>(cue.side));
      w.value(cue.weight);
      w.texts(cue.phrases);
      w.text(cue.rationale);
      w.value(static_cast<std::uint8_t>(cue.on_negation));
      w.value(static_cast<std::uint8_t>(cue.role));
    }
  }
  w.text(t.other_work.summary);
  w.texts(t.other_work.quotes);
  w.value(static_cast<std::uint64_t>(t.other_work.cues.size()));
  for (const auto& cue : t.other_work.cues) {
    w.text(cue.id);
    w.value(cue.weight);
    w.texts(cue.phrases);
    w.text(cue.rationale);
  }
  w.texts(t.ignore);
  w.value(t.thresholds.min_evidence);
  w.value(t.thresholds.mixed_share);
  w.value(t.thresholds.evidence_scale);
  w.value(t.thresholds.other_share);
  w.value(t.thresholds.support_credit);
  w.value(t.thresholds.other_prior);
  w.value(t.thresholds.review_confidence);
  w.value(t.thresholds.review_margin);
  w.texts(t.negation.words);
  w.texts(t.negation.exceptions);
  w.texts(t.negation.after);
  w.value(static_cast<std::uint64_t>(t.negation.scope));
  w.texts(t.skip_words);
}

Taxonomy read_taxonomy(Reader& r) {
  Taxonomy t;
  const auto schema_version = r.value<std::int64_t>();
  if (schema_version < 0 || schema_version > 1000) r.fail("the schema version is out of range");
  t.schema_version = static_cast<int>(schema_version);
  t.title = r.text();
  t.source = r.text();
  const auto differences = r.value<std::uint64_t>();
  if (differences != kDifferences) r.fail("a taxonomy has exactly four differences");
  t.differences.resize(static_cast<std::size_t>(differences));
  for (auto& d : t.differences) {
    d.id = r.text();
    d.name = r.text();
    d.sales = read_side_view(r);
    d.marketing = read_side_view(r);
    const auto cues = r.value<std::uint64_t>();
    if (cues > 1000000) r.fail("too many cues");
    d.cues.resize(static_cast<std::size_t>(cues));
    for (auto& cue : d.cues) {
      cue.id = r.text();
      cue.side = static_cast<Side>(r.small(2));
      cue.weight = r.value<double>();
      cue.phrases = r.texts();
      cue.rationale = r.text();
      cue.on_negation = static_cast<NegationEffect>(r.small(2));
      cue.role = static_cast<CueRole>(r.small(2));  // core or support; other work is listed apart
    }
  }
  t.other_work.summary = r.text();
  t.other_work.quotes = r.texts();
  const auto other_cues = r.value<std::uint64_t>();
  if (other_cues > 1000000) r.fail("too many other-work cues");
  t.other_work.cues.resize(static_cast<std::size_t>(other_cues));
  for (auto& cue : t.other_work.cues) {
    cue.id = r.text();
    cue.role = CueRole::other;
    cue.weight = r.value<double>();
    cue.phrases = r.texts();
    cue.rationale = r.text();
  }
  t.ignore = r.texts();
  t.thresholds.min_evidence = r.value<double>();
  t.thresholds.mixed_share = r.value<double>();
  t.thresholds.evidence_scale = r.value<double>();
  t.thresholds.other_share = r.value<double>();
  t.thresholds.support_credit = r.value<double>();
  t.thresholds.other_prior = r.value<double>();
  t.thresholds.review_confidence = r.value<double>();
  t.thresholds.review_margin = r.value<double>();
  t.negation.words = r.texts();
  t.negation.exceptions = r.texts();
  t.negation.after = r.texts();
  t.negation.scope = static_cast<std::size_t>(r.value<std::uint64_t>());
  t.skip_words = r.texts();
  return t;
}

void write_tables(Writer& w, const Matcher::Tables& t) {
  w.value(static_cast<std::uint64_t>(t.cues.size()));
  for (const auto& cue : t.cues) {
    w.text(cue.id);
    w.value(cue.difference);
    w.value(static_cast<std::uint8_t>(cue.side));
    w.value(cue.weight);
    w.value(static_cast<std::uint8_t>(cue.on_negation));
    w.value(static_cast<std::uint8_t>(cue.role));
  }
  w.text(t.stem_arena);
  w.array(t.stem_offsets);
  w.array(t.stem_slots);
  w.array(t.skip_terms);
  w.array(t.root_children);
  w.array(t.edge_keys);
  w.array(t.edge_children);
  w.array(t.terminals);
  w.value(t.negation_scope);
}

Matcher::Tables read_tables(Reader& r, std::size_t difference_count) {
  Matcher::Tables t;
  const auto cues = r.value<std::uint64_t>();
  if (cues > 1000000) r.fail("too many compiled cues");
  t.cues.resize(static_cast<std::size_t>(cues));
  for (auto& cue : t.cues) {
    cue.id = r.text();
    cue.difference = r.value<std::uint32_t>();
    if (cue.difference > difference_count) r.fail("a cue names a difference that does not exist");
    cue.side = static_cast<Side>(r.small(2));
    cue.weight = r.value<double>();
    cue.on_negation = static_cast<NegationEffect>(r.small(2));
    cue.role = static_cast<CueRole>(r.small(3));
  }
  t.stem_arena = r.text();
  t.stem_offsets = r.array<std::uint32_t>();
  t.stem_slots = r.array<std::int32_t>();
  t.skip_terms = r.array<std::uint8_t>();
  t.root_children = r.array<std::uint32_t>();
  t.edge_keys = r.array<std::uint64_t>();
  t.edge_children = r.array<std::uint32_t>();
  t.terminals = r.array<std::uint32_t>();
  t.negation_scope = r.value<std::uint64_t>();
  return t;
}

}  // namespace

std::string write_taxonomy_snapshot(const Taxonomy& taxonomy) {
  return write_taxonomy_snapshot(taxonomy, Matcher(taxonomy));
}

std::string write_taxonomy_snapshot(const Taxonomy& taxonomy, const Matcher& matcher) {
  Writer payload;
  write_taxonomy(payload, taxonomy);
  write_tables(payload, matcher.tables());
  Writer blob;
  blob.out().append(kMagic, sizeof kMagic);
  blob.value(kSnapshotFormatVersion);
  blob.value(std::uint32_t{0});
  blob.value(static_cast<std::uint64_t>(payload.out().size()));
  blob.value(checksum(payload.out()));
  blob.out() += payload.out();
  return std::move(blob.out());
}

CompiledTaxonomy read_taxonomy_snapshot(std::string_view blob, const std::string& origin) {
  Reader header(blob.substr(0, kHeaderBytes), origin);
  if (blob.size() < kHeaderBytes || blob.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) {
    header.fail("it does not start with a snapshot header");
  }
  header.value<std::uint64_t>();  // the magic, checked above
  if (const auto version = header.value<std::uint32_t>(); version != kSnapshotFormatVersion) {
    header.fail(fmt::format("format version {}, this build reads version {}", version, kSnapshotFormatVersion));
  }
  if (header.value<std::uint32_t>() != 0) header.fail("a reserved header field is set");
  const auto size = header.value<std::uint64_t>();
  const auto sum = header.value<std::uint64_t>();
  const auto payload = blob.substr(kHeaderBytes);
  if (size != payload.size()) header.fail("its size does not match its header");
  if (checksum(payload) != sum) header.fail("its checksum does not match");
  Reader reader(payload, origin);
  auto taxonomy = std::make_shared<Taxonomy>(read_taxonomy(reader));
  taxonomy->origin = origin;
  auto tables = read_tables(reader, taxonomy->differences.size());
  if (!reader.at_end()) reader.fail("bytes are left over after the matcher tables");
  auto matcher = std::make_shared<const Matcher>(std::move(tables));
  return CompiledTaxonomy{std::move(taxonomy), std::move(matcher)};
}

}  // namespace rolecheck
