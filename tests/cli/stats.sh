#!/usr/bin/env bash
# End-to-end tests of `rolecheck stats`: plain duties, labelled TSV and JSONL, three-way gold with
# --label-column (golden report on a fixture taxonomy), false alarms, sorting, JSON, errors.
# Usage: stats.sh ROLECHECK SOURCE_DIR   (UPDATE_GOLDEN=1 rewrites tests/golden/stats.txt)
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$1
src=$2
plain_env
duties=$src/data/examples/duties.txt

# Plain duties: every line counts; text sorted by coverage (the "lines" column never increases).
"$bin" stats "$duties" >"$tmp/out" 2>"$tmp/err" || fail "plain: exit $?"
[ -s "$tmp/err" ] && fail "plain: stderr $(cat "$tmp/err")"
lines=$(wc -l <"$duties")
head -1 "$tmp/out" | grep -q "^$lines lines, " || fail "plain: header $(head -1 "$tmp/out")"
grep -q precision "$tmp/out" && fail "plain: precision shown without labels"
awk 'NR > 3 && NF >= 9 && $1 ~ /\./ { if (seen && $6 > last) bad = 1; last = $6; seen = 1 } END { exit bad }' "$tmp/out" ||
  fail "plain: not sorted by coverage"
"$bin" stats <"$duties" | head -1 | grep -q "^$lines lines" || fail "stdin"

# JSON: valid, one entry per cue, counts consistent, sorted by the requested key.
"$bin" stats --format json --sort conflicts "$duties" >"$tmp/json" || fail "json: exit $?"
python3 - "$tmp/json" "$lines" <<'PY' || fail "json checks"
import json, sys
report = json.load(open(sys.argv[1]))
lines = int(sys.argv[2])
assert report["lines"] == lines, report["lines"]
assert report["labelled_lines"] == 0
assert report["sort"] == "conflicts"
cues = report["cues"]
assert len(cues) > 20, len(cues)
assert all(c["precision"] is None for c in cues)
assert all(c["conflicts"] <= c["overlaps"] <= c["lines"] <= lines for c in cues)
assert all(abs(c["coverage"] - c["lines"] / lines) < 1e-3 for c in cues)
keys = [(c["conflicts"], c["lines"]) for c in cues]
assert keys == sorted(keys, reverse=True), keys
PY

# Labelled TSV (extra columns ignored) and JSONL: precision and example errors.
printf 'source\tlabel\ttext\nx\tsales\tSell cars to dealers\nx\tmarketing\tSell advertising space\nx\tmarketing\tWrite press releases\n' >"$tmp/labelled.tsv"
printf '{"label":"sales","text":"Sell cars to dealers"}\n{"label":"marketing","text":"Sell advertising space"}\n{"label":"marketing","text":"Write press releases"}\n' >"$tmp/labelled.jsonl"
for file in labelled.tsv labelled.jsonl; do
  "$bin" stats --format json --sort precision --errors 5 "$tmp/$file" >"$tmp/json" 2>"$tmp/err" || fail "$file: exit $? $(cat "$tmp/err")"
  python3 - "$tmp/json" <<'PY' || fail "$file: json checks"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["lines"] == 3 and report["labelled_lines"] == 3, report
cues = report["cues"]
labelled = [c for c in cues if c["precision"] is not None]
assert labelled, "no cue with a precision"
assert [c["precision"] for c in labelled] == sorted(c["precision"] for c in labelled)
assert all(c["precision"] is None for c in cues[len(labelled):]), "unlabelled cues must come last"
sell = [c for c in cues if c["lines"] and any(e["text"] == "Sell advertising space" for e in c["errors"])]
assert sell, "the sales cue firing on 'Sell advertising space' must list it as an error"
assert all(e["gold"] == "marketing" and e["where"].rsplit(":", 1)[1] in ("2", "3") for c in sell for e in c["errors"])
PY
done
"$bin" stats --errors 1 "$tmp/labelled.tsv" >"$tmp/out" || fail "labelled text: exit $?"
grep -q "precision" "$tmp/out" || fail "labelled text: no precision column"
grep -q "example errors" "$tmp/out" || fail "labelled text: no example errors"
grep -q "Sell advertising space" "$tmp/out" || fail "labelled text: the error is not shown"
"$bin" stats --top 3 "$duties" | grep -q "more cues; --top 0 lists all" || fail "--top 3 must say more cues exist"

# Bad input: exit 2 with a located message; the rest is still reported.
printf 'label\ttext\nsales\tSell cars\nsalez\tSell boats\n' >"$tmp/bad.tsv"
"$bin" stats "$tmp/bad.tsv" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "bad label: exit must be 2"
grep -q 'bad.tsv:3.*label must be sales, marketing, other or ambiguous, got "salez"' "$tmp/err" || fail "bad label: $(cat "$tmp/err")"
grep -q "^1 lines" "$tmp/out" || fail "bad label: the good row must still be counted"
"$bin" stats "$tmp/missing.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "missing file: exit must be 2"
grep -q "missing.txt: No such file" "$tmp/err" || fail "missing file: $(cat "$tmp/err")"
"$bin" stats --sort speed "$duties" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--sort speed must exit 2"

# Three-way gold from another column: golden report on the fixture taxonomy (stable when data/taxonomy.json
# is retuned), false alarms in JSON, --sort false-alarms, a missing column named.
fixtures=$src/tests/fixtures/eval
(cd "$src" && "$bin" --taxonomy tests/fixtures/eval/taxonomy.json stats --errors 2 --label-column text_label \
  tests/fixtures/eval/labelled.tsv) >"$tmp/out" 2>"$tmp/err" || fail "three-way: exit $? $(cat "$tmp/err")"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmp/out" "$src/tests/golden/stats.txt"
else
  diff -u "$src/tests/golden/stats.txt" "$tmp/out" >"$tmp/diff" || fail "stats.txt differs from golden:\n$(head -30 "$tmp/diff")"
fi
"$bin" --taxonomy "$fixtures/taxonomy.json" stats --format json --sort false-alarms --label-column text_label \
  "$fixtures/labelled.tsv" >"$tmp/json" || fail "three-way json: exit $?"
python3 - "$tmp/json" <<'PY' || fail "three-way json checks"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["lines"] == 12 and report["labelled_lines"] == 11 and report["ambiguous_lines"] == 1, report
assert report["sort"] == "false-alarms"
cues = {c["cue"]: c for c in report["cues"]}
sell = cues["sales.sell"]
assert (sell["labelled"], sell["correct"], sell["false_alarms"], sell["wrong_side"]) == (5, 2, 2, 1), sell
assert report["cues"][0]["cue"] == "sales.sell", "most false alarms first"
inventory = cues["other.inventory"]
assert inventory["side"] == "other" and inventory["role"] == "other" and inventory["difference"] == "other_work"
assert (inventory["correct"], inventory["false_alarms"]) == (2, 0), inventory
assert all(c["correct"] + c["false_alarms"] + c["wrong_side"] == c["labelled"] for c in report["cues"])
PY
"$bin" stats --label-column text_lable "$fixtures/labelled.tsv" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "missing label column: exit must be 2"
grep -q "labelled.tsv:1: .*must name a 'text_lable' and a 'text' column" "$tmp/err" || fail "missing column: $(cat "$tmp/err")"

# -o writes atomically.
"$bin" stats --format json -o "$tmp/stats.json" "$duties" || fail "-o: exit $?"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/stats.json" || fail "-o: invalid JSON"
ls "$tmp" | grep -q 'stats.json.tmp' && fail "-o left a temporary file"

finish stats
