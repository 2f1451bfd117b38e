#!/usr/bin/env bash
# The bad inputs of docs guide bad-inputs.md in document mode (`--unit document`, `--input jsonl`),
# fed to the real binary: exit status, stderr, and one record per document or JSONL line (counted
# with --format jsonl, one record per output line; every record checked to be a JSON object).
# Usage: bad_documents.sh path/to/rolecheck
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rolecheck=$(realpath "$1")
cd "$tmp" || exit 1

# run ARGS...: rolecheck classify --format jsonl ARGS, stdout in out.txt, stderr in err.txt, status in $status
run() { "$rolecheck" classify --format jsonl "$@" >out.txt 2>err.txt; status=$?; }
# records WHAT N: out.txt holds N records, each a valid UTF-8 JSON object with a label
records() {
  expect_eq "$1 records" "$(lines out.txt)" "$2"
  python3 -c '
import json, sys
for line in open("out.txt", encoding="utf-8"):
    record = json.loads(line)
    assert isinstance(record, dict) and record["label"] in ("sales", "marketing", "other", "hybrid", "unknown")
' 2>/dev/null || fail "$1: output is not one valid UTF-8 JSON object per line: $(head -c 300 out.txt)"
}

printf 'Account Executive\n\nResponsibilities:\n- Close deals with new customers\n- Prospect new accounts\n' >good.txt

# 1. UTF-16 and UTF-32, with or without a BOM: an error record naming the encoding and iconv, the
#    next file still classified, exit 2.
printf '\xff\xfe' >utf16le_bom.txt && iconv -f UTF-8 -t UTF-16LE good.txt >>utf16le_bom.txt
printf '\xfe\xff' >utf16be_bom.txt && iconv -f UTF-8 -t UTF-16BE good.txt >>utf16be_bom.txt
iconv -f UTF-8 -t UTF-16LE good.txt >utf16le.txt
iconv -f UTF-8 -t UTF-16BE good.txt >utf16be.txt
printf '\xff\xfe\x00\x00' >utf32le_bom.txt && iconv -f UTF-8 -t UTF-32LE good.txt >>utf32le_bom.txt
printf '\x00\x00\xfe\xff' >utf32be_bom.txt && iconv -f UTF-8 -t UTF-32BE good.txt >>utf32be_bom.txt
for case in utf16le_bom:UTF-16LE utf16be_bom:UTF-16BE utf16le:UTF-16LE utf16be:UTF-16BE \
  utf32le_bom:UTF-32LE utf32be_bom:UTF-32BE; do
  file=${case%%:*}.txt encoding=${case##*:}
  run --unit document "$file" good.txt
  expect_eq "$file status" "$status" 2
  records "$file" 2
  expect_grep "$file stderr" "rolecheck: $file: input is $encoding, not UTF-8; convert it first: iconv -f $encoding -t UTF-8 $file > $file.utf8" err.txt
  expect_eq "$file stderr lines" "$(lines err.txt)" 1
  expect_grep "$file error record" "\"id\":\"$file\",\"file\":\"$file\",\"label\":\"unknown\"" out.txt
  expect_grep "$file error record says why" "\"error\":\"input is $encoding, not UTF-8" out.txt
  expect_grep "$file next file classified" '"id":"good.txt","file":"good.txt","label":"sales"' out.txt
done
"$rolecheck" classify --unit document --format jsonl <utf16le.txt >out.txt 2>err.txt
expect_eq "utf-16 stdin status" "$?" 2
expect_grep "utf-16 stdin hint" "rolecheck: -: input is UTF-16LE, not UTF-8; convert it first: pipe it through iconv" err.txt
records "utf-16 stdin" 1
# JSONL in UTF-16: no line can be read, so an error naming line 1 and no records; other files go on.
printf '{"id": "a", "text": "Close deals"}\n' >one.jsonl
iconv -f UTF-8 -t UTF-16LE one.jsonl >utf16.jsonl
run --input jsonl utf16.jsonl one.jsonl
expect_eq "utf-16 jsonl status" "$status" 2
expect_grep "utf-16 jsonl stderr" "rolecheck: utf16.jsonl:1:1: error: input is UTF-16LE, not UTF-8" err.txt
records "utf-16 jsonl" 1

# 2. Invalid UTF-8: replaced and classified; one warning per file naming the first line affected.
printf 'Account Executive\n\nClose deals \xff\xfe with customers\nMore \xc3\x28 bad\n' >invalid.txt
run --unit document invalid.txt invalid.txt good.txt
expect_eq "invalid utf-8 status" "$status" 0
records "invalid utf-8" 3
expect_eq "invalid utf-8 warnings" "$(grep -c 'invalid UTF-8' err.txt)" 2
expect_grep "invalid utf-8 warning names file and line" \
  "rolecheck: invalid.txt:3: warning: invalid UTF-8 replaced by U+FFFD (first such line)" err.txt
expect_grep "invalid utf-8 replaced" $'Close deals \xef\xbf\xbd\xef\xbf\xbd with customers' out.txt
printf '{"text": "Sell \xff"}\n{"text": "ok"}\n{"text": "\xc3\x28"}\n' >invalid.jsonl
run --input jsonl invalid.jsonl
expect_eq "invalid utf-8 jsonl status" "$status" 0
records "invalid utf-8 jsonl" 3
expect_eq "invalid utf-8 jsonl one warning" "$(grep -c 'invalid UTF-8' err.txt)" 1
expect_grep "invalid utf-8 jsonl warning" "rolecheck: invalid.jsonl:1: warning: invalid UTF-8" err.txt

# 3. NUL bytes: kept (as word separators), one warning naming the first line; a raw NUL in a JSONL
#    line is not JSON: an error record saying so.
printf 'Account Executive\n\nClose\0deals\nProspect\0accounts\n' >nul.txt
run --unit document nul.txt
expect_eq "nul status" "$status" 0
records "nul" 1
expect_grep "nul warning" "rolecheck: nul.txt:3: warning: NUL bytes read as spaces (first such line)" err.txt
expect_eq "nul one warning" "$(lines err.txt)" 1
expect_grep "nul kept in the duty text" 'Close\u0000deals' out.txt
printf '{"text": "Close\0deals"}\n{"text": "Close\\u0000deals"}\n' >nul.jsonl
run --input jsonl nul.jsonl
expect_eq "nul jsonl status" "$status" 2
records "nul jsonl" 2
expect_grep "nul jsonl message" "nul.jsonl:1: a raw NUL byte is not valid JSON (write \\u0000 inside strings)" err.txt
expect_eq "nul jsonl escaped NUL classified" "$(sed -n 2p out.txt | grep -c '"error"')" 0

# 4. CRLF: the same verdict as LF and no CR in any duty text; CRLF JSONL lines read as lines.
tr -d '\r' <good.txt | sed 's/$/\r/' >crlf.txt
run --unit document crlf.txt good.txt
expect_eq "crlf status" "$status" 0
records "crlf" 2
expect_eq "crlf same verdict as lf" "$(sed -n 1p out.txt | grep -o '"label":"[a-z]*","confidence":[0-9.]*')" \
  "$(sed -n 2p out.txt | grep -o '"label":"[a-z]*","confidence":[0-9.]*')"
grep -q '"text":"[^"]*\\r' out.txt && fail "crlf: a CR reached a duty text"
printf '{"id": 1, "text": "Close deals"}\r\n{"id": 2, "text": "Run campaigns"}\r\n' >crlf.jsonl
run --input jsonl crlf.jsonl
expect_eq "crlf jsonl status" "$status" 0
records "crlf jsonl" 2
expect_empty "crlf jsonl stderr" err.txt

# 5. Long JSONL lines: a 2 MiB record is read; a line over the 16 MiB cap gets an error record and the
#    lines after it are still read.
{
  printf '{"id": "big", "text": "'
  printf 'Close deals with customers. '
  head -c 2200000 /dev/zero | tr '\0' 'x'
  printf '"}\n'
  printf '{"id": "huge", "text": "'
  head -c 17000000 /dev/zero | tr '\0' 'a'
  printf '"}\n{"id": "after", "text": "Run campaigns"}\n'
} >long.jsonl
run --input jsonl long.jsonl
expect_eq "long jsonl status" "$status" 2
records "long jsonl" 3
expect_grep "2 MiB record classified" '"id":"big","file":"long.jsonl","line":1,"label":"sales"' out.txt
expect_grep "over-cap record" '"error":"line longer than 16 MiB: documents are capped at that size"' out.txt
expect_grep "over-cap stderr" "rolecheck: long.jsonl:2: line longer than 16 MiB" err.txt
expect_grep "line after the long one" '"id":"after"' out.txt

# 6. Blank lines are skipped and counted; non-object lines and records without text: error
# records naming their lines (and the keys a record has).
printf '\n{"text": "Close deals"}\n\r\n[1, 2]\n"just a string"\n42\nnull\n{"text": 5}\n{"id": "x"}\n{"text": "Run campaigns"}' >odd.jsonl
run --input jsonl odd.jsonl
expect_eq "odd jsonl status" "$status" 2
records "odd jsonl" "$(($(lines odd.jsonl) - 2))"
expect_eq "odd jsonl error lines" "$(grep '"error"' out.txt | grep -o '"line":[0-9]*' | cut -d: -f2 | tr '\n' ' ')" \
  "4 5 6 7 8 9 "
expect_grep "blank lines counted" "rolecheck: odd.jsonl: 2 blank lines skipped (not records)" err.txt
expect_grep "array message" "rolecheck: odd.jsonl:4: not a JSON object" err.txt
expect_grep "no text message" "rolecheck: odd.jsonl:9: no \"text\" string in this record (its keys: id)" err.txt
expect_eq "odd jsonl stderr lines" "$(lines err.txt)" 7
: >empty.jsonl
run --input jsonl empty.jsonl
expect_eq "empty jsonl status" "$status" 0
expect_empty "empty jsonl output" out.txt
expect_empty "empty jsonl stderr" err.txt

# 7. Deep nesting: 100,000 '[' or a deep field in a record: an error record, never a crash.
{
  head -c 100000 /dev/zero | tr '\0' '['
  printf '\n{"text": "Close deals", "deep": '
  head -c 70 /dev/zero | tr '\0' '['
  head -c 70 /dev/zero | tr '\0' ']'
  printf '}\n{"text": "Close deals", "ok": [[[{"a": [1]}]]]}\n'
} >deep.jsonl
run --input jsonl deep.jsonl
expect_eq "deep status" "$status" 2
records "deep" 3
expect_eq "deep errors" "$(grep -c '"error":"JSON nested deeper than 64 levels"' out.txt)" 2
expect_grep "deep stderr" "rolecheck: deep.jsonl:1: JSON nested deeper than 64 levels" err.txt
expect_grep "shallow nesting passes through" '"ok":[[[{"a":[1]}]]]' out.txt

# 8. Empty and BOM-only documents: one record each, exit 0, valid output. Binary junk (a slice of the
# executable) and a PDF: an error record each, never a label, and exit 2.
: >empty.txt
printf '\xef\xbb\xbf' >bom_only.txt
run --unit document empty.txt bom_only.txt
expect_eq "empty status" "$status" 0
records "empty and BOM-only" 2
head -c 200000 "$rolecheck" >junk.bin
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' >posting.pdf
run --unit document empty.txt junk.bin posting.pdf
expect_eq "junk status" "$status" 2
records "empty, junk and PDF" 3
expect_eq "junk error records" "$(grep -c '"error":"input is' out.txt)" 2
expect_grep "junk message" "rolecheck: junk.bin: input is an executable (ELF), not text" err.txt
expect_grep "pdf message" "rolecheck: posting.pdf: input is a PDF document, not text; extract its text first: pdftotext posting.pdf -" err.txt

# An input that cannot be read (a directory on stdin): a message and exit 2, no record for it, and
# nothing of the input before it repeated (with one job and with several).
printf 'Account Executive\n- Cold-call prospects\n' >one.txt
for jobs in 1 3; do
  "$rolecheck" classify --format jsonl --unit document -j "$jobs" one.txt - </ >out.txt 2>err.txt
  status=$?
  expect_eq "unreadable stdin -j $jobs status" "$status" 2
  records "unreadable stdin -j $jobs" 1
  expect_grep "unreadable stdin -j $jobs message" "rolecheck: -: error: cannot read: Is a directory" err.txt
done

finish bad_documents
