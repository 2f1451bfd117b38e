#!/usr/bin/env bash
# End-to-end tests of `rolecheck table`: golden outputs, locale and width choices, exit codes, and that
# records go to stdout and nothing to stderr.
#
#   tests/cli/table.sh build/rolecheck                   # compare with tests/golden/table*
#   UPDATE_GOLDEN=1 tests/cli/table.sh build/rolecheck   # rewrite the golden files, then review `git diff`
#
# Every run starts from an empty environment (env -i) in an empty folder, so the output depends only on
# the arguments, the locale given here and the taxonomy embedded in the binary.
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +o pipefail  # this script's pipelines fail only when their last command does

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 path/to/rolecheck (an executable; build it first)" >&2
  exit 2
fi
bin=$(realpath "$1")
update_command="UPDATE_GOLDEN=1 $0 $1"
golden=$(cd "$(dirname "$0")/../golden" && pwd)

# run ENV... -- ARGS...: runs `rolecheck ARGS` with exactly ENV; sets $status, output in $tmp/out, $tmp/err.
run() {
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done
  shift
  (cd "$tmp" && env -i "${env[@]}" "$bin" "$@" >"$tmp/out" 2>"$tmp/err")
  status=$?
}

# expect_ok DESCRIPTION: the last run exited 0 with nothing on stderr.
expect_ok() {
  [ "$status" -eq 0 ] || fail "$1: exit status $status, expected 0"
  [ -s "$tmp/err" ] && fail "$1: unexpected stderr: $(head -c 300 "$tmp/err")"
  [ -s "$tmp/out" ] || fail "$1: empty stdout"
}

# expect_error DESCRIPTION: the last run exited 2 with a message on stderr and nothing on stdout.
expect_error() {
  [ "$status" -eq 2 ] || fail "$1: exit status $status, expected 2"
  [ -s "$tmp/out" ] && fail "$1: unexpected stdout: $(head -c 300 "$tmp/out")"
  [ -s "$tmp/err" ] || fail "$1: no message on stderr"
}

# golden NAME ARGS...: `rolecheck ARGS` in a UTF-8 locale must print tests/golden/NAME.
golden() {
  local name=$1
  shift
  run LANG=C.UTF-8 -- "$@"
  expect_ok "$name"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/out" "$golden/$name"
  elif ! diff -u "$golden/$name" "$tmp/out" >"$tmp/diff"; then
    fail "$name differs from the golden file ('$update_command' rewrites it; review with git diff):"
    head -n 40 "$tmp/diff" >&2
  fi
}

# same_as NAME DESCRIPTION: the last run printed exactly tests/golden/NAME.
same_as() {
  cmp -s "$golden/$1" "$tmp/out" || fail "$2: output differs from $1"
}

golden table.txt table
golden table.ascii.txt table --ascii
golden table.md table --format markdown
golden table.csv table --format csv
golden table.json table --format json
golden table_difference_2.txt table --difference 2

# The golden files themselves: 80 columns, and ASCII where promised.
max_width=$(LC_ALL=C.UTF-8 wc -L <"$golden/table.txt")
[ "$max_width" -le 80 ] || fail "table.txt is $max_width columns wide, more than 80"
LC_ALL=C grep -q '[^ -~]' "$golden/table.ascii.txt" && fail "table.ascii.txt holds non-ASCII bytes"
grep -q '┌' "$golden/table.txt" || fail "table.txt has no box drawing"

# The difference can be named by id too, and every format works for one difference.
run LANG=C.UTF-8 -- table --difference core_capabilities
expect_ok "--difference core_capabilities"
same_as table_difference_2.txt "--difference core_capabilities"
for format in markdown csv json; do
  run LANG=C.UTF-8 -- table --difference 4 --format "$format"
  expect_ok "--difference 4 --format $format"
  grep -q 'the main purpose of the marketing business is to enhance brand awareness' "$tmp/out" ||
    fail "--difference 4 --format $format lacks a supporting quote"
done

# Locale: LC_ALL, then LC_CTYPE, then LANG decide; no locale at all means ASCII.
run LANG=C -- table
expect_ok "LANG=C"
same_as table.ascii.txt "LANG=C"
run -- table
expect_ok "no locale variables"
same_as table.ascii.txt "no locale variables"
run LC_ALL=C LANG=C.UTF-8 -- table
expect_ok "LC_ALL=C LANG=C.UTF-8"
same_as table.ascii.txt "LC_ALL=C wins over LANG"
run LC_CTYPE=en_US.utf8 LANG=C -- table
expect_ok "LC_CTYPE=en_US.utf8"
same_as table.txt "LC_CTYPE wins over LANG; utf8 in any spelling"
run LC_ALL=C.UTF-8 -- table --ascii
same_as table.ascii.txt "--ascii in a UTF-8 locale"

# Width: 80 when stdout is not a terminal (COLUMNS is ignored then); --width overrides.
run LANG=C COLUMNS=50 -- table
same_as table.ascii.txt "COLUMNS without a terminal"
run LANG=C -- table --width 100
expect_ok "--width 100"
max_width=$(wc -L <"$tmp/out")
[ "$max_width" -le 100 ] && [ "$max_width" -gt 80 ] || fail "--width 100 gave lines $max_width wide"
run LANG=C -- table --width 40 --difference 1
expect_ok "--width 40 --difference 1"
max_width=$(wc -L <"$tmp/out")
[ "$max_width" -le 40 ] || fail "--width 40 --difference 1 gave lines $max_width wide"

# On a terminal the table takes the terminal's width (needs util-linux `script` for a pseudo-terminal).
if command -v script >/dev/null && script -qec true /dev/null </dev/null >/dev/null 2>&1; then
  (cd "$tmp" && env -i LANG=C TERM=dumb script -qec "stty cols 64 rows 40; '$bin' table" /dev/null \
    </dev/null >"$tmp/tty" 2>&1)
  tty_width=$(tr -d '\r' <"$tmp/tty" | wc -L)
  [ "$tty_width" -eq 64 ] || fail "on a 64-column terminal the table is $tty_width wide"
else
  skipped="no pseudo-terminal (util-linux script): the terminal-width check did not run"
fi

# Errors: exit 2, message on stderr, nothing on stdout.
run LANG=C.UTF-8 -- table --difference 9
expect_error "--difference 9"
expected="rolecheck: unknown difference '9'; use 1-4 or one of: business_concept, core_capabilities, execution_capabilities, essential_purpose"
[ "$(cat "$tmp/err")" = "$expected" ] || fail "--difference 9: stderr was: $(cat "$tmp/err")"
run LANG=C.UTF-8 -- table --difference purpose
expect_error "--difference purpose"
run LANG=C.UTF-8 -- table --difference 0
expect_error "--difference 0"
run LANG=C.UTF-8 -- table --difference ""
expect_error "an empty --difference"
run LANG=C.UTF-8 -- table --format yaml
expect_error "--format yaml"
run LANG=C.UTF-8 -- table --width 10
expect_error "--width 10"
run LANG=C.UTF-8 -- table --width abc
expect_error "--width abc"
run LANG=C.UTF-8 -- table extra
expect_error "an extra argument"

# A write error is reported, never silently lost.
if [ -w /dev/full ]; then
  (cd "$tmp" && env -i LANG=C.UTF-8 "$bin" table >/dev/full 2>"$tmp/err")
  status=$?
  [ "$status" -eq 2 ] || fail "writing to /dev/full: exit status $status, expected 2"
  grep -q '^rolecheck: ' "$tmp/err" || fail "writing to /dev/full: no 'rolecheck: ' message"
fi

# Help goes to stdout with examples, and exits 0.
run LANG=C.UTF-8 -- table --help
expect_ok "table --help"
grep -q 'Examples:' "$tmp/out" || fail "table --help has no examples"
grep -q -- '--difference' "$tmp/out" || fail "table --help does not mention --difference"

finish table
