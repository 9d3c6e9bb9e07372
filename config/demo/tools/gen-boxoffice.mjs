#!/usr/bin/env node
// Writes the demo box-office chart pages into config/demo/site/boxoffice/ from boxoffice-model.mjs:
//   bom-weekend-2026W44.html .. bom-weekend-2026W47.html  (Box Office Mojo weekend layout)
//   bom-daily-2026-11-25.html                             (Box Office Mojo daily layout)
//   the-numbers-weekend-2026-10-30.html .. -2026-11-20.html (The Numbers weekend layout)
// Usage: node config/demo/tools/gen-boxoffice.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { weekends, daily, theNumbers } from './boxoffice-model.mjs';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'site', 'boxoffice');
mkdirSync(outDir, { recursive: true });

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const money = (n) => '$' + Math.round(n).toLocaleString('en-US');
const int = (n) => Math.round(n).toLocaleString('en-US');
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const parts = (iso) => { const [y, m, d] = iso.split('-').map(Number); return { y, m: m - 1, d }; };
/** BOM style: "Nov 20-22, 2026", "Oct 30-Nov 1, 2026" */
function bomRange(fri, sun) {
  const a = parts(fri), b = parts(sun);
  return a.m === b.m ? `${MON[a.m]} ${a.d}-${b.d}, ${b.y}` : `${MON[a.m]} ${a.d}-${MON[b.m]} ${b.d}, ${b.y}`;
}
/** The Numbers style: "November 20-22, 2026", "October 30-November 1, 2026" */
function tnRange(fri, sun) {
  const a = parts(fri), b = parts(sun);
  return a.m === b.m ? `${MONTH[a.m]} ${a.d}-${b.d}, ${b.y}` : `${MONTH[a.m]} ${a.d}-${MONTH[b.m]} ${b.d}, ${b.y}`;
}
const bomPct = (p) => (p == null ? '-' : (p > 0 ? '+' : '') + p.toFixed(1) + '%');
const bomDelta = (n) => (n == null || n === 0 ? '-' : (n > 0 ? '+' : '') + int(n));
const h32 = (s) => { let h = 2166136261; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; };
const relId = (id) => 'rl' + String(1000000000 + (h32('rl' + id) % 3000000000));
const coId = (dist) => 'co' + String(h32('co' + dist) % 10000000).padStart(7, '0');
const extIcon = '<svg class="mojo-external-link-icon" xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><path d="M6 0h4v4L8.5 2.5 5 6 4 5l3.5-3.5z"></path></svg>';

function bomPage({ title, h1, sub, extraHead = '', summary, tableHtml, navHtml }) {
  return `<!doctype html><html class="a-no-js" data-19ax5a9jf="dingo" lang="en-US"><head><meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(h1)} - ${esc(sub)} box office results.">
<link rel="stylesheet" href="/boxoffice/static/mojo.css">
${extraHead}</head>
<body>
<div id="a-page">
<div class="a-section a-spacing-none mojo-navigation mojo-header">
  <a href="/" class="mojo-logo" aria-label="Box Office Mojo by IMDbPro">Box Office Mojo</a>
  <form class="a-spacing-none mojo-search-bar" method="get" action="/search/"><input type="search" name="q" placeholder="Search for titles, people, companies"><input type="submit" value="Search"></form>
  <ul class="a-unordered-list a-horizontal mojo-navigation-tabs">
    <li><a class="a-link-normal" href="/daily/">Domestic</a></li>
    <li><a class="a-link-normal" href="/intl/">International</a></li>
    <li><a class="a-link-normal" href="/worldwide/">Worldwide</a></li>
    <li><a class="a-link-normal" href="/calendar/">Calendar</a></li>
    <li><a class="a-link-normal" href="/year/">All Time</a></li>
    <li><a class="a-link-normal" href="/showdown/">Showdowns</a></li>
    <li><a class="a-link-normal" href="/indices/">Indices</a></li>
  </ul>
</div>
<main>
<div class="a-section a-spacing-none mojo-gutter">
  <div class="a-section mojo-h1-container">
    <h1 class="a-size-extra-large">${esc(h1)}</h1>
    <h4 class="a-size-medium mojo-date-range">${esc(sub)}</h4>
  </div>
  ${navHtml}
  ${summary}
  <div id="table">${tableHtml}</div>
  <p class="a-size-small mojo-annotation">Opening figures include Thursday previews. Figures marked as estimates are updated when actuals are available.</p>
</div>
</main>
<div class="a-section a-spacing-none mojo-footer">
  <p class="a-size-small">Box office data for the demo workspace. All titles and figures are fictional.</p>
  <ul class="a-unordered-list a-horizontal"><li><a href="/about/">About</a></li><li><a href="/help/">Help</a></li><li><a href="/conditions/">Conditions of Use</a></li><li><a href="/privacy/">Privacy Policy</a></li></ul>
</div>
</div>
</body></html>
`;
}

function bomWeekend(w, i) {
  const th = (cls, label, titleAttr = label, sortKey) =>
    `<th class="${cls}">` + (sortKey ? `<a class="a-link-normal a-nowrap" href="/weekend/2026W${w.week}/?sort=${sortKey}&amp;ref_=bo_we__resort#table" title="${esc(titleAttr)}"><span class="a-size-small">${esc(label)}</span></a>` : `<span title="${esc(titleAttr)}" class="a-size-small">${esc(label)}</span>`) + '</th>';
  const header = '<tr>' + [
    th('a-text-right mojo-field-type-rank a-nowrap mojo-sort-column', 'Rank', 'Rank'),
    th('a-text-right mojo-field-type-rank a-nowrap', 'LW', 'Last Week', 'lastWeekRank'),
    th('a-text-left mojo-field-type-release a-nowrap', 'Release', 'Release', 'releaseName'),
    th('a-text-right mojo-field-type-money a-nowrap', 'Gross', 'Gross', 'weekendGross'),
    th('a-text-right mojo-field-type-percent_delta a-nowrap', '%± LW', 'Percent change from last week', 'percentChangeLastWeek'),
    th('a-text-right mojo-field-type-positive_integer a-nowrap', 'Theaters', 'Theaters', 'theaterCount'),
    th('a-text-right mojo-field-type-delta a-nowrap', 'Change', 'Change in theater count from last week', 'theaterCountChange'),
    th('a-text-right mojo-field-type-money a-nowrap', 'Average', 'Average gross per theater', 'averagePerTheater'),
    th('a-text-right mojo-field-type-money a-nowrap', 'Total Gross', 'Total Gross', 'totalGross'),
    th('a-text-right mojo-field-type-positive_integer a-nowrap', 'Weeks', 'Weeks in release', 'weeks'),
    th('a-text-left mojo-field-type-release_studios a-nowrap', 'Distributor', 'Distributor'),
    th('a-text-left mojo-field-type-boolean hidden', 'New This Week', 'New This Week'),
    th('a-text-left mojo-field-type-boolean hidden', 'Estimated', 'Estimated'),
  ].join('\n') + '</tr>';
  const rows = w.rows.map((r) => `<tr>
<td class="a-text-right mojo-header-column mojo-truncate mojo-field-type-rank mojo-sort-column">${r.rank}</td>
<td class="a-text-right mojo-field-type-rank">${r.lastRank ?? '-'}</td>
<td class="a-text-left mojo-field-type-release mojo-cell-wide"><a class="a-link-normal" href="/release/${relId(r.id)}/weekend/?ref_=bo_we_table_${r.rank}">${esc(r.title)}</a></td>
<td class="a-text-right mojo-field-type-money">${money(r.gross)}</td>
<td class="a-text-right mojo-number-delta mojo-field-type-percent_delta">${bomPct(r.change)}</td>
<td class="a-text-right mojo-field-type-positive_integer">${int(r.theaters)}</td>
<td class="a-text-right mojo-number-delta mojo-field-type-delta">${bomDelta(r.theaterChange)}</td>
<td class="a-text-right mojo-field-type-money">${money(r.average)}</td>
<td class="a-text-right mojo-field-type-money">${money(r.total)}</td>
<td class="a-text-right mojo-field-type-positive_integer">${r.weeks}</td>
<td class="a-text-left mojo-field-type-release_studios"><a class="a-link-normal" target="_blank" rel="noopener noreferrer" href="https://pro.imdb.com/company/${coId(r.dist)}/boxoffice/?view=releases&amp;ref_=mojo_we_table_${r.rank}&amp;rf=mojo_we_table_${r.rank}">
${esc(r.dist)}${extIcon}</a>
</td>
<td class="a-text-left mojo-field-type-boolean hidden">${r.isNew}</td>
<td class="a-text-left mojo-field-type-boolean hidden">${r.estimated}</td>
</tr>`).join('\n');
  const table = `<div class="a-section imdb-scroll-table-inner"><table class="a-bordered a-horizontal-stripes a-size-base a-span12 mojo-body-table mojo-table-annotated">
${header}
${rows}
</table></div>`;
  const overall = w.rows.reduce((s, r) => s + r.gross, 0);
  const top = w.rows[0];
  const summary = `<div class="a-section a-spacing-none mojo-summary-values mojo-hidden-from-mobile">
  <div class="a-section a-spacing-none"><span class="a-size-small">Overall Gross</span> <span class="money">${money(overall)}</span></div>
  <div class="a-section a-spacing-none"><span class="a-size-small">Releases</span> <span>${w.rows.length}</span></div>
  <div class="a-section a-spacing-none"><span class="a-size-small">Number 1 Release</span> <a class="a-link-normal" href="/release/${relId(top.id)}/?ref_=bo_we_nr">${esc(top.title)}</a></div>
</div>`;
  const opts = weekends.map((x) => `<option value="/weekend/2026W${x.week}/"${x.week === w.week ? ' selected' : ''}>${esc(bomRange(x.fri, x.sun))}</option>`).join('');
  const prev = i > 0 ? `<a class="a-link-normal" href="bom-weekend-2026W${weekends[i - 1].week}.html">Previous weekend</a>` : '<span class="a-color-tertiary">Previous weekend</span>';
  const next = i < weekends.length - 1 ? `<a class="a-link-normal" href="bom-weekend-2026W${weekends[i + 1].week}.html">Next weekend</a>` : '<span class="a-color-tertiary">Next weekend</span>';
  const nav = `<div class="a-section a-spacing-none mojo-navigation-period"><form class="mojo-period-select"><label for="weekend-select">Weekend</label> <select id="weekend-select" name="weekend">${opts}</select></form> ${prev} | ${next} | <a class="a-link-normal" href="bom-daily-2026-11-25.html">Daily</a></div>`;
  return bomPage({
    title: `Domestic 2026 Weekend ${w.week} - Box Office Mojo`,
    h1: `Domestic 2026 Weekend ${w.week}`,
    sub: bomRange(w.fri, w.sun),
    summary, tableHtml: table, navHtml: nav,
  });
}

function bomDaily(d) {
  const th = (cls, label, titleAttr = label) => `<th class="${cls}"><span title="${esc(titleAttr)}" class="a-size-small">${esc(label)}</span></th>`;
  const header = '<tr>' + [
    th('a-text-right mojo-field-type-rank a-nowrap mojo-sort-column', 'Rank'),
    th('a-text-right mojo-field-type-rank a-nowrap', 'YD', 'Yesterday'),
    th('a-text-right mojo-field-type-rank a-nowrap', 'LW', 'Last Week'),
    th('a-text-left mojo-field-type-release a-nowrap', 'Release'),
    th('a-text-right mojo-field-type-money a-nowrap', 'Daily'),
    th('a-text-right mojo-field-type-percent_delta a-nowrap', '%± YD', 'Percent change from yesterday'),
    th('a-text-right mojo-field-type-percent_delta a-nowrap', '%± LW', 'Percent change from last week'),
    th('a-text-right mojo-field-type-positive_integer a-nowrap', 'Theaters'),
    th('a-text-right mojo-field-type-money a-nowrap', 'Avg', 'Average per theater'),
    th('a-text-right mojo-field-type-money a-nowrap', 'To Date'),
    th('a-text-right mojo-field-type-positive_integer a-nowrap', 'Days', 'Days in release'),
    th('a-text-left mojo-field-type-release_studios a-nowrap', 'Distributor'),
    th('a-text-left mojo-field-type-boolean hidden', 'New This Day'),
    th('a-text-left mojo-field-type-boolean hidden', 'Estimated'),
  ].join('\n') + '</tr>';
  const rows = d.rows.map((r) => `<tr>
<td class="a-text-right mojo-header-column mojo-truncate mojo-field-type-rank mojo-sort-column">${r.rank}</td>
<td class="a-text-right mojo-field-type-rank">${r.ydRank ?? '-'}</td>
<td class="a-text-right mojo-field-type-rank">${r.lwRank ?? '-'}</td>
<td class="a-text-left mojo-field-type-release mojo-cell-wide"><a class="a-link-normal" href="/release/${relId(r.id)}/?ref_=bo_da_table_${r.rank}">${esc(r.title)}</a></td>
<td class="a-text-right mojo-field-type-money mojo-estimatable">${money(r.daily)}</td>
<td class="a-text-right mojo-number-delta mojo-field-type-percent_delta">${bomPct(r.ydChange)}</td>
<td class="a-text-right mojo-number-delta mojo-field-type-percent_delta">${bomPct(r.lwChange)}</td>
<td class="a-text-right mojo-field-type-positive_integer">${int(r.theaters)}</td>
<td class="a-text-right mojo-field-type-money mojo-estimatable">${money(r.average)}</td>
<td class="a-text-right mojo-field-type-money mojo-estimatable">${money(r.toDate)}</td>
<td class="a-text-right mojo-field-type-positive_integer">${r.days}</td>
<td class="a-text-left mojo-field-type-release_studios"><a class="a-link-normal" target="_blank" rel="noopener noreferrer" href="https://pro.imdb.com/company/${coId(r.dist)}/boxoffice/?view=releases&amp;ref_=mojo_da_table_${r.rank}&amp;rf=mojo_da_table_${r.rank}">
${esc(r.dist)}${extIcon}</a>
</td>
<td class="a-text-left mojo-field-type-boolean hidden">${r.isNew}</td>
<td class="a-text-left mojo-field-type-boolean hidden">${r.estimated}</td>
</tr>`).join('\n');
  const table = `<div class="a-section imdb-scroll-table-inner"><table class="a-bordered a-horizontal-stripes a-size-base a-span12 mojo-body-table mojo-table-annotated">
${header}
${rows}
</table></div>`;
  const summary = `<div class="a-section a-spacing-none mojo-summary-values mojo-hidden-from-mobile">
  <div class="a-section a-spacing-none"><span class="a-size-small">Day</span> <span>Wednesday</span></div>
  <div class="a-section a-spacing-none"><span class="a-size-small">Holiday</span> <span>Thanksgiving Eve</span></div>
  <div class="a-section a-spacing-none"><span class="a-size-small">Top 10 Gross</span> <span class="money">${money(d.rows.slice(0, 10).reduce((s, r) => s + r.daily, 0))}</span></div>
  <div class="a-section a-spacing-none"><span class="a-size-small">Releases</span> <span>${d.rows.length}</span></div>
</div>`;
  const nav = `<div class="a-section a-spacing-none mojo-navigation-period"><a class="a-link-normal" href="/date/2026-11-24/?ref_=bo_da_nav">Previous day</a> | <span class="a-color-tertiary">Next day</span> | <a class="a-link-normal" href="bom-weekend-2026W47.html">Weekend</a></div>`;
  return bomPage({
    title: 'Domestic Box Office For Nov 25, 2026 - Box Office Mojo',
    h1: 'Domestic Box Office For Nov 25, 2026',
    sub: 'Wednesday, November 25, 2026',
    summary, tableHtml: table, navHtml: nav,
  });
}

function tnWeekend(w, i) {
  const tnPct = (p) => (p == null ? 'n/c' : (p > 0 ? '+' : '') + Math.round(p) + '%');
  const tnDelta = (n, isNew) => (isNew || n == null ? '-' : n === 0 ? 'n/c' : (n > 0 ? '+' : '') + int(n));
  const slug = (t) => t.replace(/[':]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '') + '-(2026)';
  const distSlug = (d) => d.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
  const rows = w.rows.map((r) => `<tr>
<td class="data">${r.rank}</td>
<td class="data">${r.isNew ? 'new' : r.lastRank ?? '-'}</td>
<td><b><a href="/movie/${slug(r.tnTitle)}#tab=box-office">${esc(r.tnTitle)}</a></b></td>
<td><a href="/market/distributor/${distSlug(r.tnDist)}">${esc(r.tnDist)}</a></td>
<td class="data">${money(r.gross)}</td>
<td class="data ${r.change != null && r.change < 0 ? 'chart_down' : 'chart_up'}">${tnPct(r.change)}</td>
<td class="data">${int(r.theaters)}</td>
<td class="data">${tnDelta(r.theaterChange, r.isNew)}</td>
<td class="data">${money(r.average)}</td>
<td class="data">${money(r.total)}</td>
<td class="data">${r.weeks}</td>
</tr>`).join('\n');
  const range = tnRange(w.fri, w.sun);
  const total = w.rows.reduce((s, r) => s + r.gross, 0);
  const prevFile = i > 0 ? `the-numbers-weekend-${weekends[i - 1].fri}.html` : null;
  const nextFile = i < weekends.length - 1 ? `the-numbers-weekend-${weekends[i + 1].fri}.html` : null;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Weekend Box Office Results for ${esc(range)} - The Numbers</title>
<meta name="description" content="Box office results for the weekend of ${esc(range)}, including the top movies, their grosses, theater counts and running totals.">
<link rel="stylesheet" type="text/css" href="/boxoffice/static/the-numbers.css">
</head>
<body>
<div id="header"><a href="/"><span class="site-name">The Numbers</span></a> <span class="tagline">Where Data and the Movie Business Meet</span>
<div id="nav"><a href="/box-office-chart/daily/">Daily</a> | <a href="/weekend-box-office-chart">Weekend</a> | <a href="/weekly-box-office-chart">Weekly</a> | <a href="/market/">Market</a> | <a href="/movies/release-schedule">Release Schedule</a></div>
</div>
<div id="main">
<div id="page_filling_chart">
<center><h1>Weekend Box Office Results for ${esc(range)}</h1></center>
<p>${prevFile ? `<a href="${prevFile}">&lt; Previous Weekend</a>` : '&lt; Previous Weekend'} | ${nextFile ? `<a href="${nextFile}">Next Weekend &gt;</a>` : 'Next Weekend &gt;'} | <a href="/box-office-chart/weekend/${w.fri.replace(/-/g, '/')}#tab=international">International Chart</a></p>
<div id="box_office_chart">
<table id="box_office_weekend_table">
<tr><th>&nbsp;</th><th>&nbsp;</th><th>Movie</th><th>Distributor</th><th>Gross</th><th>Change</th><th>Thtrs.</th><th>Change</th><th>Per Thtr.</th><th>Total Gross</th><th>Week</th></tr>
${rows}
</table>
</div>
<p class="chart_totals">Totals: ${w.rows.length} movies, ${money(total)} (the top ${w.rows.length} films shown). Figures in <i>italics</i> are studio estimates; all other figures are actuals.</p>
<p><small>Weekend ${w.week} of 2026. Chart data compiled for the demo workspace; all titles and figures are fictional.</small></p>
</div>
</div>
<div id="footer"><a href="/about">About</a> | <a href="/contact">Contact</a> | <a href="/terms">Terms of Use</a></div>
</body>
</html>
`;
}

const written = [];
const write = (name, html) => { writeFileSync(join(outDir, name), html); written.push(name); };
weekends.forEach((w, i) => write(`bom-weekend-2026W${w.week}.html`, bomWeekend(w, i)));
write('bom-daily-2026-11-25.html', bomDaily(daily));
theNumbers.forEach((w, i) => write(`the-numbers-weekend-${w.fri}.html`, tnWeekend(w, i)));
console.log(`wrote ${written.length} chart pages to ${outDir}:\n  ` + written.join('\n  '));
