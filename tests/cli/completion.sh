#!/usr/bin/env bash
# Tests of the shell completions: the bash one by simulating what readline hands it (COMP_WORDS,
# COMP_CWORD), with and without the bash-completion package's helpers; the zsh one by parsing it and
# checking that compinit picks it up for rolecheck.
# Usage: completion.sh SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
src=$1
export LC_ALL=C.UTF-8
touch "$tmp/duties.txt" "$tmp/dump.tsv" "$tmp/edited.json"

# run_bash MODE: runs every bash case in a fresh shell; MODE "plain" or "bash-completion".
run_bash() {
  local mode=$1
  bash --norc --noprofile -s "$mode" "$src/completions/rolecheck.bash" "$tmp" <<'BASH'
mode=$1 script=$2 tmp=$3
failures=0
if [ "$mode" = bash-completion ]; then
  source /usr/share/bash-completion/bash_completion || { echo "FAIL: cannot source bash_completion" >&2; exit 1; }
fi
source "$script"
spec=$(complete -p rolecheck 2>&1)
[ "$spec" = "complete -F _rolecheck rolecheck" ] || { echo "FAIL [$mode]: complete -p rolecheck: $spec" >&2; failures=$((failures + 1)); }

# check "LINE" "EXPECTED...": completes at the end of LINE, split the way readline splits it
# (blanks, and '=' as a word of its own); EXPECTED is the sorted candidates joined by spaces.
check() {
  local line=$1 expected=$2
  local -a words=()
  local word rest=$line
  read -r -a words <<<"${line//=/ = }"
  [[ $line == *" " ]] && words+=("")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  _rolecheck rolecheck "${words[COMP_CWORD]}" "${words[COMP_CWORD - 1]}"
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" != "$expected" ]; then
    echo "FAIL [$mode]: '$line' completed to '$got', expected '$expected'" >&2
    failures=$((failures + 1))
  fi
}

check "rolecheck " "classify diff eval explain fit help report stats table taxonomy version"
check "rolecheck cl" "classify"
check "rolecheck st" "stats"
check "rolecheck --" "--color --help --taxonomy --version"
check "rolecheck --taxonomy $tmp/dut" "$tmp/duties.txt"
check "rolecheck --taxonomy x.json cl" "classify"
check "rolecheck classify --fo" "--format"
check "rolecheck classify --format " "csv json jsonl text tsv"
check "rolecheck classify -f j" "json jsonl"
check "rolecheck classify --format=j" "json jsonl"
check "rolecheck classify --color " "always auto never"
check "rolecheck classify --expect m" "marketing mixed"
check "rolecheck classify --only " "hybrid marketing mixed other review sales unknown"
check "rolecheck classify --expect o" "other"
check "rolecheck classify --only sales,m" "sales,marketing sales,mixed"
check "rolecheck classify --unit " "document line"
check "rolecheck classify --ex" "--expect --explain"
check "rolecheck classify --su" "--summary"
check "rolecheck classify --rev" "--review"
check "rolecheck classify $tmp/dut" "$tmp/duties.txt"
check "rolecheck classify -o $tmp/dum" "$tmp/dump.tsv"
check "rolecheck classify --min-confidence " ""
check "rolecheck eval --format " "json text"
check "rolecheck eval --" "--color --errors --except-part --format --help --label-column --min-confidence --part --taxonomy --text-column"
check "rolecheck eval --label-column " "label text_label"
check "rolecheck stats --sort " "conflicts coverage false-alarms precision"
check "rolecheck stats --sort=p" "precision"
check "rolecheck stats --format " "json text"
check "rolecheck stats --" "--color --errors --format --help --label-column --output --sort --taxonomy --text-column --top"
check "rolecheck stats --label-column t" "text_label"
check "rolecheck report --" "--color --help --id-column --id-field --input --max-line-bytes --min-confidence --output --taxonomy --text-column --text-field --title --title-column --title-field --unit"
check "rolecheck report --unit " "document line"
check "rolecheck report --input j" "json jsonl"
check "rolecheck report --output $tmp/dut" "$tmp/duties.txt"
check "rolecheck table --format " "csv json markdown text"
check "rolecheck table --difference e" "essential_purpose execution_capabilities"
check "rolecheck taxonomy " "show validate"
check "rolecheck taxonomy show --" "--color --format --help --taxonomy"
check "rolecheck taxonomy show --format " "json text"
check "rolecheck taxonomy validate $tmp/dut" "$tmp/duties.txt"
check "rolecheck explain --" "--color --format --help --min-confidence --output --taxonomy"
check "rolecheck fit --" "--color --except-part --folds --help --keep-sign --label-column --min-rows --no-keep-sign --output --part --penalty --regularisation --report --taxonomy --text-column"
check "rolecheck fit --penalty " "l1 l2"
check "rolecheck fit --label-column t" "text_label"
check "rolecheck fit -o $tmp/dut" "$tmp/duties.txt"
check "rolecheck explain Sell" ""
check "rolecheck explain --format " "json text"
check "rolecheck help cl" "classify"
check "rolecheck --color never cl" "classify"
check "rolecheck classify --expect sales,m" "sales,marketing sales,mixed"
check "rolecheck classify --sk" "--skip-blank"
check "rolecheck classify --ta" "--taxonomy"
check "rolecheck taxonomy show $tmp/dut" "$tmp/duties.txt"
check "rolecheck di" "diff"
check "rolecheck diff --" "--color --exit-code --format --help --id-column --id-field --input --jobs --output --taxonomy --text-column --text-field --title-column --title-field --unit"
check "rolecheck classify --input c" "csv"
check "rolecheck diff --format " "jsonl text"
check "rolecheck diff emb" "embedded"
check "rolecheck diff embedded $tmp/e" "$tmp/edited.json"
check "rolecheck diff -f jsonl embedded $tmp/ed" "$tmp/edited.json"
check "rolecheck diff embedded $tmp/edited.json $tmp/dut" "$tmp/duties.txt"
exit $failures
BASH
  local status=$?
  [ $status -eq 0 ] || fail "bash completion ($mode): $status case(s) failed"
}

run_bash plain
if [ -f /usr/share/bash-completion/bash_completion ]; then
  run_bash bash-completion
else
  fail "bash-completion is not installed (scripts/setup.sh --test installs it)"
fi

# zsh: the file parses, and compinit binds it to rolecheck.
if command -v zsh >/dev/null; then
  zsh -n "$src/completions/_rolecheck" || fail "zsh -n: the zsh completion does not parse"
  mkdir -p "$tmp/zfunc" && cp "$src/completions/_rolecheck" "$tmp/zfunc/"
  bound=$(HOME=$tmp zsh -f -c "fpath=($tmp/zfunc \$fpath); autoload -Uz compinit; compinit -u -D; print -r -- \$_comps[rolecheck]" 2>&1)
  [ "$bound" = "_rolecheck" ] || fail "zsh compinit binds rolecheck to '$bound', expected _rolecheck"
  for word in table classify explain eval taxonomy stats report fit "text jsonl json tsv csv" "auto always never" \
              "coverage precision conflicts false-alarms" "--label-column=" "validate" "sales marketing other mixed hybrid unknown" "--summary["; do
    grep -qF -- "$word" "$src/completions/_rolecheck" || fail "zsh completion lacks '$word'"
  done
  grep -qF -- "'diff:" "$src/completions/_rolecheck" || fail "zsh completion lacks the diff subcommand"
  sed -n '/^        diff)/,/;;/p' "$src/completions/_rolecheck" | grep -q -- "--exit-code" ||
    fail "zsh completion: diff lacks --exit-code"
  # report takes classify's document options.
  sed -n '/^        report)/,/;;/p' "$src/completions/_rolecheck" | grep -q -- "--unit=.*(line document)" ||
    fail "zsh completion: report lacks --unit"
else
  skipped="zsh is not installed (scripts/setup.sh --test installs it): the zsh completion was not checked"
fi

finish completion
