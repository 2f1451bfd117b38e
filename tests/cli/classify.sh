#!/usr/bin/env bash
# End-to-end tests of `rolecheck classify`: formats (golden files), stdin, several files, blank lines,
# --only, --count, --expect, exit codes, stdout vs stderr.
# Usage: classify.sh ROLECHECK SOURCE_DIR   (UPDATE_GOLDEN=1 rewrites the golden files)
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$2
golden=$src/tests/golden
examples=$src/data/examples
plain_env

# check_golden NAME COMMAND...: stdout must equal tests/golden/NAME, stderr must be empty, exit 0.
check_golden() {
  local name=$1; shift
  (cd "$src" && "$@") >"$tmp/out" 2>"$tmp/err"
  local status=$?
  [ $status -eq 0 ] || fail "$name: exit $status"
  [ -s "$tmp/err" ] && fail "$name: unexpected stderr: $(head -3 "$tmp/err")"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/out" "$golden/$name"; return; fi
  diff -u "$golden/$name" "$tmp/out" >"$tmp/diff" || fail "$name differs from golden:\n$(head -20 "$tmp/diff")"
}

for format in text jsonl json tsv csv; do
  check_golden "classify.$format" "$bin" classify --format "$format" data/examples/duties.txt
done
check_golden classify.explain.txt "$bin" classify --explain data/examples/duties.txt
check_golden explain.txt "$bin" explain "Not responsible for directly selling products to customers"

# One record per input line, blank lines included, in order; stdin and '-' are the same.
lines=$(wc -l <"$examples/duties.txt")
records=$("$bin" classify --format jsonl <"$examples/duties.txt" | wc -l)
[ "$records" -eq "$lines" ] || fail "stdin: $records records for $lines lines"
"$bin" classify --format tsv - <"$examples/duties.txt" | cut -f1 | sort -u | tail -n +1 | grep -qx -- '-' || fail "stdin records must name file '-'"

# Several files in order, with file names and line numbers; a missing final newline changes nothing.
printf 'Sell cars' >"$tmp/a.txt"
printf 'Write press releases\n\n' >"$tmp/b.txt"
"$bin" classify --format tsv "$tmp/a.txt" "$tmp/b.txt" >"$tmp/out" || fail "two files: exit $?"
expected="file	line	label
$tmp/a.txt	1	sales
$tmp/b.txt	1	marketing
$tmp/b.txt	2	unknown"
[ "$(cut -f1-3 "$tmp/out")" = "$expected" ] || fail "two files: got $(cat "$tmp/out")"

# JSON Lines: spans select the match inside text; a labelled record has a reason on its side.
"$bin" classify --format jsonl "$examples/duties.txt" | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    raw = r["text"].encode()
    for x in r["reasons"]:
        b, e = x["span"]
        assert raw[b:e].decode() == x["match"], (r["line"], x)
    if r["label"] in ("sales", "marketing"):
        assert any(x["side"] == r["label"] and not x["negated"] and x["weight"] > 0 for x in r["reasons"]), r
    assert 0 <= r["confidence"] <= 1
' || fail "jsonl invariants"

# The article's own sentence is marketing, with the negation recorded.
out=$(echo "Marketers are not responsible for directly selling products to customers" | "$bin" classify --format jsonl)
echo "$out" | grep -q '"label":"marketing"' || fail "negated selling should be marketing: $out"
echo "$out" | grep -q '"negated":true' || fail "negation not recorded: $out"

# Negation stated after the work reaches backward; it negates nothing after it.
printf '%s\n' "Cold calling is not required for this position" "Closing deals is not part of this role" \
  "Lead generation is not part of this role" "Prospecting is not expected; leads are provided" \
  "You are not required to cold call" >"$tmp/after.txt"
"$bin" classify --format tsv "$tmp/after.txt" | tail -n +2 | cut -f3 >"$tmp/out"
expect_eq "backward negation labels" "$(grep -c -e '^sales$' -e '^marketing$' "$tmp/out")" 0
"$bin" explain "Cold calling is not required" >"$tmp/out"
expect_grep "explain backward" '"not required" at [16, 28) governs up to 5 preceding words in its clause' "$tmp/out"
expect_grep "explain governed cue" '(by "not required" after it)' "$tmp/out"
out=$(echo "Travel is not required and close deals" | "$bin" classify --format tsv | tail -n +2 | cut -f3)
expect_eq "a backward negation negates nothing after it" "$out" sales
# Relative clauses are not negations of the duty: "handled by" and "owned by" are not after-phrases.
printf '%s\n' "Sell products that are owned by the dealership" "Close deals on accounts that are handled by your territory" |
  "$bin" classify --format tsv | tail -n +2 | cut -f3 >"$tmp/out"
expect_eq "relative clauses keep the duty" "$(tr '\n' ' ' <"$tmp/out")" "sales sales "
"$bin" taxonomy show >"$tmp/out"
expect_grep "taxonomy show counts after-phrases" 'after-phrases, scope 5 words' "$tmp/out"

# --only and --count.
[ "$("$bin" classify --only marketing --format tsv "$examples/duties.txt" | tail -n +2 | cut -f3 | sort -u)" = marketing ] \
  || fail "--only marketing"
"$bin" classify --count "$examples/duties.txt" >"$tmp/out"
[ "$(cut -f1 "$tmp/out" | tr '\n' ' ')" = "sales marketing other mixed unknown " ] || fail "--count labels: $(cat "$tmp/out")"
[ "$(awk '{ total += $2 } END { print total }' "$tmp/out")" -eq "$lines" ] || fail "--count total"

# The label other: --only, --expect, and the JSON record's other-work evidence (on a fixture taxonomy).
cat >"$tmp/three.json" <<'JSON'
{"schema_version": 1, "title": "t", "source": "t",
 "thresholds": {"min_evidence": 1.0, "mixed_share": 0.6, "evidence_scale": 2.0},
 "negation": {"words": ["not"], "scope": 3}, "skip_words": ["the"],
 "differences": [
  {"id": "business_concept", "name": "B", "sales": {"summary": "s", "quotes": []}, "marketing": {"summary": "m", "quotes": []},
   "cues": [{"id": "sales.close", "side": "sales", "weight": 2, "phrases": ["close deals"], "rationale": "r"},
            {"id": "sales.customer", "side": "sales", "role": "support", "weight": 0.5, "phrases": ["customers"], "rationale": "r"}]},
  {"id": "core_capabilities", "name": "C", "sales": {"summary": "s", "quotes": []}, "marketing": {"summary": "m", "quotes": []},
   "cues": [{"id": "marketing.campaign", "side": "marketing", "weight": 2, "phrases": ["campaign"], "rationale": "r"}]},
  {"id": "execution_capabilities", "name": "E", "sales": {"summary": "s", "quotes": []}, "marketing": {"summary": "m", "quotes": []}, "cues": []},
  {"id": "essential_purpose", "name": "P", "sales": {"summary": "s", "quotes": []}, "marketing": {"summary": "m", "quotes": []}, "cues": []}],
 "other_work": {"summary": "o", "quotes": [], "cues": [{"id": "other.stock", "weight": 1, "phrases": ["stock shelves"]}]}}
JSON
printf 'Close deals\nStock shelves for customers\nPlan a campaign\n' >"$tmp/three.txt"
three=("$bin" --taxonomy "$tmp/three.json" classify)
[ "$("${three[@]}" --only other --format tsv "$tmp/three.txt" | tail -n +2 | cut -f3,5)" = "other	sales.customer+0.5 other:other.stock+1" ] \
  || fail "--only other (tsv): $("${three[@]}" --only other --format tsv "$tmp/three.txt")"
[ "$("${three[@]}" --count "$tmp/three.txt" | tr '\t\n' ': ')" = "sales:1 marketing:1 other:1 mixed:0 unknown:0 " ] || fail "--count other"
echo "Stock shelves" | "${three[@]}" -q --expect other || fail "--expect other on other work should exit 0"
echo "Close deals" | "${three[@]}" -q --expect other; [ $? -eq 1 ] || fail "--expect other on a sales duty should exit 1"
"${three[@]}" --format jsonl "$tmp/three.txt" | sed -n 2p | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
assert r["label"] == "other", r
assert r["basis"] == "only evidence of how work is done, none of sales or marketing work", r
assert r["scores"] == {"sales": 0.5, "marketing": 0, "other": 1} and r["core"] == {"sales": 0, "marketing": 0}, r
assert [x["role"] for x in r["reasons"]] == ["support"], r
assert r["other_work"] == [{"cue": "other.stock", "match": "Stock shelves", "span": [0, 13], "weight": 1, "negated": False}], r
' || fail "jsonl other record"
"${three[@]}" --explain "$tmp/three.txt" | grep -q '^    other_work              other     other   other.stock                      "Stock shelves" +1$' \
  || fail "--explain lists other-work matches: $("${three[@]}" --explain "$tmp/three.txt")"
"${three[@]}" --explain --color always "$tmp/three.txt" | grep -q $'\x1b\[1;4;36mStock shelves' || fail "other-work highlight"

# --expect with -q: exit 0 when every record has the label, 1 otherwise, nothing printed.
out=$(echo "Cold-call prospects" | "$bin" classify -q --expect sales); status=$?
[ $status -eq 0 ] && [ -z "$out" ] || fail "--expect sales on a sales duty: exit $status, output '$out'"
echo "Write press releases" | "$bin" classify -q --expect sales; [ $? -eq 1 ] || fail "--expect sales on marketing should exit 1"

# Exit codes: usage errors and missing files are 2, messages on stderr, the other files still processed.
"$bin" classify --format nonsense "$examples/duties.txt" >/dev/null 2>&1; [ $? -eq 2 ] || fail "bad --format should exit 2"
"$bin" classify "$tmp/missing.txt" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; status=$?
[ $status -eq 2 ] || fail "missing file: exit $status"
grep -q "rolecheck: $tmp/missing.txt: No such file or directory" "$tmp/err" || fail "missing file message: $(cat "$tmp/err")"
grep -q "Sell cars" "$tmp/out" || fail "the other file must still be processed"
"$bin" classify "$tmp" >/dev/null 2>"$tmp/err"; [ $? -eq 2 ] && grep -q "is a directory" "$tmp/err" || fail "directory argument"
for format in text jsonl tsv csv; do
  : | "$bin" classify --format $format >"$tmp/out"; [ $? -eq 0 ] && [ ! -s "$tmp/out" ] || fail "empty input, $format: no output, exit 0"
done
# JSON is one valid (empty) array on empty input (docs/output.md, Contracts).
: | "$bin" classify --format json >"$tmp/out"; [ $? -eq 0 ] && [ "$(cat "$tmp/out")" = "[]" ] || fail "empty input, json: [], exit 0"
# --only takes one value per use (comma lists allowed) and never swallows the FILE after it.
[ "$("$bin" classify --only sales --format tsv "$examples/duties.txt" | tail -n +2 | cut -f3 | sort -u)" = sales ] \
  || fail "--only sales FILE"
[ "$("$bin" classify --only sales,marketing --only unknown --format tsv "$examples/duties.txt" | tail -n +2 | cut -f3 | sort -u | tr '\n' ' ')" = "marketing sales unknown " ] \
  || fail "--only repeated and comma lists"
"$bin" --help >"$tmp/out" 2>"$tmp/err"; [ $? -eq 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || fail "--help on stdout, exit 0"
version_text=$("$bin" --version) || fail "--version failed"  # captured: grep -q may close a pipe early
grep -q "[0-9]\+\.[0-9]\+\.[0-9]\+" <<<"$version_text" || fail "--version"
"$bin" frobnicate >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown subcommand should exit 2"

# The embedded taxonomy: works from a folder with no data files.
(cd "$tmp" && echo "Close deals" | "$bin" classify --format tsv | grep -q sales) || fail "embedded taxonomy from an empty folder"

# -o writes the file atomically and prints nothing.
"$bin" classify -o "$tmp/result.tsv" --format tsv "$examples/duties.txt" >"$tmp/out" || fail "-o exit"
[ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/result.tsv")" -eq $((lines + 1)) ] || fail "-o content"
ls "$tmp" | grep -q tmp- && fail "-o left a temporary file"

finish classify
