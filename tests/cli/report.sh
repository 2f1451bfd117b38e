#!/usr/bin/env bash
# End-to-end tests of `rolecheck report`: a self-contained page (no URLs, no external resources), escaped
# text, atomic -o, rendered in headless Chromium (the script ran, the chart is there, no error) to a PNG,
# and a 100,000-line report that stays small enough and pages its rows.
# Usage: report.sh ROLECHECK SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
export LC_ALL=C.UTF-8
unset ROLECHECK_TAXONOMY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
duties=$src/data/examples/duties.txt
lines=$(wc -l <"$duties")

"$bin" report "$duties" -o "$tmp/report.html" 2>"$tmp/err" || fail "report: exit $? $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "report: stderr $(cat "$tmp/err")"
ls "$tmp" | grep -q '\.tmp-' && fail "report: a temporary file was left behind"
page=$tmp/report.html
head -c 15 "$page" | grep -q '<!DOCTYPE html>' || fail "not an HTML page"
# Self-contained: the only URL is the SVG namespace; nothing is loaded from anywhere.
[ "$(grep -o 'https\?://[^" ]*' "$page" | sort -u)" = "http://www.w3.org/2000/svg" ] ||
  fail "unexpected URLs: $(grep -o 'https\?://[^" ]*' "$page" | sort -u | head -3)"
grep -qiE '<(link|img|iframe)|<script[^>]* src=|@import|url\(' "$page" && fail "external resource reference"
grep -q "default-src 'none'" "$page" || fail "no Content-Security-Policy blocking the network"
for needle in '<svg id="rc-chart"' 'Business concept' 'Essential purpose' 'Where this batch leans' 'data-filter="marketing"'; do
  grep -qF "$needle" "$page" || fail "page lacks $needle"
done

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

# Headless Chromium: the script ran (status "ready"), rendered the rows, drew the chart, hit no error.
if ! command -v chromium >/dev/null; then
  fail "chromium is not installed (scripts/setup.sh --test installs it)"
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
  grep -q '<rect' "$tmp/dom.html" || fail "no chart bars"
  chrome --screenshot="$tmp/report.png" --window-size=1200,900 "file://$page" >/dev/null || fail "screenshot exits $?"
  [ "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "screenshot is not a PNG"
  [ "$(stat -c %s "$tmp/report.png")" -gt 20000 ] || fail "screenshot is suspiciously small (blank page?)"
  [ -n "${REPORT_SCREENSHOT:-}" ] && cp "$tmp/report.png" "$REPORT_SCREENSHOT"
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

if [ $failures -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "report: all checks passed"
