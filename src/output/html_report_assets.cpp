#include "html_report_assets.hpp"

namespace rolecheck {

std::string_view html_report_css() noexcept {
  return R"CSS(:root { --sales: #1a7f37; --marketing: #8250df; --other: #0969a8; --mixed: #b35900; --unknown: #6e7781;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --error: #cf222e; }
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
.meter .other { background: var(--other); }
.topcues ol { margin: 0; padding-left: 20px; font-size: 13px; } .topcues .n, .none { color: var(--muted); } .topcues .n { display: block; }
code { overflow-wrap: anywhere; font: 12px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.filters button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 16px;
  background: var(--bg); cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
.filters button.sales { border-color: var(--sales); } .filters button.marketing { border-color: var(--marketing); }
.filters button.mixed { border-color: var(--mixed); } .filters button.unknown { border-color: var(--unknown); }
.filters button.other { border-color: var(--other); }
.filters input { margin-left: auto; font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; }
.pager { color: var(--muted); display: flex; gap: 10px; align-items: center; margin: 6px 0; }
.pager button { font: inherit; padding: 2px 10px; }
ol.items { list-style: none; padding: 0; margin: 0; }
.item { display: grid; grid-template-columns: 96px 44px 1fr; gap: 10px; padding: 7px 4px; border-bottom: 1px solid var(--soft); }
.badge { display: inline-block; text-align: center; border-radius: 4px; color: #fff; font-size: 12px; font-weight: 600;
  padding: 1px 6px; height: 20px; }
.badge.sales { background: var(--sales); } .badge.marketing { background: var(--marketing); }
.badge.mixed { background: var(--mixed); } .badge.unknown { background: var(--unknown); }
.badge.other { background: var(--other); }
.conf { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-style: italic; }
.where { display: block; color: var(--muted); font-size: 12px; }
mark { border-radius: 3px; padding: 0 2px; color: inherit; }
mark.s { background: #dafbe1; box-shadow: inset 0 -2px 0 var(--sales); }
mark.m { background: #fbefff; box-shadow: inset 0 -2px 0 var(--marketing); }
mark.o { background: #ddf4ff; box-shadow: inset 0 -2px 0 var(--other); }
mark.neg { text-decoration: line-through; background: #eef1f4; }
footer { color: var(--muted); font-size: 13px; padding: 20px 24px 30px; border-top: 1px solid var(--line); margin-top: 28px; }
#rc-status[data-state="error"] { color: var(--error); font-weight: 600; }
.item.doc { display: block; padding: 0; }
.item.doc summary { display: grid; grid-template-columns: 96px 44px 1fr auto; gap: 10px; padding: 7px 4px;
  cursor: pointer; list-style: none; }
.item.doc summary::-webkit-details-marker { display: none; }
.item.doc .name strong::before { content: "\25B8\00A0"; color: var(--muted); }
.item.doc details[open] .name strong::before { content: "\25BE\00A0"; }
.facts { display: flex; gap: 10px; align-items: center; }
.meter.small { width: 90px; height: 8px; }
.chips { display: flex; gap: 4px; }
.chip { font-size: 11px; border: 1px solid var(--line); border-radius: 8px; padding: 0 6px; color: var(--muted); }
.chip.s { color: var(--sales); border-color: var(--sales); } .chip.m { color: var(--marketing); border-color: var(--marketing); }
ol.duties { list-style: none; margin: 0 0 10px; padding: 0 0 0 30px; }
.duty { display: grid; grid-template-columns: 96px 96px 44px 1fr; gap: 8px; padding: 3px 0; font-size: 14px;
  border-bottom: 1px dotted var(--soft); }
.duty.novote { opacity: 0.6; }
.duties .heading { font-weight: 600; color: var(--muted); margin: 8px 0 2px; }
.sect { color: var(--muted); font-size: 12px; }
.errmsg { color: var(--error); margin: 0 0 10px 30px; overflow-wrap: anywhere; }
.badge.hybrid { background: var(--mixed); } .badge.error { background: var(--error); }
.filters button.hybrid { border-color: var(--mixed); } .filters button.error { border-color: var(--error); }
.filters button.expand { border-radius: 6px; }
.docs .sales { color: var(--sales); } .docs .marketing { color: var(--marketing); } strong.error { color: var(--error); }
.lean p.docs { font-size: 13px; color: var(--muted); margin: 6px 0 0; }
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
    var documents = data.mode === 'document';
    var dutyLabels = ['sales', 'marketing', 'other', 'mixed', 'unknown'];
    var markClasses = ['s', 'm', 'o'];
    var pageSize = 200, page = 0, shown = [], query = '', errorsOnly = false, lowered = [];
    var allOpen = !!data.open, opened = {};
    var active = {};
    labels.forEach(function (label) { active[label] = true; });
    var list = document.getElementById('rc-list');
    var pagers = [document.getElementById('rc-pager-top'), document.getElementById('rc-pager')];
    var buttons = Array.prototype.slice.call(document.querySelectorAll('.filters button[data-filter]'));

    function segmentsText(segments) {
      var text = '';
      for (var i = 0; i < segments.length; i++) { var s = segments[i]; text += typeof s === 'string' ? s : s[0]; }
      return text;
    }
    // Line item: [file, line, label, confidence, segments]. Document item: [file, line, label, confidence, id,
    // shares (sales, marketing of the vote, -1 when the verdict does not lean; then sales, marketing, other of the
    // duties), leans (-1: none), duties, error];
    // a duty is [section, label, confidence, vote, line, segments, heading?]. A matched segment is
    // [text, cue, side (0 sales, 1 marketing, 2 other work), negated].
    function textOf(index) {
      if (lowered[index] !== undefined) return lowered[index];
      var item = items[index], text;
      if (!documents) {
        text = segmentsText(item[4]);
      } else {
        text = item[4] + '\n' + files[item[0]] + '\n' + item[8];
        for (var i = 0; i < item[7].length; i++) text += '\n' + segmentsText(item[7][i][5]);
      }
      lowered[index] = text.toLowerCase();
      return lowered[index];
    }
    function keeps(index) {
      var item = items[index];
      if (errorsOnly ? !(documents && item[8]) : !active[labels[item[2]]]) return false;
      return query === '' || textOf(index).indexOf(query) >= 0;
    }
    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }
    function appendSegments(node, segments) {
      for (var i = 0; i < segments.length; i++) {
        var s = segments[i];
        if (typeof s === 'string') { node.appendChild(document.createTextNode(s)); continue; }
        var mark = element('mark', (markClasses[s[2]] || 'm') + (s[3] ? ' neg' : ''), s[0]);
        var cue = cues[s[1]] || ['?', ''];
        mark.title = cue[0] + ' \u00b7 ' + cue[1] + ' \u00b7 ' + dutyLabels[s[2]] + (s[3] ? ' (negated)' : '');
        node.appendChild(mark);
      }
    }
    function badge(label) {
      var holder = element('span', '');
      holder.appendChild(element('span', 'badge ' + label, label));
      return holder;
    }
    function lineRow(item) {
      var label = labels[item[2]];
      var li = element('li', 'item ' + label);
      li.appendChild(badge(label));
      li.appendChild(element('span', 'conf', (item[3] / 100).toFixed(2)));
      var body = element('span', 'text');
      appendSegments(body, item[4]);
      if (item[4].length === 0) body.appendChild(element('span', 'empty', '(empty line)'));
      body.appendChild(element('span', 'where', files[item[0]] + ':' + item[1]));
      li.appendChild(body);
      return li;
    }
    function dutyList(item) {
      var ol = element('ol', 'duties');
      var duties = item[7];
      for (var i = 0; i < duties.length; i++) {
        var duty = duties[i], label = dutyLabels[duty[1]];
        if (duty.length > 6) ol.appendChild(element('li', 'heading', duty[6]));
        var li = element('li', 'duty ' + label + (duty[3] > 0 ? '' : ' novote'));
        li.appendChild(badge(label));
        li.appendChild(element('span', 'sect', data.sections[duty[0]] + (duty[3] > 0 && duty[3] !== 1 ? ' \u00d7' + duty[3] : '')));
        li.appendChild(element('span', 'conf', (duty[2] / 100).toFixed(2)));
        var body = element('span', 'text');
        appendSegments(body, duty[5]);
        body.appendChild(element('span', 'where', 'line ' + duty[4] + (duty[3] > 0 ? '' : ' \u00b7 no vote')));
        li.appendChild(body);
        ol.appendChild(li);
      }
      if (duties.length === 0 && !item[8]) ol.appendChild(element('li', 'empty', '(no duties found)'));
      return ol;
    }
    function documentRow(item, index) {
      var label = item[8] ? 'error' : labels[item[2]];
      var li = element('li', 'item doc ' + labels[item[2]] + (item[8] ? ' error' : ''));
      var details = element('details', '');
      var head = element('summary', 'head');
      head.appendChild(badge(label));
      head.appendChild(element('span', 'conf', item[3] < 0 ? '\u2013' : (item[3] / 100).toFixed(2)));
      var name = element('span', 'name');
      name.appendChild(element('strong', '', item[4] || files[item[0]]));
      name.appendChild(element('span', 'where', files[item[0]] + (item[1] > 0 ? ':' + item[1] : '') +
                               (item[8] ? '' : ' \u00b7 ' + item[7].length + ' duties')));
      head.appendChild(name);
      var facts = element('span', 'facts');
      if (!item[8]) {
        var meter = element('span', 'meter small');
        // A verdict that does not lean (other, unknown) has no vote shares and no sides (-1).
        var leans = item[5][0] >= 0;
        meter.title = 'duties: sales ' + item[5][2] + '%, marketing ' + item[5][3] + '%, other ' + item[5][4] +
                      '% \u00b7 ' + (leans ? 'sales vs marketing vote: ' + item[5][0] + '% / ' + item[5][1] + '%'
                                             : 'no sales or marketing lean (verdict other or unknown)');
        ['sales', 'marketing', 'other'].forEach(function (name, k) {
          var part = element('span', name); part.style.width = item[5][2 + k] + '%'; meter.appendChild(part);
        });
        facts.appendChild(meter);
        var chips = element('span', 'chips');
        for (var d = 0; d < item[6].length; d++) {
          var side = item[6][d], difference = data.differences[d] || '';
          var chip = element('span', 'chip ' + (side < 0 ? 'none' : side === 0 ? 's' : 'm'), difference.split(' ')[0]);
          chip.title = difference + ': ' +
                       (side >= 0 ? 'leans ' + dutyLabels[side] : leans ? 'no evidence' : 'no leaning (' + label + ')');
          chips.appendChild(chip);
        }
        facts.appendChild(chips);
      }
      head.appendChild(facts);
      details.appendChild(head);
      if (item[8]) details.appendChild(element('p', 'errmsg', 'error: ' + item[8]));
      var filled = false;
      function fill() { if (!filled && details.open) { filled = true; details.appendChild(dutyList(item)); } }
      details.open = item[8] ? true : opened[index] !== undefined ? opened[index] : allOpen;
      fill();
      details.addEventListener('toggle', function () { opened[index] = details.open; fill(); });
      li.appendChild(details);
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
      for (var k = page * pageSize; k < end; k++) {
        fragment.appendChild(documents ? documentRow(items[shown[k]], shown[k]) : lineRow(items[shown[k]]));
      }
      list.textContent = '';
      list.appendChild(fragment);
      pagers.forEach(pagerInto);
    }
    function refilter() {
      shown = [];
      for (var i = 0; i < items.length; i++) if (keeps(i)) shown.push(i);
      page = 0;
      render();
    }
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        var filter = button.getAttribute('data-filter');
        errorsOnly = filter === 'error';
        labels.forEach(function (label) { active[label] = filter === 'all' || filter === label; });
        buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
        refilter();
      });
    });
    var expand = document.getElementById('rc-expand');
    function expandLabel() { expand.textContent = allOpen ? 'collapse all' : 'expand all'; }
    if (expand) {
      expandLabel();
      expand.addEventListener('click', function () { allOpen = !allOpen; opened = {}; expandLabel(); render(); });
    }
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
