# shellcheck shell=bash
# What every end-to-end test in tests/cli shares. Each script sources it first:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It turns on `set -u` and pipefail (a script that wants `set -e` too, or no pipefail, says so right
# after), makes $tmp (a fresh folder, removed on exit), counts failed checks in $failures and defines
# the helpers below. A script ends with `finish NAME`.

set -uo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
skipped=""

# fail MESSAGE...: one failed check; prints "FAIL: MESSAGE" on stderr (a "\n" in MESSAGE starts a new line).
fail() {
  echo -e "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_eq WHAT ACTUAL EXPECTED
expect_eq() { [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"; }
# expect_grep WHAT PATTERN FILE: FILE contains the fixed string PATTERN
expect_grep() { grep -qF -- "$2" "$3" || fail "$1: '$2' not in: $(head -c 600 "$3")"; }
# expect_empty WHAT FILE: FILE is empty
expect_empty() { [ ! -s "$2" ] || fail "$1: expected empty, got: $(head -c 600 "$2")"; }
# lines FILE: lines in FILE, counting a last line without a newline
lines() { awk 'END { print NR }' "$1"; }

# embedded_env: a UTF-8 locale and the taxonomy embedded in the binary (ROLECHECK_TAXONOMY unset).
embedded_env() {
  export LC_ALL=C.UTF-8
  unset ROLECHECK_TAXONOMY
}
# plain_env: embedded_env without colour (NO_COLOR=1): the environment most tests run rolecheck in.
plain_env() {
  embedded_env
  export NO_COLOR=1
}

# finish NAME: the script's last word. Exits 1 when a check failed; else 77 (a ctest skip, never a pass:
# .ci/run fails on any skip) when $skipped says which tool was missing; else says all checks passed.
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$1: $failures failure(s)" >&2
    exit 1
  fi
  if [ -n "$skipped" ]; then
    echo "SKIP: $skipped" >&2
    exit 77
  fi
  echo "$1: all checks passed"
}
