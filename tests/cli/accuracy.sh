#!/usr/bin/env bash
# Regression guard on accuracy: `rolecheck eval` on the O*NET dev data in ../shared/data must not fall
# below the figures reached when the cues were last tuned (see docs/accuracy.md). Not a target: a floor.
# Usage: accuracy.sh ROLECHECK SOURCE_DIR
set -uo pipefail
bin=$1
data=$2/../shared/data
if [ ! -f "$data/onet_tasks_dev.tsv" ]; then
  echo "accuracy.sh: $data/onet_tasks_dev.tsv not found (the shared folder must sit beside the repository)" >&2
  exit 1
fi
failures=0
# check NAME MIN_MACRO_F1 MIN_COVERAGE EVAL-ARGS...
check() {
  local name=$1 min_f1=$2 min_coverage=$3; shift 3
  local report
  report=$("$bin" eval --format json "$@") || { echo "FAIL: $name: eval exited $?" >&2; failures=$((failures + 1)); return; }
  python3 - "$name" "$min_f1" "$min_coverage" "$report" <<'PY' || failures=$((failures + 1))
import json, sys
name, min_f1, min_cov, report = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
f1, cov = report["macro_f1"], report["coverage"]
print(f"{name}: macro-F1 {f1:.3f} (floor {min_f1}), coverage {cov:.3f} (floor {min_cov})")
sys.exit(0 if f1 >= min_f1 and cov >= min_cov else 1)
PY
}
tasks=$data/onet_tasks_dev.tsv
dwa=$data/onet_dwa_dev.tsv
check "held-out part (1/4)" 0.85 0.95 --part 1/4 "$tasks" "$dwa"
check "tuning part (3/4)" 0.81 0.95 --except-part 1/4 "$tasks" "$dwa"
check "tasks" 0.84 0.98 "$tasks"
check "detailed work activities" 0.78 0.90 "$dwa"
# Occupation descriptions written for the project in the style of another taxonomy (never tuned on).
check "occupation descriptions" 0.95 1.0 "$2/tests/fixtures/occupation_descriptions.tsv"
[ $failures -eq 0 ] || { echo "$failures accuracy floor(s) broken" >&2; exit 1; }
