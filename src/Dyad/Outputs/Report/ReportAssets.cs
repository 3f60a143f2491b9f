namespace Dyad.Outputs.Report;

/// <summary>The report's inline stylesheet and script (no external resources; the script runs under a CSP nonce).</summary>
internal static class ReportAssets
{
    public const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2430;background:#f4f5f7}
        header{padding:10px 18px;background:#1d2430;color:#fff;display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 18px}
        header h1{margin:0;font-size:20px}
        header .stats{margin:0;color:#cfd6e0}
        #controls{padding:8px 18px;background:#fff;border-bottom:1px solid #dde1e6;display:flex;flex-wrap:wrap;gap:14px;align-items:center}
        #controls select{max-width:240px}
        .grid{display:grid;grid-template-columns:minmax(0,1fr) 420px;gap:12px;padding:12px 18px}
        section,aside{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:8px 12px}
        h2{font-size:15px;margin:2px 0 6px}
        .note{color:#5b6573;font-size:12px;margin:0 0 4px}
        #net{width:100%;height:auto;display:block;background:#fbfcfd;border:1px solid #eef0f3;border-radius:4px}
        #net .edge path{fill:none;stroke-linecap:round}
        #net .edge path.hit{stroke:transparent;stroke-width:9}
        #net .edge:hover path.vis,#net .edge.sel path.vis{stroke-width:4 !important}
        #net .fam-mc path.vis{stroke:#c0392b}#net .fam-vc path.vis{stroke:#d68910}#net .fam-co path.vis{stroke:#2874a6}
        #net .st-reported path.vis,#net .st-alleged path.vis{stroke-dasharray:7 4}
        #net .st-hedged path.vis{stroke-dasharray:2 3}
        #net .st-future path.vis,#net .st-hypothetical path.vis,#net .st-question path.vis{stroke-dasharray:9 3 2 3}
        #net .cross{stroke:#111;stroke-width:2}
        #net .node circle{fill:#5d6d7e;stroke:#fff;stroke-width:1.5}
        #net .node.unres circle{fill:#aab4be;stroke:#5d6d7e;stroke-dasharray:2 2}
        #net .node text{font-size:11px;fill:#1d2430;paint-order:stroke;stroke:#fbfcfd;stroke-width:3px;pointer-events:none}
        #net .node text.minor{display:none}
        #net .node:hover text.minor,#net .node.sel text.minor{display:inline}
        #net .node.sel circle{fill:#1d2430}
        #net .off{opacity:.08}
        #net .edge,#net .node{cursor:pointer}
        .legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px;color:#3d4654;margin-top:6px}
        .legend svg{vertical-align:middle}
        #details{max-height:calc(100vh - 40px);min-height:300px;overflow:auto}
        #evidence{list-style:none;margin:0;padding:0}
        #evidence li{border-top:1px solid #eef0f3;padding:6px 0}
        .evh{font-weight:600;font-size:12px;color:#3d4654}
        .sent{margin:2px 0}
        mark{border-radius:2px;padding:0 1px}
        mark.trg{background:#ffe08a;font-weight:600}mark.src{background:#cfe3ff}mark.tgt{background:#ffd3cf}
        mark.cue{background:#e3d7ff}mark.clm{background:#d5f5e3}
        .meta{font-size:12px;color:#5b6573}
        .st{display:inline-block;padding:0 5px;border-radius:8px;background:#eef0f3;color:#1d2430;font-size:11px}
        .st-asserted{background:#d4efdf}.st-reported{background:#d6eaf8}.st-alleged{background:#fdebd0}.st-denied,.st-negated{background:#f5b7b1}
        .st-hedged{background:#f9e79f}
        .msum{font-size:12px;background:#f4f6f8;padding:3px 6px;border-radius:4px;margin:2px 0}
        .uri{word-break:break-all}
        .rows{display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:0 18px 12px}
        .wide{margin:0 18px 12px}
        table{border-collapse:collapse;width:100%;font-size:12px}
        th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eef0f3;vertical-align:top}
        td.n,th.n{text-align:right}
        tr.pick{cursor:pointer}tr.pick:hover{background:#f4f6f8}
        #timeline svg{width:100%;height:auto;display:block}
        #timeline rect.mc{fill:#c0392b}#timeline rect.vc{fill:#d68910}#timeline rect.co{fill:#2874a6}
        #timeline text{font-size:10px;fill:#5b6573}
        footer{padding:4px 18px 16px;color:#5b6573;font-size:12px}
        .empty{padding:40px;text-align:center;color:#5b6573}
        """;

    // Reads only our own data-* attributes and the JSON block; writes with textContent only.
    public const string Script = """
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('dyad-data').textContent);
          var fType = document.getElementById('f-type'), fStatus = document.getElementById('f-status'), fClaim = document.getElementById('f-claimant');
          var net = document.getElementById('net'), title = document.getElementById('sel-title'), sub = document.getElementById('sel-sub');
          var items = Array.prototype.slice.call(document.querySelectorAll('#evidence li.ev'));
          var sel = null;
          function has(el, attr, v) { if (!v) return true; return (' ' + (el.getAttribute(attr) || '') + ' ').indexOf(' ' + v + ' ') >= 0; }
          function evOk(li) { return has(li, 'data-type', fType.value) && has(li, 'data-status', fStatus.value) && has(li, 'data-c', fClaim.value); }
          function inSel(li) {
            if (!sel) return false;
            if (sel.kind === 'edge') return li.getAttribute('data-e') === sel.id;
            if (sel.kind === 'node') return li.getAttribute('data-s') === sel.id || li.getAttribute('data-t') === sel.id;
            if (sel.kind === 'pair') return li.getAttribute('data-s') === sel.s && li.getAttribute('data-t') === sel.t;
            if (sel.kind === 'claimant') return has(li, 'data-c', sel.id);
            return false;
          }
          function applyFilters() {
            var live = {};
            if (net) {
              net.querySelectorAll('.edge').forEach(function (g) {
                var ok = has(g, 'data-type', fType.value) && has(g, 'data-statuses', fStatus.value) && has(g, 'data-cs', fClaim.value);
                g.classList.toggle('off', !ok);
                if (ok) { live[g.getAttribute('data-s')] = 1; live[g.getAttribute('data-t')] = 1; }
              });
              var any = fType.value || fStatus.value || fClaim.value;
              net.querySelectorAll('.node').forEach(function (g) { g.classList.toggle('off', !!any && !live[g.getAttribute('data-n')]); });
            }
            showEvidence();
          }
          function showEvidence() {
            var shown = 0;
            items.forEach(function (li) { var on = inSel(li) && evOk(li); li.hidden = !on; if (on) shown++; });
            if (!sel) { title.textContent = 'Evidence'; sub.textContent = 'Click a node, an edge or a table row to see the sentences behind it.'; return; }
            title.textContent = sel.title;
            sub.textContent = sel.sub + ' \u00b7 ' + shown + ' shown' + (shown === 0 ? ' (filters hide the rest, or the edge is not drawn)' : '');
          }
          function label(i) { var n = data.nodes[+i]; return n ? n.label : '?'; }
          function select(s) {
            if (net) net.querySelectorAll('.sel').forEach(function (g) { g.classList.remove('sel'); });
            sel = s;
            if (s && s.el) s.el.classList.add('sel');
            showEvidence();
          }
          function remember(h) { try { history.replaceState(null, '', h); } catch (e) { } }
          function pick(g) {
            if (!g) { select(null); remember('#'); return; }
            if (g.classList.contains('edge')) {
              remember('#edge=' + g.getAttribute('data-i'));
              var e = data.edges[+g.getAttribute('data-i')];
              select({ kind: 'edge', id: e.id, el: g, title: label(e.s) + ' \u2192 ' + label(e.t) + ': ' + e.type,
                sub: e.count + ' event(s): ' + e.statuses + (e.first ? ' \u00b7 ' + e.first + (e.last && e.last !== e.first ? ' \u2013 ' + e.last : '') : '') });
            } else {
              remember('#node=' + g.getAttribute('data-n'));
              var n = data.nodes[+g.getAttribute('data-n')];
              select({ kind: 'node', id: String(n.i), el: g, title: n.label + (n.code ? ' (' + n.code + ')' : ''), sub: n.degree + ' event(s) as source or target' });
            }
          }
          if (net) net.addEventListener('click', function (ev) { pick(ev.target.closest('.edge, .node')); });
          document.querySelectorAll('tr.pick').forEach(function (tr) {
            tr.addEventListener('click', function () {
              if (tr.hasAttribute('data-c')) {
                var c = data.claimants[tr.getAttribute('data-c')];
                select({ kind: 'claimant', id: tr.getAttribute('data-c'), title: 'Claimed by ' + (c ? c.label : '?'), sub: (c ? c.count : 0) + ' claim(s)' });
              } else {
                select({ kind: 'pair', s: tr.getAttribute('data-s'), t: tr.getAttribute('data-t'), title: label(tr.getAttribute('data-s')) + ' \u2192 ' + label(tr.getAttribute('data-t')), sub: tr.getAttribute('data-n') + ' event(s)' });
              }
              document.getElementById('details').scrollIntoView({ block: 'nearest' });
            });
          });
          [fType, fStatus, fClaim].forEach(function (s) { s.addEventListener('change', applyFilters); });
          document.getElementById('f-reset').addEventListener('click', function () { fType.value = ''; fStatus.value = ''; fClaim.value = ''; select(null); applyFilters(); });
          applyFilters();
          // a link to a selection: report.html#node=3 or #edge=12 (drawn indices)
          var m = /^#(node|edge)=(\d+)$/.exec(location.hash);
          if (m && net) pick(net.querySelector(m[1] === 'node' ? '.node[data-n="' + m[2] + '"]' : '.edge[data-i="' + m[2] + '"]'));
          document.documentElement.setAttribute('data-ready', '1');
        })();
        """;
}
