// Sentiment series over in-memory fakes of the event and item ports: weighting, weekly buckets, trend, paging, empty ranges, leaders.
import { describe, expect, it } from 'vitest';
import type { Event } from '../../../shared/model/event.js';
import type { Item } from '../../../shared/model/item.js';
import type { Page, TimeRange } from '../../../shared/ports/store.js';
import { titleKey } from '../../../shared/util/text.js';
import { isoWeekOf } from '../../../shared/util/week.js';
import {
  ITEMS_PER_POINT,
  SentimentLeaders,
  SentimentSeries,
  sentimentLeaders,
  sentimentSeries,
  sparkGlyphs,
  toneWord,
  weeksBetween,
} from '../../../shared/analysis/sentiment-series.js';

let seq = 0;
function event(over: Partial<Event> & { publishedAt: string }): Event {
  const id = over.id ?? `e${++seq}`;
  return {
    id,
    storyId: `s_${id}`,
    type: 'review',
    studios: [],
    titles: [],
    people: [],
    releaseDate: null,
    previousDate: null,
    money: [],
    sentiment: 0,
    summary: `event ${id}`,
    itemIds: [`i_${id}`],
    concernsCompetitor: true,
    concernsSlate: false,
    analyst: { kind: 'embedded', version: 'test' },
    createdAt: over.publishedAt,
    ...over,
  };
}

/** In-memory ports: keyed lookups filter by studio/title key and time range, newest first, paged; every call is recorded. */
function fakes(events: Event[], pageSize = 2) {
  const calls: string[] = [];
  const page = (key: string, pick: (e: Event) => string[], range: TimeRange = {}): Page<Event> => {
    const all = events
      .filter((e) => pick(e).some((s) => titleKey(s) === titleKey(key)))
      .filter((e) => (!range.from || e.publishedAt! >= range.from) && (!range.to || e.publishedAt! <= `${range.to}\uffff`))
      .sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!));
    const start = Number(range.cursor ?? 0);
    const size = Math.min(range.limit ?? 100, pageSize);
    return { items: all.slice(start, start + size), cursor: start + size < all.length ? String(start + size) : null };
  };
  const items = new Map<string, Item>();
  for (const e of events)
    for (const id of e.itemIds)
      items.set(id, {
        id,
        sourceId: 'feed-a',
        url: id.endsWith('nourl') ? 'javascript:alert(1)' : `https://news.example/${id}`,
        guid: null,
        title: `Item ${id}`,
        publishedAt: e.publishedAt,
        author: null,
        text: '',
        categories: [],
        hash: id,
        studio: null,
        tags: [],
        fetchedAt: e.publishedAt!,
        snapshotKey: null,
      });
  return {
    calls,
    deps: {
      analysis: {
        eventsByStudio: async (s: string, r?: TimeRange) => (calls.push(`studio:${s}:${r?.from}:${r?.to}`), page(s, (e) => e.studios, r)),
        eventsByTitle: async (t: string, r?: TimeRange) => (calls.push(`title:${t}:${r?.from}:${r?.to}`), page(t, (e) => e.titles, r)),
        eventsByWeek: async (w: string) => (calls.push(`week:${w}`), events.filter((e) => isoWeekOf(e.publishedAt!) === w)),
      },
      store: { getItems: async (ids: string[]) => (calls.push(`items:${ids.length}`), ids.flatMap((id) => (items.has(id) ? [items.get(id)!] : []))) },
      sourceNames: new Map([['feed-a', 'Feed A']]),
    },
  };
}

describe('sentimentSeries', () => {
  it('buckets by ISO week, keeps empty weeks, and weights each event by its items', async () => {
    const { deps, calls } = fakes([
      // W45: one glowing piece with 3 items and one pan with 1 item → (3·0.8 + 1·(−0.4)) / 4 = 0.5
      event({ titles: ['Static Girl'], publishedAt: '2026-11-03T10:00:00Z', sentiment: 0.8, itemIds: ['a1', 'a2', 'a3'] }),
      event({ titles: ['Static Girl'], publishedAt: '2026-11-04T10:00:00Z', sentiment: -0.4, itemIds: ['b1'] }),
      // W47: neutral
      event({ titles: ['static girl'], publishedAt: '2026-11-17T10:00:00Z', sentiment: 0.1 }),
      // Outside the range and another title: ignored
      event({ titles: ['Static Girl'], publishedAt: '2026-12-20T10:00:00Z', sentiment: -1 }),
      event({ titles: ['Other'], publishedAt: '2026-11-03T10:00:00Z', sentiment: -1 }),
    ]);
    const s = await sentimentSeries(deps, { title: 'Static Girl', from: '2026-11-04', to: '2026-11-20', bucket: 'week' });
    expect(SentimentSeries.parse(s)).toEqual(s);
    expect(s.subject).toEqual({ kind: 'title', name: 'Static Girl' });
    expect(s.points.map((p) => p.week)).toEqual(['2026-W45', '2026-W46', '2026-W47']);
    expect(s.from).toBe('2026-11-02');
    expect(s.to).toBe('2026-11-22');
    const [w45, w46, w47] = s.points;
    expect(w45).toMatchObject({ start: '2026-11-02', mean: 0.5, n: 2, positive: 1, negative: 1, neutral: 0, itemTotal: 4 });
    expect(w45!.items.map((i) => i.id).sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(w45!.items[0]).toMatchObject({ source: 'Feed A', url: expect.stringMatching(/^https:\/\//) });
    expect(w46).toMatchObject({ mean: null, n: 0, items: [], itemTotal: 0 });
    expect(w47).toMatchObject({ mean: 0.1, n: 1, neutral: 1 });
    // Overall: (2.0 + 0.1) / 5 = 0.42 — the weight is the item count, not the event count (unweighted would be 0.17).
    expect(s.overall).toEqual({ mean: 0.42, n: 3 });
    // Keyed, time-bounded reads only, whole weeks, following the cursor past the first page of 2.
    expect(calls.filter((c) => c.startsWith('title:'))).toEqual(['title:Static Girl:2026-11-02:2026-11-22', 'title:Static Girl:2026-11-02:2026-11-22']);
    expect(calls.some((c) => c.startsWith('week:') || c.startsWith('studio:'))).toBe(false);
  });

  it('calls a trend rising or falling from the weighted slope of the weekly means, flat otherwise', async () => {
    const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
    const rising = fakes(weeks.map((d, i) => event({ studios: ['Neon'], publishedAt: `${d}T12:00:00Z`, sentiment: -0.3 + 0.3 * i })));
    expect((await sentimentSeries(rising.deps, { studio: 'Neon', from: weeks[0]!, to: '2026-11-29', bucket: 'week' })).trend).toBe('rising');
    const falling = fakes(weeks.map((d, i) => event({ studios: ['Neon'], publishedAt: `${d}T12:00:00Z`, sentiment: 0.6 - 0.2 * i })));
    expect((await sentimentSeries(falling.deps, { studio: 'Neon', from: weeks[0]!, to: '2026-11-29' })).trend).toBe('falling');
    const flat = fakes(weeks.map((d, i) => event({ studios: ['Neon'], publishedAt: `${d}T12:00:00Z`, sentiment: i % 2 ? 0.31 : 0.3 })));
    expect((await sentimentSeries(flat.deps, { studio: 'Neon', from: weeks[0]!, to: '2026-11-29' })).trend).toBe('flat');
    // A lone dissenting week with one item barely moves a slope carried by heavily covered weeks.
    const weighted = fakes([
      event({ studios: ['Neon'], publishedAt: '2026-11-02T12:00:00Z', sentiment: 0.5, itemIds: ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'] }),
      event({ studios: ['Neon'], publishedAt: '2026-11-09T12:00:00Z', sentiment: 0.5, itemIds: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'] }),
      event({ studios: ['Neon'], publishedAt: '2026-11-16T12:00:00Z', sentiment: 0.5, itemIds: ['y1', 'y2', 'y3', 'y4', 'y5', 'y6'] }),
      event({ studios: ['Neon'], publishedAt: '2026-11-23T12:00:00Z', sentiment: 0.2, itemIds: ['z1'] }),
    ]);
    expect((await sentimentSeries(weighted.deps, { studio: 'Neon', from: weeks[0]!, to: '2026-11-29' })).trend).toBe('flat');
    // One week of coverage is no trend.
    const single = fakes([event({ studios: ['Neon'], publishedAt: '2026-11-02T12:00:00Z', sentiment: -0.9 })]);
    expect((await sentimentSeries(single.deps, { studio: 'Neon', from: weeks[0]!, to: '2026-11-29' })).trend).toBe('flat');
  });

  it('returns empty points, a null mean and a flat trend for a range without coverage', async () => {
    const { deps, calls } = fakes([event({ studios: ['Neon'], publishedAt: '2026-10-01T12:00:00Z', sentiment: 1 })]);
    const s = await sentimentSeries(deps, { studio: 'Neon', from: '2026-11-02', to: '2026-11-15', bucket: 'week' });
    expect(s.points).toHaveLength(2);
    expect(s.points.every((p) => p.n === 0 && p.mean === null && p.items.length === 0)).toBe(true);
    expect(s.overall).toEqual({ mean: null, n: 0 });
    expect(s.trend).toBe('flat');
    expect(calls.some((c) => c.startsWith('items:'))).toBe(false);
    expect(SentimentSeries.safeParse(s).success).toBe(true);
  });

  it('caps the items of a point at ten, keeps the total, and drops non-http links', async () => {
    const ids = Array.from({ length: 14 }, (_, i) => `m${i}`);
    const { deps } = fakes([
      event({ titles: ['Big'], publishedAt: '2026-11-03T10:00:00Z', sentiment: 0.5, itemIds: ids }),
      event({ titles: ['Big'], publishedAt: '2026-11-05T10:00:00Z', sentiment: 0.5, itemIds: ['q-nourl'] }),
    ]);
    const s = await sentimentSeries(deps, { title: 'Big', from: '2026-11-02', to: '2026-11-08' });
    expect(s.points[0]!.items).toHaveLength(ITEMS_PER_POINT);
    expect(s.points[0]!.itemTotal).toBe(15);
    // Newest event first: its item leads, with its javascript: URL dropped.
    expect(s.points[0]!.items[0]).toMatchObject({ id: 'q-nourl', url: null });
  });

  it('needs exactly one subject', async () => {
    const { deps } = fakes([]);
    await expect(sentimentSeries(deps, { from: '2026-11-02', to: '2026-11-08' })).rejects.toThrow(/exactly one/);
    await expect(sentimentSeries(deps, { studio: 'A', title: 'B', from: '2026-11-02', to: '2026-11-08' })).rejects.toThrow(/exactly one/);
  });
});

describe('sentimentLeaders', () => {
  it('ranks competitor studios and titles by coverage over the weeks, from eventsByWeek only', async () => {
    const { deps, calls } = fakes([
      event({ studios: ['Neon'], titles: ['Static Girl'], publishedAt: '2026-11-03T10:00:00Z', sentiment: 0.6, itemIds: ['n1', 'n2', 'n3'] }),
      event({ studios: ['Neon'], titles: ['Static Girl'], publishedAt: '2026-11-24T10:00:00Z', sentiment: 0.8, itemIds: ['n4', 'n5'] }),
      event({ studios: ['Amazon MGM Studios'], titles: ['Kingdom of Salt'], publishedAt: '2026-11-10T10:00:00Z', sentiment: -0.9, itemIds: ['k1', 'k2'] }),
      event({ studios: ['Harbor Light Pictures'], titles: ['Our Film'], publishedAt: '2026-11-10T10:00:00Z', sentiment: 0.9, itemIds: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] }),
      event({ studios: ['A24'], titles: ['Quiet'], publishedAt: '2026-11-10T10:00:00Z', sentiment: 0.9, itemIds: ['q1'], concernsCompetitor: false }),
      // A critic's pan names no studio and is no competitor move: it does not rank, but it is in Static Girl's series.
      event({ studios: [], titles: ['Static Girl'], publishedAt: '2026-11-11T10:00:00Z', sentiment: -1, itemIds: ['r1'], concernsCompetitor: false }),
      event({ studios: ['Neon'], titles: ['Old'], publishedAt: '2026-10-01T10:00:00Z', sentiment: -1, itemIds: ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'] }),
    ]);
    const l = await sentimentLeaders(deps, { fromWeek: '2026-W45', toWeek: '2026-W48', limit: 2, competitors: ['Neon', 'Amazon MGM Studios', 'A24'] });
    expect(SentimentLeaders.parse(l)).toEqual(l);
    expect(l.studios.map((s) => s.subject.name)).toEqual(['Neon', 'Amazon MGM Studios']);
    expect(l.titles.map((s) => s.subject.name)).toEqual(['Our Film', 'Static Girl']);
    const neon = l.studios[0]!;
    expect(neon.points.map((p) => p.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(neon.overall).toEqual({ mean: 0.68, n: 2 });
    expect(neon.trend).toBe('rising');
    expect(l.studios[1]!.overall.mean).toBe(-0.9);
    // (3·0.6 + 2·0.8 − 1·1) / 6
    expect(l.titles[1]!.overall).toEqual({ mean: 0.4, n: 3 });
    expect(l.titles[1]!.points[1]).toMatchObject({ week: '2026-W46', mean: -1, negative: 1 });
    expect(calls.filter((c) => c.startsWith('week:'))).toEqual(['week:2026-W45', 'week:2026-W46', 'week:2026-W47', 'week:2026-W48']);
    expect(calls.some((c) => c.startsWith('studio:') || c.startsWith('title:'))).toBe(false);
  });
});

describe('helpers', () => {
  it('words the tone, draws glyphs and spans weeks across a year end', () => {
    expect([0.2, 0.19, -0.19, -0.2, null].map(toneWord)).toEqual(['positive', 'mixed', 'mixed', 'negative', 'no coverage']);
    expect(sparkGlyphs([{ mean: -1 }, { mean: 0 }, { mean: 1 }, { mean: null }]).join('')).toBe('▁▅█·');
    expect(weeksBetween('2026-12-21', '2027-01-12')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });
});
