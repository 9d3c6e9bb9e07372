// Weekly brief: statistics computed from the store first, then a templated narrative whose every sentence cites items.
import type { Event, EventType } from '../../model/event.js';
import type { Item } from '../../model/item.js';
import type { Workspace } from '../../model/workspace.js';
import type { EventStore, ReleaseStore } from '../../ports/analysis-store.js';
import type { ChartStore, ItemStore, StoredChart } from '../../ports/store.js';
import { upcomingCollisions, type Collision } from '../../analysis/release-calendar.js';
import { sentimentLeaders, type SentimentLeaders } from '../../analysis/sentiment-series.js';
import { titleKey } from '../../util/text.js';
import type { ForecastStore, InterestSummaryStore } from '../../ports/interest-store.js';
import { interestDigest, type InterestDigest } from '../../interest/digest-section.js';
import { absoluteHttpUrl } from '../../util/url.js';
import type { Brief, BriefCollision, CalendarChange, Citation, CompetitorMove, CoverageMover, NarrativeSentence, Share, TypeCount, BoxOfficeRow } from '../../model/brief.js';
import { addDays, isoWeekDates, isoWeekOfDate, localDate } from '../../util/week.js';

export interface BriefDeps {
  analysis: EventStore & ReleaseStore;
  store: ItemStore & ChartStore;
  /** Interest summaries and forecast scores (the "Audience interest" section; omitted: no section). */
  interest?: Pick<InterestSummaryStore, 'titleInterests'> & Pick<ForecastStore, 'scores'>;
}

/** One cited source: a stored item, numbered in order of first use. */
const round1 = (n: number) => Math.round(n * 10) / 10;

function weekBefore(week: string, n: number): string {
  return isoWeekOfDate(addDays(isoWeekDates(week).monday, -7 * n));
}

/** Numbers cited items on first use and resolves their title, URL and outlet name. */
class Citations {
  readonly list: Citation[] = [];
  private readonly byItem = new Map<string, number>();
  constructor(
    private readonly items: Map<string, Item>,
    private readonly sourceNames: Map<string, string>,
  ) {}
  cite(itemIds: string[], max = 3): number[] {
    const out: number[] = [];
    for (const id of itemIds) {
      if (out.length >= max) break;
      const item = this.items.get(id);
      if (!item) continue;
      let n = this.byItem.get(id);
      if (n === undefined) {
        n = this.list.length + 1;
        this.byItem.set(id, n);
        this.list.push({ n, itemId: id, title: item.title || '(untitled)', url: absoluteHttpUrl(item.url), source: this.sourceNames.get(item.sourceId) ?? item.sourceId });
      }
      if (!out.includes(n)) out.push(n);
    }
    return out;
  }
}

function countBy<T>(values: T[], key: (v: T) => string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const v of values) for (const k of new Set(key(v))) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
}

function coverage(events: Event[], items: Map<string, Item>, key: (e: Event) => string[]): Map<string, { items: Set<string>; outlets: Set<string>; events: Event[] }> {
  const out = new Map<string, { items: Set<string>; outlets: Set<string>; events: Event[] }>();
  for (const [name, evs] of countBy(events, key)) {
    const entry = { items: new Set<string>(), outlets: new Set<string>(), events: evs };
    for (const e of evs) {
      for (const id of e.itemIds) {
        entry.items.add(id);
        const it = items.get(id);
        if (it) entry.outlets.add(it.sourceId);
      }
    }
    out.set(name, entry);
  }
  return out;
}

function movers(kind: 'studio' | 'title', now: Event[], before: Event[], items: Map<string, Item>): CoverageMover[] {
  const key = kind === 'studio' ? (e: Event) => e.studios : (e: Event) => e.titles;
  const cur = coverage(now, items, key);
  const prev = coverage(before, items, key);
  return [...cur]
    .map(([name, c]) => {
      const last = prev.get(name)?.items.size ?? 0;
      return { kind, name, items: c.items.size, outlets: c.outlets.size, lastWeekItems: last, delta: c.items.size - last };
    })
    .sort((a, b) => b.delta - a.delta || b.items - a.items || a.name.localeCompare(b.name))
    .slice(0, 5);
}

function shares(pairs: Array<[string, number]>, total: number): Share[] {
  const m = new Map<string, number>();
  for (const [k, g] of pairs) m.set(k, (m.get(k) ?? 0) + g);
  return [...m]
    .map(([name, gross]) => ({ name, gross, share: total ? round1((gross / total) * 100) : 0 }))
    .sort((a, b) => b.gross - a.gross);
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

const PRIORITY: EventType[] = ['release_moved', 'release_dated', 'acquisition', 'greenlight', 'trailer', 'box_office', 'casting', 'campaign', 'executive', 'festival_awards', 'review', 'other'];
const money = (n: number) => (n >= 1e6 ? `$${round1(n / 1e6)}M` : `$${Math.round(n / 1e3)}K`);
const TYPE_LABEL: Record<EventType, string> = {
  release_dated: 'release datings',
  release_moved: 'release moves',
  trailer: 'trailers and first looks',
  casting: 'casting',
  acquisition: 'acquisitions',
  greenlight: 'greenlights',
  box_office: 'box-office reports',
  festival_awards: 'festival and awards news',
  executive: 'executive moves',
  campaign: 'campaigns',
  review: 'reviews',
  other: 'other news',
};

/**
 * Computes the weekly brief for an ISO week: statistics first (event counts vs the previous four
 * weeks, coverage movers, weekend distributor and genre shares), then a 3–5 sentence narrative
 * from a template, every sentence citing the items it rests on; plus competitor moves by studio,
 * calendar changes, slate collisions (next 12 weeks) and the latest weekend's box-office table.
 */
export async function buildBrief(workspace: Workspace, deps: BriefDeps, week: string): Promise<Brief> {
  const { monday, sunday } = isoWeekDates(week);
  // The store partitions events by UTC week; the brief's weeks are local to the workspace, so read
  // one UTC week either side and bucket by local date.
  const fetched = await Promise.all([-1, 0, 1, 2, 3, 4, 5].map((n) => deps.analysis.eventsByWeek(weekBefore(week, n))));
  const localWeek = (e: Event) => isoWeekOfDate(localDate(e.publishedAt ?? e.createdAt, workspace.timezone));
  const seen = new Set<string>();
  const all = fetched.flat().filter((e) => !seen.has(e.id) && seen.add(e.id));
  const inLocalWeek = (w: string) => all.filter((e) => localWeek(e) === w);
  const events = inLocalWeek(week);
  const previous = [1, 2, 3, 4].map((n) => inLocalWeek(weekBefore(week, n)));
  const lastWeek = previous[0]!;

  const itemIds = [...new Set([...events, ...lastWeek].flatMap((e) => e.itemIds))];
  const items = new Map((await deps.store.getItems(itemIds)).map((i) => [i.id, i]));
  const sourceNames = new Map(workspace.sources.map((s) => [s.id, s.name ?? s.id]));
  const cites = new Citations(items, sourceNames);

  // Event counts by type against the average of the previous four weeks.
  const byType: TypeCount[] = [];
  for (const type of new Set([...events, ...previous.flat()].map((e) => e.type))) {
    const thisWeek = events.filter((e) => e.type === type).length;
    const avg = round1(previous.reduce((s, evs) => s + evs.filter((e) => e.type === type).length, 0) / 4);
    byType.push({ type, thisWeek, previousAverage: avg });
  }
  byType.sort((a, b) => b.thisWeek - a.thisWeek || a.type.localeCompare(b.type));
  const previousAverage = round1(previous.reduce((s, e) => s + e.length, 0) / 4);

  const studioMovers = movers('studio', events, lastWeek, items);
  const titleMovers = movers('title', events, lastWeek, items);

  // Box office: the latest weekend starting on or before the week's Sunday, and the three before it.
  const charts = await weekendCharts(deps.store, sunday, 4);
  const latest = charts[0] ?? null;
  const prevChart = charts[1] ?? null;
  const prevGross = new Map((prevChart?.entries ?? []).map((e) => [titleKey(e.title), e.gross]));
  const entries = [...(latest?.entries ?? [])].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  const rows: BoxOfficeRow[] = entries.map((e) => {
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
  const totalGross = rows.reduce((s, r) => s + (r.gross ?? 0), 0);
  const distributorShare = shares(rows.map((r) => [r.distributor ?? 'Unknown', r.gross ?? 0]), totalGross);
  const genrePairs: Array<[string, number]> = [];
  let knownGross = 0;
  // The top of the chart carries the weekend's gross: a full site's 2,000-row tail costs a read each for nothing.
  for (const r of rows.slice(0, 200)) {
    const rel = await deps.analysis.getRelease(titleKey(r.title));
    if (!rel?.genres.length || !r.gross) continue;
    knownGross += r.gross;
    // A title with several genres splits its gross evenly, so shares still sum to 100%.
    for (const g of rel.genres) genrePairs.push([g, r.gross / rel.genres.length]);
  }
  const genreShare = shares(genrePairs, knownGross).map((s) => ({ ...s, gross: Math.round(s.gross) }));

  const top = rows.filter((r) => r.gross !== null).slice(0, 5);
  const weekends = charts.map((c) => c.period.start!).reverse();
  const boxOfficeSeries = {
    weekends,
    titles: top.map((r) => ({
      title: r.title,
      grosses: [...charts].reverse().map((c) => c.entries.find((e) => titleKey(e.title) === titleKey(r.title))?.gross ?? null),
    })),
  };

  // Competitor moves grouped by studio (the competitor names the workspace knows come first).
  const competitorNames = new Set(workspace.competitors.map((c) => c.name));
  const byStudio = new Map<string, CompetitorMove[]>();
  const eventsById = new Map(events.map((e) => [e.id, e]));
  for (const e of [...events].filter((x) => x.concernsCompetitor).sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''))) {
    const studios = e.studios.filter((s) => competitorNames.has(s));
    for (const studio of studios.length ? studios : e.studios.slice(0, 1)) {
      const move = { eventId: e.id, type: e.type, summary: e.summary, titles: e.titles, publishedAt: e.publishedAt, cites: cites.cite(e.itemIds, 2) };
      byStudio.set(studio, [...(byStudio.get(studio) ?? []), move]);
    }
  }
  const competitorMoves = [...byStudio]
    .map(([studio, moves]) => ({ studio, moves }))
    .sort((a, b) => b.moves.length - a.moves.length || a.studio.localeCompare(b.studio));

  // Calendar changes: releases whose history gained an entry reported this week.
  const citeEvent = async (eventId: string | null): Promise<number[]> => {
    if (!eventId) return [];
    const ev = eventsById.get(eventId) ?? (await deps.analysis.getEvent(eventId));
    if (!ev) return [];
    const missing = ev.itemIds.filter((id) => !items.has(id));
    if (missing.length) for (const i of await deps.store.getItems(missing)) items.set(i.id, i);
    return cites.cite(ev.itemIds, 2);
  };
  // Calendar changes: the releases whose history gained an entry from one of this week's events.
  const weekEventIds = new Set(events.map((e) => e.id));
  const releaseTitles = new Set(events.filter((e) => e.type === 'release_dated' || e.type === 'release_moved').flatMap((e) => e.titles.map(titleKey)));
  const calendarChanges: CalendarChange[] = [];
  for (const key of releaseTitles) {
    const r = await deps.analysis.getRelease(key);
    for (const h of r?.history.filter((x) => weekEventIds.has(x.eventId)) ?? []) {
      calendarChanges.push({ eventId: h.eventId, title: r!.title, distributor: r!.distributor, date: h.date, previousDate: h.previousDate, isSlate: r!.isSlate, cites: await citeEvent(h.eventId) });
    }
  }
  const collisions: BriefCollision[] = [];
  for (const c of await upcomingCollisions(deps.analysis, workspace, monday, 12)) collisions.push({ ...c, cites: await citeEvent(c.eventId) });

  // The narrative: one sentence per fact, kept only when it has citations.
  const narrative: NarrativeSentence[] = [];
  const say = (text: string, c: number[]) => {
    if (c.length && narrative.length < 5) narrative.push({ text, cites: c });
  };
  const lead = byType[0];
  if (lead && lead.thisWeek > 0) {
    const dir = events.length >= previousAverage ? 'up from' : 'down from';
    say(
      `The week of ${monday} brought ${events.length} news events, ${dir} an average of ${previousAverage} over the previous four weeks, led by ${TYPE_LABEL[lead.type]} (${lead.thisWeek} vs ${lead.previousAverage} on average).`,
      cites.cite(events.filter((e) => e.type === lead.type).flatMap((e) => e.itemIds), 2),
    );
  }
  const busiest = competitorMoves[0];
  if (busiest) {
    // Lead with the move that matters most to a release plan, not simply the earliest.
    const m = [...busiest.moves].sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type))[0]!;
    say(
      `${busiest.studio} was the most active competitor with ${busiest.moves.length} move${busiest.moves.length === 1 ? '' : 's'}, including: ${m.summary.replace(/[.\s]+$/, '')}.`,
      [...new Set([...m.cites, ...busiest.moves.flatMap((x) => x.cites)])].slice(0, 3),
    );
  }
  const collision = collisions.find((c) => c.cites.length);
  if (collision) {
    const when = collision.weekendsApart === 0 ? 'the same weekend as' : 'one weekend from';
    say(
      `On the calendar, ${collision.competitorTitle} (${collision.distributor ?? 'unknown distributor'}) is dated ${collision.competitorDate}, ${when} ${collision.slateTitle} on ${collision.slateDate}.`,
      collision.cites,
    );
  } else {
    const change = calendarChanges.find((c) => c.cites.length);
    if (change) say(`On the calendar, ${change.title} moved from ${change.previousDate ?? 'undated'} to ${change.date ?? 'off the calendar'}.`, change.cites);
  }
  const mover = titleMovers.find((t) => t.delta > 0) ?? studioMovers.find((t) => t.delta > 0);
  if (mover) {
    const evs = events.filter((e) => (mover.kind === 'title' ? e.titles : e.studios).includes(mover.name));
    say(
      `${mover.name} gained the most coverage: ${mover.items} items from ${mover.outlets} outlet${mover.outlets === 1 ? '' : 's'}, against ${mover.lastWeekItems} the week before.`,
      cites.cite(evs.flatMap((e) => e.itemIds), 3),
    );
  }
  const leader = rows[0];
  if (leader?.gross && latest) {
    const share = distributorShare.find((s) => s.name === (leader.distributor ?? 'Unknown'));
    const boEvents = [...events, ...lastWeek].filter((e) => e.type === 'box_office' && e.titles.some((t) => titleKey(t) === titleKey(leader.title)));
    say(
      `${leader.title} led the weekend of ${latest.period.start} with ${money(leader.gross)}, and ${leader.distributor ?? 'its distributor'} took ${share?.share ?? 0}% of the top-${rows.length} total of ${money(totalGross)}.`,
      cites.cite(boEvents.flatMap((e) => e.itemIds), 2),
    );
  }

  // Number the sources in reading order of the brief: the narrative's citations come first.
  const order = [...new Set([...narrative.flatMap((x) => x.cites), ...cites.list.map((c) => c.n)])];
  const renumber = new Map(order.map((old, i) => [old, i + 1]));
  const re = (list: number[]) => list.map((n) => renumber.get(n)!);
  for (const x of narrative) x.cites = re(x.cites);
  for (const g of competitorMoves) for (const m of g.moves) m.cites = re(m.cites);
  for (const c of calendarChanges) c.cites = re(c.cites);
  for (const c of collisions) c.cites = re(c.cites);
  const citations = order.map((old, i) => ({ ...cites.list[old - 1]!, n: i + 1 }));

  // Tone of coverage over the brief's week and the three before it (UTC weeks, as the store keys them).
  const sentiment = await sentimentLeaders(
    { analysis: deps.analysis, store: deps.store, sourceNames },
    { fromWeek: weekBefore(week, 3), toWeek: week, limit: 3, competitors: workspace.competitors.map((c) => c.name) },
  );

  return {
    workspace: workspace.name,
    week,
    monday,
    sunday,
    stats: { totalEvents: events.length, previousAverage, byType, movers: [...studioMovers, ...titleMovers], distributorShare, genreShare },
    narrative,
    competitorMoves,
    calendarChanges,
    collisions,
    boxOffice: { weekend: latest?.period.start ?? null, end: latest?.period.end ?? null, rows, totalGross, rowCount: rows.length },
    boxOfficeSeries,
    citations,
    sentiment,
    interest: deps.interest ? await interestDigest(deps.interest, monday) : undefined,
  };
}
