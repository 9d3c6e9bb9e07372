// Use-cases of the box-office view: one title's weekend run with comparable openings (similar width) and its surprise
// ratio, and the latest chart's surprises — the same figures the alerts and the digest use.
import type { ChartStore } from '../ports/store.js';
import type { Comparable, RunPoint, SurprisesResult, TitleRun } from '../model/boxoffice-view.js';
import { titleKey } from '../util/text.js';
import { chartSurprises, latestSurprises, openings, titleSeries, type Opening, type SurpriseMemo } from './boxoffice-series.js';

const WIDTH_TOLERANCE = 0.4;
const MAX_COMPARABLES = 3;
const MIN_FOR_RATIO = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Week in release of each point: the chart's own count when it gives one, else counted from the first weekend. */
function weeksOf(points: Array<{ start: string; weeks: number | null }>): number[] {
  const anchor = points.find((p) => p.weeks !== null);
  return points.map((p) => {
    if (p.weeks !== null) return p.weeks;
    if (!anchor) return points.indexOf(p) + 1;
    return anchor.weeks! + Math.round((Date.parse(p.start) - Date.parse(anchor.start)) / (7 * 86_400_000));
  });
}

/** Openings of a similar width (theater count within ±40% of `theaters`), other titles only. */
function similar(history: Opening[], theaters: number, own: string): Opening[] {
  return history.filter((o) => titleKey(o.title) !== own && o.theaters !== null && Math.abs(o.theaters - theaters) <= WIDTH_TOLERANCE * theaters);
}

/**
 * One title's run: its weekends (gross, week-over-week change, running total), its opening against
 * the median of comparable openings, and up to three of those openings with their own weekends,
 * aligned by week in release. Null when no stored weekend chart has the title.
 */
export async function titleRun(store: ChartStore, title: string): Promise<TitleRun | null> {
  const series = await titleSeries(store, title, 'weekend');
  if (!series.points.length) return null;
  const weeks = weeksOf(series.points);
  const points: RunPoint[] = series.points.map((p, i) => ({
    start: p.start,
    end: p.end,
    week: weeks[i]!,
    rank: p.rank,
    gross: p.gross,
    change: p.change,
    theaters: p.theaters,
    perTheater: p.perTheater,
    totalGross: p.totalGross,
  }));
  const opening = points.find((p) => p.week === 1) ?? null;
  // Width to compare at: the opening's theaters, else the widest weekend on record.
  const width = opening?.theaters ?? Math.max(0, ...points.map((p) => p.theaters ?? 0));
  const own = titleKey(series.title);
  const history = width ? await openings(store) : [];
  const pool = width ? similar(history, width, own) : [];

  let openingVsComparables: TitleRun['openingVsComparables'] = null;
  let surprise: TitleRun['surprise'] = null;
  if (opening?.gross && opening.theaters) {
    const ptas = pool.map((o) => (o.theaters ? o.gross / o.theaters : null)).filter((v): v is number => v !== null);
    if (ptas.length >= MIN_FOR_RATIO) {
      const med = median(ptas);
      openingVsComparables = { ratio: Math.round((opening.gross / opening.theaters / med) * 100) / 100, comparableMedian: Math.round(med), comparables: ptas.length };
    }
    const entry = { rank: opening.rank, title: series.title, distributor: series.distributor, gross: opening.gross, theaters: opening.theaters, perTheater: opening.perTheater, totalGross: opening.totalGross, weeks: 1, change: null };
    surprise = chartSurprises({ entries: [entry], period: { type: 'weekend', start: opening.start, end: opening.end } }, history, MIN_FOR_RATIO)[0] ?? null;
  }

  const closest = [...pool].sort((a, b) => Math.abs(a.theaters! - width) - Math.abs(b.theaters! - width) || b.start.localeCompare(a.start)).slice(0, MAX_COMPARABLES);
  const comparables: Comparable[] = [];
  for (const o of closest) {
    const run = await titleSeries(store, o.title, 'weekend');
    const w = weeksOf(run.points);
    comparables.push({
      title: run.title,
      distributor: o.distributor,
      opened: o.start,
      theaters: o.theaters,
      openingGross: o.gross,
      perTheater: o.theaters ? Math.round(o.gross / o.theaters) : null,
      points: run.points.map((p, i) => ({ week: w[i]!, start: p.start, gross: p.gross })),
    });
  }
  return { title: series.title, distributor: series.distributor, points, opening, openingVsComparables, comparables, surprise };
}

/** The surprises of the latest weekend chart (with a memo, a chart already computed costs two reads). */
export async function surprisesView(store: ChartStore, memo?: SurpriseMemo): Promise<SurprisesResult> {
  const latest = (await store.listCharts('weekend', { limit: 4 })).items;
  const first = latest.find((c) => c.site === 'boxofficemojo') ?? latest[0];
  if (!first) return { period: null, surprises: [] };
  return { period: { start: first.period.start, end: first.period.end }, surprises: await latestSurprises(store, memo) };
}
