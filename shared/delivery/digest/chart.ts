// Box-office chart for the digest: a hand-built SVG line chart of the top titles' weekend grosses, rasterized to PNG.
import { Resvg } from '@resvg/resvg-js';
import type { Brief } from './build-brief.js';

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 280;
const COLORS = ['#1f6feb', '#d9480f', '#2b8a3e', '#ae3ec9', '#e8a200'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const shortDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The chart as SVG text: weekends on the x axis, weekend gross ($M) on the y axis, one line per title, a legend on the right. */
export function boxOfficeChartSvg(series: Brief['boxOfficeSeries']): string {
  const left = 48;
  const top = 30;
  const plotW = 330;
  const plotH = 200;
  const max = niceMax(Math.max(0, ...series.titles.flatMap((t) => t.grosses.map((g) => g ?? 0))) / 1e6);
  const n = Math.max(1, series.weekends.length);
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (g: number) => top + plotH - (g / 1e6 / max) * plotH;
  const font = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${left}" y="18" ${font} font-size="13" font-weight="bold" fill="#222">Weekend gross, top ${series.titles.length} titles</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    const yy = top + plotH - (k / 4) * plotH;
    parts.push(`<line x1="${left}" y1="${yy}" x2="${left + plotW}" y2="${yy}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${left - 6}" y="${yy + 4}" ${font} font-size="10" fill="#555" text-anchor="end">${Math.round(v * 10) / 10}</text>`);
  }
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#333"/>`);
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#333"/>`);
  series.weekends.forEach((w, i) => parts.push(`<text x="${x(i)}" y="${top + plotH + 15}" ${font} font-size="10" fill="#555" text-anchor="middle">${esc(shortDate(w))}</text>`));
  parts.push(`<text x="${left + plotW / 2}" y="${CHART_HEIGHT - 8}" ${font} font-size="11" fill="#333" text-anchor="middle">Weekend (Friday)</text>`);
  parts.push(`<text transform="translate(13 ${top + plotH / 2}) rotate(-90)" ${font} font-size="11" fill="#333" text-anchor="middle">Gross ($M)</text>`);
  series.titles.forEach((t, k) => {
    const color = COLORS[k % COLORS.length]!;
    const pts = t.grosses.map((g, i) => (g === null ? null : ([x(i), y(g)] as const)));
    const path = pts
      .map((p, i) => (p ? `${i === 0 || !pts[i - 1] ? 'M' : 'L'}${p[0].toFixed(1)} ${p[1].toFixed(1)}` : ''))
      .join(' ')
      .trim();
    if (path) parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2.5"/>`);
    for (const p of pts) if (p) parts.push(`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="3.5" fill="${color}"/>`);
    const ly = top + 8 + k * 20;
    parts.push(`<rect x="${left + plotW + 18}" y="${ly - 8}" width="12" height="12" fill="${color}"/>`);
    parts.push(`<text x="${left + plotW + 36}" y="${ly + 2}" ${font} font-size="11" fill="#222">${esc(short(t.title, 22))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Renders the box-office chart to a PNG buffer (560×280, system fonts). */
export function renderBoxOfficeChart(series: Brief['boxOfficeSeries']): Buffer {
  const resvg = new Resvg(boxOfficeChartSvg(series), {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
