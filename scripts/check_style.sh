#!/usr/bin/env bash
# The style checks CI runs: clang-format on every C++ file the repository tracks (no file may differ
# from .clang-format's layout), and clang-tidy with .clang-tidy's checks on every source of src/
# (any finding is an error). Needs a configured build folder for compile_commands.json.
#
#   scripts/check_style.sh [BUILD_DIR]      (default: build)
#   scripts/check_style.sh --fix-format     reformat the tree in place instead of checking it
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$clang_format" ] || { echo "check_style: clang-format-14 is missing (scripts/setup.sh --test installs it)" >&2; exit 2; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.cc')
[ "${#files[@]}" -gt 0 ] || { echo "check_style: git listed no C++ files (run it inside the repository's clone)" >&2; exit 2; }
if [ "${1:-}" = "--fix-format" ]; then
  "$clang_format" -i "${files[@]}"
  exit 0
fi
build=${1:-build}

echo "check_style: clang-format on ${#files[@]} files" >&2
"$clang_format" --dry-run -Werror "${files[@]}"

run_tidy=$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)
[ -n "$run_tidy" ] || { echo "check_style: run-clang-tidy-14 is missing (scripts/setup.sh --test installs clang-tidy-14)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "check_style: $build/compile_commands.json is missing: configure $build first" >&2; exit 2; }
echo "check_style: clang-tidy on src/ (checks in .clang-tidy)" >&2
# -Wno-unknown-warning-option: the build's GCC-only flags (-Wno-restrict) are unknown to clang.
"$run_tidy" -p "$build" -quiet -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option "$PWD/src/" >"$build/clang-tidy.log" 2>&1 ||
  { grep -E 'warning:|error:' "$build/clang-tidy.log" >&2 || tail -n 40 "$build/clang-tidy.log" >&2; exit 1; }
echo "check_style: clean" >&2
