#!/usr/bin/env bash
# Out of memory under `ulimit -v`: a message and exit 2, never a truncated result with exit 0.
# Not run under ASan (its shadow memory needs terabytes of address space): ctest label memory_limit.
# Usage: memory_limit.sh path/to/rolecheck
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rolecheck=$(realpath "$1")
cd "$tmp" || exit 1

printf 'Sell products\nRun campaigns\nmore\n' >small.txt
# A line of 120,000 distinct words (under the 1 MiB line limit), between two ordinary lines.
{
  echo 'Sell products'
  awk 'BEGIN { for (i = 0; i < 120000; i++) printf "w%d ", i; print "" }'
  echo 'Run campaigns'
} >words.txt

# --max-line-bytes 1 GiB reserves nothing up front (the line buffer grows with the longest line): short
# lines run in little memory; a line that outgrows the limit is an out-of-memory error, not a crash.
(ulimit -v 200000; exec "$rolecheck" classify --max-line-bytes 1073741824 small.txt) >out.txt 2>err.txt
status=$?
[ "$status" -eq 0 ] && [ "$(lines out.txt)" -eq 3 ] ||
  fail "1 GiB line limit under 200 MB, short lines: status $status, $(lines out.txt) records: $(cat err.txt)"
head -c 300000000 /dev/zero | tr '\0' 'a' |
  (ulimit -v 200000; exec "$rolecheck" classify --max-line-bytes 1073741824 -) >out.txt 2>err.txt
status=$?
[ "$status" -eq 2 ] || fail "a 300 MB line under 200 MB: status $status, expected 2"
grep -qF "rolecheck: out of memory" err.txt || fail "a 300 MB line: no 'out of memory' message: $(cat err.txt)"

# The smallest limit the process starts under (the loader maps the binary and libc, static objects are
# built): below it nothing runs and there is nothing to report. It moves with the binary's size.
floor=6000
until { (ulimit -v "$floor"; exec "$rolecheck" --version); } >/dev/null 2>&1; do
  floor=$((floor + 250))
  [ "$floor" -le 64000 ] || { fail "rolecheck --version does not run under 64 MB"; break; }
done

# Tight limits: whatever the limit, either every record with exit 0, or a message with exit 2.
saw_failure=0
for limit in "$floor" $((floor + 500)) $((floor + 1500)) 12000 16000 24000 32000 64000; do
  for input in small.txt words.txt; do
    (ulimit -v "$limit"; exec "$rolecheck" classify -f jsonl "$input") >out.txt 2>err.txt
    status=$?
    case "$status" in
      0) [ "$(lines out.txt)" -eq "$(lines "$input")" ] ||
           fail "ulimit -v $limit $input: exit 0 with $(lines out.txt) of $(lines "$input") records" ;;
      2) grep -qF "rolecheck: out of memory" err.txt || fail "ulimit -v $limit $input: exit 2 without a message"
         saw_failure=1 ;;
      *) fail "ulimit -v $limit $input: status $status (crash?): $(head -c 300 err.txt)" ;;
    esac
  done
done
[ "$saw_failure" -eq 1 ] || fail "no limit made rolecheck run out of memory; lower the limits"

# Flat memory: peak RSS stays under 16 MB however long the input, in line mode (jsonl with every
# reason, -j 1 and -j 2) and in document mode (JSONL postings, whose lines may be up to 16 MiB).
# (-j 4 measured 14-15 MB on this input: each worker brings a scanner with its own word cache.)
python3 - "$rolecheck" <<'PY' || fail "peak memory grew with the input (see above)"
import json, resource, subprocess, sys
rolecheck = sys.argv[1]
duties = ["Cold-call prospects and close deals with decision makers.", "Plan campaigns and write copy for the brand.",
          "Negotiate prices with distributors.", "Analyse market research and customer surveys."]
with open("lines.txt", "w") as f:
    for i in range(400_000):
        f.write(f"{duties[i % 4]} Item {i}.\n")
with open("postings.jsonl", "w") as f:
    for i in range(20_000):
        f.write(json.dumps({"id": i, "text": "Account Executive\n\nResponsibilities\n" + "".join(f"- {d}\n" for d in duties)}) + "\n")
failed = False
for args in (["classify", "-f", "jsonl", "lines.txt"], ["classify", "-f", "jsonl", "-j", "2", "lines.txt"],
             ["classify", "--input", "jsonl", "-f", "jsonl", "postings.jsonl"],
             ["classify", "--input", "jsonl", "-f", "tsv", "-j", "2", "postings.jsonl"]):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([rolecheck] + args, stdout=subprocess.DEVNULL, check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB, the largest child so far
    if peak > 16 * 1024:
        print(f"FAIL: rolecheck {' '.join(args)}: peak RSS {peak} KB > 16 MB", file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
PY

# Labelled data (eval, stats, fit) has the caps of document input: a 1 MB line nested half a million
# levels deep, or holding 250,000 values, is an error naming the line, found before it is parsed (it
# used to cost 42 MB); the row before it is still scored, and peak memory stays under 16 MB.
python3 - "$rolecheck" <<'PY' || fail "labelled data: a 1 MB nested line (see above)"
import resource, subprocess, sys
rolecheck = sys.argv[1]
# Written in pieces: a child's peak RSS counts what this process held when it forked.
with open("nested.jsonl", "w") as f:
    f.write('{"label": "sales", "text": "Close deals with buyers"}\n{"label": "sales", "text": "x", "deep": ')
    for _ in range(500):
        f.write("[" * 1000)
    for _ in range(500):
        f.write("]" * 1000)
    f.write("}\n")
with open("values.jsonl", "w") as f:
    f.write('{"label": "sales", "text": "Close deals with buyers"}\n{"label": "sales", "text": "x", "many": [1')
    for _ in range(250):
        f.write(",1" * 1000)
    f.write("]}\n")
failed = False
for name in ("nested.jsonl", "values.jsonl"):
    for command in (["eval"], ["stats"], ["fit", "-o", "fitted.json"]):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        run = subprocess.run([rolecheck] + command + [name], capture_output=True, text=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        what = f"rolecheck {' '.join(command)} {name}"
        if run.returncode != 2 or f"{name}:2: error:" not in run.stderr:
            print(f"FAIL: {what}: exit {run.returncode}, stderr {run.stderr[:300]!r}", file=sys.stderr)
            failed = True
        if peak > 16 * 1024:
            print(f"FAIL: {what}: peak RSS {peak} KB > 16 MB", file=sys.stderr)
            failed = True
    run = subprocess.run([rolecheck, "eval", "-f", "json", name], capture_output=True, text=True)
    if '"rows":1' not in run.stdout:
        print(f"FAIL: eval {name}: the good row was not scored: {run.stdout[:200]!r}", file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
PY

finish memory_limit
