// Box-office facts for answers: a title's run (weekends, days, opening against comparables), openings over a period,
// and the surprises computed on each weekend chart. Every fact carries the chart it comes from, for a dated citation.
import { chartSurprises, compareOpening, openings, titleSeries, type ChartSurprise, type Opening, type OpeningComparison, type SeriesPoint } from '../analysis/boxoffice-series.js';
import type { StoredChart } from '../ports/store.js';
import { titleKey } from '../util/text.js';
import type { QueryService } from './query-service.js';

export interface TitleRun {
  title: string;
  distributor: string | null;
  /** Weekend points, oldest first. */
  weekends: SeriesPoint[];
  /** Daily points after the last weekend, oldest first (the latest figures when a weekday chart is stored). */
  days: SeriesPoint[];
  /** The opening weekend when it is on a stored chart (weeks = 1), else null. */
  opening: SeriesPoint | null;
  /** An opening day on a daily chart when the title has no weekend yet (a Wednesday holiday opening). */
  openingDay: SeriesPoint | null;
  comparison: OpeningComparison | null;
}

/** Reads a title's run; a short name finds the charted title it starts ("Spirit Blade" → "Spirit Blade: The Crimson Gate"). */
export async function titleRun(service: QueryService, title: string, chartTitles: string[] = []): Promise<TitleRun | null> {
  let name = title;
  let weekends = await titleSeries(service.deps.store, name, 'weekend');
  let daily = await titleSeries(service.deps.store, name, 'daily');
  if (!weekends.points.length && !daily.points.length) {
    const key = titleKey(title);
    const longer = chartTitles.find((t) => titleKey(t).startsWith(`${key} `));
    if (!longer) return null;
    name = longer;
    weekends = await titleSeries(service.deps.store, name, 'weekend');
    daily = await titleSeries(service.deps.store, name, 'daily');
    if (!weekends.points.length && !daily.points.length) return null;
  }
  const lastWeekendEnd = weekends.points.at(-1)?.end ?? weekends.points.at(-1)?.start ?? '';
  const days = daily.points.filter((p) => p.start > lastWeekendEnd);
  const first = weekends.points[0];
  const opening = first && first.weeks === 1 ? first : null;
  const openingDay = !weekends.points.length && days[0] && (days[0].totalGross === null || days[0].totalGross === days[0].gross) ? days[0] : null;
  let comparison: OpeningComparison | null = null;
  if (opening?.gross) comparison = compareOpening({ title: weekends.title, gross: opening.gross, theaters: opening.theaters }, await openings(service.deps.store));
  return { title: weekends.points.length ? weekends.title : daily.title, distributor: weekends.distributor ?? daily.distributor, weekends: weekends.points, days, opening, openingDay, comparison };
}

/** The stored chart a series point comes from (for its citation). */
export async function chartOf(service: QueryService, point: Pick<SeriesPoint, 'site' | 'start'>, periodType: 'weekend' | 'daily'): Promise<StoredChart | null> {
  return service.deps.store.getChart(point.site, periodType, point.start);
}

export interface OpeningFact extends Opening {
  chart: StoredChart;
  perTheater: number | null;
  rank: number | null;
}

/** Opening weekends on the stored weekend charts whose weekend starts in [from, to] (all stored when no bounds). */
export async function openingsBetween(service: QueryService, from?: string, to?: string): Promise<OpeningFact[]> {
  const charts = await service.charts('weekend', { from, to, limit: 60 });
  const out: OpeningFact[] = [];
  for (const chart of charts) {
    for (const e of chart.entries) {
      const opening = e.weeks === 1 || (e.isNew === true && (e.weeks === null || e.weeks === undefined));
      if (!opening || e.gross === null) continue;
      out.push({ title: e.title, distributor: e.distributor, start: chart.period.start!, gross: e.gross, theaters: e.theaters, chart, perTheater: e.perTheater ?? (e.theaters ? Math.round(e.gross / e.theaters) : null), rank: e.rank });
    }
  }
  return out;
}

export interface SurpriseFact extends ChartSurprise {
  chart: StoredChart;
}

/** The surprises of every weekend chart starting in [from, to], newest weekend first, against every opening in the store. */
export async function surprisesBetween(service: QueryService, from?: string, to?: string, limit = 8): Promise<SurpriseFact[]> {
  const charts = await service.charts('weekend', { from, to, limit });
  if (!charts.length) return [];
  const history = await openings(service.deps.store);
  return charts.flatMap((chart) => chartSurprises(chart, history).map((s) => ({ ...s, chart })));
}
