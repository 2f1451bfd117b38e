#!/usr/bin/env bash
# End-to-end tests of the input formats: CSV exports, JSON and JSONL with any field names,
# HTML postings, Markdown, gzip, binary files; golden outputs for the realistic files in
# tests/fixtures/inputs. Usage: inputs.sh ROLECHECK_BINARY [SOURCE_DIR]; UPDATE_GOLDEN=1 rewrites them.
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +o pipefail  # this script's pipelines fail only when their last command does
bin=$(realpath "$1")
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
golden=$src/tests/golden/inputs
fixtures=tests/fixtures/inputs
# run ARGS...: rolecheck ARGS from the source dir, stdout in $tmp/out, stderr in $tmp/err, status in $status
run() { (cd "$src" && "$bin" "$@") >"$tmp/out" 2>"$tmp/err"; status=$?; }

# Golden outputs: records and stderr together (run from the source dir so file names are stable).
check_golden() {  # NAME ARGS...
  local name=$1; shift
  run "$@"
  { cat "$tmp/out"; echo "--- stderr (exit $status)"; cat "$tmp/err"; } >"$tmp/$name"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp "$tmp/$name" "$golden/$name"; return; fi
  diff -u "$golden/$name" "$tmp/$name" >"$tmp/diff" || { fail "golden $name differs"; head -40 "$tmp/diff"; }
}
ats=(--input csv --text-column Description --id-column "Req ID" --title-column "Job Title")
json=(--input json --text-field description --id-field req_id --title-field job_title)
check_golden ats_export.txt classify "${ats[@]}" $fixtures/ats_export.csv
check_golden ats_export.jsonl classify "${ats[@]}" --format jsonl $fixtures/ats_export.csv
check_golden ats_export_lines.tsv classify --unit line --input csv --text-column 5 --id-column 1 --format tsv \
  $fixtures/ats_export.csv
check_golden job_export.jsonl classify "${json[@]}" --format jsonl $fixtures/job_export.json
check_golden job_export_lines.csv classify --unit line "${json[@]}" --format csv $fixtures/job_export.json
check_golden posting_html.txt classify $fixtures/posting.html
check_golden posting_md.txt classify --unit document $fixtures/posting.md
check_golden duties_gz.jsonl classify --format jsonl $fixtures/duties.txt.gz
check_golden program_bin.txt classify --unit document $fixtures/program.bin

# CSV: the header is no record, the department column does not leak into the text, quoted
# multi-line descriptions stay whole, the blank row is skipped and counted, other columns pass through.
run classify "${ats[@]}" --format jsonl $fixtures/ats_export.csv
expect_eq "ats csv status" "$status" 0
expect_eq "one record per row, ids from the Req ID column" "$(jq -r .id "$tmp/out" | tr '\n' ' ')" "R-1001 R-1002 R-1003 R-1004 "
expect_eq "verdicts of the ATS rows" "$(jq -r .label "$tmp/out" | tr '\n' ' ')" "sales marketing other hybrid "
expect_eq "the department passes through" "$(jq -r 'select(.id == "R-1001") | .Department' "$tmp/out")" Sales
expect_eq "a quoted comma stays in its field" "$(jq -r 'select(.id == "R-1001") | .Location' "$tmp/out")" "Columbus, OH"
expect_eq "the quoted multi-line description is one document" "$(jq -r 'select(.id == "R-1001") | .duties | length' "$tmp/out")" 6
expect_eq "the title column is the posting's title" "$(jq -r 'select(.id == "R-1001") | .duties[0].section' "$tmp/out")" title
expect_eq "no column leaks into the duties" \
  "$(jq -c '[.duties[].text | select(test("Sales,|Operations"))] | length' "$tmp/out" | sort -u)" 0
expect_grep "doubled quotes" '"hunter"' "$tmp/out"
expect_grep "blank row counted" "rolecheck: $fixtures/ats_export.csv: 1 blank line skipped (not records)" "$tmp/err"
run classify --input csv $fixtures/ats_export.csv
expect_eq "csv without the text column" "$status" 2
expect_grep "missing column names the columns" \
  "no text column \"text\" in the header (its columns: Req ID, Job Title, Department, Location, Description): name it with --text-column NAME or a 1-based number" "$tmp/err"
expect_eq "no records when the header lacks the text column" "$(wc -c <"$tmp/out")" 0
printf 'id,text\n1,"Close deals\n2,Run campaigns\n' >"$tmp/open.csv"
"$bin" classify --input csv --format jsonl "$tmp/open.csv" >"$tmp/out" 2>"$tmp/err"
expect_eq "unclosed quote status" "$?" 2
expect_eq "an unclosed quote is an error record naming its line" \
  "$(jq -r .error "$tmp/out")" "a quoted field opened on line 2 is never closed (an unescaped '\"' inside it?)"
# Line mode: one duty per row, its id kept (TSV id column, JSON "id").
run classify --unit line --input csv --text-column Description --id-column "Req ID" --format jsonl $fixtures/ats_export.csv
expect_eq "csv line mode: one duty per row with its id" \
  "$(jq -r '.id + " " + .label' "$tmp/out" | tr '\n' ',')" "R-1001 sales,R-1002 marketing,R-1003 other,R-1004 mixed,"
expect_eq "line mode passes the other columns through (the title too)" \
  "$(jq -r 'select(.id == "R-1001") | .["Job Title"]' "$tmp/out")" "Account Executive"

# JSON export with description/job_title/req_id: one record per element, the nested team passes
# through, a record without the text field names its keys.
run classify "${json[@]}" --format jsonl $fixtures/job_export.json
expect_eq "json export status (one record lacks its description)" "$status" 2
expect_eq "ids from req_id" "$(jq -c .id "$tmp/out" | tr '\n' ' ')" '5501 5502 "5503-B" "tests/fixtures/inputs/job_export.json:18" '
expect_eq "verdicts of the JSON export" "$(jq -r .label "$tmp/out" | tr '\n' ' ')" "sales marketing other unknown "
expect_eq "nested fields pass through" "$(jq -r 'select(.id == 5501) | .team.region' "$tmp/out")" EMEA
expect_grep "keys named" "job_export.json:18: no \"description\" string in this record (its keys: req_id, job_title, notes): check --text-field" "$tmp/err"
# The same records as JSON Lines, with a dotted path to the text.
jq -c '.[] | {id: .req_id, job: {description: .description, title: .job_title}}' "$src/$fixtures/job_export.json" >"$tmp/nested.jsonl"
"$bin" classify --input jsonl --text-field job.description --title-field job.title --format jsonl "$tmp/nested.jsonl" >"$tmp/out" 2>"$tmp/err"
expect_eq "dotted paths reach the text" "$(jq -r .label "$tmp/out" | tr '\n' ' ')" "sales marketing other unknown "
expect_eq "the title field is the posting's title" \
  "$(jq -r 'select(.id == 5501) | .duties[0].section + ":" + .duties[0].text' "$tmp/out")" "title:Inside Sales Representative"
# The pretty-printed array given as JSONL: one error that suggests --input json or jq -c, no records.
run classify --input jsonl $fixtures/job_export.json
expect_eq "pretty JSON as JSONL status" "$status" 2
expect_eq "pretty JSON as JSONL: no records" "$(wc -c <"$tmp/out")" 0
expect_eq "pretty JSON as JSONL: one message" "$(wc -l <"$tmp/err")" 1
expect_grep "pretty JSON hint" "read it with --input json, or convert it with jq -c '.[]'" "$tmp/err"
# A CSV file given as JSONL: one error that suggests --input csv, not one error per row.
printf 'id,text\n1,Close deals\n2,File papers\n' >"$tmp/export.csv"
"$bin" classify --input jsonl "$tmp/export.csv" >"$tmp/out" 2>"$tmp/err"
expect_eq "CSV as JSONL status" "$?" 2
expect_eq "CSV as JSONL: no records" "$(wc -c <"$tmp/out")" 0
expect_eq "CSV as JSONL: one message" "$(wc -l <"$tmp/err")" 1
expect_grep "CSV hint" "export.csv:1:1: error: this looks like the header row of a CSV file, not JSON Lines (one object per line): read it with --input csv" "$tmp/err"
# A .csv, .jsonl or .json file given without --input is read as plain text (as documented) with one warning that
# names the --input that reads its records; --input text says it is meant and silences it.
printf 'id,text\n1,Sell cars\n' >"$tmp/export.csv"
"$bin" classify "$tmp/export.csv" >"$tmp/out" 2>"$tmp/err"
expect_eq "CSV read as text: status" "$?" 0
expect_eq "CSV read as text: one record per line" "$(wc -l <"$tmp/out")" 2
expect_eq "CSV read as text: one warning" "$(cat "$tmp/err")" "rolecheck: $tmp/export.csv: warning: read as plain text, \
one duty per line (its header row and fields too); to read its records give --input csv (with --unit line for one \
duty per record)"
"$bin" classify --unit document "$tmp/export.csv" "$tmp/export.csv" >/dev/null 2>"$tmp/err"
expect_eq "CSV read as a document, named twice: one warning in document words" "$(cat "$tmp/err")" "rolecheck: \
$tmp/export.csv: warning: read as plain text, one job description (its header row and fields too); to read its \
records give --input csv"
"$bin" classify --input text "$tmp/export.csv" >/dev/null 2>"$tmp/err"
expect_eq "CSV read as text on purpose: no warning" "$(cat "$tmp/err")" ""
printf '{"text": "Sell cars"}\n' | gzip >"$tmp/records.jsonl.gz"
"$bin" classify "$tmp/records.jsonl.gz" >/dev/null 2>"$tmp/err"
expect_grep "JSONL read as text: --input jsonl named" "records.jsonl.gz: warning: read as plain text, one duty per line (its JSON syntax too); to read its records give --input jsonl" "$tmp/err"
# A first line that is neither JSON nor a header row is one error record; the records after it are read.
printf 'exported 2026-12-04,rows=2\n{"text":"Close deals"}\n{"text":"File papers"}\n' >"$tmp/preamble.jsonl"
"$bin" classify --input jsonl --format jsonl "$tmp/preamble.jsonl" >"$tmp/out" 2>"$tmp/err"
expect_eq "JSONL preamble: status" "$?" 2
expect_eq "JSONL preamble: one record per line" "$(jq -r .label "$tmp/out" | tr '\n' ' ')" "unknown sales other "
# A record without "text" says which keys it has and suggests the likely field.
echo '{"id": 1, "description": "Close deals"}' | "$bin" classify --input jsonl --format jsonl >"$tmp/out" 2>"$tmp/err"
expect_grep "likely field suggested" '(its keys: id, description): name the text field: --text-field description' "$tmp/err"
# Blank JSONL lines are skipped and counted, not unknown records; line mode keeps ids.
run classify --input jsonl --unit line --format jsonl $fixtures/with_blanks.jsonl
expect_eq "blank lines do not fail the run" "$status" 0
expect_eq "jsonl line mode keeps ids" "$(jq -r '.id + " " + .label' "$tmp/out" | tr '\n' ',')" "a sales,b marketing,"
expect_grep "blank jsonl lines counted" "with_blanks.jsonl: 2 blank lines skipped (not records)" "$tmp/err"
# In line mode a record that cannot be read is an unknown record flagged for review whose basis says so and whose
# JSON carries the error (as a document error record does), never an "empty" line; the run exits 2.
printf '{"d":"Sell cars"}\n{"x":1}\nnot json\n' >"$tmp/bad.jsonl"
"$bin" classify --input jsonl --text-field d --unit line --format jsonl "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
expect_eq "line-mode bad records: status" "$?" 2
expect_eq "line-mode bad records: one record each" "$(wc -l <"$tmp/out")" 3
expect_eq "line-mode bad records: basis, review, error" \
  "$(jq -r 'select(.line > 1) | [.label, .basis, .review, (.error | startswith("no \"d\" string") or startswith("not a JSON"))] | @tsv' "$tmp/out" | tr '\t\n' ' ,')" \
  "unknown the record could not be read true true,unknown the record could not be read true true,"
run classify --input jsonl --format jsonl $fixtures/with_blanks.jsonl
expect_eq "without --unit, JSONL records stay documents" "$(jq -r .duties[0].section "$tmp/out" | head -1)" intro

# HTML: detected by its name (also gzip-compressed), tags, scripts, styles and templates gone,
# headings recognised, each <li> its own duty, entities decoded.
run classify --format jsonl $fixtures/posting.html
expect_eq "html status" "$status" 0
expect_eq "html verdict" "$(jq -r .label "$tmp/out")" sales
expect_eq "five <li> duties" "$(jq -r '[.duties[] | select(.section == "duties")] | length' "$tmp/out")" 5
expect_eq "<h3> requirements heading" "$(jq -r '[.duties[] | select(.section == "requirements")] | length' "$tmp/out")" 2
expect_eq "<h1> is the title" "$(jq -r '.duties[0].section + ":" + .duties[0].text' "$tmp/out")" "title:Field Sales Representative"
expect_eq "no tags, scripts, styles, comments or templates in the duties" \
  "$(jq -r '[.duties[].text | select(test("<|>|&amp;|window|font-family|budget|template"))] | length' "$tmp/out")" 0
expect_grep "entities decoded" 'Run product demos for contractors & store buyers' "$tmp/out"
run classify --format jsonl $fixtures/posting.html.gz
expect_eq "posting.html.gz reads as HTML" "$(jq -r '.duties | length' "$tmp/out")" 12
run classify --unit line --input html $fixtures/posting.html
expect_eq "--unit line --input html is refused" "$status" 2
run classify --unit line $fixtures/posting.html
expect_eq "--unit line on a .html file is refused (its markup would be read as duties)" "$status" 2
run classify $fixtures/posting.html $fixtures/posting.md
expect_eq ".html files mixed with text files without --input are refused" "$status" 2
run classify --unit document $fixtures/posting.html $fixtures/posting.md
expect_eq "--unit document reads .html and text files together" "$status" 0

# Markdown: "**Location:** Midwest" keeps its text, Word's "o" bullets are items, "# Title" loses its
# "#", a long "##" heading is a heading.
run classify --unit document --format jsonl $fixtures/posting.md
expect_eq "# title without its #" \
  "$(jq -r '.duties[0].section + ":" + .duties[0].text' "$tmp/out")" "title:Senior Account Executive, Enterprise Software Sales Team"
expect_eq "bold label keeps its text" "$(jq -r '[.duties[].text | select(. == "Midwest (remote)")] | length' "$tmp/out")" 1
expect_eq "o bullets are items, ## heading recognised" "$(jq -r '[.duties[] | select(.section == "duties")] | length' "$tmp/out")" 4

# gzip: any input read decompressed, on stdin too; a truncated file is an error, exit 2.
run classify $fixtures/duties.txt.gz
expect_eq "gzip lines" "$(cut -c1-9 "$tmp/out" | tr -d ' ' | tr '\n' ' ')" "sales marketing other "
(cd "$src" && "$bin" classify --format tsv <$fixtures/duties.txt.gz) >"$tmp/out" 2>"$tmp/err"
expect_eq "gzip on stdin" "$(wc -l <"$tmp/out")" 4
gzip -c "$src/$fixtures/ats_export.csv" >"$tmp/ats.csv.gz"
"$bin" classify "${ats[@]}" --count "$tmp/ats.csv.gz" >"$tmp/out" 2>"$tmp/err"
expect_eq "gzip csv" "$(tr '\n' ' ' <"$tmp/out")" "sales	1 marketing	1 other	1 hybrid	1 unknown	0 "
head -c 40 "$src/$fixtures/posting.html.gz" >"$tmp/cut.html.gz"
"$bin" classify "$tmp/cut.html.gz" >"$tmp/out" 2>"$tmp/err"
expect_eq "truncated gzip status" "$?" 2
expect_grep "truncated gzip message" "truncated gzip data" "$tmp/err"

# Binary files: an error record and exit 2 in document mode; a message and exit 2 in line mode.
run classify --unit document --format jsonl $fixtures/program.bin
expect_eq "binary document status" "$status" 2
expect_eq "binary: no label" "$(jq -r .label "$tmp/out")" unknown
expect_grep "binary error record" '"error":"input is an executable (ELF), not text; give UTF-8 text"' "$tmp/out"
run classify $fixtures/program.bin
expect_eq "binary line status" "$status" 2
expect_eq "binary line mode: no label" "$(wc -c <"$tmp/out")" 0

# report and diff read the same formats.
run report "${ats[@]}" -o "$tmp/report.html" $fixtures/ats_export.csv
expect_eq "report of a csv" "$status" 0
grep -q 'R-1004' "$tmp/report.html" || fail "report shows the csv ids"
run diff "${json[@]}" embedded embedded $fixtures/job_export.json
expect_eq "diff of the JSON export (one record lacks its text)" "$status" 2

finish inputs
