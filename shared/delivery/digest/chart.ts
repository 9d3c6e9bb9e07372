// Box-office chart for the digest: a hand-built SVG line chart of the top titles' weekend grosses, rasterized to PNG.
// The rasterizer is resvg's WebAssembly build with its fonts given as files (DejaVu Sans, from npm): the same PNG on a
// laptop and on Lambda (which has neither a native binary for every platform nor system fonts), with nothing to install.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Brief } from '../../model/brief.js';
import { woffToSfnt } from './woff.js';
import { CHART_ASSETS, CHART_ASSET_DIR, type ChartAsset } from './chart-assets.js';

export { CHART_ASSETS, CHART_ASSET_DIR, type ChartAsset } from './chart-assets.js';

/** A run-time file: beside the bundle (Lambda), else from node_modules (sources, tests, the CLI's dist/). */
export function chartAssetPath(name: ChartAsset): string {
  const beside = fileURLToPath(new URL(`./${CHART_ASSET_DIR}/${name}`, import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(CHART_ASSETS[name]);
}

let wasm: Promise<void> | null = null;
let fonts: Uint8Array[] | null = null;

/** Loads the WebAssembly module and the fonts once per process (≈0.2 s); a failed load is retried on the next call. */
async function renderer(): Promise<Uint8Array[]> {
  // initWasm may run only once per process: its promise is kept unless it failed.
  wasm ??= initWasm(readFileSync(chartAssetPath('resvg.wasm'))).catch((err: unknown) => {
    wasm = null;
    throw err;
  });
  await wasm;
  fonts ??= [woffToSfnt(readFileSync(chartAssetPath('DejaVuSans.woff'))), woffToSfnt(readFileSync(chartAssetPath('DejaVuSans-Bold.woff')))];
  return fonts;
}

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

/** The rasterizer's options: the chart's own fonts, nothing from the system. */
export function chartRenderOptions(fontBuffers: Uint8Array[]) {
  return { fitTo: { mode: 'original' as const }, font: { fontBuffers, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' };
}

/** Renders an SVG to a PNG buffer with the chart's own fonts (DejaVu Sans). */
export async function renderSvgPng(svg: string): Promise<Buffer> {
  const resvg = new Resvg(svg, chartRenderOptions(await renderer()));
  try {
    const image = resvg.render();
    try {
      return Buffer.from(image.asPng());
    } finally {
      image.free();
    }
  } finally {
    // WebAssembly memory is not garbage-collected: free what each render allocated.
    resvg.free();
  }
}

/** Renders the box-office chart to a PNG buffer (560×280, DejaVu Sans). */
export function renderBoxOfficeChart(series: Brief['boxOfficeSeries']): Promise<Buffer> {
  return renderSvgPng(boxOfficeChartSvg(series));
}
