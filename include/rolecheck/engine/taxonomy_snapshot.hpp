#pragma once
// The compiled taxonomy snapshot: the model and the matcher's tables, written at build time and restored
// at start-up without parsing JSON, validating or stemming.

#include <cstdint>
#include <string>
#include <string_view>

#include "rolecheck/engine/matcher.hpp"
#include "rolecheck/taxonomy/taxonomy.hpp"

namespace rolecheck {

/// Layout version of the snapshot; bump it whenever the layout of the Taxonomy or the Matcher tables changes.
inline constexpr std::uint32_t kSnapshotFormatVersion = 5;

/// Compiles `taxonomy` (throws Error like Matcher does) and writes it with its matcher tables as a snapshot.
std::string write_taxonomy_snapshot(const Taxonomy& taxonomy);

/// Writes a snapshot of a taxonomy and the matcher already compiled from it.
std::string write_taxonomy_snapshot(const Taxonomy& taxonomy, const Matcher& matcher);

/// Restores a snapshot written by the same build; `origin` names the taxonomy in diagnostics.
/// Throws Error (never crashes) when the blob is truncated, corrupt or of another format version.
CompiledTaxonomy read_taxonomy_snapshot(std::string_view blob, const std::string& origin);

/// The snapshot of data/taxonomy.json made at build time by rolecheck_snapshot. Defined in the generated
/// rolecheck_embedded_snapshot library, which the rolecheck binary and the tests link (not rolecheck_core).
std::string_view embedded_taxonomy_snapshot() noexcept;

}  // namespace rolecheck
