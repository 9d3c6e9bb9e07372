// Crawling a workspace end to end: real HTTP on 127.0.0.1 with 304s, the embedded DynamoDB server, a folder object store.
import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticSite, type StaticSiteServer } from '../../shared/local/static-site.server.js';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import { crawlWorkspace } from '../../shared/ingest/crawl-workspace.js';
import { SafeHttpFetcher } from '../../shared/http/safe-http.fetcher.js';
import { FolderObjectStore } from '../../shared/objects/folder.objects.js';
import type { Workspace } from '../../shared/model/workspace.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { Store } from '../../shared/ports/store.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';

let dir: string;
let site: StaticSiteServer;
let db: TestStore;
let workspace: Workspace;
let objects: FolderObjectStore;
let now = new Date('2026-11-26T20:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const writes = { items: 0, charts: 0, stateReads: 0, statePuts: 0, stateBatches: 0 };

/** The real store, counting item and chart writes so the test can prove a 304 costs none. */
function countingStore(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'putItems') return (...a: Parameters<Store['putItems']>) => ((writes.items += a[0].length), target.putItems(...a));
      if (prop === 'putItemIfNew') return (...a: Parameters<Store['putItemIfNew']>) => (writes.items++, target.putItemIfNew(...a));
      if (prop === 'putChart') return (...a: Parameters<Store['putChart']>) => (writes.charts++, target.putChart(...a));
      if (prop === 'getSourceState') return (...a: Parameters<Store['getSourceState']>) => (writes.stateReads++, target.getSourceState(...a));
      if (prop === 'putSourceState') return (...a: Parameters<Store['putSourceState']>) => (writes.statePuts++, target.putSourceState(...a));
      if (prop === 'putSourceStates') return (...a: Parameters<Store['putSourceStates']>) => (writes.stateBatches++, target.putSourceStates(...a));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function deps() {
  const fetcher = new SafeHttpFetcher({ policy: { allowHosts: new Set(['127.0.0.1']) }, timeoutMs: 3000 });
  return { fetcher, store: countingStore(db.store), objects, clock };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-crawl-'));
  await cp('test/fixtures/crawl/site', join(dir, 'site'), { recursive: true });
  site = await startStaticSite(join(dir, 'site'));
  db = await openTestStore();
  objects = new FolderObjectStore(join(dir, 'objects'));
  const ws = await loadWorkspaceFile('test/fixtures/crawl/workspace.yaml');
  workspace = { ...ws, baseUrl: site.baseUrl };
});
afterAll(async () => {
  await site.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('crawlWorkspace', () => {
  it('first crawl stores new items, drops the syndicated copy and records the dead source', async () => {
    const report = await crawlWorkspace(workspace, deps());
    const by = Object.fromEntries(report.sources.map((s) => [s.id, s]));
    // trade-b repeats trade-a's Neon story word for word: exact dedupe by content hash keeps one
    // copy (whichever crawl claims it first: the sources run concurrently).
    expect(by['trade-a']!.status).toBe('ok');
    expect(by['trade-b']!.status).toBe('ok');
    expect(by['trade-a']!.newItems + by['trade-b']!.newItems).toBe(4);
    expect(by['trade-a']!.duplicates + by['trade-b']!.duplicates).toBe(1);
    expect(by['newsroom']).toMatchObject({ status: 'ok', newItems: 2 });
    expect(by['dead-feed']).toMatchObject({ status: 'error', errorCode: 'http_status', newItems: 0 });
    expect(by['dead-feed']!.error).toMatch(/^HTTP 404 Not Found from 127\.0\.0\.1:\d+$/);
    expect(report.totals).toMatchObject({ sources: 4, ok: 3, errors: 1, newItems: 6 });

    const items = (await db.store.itemsBySource('trade-a')).items;
    const neon = [...items, ...(await db.store.itemsBySource('trade-b')).items].filter((i) => i.title.includes('Salt Lines'));
    expect(neon).toHaveLength(1);
    const cold = items.find((i) => i.title.includes('Cold Harbor'))!;
    expect(cold.url).toBe('https://trade-a.example/2026/11/cold-harbor-date/');
    expect(cold.publishedAt).toBe('2026-11-24T17:15:00.000Z');
    expect(cold.snapshotKey).toMatch(/^raw\/trade-a\/2026-11-26\/.+\.xml$/);
    const snap = await objects.get(cold.snapshotKey!);
    expect(Buffer.from(snap!.body).toString()).toContain('Cold Harbor');
    const news = (await db.store.itemsBySource('newsroom')).items;
    expect(news.map((n) => n.url).sort()).toEqual([`${site.baseUrl}press/exec-hire`, `${site.baseUrl}press/winter-kings-trailer`]);
    expect(news.every((n) => n.studio === 'Lionsgate')).toBe(true);
  });

  it('does not retry a failed source before its backoff, then backs off further', async () => {
    const state1 = await db.store.getSourceState('dead-feed');
    expect(state1).toMatchObject({ consecutiveFailures: 1, lastErrorCode: 'http_status' });
    expect(Date.parse(state1!.nextDueAt!)).toBe(now.getTime() + 15 * 60_000);
    const notYet = await crawlWorkspace(workspace, deps());
    expect(notYet.sources.every((s) => s.status === 'skipped')).toBe(true);
    now = new Date(now.getTime() + 16 * 60_000);
    await crawlWorkspace(workspace, deps());
    const state2 = await db.store.getSourceState('dead-feed');
    expect(state2!.consecutiveFailures).toBe(2);
    expect(Date.parse(state2!.nextDueAt!)).toBe(now.getTime() + 30 * 60_000);
  });

  it('a second crawl of unchanged sources is all not_modified with zero item writes', async () => {
    Object.assign(writes, { items: 0, stateReads: 0, statePuts: 0, stateBatches: 0 });
    const before = site.stats.byStatus[304] ?? 0;
    now = new Date(now.getTime() + 60_000);
    const report = await crawlWorkspace({ ...workspace, sources: workspace.sources.filter((s) => s.id !== 'dead-feed') }, deps(), { force: true });
    expect(report.sources.map((s) => s.status)).toEqual(['not_modified', 'not_modified', 'not_modified']);
    expect(report.totals.newItems).toBe(0);
    expect(writes.items).toBe(0);
    expect((site.stats.byStatus[304] ?? 0) - before).toBe(3);
    // The round read every state in one list and wrote the unchanged sources' clocks together: no request per source.
    expect(writes).toMatchObject({ stateReads: 0, statePuts: 0, stateBatches: 1 });
    for (const id of ['trade-a', 'trade-b', 'newsroom']) {
      expect(await db.store.getSourceState(id)).toMatchObject({ lastStatus: 'not_modified', lastAttemptAt: now.toISOString(), lastSuccessAt: now.toISOString() });
    }
  });

  it('a changed feed yields only its new item', async () => {
    const before = (await db.store.getSourceState('trade-a'))!.itemsTotal;
    const path = join(dir, 'site', 'trade-a.xml');
    const xml = await readFile(path, 'utf8');
    const added = xml.replace(
      '<item>',
      `<item><title>Sony Greenlights &#8216;Paper Moons 2&#8217;</title><link>https://trade-a.example/2026/11/paper-moons-2/</link><guid isPermaLink="false">trade-a-1004</guid><pubDate>Thu, 26 Nov 2026 10:00:00 PST</pubDate><description>Sony has greenlit a sequel.</description></item>\n<item>`,
    );
    await writeFile(path, added);
    const report = await crawlWorkspace({ ...workspace, sources: workspace.sources.filter((s) => s.id === 'trade-a') }, deps(), { force: true });
    expect(report.sources[0]).toMatchObject({ status: 'ok', newItems: 1, seenItems: 4 });
    const state = await db.store.getSourceState('trade-a');
    expect(state!.itemsTotal).toBe(before + 1);
  });
});
