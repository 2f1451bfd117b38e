// Build-time tool: rolecheck_snapshot TAXONOMY.json OUTPUT.cpp
// Loads and validates the taxonomy, compiles its matcher (stemming every phrase) and writes a C++ source
// that defines rolecheck::embedded_taxonomy_snapshot(), so the binary restores it at start-up with no JSON
// parsing, validation or stemming. Exit status 0 on success, 2 on any error (printed like rolecheck's).

#include <cstdio>
#include <exception>
#include <fstream>
#include <string>

#include "rolecheck/engine/taxonomy_snapshot.hpp"
#include "rolecheck/support/error.hpp"
#include "rolecheck/taxonomy/taxonomy_io.hpp"

namespace {

std::string source_text(const std::string& blob) {
  std::string out =
      "// Generated from data/taxonomy.json by rolecheck_snapshot (tools/rolecheck_snapshot.cpp); do not edit.\n"
      "#include \"rolecheck/engine/taxonomy_snapshot.hpp\"\n\n"
      "namespace rolecheck {\nnamespace {\nalignas(8) constexpr unsigned char kSnapshot[] = {";
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < blob.size(); ++i) {
    out += i % 20 == 0 ? "\n  " : " ";
    const auto byte = static_cast<unsigned char>(blob[i]);
    out += "0x";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
    out += ',';
  }
  out +=
      " 0};\n}  // namespace\n\nstd::string_view embedded_taxonomy_snapshot() noexcept {\n"
      "  return {reinterpret_cast<const char*>(kSnapshot), " +
      std::to_string(blob.size()) + "};\n}\n}  // namespace rolecheck\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: rolecheck_snapshot TAXONOMY.json OUTPUT.cpp\n", stderr);
    return 2;
  }
  try {
    const auto taxonomy = rolecheck::load_taxonomy_file(argv[1]);
    const auto blob = rolecheck::write_taxonomy_snapshot(taxonomy);
    // Check the round trip here, so a snapshot the binary cannot read never gets built into it.
    const auto restored = rolecheck::read_taxonomy_snapshot(blob, "<embedded>");
    if (rolecheck::taxonomy_to_json(*restored.taxonomy) != rolecheck::taxonomy_to_json(taxonomy) ||
        !(restored.matcher->tables() == rolecheck::Matcher(taxonomy).tables())) {
      std::fputs("rolecheck_snapshot: the snapshot does not restore the taxonomy it was made from\n", stderr);
      return 2;
    }
    const std::string temporary = std::string(argv[2]) + ".tmp";
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out << source_text(blob);
      if (!out.flush()) {
        std::fprintf(stderr, "rolecheck_snapshot: cannot write %s\n", temporary.c_str());
        return 2;
      }
    }
    if (std::rename(temporary.c_str(), argv[2]) != 0) {
      std::fprintf(stderr, "rolecheck_snapshot: cannot rename %s to %s\n", temporary.c_str(), argv[2]);
      return 2;
    }
  } catch (const rolecheck::Error& error) {
    for (const auto& diagnostic : error.diagnostics()) {
      std::fprintf(stderr, "rolecheck_snapshot: %s\n", rolecheck::format_diagnostic(diagnostic).c_str());
    }
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "rolecheck_snapshot: %s\n", error.what());
    return 2;
  }
  return 0;
}
