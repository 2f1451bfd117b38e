#!/usr/bin/env bash
# The layering holds: every public header compiles (preprocesses) against its own layer's include folder,
# which links only that layer's headers and those of the layers below it, and a header of a layer above
# is not found there. Also: no source reaches a header by a relative or absolute path around the layers.
# Usage: layers.sh CXX BUILD_DIR SOURCE_DIR
set -u
export LC_ALL=C  # the compiler's 'No such file' message, untranslated
cxx=$1
layers=$(realpath "$2/layers")
src=$(realpath "$3")
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
[ -d "$layers/support/rolecheck" ] || { echo "FAIL: $layers holds no layer folders" >&2; exit 1; }

# preprocess INCLUDE_DIRS... -- HEADER: 0 when HEADER and everything it includes are found.
preprocess() {
  local dirs=()
  while [ "$1" != "--" ]; do dirs+=(-I "$1"); shift; done
  printf '#include "%s"\n' "$2" | "$cxx" -std=c++20 -E -x c++ "${dirs[@]}" - >/dev/null 2>"$work/err"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

core_layers=()
for dir in "$layers"/*/; do
  name=$(basename "$dir")
  [[ $name == cli_* ]] || core_layers+=("$name")
done
[ "${#core_layers[@]}" -ge 8 ] || fail "expected at least 8 core layers, found: ${core_layers[*]}"

checked=0
for layer in "${core_layers[@]}"; do
  root=$layers/$layer
  # Every header of the layer is found with everything it includes.
  for header in "$src/include/rolecheck/$layer"/*.hpp; do
    rel=rolecheck/$layer/$(basename "$header")
    preprocess "$root" -- "$rel" || fail "$rel does not preprocess within layer $layer: $(grep -m1 error "$work/err")"
    checked=$((checked + 1))
  done
  # A header of any layer not linked into this one is not found.
  for other in "${core_layers[@]}"; do
    [ -e "$root/rolecheck/$other" ] && continue
    probe=$(find "$src/include/rolecheck/$other" -name '*.hpp' | sort | head -n 1)
    rel=rolecheck/$other/$(basename "$probe")
    if preprocess "$root" -- "$rel"; then fail "layer $layer can include $rel, a layer it does not depend on"; fi
    grep -q 'No such file' "$work/err" || fail "layer $layer including $rel: expected 'No such file', got: $(cat "$work/err")"
  done
done

# The CLI's layers: io below pipeline below commands; each sees the whole core.
core_dirs=()
for layer in "${core_layers[@]}"; do core_dirs+=("$layers/$layer"); done
for cli in io pipeline commands; do
  root=$layers/cli_$cli
  [ -d "$root" ] || { fail "no include folder for the CLI layer $cli"; continue; }
  for header in "$src/src/cli/$cli"/*.hpp; do
    preprocess "$root" "${core_dirs[@]}" -- "$cli/$(basename "$header")" ||
      fail "cli/$cli/$(basename "$header") does not preprocess within its layer: $(grep -m1 error "$work/err")"
    checked=$((checked + 1))
  done
done
if preprocess "$layers/cli_io" "${core_dirs[@]}" -- pipeline/line_pipeline.hpp; then
  fail "the CLI's io layer can include pipeline/line_pipeline.hpp"
fi
if preprocess "$layers/cli_pipeline" "${core_dirs[@]}" -- commands/commands.hpp; then
  fail "the CLI's pipeline layer can include commands/commands.hpp"
fi

# No include reaches around the layers with a relative or absolute path.
if grep -rnE '#include "(\.\./|/)' "$src/src" "$src/include" >"$work/around"; then
  fail "includes by relative or absolute path: $(cat "$work/around")"
fi

[ "$checked" -ge 40 ] || fail "only $checked headers checked"
if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "layers: $checked headers preprocess within their layers; upward includes are not found"
