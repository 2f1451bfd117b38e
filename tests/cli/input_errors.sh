#!/usr/bin/env bash
# One per-input error policy for every subcommand that reads files (classify, eval, stats, report, diff,
# fit): an input that cannot be opened or read is reported in the same words, the others are still read
# and everything that could be read is reported, the exit status is 2; the invalid-UTF-8 and NUL warnings
# are the same everywhere; eval and stats read stdin; report and stats open -o before the work.
# Usage: input_errors.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$(realpath "$2")
plain_env
cd "$tmp" || exit 1
# run ARGS...: stdout in out.txt, stderr in err.txt, status in $status
run() { "$bin" "$@" >out.txt 2>err.txt; status=$?; }

cp "$src/tests/fixtures/eval/labelled.tsv" good.tsv
cut -f2 good.tsv | tail -n +2 >duties.txt
printf '\xff\xfe' >utf16.tsv
iconv -f UTF-8 -t UTF-16LE good.tsv >>utf16.tsv
mkdir adir

# 1. A missing file: the same line from every subcommand, exit 2.
for command in "classify" "classify --unit document" "eval" "stats" "report -o r.html" "report --unit document -o r.html" \
  "fit -o fitted.json" "diff embedded embedded" "diff --unit document embedded embedded"; do
  # shellcheck disable=SC2086
  run $command missing.txt
  expect_eq "$command missing: status" "$status" 2
  grep -qx "rolecheck: missing.txt: No such file or directory" err.txt ||
    fail "$command missing: message: $(cat err.txt)"
done

# 1b. No input could be read (missing, a directory, UTF-16): nothing to report. eval and stats print no table,
# report writes no page (and leaves an existing -o file as it was), classify no JSON brackets, counts or summary,
# diff no summary; the diagnostics alone, exit 2.
echo "earlier page" >kept.html
for bad in "missing.txt" "adir" "utf16.tsv" "missing.txt adir"; do
  for command in "eval" "eval -f json" "stats" "stats -f json" "report -o kept.html" "report --unit document -o kept.html" \
    "classify -f json" "classify --count" "classify --summary" "classify --unit document -f json" \
    "classify --unit document --count" "diff embedded embedded" "diff -f jsonl embedded embedded"; do
    # (In document mode a UTF-16 file is read as a document that cannot be classified: an error item, as in classify.)
    [ "$bad" = utf16.tsv ] && [[ $command == *document* ]] && continue
    # shellcheck disable=SC2086
    run $command $bad
    expect_eq "$command $bad: status" "$status" 2
    [ -s out.txt ] && fail "$command $bad: printed a report of nothing: $(head -3 out.txt)"
    grep -q "summary:" err.txt && fail "$command $bad: printed a summary of nothing"
    grep -q "rolecheck: ${bad%% *}" err.txt || fail "$command $bad: no diagnostic naming it: $(cat err.txt)"
  done
  expect_eq "report $bad: -o file left as it was" "$(cat kept.html)" "earlier page"
  # shellcheck disable=SC2086
  run stats -o stats.txt $bad
  [ -e stats.txt ] && fail "stats -o stats.txt $bad: wrote stats.txt"
  [ -n "$(ls -- *.tmp-* 2>/dev/null)" ] && fail "$bad: temporary file left: $(ls -- *.tmp-*)"
  # With a redirected stdout and no -o, report writes no page either.
  # shellcheck disable=SC2086
  run report $bad
  expect_eq "report $bad >file: status" "$status" 2
  [ -s out.txt ] && fail "report $bad >file: wrote a page"
done
# A labelled file whose header is refused gives nothing to report either, and the message says how to
# name the label column.
printf 'gold\ttext\nsales\tClose deals with buyers\n' >nolabel.tsv
for command in "eval" "eval -f json" "stats" "stats -f json"; do
  # shellcheck disable=SC2086
  run $command nolabel.tsv
  expect_eq "$command nolabel.tsv: status" "$status" 2
  [ -s out.txt ] && fail "$command nolabel.tsv: printed a report of nothing: $(head -3 out.txt)"
  grep -q "nolabel.tsv:1: error: .*the header names 'gold', 'text': pick the columns with --label-column NAME and --text-column NAME" \
    err.txt || fail "$command nolabel.tsv: no hint: $(cat err.txt)"
done
run eval nolabel.tsv good.tsv
expect_eq "eval nolabel.tsv good.tsv: status" "$status" 2
[ -s out.txt ] || fail "eval nolabel.tsv good.tsv: no report of good.tsv"
run eval --label-column gold nolabel.tsv
expect_eq "eval --label-column gold nolabel.tsv: status" "$status" 0

# One readable input among unreadable ones is reported as usual, even an empty one.
: >empty.tsv
run eval missing.txt empty.tsv
expect_eq "eval missing + empty: status" "$status" 2
[ -s out.txt ] || fail "eval missing.txt empty.tsv: no report of the readable (empty) input"

# 2. eval good.tsv unreadable.tsv (UTF-16, a directory, a missing file): the report of what could be
# read, the diagnostic, exit 2; the same report whatever comes after the good file.
"$bin" eval good.tsv >alone.txt 2>/dev/null || fail "eval good.tsv alone"
for bad in utf16.tsv adir missing.tsv; do
  for format in text json; do
    run eval -f "$format" good.tsv "$bad"
    expect_eq "eval -f $format good.tsv $bad: status" "$status" 2
    [ -s out.txt ] || fail "eval -f $format good.tsv $bad: no report"
    grep -q "rolecheck: $bad" err.txt || fail "eval -f $format good.tsv $bad: no diagnostic naming it: $(cat err.txt)"
  done
  run eval good.tsv "$bad"
  cmp -s out.txt alone.txt || fail "eval good.tsv $bad: report differs from good.tsv alone"
  # stats and fit: the same policy (fit refuses to write from partial data, and says so).
  run stats good.tsv "$bad"
  expect_eq "stats good.tsv $bad: status" "$status" 2
  grep -q "^cue" out.txt || grep -q "cues" out.txt || fail "stats good.tsv $bad: no report: $(head -3 out.txt)"
  grep -q "rolecheck: $bad" err.txt || fail "stats good.tsv $bad: no diagnostic: $(cat err.txt)"
  run fit -o fitted.json good.tsv "$bad"
  expect_eq "fit good.tsv $bad: status" "$status" 2
  grep -q "rolecheck: $bad" err.txt || fail "fit good.tsv $bad: no diagnostic: $(cat err.txt)"
  grep -q "nothing written" err.txt || fail "fit good.tsv $bad: does not say nothing was written"
  [ -e fitted.json ] && fail "fit good.tsv $bad: wrote fitted.json from partial data"
  # report: the page holds the good file's duties.
  run report -o page.html duties.txt "$bad"
  expect_eq "report duties.txt $bad: status" "$status" 2
  python3 - page.html "$(wc -l <duties.txt)" <<'PY' || fail "report duties.txt $bad: page lacks the readable input"
import json, sys
page = open(sys.argv[1], encoding="utf-8").read()
start = page.index(">", page.index('<script id="rc-data"')) + 1
items = json.loads(page[start:page.index("</script>", start)])["items"]
sys.exit(0 if len(items) == int(sys.argv[2]) else f"{len(items)} items, expected {sys.argv[2]}")
PY
  grep -q "rolecheck: $bad" err.txt || fail "report duties.txt $bad: no diagnostic: $(cat err.txt)"
  rm -f page.html
done
# The UTF-16 message is the one classify gives.
"$bin" classify utf16.tsv >/dev/null 2>classify_err.txt
run eval utf16.tsv
cmp -s err.txt classify_err.txt || fail "eval utf16: message differs from classify's: $(cat err.txt) vs $(cat classify_err.txt)"

# 3. Invalid UTF-8, NUL bytes and a CR inside a line (CR-only line endings): classify's warnings, word for
# word, from report (lines and documents), stats, eval (labelled rows) and diff; exit 0.
printf 'Sell products\nbad \xff byte\nsell\0products\nRun campaigns\nCold call\rWrite posts\r\n' >dirty.txt
"$bin" classify dirty.txt >/dev/null 2>expected_err.txt
expect_eq "classify dirty: warnings" "$(wc -l <expected_err.txt)" 3
grep -qxF "rolecheck: dirty.txt:5: warning: carriage returns inside a line read as spaces (first such line); if the \
file has CR-only line endings (old Mac), convert it first: tr '\r' '\n'" expected_err.txt ||
  fail "classify dirty: no CR warning: $(cat expected_err.txt)"
for command in "report -o r.html" "stats" "diff embedded embedded"; do
  # shellcheck disable=SC2086
  run $command dirty.txt
  expect_eq "$command dirty: status" "$status" 0
  cmp -s err.txt expected_err.txt || fail "$command dirty: warnings differ from classify's: $(cat err.txt)"
done
# explain - (stdin) warns as classify - does.
"$bin" classify - <dirty.txt >/dev/null 2>expected_stdin_err.txt
"$bin" explain - <dirty.txt >/dev/null 2>err.txt
expect_eq "explain - dirty: exit status" "$?" 0
expect_eq "explain - dirty: three warnings" "$(wc -l <err.txt)" 3
cmp -s err.txt expected_stdin_err.txt || fail "explain - dirty: warnings differ from classify's: $(cat err.txt)"
"$bin" classify --unit document dirty.txt >/dev/null 2>expected_doc_err.txt
run report --unit document -o r.html dirty.txt
cmp -s err.txt expected_doc_err.txt || fail "report --unit document dirty: warnings differ: $(cat err.txt)"
{ printf 'label\ttext\n'; printf 'sales\tSell \xff cars\nsales\tsell\0cars\n'; } >dirty.tsv
run eval dirty.tsv
expect_eq "eval dirty: status" "$status" 0
grep -qx "rolecheck: dirty.tsv:2: warning: invalid UTF-8 replaced by U+FFFD (first such line)" err.txt ||
  fail "eval dirty: no invalid UTF-8 warning: $(cat err.txt)"
grep -qx "rolecheck: dirty.tsv:3: warning: NUL bytes read as spaces (first such line)" err.txt ||
  fail "eval dirty: no NUL warning: $(cat err.txt)"
# A CR in a labelled TSV row is read as a space and warned about; in a JSON Lines row it is whitespace between
# JSON tokens (a raw CR inside a string is invalid JSON), so eval and stats say nothing.
printf 'label\ttext\nsales\tSell\rcars\n' >cr.tsv
run eval cr.tsv
grep -q "cr.tsv:2: warning: carriage returns inside a line" err.txt || fail "eval cr.tsv: no CR warning: $(cat err.txt)"
printf '{"label": "sales",\r"text": "Sell cars"}\n' >cr.jsonl
for command in eval stats; do
  run $command cr.jsonl
  expect_eq "$command cr.jsonl: status" "$status" 0
  expect_eq "$command cr.jsonl: no warning" "$(cat err.txt)" ""
done
# JSON Lines with CR-only line endings are one line: the CR warning (with its tr hint) comes with the error.
printf '{"label": "sales", "text": "Sell cars"}\r{"label": "other", "text": "File papers"}\r' >cr_only.jsonl
run eval cr_only.jsonl
grep -q "cr_only.jsonl:1: warning: carriage returns inside a line" err.txt ||
  fail "eval cr_only.jsonl: no CR warning: $(cat err.txt)"

# 4. A labelled row over the line limit is an error naming it (never silently dropped as blank).
{ printf 'label\ttext\nsales\tSell cars\nsales\t'; head -c 1100000 /dev/zero | tr '\0' a; printf '\n'; } >long.tsv
run eval long.tsv
expect_eq "eval long row: status" "$status" 2
grep -q "rolecheck: long.tsv:3: error: line longer than 1048576 bytes" err.txt || fail "eval long row: $(cat err.txt)"

# 5. eval and stats read stdin with no file or '-', giving what the file gives.
for command in "eval" "eval -f json" "stats" "stats -f json"; do
  # shellcheck disable=SC2086
  "$bin" $command good.tsv >from_file.txt 2>&1 || fail "$command good.tsv: exit $?"
  # shellcheck disable=SC2086
  "$bin" $command <good.tsv >from_stdin.txt 2>&1 || fail "$command <good.tsv: exit $?"
  # shellcheck disable=SC2086
  "$bin" $command - <good.tsv >from_dash.txt 2>&1 || fail "$command - <good.tsv: exit $?"
  # (Examples name their row FILE:LINE, so "-" stands in for the file name.)
  sed -i 's/good\.tsv:/-:/g' from_file.txt
  cmp -s from_file.txt from_stdin.txt || fail "$command: stdin differs from the file"
  cmp -s from_file.txt from_dash.txt || fail "$command -: stdin differs from the file"
done
run eval --errors 1 --label-column text_label <good.tsv
grep -q "^  -:[0-9]" out.txt || fail "eval from stdin: error examples should name '-': $(tail -3 out.txt)"

# 6. report, stats and fit open -o first: a bad -o fails at once, before reading an input that never ends.
mkfifo endless
exec 3<>endless  # held open for writing and never written: reading it waits for ever
for command in "report" "stats" "fit"; do
  # shellcheck disable=SC2086
  timeout 10 "$bin" $command -o "$tmp/no/such/dir/out" - <endless >out.txt 2>err.txt
  status=$?
  expect_eq "$command bad -o with endless stdin: status (124 means it read first)" "$status" 2
  grep -q "cannot create output file" err.txt || fail "$command bad -o: message: $(cat err.txt)"
done
exec 3>&-

finish input_errors
