# cmake -DINPUT=file -DOUTPUT=file.cpp -P embed_file.cmake: writes INPUT as a byte array that
# rolecheck::embedded_taxonomy_json() returns.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(([^,]*,){24})" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from data/taxonomy.json by cmake/embed_file.cmake; do not edit.
#include \"rolecheck/taxonomy/taxonomy_io.hpp\"

namespace rolecheck {
namespace {
constexpr char kTaxonomyBytes[] = {
  ${bytes} '\\0'};
}  // namespace

std::string_view embedded_taxonomy_json() noexcept {
  return {kTaxonomyBytes, ${byte_count}};
}
}  // namespace rolecheck
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
