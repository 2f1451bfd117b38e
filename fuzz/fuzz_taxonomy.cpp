// Fuzzes the taxonomy loader: parse_taxonomy must never throw, crash or hang, whatever the bytes,
// and every problem it reports must say where it is and what is wrong.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"

#include "rolecheck/taxonomy/taxonomy_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rolecheck::TaxonomyParseResult result;
  try {
    result = rolecheck::parse_taxonomy(text, "fuzz.json");
  } catch (...) { FUZZ_FAIL("parse_taxonomy threw"); }
  for (const auto& problem : result.problems) {
    FUZZ_CHECK(problem.file == "fuzz.json");
    FUZZ_CHECK(!problem.message.empty());
    FUZZ_CHECK(problem.line <= size + 1);
  }
  return 0;
}
