// Tone of coverage over time: weekly sentiment per studio or title from stored events, with the items behind each week.
import { z } from 'zod';
import type { Event } from '../model/event.js';
import type { Item } from '../model/item.js';
import type { EventStore } from '../ports/analysis-store.js';
import type { ItemStore, Page, TimeRange } from '../ports/store.js';
import { titleKey } from '../util/text.js';
import { absoluteHttpUrl } from '../util/url.js';
import { addDays, isoWeekDates, isoWeekOf, isoWeekOfDate } from '../util/week.js';

/** Events whose sentiment is within ±NEUTRAL_BAND count as neutral. */
export const NEUTRAL_BAND = 0.15;
/** A weighted slope of the weekly means (per week) at least this steep is a trend. */
export const TREND_THRESHOLD = 0.05;
/** Items listed per point; `itemTotal` keeps the full count. */
export const ITEMS_PER_POINT = 10;
/** A series reads at most this many events (keyed pages of 100). */
const MAX_EVENTS = 2000;
const MAX_WEEKS = 53;

const Mean = z.number().min(-1).max(1);

export const SentimentItem = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().nullable().describe('Absolute http(s) URL of the item, or null when it has none'),
    source: z.string().describe('Source id (or name, when the caller gave source names)'),
    publishedAt: z.string().nullable(),
  })
  .describe('A stored item behind a point');
export type SentimentItem = z.infer<typeof SentimentItem>;

export const SentimentPoint = z
  .object({
    week: z.string().describe('ISO week, "2026-W48" (UTC)'),
    start: z.string().describe('Monday of the week, YYYY-MM-DD'),
    mean: Mean.nullable().describe('Mean sentiment of the week, each event weighted by its item count, 2 decimals; null when the week has no events'),
    n: z.number().int().nonnegative().describe('Events in the week'),
    positive: z.number().int().nonnegative().describe(`Events with sentiment > ${NEUTRAL_BAND}`),
    negative: z.number().int().nonnegative().describe(`Events with sentiment < -${NEUTRAL_BAND}`),
    neutral: z.number().int().nonnegative().describe(`Events with sentiment within ±${NEUTRAL_BAND}`),
    items: z.array(SentimentItem).describe(`The items behind the point, newest event first, at most ${ITEMS_PER_POINT}`),
    itemTotal: z.number().int().nonnegative().describe('All distinct items behind the point'),
  })
  .describe('One week of the series');
export type SentimentPoint = z.infer<typeof SentimentPoint>;

export const SentimentSeries = z
  .object({
    subject: z.object({ kind: z.enum(['studio', 'title']), name: z.string() }).describe('What the series is about'),
    from: z.string().describe('First day of the range, YYYY-MM-DD'),
    to: z.string().describe('Last day of the range, YYYY-MM-DD'),
    bucket: z.literal('week'),
    points: z.array(SentimentPoint).describe('One point per ISO week of the range, oldest first, empty weeks included'),
    overall: z.object({ mean: Mean.nullable(), n: z.number().int().nonnegative() }).describe('Weighted mean and event count over the whole range'),
    trend: z
      .enum(['rising', 'falling', 'flat'])
      .describe(
        `Slope of the weekly means over week number (weighted least squares, weights = items behind each week): ` +
          `rising when >= ${TREND_THRESHOLD} per week, falling when <= -${TREND_THRESHOLD}, flat otherwise or with fewer than 2 weeks of coverage`,
      ),
  })
  .describe('Tone of coverage and reviews of one studio or title over time, from the analysts\' event sentiment');
export type SentimentSeries = z.infer<typeof SentimentSeries>;

export const SentimentLeaders = z
  .object({
    fromWeek: z.string(),
    toWeek: z.string(),
    studios: z.array(SentimentSeries),
    titles: z.array(SentimentSeries),
  })
  .describe('The competitor studios and titles with the most coverage over a range of weeks, with their tone series');
export type SentimentLeaders = z.infer<typeof SentimentLeaders>;

export interface SentimentDeps {
  analysis: Pick<EventStore, 'eventsByStudio' | 'eventsByTitle' | 'eventsByWeek'>;
  store: Pick<ItemStore, 'getItems'>;
  /** Source id → display name for the items' `source` (optional). */
  sourceNames?: Map<string, string>;
}

export interface SentimentQuery {
  studio?: string;
  title?: string;
  /** First day (YYYY-MM-DD or ISO instant), inclusive. */
  from: string;
  /** Last day (YYYY-MM-DD or ISO instant), inclusive. */
  to: string;
  bucket?: 'week';
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const eventTime = (e: Event) => e.publishedAt ?? e.createdAt;
/** An event's weight: the items that cite it (more coverage, more weight), at least 1. */
export const eventWeight = (e: Event) => Math.max(1, new Set(e.itemIds).size);


/** The ISO weeks from the week of `from` to the week of `to`, oldest first (at most 53). */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let monday = isoWeekDates(isoWeekOfDate(from.slice(0, 10))).monday;
  const last = isoWeekOfDate(to.slice(0, 10));
  while (out.length < MAX_WEEKS) {
    const w = isoWeekOfDate(monday);
    out.push(w);
    if (w >= last) break;
    monday = addDays(monday, 7);
  }
  return out;
}

function weightedMean(events: Event[]): number | null {
  let sw = 0;
  let s = 0;
  for (const e of events) {
    const w = eventWeight(e);
    sw += w;
    s += w * e.sentiment;
  }
  return sw ? Math.max(-1, Math.min(1, round2(s / sw))) : null;
}

/** Weighted least-squares slope of y over x; null with fewer than two distinct x. */
function weightedSlope(points: Array<{ x: number; y: number; w: number }>): number | null {
  if (points.length < 2) return null;
  const sw = points.reduce((s, p) => s + p.w, 0);
  const mx = points.reduce((s, p) => s + p.w * p.x, 0) / sw;
  const my = points.reduce((s, p) => s + p.w * p.y, 0) / sw;
  const sxx = points.reduce((s, p) => s + p.w * (p.x - mx) ** 2, 0);
  if (!sxx) return null;
  return points.reduce((s, p) => s + p.w * (p.x - mx) * (p.y - my), 0) / sxx;
}

/**
 * Builds a series from events already read (no store access except fetching the items to list).
 * Events are bucketed by the UTC ISO week of their publication time; events outside `weeks` are ignored.
 */
export async function seriesFromEvents(
  deps: Pick<SentimentDeps, 'store' | 'sourceNames'>,
  subject: SentimentSeries['subject'],
  events: Event[],
  weeks: string[],
): Promise<SentimentSeries> {
  const byWeek = new Map<string, Event[]>(weeks.map((w) => [w, []]));
  const seen = new Set<string>();
  for (const e of [...events].sort((a, b) => eventTime(b).localeCompare(eventTime(a)))) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    byWeek.get(isoWeekOf(eventTime(e)))?.push(e);
  }
  // The items to list: the first ITEMS_PER_POINT distinct ids of each week, fetched in one batch.
  const idsByWeek = new Map<string, string[]>();
  for (const [w, evs] of byWeek) idsByWeek.set(w, [...new Set(evs.flatMap((e) => e.itemIds))]);
  const wanted = [...new Set([...idsByWeek.values()].flatMap((ids) => ids.slice(0, ITEMS_PER_POINT)))];
  const items = new Map<string, Item>(wanted.length ? (await deps.store.getItems(wanted)).map((i) => [i.id, i]) : []);

  const points: SentimentPoint[] = weeks.map((week) => {
    const evs = byWeek.get(week)!;
    const ids = idsByWeek.get(week)!;
    return {
      week,
      start: isoWeekDates(week).monday,
      mean: weightedMean(evs),
      n: evs.length,
      positive: evs.filter((e) => e.sentiment > NEUTRAL_BAND).length,
      negative: evs.filter((e) => e.sentiment < -NEUTRAL_BAND).length,
      neutral: evs.filter((e) => Math.abs(e.sentiment) <= NEUTRAL_BAND).length,
      items: ids
        .slice(0, ITEMS_PER_POINT)
        .map((id) => items.get(id))
        .filter((i): i is Item => !!i)
        .map((i) => ({ id: i.id, title: i.title || '(untitled)', url: absoluteHttpUrl(i.url), source: deps.sourceNames?.get(i.sourceId) ?? i.sourceId, publishedAt: i.publishedAt })),
      itemTotal: ids.length,
    };
  });
  const all = [...byWeek.values()].flat();
  const slope = weightedSlope(
    points.flatMap((p, x) => (p.mean === null ? [] : [{ x, y: p.mean, w: byWeek.get(p.week)!.reduce((s, e) => s + eventWeight(e), 0) }])),
  );
  const trend = slope === null ? 'flat' : slope >= TREND_THRESHOLD ? 'rising' : slope <= -TREND_THRESHOLD ? 'falling' : 'flat';
  return {
    subject,
    from: isoWeekDates(weeks[0]!).monday,
    to: isoWeekDates(weeks[weeks.length - 1]!).sunday,
    bucket: 'week',
    points,
    overall: { mean: weightedMean(all), n: all.length },
    trend,
  };
}

/**
 * Weekly tone of coverage of one studio or title between two days: reads the subject's events with
 * keyed, time-bounded queries (eventsByStudio / eventsByTitle, no scans), buckets them by ISO week
 * and weights each event by its number of items. The series covers whole weeks.
 */
export async function sentimentSeries(deps: SentimentDeps, q: SentimentQuery): Promise<SentimentSeries> {
  if (!!q.studio === !!q.title) throw new Error('sentimentSeries needs exactly one of studio or title');
  const weeks = weeksBetween(q.from, q.to);
  const from = isoWeekDates(weeks[0]!).monday;
  const to = isoWeekDates(weeks[weeks.length - 1]!).sunday;
  const events: Event[] = [];
  let cursor: string | null = null;
  do {
    const range: TimeRange = { from, to, limit: 100, cursor };
    const page: Page<Event> = q.studio ? await deps.analysis.eventsByStudio(q.studio, range) : await deps.analysis.eventsByTitle(q.title!, range);
    events.push(...page.items);
    cursor = page.cursor;
  } while (cursor && events.length < MAX_EVENTS);
  const subject = q.studio ? { kind: 'studio' as const, name: q.studio } : { kind: 'title' as const, name: q.title! };
  return seriesFromEvents(deps, subject, events, weeks);
}

export interface LeadersQuery {
  /** First ISO week of the range ("2026-W45"). */
  fromWeek: string;
  /** Last ISO week of the range ("2026-W48"). */
  toWeek: string;
  /** Subjects per kind (default 3). */
  limit?: number;
  /** Competitor studio names; when given, only these count as studios. */
  competitors?: string[];
}

/**
 * The competitor studios and titles with the most coverage (distinct items of competitor events)
 * over a range of weeks, each with its weekly series of every event naming it; read from
 * eventsByWeek, one keyed query per week.
 */
export async function sentimentLeaders(deps: SentimentDeps, q: LeadersQuery): Promise<SentimentLeaders> {
  const weeks = weeksBetween(isoWeekDates(q.fromWeek).monday, isoWeekDates(q.toWeek).monday);
  const limit = q.limit ?? 3;
  const seen = new Set<string>();
  const all = (await Promise.all(weeks.map((w) => deps.analysis.eventsByWeek(w)))).flat().filter((e) => !seen.has(e.id) && seen.add(e.id));
  const competitorEvents = all.filter((e) => e.concernsCompetitor);
  const allowed = q.competitors ? new Set(q.competitors.map(titleKey)) : null;
  // Subjects are ranked by the coverage of competitor events; their series then take every event
  // naming them (a critic's review often names no studio and is not flagged as a competitor move).
  const top = (names: (e: Event) => string[]) => {
    const groups = new Map<string, { name: string; items: Set<string>; events: Event[] }>();
    for (const e of competitorEvents) {
      for (const name of new Set(names(e))) {
        const key = titleKey(name);
        if (!key) continue;
        const g = groups.get(key) ?? { name, items: new Set<string>(), events: [] };
        for (const id of e.itemIds) g.items.add(id);
        g.events.push(e);
        groups.set(key, g);
      }
    }
    const ranked = [...groups.entries()].sort(([, a], [, b]) => b.items.size - a.items.size || b.events.length - a.events.length || a.name.localeCompare(b.name)).slice(0, limit);
    return ranked.map(([key, g]) => ({ name: g.name, events: all.filter((e) => names(e).some((n) => titleKey(n) === key)) }));
  };
  const studios = top((e) => (allowed ? e.studios.filter((s) => allowed.has(titleKey(s))) : e.studios));
  const titles = top((e) => e.titles);
  return {
    fromWeek: weeks[0]!,
    toWeek: weeks[weeks.length - 1]!,
    studios: await Promise.all(studios.map((g) => seriesFromEvents(deps, { kind: 'studio', name: g.name }, g.events, weeks))),
    titles: await Promise.all(titles.map((g) => seriesFromEvents(deps, { kind: 'title', name: g.name }, g.events, weeks))),
  };
}

/** The overall mean in words: positive (≥ 0.2), negative (≤ −0.2), mixed otherwise, or "no coverage". */
export function toneWord(mean: number | null): 'positive' | 'mixed' | 'negative' | 'no coverage' {
  if (mean === null) return 'no coverage';
  return mean >= 0.2 ? 'positive' : mean <= -0.2 ? 'negative' : 'mixed';
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** One glyph per point: ▁ (−1) to █ (+1), "·" for a week without coverage. */
export function sparkGlyphs(points: Array<{ mean: number | null }>): string[] {
  return points.map((p) => (p.mean === null ? '·' : BARS[Math.min(7, Math.max(0, Math.floor(((p.mean + 1) / 2) * 8)))]!));
}
