// The strategists' web page (plain browser JavaScript, no framework, no CDN). Every value from the API is set with
// textContent or as a checked http(s) href: text from the web never becomes markup.
'use strict';
(function () {
  var KEY = 'marquee.key';
  var SVG = 'http://www.w3.org/2000/svg';
  var hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('key')) {
    sessionStorage.setItem(KEY, hash.get('key'));
    history.replaceState(null, '', location.pathname + (hash.get('brief') ? '#brief=' + encodeURIComponent(hash.get('brief')) : ''));
  }
  function key() { return sessionStorage.getItem(KEY); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k]; else if (k === 'class') e.className = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function safeHref(u) { try { var x = new URL(u); return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null; } catch (e) { return null; } }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
  function api(path, init) {
    init = init || {};
    // With a key, the key; without one, the browser's sign-in session (a same-site cookie the server set) goes along.
    init.headers = Object.assign(key() ? { authorization: 'Bearer ' + key() } : {}, init.headers || {});
    init.credentials = 'same-origin';
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.status === 401) { sessionStorage.removeItem(KEY); showKeyPanel(body.error, body.signIn); }
        if (!r.ok) { var err = new Error(body.error || ('HTTP ' + r.status)); err.status = r.status; throw err; }
        return body;
      });
    });
  }

  // ---- dates as people read them: "Fri, Mar 12, 2027" ----
  var DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  var DAY_NO_YEAR = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
  var SHORT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  var LOCAL_DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
  var LOCAL_TIME = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
  function utcDate(iso) { var d = new Date(String(iso).slice(0, 10) + 'T00:00:00Z'); return isNaN(d.getTime()) ? null : d; }
  /** A calendar date (YYYY-MM-DD): "Fri, Mar 12, 2027". */
  function day(iso) { var d = iso && utcDate(iso); return d ? DAY.format(d) : (iso || ''); }
  /** "Fri, Nov 20 – Sun, Nov 22, 2026" (the year once when both ends share it). */
  function dayRange(a, b) {
    if (!b || a === b) return day(a);
    var da = utcDate(a), db = utcDate(b);
    if (!da || !db) return day(a) + ' – ' + day(b);
    return (da.getUTCFullYear() === db.getUTCFullYear() ? DAY_NO_YEAR.format(da) : DAY.format(da)) + ' – ' + DAY.format(db);
  }
  /** An instant, in the reader's time zone: "Fri, Dec 4, 2026, 9:33 AM". */
  function moment(iso) { var d = iso ? new Date(iso) : null; return d && !isNaN(d.getTime()) ? LOCAL_DAY.format(d) + ', ' + LOCAL_TIME.format(d) : (iso || ''); }
  /** The day of an instant, in the reader's time zone: "Fri, Dec 4, 2026". */
  function dayOf(iso) { var d = iso ? new Date(iso) : null; return d && !isNaN(d.getTime()) ? LOCAL_DAY.format(d) : (iso || ''); }
  /** The Monday of an ISO week such as 2026-W48. */
  function weekStart(week) {
    var m = /^(\d{4})-W(\d{2})$/.exec(week || '');
    if (!m) return null;
    var jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
    var monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(m[2]) - 1) * 7 * 86400000);
    return monday.toISOString().slice(0, 10);
  }
  /** Rewrites ISO dates inside a text from the API ("opens 2026-12-11") the way people read them. */
  function humanizeDates(text) {
    return String(text).replace(/\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z?)?(?:\s?[–-]\s?(\d{4}-\d{2}-\d{2}))?\b/g, function (_m, a, b) { return b ? dayRange(a, b) : day(a); });
  }

  function money(n) {
    if (n == null) return '–';
    if (Math.abs(n) >= 1e9) return '$' + (n / 1e9).toFixed(2) + 'B';
    if (Math.abs(n) >= 1e6) return '$' + (n / 1e6).toFixed(1) + 'M';
    if (Math.abs(n) >= 1e3) return '$' + Math.round(n / 1e3) + 'K';
    return '$' + n;
  }
  /** Axis ticks: "$0", "$25M", "$2.5M", "$750K". */
  function axisMoney(n) {
    if (n >= 1e6) return '$' + String(Math.round((n / 1e6) * 10) / 10) + 'M';
    if (n >= 1e3) return '$' + String(Math.round(n / 1e3)) + 'K';
    return '$' + n;
  }
  function count(n) { return n == null ? '–' : Number(n).toLocaleString('en-US'); }
  function pct(n) { return n == null ? '' : (n > 0 ? '+' : n < 0 ? '−' : '') + Math.round(Math.abs(n)) + '%'; }
  function showKeyPanel(msg, signIn) {
    document.getElementById('key-panel').hidden = false;
    if (signIn) {
      // Back to this very view after the provider: the path and the fragment (a brief link) survive the round trip.
      document.getElementById('sign-in-link').setAttribute('href', signIn + '?next=' + encodeURIComponent(location.pathname + location.hash));
      document.getElementById('sign-in').hidden = false;
    }
    document.getElementById('key-error').textContent = msg || '';
    document.getElementById('key-input').focus();
  }
  function cell(text, label, cls) { var a = {}; if (label) a['data-label'] = label; if (cls) a.class = cls; var td = el('td', a); td.textContent = text; return td; }

  // ---- ask ----
  function renderAnswer(r) {
    var box = clear(document.getElementById('answer'));
    var text = el('div', { class: 'answer-text' });
    humanizeDates(r.answer).split('\n').forEach(function (line) {
      var p = el('p');
      line.split(/(\[\d+\])/).forEach(function (part) {
        var m = /^\[(\d+)\]$/.exec(part);
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
        var label = humanizeDates(c.title);
        var title = href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: label }) : el('span', { text: label });
        ol.appendChild(el('li', { id: 'cite-' + c.n, value: String(c.n) }, [title, ' — ' + humanizeDates(c.source) + (c.publishedAt ? ', ' + dayOf(c.publishedAt) : '')]));
      });
      box.appendChild(ol);
    }
    if (r.events.length) {
      var details = el('details', { id: 'answer-events' }, [el('summary', { text: 'Events list (' + r.events.length + ')' })]);
      var table = el('table', { class: 'stack' }, [el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: 'Date' }), el('th', { scope: 'col', text: 'Type' }), el('th', { scope: 'col', text: 'What happened' })])])]);
      var tb = el('tbody');
      r.events.forEach(function (e) {
        var what = el('td', { 'data-label': 'What happened' }, [humanizeDates(e.summary)]);
        e.sources.slice(0, 3).forEach(function (s) {
          var href = s.url && safeHref(s.url);
          if (href) { what.appendChild(document.createTextNode(' ')); what.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: s.source })); }
        });
        tb.appendChild(el('tr', {}, [cell(dayOf(e.publishedAt), 'Date'), cell(e.type.replace(/_/g, ' '), 'Type'), what]));
      });
      table.appendChild(tb);
      details.appendChild(table);
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

  // ---- box office: the latest weekend chart, the surprises, one title's run beside comparable openings ----
  var currentRun = null;
  function loadBoxOffice() {
    return Promise.all([api('/v1/boxoffice?period=latest'), api('/v1/boxoffice/surprises').catch(function () { return { surprises: [] }; })]).then(function (res) {
      var chart = res[0], surprises = res[1].surprises || [];
      var period = document.getElementById('bo-period');
      if (!chart.rows.length) { period.textContent = 'No weekend chart has been crawled yet.'; return; }
      period.textContent = 'Weekend of ' + dayRange(chart.period.start, chart.period.end) + (chart.citations[0] ? ' · ' + humanizeDates(chart.citations[0].source) : '');
      var sBox = clear(document.getElementById('bo-surprises'));
      surprises.forEach(function (s) {
        var p = el('p', { class: 'surprise ' + s.direction }, [
          el('strong', { text: s.title }), (s.distributor ? ' (' + s.distributor + ')' : '') + ' opened to ' + money(s.gross) + ' in ' + count(s.theaters) + ' theaters: ' +
            s.ratio + '× the per-theater median of ' + s.comparables + ' comparable openings — ' + (s.direction === 'above' ? 'far above expectations' : 'far below expectations') + '.',
        ]);
        var b = el('button', { type: 'button', class: 'secondary', text: 'See its run' });
        b.addEventListener('click', function () { selectTitle(s.title, true); });
        p.appendChild(b);
        sBox.appendChild(p);
      });
      var list = clear(document.getElementById('bo-chart'));
      var SHOWN = 10;
      var more = document.getElementById('bo-more');
      more.hidden = chart.rows.length <= SHOWN;
      more.setAttribute('aria-expanded', 'false');
      more.textContent = 'Show all ' + chart.rows.length + ' titles';
      more.onclick = function () {
        var open = more.getAttribute('aria-expanded') !== 'true';
        Array.prototype.forEach.call(list.children, function (li, i) { if (i >= SHOWN) li.hidden = !open; });
        more.setAttribute('aria-expanded', String(open));
        more.textContent = open ? 'Show the top ' + SHOWN : 'Show all ' + chart.rows.length + ' titles';
      };
      var top = Math.max.apply(null, chart.rows.map(function (r) { return r.gross || 0; }).concat([1]));
      chart.rows.forEach(function (r) {
        var fill = el('div', { class: 'bar-fill' });
        fill.style.width = Math.max(1, Math.round(((r.gross || 0) / top) * 100)) + '%';
        var meta = r.weeks === 1 ? el('span', { class: 'new', text: 'new' }) : el('span', { text: (r.change != null ? pct(r.change) + ' · ' : '') + 'wk ' + (r.weeks == null ? '?' : r.weeks) });
        var b = el('button', { type: 'button', 'data-title': r.title, 'aria-pressed': 'false' }, [
          el('span', { class: 'bar-rank', text: r.rank == null ? '' : String(r.rank) }),
          el('span', { class: 'bar-title', text: r.title, title: r.title + (r.distributor ? ' (' + r.distributor + ')' : '') }),
          el('span', { class: 'bar-gross', text: money(r.gross) }),
          el('span', { class: 'bar-track' }, [fill]),
          el('span', { class: 'bar-meta' }, [meta]),
        ]);
        b.setAttribute('aria-label', (r.rank ? '#' + r.rank + ' ' : '') + r.title + ', ' + money(r.gross) + (r.weeks === 1 ? ', opening weekend' : r.change != null ? ', ' + pct(r.change) + ' week over week' : ''));
        b.addEventListener('click', function () { selectTitle(r.title, true); });
        var li = el('li', {}, [b]);
        if (list.children.length >= SHOWN) li.hidden = true;
        list.appendChild(li);
      });
      // Side by side (desktop), the figures fill the space beside the chart; on a phone they stay one tap away.
      if (window.matchMedia('(min-width: 901px)').matches) document.getElementById('bo-figures').open = true;
      selectTitle(surprises.length ? surprises[0].title : chart.rows[0].title, false);
    });
  }
  function selectTitle(title, focus) {
    Array.prototype.forEach.call(document.querySelectorAll('#bo-chart button'), function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-title') === title)); });
    var h = document.getElementById('bo-run-h');
    h.textContent = title + ': weekend grosses';
    return api('/v1/boxoffice/run?title=' + encodeURIComponent(title)).then(function (run) {
      currentRun = run;
      renderRun(run);
      if (focus) { h.setAttribute('tabindex', '-1'); h.focus(); }
    }).catch(function (e) {
      clear(document.getElementById('bo-series')).appendChild(el('p', { class: 'error', text: e.message }));
    });
  }
  function renderRun(run) {
    document.getElementById('bo-run-h').textContent = run.title + (run.distributor ? ' (' + run.distributor + ')' : '') + ': weekend grosses';
    drawSeries(document.getElementById('bo-series'), run);
    var legend = clear(document.getElementById('bo-legend'));
    legend.appendChild(el('li', {}, [el('span', { class: 'swatch own' }), run.title]));
    run.comparables.forEach(function (c, i) {
      legend.appendChild(el('li', {}, [el('span', { class: 'swatch c' + i }), c.title + ' (opened ' + day(c.opened) + ', ' + money(c.openingGross) + ' in ' + count(c.theaters) + ')']));
    });
    var facts = clear(document.getElementById('bo-facts'));
    var o = run.opening, last = run.points[run.points.length - 1];
    var parts = [];
    if (o) parts.push('Opened ' + day(o.start) + ' to ' + money(o.gross) + ' in ' + count(o.theaters) + ' theaters (' + money(o.perTheater) + ' per theater).');
    else parts.push('Its opening weekend is not in the stored charts; first seen ' + day(run.points[0].start) + ' in week ' + run.points[0].week + '.');
    if (run.points.length > 1) parts.push('Latest weekend (' + day(last.start) + ', week ' + last.week + '): ' + money(last.gross) + (last.change != null ? ', ' + pct(last.change) + ' week over week' : '') + '.');
    if (last.totalGross != null) parts.push('Total ' + money(last.totalGross) + '.');
    if (run.openingVsComparables) {
      var v = run.openingVsComparables;
      parts.push('Opening per-theater average ' + v.ratio + '× the median of ' + v.comparables + ' comparable openings (' + money(v.comparableMedian) + ')' + (run.surprise ? ' — ' + (run.surprise.direction === 'above' ? 'a surprise, far above' : 'a surprise, far below') + ' expectations.' : '.'));
    }
    facts.textContent = parts.join(' ');
    var tb = clear(document.querySelector('#bo-figures-table tbody'));
    run.points.forEach(function (p) {
      tb.appendChild(el('tr', {}, [cell(day(p.start)), cell(String(p.week), 'Week', 'num'), cell(money(p.gross), 'Gross', 'num'), cell(p.change == null ? '–' : pct(p.change), 'Week over week', 'num'),
        cell(count(p.theaters), 'Theaters', 'num'), cell(money(p.perTheater), 'Per theater', 'num'), cell(money(p.totalGross), 'Total', 'num')]));
    });
  }
  /** Weekend grosses by week in release: the title's bars with week-over-week change, comparables as lines. Drawn at the box's real width. */
  function drawSeries(box, run) {
    clear(box);
    var width = Math.max(260, Math.floor(box.clientWidth || 600));
    var narrow = width < 420;
    var height = narrow ? 220 : 260;
    var m = { top: 22, right: 8, bottom: 40, left: 48 };
    var weeks = {};
    run.points.forEach(function (p) { weeks[p.week] = true; });
    run.comparables.forEach(function (c) { c.points.forEach(function (p) { if (p.week <= 12) weeks[p.week] = true; }); });
    var maxWeek = Math.max.apply(null, Object.keys(weeks).map(Number).concat([1]));
    var minWeek = Math.min.apply(null, run.points.map(function (p) { return p.week; }).concat([1]));
    var cols = maxWeek - minWeek + 1;
    var top = 0;
    run.points.forEach(function (p) { top = Math.max(top, p.gross || 0); });
    run.comparables.forEach(function (c) { c.points.forEach(function (p) { if (p.week >= minWeek && p.week <= maxWeek) top = Math.max(top, p.gross || 0); }); });
    top = top || 1;
    var step = Math.pow(10, Math.floor(Math.log10(top)));
    var nice = [1, 2, 2.5, 5, 10].map(function (k) { return k * step; }).filter(function (t) { return top / t <= 4; })[0] || step * 10;
    var yMax = Math.ceil(top / nice) * nice;
    var plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
    var band = plotW / cols;
    var x = function (week) { return m.left + (week - minWeek + 0.5) * band; };
    var y = function (v) { return m.top + plotH - (v / yMax) * plotH; };
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: String(width), height: String(height), role: 'img',
      'aria-label': run.title + ': weekend grosses by week in release' + (run.comparables.length ? ', with ' + run.comparables.length + ' comparable openings as lines' : '') });
    for (var t = 0; t <= yMax + 1; t += nice) {
      root.appendChild(svg('line', { x1: String(m.left), x2: String(width - m.right), y1: String(y(t)), y2: String(y(t)), class: 'grid' }));
      root.appendChild(svg('text', { x: String(m.left - 6), y: String(y(t) + 4), 'text-anchor': 'end' }, axisMoney(t)));
    }
    var barW = Math.min(56, band * 0.56);
    run.points.forEach(function (p) {
      if (p.gross == null) return;
      var cx = x(p.week);
      var rect = svg('rect', { x: String(cx - barW / 2), y: String(y(p.gross)), width: String(barW), height: String(Math.max(1, y(0) - y(p.gross))), rx: '2', class: 'own' });
      rect.appendChild(svg('title', {}, day(p.start) + ' (week ' + p.week + '): ' + money(p.gross) + (p.change != null ? ', ' + pct(p.change) + ' week over week' : '')));
      root.appendChild(rect);
      root.appendChild(svg('text', { x: String(cx), y: String(y(p.gross) - 6), 'text-anchor': 'middle', class: 'value' }, money(p.gross)));
    });
    run.comparables.forEach(function (c, i) {
      var pts = c.points.filter(function (p) { return p.gross != null && p.week >= minWeek && p.week <= maxWeek; });
      if (!pts.length) return;
      root.appendChild(svg('polyline', { points: pts.map(function (p) { return x(p.week) + ',' + y(p.gross); }).join(' '), class: 'line c' + i }));
      pts.forEach(function (p) {
        var dot = svg('circle', { cx: String(x(p.week)), cy: String(y(p.gross)), r: '3.5', class: 'c' + i });
        dot.appendChild(svg('title', {}, c.title + ', week ' + p.week + ' (' + day(p.start) + '): ' + money(p.gross)));
        root.appendChild(dot);
      });
    });
    var byWeek = {};
    run.points.forEach(function (p) { byWeek[p.week] = p; });
    for (var w = minWeek; w <= maxWeek; w++) {
      var p = byWeek[w];
      root.appendChild(svg('text', { x: String(x(w)), y: String(height - m.bottom + 15), 'text-anchor': 'middle' }, (narrow ? 'W' : 'Wk ') + w + (p && !narrow ? ' · ' + SHORT.format(utcDate(p.start)) : '')));
      if (p && p.change != null) root.appendChild(svg('text', { x: String(x(w)), y: String(height - m.bottom + 31), 'text-anchor': 'middle', class: p.change >= 0 ? 'up' : 'down' }, pct(p.change)));
    }
    box.appendChild(root);
  }
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { if (currentRun) drawSeries(document.getElementById('bo-series'), currentRun); }, 100);
  });

  // ---- release calendar, digest, briefs, tone, sources ----
  function loadCalendar() {
    return api('/v1/releases').then(function (r) {
      var colliding = {};
      r.collisions.forEach(function (c) { colliding[c.competitorTitle] = c; });
      var list = clear(document.getElementById('collisions'));
      if (r.collisions.length) {
        var ul = el('ul', { class: 'collision-list' });
        r.collisions.forEach(function (c) {
          ul.appendChild(el('li', {}, [el('strong', { text: c.slateTitle }), ' (' + day(c.slateDate) + ') vs ', el('strong', { text: c.competitorTitle }),
            ' (' + (c.distributor || 'unknown') + ', ' + day(c.competitorDate) + ') — ' + (c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart') + (c.genreOverlap.length ? ', both ' + c.genreOverlap.join('/') : '')]));
        });
        list.appendChild(el('p', { text: r.collisions.length + ' collision(s) with your slate:' }));
        list.appendChild(ul);
      } else list.appendChild(el('p', { class: 'muted', text: 'No collision with your slate in this window.' }));
      var tbody = clear(document.querySelector('#calendar-table tbody'));
      r.releases.forEach(function (x) {
        var cls = x.isSlate ? 'slate' : colliding[x.title] ? 'collision' : '';
        var title = el('td', { 'data-label': 'Title' }, [x.title]);
        if (x.isSlate) title.appendChild(el('span', { class: 'badge', text: 'our slate' }));
        if (colliding[x.title]) title.appendChild(el('span', { class: 'badge', text: 'collides with ' + colliding[x.title].slateTitle }));
        tbody.appendChild(el('tr', cls ? { class: cls } : {}, [cell(day(x.date)), title, cell(x.distributor || '–', 'Distributor'), cell(x.width || '–', 'Width')]));
      });
    });
  }
  function loadDigest() {
    var body = clear(document.getElementById('digest-body'));
    return api('/v1/digests/latest').then(function (d) {
      body.appendChild(el('p', {}, [el('strong', { text: d.subject })]));
      var monday = weekStart(d.week);
      body.appendChild(el('p', { class: 'muted', text: (monday ? 'Week of ' + day(monday) : 'Week ' + d.week) + ', sent ' + moment(d.sentAt) }));
      var cites = {};
      (d.brief.citations || []).forEach(function (c) { cites[c.n] = c; });
      var ul = el('ul');
      (d.brief.narrative || []).forEach(function (s) {
        var li = el('li', {}, [humanizeDates(s.text) + ' ']);
        s.cites.forEach(function (n) {
          var c = cites[n]; var href = c && c.url && safeHref(c.url);
          if (href) li.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', title: c.title, text: '[' + n + ']' }));
        });
        ul.appendChild(li);
      });
      body.appendChild(ul);
      var rows = (d.brief.boxOffice && d.brief.boxOffice.rows) || [];
      if (rows.length) body.appendChild(el('p', { text: 'Weekend #1: ' + rows[0].title + ' ' + money(rows[0].gross) }));
    }).catch(function (e) { if (e.status === 404) body.appendChild(el('p', { class: 'muted', text: 'No digest sent yet.' })); else throw e; });
  }
  function citeLinks(parent, cites, byN) {
    cites.forEach(function (n) {
      var c = byN[n]; var href = c && c.url && safeHref(c.url);
      if (href) { parent.appendChild(document.createTextNode(' ')); parent.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', title: c.title, text: '[' + n + ']' })); }
    });
  }
  function renderBrief(b) {
    var byN = {};
    b.citations.forEach(function (c) { byN[c.n] = c; });
    var art = el('article', { class: 'brief', id: 'brief-' + b.id, tabindex: '-1' });
    var h = el('h3', {}, [humanizeDates(b.headline)]);
    h.appendChild(el('span', { class: 'status status-' + b.status, text: b.status }));
    art.appendChild(h);
    var what = el('ul');
    b.whatHappened.forEach(function (w) { var li = el('li', {}, [humanizeDates(w.text)]); citeLinks(li, w.cites, byN); what.appendChild(li); });
    art.appendChild(what);
    if (b.interest && b.interest.length) art.appendChild(el('ul', { class: 'interest-lines', 'aria-label': 'Audience interest' }, b.interest.map(function (t) { return el('li', { text: humanizeDates(t) }); })));
    var others = b.weekend.titles.filter(function (t) { return !t.isSlate; }).map(function (t) { return t.title + (t.distributor ? ' (' + t.distributor + ')' : ''); });
    art.appendChild(el('p', { class: 'muted', text: 'Weekend of ' + day(b.weekend.start) + ': ' + (others.length ? others.join(', ') : 'no other dated title') + '.' }));
    var opts = el('ol', { class: 'options' });
    b.options.forEach(function (o) {
      var text = humanizeDates(o.text.replace(/ \(draft — needs human review\)$/, ''));
      var li = el('li', {}, [el('strong', { text: o.title }), ': ']);
      text.split(/(\[\d+\])/).forEach(function (part) {
        var m = /^\[(\d+)\]$/.exec(part);
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
      var label = 'Week of ' + day(p.start) + ': ' + toneWord(p.mean) + (p.mean === null ? '' : ' (' + p.mean + ', ' + p.n + ' events, ' + p.itemTotal + ' items)');
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
      // Interest sources (a channel feed per studio, an article per title) are one row per kind, opened on request.
      var groups = { youtube: { name: 'YouTube channels', list: [] }, pageviews: { name: 'Wikipedia page views', list: [] } };
      r.sources.forEach(function (s) {
        if (groups[s.kind]) { if (!groups[s.kind].list.length) tbody.appendChild(el('tr', { 'data-group': s.kind })); groups[s.kind].list.push(s); return; }
        var status = el('td', { class: 'status-' + s.status, 'data-label': 'Status', text: s.status.replace(/_/g, ' ') });
        if (s.lastError) status.appendChild(el('div', { class: 'muted', text: s.lastError }));
        tbody.appendChild(el('tr', {}, [cell(s.id), status, cell(s.lastSuccessAt ? moment(s.lastSuccessAt) : 'never', 'Last success'), cell(count(s.itemsTotal), 'Items')]));
      });
      Object.keys(groups).forEach(function (kind) {
        var g = groups[kind], row = tbody.querySelector('tr[data-group="' + kind + '"]');
        if (!row) return;
        var failing = g.list.filter(function (s) { return s.status !== 'ok'; });
        var last = g.list.map(function (s) { return s.lastSuccessAt || ''; }).sort().pop();
        var details = el('details', {}, [el('summary', { text: g.name + ' (' + g.list.length + ')' })].concat(g.list.map(function (s) {
          return el('div', { class: 'small' }, [s.id + ' ', el('span', { class: 'status-' + s.status, text: s.status.replace(/_/g, ' ') })].concat(s.lastError ? [el('div', { class: 'muted', text: s.lastError })] : []));
        })));
        var status = el('td', { class: 'status-' + (failing.length ? 'failing' : 'ok'), 'data-label': 'Status', text: failing.length ? failing.length + ' failing' : 'ok' });
        [el('td', {}, [details]), status, cell(last ? moment(last) : 'never', 'Last success'), cell('–', 'Items')].forEach(function (c) { row.appendChild(c); });
      });
    });
  }
  function whoami(user) {
    var w = clear(document.getElementById('whoami'));
    w.appendChild(document.createTextNode('Signed in as ' + (user.email || user.name || 'you') + ' · '));
    w.appendChild(el('a', { href: '/auth/logout', text: 'Sign out' }));
  }
  function loadAll() {
    if (!key()) {
      // No key: a signed-in session (on AWS), else the key panel, with a sign-in link where the server offers one.
      fetch('/auth/session', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; }).then(function (s) {
        if (s.user) { whoami(s.user); loadData(); } else showKeyPanel('', s.signIn);
      });
      return;
    }
    loadData();
  }
  function loadData() {
    document.getElementById('key-panel').hidden = true;
    Promise.all([loadBoxOffice(), loadCalendar(), loadBriefs(), loadTone(), loadDigest(), loadSources()]).catch(function (e) { if (e.status !== 401) console.error(e); });
    // The page's other sections (interest.js) load now too, with a key or a signed-in session alike.
    document.dispatchEvent(new Event('marquee:load'));
  }
  // What the page's other scripts share (loaded after this one): the DOM helpers and the authenticated API call.
  window.Marquee = { el: el, svg: svg, clear: clear, safeHref: safeHref, api: api };
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
