#!/usr/bin/env bash
# Times rolecheck against keyword scanning and fastText on one deterministic corpus, in one run.
#   bench/run.sh [BUILD_DIR]          (default: build/; configure it as a release build)
# Environment:
#   BENCH_DIR       where the corpus and outputs go (default: ${TMPDIR:-/tmp}/rolecheck-bench; not committed)
#   BENCH_LINES     corpus lines (default 1000000)
#   BENCH_DATA      the labelled dev data to sample (default: ../shared/data beside the repository)
#   BENCH_TAXONOMY  taxonomy file to classify with; default: the embedded one when it has cues,
#                   else a fixed benchmark taxonomy made by bench/make_bench_taxonomy.py
#   BENCH_STARTUP_RUNS  hyperfine runs per start-up measurement (default 200)
# Prints a Markdown report (also saved as $BENCH_DIR/report.md) for bench/RESULTS.md.
# The machine is shared: run it when nothing else heavy is running, and compare ratios, not seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build}")
rolecheck=$build/rolecheck
dir=${BENCH_DIR:-${TMPDIR:-/tmp}/rolecheck-bench}
lines=${BENCH_LINES:-1000000}
runs=${BENCH_STARTUP_RUNS:-200}
[ -x "$rolecheck" ] || { echo "run.sh: no $rolecheck; build first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: GNU time missing; run scripts/setup.sh --bench" >&2; exit 2; }
mkdir -p "$dir"
cd "$dir"

if [ ! -s corpus.txt ] || [ "$(cat corpus.lines 2>/dev/null)" != "$lines" ]; then
  python3 "$root/bench/make_corpus.py" "${BENCH_DATA:-$root/../shared/data}" "$dir" "$lines"
  echo "$lines" >corpus.lines
fi
echo "Cold-call prospects" >one.txt
[ -s postings.jsonl ] || python3 "$root/bench/make_corpus.py" "${BENCH_DATA:-$root/../shared/data}" "$dir" "$lines"
documents=$(wc -l <postings.jsonl)

embedded_cues=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(sum(len(d["cues"]) for d in t["differences"]))' "$root/data/taxonomy.json")
taxonomy_args=()
if [ -n "${BENCH_TAXONOMY:-}" ]; then
  taxonomy_args=(--taxonomy "$(realpath "$BENCH_TAXONOMY")")
  taxonomy_name=$BENCH_TAXONOMY
elif [ "$embedded_cues" -gt 0 ]; then
  taxonomy_name="embedded data/taxonomy.json ($embedded_cues cues)"
else
  python3 "$root/bench/make_bench_taxonomy.py" "$root/data/taxonomy.json" bench_taxonomy.json
  taxonomy_args=(--taxonomy "$dir/bench_taxonomy.json")
  taxonomy_name="bench/make_bench_taxonomy.py (data/taxonomy.json has no cues)"
fi
rc=("$rolecheck" "${taxonomy_args[@]}")
printf -v rc_cmd '%q ' "${rc[@]}"

results=()
grep_seconds=""
# measure NAME SHELL-COMMAND: wall seconds, user seconds, peak RSS of the command (and its children).
measure() {
  local name=$1 cmd=$2
  /usr/bin/time -f '%e %U %M' -o time.txt bash -c "$cmd" >/dev/null
  read -r wall user rss <time.txt
  [ "$name" = "grep floor" ] && grep_seconds=$wall
  results+=("$name|$wall|$user|$rss|$cmd")
  echo "  $name: ${wall}s" >&2
}

echo "timing (corpus: $lines lines, $(du -m corpus.txt | cut -f1) MB) ..." >&2
measure "grep floor" "grep -o -F -f words.txt corpus.txt | wc -l"
measure "rolecheck --format tsv" "${rc_cmd}classify --format tsv corpus.txt >/dev/null"
measure "rolecheck --format jsonl" "${rc_cmd}classify --format jsonl corpus.txt >/dev/null"
measure "rolecheck --format tsv -j 2" "${rc_cmd}classify --format tsv -j 2 corpus.txt >/dev/null"
measure "rolecheck --format jsonl -j 2" "${rc_cmd}classify --format jsonl -j 2 corpus.txt >/dev/null"
measure "rolecheck --input jsonl --format tsv (documents)" "${rc_cmd}classify --input jsonl --format tsv postings.jsonl >/dev/null"
measure "rolecheck --input jsonl --format tsv -j 2 (documents)" "${rc_cmd}classify --input jsonl --format tsv -j 2 postings.jsonl >/dev/null"
command -v rg >/dev/null && measure "rg -c -i -w -F" "rg -c -i -w -F -f words.txt corpus.txt"
if command -v fasttext >/dev/null; then
  [ -s model.bin ] || fasttext supervised -input train.txt -output model -wordNgrams 2 -epoch 25 -verbose 0 >/dev/null
  measure "fasttext predict" "fasttext predict model.bin corpus.txt >/dev/null"
  measure "fasttext predict (one line)" "fasttext predict model.bin one.txt >/dev/null"
fi

# Start-up: one line, many runs; then the same with 10x and 100x the cues.
startup() {  # TAXONOMY-ARGS... -> mean milliseconds
  hyperfine -N --warmup 20 --runs "$runs" --export-json startup.json "$* classify one.txt" >/dev/null 2>&1
  hyperfine_mean
}
hyperfine_mean() {  # mean ± standard deviation in milliseconds, from startup.json
  python3 -c 'import json; r = json.load(open("startup.json"))["results"][0]; print("%.2f ± %.2f" % (r["mean"] * 1000, r["stddev"] * 1000))'
}
echo "start-up ..." >&2
startup_rows=()
hyperfine -N --warmup 20 --runs "$runs" --export-json startup.json /bin/true >/dev/null 2>&1
startup_rows+=("/bin/true (exec floor, same run)|$(hyperfine_mean)")
hyperfine -N --warmup 20 --runs "$runs" --export-json startup.json "$rolecheck --version" >/dev/null 2>&1
startup_rows+=("rolecheck --version|$(hyperfine_mean)")
startup_rows+=("embedded taxonomy ($embedded_cues cues, build-time snapshot)|$(startup "$rolecheck")")
hyperfine --warmup 20 --runs "$runs" --export-json startup.json "echo 'Cold-call prospects' | ${rc_cmd}classify" >/dev/null 2>&1
startup_rows+=("\`echo \"Cold-call prospects\" \\| rolecheck classify\` (shell spawn subtracted)|$(hyperfine_mean)")
for multiplier in 1 10 100; do
  python3 "$root/bench/make_bench_taxonomy.py" "$root/data/taxonomy.json" "cues_x$multiplier.json" "$multiplier"
  cues=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(sum(len(d["cues"]) for d in t["differences"]), sum(len(c["phrases"]) for d in t["differences"] for c in d["cues"]))' "cues_x$multiplier.json")
  startup_rows+=("--taxonomy (JSON parsed and compiled at run time), ${cues% *} cues / ${cues#* } phrases|$(startup "$rolecheck" --taxonomy "$dir/cues_x$multiplier.json")")
done

{
  echo "### $(date -u '+%Y-%m-%d %H:%M UTC') on $(hostname): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "rolecheck $("$rolecheck" --version | head -1), taxonomy: $taxonomy_name; corpus $lines lines, $(du -m corpus.txt | cut -f1) MB;"
  echo "$documents postings (postings.jsonl, $(du -m postings.jsonl | cut -f1) MB, 6-12 duties each)"
  echo
  echo "| what | wall s | user s | lines/s | peak RSS MB | wall vs grep floor |"
  echo "|---|---:|---:|---:|---:|---:|"
  for row in "${results[@]}"; do
    IFS='|' read -r name wall user rss cmd <<<"$row"
    case "$name" in
      *"one line"*) per_second="-" ;;
      *documents*) per_second="$(python3 -c "print(f'{$documents/max($wall,0.01):,.0f}')") documents" ;;
      *) per_second=$(python3 -c "print(f'{$lines/max($wall,0.01):,.0f}')") ;;
    esac
    echo "| $name | $wall | $user | $per_second | $(python3 -c "print(f'{$rss/1024:.1f}')") | $(python3 -c "print(f'{$wall/max($grep_seconds,0.01):.2f}')") |"
  done
  echo
  echo "| start-up, one line ($runs runs) | mean ms |"
  echo "|---|---:|"
  for row in "${startup_rows[@]}"; do echo "| ${row%|*} | ${row##*|} |"; done
} | tee report.md
