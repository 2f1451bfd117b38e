#!/usr/bin/env bash
# End-to-end tests of `rolecheck taxonomy validate|show` and of how every command reports a bad taxonomy.
# Usage: taxonomy.sh /path/to/rolecheck
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +o pipefail  # this script's pipelines fail only when their last command does
bin=$(realpath "$1")
fixtures=$(realpath "$(dirname "$0")/../fixtures/taxonomy")
# Run from an empty folder: the binary must not need any data file.
mkdir "$tmp/empty"
cd "$tmp/empty" || exit 2
unset ROLECHECK_TAXONOMY

# run ARGS...: runs the binary, leaving $status, $out and $err.
run() {
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

expect_status() { [ "$status" -eq "$1" ] || fail "$2: exit $status, expected $1 (stderr: $err)"; }
expect_err() { grep -qF -- "$1" "$tmp/err" || fail "$2: stderr lacks '$1'; got: $err"; }
expect_out() { grep -qF -- "$1" "$tmp/out" || fail "$2: stdout lacks '$1'; got: $out"; }
expect_no_out() { [ -z "$out" ] || fail "$1: expected nothing on stdout, got: $out"; }
# Every stderr line is a problem prefixed "rolecheck: ", or (for a syntax error) the quoted line and caret.
expect_prefixed() {
  local bad
  bad=$(grep -v -e '^rolecheck: ' -e '^  ' "$tmp/err")
  [ -z "$bad" ] || fail "$1: stderr lines without the 'rolecheck: ' prefix: $bad"
}

# --- the embedded taxonomy, from a folder with no data ---
[ -z "$(ls -A .)" ] || fail "the working folder is not empty"
run taxonomy validate
expect_status 0 "validate (embedded)"
expect_out "<embedded>: ok (" "validate (embedded)"
run taxonomy show
expect_status 0 "show (embedded)"
expect_out "schema version: 1" "show (embedded)"
expect_out "essential_purpose" "show (embedded)"
run explain "close deals with customers"
expect_status 0 "explain with the embedded taxonomy"

# show --format json round-trips through validate.
run taxonomy show --format json
expect_status 0 "show --format json"
printf '%s\n' "$out" >"$tmp/shown.json"
run taxonomy validate "$tmp/shown.json"
expect_status 0 "validate the output of show --format json"

# --- valid and invalid files ---
run taxonomy validate "$fixtures/valid.json"
expect_status 0 "validate valid.json"
expect_out "valid.json: ok (2 cues: 1 sales, 1 marketing, in 4 differences; 0 of other work)" "validate valid.json"
[ -z "$err" ] || fail "validate valid.json wrote to stderr: $err"

run taxonomy validate "$fixtures/structural.json"
expect_status 2 "structural.json"
expect_no_out "structural.json"
expect_prefixed "structural.json"
s="$fixtures/structural.json: error:"
expect_err "rolecheck: $s missing key \"title\" (a non-empty string)" "structural.json"
expect_err "rolecheck: $s /differences: expected exactly 4 differences (the article's four, in order), got 3" "structural.json"
expect_err "rolecheck: $s /differences/0/cues/0/side: expected \"sales\" or \"marketing\", got \"both\"" "structural.json"
expect_err "rolecheck: $s /differences/0/cues/0/weight: expected a number in [0, 10], got \"heavy\"" "structural.json"
expect_err "rolecheck: $s /differences/0/cues/1/wieght: unknown key \"wieght\"; did you mean \"weight\"?" "structural.json"
expect_err "rolecheck: $s /differences/0/cues/1/id: duplicate cue id \"sales.close\"; first used at /differences/0/cues/0/id" "structural.json"
expect_err "rolecheck: $s /differences/0/cues/1/phrases/1: expected a phrase (a non-empty string), got a string of only whitespace" "structural.json"
[ "$(grep -c '^rolecheck: ' "$tmp/err")" -eq 8 ] || fail "structural.json: expected 8 problems, got: $err"

run taxonomy validate "$fixtures/comment.json"
expect_status 2 "comment.json"
expect_err "rolecheck: $fixtures/comment.json:3:3: error: comments are not allowed in JSON; remove the comment" "comment.json"
expect_err "    // the article's title" "comment.json"
expect_prefixed "comment.json"
[ "$(sed -n 3p "$tmp/err")" = "    ^" ] || fail "comment.json: caret line is '$(sed -n 3p "$tmp/err")'"

run taxonomy validate "$fixtures/trailing_comma.json"
expect_status 2 "trailing_comma.json"
expect_err "trailing_comma.json:3:28: error: trailing comma before ']' is not allowed in JSON; remove the comma" "trailing_comma.json"

run taxonomy validate "$fixtures/duplicate_key.json"
expect_status 2 "duplicate_key.json"
expect_err "duplicate_key.json: error: /title: duplicate key \"title\"; a key may appear only once in an object" "duplicate_key.json"

run taxonomy validate "$fixtures/big_number.json"
expect_status 2 "big_number.json"
expect_err "big_number.json:2:21: error: number 1e400 is out of range (too large for a double)" "big_number.json"

run taxonomy validate "$fixtures/huge_integer.json"
expect_status 2 "huge_integer.json"
expect_err "huge_integer.json: error: /schema_version: number 123456789012345678901234567890 is out of range" "huge_integer.json"

# --- hostile files, generated here rather than committed ---
head -c 100000 /dev/zero | tr '\0' '[' >"$tmp/deep.json"
run taxonomy validate "$tmp/deep.json"
expect_status 2 "100,000 ["
expect_err "deep.json:1:33: error: JSON nested deeper than 32 levels" "100,000 ["

printf '{\n  "title": "a\0b"\n}\n' >"$tmp/nul.json"
run taxonomy validate "$tmp/nul.json"
expect_status 2 "NUL byte"
expect_err "nul.json:2:14: error: NUL byte in the file" "NUL byte"

printf '{\n  "title": "caf\xe9"\n}\n' >"$tmp/latin1.json"
run taxonomy validate "$tmp/latin1.json"
expect_status 2 "invalid UTF-8"
expect_err "latin1.json:2:16: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8" "invalid UTF-8"

printf '\xef\xbb\xbf' >"$tmp/bom.json"
cat "$fixtures/valid.json" >>"$tmp/bom.json"
run taxonomy validate "$tmp/bom.json"
expect_status 0 "a UTF-8 BOM is stripped"

truncate -s 50M "$tmp/huge.json"
run taxonomy validate "$tmp/huge.json"
expect_status 2 "50 MB file"
expect_err "huge.json: error: the file is 52428800 bytes, over the 8388608-byte limit for a taxonomy" "50 MB file"

run taxonomy validate "$tmp/missing.json"
expect_status 2 "missing file"
expect_err "rolecheck: $tmp/missing.json: error: cannot open the taxonomy: No such file or directory" "missing file"

run taxonomy validate "$tmp"
expect_status 2 "directory"
expect_err "it is a directory, not a file" "directory"

# --- choosing the taxonomy: --taxonomy beats ROLECHECK_TAXONOMY beats the embedded one ---
ROLECHECK_TAXONOMY="$fixtures/valid.json" run taxonomy show
expect_status 0 "ROLECHECK_TAXONOMY"
expect_out "title:          Fixture taxonomy" "ROLECHECK_TAXONOMY"
ROLECHECK_TAXONOMY="$fixtures/structural.json" run --taxonomy "$fixtures/valid.json" taxonomy show
expect_status 0 "--taxonomy beats ROLECHECK_TAXONOMY"
expect_out "title:          Fixture taxonomy" "--taxonomy beats ROLECHECK_TAXONOMY"
ROLECHECK_TAXONOMY="$fixtures/valid.json" run --taxonomy "$fixtures/comment.json" taxonomy validate
expect_status 2 "validate with no FILE checks the --taxonomy file"
expect_err "comment.json:3:3: error: comments are not allowed" "validate with no FILE checks the --taxonomy file"

# --- every command that loads a taxonomy reports its problems the same way ---
for command in "taxonomy show" "explain close-deals"; do
  # shellcheck disable=SC2086
  ROLECHECK_TAXONOMY="$fixtures/structural.json" run $command
  expect_status 2 "$command with a bad taxonomy"
  expect_no_out "$command with a bad taxonomy"
  expect_prefixed "$command with a bad taxonomy"
  expect_err "rolecheck: $s /differences/0/cues/0/weight: expected a number in [0, 10], got \"heavy\"" "$command with a bad taxonomy"
  # The 8 problems, then a note that the file was named by the environment variable.
  [ "$(grep -c '^rolecheck: ' "$tmp/err")" -eq 9 ] || fail "$command: expected 8 problems and a note, got: $err"
  expect_err "rolecheck: note: the taxonomy was named by the ROLECHECK_TAXONOMY environment variable; fix the file, unset the variable, or give --taxonomy FILE" "$command with a bad taxonomy"
done
echo "close deals" | ROLECHECK_TAXONOMY="$tmp/deep.json" "$bin" classify >"$tmp/out" 2>"$tmp/err"
status=$?
err=$(cat "$tmp/err")
expect_status 2 "classify with a deeply nested taxonomy"
expect_err "deep.json:1:33: error: JSON nested deeper than 32 levels" "classify with a deeply nested taxonomy"

# --- validate FILE... and show FILE take files the same way; show and table refuse what validate refuses ---
run taxonomy validate "$fixtures/valid.json" "$tmp/missing.json" "$fixtures/valid.json"
expect_status 2 "validate with one bad file among good ones"
[ "$(grep -c ': ok (' "$tmp/out")" -eq 2 ] || fail "validate FILE...: expected two ok lines, got: $out"
expect_err "missing.json: error: cannot open the taxonomy" "validate FILE..."
run taxonomy validate embedded "$fixtures/valid.json"
expect_status 0 "validate embedded FILE"
expect_out "<embedded>: ok (" "validate embedded FILE"
run taxonomy show "$fixtures/valid.json"
expect_status 0 "show FILE"
expect_out "title:          Fixture taxonomy" "show FILE"
ROLECHECK_TAXONOMY="$fixtures/structural.json" run taxonomy show embedded
expect_status 0 "show embedded beats ROLECHECK_TAXONOMY"
# A phrase that normalises to nothing (only skip words) and one that duplicates another: the schema
# accepts both, compiling finds them; validate, show, table and classify all refuse the file.
python3 - "$fixtures/valid.json" "$tmp/phrases.json" "$tmp/both.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
skip = t["skip_words"][0]
t["differences"][0]["cues"][0]["phrases"].append(skip)
json.dump(t, open(sys.argv[2], "w"), indent=1)
t["titel"] = "x"                                     # a schema problem too
t["differences"][0]["cues"][0]["weight"] = -1
json.dump(t, open(sys.argv[3], "w"), indent=1)
PY
for command in "taxonomy validate $tmp/phrases.json" "taxonomy show $tmp/phrases.json" \
  "--taxonomy $tmp/phrases.json table" "table --taxonomy $tmp/phrases.json"; do
  # shellcheck disable=SC2086
  run $command
  expect_status 2 "$command"
  expect_no_out "$command"
  expect_err "has no words left after normalisation" "$command"
done
# One pass: the schema's problems and the compiler's together.
run taxonomy validate "$tmp/both.json"
expect_status 2 "validate, schema and phrase problems"
expect_err "/titel: unknown key" "validate, one pass"
expect_err "/differences/0/cues/0/weight: expected a number in [0, 10], got -1" "validate, one pass"
expect_err "has no words left after normalisation" "validate, one pass"
# The environment variable is named when its file is bad, and only then.
ROLECHECK_TAXONOMY="$tmp/missing.json" run table
expect_status 2 "ROLECHECK_TAXONOMY missing"
expect_err "note: the taxonomy was named by the ROLECHECK_TAXONOMY environment variable" "ROLECHECK_TAXONOMY missing"
run --taxonomy "$tmp/missing.json" table
expect_status 2 "--taxonomy missing"
grep -q ROLECHECK_TAXONOMY "$tmp/err" && fail "--taxonomy missing: the note names the variable: $err"
ROLECHECK_TAXONOMY="$tmp/phrases.json" run taxonomy validate
expect_status 2 "validate through ROLECHECK_TAXONOMY"
expect_err "note: the taxonomy was named by the ROLECHECK_TAXONOMY environment variable" "validate through ROLECHECK_TAXONOMY"

# --- the example in docs/taxonomy.md is valid, and does what the page says ---
doc=$(realpath "$(dirname "$0")/../../docs/taxonomy.md")
sed -n '/^<!-- example-taxonomy -->$/,/^<!-- \/example-taxonomy -->$/p' "$doc" | sed '1,2d;$d' | sed '$d' >"$tmp/example.json"
[ -s "$tmp/example.json" ] || fail "docs/taxonomy.md: no example found between the markers"
run taxonomy validate "$tmp/example.json"
expect_status 0 "the example in docs/taxonomy.md"
for sentence in "Cold-call prospects and close deals" "Explain our unique selling point"; do
  shown=$(grep -A1 -F "\$ echo \"$sentence\"" "$doc" | tail -1)
  actual=$(echo "$sentence" | "$bin" --taxonomy "$tmp/example.json" classify)
  [ "$actual" = "$shown" ] || fail "docs/taxonomy.md: '$sentence' shows '$shown', rolecheck says '$actual'"
done

# --- usage ---
run taxonomy
expect_status 2 "taxonomy without a subcommand"
run taxonomy show --format yaml
expect_status 2 "show --format yaml"

finish taxonomy
