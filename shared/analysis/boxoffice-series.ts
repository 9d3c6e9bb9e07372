// Box-office series: per-title weekend runs (week-over-week change, running totals, averages) and chart surprises.
import type { BoxOfficeEntry } from '../model/boxoffice.js';
import type { ChartStore, StoredChart } from '../ports/store.js';
import { titleKey } from '../util/text.js';

export interface SeriesPoint {
  period: string;
  start: string;
  end: string | null;
  site: string;
  rank: number | null;
  gross: number | null;
  theaters: number | null;
  perTheater: number | null;
  totalGross: number | null;
  weeks: number | null;
  /** Week-over-week change of gross in percent, computed from the previous point when both are known. */
  change: number | null;
}

export interface TitleSeries {
  title: string;
  distributor: string | null;
  points: SeriesPoint[];
}

/** Preferred chart site per period when several report it (the first one present wins). */
const SITE_PREFERENCE = ['boxofficemojo', 'the-numbers'];

function pickSite<T extends { site: string }>(rows: T[]): T {
  return [...rows].sort((a, b) => {
    const ia = SITE_PREFERENCE.indexOf(a.site);
    const ib = SITE_PREFERENCE.indexOf(b.site);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  })[0]!;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A title's run over weekend charts, one point per weekend, oldest first. */
export async function titleSeries(store: ChartStore, title: string, periodType: 'weekend' | 'daily' | 'weekly' = 'weekend'): Promise<TitleSeries> {
  const rows = (await store.titleSeries(title)).filter((r) => r.periodType === periodType && r.start);
  const byPeriod = new Map<string, typeof rows>();
  for (const r of rows) byPeriod.set(r.start!, [...(byPeriod.get(r.start!) ?? []), r]);
  const points: SeriesPoint[] = [];
  let distributor: string | null = null;
  let shownTitle = title;
  for (const start of [...byPeriod.keys()].sort()) {
    const r = pickSite(byPeriod.get(start)!);
    distributor ??= r.distributor;
    shownTitle = r.title;
    const prev = points.at(-1);
    const change = prev?.gross && r.gross !== null ? round1(((r.gross - prev.gross) / prev.gross) * 100) : r.change;
    points.push({
      period: `${periodType} ${start}`,
      start,
      end: r.end,
      site: r.site,
      rank: r.rank,
      gross: r.gross,
      theaters: r.theaters,
      perTheater: r.perTheater ?? (r.gross !== null && r.theaters ? Math.round(r.gross / r.theaters) : null),
      totalGross: r.totalGross ?? (r.gross !== null ? (prev?.totalGross ?? 0) + r.gross : null),
      weeks: r.weeks,
      change,
    });
  }
  return { title: shownTitle, distributor, points };
}

export interface Opening {
  title: string;
  distributor: string | null;
  start: string;
  gross: number;
  theaters: number | null;
}

export interface ChartSurprise {
  title: string;
  distributor: string | null;
  start: string;
  gross: number;
  theaters: number | null;
  /** Opening per-theater average (gross / theaters): it compares releases of different widths. */
  perTheater: number;
  /** Median per-theater average of comparable openings (similar theater count) in the store. */
  comparableMedian: number;
  comparables: number;
  /** perTheater / median: at least 2 a breakout, at most 0.6 a disappointment. */
  ratio: number;
  direction: 'above' | 'below';
}

function isOpening(e: BoxOfficeEntry): boolean {
  return e.weeks === 1 || (e.isNew === true && (e.weeks === null || e.weeks === undefined));
}

/** Every opening weekend in the stored weekend charts (one site per weekend). */
export async function openings(store: ChartStore, limitCharts = 60): Promise<Opening[]> {
  const charts = (await store.listCharts('weekend', { limit: limitCharts })).items;
  const byStart = new Map<string, typeof charts>();
  for (const c of charts) if (c.period.start) byStart.set(c.period.start, [...(byStart.get(c.period.start) ?? []), c]);
  const out: Opening[] = [];
  for (const [start, list] of byStart) {
    const info = pickSite(list);
    const chart = await store.getChart(info.site, 'weekend', start);
    for (const e of chart?.entries ?? []) {
      if (isOpening(e) && e.gross !== null) out.push({ title: e.title, distributor: e.distributor, start, gross: e.gross, theaters: e.theaters });
    }
  }
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const pta = (o: { gross: number; theaters: number | null }) => (o.theaters ? o.gross / o.theaters : null);

export interface OpeningComparison {
  perTheater: number;
  /** Median per-theater average of comparable openings (theater count within ±40%, other titles). */
  comparableMedian: number;
  comparables: number;
  /** perTheater / comparableMedian, rounded to two decimals. */
  ratio: number;
  /** The same ratio unrounded (what the surprise thresholds compare). */
  exactRatio: number;
  /** The comparable openings themselves, highest per-theater first. */
  titles: Array<{ title: string; start: string; perTheater: number }>;
}

/** An opening's per-theater average against comparable openings in the store (null when it has no theater count or too few comparables). */
export function compareOpening(opening: { title: string; gross: number; theaters: number | null }, history: Opening[], minComparables = 3): OpeningComparison | null {
  if (!opening.theaters) return null;
  const theaters = opening.theaters;
  const own = opening.gross / theaters;
  const key = titleKey(opening.title);
  const comparable = history.filter((o) => titleKey(o.title) !== key && o.theaters !== null && Math.abs(o.theaters - theaters) <= 0.4 * theaters && pta(o) !== null);
  if (comparable.length < minComparables) return null;
  const med = median(comparable.map((o) => pta(o)!));
  return {
    perTheater: Math.round(own),
    comparableMedian: Math.round(med),
    comparables: comparable.length,
    ratio: Math.round((own / med) * 100) / 100,
    exactRatio: own / med,
    titles: comparable.map((o) => ({ title: o.title, start: o.start, perTheater: Math.round(pta(o)!) })).sort((a, b) => b.perTheater - a.perTheater),
  };
}

/**
 * Openings in `chart` whose per-theater average is far above or below the median of comparable
 * openings in the store (theater count within ±40%, at least `minComparables`, other titles only).
 */
export function chartSurprises(chart: Pick<StoredChart, 'entries' | 'period'>, history: Opening[], minComparables = 3): ChartSurprise[] {
  const out: ChartSurprise[] = [];
  for (const e of chart.entries) {
    if (!isOpening(e) || e.gross === null || !e.theaters) continue;
    const c = compareOpening({ title: e.title, gross: e.gross, theaters: e.theaters }, history, minComparables);
    if (!c) continue;
    if (c.exactRatio >= 2 || c.exactRatio <= 0.6) {
      out.push({
        title: e.title,
        distributor: e.distributor,
        start: chart.period.start ?? '',
        gross: e.gross,
        theaters: e.theaters,
        perTheater: c.perTheater,
        comparableMedian: c.comparableMedian,
        comparables: c.comparables,
        ratio: c.ratio,
        direction: c.exactRatio >= 2 ? 'above' : 'below',
      });
    }
  }
  return out;
}

/** What a long-lived caller keeps between calls: the surprises of the chart it last computed them for. */
export interface SurpriseMemo {
  chart?: string;
  surprises?: ChartSurprise[];
}

/**
 * Surprises on the most recent weekend chart in the store (one site per weekend). With a memo, a
 * chart already computed costs two reads instead of reading the whole opening history again.
 */
export async function latestSurprises(charts: ChartStore, memo?: SurpriseMemo): Promise<ChartSurprise[]> {
  const latest = (await charts.listCharts('weekend', { limit: 4 })).items;
  const first = latest.find((c) => c.site === 'boxofficemojo') ?? latest[0];
  if (!first?.period.start) return [];
  const chart = await charts.getChart(first.site, 'weekend', first.period.start);
  if (!chart) return [];
  // Keyed by when the chart was fetched: a restated chart (estimates, then actuals) is computed again.
  const key = `${chart.site}|${chart.period.start}|${chart.fetchedAt}`;
  if (memo?.chart === key && memo.surprises) return memo.surprises;
  const surprises = chartSurprises(chart, await openings(charts));
  if (memo) Object.assign(memo, { chart: key, surprises });
  return surprises;
}
