#!/usr/bin/env bash
# End-to-end tests of `rolecheck fit`: byte-identical output from two runs, a fitted taxonomy that
# `taxonomy validate` accepts and `--taxonomy` loads, only numbers changed, -o and --report, and the
# guard rails (too few rows, bad labels: exit 2 with a message, nothing written).
# Usage: fit.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$2
fixtures=$src/tests/fixtures/fit
taxonomy=$src/tests/fixtures/eval/taxonomy.json
plain_env
fit() { "$bin" --taxonomy "$taxonomy" fit --label-column text_label "$@"; }

# Two runs, same bytes (taxonomy and report); -o writes the file, the report goes to stderr.
fit "$fixtures/labelled.tsv" -o "$tmp/a.json" 2>"$tmp/a.txt" || fail "fit: exit $?"
fit "$fixtures/labelled.tsv" -o "$tmp/b.json" 2>"$tmp/b.txt" || fail "fit (again): exit $?"
[ -s "$tmp/a.json" ] || fail "-o wrote nothing"
cmp -s "$tmp/a.json" "$tmp/b.json" || fail "two fits differ"
cmp -s "$tmp/a.txt" "$tmp/b.txt" || fail "two reports differ"
for expected in "5-fold cross-validation" "macro F1" "false alarms" "sales F1" "fold 5 macro F1" \
    "largest weight changes" "cues set to zero" "cues that never matched" "1 ambiguous rows skipped"; do
  grep -q "$expected" "$tmp/a.txt" || fail "report lacks '$expected':\n$(cat "$tmp/a.txt")"
done
# stdout when no -o; --report FILE instead of stderr.
fit "$fixtures/labelled.tsv" --report "$tmp/report.txt" >"$tmp/stdout.json" 2>"$tmp/err" || fail "fit to stdout"
cmp -s "$tmp/a.json" "$tmp/stdout.json" || fail "stdout differs from -o"
[ -s "$tmp/err" ] && fail "--report: unexpected stderr: $(head -3 "$tmp/err")"
cmp -s "$tmp/a.txt" <(cat "$tmp/report.txt") || fail "--report differs from the stderr report"

# Valid, loadable, and only weights and min_evidence differ.
"$bin" taxonomy validate "$tmp/a.json" >/dev/null 2>"$tmp/err" || fail "validate: $(cat "$tmp/err")"
"$bin" --taxonomy "$tmp/a.json" eval --label-column text_label "$fixtures/labelled.tsv" >"$tmp/eval.txt" 2>&1 ||
  fail "eval with the fitted taxonomy: $(cat "$tmp/eval.txt")"
"$bin" --taxonomy "$taxonomy" taxonomy show --format json >"$tmp/input.json"
python3 - "$tmp/input.json" "$tmp/a.json" <<'PY' || fail "the fitted taxonomy differs in more than its numbers"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
def strip(t):
    t["thresholds"].pop("min_evidence")
    for d in t["differences"]:
        for c in d["cues"]: c.pop("weight")
    for c in t.get("other_work", {}).get("cues", []): c.pop("weight")
    return t
assert all(0 <= c["weight"] <= 10 for d in b["differences"] for c in d["cues"])
assert strip(a) == strip(b)
PY
# No-keep-sign and L1 run too.
fit --no-keep-sign --penalty l1 --regularisation 0.5 --folds 3 "$fixtures/labelled.tsv" -o "$tmp/l1.json" 2>/dev/null ||
  fail "fit --no-keep-sign --penalty l1: exit $?"
"$bin" taxonomy validate "$tmp/l1.json" >/dev/null 2>&1 || fail "validate (l1)"

# Guard rails: too few rows of a class (exit 2, message, nothing written); a bad label; --part.
fit --min-rows 13 "$fixtures/labelled.tsv" -o "$tmp/none.json" 2>"$tmp/err"
[ $? -eq 2 ] || fail "--min-rows 13: expected exit 2"
grep -q "at least 13 rows of each gold class" "$tmp/err" || fail "--min-rows message: $(cat "$tmp/err")"
[ -e "$tmp/none.json" ] && fail "--min-rows: wrote the output"
fit --part 1/2 "$fixtures/labelled.tsv" -o "$tmp/none.json" 2>"$tmp/err"
[ $? -eq 2 ] || fail "--part 1/2 (6 rows per class): expected exit 2"
fit --min-rows 4 --part 1/2 "$fixtures/labelled.tsv" -o "$tmp/half.json" 2>"$tmp/err" || fail "--part 1/2 --min-rows 4"
grep -q "fit: 18 rows" "$tmp/err" || fail "--part 1/2: expected 18 rows: $(head -1 "$tmp/err")"
printf 'text\ttext_label\nSell cars\tsalez\n' >"$tmp/bad.tsv"
fit "$fixtures/labelled.tsv" "$tmp/bad.tsv" -o "$tmp/none.json" 2>"$tmp/err"
[ $? -eq 2 ] || fail "bad label: expected exit 2"
grep -q "bad.tsv:2: error: text_label must be sales, marketing, other or ambiguous" "$tmp/err" || fail "bad label message"
[ -e "$tmp/none.json" ] && fail "bad label: wrote the output"

finish fit
