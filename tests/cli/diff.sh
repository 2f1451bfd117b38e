#!/usr/bin/env bash
# End-to-end tests of `rolecheck diff OLD NEW FILE...`: with NEW the embedded taxonomy minus one cue,
# the lines listed are exactly those whose label `classify --format tsv` changes between the two
# taxonomies (computed independently here), and each names the removed cue; --exit-code (0, 1, 2),
# JSON Lines validity, text counts, document mode (--unit document, --input jsonl) checked the same
# way against `classify --unit document --format jsonl`, stdin, -o, and -j 2 byte-identical to -j 1.
# Usage: diff.sh ROLECHECK SOURCE_DIR   (uses ../shared/data as extra corpus when present)
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$(realpath "$1")
src=$(realpath "$2")
plain_env
cd "$tmp" || exit 1

# The corpus: the example duties, plus the dev statements when they are there.
{
  cat "$src/data/examples/duties.txt"
  # Lines that the cues removed below decide (so the checks never pass vacuously).
  printf '%s\n' "Prepare sales or other contracts." "Analyze market research data." \
    "Maintain records of customer accounts." "Process sales or other transactions."
} >duties.txt
: >dev.txt
for f in "$src"/../shared/data/onet_*.tsv; do
  [ -f "$f" ] && tail -n +2 "$f" | cut -f2 >>dev.txt
done
corpus=(duties.txt dev.txt)

# without CUE OUT: the embedded taxonomy with the cue CUE removed (from a difference or other work).
"$bin" taxonomy show --format json >full.json || fail "taxonomy show --format json: exit $?"
without() {
  python3 - "$1" "$2" <<'PY'
import json, sys
cue, out = sys.argv[1], sys.argv[2]
t = json.load(open("full.json"))
before = sum(len(d["cues"]) for d in t["differences"]) + len(t.get("other_work", {}).get("cues", []))
for d in t["differences"]:
    d["cues"] = [c for c in d["cues"] if c["id"] != cue]
if "other_work" in t:
    t["other_work"]["cues"] = [c for c in t["other_work"]["cues"] if c["id"] != cue]
after = sum(len(d["cues"]) for d in t["differences"]) + len(t.get("other_work", {}).get("cues", []))
assert after == before - 1, f"no cue {cue}"
json.dump(t, open(out, "w"), indent=1)
PY
}

# 1. Removing one cue lists exactly the lines whose label changes, each naming that cue.
for cue in sales.concept.sale marketing.core.research other.records; do
  without "$cue" "no-$cue.json" || { fail "$cue: cannot build the taxonomy"; continue; }
  "$bin" classify --format tsv "${corpus[@]}" >old.tsv || fail "$cue: classify (old): exit $?"
  "$bin" --taxonomy "no-$cue.json" classify --format tsv "${corpus[@]}" >new.tsv || fail "$cue: classify (new): exit $?"
  "$bin" diff --format jsonl embedded "no-$cue.json" "${corpus[@]}" >"$cue.jsonl" 2>err; status=$?
  [ $status -eq 0 ] || fail "$cue: diff exit $status: $(head -3 err)"
  [ -s err ] && fail "$cue: unexpected stderr: $(head -3 err)"
  python3 - "$cue" old.tsv new.tsv "$cue.jsonl" "$(cat "${corpus[@]}" | wc -l)" <<'PY' || fail "$cue: diff does not list exactly the lines whose label changed"
import csv, json, sys
cue, old_path, new_path, diff_path, lines = sys.argv[1:]
# (classify's TSV leaves out unknown records: those are the same under any taxonomy.)
def labels(path):
    rows = list(csv.reader(open(path, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return {(r[0], int(r[1])): r[2] for r in rows}
old, new = labels(old_path), labels(new_path)
assert old.keys() == new.keys()
expected = [k for k in old if old[k] != new[k]]  # in input order
records = [json.loads(line) for line in open(diff_path)]
summary = records.pop()["summary"]
got = [(r["file"], r["line"]) for r in records]
assert got == expected, f"{cue}: expected {expected[:5]}..., got {got[:5]}..."
assert expected, f"{cue} changes no line: pick another cue"
assert summary["changed"] == len(expected) and summary["records"] == int(lines), summary
for r in records:
    assert r["old"]["label"] == old[(r["file"], r["line"])] and r["new"]["label"] == new[(r["file"], r["line"])], r
    removed = [c for c in r["cues"] if c["cue"] == cue]
    assert len(removed) == 1 and removed[0]["old"] is not None and removed[0]["new"] is None, r
transitions = {}
for k in expected:
    name = f"{old[k]} -> {new[k]}"
    transitions[name] = transitions.get(name, 0) + 1
assert summary["transitions"] == transitions, (summary, transitions)
PY
done

# 2. Text: the counts, "N of M lines changed", then one FILE:LINE record per changed line.
cue=sales.concept.sale
"$bin" diff embedded "no-$cue.json" "${corpus[@]}" >text.out 2>err || fail "text: exit $?"
python3 - text.out "$cue.jsonl" <<'PY' || fail "text output does not match the jsonl records"
import json, re, sys
text = open(sys.argv[1]).read().split("\n")
records = [json.loads(line) for line in open(sys.argv[2])]
summary = records.pop()["summary"]
counts = {}
i = 0
while re.match(r"^\S+ -> \S+: \d+$", text[i]):
    name, n = text[i].rsplit(": ", 1)
    counts[name] = int(n)
    i += 1
assert counts == summary["transitions"], (counts, summary)
assert text[i] == f"{summary['changed']} of {summary['records']} lines changed", text[i]
heads = [line.split(": ", 1)[0] for line in text[i + 1:] if re.match(r"^\S+:\d+: ", line)]
assert heads == [f"{r['file']}:{r['line']}" for r in records], heads[:3]
PY

# 3. --exit-code: 0 with identical taxonomies, 1 with a change, 2 on errors.
"$bin" diff --exit-code embedded embedded "${corpus[@]}" >same.out 2>err; status=$?
[ $status -eq 0 ] || fail "--exit-code, same taxonomy: exit $status"
grep -qx "0 of $(cat "${corpus[@]}" | wc -l) lines changed" same.out || fail "same taxonomy: $(head -3 same.out)"
"$bin" diff --exit-code embedded full.json "${corpus[@]}" >/dev/null 2>err; status=$?
[ $status -eq 0 ] || fail "--exit-code, embedded vs its own JSON: exit $status $(head -3 err)"
"$bin" diff --exit-code embedded "no-$cue.json" "${corpus[@]}" >/dev/null 2>err; status=$?
[ $status -eq 1 ] || fail "--exit-code with a change: exit $status"
"$bin" diff embedded "no-$cue.json" "${corpus[@]}" >/dev/null 2>err; status=$?
[ $status -eq 0 ] || fail "a change without --exit-code: exit $status"
printf '{"schema_version": 1, "differences": [' >bad.json
"$bin" diff --exit-code embedded bad.json duties.txt >/dev/null 2>err; status=$?
[ $status -eq 2 ] || fail "bad taxonomy: exit $status"
grep -q "bad.json" err || fail "bad taxonomy: the message does not name the file: $(head -3 err)"
"$bin" diff --exit-code embedded no-such.json duties.txt >/dev/null 2>err; status=$?
[ $status -eq 2 ] || fail "missing taxonomy: exit $status"
"$bin" diff --exit-code embedded "no-$cue.json" duties.txt no-such.txt >/dev/null 2>err; status=$?
[ $status -eq 2 ] || fail "missing corpus file: exit $status"
grep -q "no-such.txt" err || fail "missing corpus file: the message does not name it: $(head -3 err)"
"$bin" diff embedded >/dev/null 2>err; status=$?
[ $status -eq 2 ] || fail "NEW missing: exit $status"

# 4. JSON Lines: every line is an object, the summary last and only there.
python3 - "$cue.jsonl" <<'PY' || fail "jsonl: invalid"
import json, sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[-1] == "", "no final newline"
objects = [json.loads(line) for line in lines[:-1]]
assert all(isinstance(o, dict) for o in objects)
assert "summary" in objects[-1] and all("summary" not in o for o in objects[:-1])
assert all({"file", "line", "text", "old", "new", "cues"} <= o.keys() for o in objects[:-1])
PY

# 5. stdin ("-" and no FILE) gives the same records, named "-".
"$bin" diff --format jsonl embedded "no-$cue.json" duties.txt >file.jsonl || fail "duties.txt: exit $?"
"$bin" diff --format jsonl embedded "no-$cue.json" - <duties.txt >dash.jsonl || fail "stdin '-': exit $?"
"$bin" diff --format jsonl embedded "no-$cue.json" <duties.txt >stdin.jsonl || fail "stdin: exit $?"
sed 's/^{"file":"duties.txt"/{"file":"-"/' file.jsonl >expected.jsonl
cmp -s expected.jsonl dash.jsonl || fail "stdin '-' differs from the file"
cmp -s expected.jsonl stdin.jsonl || fail "stdin without FILE differs from the file"
grep -q '"changed":0' file.jsonl && fail "duties.txt: expected a change with $cue removed"

# 6. -o FILE holds what stdout gets.
"$bin" diff -o out.txt embedded "no-$cue.json" "${corpus[@]}" || fail "-o: exit $?"
cmp -s out.txt text.out || fail "-o FILE differs from stdout"

# 7. Documents: verdicts and duty labels, checked against classify --unit document under both taxonomies.
python3 - "$src/data/examples/postings.jsonl" duties.txt dev.txt >docs.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1]):
    print(line.rstrip("\n"))
lines = [l.strip() for f in sys.argv[2:] for l in open(f) if l.strip()]
for i in range(0, len(lines), 6):
    print(json.dumps({"id": f"group-{i // 6}", "text": "Responsibilities:\n" + "\n".join("- " + l for l in lines[i:i + 6])}))
PY
check_documents() {
  local name=$1; shift
  "$bin" classify --format jsonl "$@" >old-docs.jsonl || fail "$name: classify (old): exit $?"
  "$bin" --taxonomy "no-$cue.json" classify --format jsonl "$@" >new-docs.jsonl || fail "$name: classify (new): exit $?"
  "$bin" diff --format jsonl embedded "no-$cue.json" "$@" >diff-docs.jsonl 2>err || fail "$name: diff exit $?"
  python3 - old-docs.jsonl new-docs.jsonl diff-docs.jsonl <<'PY' || fail "$name: documents listed differ from classify's"
import json, sys
old, new = ([json.loads(l) for l in open(p)] for p in sys.argv[1:3])
records = [json.loads(l) for l in open(sys.argv[3])]
summary = records.pop()["summary"]
expected = []
for o, n in zip(old, new):
    duties = [i + 1 for i, (a, b) in enumerate(zip(o["duties"], n["duties"])) if a["label"] != b["label"]]
    if o["label"] != n["label"] or duties:
        expected.append((o["id"], o["label"], n["label"], duties))
got = [(r["id"], r["old"]["label"], r["new"]["label"], [d["duty"] for d in r["duties"]]) for r in records]
assert got == expected, (got[:3], expected[:3])
assert expected, "no document changed: pick another cue"
assert summary["unit"] == "document" and summary["records"] == len(old) and summary["changed"] == len(expected)
assert summary["duties_changed"] == sum(len(e[3]) for e in expected), summary
for r in records:
    for d in r["duties"]:
        assert d["old"]["label"] != d["new"]["label"] and d["text"] and d["cues"], d
PY
}
check_documents "--input jsonl" --input jsonl docs.jsonl
for f in "$src"/data/examples/posting_*.txt; do
  { cat "$f"; echo; echo "- Sell products and make a sale to every customer"; } >"$(basename "$f")"
done
check_documents "--unit document" --unit document posting_*.txt
"$bin" diff --unit document embedded "no-$cue.json" posting_*.txt >docs.txt || fail "documents text: exit $?"
grep -q '^verdicts:$' docs.txt && grep -q '^  duty [0-9]* (line [0-9]*, [a-z]*): ' docs.txt ||
  fail "documents text: no verdicts header or duty lines:\n$(head -20 docs.txt)"
"$bin" diff --unit document --exit-code embedded "no-$cue.json" posting_*.txt >/dev/null; status=$?
[ $status -eq 1 ] || fail "documents --exit-code: exit $status"
# A bad JSONL record: the others are still compared, the message names the line, exit 2.
{ head -2 docs.jsonl; echo 'not json'; } >bad-docs.jsonl
"$bin" diff --input jsonl embedded "no-$cue.json" bad-docs.jsonl >/dev/null 2>err; status=$?
[ $status -eq 2 ] || fail "bad JSONL record: exit $status"
grep -q "bad-docs.jsonl:3" err || fail "bad JSONL record: $(head -3 err)"

# 8. -j 2 writes exactly what -j 1 writes (lines and documents in blocks, cut as classify cuts them).
for i in 1 2 3 4 5 6 7 8; do cat "${corpus[@]}"; done >big.txt
for i in 1 2 3 4 5 6; do cat docs.jsonl; done >big.jsonl
for format in text jsonl; do
  "$bin" diff -j 1 --format $format embedded "no-$cue.json" big.txt >j1 || fail "-j 1 $format: exit $?"
  "$bin" diff -j 2 --format $format embedded "no-$cue.json" big.txt >j2 || fail "-j 2 $format: exit $?"
  cmp -s j1 j2 || fail "lines, $format: -j 2 differs from -j 1"
  "$bin" diff -j 1 --input jsonl --format $format embedded "no-$cue.json" big.jsonl >j1 || fail "-j 1 docs: exit $?"
  "$bin" diff -j 2 --input jsonl --format $format embedded "no-$cue.json" big.jsonl >j2 || fail "-j 2 docs: exit $?"
  cmp -s j1 j2 || fail "documents, $format: -j 2 differs from -j 1"
done

# 9. Lines are read as classify reads them: a line over 1 MiB (the default --max-line-bytes) is counted,
# not listed, and warned about in classify's words; the lines around it are compared as usual.
{
  echo "Prepare sales or other contracts."
  head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' 'a'
  echo
  echo "Analyze market research data."
} >long.txt
"$bin" classify long.txt >/dev/null 2>classify_err || fail "classify long.txt: exit $?"
"$bin" diff --format jsonl embedded no-sales.concept.sale.json long.txt >long.jsonl 2>diff_err
status=$?
[ $status -eq 0 ] || fail "diff long.txt: exit $status: $(head -3 diff_err)"
grep -q "warning: line longer than" classify_err || fail "classify long.txt: no warning: $(cat classify_err)"
cmp -s classify_err diff_err || fail "diff long.txt: warnings differ from classify's: $(cat diff_err)"
python3 - long.jsonl <<'PY' || fail "diff long.txt: the long line is not counted, or is listed"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
summary = records.pop()["summary"]
assert summary["records"] == 3, summary
assert all(r["line"] != 2 for r in records), records
PY

finish diff
