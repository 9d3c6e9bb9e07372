// The strategists' web page: a static shell, its stylesheet and script (no CDN, no framework); all data comes from /v1 with the user's key.

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Marquee — market intelligence</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#ask">Skip to the question box</a>
<header><h1>Marquee</h1><p class="tag">Competitor moves, release calendar and box office, answered with sources.</p>
<span id="whoami" class="muted"></span></header>
<main>
<section id="key-panel" hidden aria-labelledby="key-h">
  <h2 id="key-h">API key</h2>
  <form id="key-form">
    <label for="key-input">Paste an API key (from <code>npx marquee keys create &lt;name&gt;</code>)</label>
    <input id="key-input" name="key" type="password" autocomplete="off" required>
    <button type="submit">Use key</button>
  </form>
  <p id="key-error" class="error" role="alert"></p>
</section>
<section id="ask" aria-labelledby="ask-h">
  <h2 id="ask-h">Ask</h2>
  <form id="ask-form">
    <label for="question">Question</label>
    <div class="row"><input id="question" name="question" type="text" maxlength="500" required
      placeholder="What did Lionsgate announce since October?"><button type="submit" id="ask-button">Ask</button></div>
    <p class="muted">Try: “What opens against our title on March 12?” · “How did horror do over the last four weekends?”</p>
  </form>
  <div id="answer" aria-live="polite"></div>
</section>
<div class="grid">
<section id="calendar" aria-labelledby="cal-h">
  <h2 id="cal-h">Release calendar, next 12 weeks</h2>
  <div id="collisions"></div>
  <div class="scroll"><table id="calendar-table"><caption class="sr">Dated releases; slate titles and collisions highlighted</caption>
  <thead><tr><th scope="col">Date</th><th scope="col">Title</th><th scope="col">Distributor</th><th scope="col">Width</th></tr></thead><tbody></tbody></table></div>
</section>
<section id="briefs" aria-labelledby="briefs-h">
  <h2 id="briefs-h">Counter-programming briefs</h2>
  <p class="muted">Drafts from the computed facts — every option needs human review.</p>
  <div id="briefs-body"><p class="muted">Loading…</p></div>
</section>
<section id="tone" aria-labelledby="tone-h">
  <h2 id="tone-h">Tone of coverage, last 6 weeks</h2>
  <p class="muted">Most-covered competitor studios and titles; each bar is a week — open it for the items behind it.</p>
  <div id="tone-body"><p class="muted">Loading…</p></div>
</section>
<section id="digest" aria-labelledby="digest-h">
  <h2 id="digest-h">Latest digest</h2>
  <div id="digest-body"><p class="muted">Loading…</p></div>
</section>
<section id="sources" aria-labelledby="sources-h">
  <h2 id="sources-h">Source health</h2>
  <div class="scroll"><table id="sources-table"><thead><tr><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Last success</th><th scope="col">Items</th></tr></thead><tbody></tbody></table></div>
</section>
</div>
</main>
</body>
</html>
`;

export const PAGE_STYLE = `
:root { --ink:#1d2330; --muted:#5b6475; --line:#d9dde5; --accent:#8a1c2b; --warn:#fff1e0; --slate:#eef4ff; --ok:#1b7a3a; --bad:#b3261e; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:#f7f8fa; }
header { padding:1rem 2rem; background:#fff; border-bottom:1px solid var(--line); display:flex; gap:1rem; align-items:baseline; flex-wrap:wrap; }
h1 { margin:0; font-size:1.5rem; color:var(--accent); }
h2 { font-size:1.15rem; margin:0 0 .6rem; }
main { max-width:1200px; margin:0 auto; padding:1rem 2rem 3rem; }
section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:1rem 1.25rem; margin-bottom:1rem; }
.grid { display:grid; grid-template-columns: minmax(0,3fr) minmax(0,2fr); gap:1rem; }
.grid #calendar { grid-row: span 2; }
@media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
.row { display:flex; gap:.5rem; }
input[type=text], input[type=password] { flex:1; width:100%; padding:.55rem .7rem; font:inherit; border:1px solid #9aa3b2; border-radius:6px; }
button { padding:.55rem 1.1rem; font:inherit; background:var(--accent); color:#fff; border:0; border-radius:6px; cursor:pointer; }
button[disabled] { opacity:.6; cursor:progress; }
:focus-visible { outline:3px solid #1a5fd0; outline-offset:2px; }
label { display:block; font-weight:600; margin-bottom:.3rem; }
.muted, .tag { color:var(--muted); font-size:.9rem; margin:.3rem 0; }
.error { color:var(--bad); }
.answer-text p { margin:.3rem 0; white-space:pre-wrap; }
.answer-text sup a { text-decoration:none; font-size:.8em; }
ol.citations { font-size:.92rem; padding-left:1.4rem; }
ol.citations li { margin:.2rem 0; }
details summary { cursor:pointer; font-weight:600; margin:.4rem 0; }
table { border-collapse:collapse; width:100%; font-size:.92rem; }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
tr.slate td { background:var(--slate); font-weight:600; }
#calendar-table td:first-child, #answer-events td:first-child { white-space:nowrap; }
tr.collision td { background:var(--warn); }
.badge { display:inline-block; padding:0 .4rem; border-radius:4px; font-size:.8rem; background:#fbe3e3; color:var(--bad); margin-left:.3rem; }
.collision-list li { margin:.25rem 0; }
.status-ok { color:var(--ok); font-weight:600; } .status-failing { color:var(--bad); font-weight:600; }
.scroll { overflow-x:auto; }
article.brief { border-top:1px solid var(--line); padding:.6rem 0; }
article.brief h3 { font-size:1rem; margin:.2rem 0; }
.status { display:inline-block; padding:0 .45rem; border-radius:4px; font-size:.8rem; margin-left:.4rem; background:#eef0f4; }
.status-approved { background:#dff3e5; color:var(--ok); } .status-dismissed { background:#f1f1f1; color:var(--muted); }
.options li { margin:.3rem 0; } .draft { color:#8a5a00; font-size:.85rem; }
button.secondary { background:#fff; color:var(--accent); border:1px solid var(--accent); }
.actions { display:flex; gap:.5rem; margin-top:.4rem; }
.tone-row { display:flex; align-items:center; gap:.5rem; flex-wrap:wrap; margin:.35rem 0; }
.tone-name { min-width:9rem; font-weight:600; }
.spark { display:inline-flex; gap:2px; align-items:flex-end; height:1.6rem; }
.spark button { width:.9rem; padding:0; border-radius:2px; background:#9aa3b2; min-height:2px; }
.spark button.pos { background:var(--ok); } .spark button.neg { background:var(--bad); } .spark button.none { background:#e3e6eb; }
.tone-word { font-size:.85rem; color:var(--muted); }
.tone-items { font-size:.88rem; margin:.2rem 0 .5rem 9.5rem; }
.skip { position:absolute; left:-999px; } .skip:focus { left:1rem; top:1rem; background:#fff; padding:.5rem; z-index:2; }
.sr { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
`;

// Plain browser JavaScript. Every value from the API is set with textContent or as a checked
// http(s) href: text from the web never becomes markup.
export const PAGE_SCRIPT = `
'use strict';
(function () {
  var KEY = 'marquee.key';
  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('key')) { sessionStorage.setItem(KEY, hash.get('key')); history.replaceState(null, '', location.pathname + (hash.get('brief') ? '#brief=' + encodeURIComponent(hash.get('brief')) : '')); }
  function key() { return sessionStorage.getItem(KEY); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') e.textContent = attrs[k]; else if (k === 'class') e.className = attrs[k]; else e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function safeHref(u) { try { var x = new URL(u); return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null; } catch (e) { return null; } }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
  function api(path, init) {
    init = init || {};
    init.headers = Object.assign({ authorization: 'Bearer ' + key() }, init.headers || {});
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.status === 401) { sessionStorage.removeItem(KEY); showKeyPanel(body.error); }
        if (!r.ok) { var err = new Error(body.error || ('HTTP ' + r.status)); err.status = r.status; throw err; }
        return body;
      });
    });
  }
  function money(n) { if (n == null) return '–'; if (n >= 1e6) return '$' + (n / 1e6).toFixed(1) + 'M'; if (n >= 1e3) return '$' + Math.round(n / 1e3) + 'K'; return '$' + n; }
  function showKeyPanel(msg) {
    document.getElementById('key-panel').hidden = false;
    document.getElementById('key-error').textContent = msg || '';
    document.getElementById('key-input').focus();
  }
  function renderAnswer(r) {
    var box = clear(document.getElementById('answer'));
    var text = el('div', { class: 'answer-text' });
    r.answer.split('\\n').forEach(function (line) {
      var p = el('p');
      line.split(/(\\[\\d+\\])/).forEach(function (part) {
        var m = /^\\[(\\d+)\\]$/.exec(part);
        if (m) p.appendChild(el('sup', {}, [el('a', { href: '#cite-' + m[1], text: '[' + m[1] + ']' })]));
        else if (part) p.appendChild(document.createTextNode(part));
      });
      text.appendChild(p);
    });
    box.appendChild(text);
    if (r.citations.length) {
      box.appendChild(el('h3', { text: 'Sources' }));
      var ol = el('ol', { class: 'citations' });
      r.citations.forEach(function (c) {
        var href = c.url && safeHref(c.url);
        var title = href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: c.title }) : el('span', { text: c.title });
        ol.appendChild(el('li', { id: 'cite-' + c.n, value: String(c.n) }, [title, ' — ' + c.source + (c.publishedAt ? ', ' + c.publishedAt.slice(0, 10) : '')]));
      });
      box.appendChild(ol);
    }
    if (r.events.length) {
      var details = el('details', { id: 'answer-events' }, [el('summary', { text: 'Events list (' + r.events.length + ')' })]);
      var table = el('table', {}, [el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: 'Date' }), el('th', { scope: 'col', text: 'Type' }), el('th', { scope: 'col', text: 'What happened' })])])]);
      var tb = el('tbody');
      r.events.forEach(function (e) {
        var what = el('td', {}, [e.summary]);
        e.sources.slice(0, 3).forEach(function (s) { var href = s.url && safeHref(s.url); if (href) { what.appendChild(document.createTextNode(' ')); what.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: s.source })); } });
        tb.appendChild(el('tr', {}, [el('td', { text: (e.publishedAt || '').slice(0, 10) }), el('td', { text: e.type.replace('_', ' ') }), what]));
      });
      table.appendChild(tb);
      details.appendChild(el('div', { class: 'scroll' }, [table]));
      box.appendChild(details);
    }
    var meta = el('p', { class: 'muted' }, ['Answered by ' + r.analyst + (r.events.length ? ' from ' + r.events.length + ' event(s)' : '') + '. ']);
    if (r.flagUrl && r.flagUrl.indexOf(location.origin + '/flag?') === 0) meta.appendChild(el('a', { href: r.flagUrl, id: 'flag-answer', text: 'Flag this answer as wrong' }));
    box.appendChild(meta);
  }
  function ask(ev) {
    ev.preventDefault();
    var q = document.getElementById('question').value.trim();
    if (!q) return;
    var btn = document.getElementById('ask-button');
    btn.disabled = true;
    var box = clear(document.getElementById('answer'));
    box.appendChild(el('p', { class: 'muted', text: 'Thinking…' }));
    api('/v1/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) })
      .then(renderAnswer)
      .catch(function (e) { clear(box).appendChild(el('p', { class: 'error', role: 'alert', text: e.message })); })
      .finally(function () { btn.disabled = false; });
  }
  function loadCalendar() {
    return api('/v1/releases').then(function (r) {
      var colliding = {};
      r.collisions.forEach(function (c) { colliding[c.competitorTitle] = c; });
      var list = clear(document.getElementById('collisions'));
      if (r.collisions.length) {
        var ul = el('ul', { class: 'collision-list' });
        r.collisions.forEach(function (c) {
          ul.appendChild(el('li', {}, [el('strong', { text: c.slateTitle }), ' (' + c.slateDate + ') vs ', el('strong', { text: c.competitorTitle }),
            ' (' + (c.distributor || 'unknown') + ', ' + c.competitorDate + ') — ' + (c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart') + (c.genreOverlap.length ? ', both ' + c.genreOverlap.join('/') : '')]));
        });
        list.appendChild(el('p', { text: r.collisions.length + ' collision(s) with your slate:' }));
        list.appendChild(ul);
      } else list.appendChild(el('p', { class: 'muted', text: 'No collision with your slate in this window.' }));
      var tbody = clear(document.querySelector('#calendar-table tbody'));
      r.releases.forEach(function (x) {
        var cls = x.isSlate ? 'slate' : colliding[x.title] ? 'collision' : '';
        var title = el('td', {}, [x.title]);
        if (x.isSlate) title.appendChild(el('span', { class: 'badge', text: 'our slate' }));
        if (colliding[x.title]) title.appendChild(el('span', { class: 'badge', text: 'collides with ' + colliding[x.title].slateTitle }));
        tbody.appendChild(el('tr', cls ? { class: cls } : {}, [el('td', { text: x.date || '' }), title, el('td', { text: x.distributor || '' }), el('td', { text: x.width || '' })]));
      });
    });
  }
  function loadDigest() {
    var body = clear(document.getElementById('digest-body'));
    return api('/v1/digests/latest').then(function (d) {
      body.appendChild(el('p', {}, [el('strong', { text: d.subject })]));
      body.appendChild(el('p', { class: 'muted', text: 'Week ' + d.week + ', sent ' + d.sentAt.slice(0, 16).replace('T', ' ') + ' UTC' }));
      var cites = {};
      (d.brief.citations || []).forEach(function (c) { cites[c.n] = c; });
      var ul = el('ul');
      (d.brief.narrative || []).forEach(function (s) {
        var li = el('li', {}, [s.text + ' ']);
        s.cites.forEach(function (n) { var c = cites[n]; var href = c && c.url && safeHref(c.url); if (href) li.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', title: c.title, text: '[' + n + ']' })); });
        ul.appendChild(li);
      });
      body.appendChild(ul);
      var rows = (d.brief.boxOffice && d.brief.boxOffice.rows) || [];
      if (rows.length) body.appendChild(el('p', { text: 'Weekend #1: ' + rows[0].title + ' ' + money(rows[0].gross) }));
    }).catch(function (e) { if (e.status === 404) body.appendChild(el('p', { class: 'muted', text: 'No digest sent yet.' })); else throw e; });
  }
  function citeLinks(parent, cites, byN) {
    cites.forEach(function (n) { var c = byN[n]; var href = c && c.url && safeHref(c.url); if (href) { parent.appendChild(document.createTextNode(' ')); parent.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', title: c.title, text: '[' + n + ']' })); } });
  }
  function renderBrief(b) {
    var byN = {};
    b.citations.forEach(function (c) { byN[c.n] = c; });
    var art = el('article', { class: 'brief', id: 'brief-' + b.id, tabindex: '-1' });
    var h = el('h3', {}, [b.headline]);
    var status = el('span', { class: 'status status-' + b.status, text: b.status });
    h.appendChild(status);
    art.appendChild(h);
    var what = el('ul');
    b.whatHappened.forEach(function (w) { var li = el('li', {}, [w.text]); citeLinks(li, w.cites, byN); what.appendChild(li); });
    art.appendChild(what);
    var others = b.weekend.titles.filter(function (t) { return !t.isSlate; }).map(function (t) { return t.title + (t.distributor ? ' (' + t.distributor + ')' : ''); });
    art.appendChild(el('p', { class: 'muted', text: 'Weekend of ' + b.weekend.start + ': ' + (others.length ? others.join(', ') : 'no other dated title') + '.' }));
    var opts = el('ol', { class: 'options' });
    b.options.forEach(function (o) {
      var text = o.text.replace(/ \\(draft — needs human review\\)$/, '');
      var li = el('li', {}, [el('strong', { text: o.title }), ': ']);
      text.split(/(\\[\\d+\\])/).forEach(function (part) {
        var m = /^\\[(\\d+)\\]$/.exec(part);
        if (m) citeLinks(li, [Number(m[1])], byN); else if (part) li.appendChild(document.createTextNode(part));
      });
      li.appendChild(el('span', { class: 'draft', text: ' draft — needs human review' }));
      opts.appendChild(li);
    });
    art.appendChild(opts);
    var actions = el('div', { class: 'actions' });
    [['approved', 'Approve'], ['dismissed', 'Dismiss']].forEach(function (a) {
      var btn = el('button', { type: 'button', class: a[0] === 'approved' ? '' : 'secondary', 'data-status': a[0], text: b.status === a[0] ? (a[0] === 'approved' ? 'Approved' : 'Dismissed') : a[1] });
      if (b.status === a[0]) btn.disabled = true;
      btn.addEventListener('click', function () {
        btn.disabled = true;
        api('/v1/briefs/' + encodeURIComponent(b.id) + '/review', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: a[0] }) })
          .then(function (nb) { art.replaceWith(renderBrief(nb)); var again = document.getElementById('brief-' + nb.id); if (again) again.focus(); })
          .catch(function (e) { btn.disabled = false; actions.appendChild(el('span', { class: 'error', role: 'alert', text: e.message })); });
      });
      actions.appendChild(btn);
    });
    art.appendChild(actions);
    return art;
  }
  function loadBriefs() {
    var body = clear(document.getElementById('briefs-body'));
    return api('/v1/briefs?limit=50').then(function (r) {
      if (!r.briefs.length) { body.appendChild(el('p', { class: 'muted', text: 'No brief yet: briefs are drafted for collisions with the slate.' })); return; }
      r.briefs.forEach(function (b) { body.appendChild(renderBrief(b)); });
      var wanted = hash.get('brief');
      var target = wanted && document.getElementById('brief-' + wanted);
      if (target) { target.scrollIntoView(); target.focus(); }
    }).catch(function (e) { if (e.status === 404) body.appendChild(el('p', { class: 'muted', text: 'Briefs are not available on this server.' })); else throw e; });
  }
  function toneWord(m) { return m === null ? 'no coverage' : m > 0.15 ? 'positive' : m < -0.15 ? 'negative' : 'mixed'; }
  function renderSeries(series) {
    var wrap = el('div');
    var row = el('div', { class: 'tone-row' }, [el('span', { class: 'tone-name', text: series.subject.name })]);
    var spark = el('span', { class: 'spark', role: 'group', 'aria-label': 'weekly tone of ' + series.subject.name });
    var items = el('div', { class: 'tone-items', 'aria-live': 'polite' });
    series.points.forEach(function (p) {
      var h = p.mean === null ? 2 : Math.round(4 + ((p.mean + 1) / 2) * 22);
      var cls = p.mean === null ? 'none' : p.mean > 0.15 ? 'pos' : p.mean < -0.15 ? 'neg' : '';
      var label = 'Week of ' + p.start + ': ' + toneWord(p.mean) + (p.mean === null ? '' : ' (' + p.mean + ', ' + p.n + ' events, ' + p.itemTotal + ' items)');
      var b = el('button', { type: 'button', class: cls, title: label, 'aria-label': label });
      b.style.height = h + 'px';
      b.addEventListener('click', function () {
        clear(items).appendChild(el('p', { class: 'muted', text: label }));
        var ul = el('ul');
        p.items.forEach(function (it) {
          var href = it.url && safeHref(it.url);
          ul.appendChild(el('li', {}, [href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: it.title }) : el('span', { text: it.title }), ' — ' + it.source]));
        });
        items.appendChild(ul);
      });
      spark.appendChild(b);
    });
    row.appendChild(spark);
    row.appendChild(el('span', { class: 'tone-word', text: toneWord(series.overall.mean) + ', ' + series.trend + ' (' + series.overall.n + ' events)' }));
    wrap.appendChild(row);
    wrap.appendChild(items);
    return wrap;
  }
  function loadTone() {
    var body = clear(document.getElementById('tone-body'));
    return api('/v1/sentiment/leaders?weeks=6&limit=3').then(function (r) {
      var all = r.studios.concat(r.titles);
      if (!all.length) { body.appendChild(el('p', { class: 'muted', text: 'No competitor coverage in these weeks.' })); return; }
      body.appendChild(el('h3', { text: 'Studios' }));
      r.studios.forEach(function (s) { body.appendChild(renderSeries(s)); });
      body.appendChild(el('h3', { text: 'Titles' }));
      r.titles.forEach(function (s) { body.appendChild(renderSeries(s)); });
    }).catch(function (e) { if (e.status === 404) body.appendChild(el('p', { class: 'muted', text: 'Tone is not available on this server.' })); else throw e; });
  }
  function loadSources() {
    return api('/v1/sources').then(function (r) {
      var tbody = clear(document.querySelector('#sources-table tbody'));
      r.sources.forEach(function (s) {
        var status = el('td', { class: 'status-' + s.status, text: s.status.replace('_', ' ') });
        if (s.lastError) status.appendChild(el('div', { class: 'muted', text: s.lastError }));
        tbody.appendChild(el('tr', {}, [el('td', { text: s.id }), status, el('td', { text: s.lastSuccessAt ? s.lastSuccessAt.slice(0, 16).replace('T', ' ') : 'never' }), el('td', { text: String(s.itemsTotal) })]));
      });
    });
  }
  function loadAll() {
    if (!key()) { showKeyPanel(); return; }
    document.getElementById('key-panel').hidden = true;
    Promise.all([loadCalendar(), loadBriefs(), loadTone(), loadDigest(), loadSources()]).catch(function (e) { if (e.status !== 401) console.error(e); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('ask-form').addEventListener('submit', ask);
    document.getElementById('key-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      sessionStorage.setItem(KEY, document.getElementById('key-input').value.trim());
      loadAll();
    });
    loadAll();
  });
})();
`;
