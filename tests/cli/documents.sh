#!/usr/bin/env bash
# End-to-end tests of `rolecheck classify --unit document` and `--input jsonl`.
# Usage: documents.sh ROLECHECK_BINARY [SOURCE_DIR]; UPDATE_GOLDEN=1 rewrites the golden files.
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +o pipefail  # this script's pipelines fail only when their last command does
bin=$1
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
golden=$src/tests/golden/documents
examples=$src/data/examples
rc() { "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }
tax=(--taxonomy "$golden/taxonomy.json")

# Golden outputs (run from the source dir so file names in records are stable). stdout must equal
# NAME; stderr followed by "exit STATUS" must equal NAME.err when that exists, else be "exit 0" alone.
check_golden() {  # NAME COMMAND...
  local name=$1; shift
  (cd "$src" && "$@") >"$tmp/$name" 2>"$tmp/$name.err"
  echo "exit $?" >>"$tmp/$name.err"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/$name" "$golden/$name"
    if [ "$(cat "$tmp/$name.err")" = "exit 0" ]; then rm -f "$golden/$name.err"; else cp "$tmp/$name.err" "$golden/$name.err"; fi
    return
  fi
  diff -u "$golden/$name" "$tmp/$name" >"$tmp/diff" || { fail "golden $name differs"; head -40 "$tmp/diff"; }
  if [ -e "$golden/$name.err" ]; then
    diff -u "$golden/$name.err" "$tmp/$name.err" >"$tmp/diff" || { fail "golden $name: stderr or exit status differs"; head -20 "$tmp/diff"; }
  else
    expect_eq "golden $name: stderr and exit status" "$(cat "$tmp/$name.err")" "exit 0"
  fi
}
check_golden sales.txt "$bin" "${tax[@]}" classify --unit document --explain data/examples/posting_sales.txt
check_golden examples.tsv "$bin" "${tax[@]}" classify --unit document --format tsv \
  data/examples/posting_sales.txt data/examples/posting_marketing.txt data/examples/posting_hybrid.txt
check_golden examples.csv "$bin" "${tax[@]}" classify --unit document --format csv data/examples/posting_hybrid.txt
check_golden inputs.jsonl.out "$bin" "${tax[@]}" classify --input jsonl --format jsonl tests/golden/documents/inputs.jsonl
check_golden postings.json "$bin" "${tax[@]}" classify --input jsonl --format json data/examples/postings.jsonl

# The examples get the verdicts their names promise (with the embedded taxonomy).
for pair in sales:sales marketing:marketing hybrid:hybrid; do
  out=$("$bin" classify --unit document --format tsv "$examples/posting_${pair%%:*}.txt" | tail -n 1 | cut -f 4)
  expect_eq "verdict of posting_${pair%%:*}.txt" "$out" "${pair##*:}"
done

# A document with old Mac line endings (lone CRs) splits into the same duties as with LF.
printf 'Sales Rep\n\nResponsibilities\n- Sell cars to walk-in buyers\n- File paperwork\n' >"$tmp/lf.txt"
tr '\n' '\r' <"$tmp/lf.txt" >"$tmp/cr.txt"
"$bin" "${tax[@]}" classify --unit document --format jsonl "$tmp/lf.txt" | jq -c '[.duties[] | [.text, .label]]' >"$tmp/lf.out"
"$bin" "${tax[@]}" classify --unit document --format jsonl "$tmp/cr.txt" | jq -c '[.duties[] | [.text, .label]]' >"$tmp/cr.out"
expect_eq "CR-only document: duties as with LF" "$(cat "$tmp/cr.out")" "$(cat "$tmp/lf.out")"
expect_eq "CR-only document: three duties" "$(jq length "$tmp/cr.out")" 3

# JSONL: one record per input line (the blank line 5 is skipped and counted), bad lines get error
# records, the run goes on, exit 2.
status=$(rc "$bin" "${tax[@]}" classify --input jsonl --format jsonl "$golden/inputs.jsonl")
expect_eq "exit status with bad JSONL lines" "$status" 2
expect_eq "one record per non-blank JSONL line" "$(wc -l <"$tmp/out")" "$(($(wc -l <"$golden/inputs.jsonl") - 1))"
expect_eq "error records name their lines" "$(jq -c 'select(.error) | .line' "$tmp/out" | tr '\n' ' ')" "3 4 6 "
grep -qF "inputs.jsonl: 1 blank line skipped (not records)" "$tmp/err" || fail "the blank line is counted on stderr"
expect_eq "extra fields pass through" "$(jq -r 'select(.id == "sdr") | .team' "$tmp/out")" emea
expect_eq "a field named like an output field goes under input" "$(jq -r 'select(.id == 42) | .input.label' "$tmp/out")" marketing
expect_eq "nested fields pass through untouched" "$(jq -c 'select(.line == 7) | .nested' "$tmp/out")" '{"a":[1,2,{"b":null}]}'
grep -q 'inputs.jsonl:3' "$tmp/err" || fail "stderr names file:line of the bad line"

# Every reason span points at its match in the document; shares sum to 1 or 0.
"$bin" classify --input jsonl --format jsonl "$examples/postings.jsonl" >"$tmp/spans"
python3 - "$examples/postings.jsonl" "$tmp/spans" <<'PY' || fail "reason spans do not match the document text"
import json, sys
texts = [json.loads(line)["text"].encode() for line in open(sys.argv[1])]
for text, line in zip(texts, open(sys.argv[2])):
    record = json.loads(line)
    assert abs(sum(record["shares"].values()) - 1) < 1e-3, record["shares"]
    for duty in record["duties"]:
        b, e = duty["span"]
        assert text[b:e].decode() == duty["text"]
        for reason in duty["reasons"]:
            b, e = reason["span"]
            assert text[b:e].decode() == reason["match"], (reason, text[b:e])
    assert set(record["differences"]) == {"business_concept", "core_capabilities", "execution_capabilities", "essential_purpose"}
PY

# stdin is one document named "-"; CRLF gives the same verdict as LF.
out=$("$bin" "${tax[@]}" classify --unit document --format tsv <"$golden/crlf.txt" | tail -n 1 | cut -f 1,4)
expect_eq "stdin document" "$out" "-	sales"
tr -d '\r' <"$golden/crlf.txt" >"$tmp/lf.txt"
a=$("$bin" "${tax[@]}" classify --unit document --format tsv "$golden/crlf.txt" | tail -n 1 | cut -f 4-)
b=$("$bin" "${tax[@]}" classify --unit document --format tsv "$tmp/lf.txt" | tail -n 1 | cut -f 4-)
expect_eq "CRLF and LF verdicts" "$a" "$b"

# A document over 16 MiB gets an error record and exit 2; the next file is still classified.
yes "Sell products to customers." | head -c 17000000 >"$tmp/huge.txt"
status=$(rc "$bin" "${tax[@]}" classify --unit document --format tsv "$tmp/huge.txt" "$golden/crlf.txt")
expect_eq "exit status for an oversized document" "$status" 2
expect_eq "oversized document record, then the next" "$(cut -f 4 "$tmp/out" | tail -n 2 | tr '\n' ' ')" "unknown sales "
grep -q "larger than 16 MiB" "$tmp/out" || fail "oversized record says why"

# Missing files: message, the others still run, exit 2. Empty input: an unknown verdict.
status=$(rc "$bin" classify --unit document --format tsv "$tmp/missing.txt" "$golden/crlf.txt")
expect_eq "exit status with a missing file" "$status" 2
expect_eq "the other file still classified" "$(tail -n +2 "$tmp/out" | wc -l)" 1
status=$(rc "$bin" classify --unit document --format jsonl /dev/null)
expect_eq "empty document" "$status" 0
expect_eq "empty document label" "$(jq -r .label "$tmp/out")" unknown

# --count, --only, --expect and --quiet work on verdicts (hybrid and mixed name the same label).
# (On the fixture taxonomy, so the counts do not move when data/taxonomy.json is retuned.)
printf 'Store Clerk\n\n- Stock the shelves\n- Sweep the floor\n- File the invoices\n' >"$tmp/posting_other.txt"
postings=("$examples/posting_sales.txt" "$examples/posting_marketing.txt" "$examples/posting_hybrid.txt"
          "$tmp/posting_other.txt")
status=$(rc "$bin" "${tax[@]}" classify --unit document --count "${postings[@]}")
expect_eq "--count exit status" "$status" 0
expect_eq "--count over the four postings" "$(tr '\t\n' ': ' <"$tmp/out")" "sales:1 marketing:2 other:1 hybrid:0 unknown:0 "
status=$(rc "$bin" "${tax[@]}" classify --unit document --count --only other,unknown "${postings[@]}")
expect_eq "--count --only other,unknown" "$(tr '\t\n' ': ' <"$tmp/out")" "other:1 unknown:0 "
status=$(rc "$bin" "${tax[@]}" classify --unit document --only mixed --only other --format tsv "${postings[@]}")
expect_eq "--only mixed --only other" "$(tail -n +2 "$tmp/out" | cut -f4 | tr '\n' ' ')" "other "
status=$(rc "$bin" "${tax[@]}" classify --unit document -q --expect other "$tmp/posting_other.txt")
expect_eq "--expect other on a posting of other work" "$status" 0
status=$(rc "$bin" "${tax[@]}" classify --unit document -q --expect other "$examples/posting_sales.txt")
expect_eq "--expect other on a sales posting" "$status" 1
status=$(rc "$bin" classify --unit document --only sales --format json "${postings[@]}")
expect_eq "--only sales in JSON (one valid array)" "$(jq -r '.[].label' "$tmp/out" | tr '\n' ' ')" "sales "
status=$(rc "$bin" classify --unit document --only unknown --format json "${postings[@]}")
expect_eq "--only with no match prints an empty JSON array" "$status:$(cat "$tmp/out")" "0:[]"
status=$(rc "$bin" classify --unit document -q --expect sales "$examples/posting_sales.txt")
expect_eq "-q --expect sales on a sales posting" "$status:$(wc -c <"$tmp/out")" "0:0"
status=$(rc "$bin" classify --unit document -q --expect sales "${postings[@]}")
expect_eq "--expect sales over mixed verdicts" "$status" 1
status=$(rc "$bin" classify --input jsonl --expect hybrid --count "$golden/crlf.txt")
expect_eq "an error record makes the exit status 2 even with --expect" "$status" 2

# A verdict below --min-confidence is unknown: no vote shares, and the text report says there is no verdict
# (not that the posting is not a sales or marketing role).
out=$(printf 'Close deals with customers\nRun ad campaigns\n' | "$bin" classify --unit document --min-confidence 0.99 -)
echo "$out" | grep -q "^-: unknown" || fail "min-confidence 0.99 document: not unknown: $out"
echo "$out" | grep -q "^  shares: -, no verdict (" || fail "unknown document: shares line: $out"

finish documents
