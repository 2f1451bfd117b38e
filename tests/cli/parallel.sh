#!/usr/bin/env bash
# rolecheck is stateless per record: over a 100,000-line input, GNU parallel --pipe -k with 4 jobs
# gives output byte-identical to one process (text format; jsonl and tsv up to their per-piece line
# numbers and headers), and -j 2 is byte-identical in every respect; so is -j 3 over several files,
# and -j 3 in document mode (JSONL postings and whole files).
# usage: parallel.sh ROLECHECK
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set -e
rolecheck=$(realpath "$1")
taxonomy=$(dirname "$(realpath "$0")")/../golden/speed/taxonomy.json
examples=$(dirname "$(realpath "$0")")/../../data/examples
cd "$tmp"
# 100,000 lines: the golden sample (odd bytes included) repeated, and a numbered line now and then.
sample=$(dirname "$taxonomy")/input.txt
for ((i = 0; i < 310; i++)); do cat "$sample"; echo "line $i: sell products and build the brand"; done >all.txt
head -n 100000 all.txt >input.txt
[ "$(wc -l <input.txt)" -eq 100000 ]
export ROLECHECK_TAXONOMY=$taxonomy
status=0
same() {  # NAME A B
  if ! cmp -s "$2" "$3"; then
    echo "FAIL: $1: outputs differ" >&2
    cmp "$2" "$3" >&2 || true
    status=1
  fi
}
# GNU parallel is needed for the --pipe comparisons; without it they are a skip (exit 77), never a pass.
have_parallel=0
if command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q 'GNU parallel'; then have_parallel=1; fi
# run_to NAME ARGS...: rolecheck with stdout in NAME.out, stderr and then the exit status in NAME.err.
run_to() {
  local name=$1; shift
  "$rolecheck" "$@" >"$name.out" 2>"$name.err" && true
  echo "exit $?" >>"$name.err"
}
for format in jsonl tsv text; do
  run_to one.$format classify --format "$format" <input.txt
  run_to j2.$format classify --format "$format" -j 2 <input.txt
  same "-j 2 --format $format (stdout)" one.$format.out j2.$format.out
  same "-j 2 --format $format (stderr and exit status)" one.$format.err j2.$format.err
  [ "$(tail -n 1 one.$format.err)" = "exit 0" ] || { echo "FAIL: --format $format: $(cat one.$format.err)" >&2; status=1; }
  if [ "$have_parallel" -eq 1 ]; then
    # No header in jsonl, so the pieces concatenate; tsv is compared without the per-piece headers.
    parallel --pipe -k -j 4 --block 2M "$rolecheck" classify --format "$format" <input.txt >par.$format 2>par.err && true
    echo "exit $?" >>par.err
    # (GNU parallel may add its own notices to stderr, so only rolecheck's exit status is compared.)
    [ "$(tail -n 1 par.err)" = "exit 0" ] || { echo "FAIL: parallel --format $format: $(tail -3 par.err)" >&2; status=1; }
  fi
done
if [ "$have_parallel" -eq 1 ]; then
  # The text format has no line numbers and no header, so the pieces join byte for byte.
  same "parallel --pipe -k -j 4 --format text" one.text.out par.text
  same "parallel --pipe -k -j 4 (jsonl, line numbers aside)" \
    <(sed 's/"line":[0-9]*,//' one.jsonl.out) <(sed 's/"line":[0-9]*,//' par.jsonl)
  [ "$(wc -l <par.jsonl)" -eq 100000 ] || { echo "FAIL: parallel gave $(wc -l <par.jsonl) records" >&2; status=1; }
  same "parallel --pipe -k -j 4 (tsv labels)" <(cut -f3-6 one.tsv.out | grep -v '^label	confidence') \
    <(cut -f3-6 par.tsv | grep -v '^label	confidence')
fi
# Several inputs, a missing one among them, --only and JSON's separators across blocks.
head -n 30000 input.txt >a.txt
tail -n 20000 input.txt >b.txt
for args in "--format json --only mixed,marketing" "--format text --explain" "--count"; do
  # shellcheck disable=SC2086
  "$rolecheck" classify a.txt missing.txt b.txt $args >one.out 2>one.err && true
  echo "exit $?" >>one.err
  # shellcheck disable=SC2086
  "$rolecheck" classify a.txt missing.txt b.txt -j 3 $args >j3.out 2>j3.err && true
  echo "exit $?" >>j3.err
  same "-j 3 $args (stdout)" one.out j3.out
  same "-j 3 $args (stderr and exit status)" one.err j3.err
done
grep -q "exit 2" one.err || { echo "FAIL: a missing input should give exit 2" >&2; status=1; }

# Document mode: -j 3 equals -j 1 (records, warnings, exit status) in every format, over JSONL with
# enough postings for many blocks (bad records and invalid UTF-8 among them) and over whole files.
unset ROLECHECK_TAXONOMY
for ((i = 0; i < 150; i++)); do
  cat "$examples/postings.jsonl"
  printf '{"id": %d, "text": "Sell advertising space\\n- Write copy for ads"}\n' "$i"
  [ $((i % 50)) -eq 7 ] && printf 'not json\n{"id": "bad \xff utf8", "text": "Plan campaigns \xfe"}\n'
done >postings.jsonl
for args in "--format jsonl" "--format json" "--format tsv" "--format csv" "--format text --explain" "--summary"; do
  for input in "--input jsonl postings.jsonl" "--unit document $examples/posting_sales.txt missing.txt $examples/posting_hybrid.txt"; do
    # shellcheck disable=SC2086
    "$rolecheck" classify $input $args >one.out 2>one.err && true
    echo "exit $?" >>one.err
    # shellcheck disable=SC2086
    "$rolecheck" classify $input -j 3 $args >j3.out 2>j3.err && true
    echo "exit $?" >>j3.err
    same "documents -j 3 $input $args (stdout)" one.out j3.out
    same "documents -j 3 $input $args (stderr and exit status)" one.err j3.err
  done
done
# Bad records among them: exit 2, and still one record per JSONL line, each a JSON object.
"$rolecheck" classify --input jsonl --format jsonl -j 2 postings.jsonl >j2.jsonl 2>/dev/null && true
[ $? -eq 2 ] || { echo "FAIL: documents -j 2 with bad records should exit 2" >&2; status=1; }
python3 -c '
import json, sys
n = sum(1 for line in open("j2.jsonl", encoding="utf-8") if isinstance(json.loads(line), dict))
sys.exit(0 if n == int(sys.argv[1]) else "FAIL: documents -j 2: %d records, expected %s" % (n, sys.argv[1]))' \
  "$(wc -l <postings.jsonl)" || status=1
if [ "$status" -eq 0 ] && [ "$have_parallel" -eq 0 ]; then
  echo "SKIP: GNU parallel is not installed (scripts/setup.sh --test installs it): the --pipe comparisons did not run" >&2
  exit 77
fi
exit "$status"
