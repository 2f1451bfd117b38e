#!/usr/bin/env bash
# --line-buffered answers each line as soon as it is read (coprocess use), with -j 1 and -j 2:
# the test writes one line, waits for its record, and only then writes the next.
# usage: line_buffered.sh ROLECHECK
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set -e
rolecheck=$(realpath "$1")
status=0
for jobs in 1 2; do
  coproc RC { "$rolecheck" classify --line-buffered --format tsv -j "$jobs"; }
  # Own copies of the pipe ends, so closing ours ends rolecheck's input.
  exec {to}>&"${RC[1]}" {from}<&"${RC[0]}"
  exec {RC[1]}>&- {RC[0]}<&-
  echo "Cold-call prospects" >&"$to"
  read -r -t 10 header <&"$from" || header=""
  read -r -t 10 first <&"$from" || first=""
  echo "Plan the brand campaign" >&"$to"
  read -r -t 10 second <&"$from" || second=""
  exec {to}>&-
  wait "$RC_PID" || true
  exec {from}<&-
  if [[ "$header" != file* || "$first" != -$'\t'1$'\t'* || "$second" != -$'\t'2$'\t'* ]]; then
    echo "FAIL: -j $jobs: no record per line while the input stayed open:" >&2
    printf '  %q\n' "$header" "$first" "$second" >&2
    status=1
  fi
done
exit "$status"
