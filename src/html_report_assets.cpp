#include "html_report_assets.hpp"

namespace rolecheck {

std::string_view html_report_css() noexcept {
  return R"CSS(:root { --sales: #1a7f37; --marketing: #8250df; --mixed: #b35900; --unknown: #6e7781;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; border-bottom: 1px solid var(--line); }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 28px 0 10px; }
h3 { font-size: 16px; margin: 0 0 4px; } h4 { font-size: 13px; margin: 8px 0 2px; }
.summary, .note, .source { color: var(--muted); margin: 4px 0 14px; }
.chart text { font-size: 14px; fill: var(--fg); } .chart .value { fill: var(--muted); }
table.comparison { border-collapse: collapse; width: 100%; }
.comparison th, .comparison td { border: 1px solid var(--line); padding: 8px 10px; text-align: left; vertical-align: top; }
.comparison thead th { background: var(--soft); } .comparison tbody th { width: 18%; background: var(--soft); }
th.sales, h4.sales, strong.sales { color: var(--sales); } th.marketing, h4.marketing, strong.marketing { color: var(--marketing); }
.leans { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 14px; }
.lean { border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.lean p { margin: 0 0 8px; }
.meter { display: flex; height: 10px; border-radius: 5px; overflow: hidden; background: var(--soft); }
.meter .sales { background: var(--sales); } .meter .marketing { background: var(--marketing); }
.topcues ol { margin: 0; padding-left: 20px; font-size: 13px; } .topcues .n, .none { color: var(--muted); } .topcues .n { display: block; }
code { overflow-wrap: anywhere; font: 12px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.filters button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 16px;
  background: var(--bg); cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
.filters button.sales { border-color: var(--sales); } .filters button.marketing { border-color: var(--marketing); }
.filters button.mixed { border-color: var(--mixed); } .filters button.unknown { border-color: var(--unknown); }
.filters input { margin-left: auto; font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; }
.pager { color: var(--muted); display: flex; gap: 10px; align-items: center; margin: 6px 0; }
.pager button { font: inherit; padding: 2px 10px; }
ol.items { list-style: none; padding: 0; margin: 0; }
.item { display: grid; grid-template-columns: 96px 44px 1fr; gap: 10px; padding: 7px 4px; border-bottom: 1px solid var(--soft); }
.badge { display: inline-block; text-align: center; border-radius: 4px; color: #fff; font-size: 12px; font-weight: 600;
  padding: 1px 6px; height: 20px; }
.badge.sales { background: var(--sales); } .badge.marketing { background: var(--marketing); }
.badge.mixed { background: var(--mixed); } .badge.unknown { background: var(--unknown); }
.conf { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-style: italic; }
.where { display: block; color: var(--muted); font-size: 12px; }
mark { border-radius: 3px; padding: 0 2px; color: inherit; }
mark.s { background: #dafbe1; box-shadow: inset 0 -2px 0 var(--sales); }
mark.m { background: #fbefff; box-shadow: inset 0 -2px 0 var(--marketing); }
mark.neg { text-decoration: line-through; background: #eef1f4; }
footer { color: var(--muted); font-size: 13px; padding: 20px 24px 30px; border-top: 1px solid var(--line); margin-top: 28px; }
#rc-status[data-state="error"] { color: #cf222e; font-weight: 600; }
)CSS";
}

std::string_view html_report_js() noexcept {
  return R"JS((function () {
  'use strict';
  var status = document.getElementById('rc-status');
  function fail(message) { status.setAttribute('data-state', 'error'); status.textContent = 'error: ' + message; }
  window.addEventListener('error', function (event) { fail(event.message); });
  try {
    var data = JSON.parse(document.getElementById('rc-data').textContent);
    var labels = data.labels, cues = data.cues, files = data.files, items = data.items;
    var pageSize = 200, page = 0, shown = [], query = '';
    var active = { sales: true, marketing: true, mixed: true, unknown: true };
    var list = document.getElementById('rc-list');
    var pagers = [document.getElementById('rc-pager-top'), document.getElementById('rc-pager')];
    var buttons = Array.prototype.slice.call(document.querySelectorAll('.filters button'));

    function textOf(item) {
      var text = '';
      for (var i = 0; i < item[4].length; i++) { var s = item[4][i]; text += typeof s === 'string' ? s : s[0]; }
      return text;
    }
    function keeps(item) {
      if (!active[labels[item[2]]]) return false;
      return query === '' || textOf(item).toLowerCase().indexOf(query) >= 0;
    }
    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }
    function row(item) {
      var label = labels[item[2]];
      var li = element('li', 'item ' + label);
      var badge = element('span', '');
      badge.appendChild(element('span', 'badge ' + label, label));
      li.appendChild(badge);
      li.appendChild(element('span', 'conf', (item[3] / 100).toFixed(2)));
      var body = element('span', 'text');
      for (var i = 0; i < item[4].length; i++) {
        var s = item[4][i];
        if (typeof s === 'string') { body.appendChild(document.createTextNode(s)); continue; }
        var mark = element('mark', (s[2] === 0 ? 's' : 'm') + (s[3] ? ' neg' : ''), s[0]);
        var cue = cues[s[1]] || ['?', ''];
        mark.title = cue[0] + ' \u00b7 ' + cue[1] + ' \u00b7 ' + labels[s[2]] + (s[3] ? ' (negated)' : '');
        body.appendChild(mark);
      }
      if (item[4].length === 0) body.appendChild(element('span', 'empty', '(empty line)'));
      body.appendChild(element('span', 'where', files[item[0]] + ':' + item[1]));
      li.appendChild(body);
      return li;
    }
    function pagerInto(node) {
      node.textContent = '';
      var pages = Math.max(1, Math.ceil(shown.length / pageSize));
      var first = shown.length === 0 ? 0 : page * pageSize + 1;
      var last = Math.min(shown.length, (page + 1) * pageSize);
      var prev = element('button', '', '\u2190 previous'); prev.type = 'button'; prev.disabled = page === 0;
      prev.addEventListener('click', function () { page--; render(); });
      var next = element('button', '', 'next \u2192'); next.type = 'button'; next.disabled = page >= pages - 1;
      next.addEventListener('click', function () { page++; render(); });
      node.appendChild(prev);
      node.appendChild(element('span', 'range', first + '\u2013' + last + ' of ' + shown.length + ' ' + data.unit +
                               ' (page ' + (page + 1) + ' of ' + pages + ')'));
      node.appendChild(next);
    }
    function render() {
      var fragment = document.createDocumentFragment();
      var end = Math.min(shown.length, (page + 1) * pageSize);
      for (var k = page * pageSize; k < end; k++) fragment.appendChild(row(items[shown[k]]));
      list.textContent = '';
      list.appendChild(fragment);
      pagers.forEach(pagerInto);
    }
    function refilter() {
      shown = [];
      for (var i = 0; i < items.length; i++) if (keeps(items[i])) shown.push(i);
      page = 0;
      render();
    }
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        var filter = button.getAttribute('data-filter');
        labels.forEach(function (label) { active[label] = filter === 'all' || filter === label; });
        buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
        refilter();
      });
    });
    var timer = 0;
    document.getElementById('rc-search').addEventListener('input', function (event) {
      clearTimeout(timer);
      timer = setTimeout(function () { query = event.target.value.trim().toLowerCase(); refilter(); }, 150);
    });
    refilter();
    status.setAttribute('data-state', 'ready');
    status.textContent = items.length + ' ' + data.unit + ' loaded';
  } catch (error) {
    fail(error && error.message ? error.message : String(error));
  }
})();
)JS";
}

}  // namespace rolecheck
