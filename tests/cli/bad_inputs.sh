#!/usr/bin/env bash
# The bad inputs and faults of docs guide bad-inputs.md, fed to the real binary: exit status,
# stderr, and one record per input line (counted with --format jsonl, one record per output line).
# Usage: bad_inputs.sh path/to/rolecheck
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rolecheck=$(realpath "$1")
chmod 755 "$tmp"
cd "$tmp" || exit 1

# run ARGS...: runs rolecheck with stdout in out.txt, stderr in err.txt, status in $status
run() { "$rolecheck" "$@" >out.txt 2>err.txt; status=$?; }

# 1. Invalid UTF-8: replaced, classified, one warning per file naming the first bad line.
printf 'Sell products\nbad \xff\xfe byte\nmore \xc3\x28 bad\nlast\n' >invalid.txt
run classify -f jsonl invalid.txt
expect_eq "invalid utf-8 status" "$status" 0
expect_eq "invalid utf-8 records" "$(lines out.txt)" 4
expect_eq "invalid utf-8 one warning" "$(grep -c 'invalid UTF-8' err.txt)" 1
expect_grep "invalid utf-8 warning names line" "invalid.txt:2: warning: invalid UTF-8" err.txt
iconv -f UTF-8 -t UTF-8 out.txt >/dev/null 2>&1 || fail "invalid utf-8: output is not valid UTF-8"
expect_grep "invalid utf-8 replaced" $'bad \xef\xbf\xbd\xef\xbf\xbd byte' out.txt

# 2. NUL bytes do not cut lines.
printf 'sell\0products\n\0\nrun campaigns\n' >nul.txt
run classify -f jsonl nul.txt
expect_eq "nul status" "$status" 0
expect_eq "nul records" "$(lines out.txt)" 3
expect_grep "nul kept as \\u0000" 'sell\u0000products' out.txt
expect_grep "nul warning" "nul.txt:1: warning: NUL" err.txt

# 3. A UTF-8 BOM is stripped from the first line.
printf '\xef\xbb\xbfSell products\nRun campaigns\n' >bom.txt
run classify -f tsv bom.txt
expect_eq "bom status" "$status" 0
expect_eq "bom first text" "$(sed -n 2p out.txt | cut -f6)" "Sell products"
expect_empty "bom stderr" err.txt
printf '\xef\xbb\xbf' >bom_only.txt
run classify bom_only.txt
expect_eq "bom only status" "$status" 0
expect_empty "bom only output" out.txt

# 4. UTF-16 (with or without a BOM): an error naming the file and suggesting iconv; other files go on.
printf 'Sell products\nRun campaigns\n' >good.txt
printf '\xff\xfe' >utf16.txt
iconv -f UTF-8 -t UTF-16LE good.txt >>utf16.txt
iconv -f UTF-8 -t UTF-16LE good.txt >utf16_nobom.txt
iconv -f UTF-8 -t UTF-16BE good.txt >utf16be_nobom.txt
for file in utf16.txt utf16_nobom.txt utf16be_nobom.txt; do
  run classify -f jsonl "$file" good.txt
  expect_eq "$file status" "$status" 2
  expect_grep "$file names file and iconv" "$file:1:1: error: input is UTF-16" err.txt
  expect_grep "$file suggests iconv" "iconv -f UTF-16" err.txt
  expect_eq "$file other file still read" "$(lines out.txt)" 2
done
cat utf16.txt | "$rolecheck" classify >out.txt 2>err.txt
expect_eq "utf-16 stdin status" "$?" 2
expect_grep "utf-16 stdin hint" "pipe it through iconv" err.txt

# 5. CRLF: the CR is dropped before matching and never shows in the output.
printf 'Sell products\r\nRun campaigns\r\n\r\n' >crlf.txt
run classify -f tsv crlf.txt
expect_eq "crlf status" "$status" 0
expect_eq "crlf records" "$(($(lines out.txt) - 1))" 3
grep -q $'\r\\|\\\\r' out.txt && fail "crlf: a CR reached the output"
printf 'Sell products\n' | "$rolecheck" classify -f tsv >lf.txt
expect_eq "crlf same answer as lf" "$(sed -n 2p out.txt)" "$(sed -e 2!d -e 's/^-/crlf.txt/' lf.txt)"

# 6. A 100 MB line without a newline: an unknown record, bounded memory.
if [ -x /usr/bin/time ]; then
  { head -c 100000000 /dev/zero | tr '\0' 'a'; printf '\nSell products'; } |
    /usr/bin/time -f '%M' -o rss.txt "$rolecheck" classify -f jsonl >out.txt 2>err.txt
  expect_eq "100 MB line status" "$?" 0
  expect_eq "100 MB line records" "$(lines out.txt)" 2
  expect_grep "100 MB line labelled unknown" '"label":"unknown","confidence":1.00,"review":true,"basis":"line longer than --max-line-bytes"' out.txt
  expect_grep "100 MB line warning" "-:1: warning: line longer than --max-line-bytes=1048576" err.txt
  rss=$(tail -1 rss.txt)
  # Under AddressSanitizer (CI exports ASAN_OPTIONS for that suite) shadow memory and the quarantine add
  # about 70 MB whatever the input; reading the line whole would still go far past 160 MB there.
  limit=65536
  [ -n "${ASAN_OPTIONS:-}" ] && limit=163840
  [ "$rss" -lt "$limit" ] || fail "100 MB line: max RSS ${rss} kB, expected under $((limit / 1024)) MB"
else
  fail "/usr/bin/time is missing (scripts/setup.sh --test installs it)"
fi
head -c 100000000 /dev/zero | tr '\0' 'b' | "$rolecheck" classify -f jsonl >out.txt 2>err.txt
expect_eq "100 MB line at end status" "$?" 0
expect_eq "100 MB line at end records" "$(lines out.txt)" 1

# --max-line-bytes: a line exactly at the limit is read, one byte more is not; a CR does not count.
printf '12345678\n123456789\n12345678\r\n' >limit.txt
run classify -f tsv --max-line-bytes 8 limit.txt
expect_eq "limit status" "$status" 0
expect_eq "limit texts" "$(cut -f6 out.txt | tr '\n' ' ')" "text 12345678  12345678 "
expect_grep "limit warning" "limit.txt:2: warning: line longer than --max-line-bytes=8" err.txt

# 8. Empty input: no output, exit 0. 9. No final newline: the last line is a line.
: >empty.txt
run classify empty.txt
expect_eq "empty status" "$status" 0
expect_empty "empty output" out.txt
expect_empty "empty stderr" err.txt
run classify -f jsonl </dev/null
expect_eq "empty stdin status" "$status" 0
expect_empty "empty stdin output" out.txt
printf 'Sell products\nRun campaigns' >no_newline.txt
run classify -f jsonl no_newline.txt
expect_eq "no final newline records" "$(lines out.txt)" 2
printf '\n\n\r\n' >blank.txt
run classify -f jsonl blank.txt
expect_eq "blank lines records" "$(lines out.txt)" 3

# 10, 11. Missing, unreadable and directory arguments: named, the others processed, exit 2.
run classify -f jsonl missing.txt good.txt
expect_eq "missing status" "$status" 2
expect_grep "missing named" "rolecheck: missing.txt: No such file or directory" err.txt
expect_eq "missing others read" "$(lines out.txt)" 2
mkdir -p adir
run classify -f jsonl good.txt adir good.txt
expect_eq "directory status" "$status" 2
expect_grep "directory named" "rolecheck: adir: is a directory" err.txt
expect_eq "directory others read" "$(lines out.txt)" 4
printf 'secret\n' >secret.txt
chmod 600 secret.txt
chmod 644 good.txt
status=
if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
  # As root, chmod does not stop reads: run as nobody, from a copy of the binary nobody can reach (the
  # build may sit under /root, mode 0700); $tmp is 0755 in /tmp.
  cp "$rolecheck" "$tmp/rolecheck-copy" && chmod 755 "$tmp/rolecheck-copy"
  runuser -u nobody -- "$tmp/rolecheck-copy" classify -f jsonl secret.txt good.txt >out.txt 2>err.txt
  status=$?
elif [ "$(id -u)" -ne 0 ]; then
  chmod 000 secret.txt
  run classify -f jsonl secret.txt good.txt
else
  fail "unreadable: running as root without runuser, the check cannot run"
fi
[ -n "$status" ] && {
  expect_eq "unreadable status" "$status" 2
  expect_grep "unreadable named" "rolecheck: secret.txt: Permission denied" err.txt
  expect_eq "unreadable others read" "$(lines out.txt)" 2
}

# 12. Write errors: "write error", exit 2 (stdout, -o on a device, help text).
if [ -w /dev/full ]; then
  "$rolecheck" classify good.txt >/dev/full 2>err.txt
  expect_eq "/dev/full status" "$?" 2
  expect_grep "/dev/full message" "rolecheck: write error" err.txt
  "$rolecheck" classify -o /dev/full good.txt 2>err.txt
  expect_eq "-o /dev/full status" "$?" 2
  expect_grep "-o /dev/full message" "write error" err.txt
  [ -c /dev/full ] || fail "-o /dev/full replaced the device"
  # With worker threads the write error ends the run while blocks are still being classified
  # (the ASan run of this suite checks that nothing they use is freed under them).
  for ((i = 0; i < 20000; i++)); do echo "Cold-call prospects $i and plan campaigns"; done >big.txt
  "$rolecheck" classify -j 4 --format jsonl big.txt >/dev/full 2>err.txt
  expect_eq "-j 4 >/dev/full status" "$?" 2
  expect_grep "-j 4 >/dev/full message" "rolecheck: write error" err.txt
  for ((i = 0; i < 2000; i++)); do echo '{"text": "Sell advertising space and write copy"}'; done >big.jsonl
  "$rolecheck" classify --input jsonl -j 4 --format jsonl big.jsonl >/dev/full 2>err.txt
  expect_eq "documents -j 4 >/dev/full status" "$?" 2
  expect_grep "documents -j 4 >/dev/full message" "rolecheck: write error" err.txt
  "$rolecheck" --help >/dev/full 2>err.txt
  expect_eq "--help >/dev/full status" "$?" 2
  expect_grep "--help >/dev/full message" "write error" err.txt
fi

# 13. A closed pipe: stop at once and quietly (by SIGPIPE, or exit 2 when SIGPIPE is ignored).
yes 'Sell products' | head -n 100000 >many.txt
"$rolecheck" classify many.txt 2>err.txt | head -n 1 >out.txt
statuses=("${PIPESTATUS[@]}")
expect_eq "head -1 output" "$(lines out.txt)" 1
expect_eq "head -1 killed by SIGPIPE" "${statuses[0]}" 141
expect_empty "head -1 stderr" err.txt
(trap '' PIPE; "$rolecheck" classify many.txt 2>err.txt | head -n 1 >/dev/null; exit "${PIPESTATUS[0]}")
expect_eq "head -1 with SIGPIPE ignored status" "$?" 2
expect_empty "head -1 with SIGPIPE ignored stderr" err.txt

# 14. -o FILE: written whole via a temporary file; an interrupted run leaves neither.
run classify -f jsonl -o result.jsonl good.txt
expect_eq "-o status" "$status" 0
expect_eq "-o records" "$(lines result.jsonl)" 2
expect_eq "-o leaves no temporary file" "$(ls | grep -c 'tmp-')" 0
mkfifo feed
set -m  # background jobs get default SIGINT handling
for signal in INT TERM HUP; do
  rm -f partial.jsonl
  "$rolecheck" classify -f jsonl -o partial.jsonl feed 2>err.txt &
  pid=$!
  exec 3>feed  # keeps the input open: the run is mid-way until the signal
  cat many.txt >&3
  for _ in $(seq 100); do
    temp=$(ls partial.jsonl.tmp-* 2>/dev/null)
    [ -n "$temp" ] && [ "$(stat -c %s "$temp")" -gt 0 ] && break
    sleep 0.05
  done
  [ -n "$temp" ] || fail "-o $signal: no temporary file appeared"
  kill -"$signal" "$pid"
  wait "$pid" 2>/dev/null
  status=$?
  exec 3>&-
  [ "$status" -gt 128 ] || fail "-o $signal: status $status, expected death by signal"
  [ -e partial.jsonl ] && fail "-o $signal: partial.jsonl exists"
  expect_eq "-o $signal leaves no temporary file" "$(ls | grep -c 'tmp-')" 0
done
set +m

# Binary junk at the start (control bytes, then a slice of the binary): refused as UTF-16 is, with a
# message naming the file and exit 2, never labelled.
awk 'BEGIN { for (i = 1; i < 256; i++) printf "%c%s", i, (i % 7 == 0 ? "\n" : "") }' >junk.txt
head -c 300000 "$rolecheck" >>junk.txt
run classify -f jsonl junk.txt
expect_eq "junk status" "$status" 2
expect_eq "junk records" "$(lines out.txt)" 0
expect_grep "junk message" "rolecheck: junk.txt:1:1: error: input is binary data, not text" err.txt
head -c 200000 "$rolecheck" >elf.bin
run classify elf.bin
expect_eq "executable status" "$status" 2
expect_grep "executable message" "rolecheck: elf.bin:1:1: error: input is an executable (ELF), not text" err.txt

# Text whose stray binary bytes come after its first kilobyte: every line yields one record, in order.
{ for i in $(seq 1 40); do echo "Sell products to customers, line $i"; done; cat junk.txt; } >late_junk.txt
run classify -f jsonl late_junk.txt
expect_eq "late junk status" "$status" 0
expect_eq "late junk records" "$(lines out.txt)" "$(lines late_junk.txt)"
iconv -f UTF-8 -t UTF-8 out.txt >/dev/null 2>&1 || fail "late junk: output is not valid UTF-8"
expect_eq "late junk line numbers in order" "$(grep -o '"line":[0-9]*' out.txt | cut -d: -f2 | sort -n | uniq | wc -l)" \
  "$(lines late_junk.txt)"

# Closed standard descriptors (`2>&-`): rolecheck opens /dev/null on them at start-up, so the -o file
# never takes descriptor 2 and no warning can end up in it.
printf 'Sell products\n\xff bad byte\n' >warn.txt
rm -f closed.out
"$rolecheck" classify -f jsonl -o closed.out warn.txt 2>&-
expect_eq "stderr closed status" "$?" 0
expect_eq "stderr closed: only records in -o" "$(grep -c '"line"' closed.out)/$(lines closed.out)" "2/2"
grep -q "warning" closed.out && fail "stderr closed: a warning went into the -o file"
"$rolecheck" classify -f jsonl -o closed.out warn.txt <&- >&- 2>&-
expect_eq "all three closed status" "$?" 0
expect_eq "all three closed: records" "$(lines closed.out)" 2

# --count and -q honour -o: the counts go to the file, nothing to stdout; -q still creates the file.
for unit in line document; do
  rm -f counts.out
  "$rolecheck" classify --unit "$unit" --count -o counts.out good.txt >stdout.txt 2>err.txt
  expect_eq "--count -o ($unit) status" "$?" 0
  expect_eq "--count -o ($unit) stdout" "$(cat stdout.txt)" ""
  grep -q "^sales" counts.out 2>/dev/null || fail "--count -o ($unit): no counts in the file"
  rm -f quiet.out
  "$rolecheck" classify --unit "$unit" -q -o quiet.out good.txt >stdout.txt 2>err.txt
  expect_eq "-q -o ($unit) status" "$?" 0
  [ -f quiet.out ] && [ ! -s stdout.txt ] || fail "-q -o ($unit): file not created or stdout written"
done

finish bad_inputs
