// The weekly brief's sections, each built by its own function (shared/delivery/digest/brief/), tested apart from the store.
import { describe, expect, it } from 'vitest';
import type { Event } from '../../../shared/model/event.js';
import type { Item } from '../../../shared/model/item.js';
import type { StoredChart } from '../../../shared/ports/store.js';
import { chartRows } from '../../../shared/delivery/digest/brief/box-office.js';
import { Citations, renumberCitations } from '../../../shared/delivery/digest/brief/citations.js';
import { competitorMoves } from '../../../shared/delivery/digest/brief/competitor-moves.js';
import { narrative, type NarrativeFacts } from '../../../shared/delivery/digest/brief/narrative.js';
import { coverageMovers, eventCounts } from '../../../shared/delivery/digest/brief/stats.js';

const event = (id: string, type: Event['type'], over: Partial<Event> = {}): Event => ({
  id,
  type,
  storyId: `s_${id}`,
  itemIds: [`i_${id}`],
  studios: [],
  titles: [],
  people: [],
  dates: [],
  money: [],
  sentiment: 0,
  summary: `summary of ${id}.`,
  publishedAt: '2026-11-24T10:00:00.000Z',
  concernsCompetitor: false,
  concernsSlate: false,
  createdAt: '2026-11-24T10:00:00.000Z',
  ...over,
} as Event);
const item = (id: string, sourceId = 'trade'): Item => ({ id, sourceId, url: `https://news.example/${id}`, title: `Title ${id}` }) as Item;
const citations = (events: Event[]) => new Citations(new Map(events.flatMap((e) => e.itemIds).map((id) => [id, item(id)])), new Map([['trade', 'Trade Daily']]));

describe('brief sections', () => {
  it('counts events by type against the average of the four weeks before, busiest first', () => {
    const now = [event('a', 'trailer'), event('b', 'trailer'), event('c', 'casting')];
    const previous = [[event('d', 'trailer')], [event('e', 'casting'), event('f', 'casting')], [], [event('g', 'greenlight')]];
    expect(eventCounts(now, previous)).toEqual({
      byType: [
        { type: 'trailer', thisWeek: 2, previousAverage: 0.3 },
        { type: 'casting', thisWeek: 1, previousAverage: 0.5 },
        { type: 'greenlight', thisWeek: 0, previousAverage: 0.3 },
      ],
      previousAverage: 1,
    });
  });

  it('ranks coverage movers by the growth of their items since last week', () => {
    const now = [event('a', 'trailer', { studios: ['A24'], itemIds: ['i1', 'i2'] }), event('b', 'casting', { studios: ['Neon'], itemIds: ['i3'] })];
    const before = [event('c', 'trailer', { studios: ['A24'], itemIds: ['i9'] })];
    const items = new Map(['i1', 'i2', 'i3', 'i9'].map((id, n) => [id, item(id, `src${n % 2}`)]));
    expect(coverageMovers('studio', now, before, items)).toEqual([
      { kind: 'studio', name: 'A24', items: 2, outlets: 2, lastWeekItems: 1, delta: 1 },
      { kind: 'studio', name: 'Neon', items: 1, outlets: 1, lastWeekItems: 0, delta: 1 },
    ]);
  });

  it('computes week-over-week change and per-theater average when the chart does not give them', () => {
    const chart = (start: string, entries: Array<Partial<StoredChart['entries'][number]>>) =>
      ({ site: 'boxofficemojo', period: { type: 'weekend', start, end: start }, sourceId: 'bo', fetchedAt: start, entries }) as StoredChart;
    const base = { distributor: 'Neon', totalGross: null, weeks: null, perTheater: null, change: null };
    const rows = chartRows(chart('2026-11-27', [{ ...base, rank: 2, title: 'B', gross: 50, theaters: null, change: -3 }, { ...base, rank: 1, title: 'A', gross: 300, theaters: 3 }]), chart('2026-11-20', [{ ...base, rank: 1, title: 'a', gross: 200, theaters: 3 }]));
    expect(rows.map((r) => [r.rank, r.title, r.change, r.perTheater])).toEqual([
      [1, 'A', 50, 100],
      [2, 'B', -3, null],
    ]);
  });

  it('groups competitor moves by studio, the workspace competitor first, and cites two items a move', () => {
    const events = [
      event('a', 'trailer', { concernsCompetitor: true, studios: ['Parent Co', 'A24'], itemIds: ['i1', 'i2', 'i3'] }),
      event('b', 'casting', { concernsCompetitor: true, studios: ['Neon'] }),
      event('c', 'greenlight', { concernsCompetitor: true, studios: ['A24'], publishedAt: '2026-11-25T00:00:00.000Z' }),
      event('d', 'other'),
    ];
    const cites = citations(events);
    const moves = competitorMoves(events, new Set(['A24']), cites);
    expect(moves.map((g) => [g.studio, g.moves.map((m) => [m.eventId, m.cites])])).toEqual([
      ['A24', [['a', [1, 2]], ['c', [4]]]],
      ['Neon', [['b', [3]]]],
    ]);
  });

  it('writes the narrative in its fixed order, keeps only cited sentences, and renumbers sources in reading order', () => {
    const events = [event('a', 'trailer', { concernsCompetitor: true, studios: ['A24'] }), event('b', 'trailer')];
    const cites = citations(events);
    cites.cite(['i_b']); // a section cites first
    const moves = competitorMoves(events, new Set(['A24']), cites);
    const facts: NarrativeFacts = {
      monday: '2026-11-23', events, lastWeek: [], byType: [{ type: 'trailer', thisWeek: 2, previousAverage: 1 }], previousAverage: 1,
      competitorMoves: moves, collisions: [], calendarChanges: [], studioMovers: [], titleMovers: [], latest: null, rows: [], totalGross: 0, distributorShare: [],
    };
    const sentences = narrative(facts, cites);
    expect(sentences.map((s) => s.text)).toEqual([
      'The week of 2026-11-23 brought 2 news events, up from an average of 1 over the previous four weeks, led by trailers and first looks (2 vs 1 on average).',
      'A24 was the most active competitor with 1 move, including: summary of a.',
    ]);
    const list = renumberCitations(cites, sentences, [moves[0]!.moves]);
    expect(sentences.map((s) => s.cites)).toEqual([[1, 2], [1]]);
    expect(moves[0]!.moves[0]!.cites).toEqual([1]);
    expect(list.map((c) => [c.n, c.itemId, c.source])).toEqual([
      [1, 'i_a', 'Trade Daily'],
      [2, 'i_b', 'Trade Daily'],
    ]);
  });
});
