// Read side of the store for strategists: events, release calendar, box office, digests, source health — each a keyed query, never a scan.
import type { Event } from '../model/event.js';
import type { Item } from '../model/item.js';
import type { Release } from '../model/release.js';
import type { Workspace } from '../model/workspace.js';
import type { EventStore, ReleaseStore } from '../ports/analysis-store.js';
import type { ChartStore, ItemStore, SourceStateStore, StoredChart } from '../ports/store.js';
import type { DigestRecord, DigestStore } from '../ports/digest-store.js';
import type { InterestStore } from '../ports/interest-store.js';
import { findCollisions } from '../analysis/release-calendar.js';
import { titleSeries } from '../analysis/boxoffice-series.js';
import { canonicalGenres } from '../analysis/genres.js';
import { titleKey } from '../util/text.js';
import { addDays, isoWeekDates, isoWeekOf, isoWeekOfDate, localDate } from '../util/week.js';
import { decodeCursor, encodeCursor } from '../store/dynamo-table.js';
import { QueryInputError } from './errors.js';
import { absoluteHttpUrl } from '../util/url.js';
import { TitleGenres } from './title-genres.js';
import { newestFirst, type WeeksNewestFirst } from './read-model.js';
import { humanDay, humanSpan } from './answers/format.js';
import type { BoxOfficeQuery, BoxOfficeResult, Citation, EventView, EventsPage, EventsQuery, ReleasesResult } from './schemas.js';

export interface QueryDeps {
  workspace: Workspace;
  analysis: EventStore & ReleaseStore & Partial<WeeksNewestFirst>;
  store: ItemStore & ChartStore & SourceStateStore;
  digests: DigestStore;
  /** "Now" for defaults and relative questions (the workspace clock when it pins one). */
  now: () => Date;
  /** Audience interest (trailer views, page views, forecasts) for `ask`; absent: interest questions read trailer news. */
  interest?: Pick<InterestStore, 'getTitleInterest' | 'titleInterests' | 'titleArticles'>;
}

const MAX_WEEKS_WALKED = 110;
const SITE_PREFERENCE = ['boxofficemojo', 'the-numbers'];

/** Numbers citations in order of first use; the same item keeps its number. */
export class CitationList {
  readonly list: Citation[] = [];
  private readonly byKey = new Map<string, number>();

  add(c: Omit<Citation, 'n'>): number {
    const key = c.itemId ?? c.url ?? c.title;
    const known = this.byKey.get(key);
    if (known) return known;
    const n = this.list.length + 1;
    this.list.push({ n, ...c });
    this.byKey.set(key, n);
    return n;
  }
}


/** A date-only bound as the start or end of that day, for comparing with ISO instants. */
function bound(value: string, end: boolean): string {
  return value.length === 10 ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : new Date(value).toISOString();
}

interface WeekCursor {
  w: string;
  o: number;
}

export class QueryService {
  readonly genres: TitleGenres;

  constructor(readonly deps: QueryDeps) {
    this.genres = new TitleGenres(deps);
  }

  get workspace(): Workspace {
    return this.deps.workspace;
  }

  /** Today in the workspace's timezone. */
  today(): string {
    return localDate(this.deps.now(), this.deps.workspace.timezone);
  }

  /** A competitor alias resolved to its name ("WB" → "Warner Bros."); anything else as given. */
  canonicalStudio(studio: string): string {
    const key = titleKey(studio);
    for (const c of this.deps.workspace.competitors) {
      if (titleKey(c.name) === key || c.aliases.some((a) => titleKey(a) === key)) return c.name;
    }
    return studio;
  }

  sourceName(sourceId: string): string {
    this.sourceNames ??= new Map(this.deps.workspace.sources.toReversed().map((s) => [s.id, s.name]));
    return this.sourceNames.get(sourceId) ?? sourceId;
  }

  private sourceNames: Map<string, string | undefined> | undefined;

  citationOf(item: Item): Omit<Citation, 'n'> {
    return { itemId: item.id, url: absoluteHttpUrl(item.url), title: item.title || '(untitled)', source: this.sourceName(item.sourceId), publishedAt: item.publishedAt };
  }

  /** Events with the items they rest on, read in one batch. */
  async viewEvents(events: Event[]): Promise<{ views: EventView[]; items: Map<string, Item> }> {
    const ids = [...new Set(events.flatMap((e) => e.itemIds))];
    const items = new Map((await this.deps.store.getItems(ids)).map((i) => [i.id, i]));
    const views = events.map((e) => ({
      id: e.id,
      type: e.type,
      summary: e.summary,
      studios: e.studios,
      titles: e.titles,
      people: e.people,
      releaseDate: e.releaseDate,
      previousDate: e.previousDate,
      publishedAt: e.publishedAt,
      concernsCompetitor: e.concernsCompetitor,
      concernsSlate: e.concernsSlate,
      sources: e.itemIds
        .map((id) => items.get(id))
        .filter((i): i is Item => !!i)
        .map((i) => ({ title: i.title, url: absoluteHttpUrl(i.url), source: this.sourceName(i.sourceId) })),
    }));
    return { views, items };
  }

  /**
   * Events newest first. By studio or title: that index; otherwise week partitions walked from `to`
   * back to `from`. The other filters apply on top, so a page may be short; follow the cursor.
   */
  async events(q: EventsQuery): Promise<{ events: Event[]; cursor: string | null }> {
    const to = q.to ? bound(q.to, true) : this.deps.now().toISOString();
    const from = q.from ? bound(q.from, false) : new Date(Date.parse(to) - 84 * 86_400_000).toISOString();
    if (from > to) throw new QueryInputError('`from` is after `to`');
    const titleWanted = q.title ? titleKey(q.title) : null;
    const studioWanted = q.studio ? titleKey(this.canonicalStudio(q.studio)) : null;
    const keep = (e: Event) =>
      (!q.type || e.type === q.type) &&
      (titleWanted === null || e.titles.some((t) => titleKey(t) === titleWanted)) &&
      (studioWanted === null || e.studios.some((s) => titleKey(s) === studioWanted));
    if (q.studio || q.title) {
      const out: Event[] = [];
      let cursor: string | null = q.cursor ?? null;
      // Filtering on top of the index: read up to a few pages to fill one.
      for (let i = 0; i < 5; i++) {
        const page = q.studio
          ? await this.deps.analysis.eventsByStudio(this.canonicalStudio(q.studio), { from, to, limit: q.limit, cursor })
          : await this.deps.analysis.eventsByTitle(q.title!, { from, to, limit: q.limit, cursor });
        out.push(...page.items.filter(keep));
        cursor = page.cursor;
        if (!cursor || out.length >= q.limit) break;
      }
      return { events: out, cursor };
    }
    const start: WeekCursor = q.cursor ? decodeCursor<WeekCursor>(q.cursor) : { w: isoWeekOf(to), o: 0 };
    if (typeof start.w !== 'string' || !/^\d{4}-W\d{2}$/.test(start.w) || !Number.isInteger(start.o) || start.o < 0) {
      throw new QueryInputError('invalid cursor');
    }
    const firstWeek = isoWeekOf(from);
    const out: Event[] = [];
    let week = start.w;
    let offset = start.o;
    for (let walked = 0; walked < MAX_WEEKS_WALKED && week >= firstWeek; walked++) {
      // Sorting a whole week is most of the work: the read model keeps each week sorted (once per data version).
      const sorted = this.deps.analysis.eventsByWeekNewestFirst;
      const inWeek = (sorted ? await sorted(week, q.type) : (await this.deps.analysis.eventsByWeek(week, q.type)).sort(newestFirst)).filter((e) => {
        const t = e.publishedAt ?? e.createdAt;
        return t >= from && t <= to && keep(e);
      });
      const room = q.limit - out.length;
      const slice = inWeek.slice(offset, offset + room);
      out.push(...slice);
      if (offset + slice.length < inWeek.length) return { events: out, cursor: encodeCursor({ w: week, o: offset + slice.length }) };
      offset = 0;
      week = isoWeekOfDate(addDays(isoWeekDates(week).monday, -7));
      if (out.length >= q.limit) return { events: out, cursor: week >= firstWeek ? encodeCursor({ w: week, o: 0 }) : null };
    }
    return { events: out, cursor: null };
  }

  async eventsPage(q: EventsQuery): Promise<EventsPage> {
    const { events, cursor } = await this.events(q);
    return { events: (await this.viewEvents(events)).views, cursor };
  }

  /** Dated releases between two dates with the collisions of slate titles in that window. */
  async releases(fromDate?: string, toDate?: string): Promise<ReleasesResult & { raw: Release[] }> {
    const from = fromDate ?? this.today();
    const to = toDate ?? addDays(from, 12 * 7);
    if (from > to) throw new QueryInputError('`from` is after `to`');
    if (Date.parse(to) - Date.parse(from) > 400 * 86_400_000) throw new QueryInputError('the range is longer than 400 days');
    // A collision is one weekend either side: read a little wider than asked, report what is inside.
    const wide = await this.deps.analysis.releasesBetween(addDays(from, -10), addDays(to, 10));
    // A partial date ("2027-07") is inside only if its whole month (or year) is: a weekend window does not hold "July".
    const inside = wide.filter((r) => r.date && firstDay(r.date) >= from && lastDay(r.date) <= to);
    const slate = inside.filter((r) => r.isSlate);
    const collisions = findCollisions(wide, slate).map(({ storyId: _s, ...c }) => c);
    const releases = inside.map((r) => ({
      title: r.title,
      distributor: r.distributor,
      date: r.date,
      previousDate: r.history.at(-1)?.previousDate ?? null,
      width: r.width,
      status: r.status,
      isSlate: r.isSlate,
      genres: r.genres,
      changes: r.history.length,
    }));
    return { from, to, releases, collisions, raw: inside };
  }

  /** A chart's citation, dated by the period it reports (a chart fact is as of its weekend, not of the crawl). */
  chartCitation(chart: Pick<StoredChart, 'sourceId' | 'period'>): Omit<Citation, 'n'> {
    const { src, url } = this.chartSource(chart.sourceId);
    const start = chart.period.start;
    const daily = chart.period.type === 'daily';
    const span = !start ? 'undated' : daily ? humanDay(start) : humanSpan(start, chart.period.end);
    return { itemId: null, url, title: `${daily ? 'Daily' : 'Weekend'} box office, ${span}`, source: src?.name ?? chart.sourceId, publishedAt: chart.period.end ?? start };
  }

  /** A chart source of the workspace and its absolute URL (the workspace does not change: resolved once per source). */
  private chartSource(sourceId: string): { src: Workspace['sources'][number] | undefined; url: string | null } {
    let hit = this.chartSources.get(sourceId);
    if (!hit) {
      const src = this.deps.workspace.sources.find((s) => s.id === sourceId);
      let url: string | null = null;
      try {
        url = src ? absoluteHttpUrl(new URL(src.url, this.deps.workspace.baseUrl).href) : null;
      } catch {
        url = null;
      }
      this.chartSources.set(sourceId, (hit = { src, url }));
    }
    return hit;
  }

  private readonly chartSources = new Map<string, { src: Workspace['sources'][number] | undefined; url: string | null }>();

  /** Stored charts of one period type, newest first, one site per period (Box Office Mojo preferred); `from`/`to` bound the period start. */
  async charts(periodType: 'weekend' | 'daily', options: { from?: string; to?: string; limit?: number } = {}): Promise<StoredChart[]> {
    const n = options.limit ?? 8;
    const infos = (await this.deps.store.listCharts(periodType, { from: options.from, to: options.to, limit: Math.min(200, n * 3 + 3) })).items;
    const byStart = new Map<string, typeof infos>();
    for (const c of infos) if (c.period.start) byStart.set(c.period.start, [...(byStart.get(c.period.start) ?? []), c]);
    const starts = [...byStart.keys()].sort().reverse().slice(0, n);
    const out: StoredChart[] = [];
    for (const start of starts) {
      const list = byStart.get(start)!;
      const info = [...list].sort((a, b) => rank(a.site) - rank(b.site))[0]!;
      const chart = await this.deps.store.getChart(info.site, periodType, start);
      if (chart) out.push(chart);
    }
    return out;
  }

  /** Recent weekend charts, newest first, one site per weekend. */
  async recentWeekends(n: number): Promise<StoredChart[]> {
    return this.charts('weekend', { limit: n });
  }

  async boxOffice(q: BoxOfficeQuery): Promise<BoxOfficeResult> {
    const cites = new CitationList();
    if (q.title) {
      const series = await titleSeries(this.deps.store, q.title);
      const rows = series.points.map((p) => ({
        rank: p.rank,
        title: series.title,
        distributor: series.distributor,
        gross: p.gross,
        change: p.change,
        theaters: p.theaters,
        perTheater: p.perTheater,
        totalGross: p.totalGross,
        weeks: p.weeks,
      }));
      const last = series.points.at(-1);
      if (last) {
        const chart = await this.deps.store.getChart(last.site, 'weekend', last.start);
        if (chart) cites.add(this.chartCitation(chart));
      }
      return { kind: 'title', period: last ? { start: series.points[0]!.start, end: last.end } : null, rows, genre: null, citations: cites.list };
    }
    if (q.genre) {
      const wanted = canonicalGenres([q.genre])[0] ?? q.genre.toLowerCase();
      const charts = (await this.recentWeekends(q.weekends)).reverse();
      const weekends = [];
      for (const chart of charts) {
        const { gross, share, entries } = await this.genres.shareOf(chart.entries, wanted);
        weekends.push({ start: chart.period.start!, gross, share, titles: entries.map((e) => e.title) });
        cites.add(this.chartCitation(chart));
      }
      return { kind: 'genre', period: charts.length ? { start: charts[0]!.period.start, end: charts.at(-1)!.period.end } : null, rows: [], genre: { name: wanted, weekends }, citations: cites.list };
    }
    let chart: StoredChart | null = null;
    if (!q.period || q.period === 'latest') chart = (await this.recentWeekends(1))[0] ?? null;
    else {
      for (const site of SITE_PREFERENCE) {
        chart = await this.deps.store.getChart(site, 'weekend', q.period);
        if (chart) break;
      }
    }
    if (!chart) return { kind: 'chart', period: null, rows: [], genre: null, citations: [] };
    cites.add(this.chartCitation(chart));
    return {
      kind: 'chart',
      period: { start: chart.period.start, end: chart.period.end },
      rows: chart.entries.map((e) => ({
        rank: e.rank,
        title: e.title,
        distributor: e.distributor,
        gross: e.gross,
        change: e.change,
        theaters: e.theaters,
        perTheater: e.perTheater,
        totalGross: e.totalGross,
        weeks: e.weeks,
      })),
      genre: null,
      citations: cites.list,
    };
  }

  async latestDigest(): Promise<DigestRecord | null> {
    return this.deps.digests.latestDigest(this.deps.workspace.name);
  }

  /** Every workspace source with its crawl health (one query for all states). */
  async sources() {
    const states = new Map((await this.deps.store.listSourceStates()).map((s) => [s.sourceId, s]));
    return this.deps.workspace.sources.map((s) => {
      const st = states.get(s.id);
      const failing = !!st && (st.lastStatus === 'error' || st.consecutiveFailures > 0);
      return {
        id: s.id,
        kind: s.kind,
        url: s.url,
        status: !st || !st.lastAttemptAt ? ('never_run' as const) : failing ? ('failing' as const) : ('ok' as const),
        lastStatus: st?.lastStatus ?? null,
        lastAttemptAt: st?.lastAttemptAt ?? null,
        lastSuccessAt: st?.lastSuccessAt ?? null,
        consecutiveFailures: st?.consecutiveFailures ?? 0,
        lastError: st?.lastError ?? null,
        nextDueAt: st?.nextDueAt ?? null,
        itemsTotal: st?.itemsTotal ?? 0,
      };
    });
  }
}

function firstDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.slice(0, 10);
}

function lastDay(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number);
    return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  }
  return d.slice(0, 10);
}

function rank(site: string): number {
  const i = SITE_PREFERENCE.indexOf(site);
  return i < 0 ? 99 : i;
}
