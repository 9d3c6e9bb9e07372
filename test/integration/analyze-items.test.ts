// analyzeItems over the embedded DynamoDB server: pending items become stories and events; nothing is lost on failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { analyzeItems } from '../../shared/analysis/analyze-items.js';
import { ruleHints } from '../../agents/analyst/rule-hints.js';
import { embeddedAsAnalyst } from '../../agents/analyst/select-analyst.js';
import { createEmbeddedAnalyst } from '../../agents/analyst/embedded/embedded-analyst.js';
import type { Analyst } from '../../shared/ports/analyst.js';
import type { Item } from '../../shared/model/item.js';
import { Workspace } from '../../shared/model/workspace.js';
import { seedSlate } from '../../shared/analysis/release-calendar.js';

let t: TestStore;
let analysis: DynamoAnalysisStore;
const clock = { now: () => new Date('2026-11-26T20:00:00Z') };
const workspace = Workspace.parse({
  name: 'test',
  sources: [{ id: 'x', kind: 'rss', url: 'http://example.test/' }],
  competitors: [{ name: 'Universal Pictures', aliases: ['Universal'] }],
  slate: [{ title: 'The Lantern Keeper', releaseDate: '2026-12-11', genres: ['Family', 'Fantasy'] }],
});

function item(id: string, sourceId: string, title: string, text: string, publishedAt: string): Item {
  return { id, sourceId, url: `https://${sourceId}.example/${id}`, guid: null, title, publishedAt, author: null, text, categories: [], hash: `h-${id}`, studio: null, tags: ['trade'], fetchedAt: '2026-11-26T19:00:00.000Z', snapshotKey: null };
}

const items = [
  item('a1', 'dw', "Universal Moves Illumination's 'Skyward Sprocket' Up Two Weeks To Dec. 11", 'Universal has moved the animated family film Skyward Sprocket from Dec. 25 to Dec. 11, 2026, opposite The Lantern Keeper.', '2026-11-17T18:12:00.000Z'),
  item('a2', 'hl', "'Skyward Sprocket' Flies Into December: Universal Shifts Illumination Toon to Dec. 11", 'The Illumination toon Skyward Sprocket now opens Dec. 11 instead of Christmas Day, Universal said.', '2026-11-17T19:40:00.000Z'),
  item('a3', 'vi', "Sofia Marquez Joins Cast of Universal's 'Night Garden'", 'Sofia Marquez has joined the cast of Night Garden, the thriller Universal is developing.', '2026-11-18T10:00:00.000Z'),
];

beforeAll(async () => {
  t = await openTestStore();
  analysis = new DynamoAnalysisStore(t.store.tableAccess, clock.now);
  await seedSlate(workspace.slate, 'Harbor Light', analysis, clock.now());
});
afterAll(async () => t.close());

const more = [
  ...items,
  item('b1', 'dw', "A24 Dates 'Salt Year' for March 5, 2027", 'A24 will open the drama Salt Year on March 5, 2027.', '2026-11-18T12:00:00.000Z'),
  item('b2', 'vi', "'Salt Year' Gets March 2027 Release From A24", 'Salt Year opens March 5, 2027 via A24.', '2026-11-18T13:30:00.000Z'),
  item('b3', 'hl', "Universal Greenlights 'Night Garden' Sequel", 'Universal has greenlit a sequel to Night Garden.', '2026-11-19T09:00:00.000Z'),
  item('b4', 'dw', "First Trailer for 'Salt Year' Arrives", 'A24 released the first trailer for Salt Year on Thursday.', '2026-11-19T16:00:00.000Z'),
];

/**
 * The seven items analyzed in batches of two by one or more runs on a fresh store (each run's analysis store
 * through `wrap`, e.g. one that fails a write); the runs' reports (or their errors), what stays pending, and the events.
 */
async function runBatches(store: TestStore, runs: Array<{ timeLeftMs?: () => number; wrap?: (a: DynamoAnalysisStore) => DynamoAnalysisStore }>) {
  const analyst = embeddedAsAnalyst((c) => createEmbeddedAnalyst({ ...c, now: clock.now }), 'rules-1');
  const a = new DynamoAnalysisStore(store.store.tableAccess, clock.now);
  await seedSlate(workspace.slate, 'Harbor Light', a, clock.now());
  for (const i of more) await store.store.putItemIfNew(i, [`url:${i.url}`]);
  await a.markPending(more.map((i) => i.id));
  const reports = [];
  for (const { wrap, ...options } of runs) {
    reports.push(
      await analyzeItems(workspace, { items: store.store, analysis: wrap ? wrap(a) : a, analyst, clock, hint: ruleHints(workspace) }, undefined, { batchSize: 2, ...options }).catch(
        (err: Error) => ({ error: err.message }),
      ),
    );
  }
  const events = (await Promise.all(['2026-W47', '2026-W48'].map((w) => a.eventsByWeek(w)))).flat();
  return { reports, pending: (await a.listPending()).sort(), events: events.map((e) => `${e.storyId} ${e.type} ${[...e.titles].sort().join('+')} ${e.itemIds.join('+')} ${e.releaseDate}`).sort() };
}

/** The real store whose `method` fails on its `nth` call (1-based), as a throttled or unreachable store would. */
function failing(method: 'putEvents', nth: number) {
  return (store: DynamoAnalysisStore): DynamoAnalysisStore => {
    let calls = 0;
    return Object.assign(Object.create(store) as DynamoAnalysisStore, {
      [method]: async (...args: unknown[]) => {
        if (++calls === nth) throw new Error('ProvisionedThroughputExceededException');
        return (store[method] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      },
    });
  };
}

describe('analyzeItems', () => {
  it('leaves items pending when the analyst fails, so the next run picks them up', async () => {
    for (const i of items) await t.store.putItemIfNew(i, [`url:${i.url}`]);
    await analysis.markPending(items.map((i) => i.id));
    const broken: Analyst = { info: { kind: 'embedded', version: 'broken' }, analyze: async () => { throw new Error('model down'); } };
    await expect(analyzeItems(workspace, { items: t.store, analysis, analyst: broken, clock, hint: ruleHints(workspace) })).rejects.toThrow('model down');
    expect((await analysis.listPending()).sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('clusters the pending items into stories, stores one event per story and moves the release', async () => {
    const report = await analyzeItems(workspace, { items: t.store, analysis, analyst: embeddedAsAnalyst((c) => createEmbeddedAnalyst({ ...c, now: clock.now }), 'rules-1'), clock, hint: ruleHints(workspace) });
    // The failed run stored nothing (stories are written with their events): this run clusters and analyzes all three.
    expect(report).toMatchObject({ items: 3, stories: 2, events: 2, releasesChanged: 1, analyst: 'embedded rules-1', requests: 0 });
    expect(await analysis.listPending()).toEqual([]);
    const moved = (await analysis.eventsByTitle('Skyward Sprocket')).items;
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ type: 'release_moved', releaseDate: '2026-12-11', concernsCompetitor: true, concernsSlate: true, itemIds: ['a1', 'a2'] });
    expect(moved[0]!.studios).toContain('Universal Pictures');
    const story = (await analysis.getStory(moved[0]!.storyId))!;
    expect(story.members.map((m) => m.sourceId)).toEqual(['dw', 'hl']);
    expect(story.eventId).toBe(moved[0]!.id);
    const release = await analysis.getRelease('skyward sprocket');
    expect(release).toMatchObject({ date: '2026-12-11', distributor: 'Universal Pictures' });
    expect(release!.history[0]!.eventId).toBe(moved[0]!.id);
  });

  it('a later rewrite joins the analyzed story without a second event', async () => {
    // A rewrite that reports the move as a move: "… Lands on Dec. 11" alone reads as a dating as often as a move, and a
    // dating is another event (the clustering hint keeps the two apart).
    const late = item('a4', 'bp', "Analysis: Holiday Corridor Tightens as Universal Moves 'Skyward Sprocket' to Dec. 11", 'Universal moved Skyward Sprocket to Dec. 11, 2026 from Christmas.', '2026-11-17T23:30:00.000Z');
    await t.store.putItemIfNew(late, [`url:${late.url}`]);
    await analysis.markPending(['a4']);
    const report = await analyzeItems(workspace, { items: t.store, analysis, analyst: embeddedAsAnalyst(createEmbeddedAnalyst, 'rules-1'), clock, hint: ruleHints(workspace) });
    expect(report).toMatchObject({ items: 1, stories: 0, joinedExisting: 1, events: 0 });
    const events = (await analysis.eventsByTitle('Skyward Sprocket')).items;
    expect(events).toHaveLength(1);
    expect((await analysis.getStory(events[0]!.storyId))!.members.map((m) => m.itemId)).toEqual(['a1', 'a2', 'a4']);
  });

  it('a release change that could not be written (a store blip) is not lost: the story stays pending and the next run applies it', async () => {
    const fresh = await openTestStore();
    try {
      const store = new DynamoAnalysisStore(fresh.store.tableAccess, clock.now);
      await seedSlate(workspace.slate, 'Harbor Light', store, clock.now());
      let blips = 1;
      // Every method of the real store, but the first release write fails as a throttled or unreachable store would.
      const flaky = Object.assign(Object.create(store) as DynamoAnalysisStore, {
        putRelease: async (r: Parameters<DynamoAnalysisStore['putRelease']>[0]) => {
          if (blips-- > 0) throw new Error('ProvisionedThroughputExceededException');
          return store.putRelease(r);
        },
      });
      for (const i of items.slice(0, 2)) await fresh.store.putItemIfNew(i, [`url:${i.url}`]);
      await store.markPending(['a1', 'a2']);
      const analyst = embeddedAsAnalyst((c) => createEmbeddedAnalyst({ ...c, now: clock.now }), 'rules-1');
      const deps = { items: fresh.store, analysis: flaky, analyst, clock, hint: ruleHints(workspace) };
      const first = await analyzeItems(workspace, deps);
      expect(first.releasesChanged).toBe(0);
      expect((await store.getRelease('skyward sprocket'))).toBeNull();
      expect((await store.listPending()).sort()).toEqual(['a1', 'a2']);
      const second = await analyzeItems(workspace, deps);
      expect(second).toMatchObject({ releasesChanged: 1, events: 1 });
      expect(await store.getRelease('skyward sprocket')).toMatchObject({ date: '2026-12-11' });
      expect(await store.listPending()).toEqual([]);
      expect((await store.eventsByTitle('Skyward Sprocket')).items).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('a run stopped at its time limit leaves the rest pending; the next run goes on to the same stories and events as one run', async () => {
    const [once, stopped] = [await openTestStore(), await openTestStore()];
    try {
      const whole = await runBatches(once, [{}]);
      // Out of time after the first batch (the limit is asked before each later one).
      const split = await runBatches(stopped, [{ timeLeftMs: () => -1 }, {}]);
      expect(split.reports[0]).toMatchObject({ items: 2, remaining: 5 });
      expect(split.reports[1]).toMatchObject({ items: 5, remaining: 0 });
      expect(whole.reports[0]).toMatchObject({ items: 7, remaining: 0 });
      expect(split.pending).toEqual([]);
      expect(whole.events.length).toBeGreaterThanOrEqual(4);
      expect(split.events).toEqual(whole.events);
    } finally {
      await once.close();
      await stopped.close();
    }
  });

  it('a batch whose events cannot be written fails the run; nothing is lost, the next run ends as one run', async () => {
    const [once, broken] = [await openTestStore(), await openTestStore()];
    try {
      const whole = await runBatches(once, [{}]);
      // The second batch's events cannot be written: batch 1 is complete, the rest stays pending.
      const split = await runBatches(broken, [{ wrap: failing('putEvents', 2) }, {}]);
      expect(split.reports[0]).toEqual({ error: 'ProvisionedThroughputExceededException' });
      expect(split.reports[1]).toMatchObject({ remaining: 0 });
      expect(split.pending).toEqual([]);
      expect(split.events).toEqual(whole.events);
    } finally {
      await once.close();
      await broken.close();
    }
  });
});
