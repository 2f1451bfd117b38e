#!/usr/bin/env bash
# The embedded taxonomy is restored from a build-time snapshot; `--taxonomy data/taxonomy.json` parses and
# compiles the same file at run time. Every output must be byte-identical between the two, and --version
# must still print the hash of the embedded JSON. Usage: snapshot.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +o pipefail  # this script's pipelines fail only when their last command does
bin=$(realpath "$1")
src=$(realpath "$2")
json=$src/data/taxonomy.json
unset ROLECHECK_TAXONOMY
export LC_ALL=C.UTF-8

# Inputs: the examples, the fixture descriptions and (when present) the labelled dev data's duties.
cat "$src"/data/examples/*.txt >"$tmp/lines.txt"
cut -f2 "$src/tests/fixtures/occupation_descriptions.tsv" | tail -n +2 >>"$tmp/lines.txt"
for dev in "$src"/../shared/data/*.tsv; do
  [ -f "$dev" ] && cut -f2 "$dev" | tail -n +2 >>"$tmp/lines.txt"
done
[ "$(wc -l <"$tmp/lines.txt")" -gt 100 ] || fail "too few input lines"

# same NAME ARGS...: runs ARGS with the embedded taxonomy and with --taxonomy FILE, then compares.
same() {
  local name=$1
  shift
  "$bin" "$@" >"$tmp/embedded" 2>&1
  local status_embedded=$?
  "$bin" --taxonomy "$json" "$@" >"$tmp/file" 2>&1
  local status_file=$?
  [ "$status_embedded" = "$status_file" ] || fail "$name: exit $status_embedded embedded, $status_file with --taxonomy"
  cmp -s "$tmp/embedded" "$tmp/file" || fail "$name: output differs: $(diff "$tmp/embedded" "$tmp/file" | head -4)"
  [ -s "$tmp/embedded" ] || fail "$name: no output"
}
for format in tsv jsonl csv text; do
  same "classify --format $format" classify --format "$format" "$tmp/lines.txt"
done
same "classify --explain" classify --explain "$tmp/lines.txt"
same "classify --unit document" classify --unit document --format jsonl "$src/data/examples/posting_hybrid.txt"
same "classify --input jsonl" classify --input jsonl --format jsonl "$src/data/examples/postings.jsonl"
same "explain" explain "Cold-call prospects and close deals, not only brand campaigns"
same "table" table --format markdown
same "table json" table --format json
same "taxonomy show json" taxonomy show --format json
same "stats" stats "$tmp/lines.txt"

# --version: the schema version and the FNV-1a 64 hash of the embedded JSON (as before the snapshot).
expected=$(python3 -c '
import sys
h = 0xcbf29ce484222325
for b in open(sys.argv[1], "rb").read():
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
print("%016x" % h)' "$json" | cut -c1-12)
schema=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["schema_version"])' "$json")
"$bin" --version >"$tmp/version.txt" || fail "--version failed"  # a file: grep -q may close a pipe early
grep -qx "taxonomy schema $schema, embedded taxonomy fnv1a64:$expected" "$tmp/version.txt" ||
  fail "--version: $("$bin" --version | tail -1), expected schema $schema and fnv1a64:$expected"

finish snapshot
