#!/usr/bin/env bash
# End-to-end tests of `rolecheck eval`: three-way scoring (golden text and JSON on a fixture taxonomy, so
# retuning data/taxonomy.json changes nothing here), --label-column for TSV and JSONL, --errors, --part,
# per-row problems, and (when ../shared/data is there) figures that agree with their confusion matrix.
# Usage: eval.sh ROLECHECK SOURCE_DIR   (UPDATE_GOLDEN=1 rewrites the golden files)
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$2
golden=$src/tests/golden
fixtures=tests/fixtures/eval
plain_env
run() { (cd "$src" && "$bin" --taxonomy "$fixtures/taxonomy.json" "$@"); }

# check_golden NAME ARGS...: stdout must equal tests/golden/NAME, stderr must be empty, exit 0.
check_golden() {
  local name=$1; shift
  run "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  [ $status -eq 0 ] || fail "$name: exit $status"
  [ -s "$tmp/err" ] && fail "$name: unexpected stderr: $(head -3 "$tmp/err")"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/out" "$golden/$name"; return; fi
  diff -u "$golden/$name" "$tmp/out" >"$tmp/diff" || fail "$name differs from golden:\n$(head -30 "$tmp/diff")"
}

check_golden eval.txt eval --errors 10 --label-column text_label "$fixtures/labelled.tsv"
check_golden eval.json eval --format json --errors 2 --label-column text_label "$fixtures/labelled.tsv"

# The same rows as JSON Lines (key text_label) give the same figures.
python3 - "$src/$fixtures/labelled.tsv" "$tmp/labelled.jsonl" <<'PY'
import csv, json, sys
with open(sys.argv[1], newline="") as tsv, open(sys.argv[2], "w") as out:
    for row in csv.DictReader(tsv, delimiter="\t", quoting=csv.QUOTE_NONE):
        out.write(json.dumps({"text": row["text"], "text_label": row["text_label"]}) + "\n")
PY
run eval --format json --label-column text_label "$tmp/labelled.jsonl" >"$tmp/jsonl.json" 2>"$tmp/err" ||
  fail "jsonl: exit $? $(cat "$tmp/err")"
run eval --format json --label-column text_label "$fixtures/labelled.tsv" >"$tmp/tsv.json" || fail "tsv json: exit $?"
cmp -s "$tmp/jsonl.json" "$tmp/tsv.json" || fail "JSONL and TSV figures differ"

# The default column is `label` (here the occupation family: sales or marketing only).
run eval --format json "$fixtures/labelled.tsv" >"$tmp/default.json" || fail "default column: exit $?"
python3 - "$tmp/default.json" <<'PY' || fail "default column checks"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["rows"] == 12 and r["ambiguous"] == 0, r
assert r["labels"]["other"]["support"] == 0
# A class without gold rows is not averaged: macro-F1 is the mean over sales and marketing.
assert abs(r["macro_f1"] - (r["labels"]["sales"]["f1"] + r["labels"]["marketing"]["f1"]) / 2) < 2e-4, r
PY

# --part keeps its meaning (rows i with i mod N == K-1, ambiguous rows included in the numbering).
run eval --format json --part 1/4 --label-column text_label "$fixtures/labelled.tsv" >"$tmp/part.json" || fail "--part: exit $?"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["rows"] + r["ambiguous"] == 3, r' "$tmp/part.json" ||
  fail "--part 1/4 must keep 3 of 12 rows"

# Per-row problems: exit 2 with FILE:LINE; the good rows are still scored.
printf 'label\ttext\tgold\nsales\tSell cars\tsales\nsales\tSell boats\tneither\nsales\tCount stock\tother\n' >"$tmp/bad.tsv"
run eval --label-column gold "$tmp/bad.tsv" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "bad gold: exit must be 2"
grep -q 'bad.tsv:3: .*gold must be sales, marketing, other or ambiguous, got "neither"' "$tmp/err" ||
  fail "bad gold: $(cat "$tmp/err")"
grep -q "accuracy .* 2$" "$tmp/out" || fail "bad gold: the two good rows must be scored: $(cat "$tmp/out")"
printf '{"text":"Sell cars","gold":"sales"}\n{"text":"Sell cars","label":"sales"}\n' >"$tmp/bad.jsonl"
run eval --label-column gold "$tmp/bad.jsonl" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "jsonl without the key: exit must be 2"
grep -q 'bad.jsonl:2: .*expected a JSON object with string "gold" and "text" (its keys: "label", "text")' "$tmp/err" ||
  fail "jsonl without the key: $(cat "$tmp/err")"
run eval --label-column text_lable "$fixtures/labelled.tsv" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "missing column: exit must be 2"
grep -q "labelled.tsv:1: .*must name a 'text_lable' and a 'text' column" "$tmp/err" || fail "missing column: $(cat "$tmp/err")"

# On the dev data (when present): the figures agree with the confusion matrix and the file's counts.
data=$src/../shared/data
if [ -f "$data/onet_tasks_dev.tsv" ] && [ -f "$data/onet_other_dev.tsv" ]; then
  "$bin" eval --format json --label-column text_label "$data/onet_tasks_dev.tsv" "$data/onet_dwa_dev.tsv" \
    "$data/onet_other_dev.tsv" >"$tmp/dev.json" 2>"$tmp/err" || fail "dev data: exit $? $(head -3 "$tmp/err")"
  python3 - "$tmp/dev.json" "$data/onet_tasks_dev.tsv" "$data/onet_dwa_dev.tsv" "$data/onet_other_dev.tsv" <<'PY' ||
import csv, json, sys
r = json.load(open(sys.argv[1]))
gold = {}
for path in sys.argv[2:]:
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            gold[row["text_label"]] = gold.get(row["text_label"], 0) + 1
assert r["ambiguous"] == gold.get("ambiguous", 0), (r["ambiguous"], gold)
assert r["rows"] == gold["sales"] + gold["marketing"] + gold["other"], (r["rows"], gold)
m = r["confusion"]
classes = ["sales", "marketing", "other"]
counted = lambda p: p if p in ("sales", "marketing") else "other"  # other, mixed, unknown: neither
for c in classes:
    assert sum(m[c].values()) == gold[c] == r["labels"][c]["support"], c
    tp = sum(n for p, n in m[c].items() if counted(p) == c)
    predicted = sum(n for g in classes for p, n in m[g].items() if counted(p) == c)
    assert abs(r["labels"][c]["precision"] - (tp / predicted if predicted else 0)) < 1e-4, c
    assert abs(r["labels"][c]["recall"] - tp / gold[c]) < 1e-4, c
assert abs(r["macro_f1"] - sum(r["labels"][c]["f1"] for c in classes) / 3) < 2e-4
assert abs(r["false_alarm_rate"] - (m["other"]["sales"] + m["other"]["marketing"]) / gold["other"]) < 1e-4
work = gold["sales"] + gold["marketing"]
neither = sum(m[g][p] for g in ("sales", "marketing") for p in ("other", "mixed", "unknown"))
assert r["two_way"]["rows"] == work and abs(r["two_way"]["neither_share"] - neither / work) < 1e-4
unknown = sum(m[g]["unknown"] for g in classes)
assert abs(r["coverage"] - (1 - unknown / r["rows"])) < 1e-4
PY
    fail "dev data: figures inconsistent"
fi

# --text-column (and --label-column) name the columns of an export whose text is not called "text": eval, stats, JSONL.
printf 'id\tcategory\tdescription\n1\tsales\tCold-call prospects and close deals\n2\tother\tStock shelves\n' >"$tmp/cols.tsv"
status=0
"$bin" eval --label-column category "$tmp/cols.tsv" >"$tmp/out" 2>"$tmp/err" || status=$?
expect_eq "eval without --text-column: exit" "$status" 2
grep -q "must name a 'category' and a 'text' column.*--text-column NAME" "$tmp/err" ||
  fail "eval without --text-column: message: $(cat "$tmp/err")"
"$bin" eval --format json --label-column category --text-column description "$tmp/cols.tsv" >"$tmp/out" ||
  fail "eval --text-column: exit $?"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["rows"] == 2 and r["macro_f1"] > 0.6, r' "$tmp/out" ||
  fail "eval --text-column: $(cat "$tmp/out")"
"$bin" stats --format json --label-column category --text-column description "$tmp/cols.tsv" >"$tmp/out" ||
  fail "stats --text-column: exit $?"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["labelled_lines"] == 2, r' "$tmp/out" ||
  fail "stats --text-column: not read as labelled: $(head -c 300 "$tmp/out")"
printf '{"cat":"sales","desc":"Close deals"}\n' | "$bin" eval --format json --label-column cat --text-column desc - >"$tmp/out" ||
  fail "eval --text-column on JSONL: exit $?"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["rows"] == 1' "$tmp/out" || fail "eval --text-column on JSONL"

finish eval
