// The analysis ports (stories, events, releases, pending, cache) and the release calendar against the embedded DynamoDB server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import type { Event } from '../../shared/model/event.js';
import { VersionConflictError } from '../../shared/ports/analysis-store.js';
import { applyReleaseEvent, findCollisions, seedSlate, upcomingCollisions } from '../../shared/analysis/release-calendar.js';

let t: TestStore;
let store: DynamoAnalysisStore;
let now = new Date('2026-11-26T20:00:00Z');

beforeAll(async () => {
  t = await openTestStore();
  store = new DynamoAnalysisStore(t.store.tableAccess, () => now);
});
afterAll(async () => t.close());

function event(id: string, over: Partial<Event> = {}): Event {
  return {
    id, storyId: `s_${id}`, type: 'release_dated', studios: ['Lionsgate'], titles: ['Iron Meridian'], people: [],
    releaseDate: '2027-01-22', previousDate: null, money: [], sentiment: 0, summary: 'Lionsgate dates Iron Meridian.',
    itemIds: ['i1'], publishedAt: '2026-11-19T17:00:00.000Z', concernsCompetitor: true, concernsSlate: false,
    analyst: { kind: 'embedded', version: 'rules-1' }, createdAt: '2026-11-26T20:00:00.000Z', ...over,
  };
}

describe('events', () => {
  it('are found by week and type, by studio and by title, without scans', async () => {
    await store.putEvent(event('e1'));
    await store.putEvent(event('e2', { type: 'trailer', studios: ['A24'], titles: ['The Drowning Hour'], publishedAt: '2026-11-20T10:00:00.000Z' }));
    await store.putEvent(event('e3', { type: 'casting', publishedAt: '2026-10-01T10:00:00.000Z' }));
    expect((await store.eventsByWeek('2026-W47')).map((e) => e.id).sort()).toEqual(['e1', 'e2']);
    expect((await store.eventsByWeek('2026-W47', 'trailer')).map((e) => e.id)).toEqual(['e2']);
    expect((await store.eventsByStudio('lionsgate')).items.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect((await store.eventsByStudio('Lionsgate', { from: '2026-11-01' })).items.map((e) => e.id)).toEqual(['e1']);
    expect((await store.eventsByTitle('the drowning hour')).items.map((e) => e.id)).toEqual(['e2']);
    expect(await store.getEvent('e1')).toEqual(event('e1'));
  });
});

describe('release calendar', () => {
  const slate = [
    { title: 'Deadfall Protocol', releaseDate: '2027-01-22', genres: ['Action', 'Thriller'] },
    { title: 'The Hollow Season', releaseDate: '2027-03-19', genres: ['Horror'] },
  ];

  it('seeds the slate once and applies a dating event with history citing it', async () => {
    expect(await seedSlate(slate, 'Harbor Light Pictures', store, now)).toBe(2);
    expect(await seedSlate(slate, 'Harbor Light Pictures', store, now)).toBe(0);
    const r = await applyReleaseEvent(event('e1'), { text: 'The action thriller opens wide.' }, store, now);
    expect(r).toMatchObject({ title: 'Iron Meridian', date: '2027-01-22', status: 'dated', distributor: 'Lionsgate', width: 'wide', version: 1 });
    expect(r!.genres).toEqual(expect.arrayContaining(['thriller', 'action']));
    // Applying the same event again changes nothing.
    expect((await applyReleaseEvent(event('e1'), { text: '' }, store, now))!.version).toBe(1);
  });

  it('a move keeps the full history and the previous date', async () => {
    const moved = event('e4', { type: 'release_moved', releaseDate: '2027-01-29', previousDate: null, publishedAt: '2026-11-24T10:00:00.000Z' });
    const r = await applyReleaseEvent(moved, { text: '' }, store, now);
    expect(r).toMatchObject({ date: '2027-01-29', status: 'moved', version: 2 });
    expect(r!.history.map((h) => [h.previousDate, h.date, h.eventId])).toEqual([[null, '2027-01-22', 'e1'], ['2027-01-22', '2027-01-29', 'e4']]);
  });

  it('refuses a stale write (optimistic versioning)', async () => {
    const current = (await store.getRelease('iron meridian'))!;
    await expect(store.putRelease({ ...current, version: current.version })).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('the news never moves a slate title', async () => {
    expect(await applyReleaseEvent(event('e5', { titles: ['Deadfall Protocol'], releaseDate: '2027-05-01' }), { text: '' }, store, now)).toBeNull();
    expect((await store.getRelease('deadfall protocol'))!.date).toBe('2027-01-22');
  });

  it('finds collisions within one weekend, with genre overlap', async () => {
    await applyReleaseEvent(event('e6', { studios: ['A24'], titles: ['The Drowning Hour'], releaseDate: '2027-03-12', type: 'release_moved' }), { text: 'A24 horror' }, store, now);
    await applyReleaseEvent(event('e7', { studios: ['Sony'], titles: ['Far Away Film'], releaseDate: '2027-04-30' }), { text: '' }, store, now);
    const found = await upcomingCollisions(store, { slate }, '2026-11-26', 20);
    expect(found.map((c) => [c.slateTitle, c.competitorTitle, c.weekendsApart, c.genreOverlap])).toEqual([
      ['Deadfall Protocol', 'Iron Meridian', 1, ['action', 'thriller']],
      ['The Hollow Season', 'The Drowning Hour', 1, ['horror']],
    ]);
    expect(found[0]!.eventId).toBe('e4');
    expect(findCollisions([], [])).toEqual([]);
  });
});

describe('pending work and cache', () => {
  it('pending markers list and clear', async () => {
    await store.markPending(['a', 'b', 'c']);
    expect(await store.listPending()).toEqual(['a', 'b', 'c']);
    await store.clearPending(['a', 'c']);
    expect(await store.listPending()).toEqual(['b']);
  });

  it('the cache expires on read even where the server has no TTL', async () => {
    const value = { type: 'other' as const, studios: [], titles: [], people: [], releaseDate: null, previousDate: null, money: [], sentiment: 0, summary: 'x' };
    await store.put('k1', value);
    expect(await store.get('k1')).toEqual(value);
    now = new Date(now.getTime() + 91 * 86_400_000);
    expect(await store.get('k1')).toBeNull();
  });
});
