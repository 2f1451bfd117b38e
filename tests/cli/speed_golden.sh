#!/usr/bin/env bash
# Golden outputs of `classify` over a fixed sample in every format, with -j 1 and -j 2: the speed work
# must never change a byte. Regenerate (after an intended behaviour change) with:
#   UPDATE_GOLDEN=1 tests/cli/speed_golden.sh build/rolecheck
# usage: speed_golden.sh ROLECHECK
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set -e
rolecheck=$(realpath "$1")
cd "$(dirname "$0")/../golden/speed"
status=0
check() {  # NAME ARGS...: compares the output of classify ARGS with NAME.expected
  local name=$1
  shift
  local code=0
  "$rolecheck" --taxonomy taxonomy.json classify input.txt "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || code=$?
  if [ "$code" -ne 0 ]; then
    echo "FAIL: classify $* exited $code: $(head -c 300 "$tmp/$name.err")" >&2
    status=1
  fi
  # The sample's invalid UTF-8 gives one warning naming its line, and nothing else goes to stderr.
  if grep -Ev '^rolecheck: input.txt:[0-9]+: warning: ' "$tmp/$name.err" | grep -q .; then
    echo "FAIL: classify $* wrote more than warnings to stderr: $(head -c 300 "$tmp/$name.err")" >&2
    status=1
  fi
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/$name.out" "$name.expected"
    return
  fi
  if ! cmp -s "$tmp/$name.out" "$name.expected"; then
    echo "FAIL: classify $* differs from $name.expected:" >&2
    diff "$name.expected" "$tmp/$name.out" | head -20 >&2
    status=1
  fi
}
for jobs in 1 2; do
  check tsv --format tsv --max-line-bytes 2000 -j "$jobs"
  check csv --format csv -j "$jobs"
  check jsonl --format jsonl --max-line-bytes 2000 -j "$jobs"
  check json --format json -j "$jobs"
  check text --format text --explain --color never -j "$jobs"
  check only --format tsv --only marketing,mixed -j "$jobs"
  check count --count -j "$jobs"
  [ "${UPDATE_GOLDEN:-}" = 1 ] && break
done
exit "$status"
