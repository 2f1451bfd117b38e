#!/usr/bin/env bash
# The -j pipeline when a worker or the writer throws (test hook ROLECHECK_TEST_PIPELINE_THROW=worker:N or
# writer:N): the error is reported on stderr, the exit status is 2, nothing hangs (every run is under a
# timeout), no -o file appears, and what was written before the failing block is exactly a prefix of the
# full output. For classify (lines, JSONL and CSV documents) and diff, with -j 1, 2 and 4. The hook throws
# rolecheck::Error, the type a read error has, so a block's error rethrown while the reader hands a batch over
# must still be reported as itself (not as a read error of that input).
# Usage: pipeline_faults.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$(realpath "$2")
export LC_ALL=C.UTF-8 NO_COLOR=1
unset ROLECHECK_TAXONOMY ROLECHECK_TEST_PIPELINE_THROW
cd "$tmp" || exit 1
# Timeouts are generous for sanitizer builds; a hang shows as status 124.
limit=${PIPELINE_FAULTS_TIMEOUT:-120}

# Enough input for many blocks in every mode.
for ((i = 0; i < 3000; i++)); do
  echo "Close deals with new customers $i"
  echo "Plan campaigns and write copy for the brand $i"
  echo "Count inventory in the store $i"
done >lines.txt
for ((i = 0; i < 120; i++)); do cat "$src/data/examples/postings.jsonl"; done >postings.jsonl  # 360 documents: 6 blocks
# CSV rows are read into documents on the calling thread, between the hand-overs that can rethrow a block's error.
{
  echo 'id,text'
  for ((i = 0; i < 300; i++)); do echo "r$i,\"Close deals with new customers $i. Plan campaigns for the brand.\""; done
} >postings.csv  # 300 documents: 5 blocks

# check NAME ARGS...: the full run, then a worker and the writer failing at blocks 0 and 3.
check() {
  local name=$1; shift
  timeout "$limit" "$bin" "$@" >full.out 2>full.err
  local status=$?
  [ $status -eq 0 ] || { fail "$name: the run without a fault exits $status: $(head -3 full.err)"; return; }
  local side block
  for side in worker writer; do
    for block in 0 3; do
      ROLECHECK_TEST_PIPELINE_THROW=$side:$block timeout "$limit" "$bin" "$@" >fault.out 2>fault.err
      status=$?
      [ $status -eq 124 ] && { fail "$name, $side:$block: hangs (killed after ${limit}s)"; continue; }
      [ $status -eq 2 ] || fail "$name, $side:$block: exit $status, expected 2"
      grep -qx "rolecheck: test hook ROLECHECK_TEST_PIPELINE_THROW: the $side failed on block $block" fault.err ||
        fail "$name, $side:$block: stderr: $(head -3 fault.err)"
      cmp -s fault.out <(head -c "$(wc -c <fault.out)" full.out) ||
        fail "$name, $side:$block: stdout is not a prefix of the full output"
      [ "$block" -eq 0 ] && [ -s fault.out ] && [ "$side" = worker ] && fail "$name, $side:0: wrote records"
    done
  done
  # With -o: exit 2 and no file (nor temporary file) left behind.
  ROLECHECK_TEST_PIPELINE_THROW=worker:3 timeout "$limit" "$bin" "$@" -o out.file >/dev/null 2>fault.err
  status=$?
  [ $status -eq 2 ] || fail "$name -o, worker:3: exit $status"
  [ -e out.file ] && fail "$name -o, worker:3: out.file was written"
  [ -n "$(ls -- *.tmp-* 2>/dev/null)" ] && fail "$name -o, worker:3: temporary file left: $(ls -- *.tmp-*)"
  rm -f out.file
}

for jobs in 1 2 4; do
  check "classify -j $jobs" classify -j "$jobs" -f jsonl lines.txt
  check "classify --input jsonl -j $jobs" classify --input jsonl -j "$jobs" -f jsonl postings.jsonl
  check "classify --input csv -j $jobs" classify --input csv -j "$jobs" -f jsonl postings.csv
  check "diff -j $jobs" diff -j "$jobs" -f jsonl embedded "$src/tests/golden/speed/taxonomy.json" lines.txt
done

finish pipeline_faults
