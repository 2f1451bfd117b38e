#!/usr/bin/env bash
# End-to-end tests of the behaviour every subcommand shares ("one CLI"): explain from stdin, as
# JSON and into a file; --count in the output format; --expect with a list and blank lines; --skip-blank;
# --min-confidence on document verdicts and the wording of the document report; the confidence's decimals
# in every format; basis and both scores in TSV/CSV records.
# Usage: one_cli.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$1
src=$2
embedded_env
duties=$src/data/examples/duties.txt

# --- explain: '-' reads stdin (one trace per line), --format json, -o FILE ---
printf 'Cold-call prospects and close deals\nPlan the brand campaign\n' >"$tmp/two.txt"
"$bin" explain - <"$tmp/two.txt" >"$tmp/out" 2>"$tmp/err" || fail "explain -: exit $? $(cat "$tmp/err")"
expect_eq "explain -: one trace per line" "$(grep -c '^duty: ' "$tmp/out")" 2
grep -qx "duty: Plan the brand campaign" "$tmp/out" || fail "explain -: second line not explained"
"$bin" explain "Cold-call prospects and close deals" >"$tmp/one"
diff <(sed -n "1,$(wc -l <"$tmp/one")p" "$tmp/out") "$tmp/one" >/dev/null || fail "explain - differs from explain TEXT"
# classify --explain with a record format is an error that says what to do, not a silent no-op.
status=0
"$bin" classify --explain --format tsv "$duties" >"$tmp/out" 2>"$tmp/err" || status=$?
expect_eq "classify --explain --format tsv: exit" "$status" 2
grep -q -- '--explain lists reasons under each duty in the text format only; --format tsv takes no' "$tmp/err" ||
  fail "classify --explain --format tsv: message: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "classify --explain --format tsv: wrote records"
# A line over the 1 MiB cap is refused with its location and exit 2; the lines around it are still explained.
{ echo "Close deals"; head -c 1100000 /dev/zero | tr '\0' 'a'; echo; echo "Plan the brand campaign"; } >"$tmp/long.txt"
status=0
"$bin" explain - <"$tmp/long.txt" >"$tmp/long.out" 2>"$tmp/long.err" || status=$?
expect_eq "explain -: too-long line exits 2" "$status" 2
grep -q '^rolecheck: -:2: error: line longer than 1048576 bytes; not explained' "$tmp/long.err" ||
  fail "explain -: too-long line message: $(cat "$tmp/long.err")"
expect_eq "explain -: lines around a too-long line" "$(grep -c '^duty: ' "$tmp/long.out")" 2
"$bin" explain --format json - <"$tmp/two.txt" >"$tmp/json" || fail "explain --format json -: exit $?"
python3 - "$tmp/json" <<'PY' || fail "explain --format json: bad objects"
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
assert len(rows) == 2, rows
first = rows[0]
assert first["text"] == "Cold-call prospects and close deals" and first["label"] == "sales", first
for key in ("confidence", "review", "margin", "basis", "scores", "core", "by_difference", "tokens", "negations",
            "reasons", "other_work", "thresholds", "min_confidence"):
    assert key in first, key
assert len(first["by_difference"]) == 4
assert first["tokens"][0]["word"] == "cold" and first["tokens"][0]["span"] == [0, 4], first["tokens"][0]
assert any(r["cue"].startswith("sales.") for r in first["reasons"])
assert rows[1]["label"] == "marketing", rows[1]
PY
# The JSON confidence is the text's, to the same decimals.
text_confidence=$("$bin" explain "Cold-call prospects and close deals" | sed -n 's/^decision: sales (confidence \(.*\))$/\1/p')
json_confidence=$(head -1 "$tmp/json" | grep -o '"confidence":[0-9.]*' | cut -d: -f2)
expect_eq "explain: text and JSON confidence" "$json_confidence" "$text_confidence"
"$bin" explain -o "$tmp/trace.txt" "Plan the brand campaign" >"$tmp/out" || fail "explain -o: exit $?"
[ -s "$tmp/out" ] && fail "explain -o wrote to stdout"
grep -q "^decision: marketing" "$tmp/trace.txt" || fail "explain -o: no trace in the file"
"$bin" explain --format yaml x >/dev/null 2>&1 && fail "explain --format yaml accepted"

# --- --count honours --format ---
"$bin" classify --count "$duties" >"$tmp/count.txt"
grep -qxP 'sales\t4' "$tmp/count.txt" || fail "--count text: $(cat "$tmp/count.txt")"
"$bin" classify --count --format json "$duties" >"$tmp/count.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["sales"]==4 and set(d)=={"sales","marketing","other","mixed","unknown"}, d' \
  "$tmp/count.json" || fail "--count --format json: $(cat "$tmp/count.json")"
"$bin" classify --count --format csv --only sales,marketing "$duties" >"$tmp/count.csv"
expect_eq "--count --format csv" "$(tr -d '\r' <"$tmp/count.csv")" "$(printf 'label,count\nsales,4\nmarketing,7')"
"$bin" classify --unit document --count --format json "$src"/data/examples/posting_*.txt >"$tmp/doc_count.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert sum(d.values())==3 and "hybrid" in d, d' \
  "$tmp/doc_count.json" || fail "documents --count --format json: $(cat "$tmp/doc_count.json")"

# --- --expect takes a list; a line with no words never fails it; --skip-blank drops it ---
printf 'Cold-call prospects\n\nPlan the brand campaign\n   \n' >"$tmp/blank.txt"
"$bin" classify -q --expect sales,marketing "$tmp/blank.txt"
expect_eq "--expect sales,marketing with blank lines" $? 0
"$bin" classify -q --expect sales --expect marketing "$tmp/blank.txt"
expect_eq "--expect repeated" $? 0
"$bin" classify -q --expect sales "$tmp/blank.txt"
expect_eq "--expect sales with a marketing line" $? 1
printf '\n\n' | "$bin" classify -q --expect sales
expect_eq "--expect on blank input only" $? 0
"$bin" classify -q --expect sales,bogus "$tmp/blank.txt" 2>"$tmp/err"
expect_eq "--expect bogus" $? 2
grep -q "'bogus' is not a label" "$tmp/err" || fail "--expect bogus: $(cat "$tmp/err")"
"$bin" classify --expect sales "$duties" --only sales >/dev/null   # a file after --expect stays a file
expect_eq "--expect LABEL FILE" $? 1
expect_eq "records without --skip-blank" "$("$bin" classify --format jsonl "$tmp/blank.txt" | wc -l)" 4
"$bin" classify --skip-blank --format jsonl "$tmp/blank.txt" >"$tmp/skip.jsonl"
expect_eq "records with --skip-blank" "$(wc -l <"$tmp/skip.jsonl")" 2
expect_eq "--skip-blank keeps line numbers" "$(grep -o '"line":[0-9]*' "$tmp/skip.jsonl" | tr '\n' ' ')" '"line":1 "line":3 '
expect_eq "--skip-blank --count" "$("$bin" classify --skip-blank --count --only unknown "$tmp/blank.txt")" "$(printf 'unknown\t0')"

# --- confidence: the same decimals in every format ---
for format in text jsonl json tsv csv; do
  "$bin" classify --format "$format" "$duties" >"$tmp/all.$format"
done
text_values=$(awk '{ print $2 }' "$tmp/all.text" | tr '\n' ' ')
json_values=$(grep -o '"confidence":[0-9.]*' "$tmp/all.jsonl" | cut -d: -f2 | tr '\n' ' ')
tsv_values=$(tail -n +2 "$tmp/all.tsv" | cut -f4 | tr '\n' ' ')
csv_values=$(python3 -c 'import csv,sys; print(" ".join(r["confidence"] for r in csv.DictReader(open(sys.argv[1]))), end=" ")' "$tmp/all.csv")
expect_eq "confidence, jsonl vs text" "$json_values" "$text_values"
expect_eq "confidence, tsv vs text" "$tsv_values" "$text_values"
expect_eq "confidence, csv vs text" "$csv_values" "$text_values"
echo "$text_values" | grep -qvE '^([01]\.[0-9]{2} )+$' && fail "confidence not with 2 decimals: $text_values"
# Documents too: the report's confidence is the TSV's and the JSON's.
doc=$src/data/examples/posting_sales.txt
doc_text=$("$bin" classify --unit document "$doc" | head -1 | sed 's/.*(confidence \([0-9.]*\).*/\1/')
doc_tsv=$("$bin" classify --unit document --format tsv "$doc" | tail -1 | cut -f5)
doc_json=$("$bin" classify --unit document --format jsonl "$doc" | grep -o '^{[^[]*"confidence":[0-9.]*' | grep -o '[0-9.]*$')
expect_eq "document confidence, tsv vs text" "$doc_tsv" "$doc_text"
expect_eq "document confidence, json vs text" "$doc_json" "$doc_text"

# --- TSV/CSV line records carry basis and both scores; basis says when both sides carry evidence ---
expect_eq "tsv header" "$(head -1 "$tmp/all.tsv")" \
  "$(printf 'file\tline\tlabel\tconfidence\treasons\ttext\treview\tbasis\tsales_score\tmarketing_score\tid')"
# Columns keep their places whatever the input: records (--unit line) have the same header, their id last.
printf '{"id":"a1","text":"Sell products to customers"}\n' >"$tmp/rec.jsonl"
for format in tsv csv; do
  expect_eq "$format header, plain text vs records" \
    "$("$bin" classify --input jsonl --unit line --format "$format" "$tmp/rec.jsonl" | head -1)" \
    "$(echo "Sell products to customers" | "$bin" classify --format "$format" | head -1)"
done
expect_eq "record tsv: label in column 3, id last" \
  "$("$bin" classify --input jsonl --unit line --format tsv "$tmp/rec.jsonl" | tail -1 | awk -F'\t' '{ print $3, $NF }')" \
  "sales a1"
expect_eq "plain tsv: label in column 3, id empty" \
  "$(echo "Sell products to customers" | "$bin" classify --format tsv | tail -1 | awk -F'\t' '{ print $3 "|" $NF }')" \
  "sales|"
python3 - "$tmp/all.jsonl" "$tmp/all.tsv" "$tmp/all.csv" <<'PY' || fail "TSV/CSV basis and scores differ from JSON"
import csv, json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
tsv = list(csv.DictReader(open(sys.argv[2]), delimiter="\t", quoting=csv.QUOTE_NONE))
rows = list(csv.DictReader(open(sys.argv[3], newline="")))
for table in (tsv, rows):
    assert len(table) == len(records)
    for record, row in zip(records, table):
        assert row["basis"] == record["basis"], (row, record)
        assert float(row["sales_score"]) == record["scores"]["sales"], (row, record)
        assert float(row["marketing_score"]) == record["scores"]["marketing"], (row, record)
PY
# Core evidence for sales, support for marketing ("write"): both sides carry evidence, and the basis says so.
line=$(echo "Sell to customers and write" | "$bin" classify --format tsv | tail -1)
expect_eq "basis with support on the other side" "$(echo "$line" | cut -f3,8)" \
  "$(printf 'sales\tboth sides carry evidence; only one of sales or marketing work itself')"
[ "$(echo "$line" | cut -f10)" != 0 ] || fail "the marketing score of a support match is 0: $line"
echo "Sell to customers" | "$bin" classify --format tsv | tail -1 | cut -f8 | grep -qx "only one side has evidence of sales or marketing work" ||
  fail "basis with one side only"

# --- documents: --min-confidence applies to the verdict; "1 duty"; only voting duties are "duties" ---
printf 'Responsibilities:\n- Cold-call prospects and close deals.\n\nAbout us:\nWe are a friendly team.\n' >"$tmp/posting.txt"
"$bin" classify --unit document "$tmp/posting.txt" >"$tmp/report.txt"
grep -q "(1 duty: 1 leans sales, 0 lean marketing; 1 more item does not vote)" "$tmp/report.txt" || fail "1 duty: $(sed -n 2p "$tmp/report.txt")"
"$bin" classify --unit document "$src/data/examples/posting_sales.txt" | sed -n 2p >"$tmp/shares"
grep -qE '\(([0-9]+) duties: [0-9]+ lean sales, [0-9]+ leans? marketing; [0-9]+ more items do not vote\)' "$tmp/shares" ||
  fail "voting duties: $(cat "$tmp/shares")"
voting=$("$bin" classify --unit document --format tsv "$src/data/examples/posting_sales.txt" | tail -1 | cut -f9)
grep -q "($voting duties:" "$tmp/shares" || fail "the report's duties ($(cat "$tmp/shares")) are not the $voting voting ones"
confidence=$("$bin" classify --unit document --format tsv "$doc" | tail -1 | cut -f5)
above=$(python3 -c "print(min(1.0, $confidence + 0.01))")
"$bin" classify --unit document --min-confidence "$above" --format tsv "$doc" | tail -1 >"$tmp/low.tsv"
expect_eq "--min-confidence above the verdict's confidence" "$(cut -f4 "$tmp/low.tsv")" unknown
expect_eq "a verdict below --min-confidence is flagged for review" "$(awk -F'\t' '{ print $NF }' "$tmp/low.tsv")" true
"$bin" classify --unit document --min-confidence "$above" "$doc" | head -1 | grep -q "unknown (confidence .*, below --min-confidence" ||
  fail "the report does not say the verdict fell below --min-confidence"
"$bin" classify --unit document --min-confidence 0.01 --format tsv "$doc" | tail -1 | cut -f4 | grep -qx sales ||
  fail "--min-confidence 0.01 changed the verdict"

finish one_cli
