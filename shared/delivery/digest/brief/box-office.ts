// The brief's box office: the latest weekend chart with week-over-week change, distributor and genre shares, and the top titles' series.
import type { EventStore, ReleaseStore } from '../../../ports/analysis-store.js';
import type { ChartStore, StoredChart } from '../../../ports/store.js';
import type { Brief, BoxOfficeRow, Share } from '../../../model/brief.js';
import { titleKey } from '../../../util/text.js';
import { round1 } from './figures.js';

export interface BoxOfficeSection {
  /** The latest weekend chart on or before the week's Sunday, if any. */
  latest: StoredChart | null;
  rows: BoxOfficeRow[];
  totalGross: number;
  distributorShare: Share[];
  genreShare: Share[];
  series: Brief['boxOfficeSeries'];
}

/** The weekend charts (one site per weekend, preferred site first), newest first, starting on or before `until`. */
async function weekendCharts(store: ChartStore, until: string, count: number): Promise<StoredChart[]> {
  const infos = (await store.listCharts('weekend', { limit: 40 })).items.filter((c) => c.period.start && c.period.start <= until);
  const starts = [...new Set(infos.map((c) => c.period.start!))].sort().reverse().slice(0, count);
  const out: StoredChart[] = [];
  for (const start of starts) {
    const sites = infos.filter((c) => c.period.start === start).map((c) => c.site);
    const site = ['boxofficemojo', 'the-numbers'].find((s) => sites.includes(s)) ?? sites[0]!;
    const chart = await store.getChart(site, 'weekend', start);
    if (chart) out.push(chart);
  }
  return out;
}

function shares(pairs: Array<[string, number]>, total: number): Share[] {
  const m = new Map<string, number>();
  for (const [k, g] of pairs) m.set(k, (m.get(k) ?? 0) + g);
  return [...m]
    .map(([name, gross]) => ({ name, gross, share: total ? round1((gross / total) * 100) : 0 }))
    .sort((a, b) => b.gross - a.gross);
}

/** The rows of a weekend chart by rank, with the change against the weekend before and the per-theater average. */
export function chartRows(latest: StoredChart | null, previous: StoredChart | null): BoxOfficeRow[] {
  const prevGross = new Map((previous?.entries ?? []).map((e) => [titleKey(e.title), e.gross]));
  const entries = [...(latest?.entries ?? [])].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  return entries.map((e) => {
    const before = prevGross.get(titleKey(e.title));
    const change = e.gross !== null && before ? round1(((e.gross - before) / before) * 100) : e.change;
    return {
      rank: e.rank,
      title: e.title,
      distributor: e.distributor,
      gross: e.gross,
      change,
      theaters: e.theaters,
      perTheater: e.perTheater ?? (e.gross !== null && e.theaters ? Math.round(e.gross / e.theaters) : null),
      totalGross: e.totalGross,
    };
  });
}

/** Genre shares of the weekend's gross, from the genres the release calendar knows for each title. */
async function genreShares(releases: ReleaseStore, rows: BoxOfficeRow[]): Promise<Share[]> {
  const genrePairs: Array<[string, number]> = [];
  let knownGross = 0;
  // The top of the chart carries the weekend's gross: a full site's 2,000-row tail costs a read each for nothing.
  for (const r of rows.slice(0, 200)) {
    const rel = await releases.getRelease(titleKey(r.title));
    if (!rel?.genres.length || !r.gross) continue;
    knownGross += r.gross;
    // A title with several genres splits its gross evenly, so shares still sum to 100%.
    for (const g of rel.genres) genrePairs.push([g, r.gross / rel.genres.length]);
  }
  return shares(genrePairs, knownGross).map((s) => ({ ...s, gross: Math.round(s.gross) }));
}

/** The top five titles' grosses over the charts (oldest weekend first), for the digest's chart. */
function grossSeries(charts: StoredChart[], rows: BoxOfficeRow[]): Brief['boxOfficeSeries'] {
  const top = rows.filter((r) => r.gross !== null).slice(0, 5);
  return {
    weekends: charts.map((c) => c.period.start!).reverse(),
    titles: top.map((r) => ({
      title: r.title,
      grosses: [...charts].reverse().map((c) => c.entries.find((e) => titleKey(e.title) === titleKey(r.title))?.gross ?? null),
    })),
  };
}

/** Box office for the week ending `sunday`: the latest weekend starting on or before it, and the three before it. */
export async function boxOfficeSection(deps: { analysis: EventStore & ReleaseStore; store: ChartStore }, sunday: string): Promise<BoxOfficeSection> {
  const charts = await weekendCharts(deps.store, sunday, 4);
  const latest = charts[0] ?? null;
  const rows = chartRows(latest, charts[1] ?? null);
  const totalGross = rows.reduce((s, r) => s + (r.gross ?? 0), 0);
  const distributorShare = shares(rows.map((r) => [r.distributor ?? 'Unknown', r.gross ?? 0]), totalGross);
  const genreShare = await genreShares(deps.analysis, rows);
  return { latest, rows, totalGross, distributorShare, genreShare, series: grossSeries(charts, rows) };
}
