#!/usr/bin/env bash
# End-to-end tests of classify in a terminal: --summary (golden files, -j N, --only, --count,
# --quiet, document mode), the progress line (run under a pseudo-terminal; never on a pipe or with
# --quiet), and matched words highlighted with --explain and colour (never in other formats).
# Usage: terminal.sh ROLECHECK SOURCE_DIR   (UPDATE_GOLDEN=1 rewrites the golden files)
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$2
golden=$src/tests/golden
pty_run=$src/tests/cli/pty_run.py
export LC_ALL=C.UTF-8
unset ROLECHECK_TAXONOMY NO_COLOR ROLECHECK_PROGRESS_DELAY_MS
cd "$src" || exit 2
esc=$'\e'
clear_line=$'\r\e[K'

# check_stderr_golden NAME COMMAND...: stderr must equal tests/golden/NAME, exit 0; stdout goes to $tmp/out.
check_stderr_golden() {
  local name=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  [ $status -eq 0 ] || fail "$name: exit $status"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/err" "$golden/$name"; return; fi
  diff -u "$golden/$name" "$tmp/err" >"$tmp/diff" || fail "$name differs from golden:\n$(head -20 "$tmp/diff")"
}

# --- --summary ---------------------------------------------------------------------------------------
duties=data/examples/duties.txt
check_stderr_golden classify.summary.txt "$bin" classify -q --summary "$duties"
[ -s "$tmp/out" ] && fail "-q --summary wrote to stdout"
check_stderr_golden documents.summary.txt "$bin" classify --unit document --summary \
  data/examples/posting_hybrid.txt data/examples/posting_marketing.txt data/examples/posting_sales.txt
grep -q '^data/examples/posting_sales.txt: sales' "$tmp/out" || fail "document --summary: records missing on stdout"

# Records unchanged on stdout, the summary after them on stderr only.
"$bin" classify --summary "$duties" >"$tmp/out" 2>"$tmp/err" || fail "--summary: exit $?"
diff -q "$golden/classify.text" "$tmp/out" >/dev/null || fail "--summary changed the records on stdout"
diff -q "$golden/classify.summary.txt" "$tmp/err" >/dev/null || fail "--summary with records: stderr differs"
# The shares add up to the records; a 100 % label fills the bar's 24 cells.
grep -q '^summary: 13 lines$' "$tmp/err" || fail "summary header"
printf 'Cold-call prospects\nClose deals with buyers\n' | "$bin" classify -q --summary 2>"$tmp/err"
grep -qx '  sales      2  100.0%  ████████████████████████' "$tmp/err" || fail "100 % bar: $(sed -n 2p "$tmp/err")"
# No colour on a pipe; --color always colours labels and bars; never in the records' formats.
grep -q "$esc" "$tmp/err" && fail "summary coloured on a pipe"
"$bin" classify -q --summary --color always "$duties" 2>"$tmp/err"
grep -q "$esc\[1;32msales" "$tmp/err" || fail "--color always: summary labels not coloured"
sed "s/$esc\[[0-9;]*m//g" "$tmp/err" | diff -q "$golden/classify.summary.txt" - >/dev/null ||
  fail "coloured summary differs from the plain one once the colours are removed"
NO_COLOR=1 "$bin" classify -q --summary --color auto "$duties" 2>"$tmp/err"
grep -q "$esc" "$tmp/err" && fail "NO_COLOR: summary coloured"

# --only and --count change what goes to stdout, not the summary (it counts every record).
"$bin" classify --only sales --summary "$duties" >"$tmp/out" 2>"$tmp/err"
diff -q "$golden/classify.summary.txt" "$tmp/err" >/dev/null || fail "--only changed the summary"
sales=$("$bin" classify --count "$duties" | awk '$1 == "sales" { print $2 }')  # follows the taxonomy's tuning
[ "$(wc -l <"$tmp/out")" -eq "$sales" ] || fail "--only sales --summary: expected $sales records"
"$bin" classify --count --summary "$duties" >"$tmp/out" 2>"$tmp/err"
grep -qx $'marketing\t7' "$tmp/out" || fail "--count --summary: counts missing on stdout"
diff -q "$golden/classify.summary.txt" "$tmp/err" >/dev/null || fail "--count changed the summary"

# -j N gives the same summary as -j 1 (blocks are summed in order), over many blocks.
for i in $(seq 1 800); do cat "$duties"; done >"$tmp/many.txt"
"$bin" classify -q --summary -j 1 "$tmp/many.txt" 2>"$tmp/j1"
"$bin" classify -q --summary -j 3 "$tmp/many.txt" 2>"$tmp/j3"
diff -q "$tmp/j1" "$tmp/j3" >/dev/null || fail "-j 3 summary differs from -j 1"
grep -q '^summary: 10400 lines$' "$tmp/j1" || fail "-j summary: wrong line count: $(head -1 "$tmp/j1")"
line=$(awk -v n="$sales" 'BEGIN { printf "  sales      %d  %5.1f%%", n * 800, 100 * n / 13 }')
grep -q "^$line" "$tmp/j1" || fail "-j summary: sales line: $(sed -n 2p "$tmp/j1") (expected '$line')"

# --- progress line -----------------------------------------------------------------------------------
# Needs a pseudo-terminal (python3's pty); without one this part is a skip (exit 77), never a pass.
if python3 -c 'import os, pty; m, s = pty.openpty(); os.close(m); os.close(s)' 2>/dev/null; then
  # A run that outlasts the delay (a pipe that pauses 0.5 s, with the test hook's delay of 100 ms rather than
  # the default second): the line appears on the terminal, then is erased before the summary. Percentages
  # need every input to be a regular file, so there is none here.
  for i in $(seq 1 500); do cat "$duties"; done >"$tmp/part.txt"
  ROLECHECK_PROGRESS_DELAY_MS=100 python3 "$pty_run" "$tmp/out" -- bash -c "{ cat '$tmp/part.txt'; sleep 0.5; cat '$tmp/part.txt' '$tmp/part.txt'; } |
    '$bin' classify --summary" >"$tmp/tty" || fail "progress run: exit $?"
  { grep -qF "${clear_line}rolecheck: " "$tmp/tty" && grep -aq "rolecheck: [0-9]* lines, [0-9]* lines/s" "$tmp/tty"; } ||
    fail "no progress line on the terminal: $(head -c 200 "$tmp/tty" | od -c | head -5)"
  grep -aq "lines/s, [0-9]*%" "$tmp/tty" && fail "progress shows a percentage for a pipe"
  grep -qF "${clear_line}summary: 19500 lines" "$tmp/tty" || fail "progress line not erased before the summary"
  [ "$(wc -l <"$tmp/out")" -eq 19500 ] || fail "progress run: records missing on stdout"
  grep -q "rolecheck:" "$tmp/out" && fail "progress went to stdout"

  # Regular files: a percentage. ROLECHECK_PROGRESS_DELAY_MS=0 (a test hook) shows the line at once.
  ROLECHECK_PROGRESS_DELAY_MS=0 python3 "$pty_run" "$tmp/out" -- "$bin" classify "$tmp/many.txt" "$duties" >"$tmp/tty" ||
    fail "progress on files: exit $?"
  grep -aq "rolecheck: [0-9]* lines, [0-9]* lines/s, [0-9]*%" "$tmp/tty" || fail "no percentage for regular files"
  last=$(tail -c 4 "$tmp/tty")
  [ "$last" = "$clear_line" ] || fail "progress line not erased at the end: $(tail -c 40 "$tmp/tty" | od -c)"
  # Never on a pipe, never with --quiet, never when the records go to the same terminal.
  ROLECHECK_PROGRESS_DELAY_MS=0 "$bin" classify "$tmp/many.txt" >/dev/null 2>"$tmp/err"
  [ -s "$tmp/err" ] && fail "progress on a pipe: $(head -c 100 "$tmp/err")"
  ROLECHECK_PROGRESS_DELAY_MS=0 python3 "$pty_run" "$tmp/out" -- "$bin" classify -q --summary "$tmp/many.txt" >"$tmp/tty"
  grep -aq "lines/s" "$tmp/tty" && fail "progress with --quiet"
  grep -q "summary: 10400 lines" "$tmp/tty" || fail "--quiet --summary: no summary on the terminal"
  ROLECHECK_PROGRESS_DELAY_MS=0 python3 "$pty_run" --stdout-too "$tmp/out" -- "$bin" classify "$tmp/many.txt" >"$tmp/tty"
  grep -aq "lines/s" "$tmp/tty" && fail "progress while the records go to the same terminal"
  # --count writes no records until the end: progress is fine there.
  ROLECHECK_PROGRESS_DELAY_MS=0 python3 "$pty_run" --stdout-too "$tmp/out" -- "$bin" classify --count "$tmp/many.txt" >"$tmp/tty"
  grep -aq "lines/s" "$tmp/tty" || fail "no progress with --count"

  # Document mode counts documents, and shows a percentage for regular files.
  for i in $(seq 1 100); do cat "$src/data/examples/postings.jsonl"; done >"$tmp/postings.jsonl"
  ROLECHECK_PROGRESS_DELAY_MS=0 python3 "$pty_run" "$tmp/out" -- "$bin" classify --input jsonl -f jsonl -j 2 "$tmp/postings.jsonl" \
    >"$tmp/tty" || fail "document progress: exit $?"
  grep -aq "rolecheck: [0-9]* documents, [0-9]* documents/s, [0-9]*%" "$tmp/tty" || fail "no document progress line"
  [ "$(tail -c 4 "$tmp/tty")" = "$clear_line" ] || fail "document progress line not erased at the end"
  [ "$(grep -c '' "$tmp/out")" -eq "$(grep -c '' "$tmp/postings.jsonl")" ] || fail "document progress run: records missing"
  ROLECHECK_PROGRESS_DELAY_MS=0 "$bin" classify --input jsonl "$tmp/postings.jsonl" >/dev/null 2>"$tmp/err"
  [ -s "$tmp/err" ] && fail "document progress on a pipe: $(head -c 100 "$tmp/err")"
else
  skipped="no pseudo-terminal (python3 pty): the progress line was not checked"
fi

# --- matched words highlighted with --explain and colour -----------------------------------------------
"$bin" classify --explain --color always "$duties" >"$tmp/out"
grep -q "$esc\[1;4;32mCold-call$esc\[0m" "$tmp/out" || fail "--explain --color always: sales match not highlighted"
grep -q "$esc\[1;4;35m" "$tmp/out" || fail "--explain --color always: no marketing match highlighted"
sed "s/$esc\[[0-9;]*m//g" "$tmp/out" | diff -q "$golden/classify.explain.txt" - >/dev/null ||
  fail "--explain with colour differs from the golden file once the colours are removed"
"$bin" classify --explain --color never "$duties" | diff -q "$golden/classify.explain.txt" - >/dev/null ||
  fail "--explain without colour changed"
"$bin" classify --color always "$duties" | grep -q "$esc\[1;4;" && fail "highlight without --explain"
for format in jsonl json tsv csv; do
  "$bin" classify --color always --format "$format" "$duties" >"$tmp/fmt" || fail "--color always --format $format: exit $?"
  [ -s "$tmp/fmt" ] || fail "--color always --format $format: no records"
  grep -q "$esc" "$tmp/fmt" && fail "colour in $format"
done
"$bin" classify --unit document --explain --color always data/examples/posting_sales.txt >"$tmp/out"
grep -q "$esc\[1;4;32m" "$tmp/out" || fail "document --explain --color always: no highlight"
"$bin" classify --unit document --explain --color never data/examples/posting_sales.txt >"$tmp/plain"
sed "s/$esc\[[0-9;]*m//g" "$tmp/out" | diff -q "$tmp/plain" - >/dev/null ||
  fail "document --explain with colour differs from the plain text once the colours are removed"

finish terminal
