// The digest's "Audience interest" section: our titles of the coming weeks beside the competitor titles dated near
// them (first trailer and page views against comps), the opening forecasts, forecasts scored after opening, and a
// chart of our titles against their competitors (SVG rasterized to PNG, inline by CID).
import { renderSvgPng } from '../delivery/digest/chart.js';
import type { ForecastScore, InterestSignal, OpeningForecast, TitleInterest } from '../model/interest.js';
import type { ForecastStore, InterestSummaryStore } from '../ports/interest-store.js';
import { escapeHtml } from '../util/html.js';
import { weekendsApart } from '../util/week.js';
import { formatMoney } from './forecast.js';
import { addDaysIso, round2 } from './series.js';

export const INTEREST_CHART_CID = 'interest-chart';
export const INTEREST_CHART_WIDTH = 560;

export interface InterestRow {
  title: string;
  distributor: string | null;
  releaseDate: string | null;
  isSlate: boolean;
  trailer: Pick<InterestSignal, 'label' | 'ratio' | 'value'> | null;
  pageviews: Pick<InterestSignal, 'label' | 'ratio' | 'value'> | null;
  /** Geometric mean of the ratios it has (× comps), null without any. */
  index: number | null;
  forecast: Pick<OpeningForecast, 'low' | 'mid' | 'high' | 'confidence'> | null;
}

export interface InterestDigest {
  /** Our titles dated in the next 12 weeks, each with the competitor titles dated within a weekend of it. */
  pairs: Array<{ ours: InterestRow; theirs: InterestRow[] }>;
  forecasts: OpeningForecast[];
  /** Forecasts scored against actual openings in the last four weeks. */
  scores: ForecastScore[];
}

function row(t: TitleInterest): InterestRow {
  const pick = (s: InterestSignal | null) => (s ? { label: s.label, ratio: s.ratio, value: s.value } : null);
  const ratios = [t.trailer?.ratio, t.pageviews?.ratio].filter((r): r is number => typeof r === 'number' && r > 0);
  return {
    title: t.title,
    distributor: t.distributor,
    releaseDate: t.releaseDate,
    isSlate: t.isSlate,
    trailer: pick(t.trailer),
    pageviews: pick(t.pageviews),
    index: ratios.length ? round2(Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length)) : null,
    forecast: t.forecast ? { low: t.forecast.low, mid: t.forecast.mid, high: t.forecast.high, confidence: t.forecast.confidence } : null,
  };
}

/** The section's figures for the week starting `monday`, from the last interest step's summaries. */
export async function interestDigest(store: Pick<InterestSummaryStore, 'titleInterests'> & Pick<ForecastStore, 'scores'>, monday: string): Promise<InterestDigest | undefined> {
  const titles = await store.titleInterests();
  if (!titles.length) return undefined;
  const until = addDaysIso(monday, 12 * 7);
  const dated = (t: TitleInterest) => !!t.releaseDate && t.releaseDate >= monday && t.releaseDate <= until;
  const pairs = titles
    .filter((t) => t.isSlate && dated(t))
    .sort((a, b) => a.releaseDate!.localeCompare(b.releaseDate!))
    .map((ours) => ({
      ours: row(ours),
      theirs: titles.filter((t) => !t.isSlate && t.releaseDate && t.releaseDate.length === 10 && weekendsApart(t.releaseDate, ours.releaseDate!) <= 1).map(row),
    }));
  const forecasts = titles.flatMap((t) => (t.forecast && t.releaseDate && t.releaseDate >= monday ? [t.forecast] : [])).sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || b.mid - a.mid);
  const from = addDaysIso(monday, -28);
  const scores = (await store.scores()).filter((s) => s.actual.start >= from);
  return { pairs, forecasts, scores };
}

const ratio = (r: number | null | undefined) => (r === null || r === undefined ? '–' : `${r}×`);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (d: string | null) => (d ? `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}` : 'undated');
const TD = 'padding:4px 6px;border-bottom:1px solid #eee;font-size:12px;';

/** The section as MJML (escaped; the chart by CID). */
export function interestMjml(d: InterestDigest): string {
  const line = (r: InterestRow) =>
    `<tr${r.isSlate ? ' style="background:#eef4ff;font-weight:bold;"' : ''}><td style="${TD}">${escapeHtml(r.title)}${r.distributor && !r.isSlate ? `<br/><span style="color:#888;font-size:11px;font-weight:normal;">${escapeHtml(r.distributor)}</span>` : ''}</td><td style="${TD}">${escapeHtml(day(r.releaseDate))}</td><td style="${TD}text-align:right;">${r.trailer ? `${ratio(r.trailer.ratio)}<br/><span style="color:#888;font-size:11px;font-weight:normal;">${escapeHtml(r.trailer.label)}</span>` : '–'}</td><td style="${TD}text-align:right;">${ratio(r.pageviews?.ratio)}</td><td style="${TD}text-align:right;">${r.forecast ? `${formatMoney(r.forecast.mid)}<br/><span style="color:#888;font-size:11px;font-weight:normal;">${formatMoney(r.forecast.low)}–${formatMoney(r.forecast.high)}, ${r.forecast.confidence}</span>` : '–'}</td></tr>`;
  const rows = d.pairs.map((p) => [line(p.ours), ...p.theirs.map(line)].join('')).join('');
  const table = rows
    ? `<mj-table css-class="interest" font-size="12px" width="100%" table-layout="fixed"><tr style="text-align:left;"><th style="${TD}width:34%;">Title</th><th style="${TD}width:12%;">Date</th><th style="${TD}width:20%;text-align:right;">First trailer vs comps</th><th style="${TD}width:14%;text-align:right;">Page views vs comps</th><th style="${TD}width:20%;text-align:right;">Opening forecast</th></tr>${rows}</mj-table>`
    : '<mj-text>None of our titles of the next 12 weeks has interest figures yet.</mj-text>';
  const comps = d.forecasts
    .map((f) => `<li>${escapeHtml(f.title)}: ${formatMoney(f.mid)} (${formatMoney(f.low)}–${formatMoney(f.high)}, ${escapeHtml(f.confidence)} confidence) from ${f.comps.map((c) => `${escapeHtml(c.title)} ${formatMoney(c.opening)}`).join(', ')}</li>`)
    .join('');
  const scored = d.scores
    .map((s) => `<li>${escapeHtml(s.title)}: forecast ${formatMoney(s.forecast.mid)} (${formatMoney(s.forecast.low)}–${formatMoney(s.forecast.high)}), opened to ${formatMoney(s.actual.gross)} — ${s.error > 0 ? '+' : ''}${Math.round(s.error * 100)}%${s.inRange ? ', inside the range' : ', outside the range'}</li>`)
    .join('');
  return `<mj-text font-size="12px" color="#555">Our titles of the next 12 weeks (highlighted) and the competitor titles dated within a weekend of them. Ratios are against comparable openings (same width, a shared genre, similar window): first-trailer views at the same milestone, page views as many days before release.</mj-text>
${table}
${d.pairs.some((p) => p.ours.index !== null || p.theirs.some((t) => t.index !== null)) ? `<mj-image src="cid:${INTEREST_CHART_CID}" alt="Interest against comps: our titles beside their competitors" width="${INTEREST_CHART_WIDTH}px" css-class="chart" padding="8px 0"/>` : ''}
${comps ? `<mj-text font-size="12px"><strong>Opening forecasts and their comps</strong><ul style="padding-left:18px;margin:4px 0;">${comps}</ul></mj-text>` : ''}
${scored ? `<mj-text font-size="12px"><strong>Forecasts scored after opening</strong><ul style="padding-left:18px;margin:4px 0;">${scored}</ul></mj-text>` : ''}`;
}

/** The section as plain-text lines. */
export function interestText(d: InterestDigest): string[] {
  const lines = ['AUDIENCE INTEREST (x comps: first trailer at the same milestone; page views as many days before release)'];
  const show = (r: InterestRow, ours: boolean) =>
    `  ${ours ? '*' : ' '} ${r.title}${r.distributor && !ours ? ` (${r.distributor})` : ''}, ${day(r.releaseDate)}: trailer ${ratio(r.trailer?.ratio)}${r.trailer ? ` (${r.trailer.label})` : ''}, page views ${ratio(r.pageviews?.ratio)}${r.forecast ? `, forecast ${formatMoney(r.forecast.mid)} (${formatMoney(r.forecast.low)}-${formatMoney(r.forecast.high)}, ${r.forecast.confidence})` : ''}`;
  for (const p of d.pairs) lines.push(show(p.ours, true), ...p.theirs.map((t) => show(t, false)));
  for (const f of d.forecasts) lines.push(`  forecast ${f.title}: ${formatMoney(f.mid)} (${formatMoney(f.low)}-${formatMoney(f.high)}, ${f.confidence}); comps ${f.comps.map((c) => `${c.title} ${formatMoney(c.opening)}`).join(', ')}`);
  for (const s of d.scores) lines.push(`  scored ${s.title}: forecast ${formatMoney(s.forecast.mid)}, opened ${formatMoney(s.actual.gross)} (${s.error > 0 ? '+' : ''}${Math.round(s.error * 100)}%)`);
  return lines;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The chart: one group per title of ours, a bar per title (ours dark blue, theirs orange), × comps on a log scale. */
export function interestChartSvg(d: InterestDigest): string {
  const rows = d.pairs.flatMap((p, g) => [{ ...p.ours, g }, ...p.theirs.map((t) => ({ ...t, g }))]);
  const left = 170;
  const right = 40;
  const top = 48;
  const barH = 16;
  const gap = 6;
  const groupGap = 12;
  const groups = new Set(rows.map((r) => r.g)).size;
  const height = top + rows.length * (barH + gap) + Math.max(0, groups - 1) * groupGap + 36;
  const plotW = INTEREST_CHART_WIDTH - left - right;
  const max = Math.max(2, ...rows.map((r) => r.index ?? 0));
  const min = 0.25;
  const lg = (v: number) => Math.log(Math.max(min, v));
  const x = (v: number) => left + ((lg(v) - lg(min)) / (lg(max * 1.15) - lg(min))) * plotW;
  const font = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${INTEREST_CHART_WIDTH}" height="${height}" viewBox="0 0 ${INTEREST_CHART_WIDTH} ${height}">`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="12" y="18" ${font} font-size="13" font-weight="bold" fill="#222">Interest against comps: our titles and their competitors</text>`,
    `<rect x="12" y="26" width="10" height="10" fill="#1f4e9c"/><text x="26" y="35" ${font} font-size="10" fill="#333">ours</text>`,
    `<rect x="62" y="26" width="10" height="10" fill="#d9480f"/><text x="76" y="35" ${font} font-size="10" fill="#333">competitors (dated within a weekend of ours)</text>`,
  ];
  const ticks = [0.25, 0.5, 1, 2, 4, 8, 16].filter((t) => t <= max * 1.15);
  const bottom = height - 30;
  for (const t of ticks) {
    parts.push(`<line x1="${x(t).toFixed(1)}" y1="${top - 6}" x2="${x(t).toFixed(1)}" y2="${bottom}" stroke="${t === 1 ? '#555' : '#e3e3e3'}" ${t === 1 ? 'stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${x(t).toFixed(1)}" y="${bottom + 14}" ${font} font-size="10" fill="#555" text-anchor="middle">${t}×</text>`);
  }
  parts.push(`<text x="${left + plotW / 2}" y="${height - 4}" ${font} font-size="10" fill="#333" text-anchor="middle">× the comps’ median (1× = on par; first trailer and page views combined)</text>`);
  let y = top;
  let lastGroup = 0;
  for (const r of rows) {
    if (r.g !== lastGroup) {
      y += groupGap;
      lastGroup = r.g;
    }
    const color = r.isSlate ? '#1f4e9c' : '#d9480f';
    parts.push(`<text x="${left - 8}" y="${y + barH - 4}" ${font} font-size="11" ${r.isSlate ? 'font-weight="bold"' : ''} fill="#222" text-anchor="end">${esc(cut(r.title, 26))}</text>`);
    if (r.index !== null) {
      const w = Math.max(2, x(r.index) - left);
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${color}" rx="2"/>`);
      parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + barH - 4}" ${font} font-size="11" fill="#222">${r.index}×</text>`);
    } else {
      parts.push(`<text x="${left + 4}" y="${y + barH - 4}" ${font} font-size="11" fill="#888">no comparable figure yet</text>`);
    }
    y += barH + gap;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** The chart as PNG (the digest chart's own fonts, DejaVu Sans), or null when no title has a figure. */
export async function renderInterestChart(d: InterestDigest | undefined): Promise<Buffer | null> {
  if (!d || !d.pairs.some((p) => p.ours.index !== null || p.theirs.some((t) => t.index !== null))) return null;
  return renderSvgPng(interestChartSvg(d));
}
