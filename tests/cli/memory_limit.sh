#!/usr/bin/env bash
# Out of memory under `ulimit -v`: a message and exit 2, never a truncated result with exit 0.
# Not run under ASan (its shadow memory needs terabytes of address space): ctest label memory_limit.
# Usage: memory_limit.sh path/to/rolecheck
set -uo pipefail
rolecheck=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
lines() { awk 'END { print NR }' "$1"; }

printf 'Sell products\nRun campaigns\nmore\n' >small.txt
# A line of 120,000 distinct words (under the 1 MiB line limit), between two ordinary lines.
{
  echo 'Sell products'
  awk 'BEGIN { for (i = 0; i < 120000; i++) printf "w%d ", i; print "" }'
  echo 'Run campaigns'
} >words.txt

# A limit the buffer for --max-line-bytes 1 GiB cannot fit in: refused at once.
(ulimit -v 200000; exec "$rolecheck" classify --max-line-bytes 1073741824 small.txt) >out.txt 2>err.txt
status=$?
[ "$status" -eq 2 ] || fail "1 GiB line buffer under 200 MB: status $status, expected 2"
grep -qF "rolecheck: out of memory" err.txt || fail "1 GiB line buffer: no 'out of memory' message: $(cat err.txt)"

# Tight limits: whatever the limit, either every record with exit 0, or a message with exit 2.
saw_failure=0
for limit in 8000 12000 16000 24000 32000 64000; do
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

if [ "$failures" -ne 0 ]; then
  echo "$failures memory-limit check(s) failed" >&2
  exit 1
fi
echo "all memory-limit checks passed"
