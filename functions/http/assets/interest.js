// The web page's audience-interest section (plain browser JavaScript, beside app.js): the titles dated ahead against
// their comps, and for the chosen title its trailers' views by day since release beside the comps' trailers, and its
// Wikipedia page views a day. Values from the API are set as text or checked http(s) hrefs, never as markup.
'use strict';
(function () {
  var M = window.Marquee;
  var el = M.el, svg = M.svg, clear = M.clear, safeHref = M.safeHref, api = M.api;
  var DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  var SHORT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  var current = null;

  function utc(iso) { var d = new Date(String(iso).slice(0, 10) + 'T00:00:00Z'); return isNaN(d.getTime()) ? null : d; }
  function day(iso) { var d = iso && utc(iso); return d ? DAY.format(d) : (iso || 'undated'); }
  function short(iso) { var d = iso && utc(iso); return d ? SHORT.format(d) : ''; }
  function money(n) { return n == null ? '–' : n >= 1e6 ? '$' + (n / 1e6).toFixed(1) + 'M' : '$' + Math.round(n / 1e3) + 'K'; }
  function views(n) { return n == null ? '–' : n >= 1e6 ? (n / 1e6).toFixed(1) + 'M' : n >= 1e3 ? Math.round(n / 1e3) + 'K' : String(n); }
  function ratioText(s) { return s ? s.ratio + '× comps' : ''; }
  function signalClass(s) { return !s ? '' : s.ratio >= 1.5 ? 'ratio-hi' : s.ratio < 0.8 ? 'ratio-lo' : ''; }

  // ---- the list: titles dated ahead (ours marked), then forecasts scored after opening ----
  function renderOverview(o) {
    document.getElementById('interest-asof').textContent = 'Trailer views (studio channels on YouTube) and Wikipedia page views against comparable openings — same width, a shared genre, a similar window. As of ' + day(o.asOf) + '.';
    var list = clear(document.getElementById('interest-titles'));
    var ahead = o.titles.filter(function (t) { return t.releaseDate && t.releaseDate >= o.asOf && (t.headline || t.pageviews || t.forecast); });
    if (!ahead.length) list.appendChild(el('li', { class: 'muted', text: 'No title dated ahead has interest figures yet.' }));
    ahead.forEach(function (t) {
      var s = t.headline || t.pageviews;
      var meta = [];
      if (t.headline) meta.push(t.headline.label + ' ' + ratioText(t.headline));
      if (t.pageviews) meta.push('page views ' + ratioText(t.pageviews));
      var name = el('span', { class: 'bar-title', title: t.title }, [t.title]);
      if (t.isSlate) name.appendChild(el('span', { class: 'ours', text: 'ours' }));
      var b = el('button', { type: 'button', 'data-title': t.title, 'aria-pressed': 'false' }, [
        name,
        el('span', { class: 'bar-gross ' + signalClass(s), text: s ? s.ratio + '×' : '–' }),
        el('span', { class: 'bar-meta', text: day(t.releaseDate) + (t.distributor && !t.isSlate ? ' · ' + t.distributor : '') + (meta.length ? ' · ' + meta.join(' · ') : '') + (t.forecast ? ' · forecast ' + money(t.forecast.mid) : '') }),
      ]);
      b.setAttribute('aria-label', t.title + (t.isSlate ? ' (ours)' : '') + ', ' + day(t.releaseDate) + (meta.length ? ', ' + meta.join(', ') : ''));
      b.addEventListener('click', function () { select(t.title, true); });
      list.appendChild(el('li', {}, [b]));
    });
    var scores = clear(document.getElementById('interest-scores'));
    if (o.scores.length) {
      scores.appendChild(el('h3', { text: 'Forecasts scored after opening' }));
      var ul = el('ul');
      o.scores.forEach(function (s) {
        var pct = Math.round(s.error * 100);
        ul.appendChild(el('li', { text: s.title + ': forecast ' + money(s.forecast.mid) + ' (' + money(s.forecast.low) + '–' + money(s.forecast.high) + ', made ' + day(s.forecast.madeAt) + '), opened to ' + money(s.actual.gross) + ' — ' + (pct > 0 ? '+' : '') + pct + '%' + (s.inRange ? ', inside the range' : ', outside the range') }));
      });
      scores.appendChild(ul);
    }
    var first = ahead.filter(function (t) { return t.forecast; })[0] || ahead[0];
    if (first) return select(first.title, false);
  }

  function select(title, focus) {
    Array.prototype.forEach.call(document.querySelectorAll('#interest-titles button'), function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-title') === title)); });
    var h = document.getElementById('interest-title-h');
    h.textContent = title + ': trailer views';
    return api('/v1/interest?title=' + encodeURIComponent(title)).then(function (d) {
      current = d;
      renderDetail(d);
      if (focus) { h.setAttribute('tabindex', '-1'); h.focus(); }
    }).catch(function (e) { clear(document.getElementById('interest-facts')).appendChild(el('span', { class: 'error', text: e.message })); });
  }

  function compsText(s) { return s.comps.map(function (c) { return c.title + ' ' + views(c.value); }).join(', '); }
  /** One fact: "Trailer at day 3: 11.1M views — 2.06× comps", the comps named under it. */
  function fact(label, figure, s, href) {
    var li = el('li', {}, [el('strong', { text: label + ': ' }), figure + (s ? ' — ' : '')]);
    if (s) li.appendChild(el('span', { class: signalClass(s), text: s.ratio + '× comps' }));
    if (href) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: 'video' })); }
    if (s) li.appendChild(el('div', { class: 'muted small', text: 'Comps: ' + compsText(s) }));
    return li;
  }
  function cap(t) { return t.charAt(0).toUpperCase() + t.slice(1); }

  function renderDetail(d) {
    document.getElementById('interest-title-h').textContent = d.title + (d.distributor ? ' (' + d.distributor + ')' : '') + ': trailer views';
    var facts = clear(document.getElementById('interest-facts'));
    facts.appendChild(document.createTextNode(d.releaseDate ? 'Dated ' + day(d.releaseDate) + '.' : 'Not dated.'));
    var ul = el('ul', { class: 'interest-facts' });
    var shown = [];
    [d.headline, d.trailer].forEach(function (s) {
      if (!s || shown.some(function (x) { return x.videoTitle === s.videoTitle && x.milestone === s.milestone; })) return;
      shown.push(s);
      ul.appendChild(fact(cap(s.label), views(s.value) + ' views', s, s.videoUrl && safeHref(s.videoUrl)));
    });
    if (d.pageviews) ul.appendChild(fact('Page views', views(d.pageviews.value) + ' a day in the ' + d.pageviews.label.replace(/^page views a day, /, ''), d.pageviews, null));
    if (d.score) ul.appendChild(el('li', {}, [el('strong', { text: 'Opened: ' }), money(d.score.actual.gross) + ' against a forecast of ' + money(d.score.forecast.mid) + ' (' + Math.round(d.score.error * 100) + '%)']));
    else if (d.forecast) {
      var f = d.forecast;
      ul.appendChild(el('li', {}, [el('strong', { text: 'Opening forecast: ' }), money(f.mid) + ' (' + money(f.low) + '–' + money(f.high) + '), ' + f.confidence + ' confidence',
        el('div', { class: 'muted small', text: 'Comps: ' + f.comps.map(function (c) { return c.title + ' ' + money(c.opening); }).join(', ') })]));
    }
    if (!ul.children.length) ul.appendChild(el('li', { class: 'muted', text: 'Not enough comparable figures yet.' }));
    facts.appendChild(ul);
    drawTrailers(document.getElementById('interest-trailers'), d);
    drawPageviews(document.getElementById('interest-pageviews'), d);
    var tbody = clear(document.querySelector('#interest-figures-table tbody'));
    d.videoSeries.forEach(function (v) {
      var href = v.url && safeHref(v.url);
      var name = el('td', {}, [href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: v.title }) : v.title, el('div', { class: 'muted small', text: v.kind.replace('_', ' ') + ' · ' + v.channel })]);
      var cells = [v.milestones.h24, v.milestones.h72, v.milestones.d7, v.views];
      var labels = ['24 h', '72 h', '7 days', 'Latest'];
      tbody.appendChild(el('tr', {}, [name, el('td', { 'data-label': 'Published', text: day(v.publishedAt) })].concat(cells.map(function (c, i) { return el('td', { class: 'num', 'data-label': labels[i], text: views(c) }); }))));
    });
  }

  /** Views by day since release: the title's trailers as solid lines, the comps' as dashed ones (first 14 days). */
  function drawTrailers(box, d) {
    clear(box);
    var legend = clear(document.getElementById('interest-legend'));
    var own = d.videoSeries.filter(function (v) { return ['teaser', 'trailer', 'final_trailer'].indexOf(v.kind) >= 0 && v.points.length; });
    if (!own.length) { box.appendChild(el('p', { class: 'muted', text: 'No trailer of this title is tracked.' })); return; }
    var width = Math.max(260, Math.floor(box.clientWidth || 600));
    var height = width < 420 ? 210 : 240;
    var m = { top: 14, right: 10, bottom: 30, left: 46 };
    var maxDay = 8;
    var lines = own.map(function (v, i) { return { label: v.title, cls: 'own-line k' + Math.min(i, 2), pts: v.points.filter(function (p) { return p.hours <= maxDay * 24; }) }; })
      .concat(d.compVideos.map(function (c, i) { return { label: c.title + ' (' + c.kind.replace('_', ' ') + ')', cls: 'comp c' + (i % 3), pts: c.points }; }));
    var top = 1;
    lines.forEach(function (l) { l.pts.forEach(function (p) { top = Math.max(top, p.views); }); });
    var step = Math.pow(10, Math.floor(Math.log10(top)));
    var nice = [1, 2, 2.5, 5, 10].map(function (k) { return k * step; }).filter(function (t) { return top / t <= 4; })[0] || step * 10;
    var yMax = Math.ceil(top / nice) * nice;
    var plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
    var x = function (h) { return m.left + (h / (maxDay * 24)) * plotW; };
    var y = function (v) { return m.top + plotH - (v / yMax) * plotH; };
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: String(width), height: String(height), role: 'img', 'aria-label': d.title + ': trailer views by day since release, beside comparable trailers' });
    for (var t = 0; t <= yMax + 1; t += nice) {
      root.appendChild(svg('line', { x1: String(m.left), x2: String(width - m.right), y1: String(y(t)), y2: String(y(t)), class: 'grid' }));
      root.appendChild(svg('text', { x: String(m.left - 6), y: String(y(t) + 4), 'text-anchor': 'end' }, views(t)));
    }
    [1, 3, 7].forEach(function (dd) { root.appendChild(svg('text', { x: String(x(dd * 24)), y: String(height - 10), 'text-anchor': 'middle' }, 'day ' + dd)); });
    lines.slice().reverse().forEach(function (l) {
      if (l.pts.length < 2) return;
      root.appendChild(svg('polyline', { points: l.pts.map(function (p) { return x(p.hours).toFixed(1) + ',' + y(p.views).toFixed(1); }).join(' '), class: l.cls }));
    });
    own.forEach(function (v) {
      [['h24', 24], ['h72', 72], ['d7', 168]].forEach(function (mk) {
        var val = v.milestones[mk[0]];
        if (val == null) return;
        var dot = svg('circle', { cx: String(x(mk[1])), cy: String(y(val)), r: '3.5', class: 'own-dot' });
        dot.appendChild(svg('title', {}, v.title + ': ' + views(val) + ' views at ' + (mk[1] === 168 ? '7 days' : mk[1] + ' h')));
        root.appendChild(dot);
      });
    });
    box.appendChild(root);
    lines.forEach(function (l) { legend.appendChild(el('li', {}, [el('span', { class: 'swatch ' + (l.cls.indexOf('comp') === 0 ? 'dash ' + l.cls.split(' ')[1] : 'own-line') }), l.label])); });
  }

  /** Page views a day (the last 60 days on record), the release date marked. */
  function drawPageviews(box, d) {
    clear(box);
    var pts = d.pageviewSeries.slice(-60);
    document.getElementById('interest-pv-h').hidden = !pts.length;
    if (!pts.length) return;
    var width = Math.max(260, Math.floor(box.clientWidth || 600));
    var height = 130;
    var m = { top: 10, right: 10, bottom: 24, left: 46 };
    var top = Math.max.apply(null, pts.map(function (p) { return p.views; }).concat([1]));
    var plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
    var band = plotW / pts.length;
    var y = function (v) { return m.top + plotH - (v / top) * plotH; };
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: String(width), height: String(height), role: 'img', 'aria-label': d.title + ': Wikipedia page views a day, ' + short(pts[0].date) + ' to ' + short(pts[pts.length - 1].date) });
    root.appendChild(svg('text', { x: String(m.left - 6), y: String(m.top + 8), 'text-anchor': 'end' }, views(top)));
    root.appendChild(svg('text', { x: String(m.left - 6), y: String(m.top + plotH), 'text-anchor': 'end' }, '0'));
    pts.forEach(function (p, i) {
      var r = svg('rect', { x: String(m.left + i * band + 0.5), y: String(y(p.views)), width: String(Math.max(1, band - 1)), height: String(Math.max(1, m.top + plotH - y(p.views))), class: 'pv' + (d.releaseDate && p.date >= d.releaseDate ? ' after' : '') });
      r.appendChild(svg('title', {}, short(p.date) + ': ' + p.views.toLocaleString('en-US') + ' page views'));
      root.appendChild(r);
    });
    [0, Math.floor(pts.length / 2), pts.length - 1].forEach(function (i) { root.appendChild(svg('text', { x: String(m.left + (i + 0.5) * band), y: String(height - 6), 'text-anchor': 'middle' }, short(pts[i].date))); });
    box.appendChild(root);
  }

  function load() {
    api('/v1/interest').then(renderOverview).catch(function (e) {
      document.getElementById('interest-asof').textContent = e.status === 404 ? 'Audience interest is not available on this server.' : e.message;
    });
  }
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { if (current) { drawTrailers(document.getElementById('interest-trailers'), current); drawPageviews(document.getElementById('interest-pageviews'), current); } }, 100);
  });
  // app.js announces when the page has a key or a signed-in session and loads its sections.
  document.addEventListener('marquee:load', load);
})();
