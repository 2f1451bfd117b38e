#!/usr/bin/env bash
# A long fuzzing campaign: every libFuzzer target in turn, for SECONDS each, on JOBS processes
# (libFuzzer's -fork mode), growing a persistent corpus that later campaigns start from. Prints the
# executions per target and fails on any crash, timeout, leak or out-of-memory input.
#
#   fuzz/campaign.sh [SECONDS_PER_TARGET [JOBS [TARGET...]]]   (defaults: 600 s, every core, all four)
#
# Builds build-fuzz/ with clang-14 first (as .ci/run does). The corpus lives in
# ${ROLECHECK_FUZZ_CORPUS:-build-fuzz/campaign}/<target>/ and starts from fuzz/corpus/<target>/;
# crashes land in build-fuzz/campaign-artifacts/: commit each under fuzz/corpus/<target>/ with its fix.
# ROLECHECK_FUZZ_MAX_LEN=N caps every target's input size (a breadth phase with short inputs runs many
# times faster; the default caps are the long-input depth phase that catches super-linear paths).
# ROLECHECK_FUZZ_EXECS=N turns SECONDS into a round: rounds repeat (each resuming from the grown corpus) until
# the target's executions add up to N, so a goal like 10 million is reached however loaded the machine is.
# ROLECHECK_FUZZ_ARGS adds libFuzzer flags to every round (e.g. "-entropic=0": a volume phase on a corpus already
# grown with the default entropic schedule, about twice the executions per second for fuzz_documents).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
jobs=${2:-$(nproc)}
corpus_root=${ROLECHECK_FUZZ_CORPUS:-build-fuzz/campaign}
artifacts=build-fuzz/campaign-artifacts
targets=(fuzz_taxonomy fuzz_classify fuzz_line_reader fuzz_documents)
if (($# > 2)); then targets=("${@:3}"); fi
for target in "${targets[@]}"; do
  case "$target" in fuzz_taxonomy | fuzz_classify | fuzz_line_reader | fuzz_documents) ;;
    *) echo "campaign: unknown target $target (fuzz_taxonomy, fuzz_classify, fuzz_line_reader, fuzz_documents)" >&2; exit 2 ;;
  esac
done
goal=${ROLECHECK_FUZZ_EXECS:-0}
read -ra extra_args <<<"${ROLECHECK_FUZZ_ARGS:-}"
declare -A max_len=([fuzz_taxonomy]=65536 [fuzz_classify]=1048576 [fuzz_line_reader]=1048576 [fuzz_documents]=1048576)

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DROLECHECK_FUZZ=ON -DROLECHECK_TESTS=OFF -DROLECHECK_WERROR=ON >/dev/null
cmake --build build-fuzz -j "$jobs" --target "${targets[@]}" >/dev/null
mkdir -p "$artifacts"

status=0
for target in "${targets[@]}"; do
  corpus="$corpus_root/$target"
  mkdir -p "$corpus"
  total=0
  round=0
  stamp="build-fuzz/campaign-$target.stamp"
  touch "$stamp"
  while :; do
    round=$((round + 1))
    log="build-fuzz/campaign-$target.log"
    ((round == 1)) || log="build-fuzz/campaign-$target.$round.log"
    echo "campaign: $target round $round for $seconds s on $jobs processes" \
      "(max_len ${ROLECHECK_FUZZ_MAX_LEN:-${max_len[$target]}})" >&2
    # -fork keeps going after a crash is recorded (-ignore_crashes=0: it stops, and we fail); -timeout 5 s
    # per input catches super-linear paths (linear work on 1 MiB takes well under a second, instrumented).
    if ! "build-fuzz/$target" -fork="$jobs" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
      -max_len="${ROLECHECK_FUZZ_MAX_LEN:-${max_len[$target]}}" -print_final_stats=1 "${extra_args[@]}" \
      -artifact_prefix="$artifacts/$target-" "$corpus" "fuzz/corpus/$target" >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      echo "campaign: $target FAILED (see $log and $artifacts/)" >&2
      status=1
      break
    fi
    # In fork mode the last status line carries the round's executions: "#<execs> ... exec/s: N ...".
    execs=$(grep -Eo '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)
    total=$((total + ${execs:-0}))
    # Fork mode records timeouts and out-of-memory inputs and goes on: replay each new one alone. One that
    # passes alone was CPU starvation on a busy machine (reported, kept); one that fails again fails the campaign.
    while IFS= read -r found; do
      if "build-fuzz/$target" -timeout=5 -rss_limit_mb=2048 "$found" >/dev/null 2>&1; then
        echo "campaign: $target: $found passes when replayed alone (starved, not slow)" >&2
      else
        echo "campaign: $target: $found FAILS when replayed alone" >&2
        status=1
      fi
    done < <(find "$artifacts" -name "$target-*" -newer "$stamp" -type f)
    touch "$stamp"
    ((total < goal)) || break
    # A round that ran nothing (no status line) would repeat forever: stop and say so.
    if [ -z "$execs" ] || [ "$execs" -eq 0 ]; then
      echo "campaign: $target: round $round ran no input (see $log); stopping short of the goal" >&2
      status=1
      break
    fi
  done
  echo "campaign: $target: $total executions in $round round(s) of $seconds s," \
    "corpus $(find "$corpus" -type f | wc -l) files" >&2
done
exit "$status"
