#!/usr/bin/env bash
# The edge-case contracts of docs/output.md (*Contracts*): empty input (`[]` for --format json, nothing in
# the other formats), --expect on empty input, --max-line-bytes with document input, and what a document
# record's spans index when the file starts with a UTF-8 BOM.
# Usage: contracts.sh ROLECHECK
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
plain_env
cd "$tmp" || exit 1
run() { "$bin" "$@" >out.txt 2>err.txt; status=$?; }
: >empty.txt
printf 'Stock shelves\n' >other.txt

# 1. Empty input: --format json prints [] (what json.load expects), the other formats nothing; exit 0.
# The same with -j 2, from stdin, in document mode (JSONL with no lines), and when --only keeps nothing.
for source in "empty.txt" "-j 2 empty.txt" "--input jsonl empty.txt" "--input jsonl -j 2 empty.txt" \
  "--only sales other.txt" "--unit document --only sales other.txt"; do
  # shellcheck disable=SC2086
  run classify -f json $source
  expect_eq "json, $source: status" "$status" 0
  expect_eq "json, $source: output" "$(cat out.txt)" "[]"
  python3 -c 'import json, sys; assert json.load(open(sys.argv[1])) == []' out.txt || fail "json, $source: not an empty JSON array"
  [ -s err.txt ] && fail "json, $source: stderr: $(cat err.txt)"
  for format in text jsonl tsv csv; do
    # shellcheck disable=SC2086
    run classify -f "$format" $source
    expect_eq "$format, $source: status" "$status" 0
    [ -s out.txt ] && fail "$format, $source: expected no output, got: $(head -c 200 out.txt)"
  done
done
"$bin" classify -f json <empty.txt >out.txt || fail "json from an empty stdin: exit $?"
expect_eq "json from an empty stdin" "$(cat out.txt)" "[]"
# --count on empty input: every label with 0.
run classify --count empty.txt
expect_eq "--count empty: status" "$status" 0
expect_eq "--count empty" "$(cut -f2 out.txt | sort -u)" 0

# 2. --expect on empty input exits 1 (nothing was shown to have the label); one matching record exits 0.
for mode in "" "--input jsonl"; do
  # shellcheck disable=SC2086
  run classify -q --expect sales $mode empty.txt
  expect_eq "--expect on empty input ($mode): status" "$status" 1
  [ -s out.txt ] || [ -s err.txt ] && fail "--expect -q on empty input ($mode): printed something"
done
printf 'Close deals with new customers\n' >sales.txt
run classify -q --expect sales sales.txt
expect_eq "--expect sales on a sales line" "$status" 0
run classify -q --expect sales other.txt
expect_eq "--expect sales on an other line" "$status" 1
run classify -q --expect sales missing.txt
expect_eq "--expect with a missing input" "$status" 2

# 3. --max-line-bytes governs line mode only: with document input it is refused (exit 2, a message
# naming the document cap), never silently ignored.
for mode in "--unit document" "--input jsonl"; do
  for command in "classify" "report -o page.html"; do
    # shellcheck disable=SC2086
    run $command $mode --max-line-bytes 100 sales.txt
    expect_eq "$command $mode --max-line-bytes: status" "$status" 2
    grep -q "rolecheck: --max-line-bytes applies to line mode only; .* capped at 16 MiB" err.txt ||
      fail "$command $mode --max-line-bytes: message: $(cat err.txt)"
  done
done
run classify --max-line-bytes 10 sales.txt
expect_eq "--max-line-bytes in line mode: status" "$status" 0
grep -q "line longer than --max-line-bytes=10" err.txt || fail "--max-line-bytes in line mode: no warning"

# 4. Document spans index the document text: a file with a UTF-8 BOM gives the same record as without
# it, and its spans plus 3 index the file's bytes (the mapping docs/output.md gives).
printf 'Account Executive\n\nResponsibilities\n- Close deals with buyers\n- Write blog posts for the brand\n' >plain.txt
{ printf '\xef\xbb\xbf'; cat plain.txt; } >bom.txt
"$bin" classify --unit document -f jsonl plain.txt | sed 's/"plain.txt"/"F"/g' >plain.jsonl
"$bin" classify --unit document -f jsonl bom.txt | sed 's/"bom.txt"/"F"/g' >bom.jsonl
cmp -s plain.jsonl bom.jsonl || fail "a BOM changes the document record: $(diff plain.jsonl bom.jsonl | head -5)"
python3 - bom.txt bom.jsonl <<'PY' || fail "document spans do not map to the file's bytes by adding 3 after a BOM"
import json, sys
raw = open(sys.argv[1], "rb").read()
offset = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
assert offset == 3
record = json.loads(open(sys.argv[2]).read())
checked = 0
for duty in record["duties"]:
    begin, end = duty["span"]
    assert raw[begin + offset:end + offset].decode() == duty["text"], duty
    for reason in duty["reasons"] + duty["other_work"]:
        b, e = reason["span"]
        assert raw[b + offset:e + offset].decode() == reason["match"], reason
        checked += 1
for difference in record["differences"].values():
    if difference["strongest"]:
        b, e = difference["strongest"]["span"]
        assert raw[b + offset:e + offset].decode() == difference["strongest"]["match"]
assert checked >= 3, checked
PY

finish contracts
