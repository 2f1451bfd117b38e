#!/usr/bin/env bash
# End-to-end tests of the review flag: every record carries it in every format (lines and documents, duties
# inside documents), it follows the rule of docs/scoring.md with the taxonomy's thresholds, --only review and
# --review keep exactly the flagged records (-j 2 too), --count counts them, --summary, report and eval count
# them. Derived from the outputs, not pinned, so retuning data/taxonomy.json changes nothing here.
# Usage: review.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$2
examples=$src/data/examples
plain_env

# A corpus with clear, unsure, mixed, empty and too-long lines.
{
  cat "$examples/duties.txt"
  echo "Deliver promotional presentations to current or prospective customers."
  echo "Explain technical product or service information to customers."
  echo "Draft speeches for company executives and arrange interviews."
  echo "Sales & Marketing Coordinator"
  echo "Sales Administrator"
  echo ""
  printf 'Sell %.0s' $(seq 1 40); echo
} >"$tmp/duties.txt"
lines=$(wc -l <"$tmp/duties.txt")

"$bin" taxonomy show --format json >"$tmp/taxonomy.json" || fail "taxonomy show"
# The too-long line warns on stderr every time; the records are what is checked.
"$bin" classify --max-line-bytes 150 --format jsonl "$tmp/duties.txt" >"$tmp/all.jsonl" 2>/dev/null || fail "classify jsonl"

# Every record has a boolean review that follows the rule (confidence, margin, basis) with the taxonomy's thresholds.
python3 - "$tmp/all.jsonl" "$tmp/taxonomy.json" <<'EOF' || fail "review rule in jsonl records"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
thresholds = json.load(open(sys.argv[2]))["thresholds"]
rc, rm, prior = thresholds["review_confidence"], thresholds["review_margin"], thresholds["other_prior"]
assert rc > 0 and rm > 0, thresholds
flagged = 0
for r in records:
    assert isinstance(r["review"], bool), r
    s, m, o = r["scores"]["sales"], r["scores"]["marketing"], r["scores"]["other"]
    cs, cm = r["core"]["sales"], r["core"]["marketing"]
    if r["label"] == "other":
        side = max(cs + (s - cs) / 2, cm + (m - cm) / 2)
        margin = (o + prior - side) / (o + prior + side)
    else:
        margin = abs(s - m) / (s + m) if s + m > 0 else 0.0
    if r["basis"] == "empty":
        expected = False
    elif r["basis"].startswith("line longer") or r["basis"].startswith("confidence below"):
        expected = True
    else:
        # JSON confidences are rounded to 4 decimals: stay clear of the boundary.
        if abs(r["confidence"] - rc) < 1e-4 or abs(margin - rm) < 1e-4:
            continue
        expected = r["confidence"] < rc or margin < rm
    assert r["review"] == expected, (r["text"], r["review"], r["confidence"], margin)
    flagged += r["review"]
labels = {r["label"] for r in records if r["review"]}
assert flagged >= 3 and "mixed" in labels, (flagged, labels)
assert any(r["review"] and r["basis"].startswith("line longer") for r in records)
assert not any(r["review"] for r in records if r["basis"] == "empty")
EOF
expect_eq "one record per line" "$(wc -l <"$tmp/all.jsonl")" "$lines"
flagged=$(grep -c '"review":true' "$tmp/all.jsonl")

# The other formats carry the same flags, record for record.
grep -o '"review":[a-z]*' "$tmp/all.jsonl" | cut -d: -f2 >"$tmp/flags"
"$bin" classify --max-line-bytes 150 --format tsv "$tmp/duties.txt" 2>/dev/null >"$tmp/all.tsv"
expect_eq "tsv header" "$(head -1 "$tmp/all.tsv")" \
  "$(printf 'file\tline\tlabel\tconfidence\treasons\ttext\treview\tbasis\tsales_score\tmarketing_score\tid')"
tail -n +2 "$tmp/all.tsv" | awk -F'\t' '{ print $7 }' | diff -q - "$tmp/flags" >/dev/null || fail "tsv review column"
# CSV fields may be quoted and hold commas: read them with a CSV parser.
"$bin" classify --max-line-bytes 150 --format csv "$tmp/duties.txt" 2>/dev/null |
  python3 -c 'import csv, sys; [print(r["review"]) for r in csv.DictReader(sys.stdin)]' |
  diff -q - "$tmp/flags" >/dev/null || fail "csv review column"
"$bin" classify --max-line-bytes 150 --format json "$tmp/duties.txt" 2>/dev/null |
  python3 -c 'import json, sys; [print(str(r["review"]).lower()) for r in json.load(sys.stdin)]' |
  diff -q - "$tmp/flags" >/dev/null || fail "json review"
# Text: '?' between the confidence and the text, a space otherwise; the text starts in the same column.
"$bin" classify --max-line-bytes 150 "$tmp/duties.txt" 2>/dev/null >"$tmp/all.txt"
cut -c16 "$tmp/all.txt" | sed 's/^?$/true/; s/^ $/false/' | diff -q - "$tmp/flags" >/dev/null || fail "text marker"
expect_eq "text columns" "$(sed -n 1p "$tmp/all.txt" | cut -c15-17)" "$(sed -n 1p "$tmp/all.txt" | cut -c15-17 | grep -E '^ [? ] $')"

# --only review and --review keep exactly the flagged records, in order, with -j 2 too.
grep '"review":true' "$tmp/all.jsonl" >"$tmp/flagged.jsonl"
"$bin" classify --max-line-bytes 150 --format jsonl --only review "$tmp/duties.txt" 2>/dev/null >"$tmp/only.jsonl"
cmp -s "$tmp/only.jsonl" "$tmp/flagged.jsonl" || fail "--only review keeps the flagged records"
"$bin" classify --max-line-bytes 150 --format jsonl --review -j 2 "$tmp/duties.txt" 2>/dev/null >"$tmp/review.jsonl"
cmp -s "$tmp/review.jsonl" "$tmp/flagged.jsonl" || fail "--review -j 2"
# With labels: the flagged records with those labels.
"$bin" classify --max-line-bytes 150 --format jsonl --only mixed,review "$tmp/duties.txt" 2>/dev/null >"$tmp/mixed.jsonl"
expect_eq "--only mixed,review" "$(wc -l <"$tmp/mixed.jsonl")" "$(grep '"label":"mixed"' "$tmp/flagged.jsonl" | wc -l)"
grep -qv '"label":"mixed"' "$tmp/mixed.jsonl" && fail "--only mixed,review kept another label"
# --count with --review: flagged records per label.
"$bin" classify --max-line-bytes 150 --review --count "$tmp/duties.txt" 2>/dev/null >"$tmp/count"
expect_eq "--review --count total" "$(awk '{ t += $2 } END { print t }' "$tmp/count")" "$flagged"
expect_eq "--review --count mixed" "$(awk '$1 == "mixed" { print $2 }' "$tmp/count")" \
  "$(grep -c '"label":"mixed"' "$tmp/flagged.jsonl")"
# A bad --only value names review among the choices.
"$bin" classify --only reviews "$tmp/duties.txt" >/dev/null 2>"$tmp/err" && fail "--only reviews accepted"
grep -q "review" "$tmp/err" || fail "--only error names review: $(cat "$tmp/err")"

# --summary counts the flagged records (before --only).
"$bin" classify -q --summary --max-line-bytes 150 --only sales "$tmp/duties.txt" 2>"$tmp/summary"
grep -Eq "^  review +$flagged +[0-9.]+%  \(flagged for review\)$" "$tmp/summary" ||
  fail "--summary review line: $(grep review "$tmp/summary")"

# explain says whether the line is flagged and why.
"$bin" explain "Sales Administrator" >"$tmp/explain"
grep -q "^review: flagged for a person to check (confidence" "$tmp/explain" || fail "explain review line"

# Documents: the verdict and every duty carry review; --only review keeps the flagged documents.
"$bin" classify --input jsonl --format jsonl "$examples/postings.jsonl" >"$tmp/docs.jsonl" || fail "documents jsonl"
printf 'not json\n' >"$tmp/bad.jsonl"
python3 - "$tmp/docs.jsonl" <<'EOF' || fail "document records carry review"
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    assert isinstance(r["review"], bool), r["id"]
    assert all(isinstance(d["review"], bool) for d in r["duties"]), r["id"]
EOF
doc_flags=$(grep -o '"review":[a-z]*,"shares"' "$tmp/docs.jsonl" | cut -d: -f2 | cut -d, -f1 | tr '\n' ' ')
"$bin" classify --input jsonl --format tsv "$examples/postings.jsonl" "$tmp/bad.jsonl" 2>/dev/null >"$tmp/docs.tsv"
expect_eq "document tsv header ends in review" "$(head -1 "$tmp/docs.tsv" | awk -F'\t' '{ print $(NF - 1), $NF }')" "error review"
expect_eq "document tsv review" "$(tail -n +2 "$tmp/docs.tsv" | awk -F'\t' '{ printf "%s ", $NF }')" "${doc_flags}true "
"$bin" classify --input jsonl --format jsonl --only review "$examples/postings.jsonl" "$tmp/bad.jsonl" \
  >"$tmp/docs_review.jsonl" 2>/dev/null
expect_eq "documents --only review" "$(wc -l <"$tmp/docs_review.jsonl")" \
  "$(($(grep -c '"review":true,"shares"' "$tmp/docs.jsonl") + 1))"
grep -q '"label":"unknown","review":true,"error"' "$tmp/docs_review.jsonl" || fail "an error record is flagged"
"$bin" classify --unit document "$examples/posting_sales.txt" >"$tmp/doc.txt"
grep -Eq '^[^ ].*: [a-z]+ \(confidence [0-9.]+(, review)?\)$' "$tmp/doc.txt" || fail "document text header"
grep -Eq '^  [a-z]+ +[a-z]+ +[0-9.]+ [? ] ' "$tmp/doc.txt" || fail "document duty lines carry the marker column"
"$bin" classify --input jsonl -q --summary "$examples/postings.jsonl" 2>"$tmp/doc_summary"
grep -Eq "^  review +$(grep -c '"review":true,"shares"' "$tmp/docs.jsonl") " "$tmp/doc_summary" || fail "document summary review"

# The HTML report says how many records are flagged.
"$bin" report --max-line-bytes 150 "$tmp/duties.txt" -o "$tmp/report.html" 2>/dev/null || fail "report"
grep -q "&middot; $flagged flagged for review (" "$tmp/report.html" || fail "report counts the flagged duties"

# eval: flagged and unflagged rows add up to the scored rows, in text and JSON.
fixtures=$src/tests/fixtures/eval
"$bin" eval --format json --label-column text_label "$fixtures/labelled.tsv" >"$tmp/eval.json"
python3 - "$tmp/eval.json" <<'EOF' || fail "eval JSON flagged/unflagged"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["flagged"]["rows"] + e["unflagged"]["rows"] == e["rows"], e
assert 0 <= e["flagged"]["accuracy"] <= 1 and 0 <= e["unflagged"]["accuracy"] <= 1
EOF
"$bin" eval --label-column text_label "$fixtures/labelled.tsv" >"$tmp/eval.txt"
grep -Eq '^     unflagged +[0-9.]+ +[0-9]+  \(accuracy of rows not flagged for review\)$' "$tmp/eval.txt" || fail "eval text unflagged"
grep -Eq '^       flagged +[0-9.]+ +[0-9]+  \(accuracy of rows flagged for review: [0-9.]+% of rows\)$' "$tmp/eval.txt" ||
  fail "eval text flagged"

finish review
