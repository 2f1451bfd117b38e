#!/usr/bin/env bash
# End-to-end tests of help and version: every subcommand's --help shows examples, mistyped options and
# subcommands get a "did you mean", and --version names the embedded taxonomy by schema and hash.
# Usage: help.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$1
src=$2
embedded_env

# Every subcommand listed by --help has examples in its own --help (stdout, exit 0).
"$bin" --help >"$tmp/help" || fail "--help exits $?"
subcommands=$(sed -n '/^Subcommands:/,/^$/p' "$tmp/help" | awk 'NR > 1 && NF { print $1 }')
[ "$(echo "$subcommands" | wc -w)" -ge 7 ] || fail "expected at least 7 subcommands, got: $subcommands"
for name in $subcommands; do
  "$bin" "$name" --help >"$tmp/sub" 2>"$tmp/err" || fail "$name --help exits $?"
  [ -s "$tmp/err" ] && fail "$name --help wrote to stderr"
  grep -q '^Examples:' "$tmp/sub" || fail "$name --help has no Examples section"
done
for name in stats report; do
  grep -q "rolecheck $name " <("$bin" "$name" --help) || fail "$name --help: examples do not show '$name'"
done

# "Did you mean": exit 2, CLI11's message, then the nearest valid word.
expect_hint() {
  local hint=$1; shift
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  [ $status -eq 2 ] || fail "$*: exit $status, expected 2"
  grep -qF "rolecheck: " "$tmp/err" || fail "$*: no rolecheck: prefix in $(cat "$tmp/err")"
  grep -qF "did you mean '$hint'?" "$tmp/err" || fail "$*: expected a hint for '$hint', got: $(cat "$tmp/err")"
}
expect_hint --format classify --fromat json "$src/data/examples/duties.txt"
expect_hint --explain classify --explian "$src/data/examples/duties.txt"
expect_hint --format classify --formt=json "$src/data/examples/duties.txt"
expect_hint classify clasify "$src/data/examples/duties.txt"
expect_hint stats stat "$src/data/examples/duties.txt"
expect_hint --sort stats --sotr precision "$src/data/examples/duties.txt"
expect_hint --title report --tilte x -o "$tmp/r.html" "$src/data/examples/duties.txt"
expect_hint --version --versoin
expect_hint --errors eval --erors 3 "$src/data/examples/duties.txt"
# An option of another subcommand is not "near" by accident, and nothing close means no hint.
"$bin" classify --zebra "$src/data/examples/duties.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "--zebra must exit 2"
grep -q "did you mean" "$tmp/err" && fail "--zebra: unexpected hint $(cat "$tmp/err")"
# --only takes one value per use: a file after it stays a file.
"$bin" classify --only sales "$src/data/examples/duties.txt" >"$tmp/out" 2>"$tmp/err" ||
  fail "--only sales FILE: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && ! grep -qv '^sales ' "$tmp/out" || fail "--only sales FILE: expected only sales records"
# Every parse error is one "rolecheck: " line plus where to look, naming the subcommand in use.
"$bin" taxonomy validate --bogus >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "taxonomy validate --bogus must exit 2"
[ "$(cat "$tmp/err")" = "rolecheck: The following argument was not expected: --bogus
Try 'rolecheck taxonomy validate --help' for more information." ] || fail "--bogus: got $(cat "$tmp/err")"
# A count or confidence option says whether the value is no number or out of range (CLI::Range says "not in
# range" to both).
for args in "-j abc|--jobs: 'abc' is not a whole number (give one from 1 to 256)" \
  "-j 0|--jobs: 0 is out of range (give a whole number from 1 to 256)" \
  "-j 99999999999999999999999|--jobs: 99999999999999999999999 is out of range (give a whole number from 1 to 256)" \
  "--max-line-bytes 1e3|--max-line-bytes: '1e3' is not a whole number (give one from 1 to 1073741824)" \
  "--min-confidence 2|--min-confidence: 2 is out of range (give a number from 0 to 1)" \
  "--min-confidence abc|--min-confidence: 'abc' is not a number (give one from 0 to 1, such as 0.6)"; do
  read -ra argv <<<"${args%%|*}"
  "$bin" classify "${argv[@]}" /dev/null >/dev/null 2>"$tmp/err"
  [ $? -eq 2 ] || fail "classify ${args%%|*} must exit 2"
  [ "$(head -n 1 "$tmp/err")" = "rolecheck: ${args#*|}" ] || fail "classify ${args%%|*}: got $(cat "$tmp/err")"
done
# A leading zero is decimal (CLI11 alone would read 010 as octal 8).
printf '123456789\n' | "$bin" classify --max-line-bytes 010 >/dev/null 2>"$tmp/err"
[ -s "$tmp/err" ] && fail "--max-line-bytes 010 flagged a 9-byte line (read as octal 8?): $(cat "$tmp/err")"
printf '12345678901\n' | "$bin" classify --max-line-bytes 010 >/dev/null 2>"$tmp/err"
grep -qF -- "--max-line-bytes=10 labelled unknown" "$tmp/err" || fail "--max-line-bytes 010: expected 10, got $(cat "$tmp/err")"
"$bin" table --width 5 >/dev/null 2>"$tmp/err"
grep -qxF "rolecheck: --width: 5 is out of range (give a whole number from 40 to 10000)" "$tmp/err" ||
  fail "table --width 5: got $(cat "$tmp/err")"
"$bin" classify --fromat json x >/dev/null 2>"$tmp/err"
[ "$(wc -l <"$tmp/err")" -eq 2 ] || fail "--fromat: expected the hint and the help pointer only, got $(cat "$tmp/err")"
grep -qxF "Try 'rolecheck classify --help' for more information." "$tmp/err" || fail "--fromat: no help pointer"
# Values after options are not mistaken for subcommands or options.
"$bin" classify --format json "$src/data/examples/duties.txt" --only sales >/dev/null 2>"$tmp/err" ||
  fail "valid command line failed: $(cat "$tmp/err")"

# `help [SUBCOMMAND...]` prints what --help prints; `version` and -V what --version prints.
"$bin" --help >"$tmp/a" && "$bin" help >"$tmp/b" || fail "help exits $?"
cmp -s "$tmp/a" "$tmp/b" || fail "help differs from --help: $(diff "$tmp/a" "$tmp/b")"
for words in classify explain "taxonomy validate" "taxonomy show"; do
  # shellcheck disable=SC2086
  "$bin" $words --help >"$tmp/a" && "$bin" help $words >"$tmp/b" 2>"$tmp/err" || fail "help $words exits $?"
  cmp -s "$tmp/a" "$tmp/b" || fail "help $words differs from $words --help: $(diff "$tmp/a" "$tmp/b")"
done
"$bin" help clasify >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "help clasify must exit 2"
grep -qxF "rolecheck: unknown subcommand 'clasify'; did you mean 'classify'?" "$tmp/err" || fail "help clasify: $(cat "$tmp/err")"
"$bin" --version >"$tmp/a" && "$bin" version >"$tmp/b" && "$bin" -V >"$tmp/c" || fail "version or -V failed"
cmp -s "$tmp/a" "$tmp/b" && cmp -s "$tmp/a" "$tmp/c" || fail "version, -V and --version differ"

# An unknown word says so, with the nearest name or the list of names (not "A subcommand is required").
"$bin" zebra >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "zebra must exit 2"
grep -qF "rolecheck: unknown subcommand 'zebra'; the subcommands are: table, classify," "$tmp/err" ||
  fail "zebra: $(cat "$tmp/err")"
grep -q "A subcommand is required" "$tmp/err" && fail "zebra: CLI11's message leaked"
"$bin" taxonomy zebra >/dev/null 2>"$tmp/err"
grep -qxF "rolecheck: unknown subcommand 'zebra'; the subcommands are: validate, show" "$tmp/err" ||
  fail "taxonomy zebra: $(cat "$tmp/err")"

# Global options before or after the subcommand (and after the files), the same output.
duties=$src/data/examples/duties.txt
"$bin" --taxonomy "$src/data/taxonomy.json" --color always classify "$duties" >"$tmp/a" || fail "global before"
"$bin" classify --taxonomy "$src/data/taxonomy.json" --color always "$duties" >"$tmp/b" || fail "global after"
"$bin" classify "$duties" --color=always --taxonomy="$src/data/taxonomy.json" >"$tmp/c" || fail "global last"
cmp -s "$tmp/a" "$tmp/b" && cmp -s "$tmp/a" "$tmp/c" || fail "global options: the output depends on their place"
grep -q $'\e\[' "$tmp/b" || fail "--color always after the subcommand: no colour"
"$bin" taxonomy show --taxonomy "$src/tests/fixtures/taxonomy/valid.json" >"$tmp/out" || fail "taxonomy show --taxonomy"
grep -q "Fixture taxonomy" "$tmp/out" || fail "--taxonomy after 'taxonomy show' was ignored"
"$bin" classify --color sometimes "$duties" >/dev/null 2>&1 && fail "--color sometimes accepted"
# Captured first: with pipefail, grep -q closing the pipe early would make the pipeline fail at random.
"$bin" classify --help >"$tmp/classify_help" || fail "classify --help failed"
grep -qF "Global options, before or after the subcommand: --taxonomy FILE, --color" "$tmp/classify_help" ||
  fail "classify --help does not mention the global options"

# --version: the version, then the taxonomy's schema and the FNV-1a 64 hash of the embedded JSON.
"$bin" --version >"$tmp/version" || fail "--version exits $?"
grep -qE '^rolecheck [0-9]+\.[0-9]+\.[0-9]+$' <(head -1 "$tmp/version") || fail "--version first line: $(head -1 "$tmp/version")"
expected=$(python3 - "$src/data/taxonomy.json" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
h = 0xcbf29ce484222325
for b in data:
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
print(f"taxonomy schema {json.loads(data)['schema_version']}, embedded taxonomy fnv1a64:{h:016x}"[:-4])
PY
)
[ "$(sed -n 2p "$tmp/version")" = "$expected" ] || fail "--version: got '$(sed -n 2p "$tmp/version")', expected '$expected'"

finish help
