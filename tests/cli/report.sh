#!/usr/bin/env bash
# End-to-end tests of `rolecheck report`: a self-contained page (no URLs, no external resources), escaped
# text, atomic -o, rendered in headless Chromium (the script ran, the chart is there, no error) to a PNG,
# and a 100,000-line report that stays small enough and pages its rows. Document mode (--unit document,
# --input jsonl): the same checks, verdict counts equal to `classify --unit document`, bad JSONL records
# shown as error items with exit 2, and 10,000 documents paged.
# Usage: report.sh ROLECHECK SOURCE_DIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bin=$1
src=$2
embedded_env
duties=$src/data/examples/duties.txt
lines=$(wc -l <"$duties")
examples=$src/data/examples
postings=("$examples"/posting_*.txt)

"$bin" report "$duties" -o "$tmp/report.html" 2>"$tmp/err" || fail "report: exit $? $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "report: stderr $(cat "$tmp/err")"
ls "$tmp" | grep -q '\.tmp-' && fail "report: a temporary file was left behind"
page=$tmp/report.html
self_contained() {  # PAGE: an HTML page that loads nothing from anywhere
  head -c 15 "$1" | grep -q '<!DOCTYPE html>' || fail "$1: not an HTML page"
  # The only URL is the SVG namespace.
  [ "$(grep -o 'https\?://[^" ]*' "$1" | sort -u)" = "http://www.w3.org/2000/svg" ] ||
    fail "$1: unexpected URLs: $(grep -o 'https\?://[^" ]*' "$1" | sort -u | head -3)"
  grep -qiE '<(link|img|iframe)|<script[^>]* src=|@import|url\(' "$1" && fail "$1: external resource reference"
  grep -q "default-src 'none'" "$1" || fail "$1: no Content-Security-Policy blocking the network"
  for needle in '<svg id="rc-chart"' 'Business concept' 'Essential purpose' 'Where this batch leans' 'data-filter="marketing"'; do
    grep -qF "$needle" "$1" || fail "$1: page lacks $needle"
  done
}
self_contained "$page"

# Markup in the input is text, never markup.
printf '<b>Sell</b> & <script>alert(1)</script> cars\n' >"$tmp/evil.txt"
"$bin" report "$tmp/evil.txt" -o "$tmp/evil.html" || fail "evil: exit $?"
grep -q '<script>alert' "$tmp/evil.html" && fail "evil: input markup reached the page"
grep -q '<b>Sell' "$tmp/evil.html" && fail "evil: input markup reached the page"
# To stdout when it is not a terminal; inputs that cannot be read make exit 2 but still a page.
"$bin" report <"$duties" | grep -q '</html>' || fail "stdin to stdout"
"$bin" report "$duties" "$tmp/missing.txt" -o "$tmp/partial.html" 2>"$tmp/err"
[ $? -eq 2 ] || fail "missing input: exit must be 2"
grep -q "missing.txt" "$tmp/err" || fail "missing input: $(cat "$tmp/err")"

# Document mode: whole files and JSONL records, read as `classify --unit document` reads them.
docpage=$tmp/documents.html
"$bin" report --unit document "${postings[@]}" -o "$docpage" 2>"$tmp/err" || fail "documents: exit $? $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "documents: stderr $(cat "$tmp/err")"
self_contained "$docpage"
for needle in '<h2>Verdicts</h2>' 'data-label="hybrid"' 'data-filter="hybrid"' 'Every document'; do
  grep -qF "$needle" "$docpage" || fail "documents: page lacks $needle"
done
"$bin" report --input jsonl "$examples/postings.jsonl" -o "$tmp/jsonl.html" 2>"$tmp/err" ||
  fail "jsonl: exit $? $(cat "$tmp/err")"
# A bad record is an error item: the run goes on, exit 2 at the end, and the page is still written.
{ cat "$examples/postings.jsonl"; echo 'not json'; echo '{"id": 5}'; } >"$tmp/bad.jsonl"
"$bin" report --input jsonl "$tmp/bad.jsonl" -o "$tmp/bad.html" 2>"$tmp/err"
[ $? -eq 2 ] || fail "bad jsonl: exit must be 2"
grep -q 'bad.jsonl:4: not a JSON object' "$tmp/err" || fail "bad jsonl: stderr $(cat "$tmp/err")"
grep -q '</html>' "$tmp/bad.html" || fail "bad jsonl: no page"
grep -q 'data-filter="error"' "$tmp/bad.html" || fail "bad jsonl: no error filter"
# The verdict counts in the page (chart bars, filter buttons, embedded items) equal classify's.
verdicts() {  # PAGE CLASSIFY_ARGS...: compares the page's verdict counts with `classify --format jsonl`
  local page=$1
  shift
  "$bin" classify --format jsonl "$@" >"$tmp/classified.jsonl" 2>/dev/null
  python3 - "$page" "$tmp/classified.jsonl" <<'PY' || fail "verdict counts of $page differ from classify $*"
import collections, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
expected = collections.Counter(json.loads(line)["label"] for line in open(sys.argv[2], encoding="utf-8"))
start = page.index(">", page.index('<script id="rc-data"')) + 1
data = json.loads(page[start:page.index("</script>", start)])
embedded = collections.Counter(data["labels"][item[2]] for item in data["items"])
bars = {k: int(v) for k, v in re.findall(r'<g class="bar" data-label="(\w+)">.*?class="value">(\d+) ', page)}
buttons = {k: int(v) for k, v in re.findall(r'data-filter="(\w+)" class="\w+" aria-pressed="false">\w+ \((\d+)\)', page)}
for label in ("sales", "marketing", "other", "hybrid", "unknown"):
    assert embedded[label] == expected[label] == bars[label] == buttons[label], (label, embedded, expected, bars, buttons)
assert sum(expected.values()) == len(data["items"]) > 0
PY
}
verdicts "$docpage" --unit document "${postings[@]}"
verdicts "$tmp/jsonl.html" --input jsonl "$examples/postings.jsonl"
verdicts "$tmp/bad.html" --input jsonl "$tmp/bad.jsonl"
# 10,000 documents: every one embedded, closed until opened, rows paged.
for _ in $(seq 3334); do cat "$examples/postings.jsonl"; done >"$tmp/many.jsonl"
"$bin" report --input jsonl "$tmp/many.jsonl" -o "$tmp/many.html" || fail "many documents: exit $?"
[ "$(stat -c %s "$tmp/many.html")" -lt $((3 * $(stat -c %s "$tmp/many.jsonl"))) ] ||
  fail "many documents: the page is over 3 times the input"
python3 - "$tmp/many.html" <<'PY' || fail "many documents: embedded data"
import json, sys
page = open(sys.argv[1], encoding="utf-8").read()
start = page.index(">", page.index('<script id="rc-data"')) + 1
data = json.loads(page[start:page.index("</script>", start)])
assert len(data["items"]) == 10002, len(data["items"])
assert data["items"][-1][1] == 10002 and data["open"] is False
PY

# Headless Chromium: the script ran (status "ready"), rendered the rows, drew the chart, hit no error.
skipped=""
if ! command -v chromium >/dev/null; then
  skipped="chromium is not installed (scripts/setup.sh --test installs it): the page was not rendered"
else
  chrome() {
    HOME=$tmp timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" 2>>"$tmp/chromium.log"
  }
  chrome --dump-dom "file://$page" >"$tmp/dom.html" || fail "chromium --dump-dom exits $?"
  grep -q 'id="rc-status" data-state="ready"' "$tmp/dom.html" ||
    fail "page did not become ready: $(grep -o 'id="rc-status"[^<]*' "$tmp/dom.html")"
  grep -q 'id="rc-status" data-state="error"' "$tmp/dom.html" && fail "page reported an error"
  [ "$(grep -o '<li class="item' "$tmp/dom.html" | wc -l)" -eq "$lines" ] || fail "expected $lines rendered items"
  grep -q '<mark class="s"' "$tmp/dom.html" || fail "no highlighted sales words"
  grep -q '<mark class="m"' "$tmp/dom.html" || fail "no highlighted marketing words"
  if "$bin" classify --format jsonl "$duties" | grep -q '"other_work":\[{'; then
    grep -q '<mark class="o"' "$tmp/dom.html" || fail "no highlighted other-work words"
  fi
  grep -q '<rect' "$tmp/dom.html" || fail "no chart bars"
  chrome --screenshot="$tmp/report.png" --window-size=1200,900 "file://$page" >/dev/null || fail "screenshot exits $?"
  [ "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "screenshot is not a PNG"
  [ "$(stat -c %s "$tmp/report.png")" -gt 20000 ] || fail "screenshot is suspiciously small (blank page?)"
  [ -n "${REPORT_SCREENSHOT:-}" ] && cp "$tmp/report.png" "$REPORT_SCREENSHOT"

  # Document mode: ready, the chart, every document with its duties open and highlighted.
  chrome --dump-dom "file://$docpage" >"$tmp/docdom.html" || fail "documents: chromium --dump-dom exits $?"
  grep -q 'id="rc-status" data-state="ready">3 documents loaded' "$tmp/docdom.html" ||
    fail "documents: page did not become ready: $(grep -o 'id="rc-status"[^<]*' "$tmp/docdom.html")"
  grep -q '<rect' "$tmp/docdom.html" || fail "documents: no chart bars"
  [ "$(grep -o '<li class="item doc' "$tmp/docdom.html" | wc -l)" -eq 3 ] || fail "documents: expected 3 documents"
  for name in sales marketing hybrid; do
    grep -q "posting_$name.txt</strong>" "$tmp/docdom.html" || fail "documents: posting_$name.txt not listed"
  done
  # Each document open, in the class of its verdict (posting_hybrid.txt's follows the taxonomy's tuning).
  for name in sales marketing; do
    grep -q "<li class=\"item doc $name\"><details open=\"\">" "$tmp/docdom.html" || fail "documents: no open $name"
  done
  [ "$(grep -Eo '<li class="item doc (sales|marketing|other|hybrid)"><details open="">' "$tmp/docdom.html" | wc -l)" -eq 3 ] ||
    fail "documents: expected 3 open documents with a verdict"
  [ "$(grep -o '<li class="duty' "$tmp/docdom.html" | wc -l)" -gt 30 ] || fail "documents: duties not shown"
  grep -q '<li class="heading">Requirements</li>' "$tmp/docdom.html" || fail "documents: no section heading"
  grep -q '<mark class="s"' "$tmp/docdom.html" || fail "documents: no highlighted sales words"
  grep -q '<mark class="m"' "$tmp/docdom.html" || fail "documents: no highlighted marketing words"
  chrome --screenshot="$tmp/documents.png" --window-size=1200,900 "file://$docpage" >/dev/null ||
    fail "documents: screenshot exits $?"
  [ "$(stat -c %s "$tmp/documents.png")" -gt 20000 ] || fail "documents: screenshot is suspiciously small"
  [ -n "${REPORT_DOCUMENTS_SCREENSHOT:-}" ] && cp "$tmp/documents.png" "$REPORT_DOCUMENTS_SCREENSHOT"
  # The filters work (a probe script clicks them after the page's own script), and error items are shown as such.
  python3 - "$tmp/bad.html" "$tmp/probe.html" <<'PY'
import sys
probe = """<script>(function () {
  var out = [];
  function count() { return document.querySelectorAll('#rc-list > li').length + '/' + document.querySelectorAll('#rc-list li.duty').length; }
  function click(filter) { document.querySelector('button[data-filter="' + filter + '"]').click(); out.push(filter + ' ' + count()); }
  ['all', 'marketing', 'hybrid', 'error'].forEach(click);
  var p = document.createElement('p'); p.id = 'probe'; p.textContent = out.join('; '); document.body.appendChild(p);
})();</script>
"""
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>"))
PY
  chrome --dump-dom "file://$tmp/probe.html" >"$tmp/baddom.html" || fail "bad jsonl: chromium exits $?"
  grep -q 'data-state="ready">5 documents loaded' "$tmp/baddom.html" || fail "bad jsonl: page did not become ready"
  # Documents / duties shown per filter: all 5 open; as many marketing and hybrid ones as classify finds; 2 errors.
  count_label() { "$bin" classify --input jsonl --format jsonl "$tmp/bad.jsonl" 2>/dev/null |
    python3 -c 'import json, sys; print(sum(json.loads(l)["label"] == sys.argv[1] for l in sys.stdin))' "$1"; }
  m=$(count_label marketing) h=$(count_label hybrid)
  grep -Eq "<p id=\"probe\">all 5/[1-9][0-9]*; marketing $m/[0-9]+; hybrid $h/[0-9]+; error 2/0</p>" "$tmp/baddom.html" ||
    fail "bad jsonl: filters (expected marketing $m, hybrid $h): $(grep -o '<p id="probe">[^<]*' "$tmp/baddom.html")"
  [ "$(grep -o '<li class="item doc unknown error' "$tmp/baddom.html" | wc -l)" -eq 2 ] || fail "bad jsonl: no error items"
  grep -q 'class="errmsg">error: not a JSON object' "$tmp/baddom.html" || fail "bad jsonl: error message not shown"
  # 10,000 documents: ready, one page of 200 rendered, duties only when a document is opened.
  chrome --dump-dom "file://$tmp/many.html" >"$tmp/manydom.html" || fail "many documents: chromium exits $?"
  grep -q 'data-state="ready">10002 documents loaded' "$tmp/manydom.html" || fail "many documents: not ready"
  [ "$(grep -o '<li class="item doc' "$tmp/manydom.html" | wc -l)" -eq 200 ] || fail "many documents: not paged"
  grep -q '<li class="duty' "$tmp/manydom.html" && fail "many documents: duties rendered before a document is opened"
fi

# 100,000 lines: one page with every item in the embedded data, at most 250 bytes per line.
awk -v n=100000 '{ a[NR] = $0 } END { for (i = 0; i < n; i++) print a[i % NR + 1] }' "$duties" >"$tmp/big.txt"
"$bin" report "$tmp/big.txt" -o "$tmp/big.html" || fail "big: exit $?"
size=$(stat -c %s "$tmp/big.html")
[ "$size" -lt 25000000 ] || fail "big: $size bytes for 100,000 lines"
python3 - "$tmp/big.html" <<'PY' || fail "big: embedded data"
import json, sys
page = open(sys.argv[1], encoding="utf-8").read()
start = page.index(">", page.index('<script id="rc-data"')) + 1
data = json.loads(page[start:page.index("</script>", start)])
assert len(data["items"]) == 100000, len(data["items"])
assert data["items"][-1][1] == 100000
PY
grep -q 'pageSize = 200' "$tmp/big.html" || fail "big: rows are not paged"

finish report
