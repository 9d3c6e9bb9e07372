// The DynamoDB store adapter against the embedded DynamoDB-protocol server (real protocol, no mocks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import type { Item } from '../../shared/model/item.js';
import { itemIdFor } from '../../shared/ingest/dedupe.js';
import { emptySourceState } from '../../shared/model/source-state.js';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(async () => t.close());

function item(id: string, over: Partial<Item> = {}): Item {
  return {
    id,
    sourceId: 'src-a',
    url: `https://trade.example/${id}`,
    guid: null,
    title: `Title ${id}`,
    publishedAt: '2026-11-20T10:00:00.000Z',
    author: null,
    text: `Body of ${id}`,
    categories: [],
    hash: `hash-${id}`,
    studio: null,
    tags: ['trade'],
    fetchedAt: '2026-11-26T10:00:00.000Z',
    snapshotKey: null,
    ...over,
  };
}
const keys = (i: Item) => [`url:${i.url}`, `hash:${i.hash}`];

describe('DynamoStore items', () => {
  it('keepNewItems: the new items a cycle writes are read from memory, exactly as a read back gives them, until turned off', async () => {
    const fresh = Array.from({ length: 30 }, (_, i) => item(`kept-${i}`, { text: i === 3 ? 'x'.repeat(200_000) : `Body ${i}`, publishedAt: i === 5 ? null : '2026-11-20T10:00:00.000Z' }));
    const sent: string[] = [];
    t.store.tableAccess.doc.middlewareStack.add((next, context) => async (input) => (sent.push(String(context.commandName)), next(input)), { step: 'initialize', name: 'keptCounter' });
    try {
      t.store.keepNewItems(true);
      expect((await t.store.putItems(fresh.map((i) => ({ item: i, identityKeys: keys(i) })))).every((r) => r.status === 'new')).toBe(true);
      sent.length = 0;
      const ids = fresh.map((i) => i.id);
      const kept = await t.store.getItems([...ids].reverse());
      const times = await t.store.itemTimes(ids);
      expect(await t.store.getItem('kept-7')).toEqual(kept.find((i) => i.id === 'kept-7'));
      expect(sent).toEqual([]); // no request: all from memory
      t.store.keepNewItems(false);
      const readBack = await t.store.getItems([...ids].reverse());
      expect(sent.length).toBeGreaterThan(0);
      expect(kept).toEqual(readBack); // the same items, in the order asked (the long body capped as stored)
      expect(kept.find((i) => i.id === 'kept-3')!.text.length).toBeLessThan(200_000);
      expect(new Map(times.map((x) => [x.id, x.time]))).toEqual(new Map((await t.store.itemTimes(ids)).map((x) => [x.id, x.time])));
    } finally {
      t.store.keepNewItems(false);
      t.store.tableAccess.doc.middlewareStack.remove('keptCounter');
    }
  });

  it('stores a new item once and reports the second put as existing', async () => {
    const a = item('a1');
    expect(await t.store.putItemIfNew(a, keys(a))).toEqual({ status: 'new' });
    expect(await t.store.putItemIfNew(a, keys(a))).toEqual({ status: 'exists' });
    expect(await t.store.getItem('a1')).toEqual(a);
  });

  it('refuses an item whose content hash belongs to another item (syndicated copy)', async () => {
    const orig = item('b1', { hash: 'same-hash' });
    const copy = item('b2', { url: 'https://other.example/b2', hash: 'same-hash' });
    await t.store.putItemIfNew(orig, keys(orig));
    const r = await t.store.putItemIfNew(copy, keys(copy));
    expect(r).toEqual({ status: 'duplicate', duplicateOf: 'b1', key: 'hash:same-hash' });
    expect(await t.store.getItem('b2')).toBeNull();
  });

  it('completes an item whose keys were claimed before a crash (retry loses nothing)', async () => {
    const c = item('c1');
    // Simulate the crash: claim keys by running the put for another item id that shares nothing,
    // then write the claims of c1 only, as a crashed run would have.
    await t.store.putItemIfNew(item('c0'), ['url:https://trade.example/c0']);
    const partial = new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
      TableName: t.tableName,
      Item: { pk: `KEY#url:${c.url}`, sk: 'A', entity: 'key', itemId: 'c1' },
    });
    await (await import('@aws-sdk/lib-dynamodb')).DynamoDBDocumentClient.from(t.client).send(partial);
    expect(await t.store.putItemIfNew(c, keys(c))).toEqual({ status: 'new' });
    expect(await t.store.getItem('c1')).not.toBeNull();
  });

  it('stores a page of new items in batched requests, none per item (BatchWriteItem: 25 rows a request)', async () => {
    // Ids as the crawl makes them (the URL's hash), so an item's URL needs no key row of its own.
    const page = Array.from({ length: 60 }, (_, i) => item(`pg${i}`, { guid: `guid-pg${i}` })).map((i) => ({ ...i, id: itemIdFor(i, i.sourceId) }));
    const ops: string[] = [];
    t.store.tableAccess.doc.middlewareStack.add(
      (next, context) => async (args) => {
        ops.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countForTest' },
    );
    try {
      const out = await t.store.putItems(page.map((i) => ({ item: i, identityKeys: [`guid:${i.guid}`, `url:${i.url}`, `hash:${i.hash}`] })));
      expect(out.every((o) => o.status === 'new')).toBe(true);
    } finally {
      t.store.tableAccess.doc.middlewareStack.remove('countForTest');
    }
    const count = (op: string) => ops.filter((o) => o === op).length;
    // 60 item rows and 120 key rows (guid, hash; the url's claim is the item row): ceil(120/25) + ceil(60/25) writes;
    // reads: 240 keys checked (item, guid, url, hash) + 120 claims read back, 100 a request.
    expect(count('PutItemCommand')).toBe(0);
    expect(count('BatchWriteItemCommand')).toBe(5 + 3);
    expect(count('BatchGetItemCommand')).toBe(3 + 2);
    expect((await t.store.getItems(page.map((i) => i.id))).map((i) => i.id)).toEqual(page.map((i) => i.id));
    expect(await t.store.tableAccess.get(`KEY#url:${page[0]!.url}`, 'A')).toBeNull();
    expect(await t.store.tableAccess.get(`KEY#guid:guid-pg0`, 'A')).toMatchObject({ itemId: page[0]!.id });
    // Dedupe still holds without the url row: the same URL is the same item, the same guid or content a duplicate.
    expect(await t.store.putItemIfNew(page[1]!, keys(page[1]!))).toEqual({ status: 'exists' });
    const sameGuid = item('q1', { guid: 'guid-pg2', hash: 'hash-q1' });
    expect(await t.store.putItemIfNew(sameGuid, [`guid:guid-pg2`, `url:${sameGuid.url}`, `hash:hash-q1`])).toEqual({ status: 'duplicate', duplicateOf: page[2]!.id, key: 'guid:guid-pg2' });
  });

  it('a key another writer claims between the claim and its read-back makes this item the duplicate', async () => {
    const mine = item('r1', { hash: 'raced-hash' });
    // The other writer (another crawl worker) overwrites the claim just before this call reads it back.
    t.store.tableAccess.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const input = (args as { input: { RequestItems?: Record<string, { ConsistentRead?: boolean }> } }).input;
        if (context.commandName === 'BatchGetItemCommand' && Object.values(input.RequestItems ?? {})[0]?.ConsistentRead) {
          await t.store.tableAccess.put({ pk: 'KEY#hash:raced-hash', sk: 'A', entity: 'key', itemId: 'r2' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'raceForTest' },
    );
    try {
      expect(await t.store.putItemIfNew(mine, keys(mine))).toEqual({ status: 'duplicate', duplicateOf: 'r2', key: 'hash:raced-hash' });
    } finally {
      t.store.tableAccess.doc.middlewareStack.remove('raceForTest');
    }
    expect(await t.store.getItem('r1')).toBeNull();
  });

  it('pages items of a source newest first with an opaque cursor', async () => {
    for (let i = 0; i < 5; i++) {
      const it = item(`p${i}`, { sourceId: 'src-page', publishedAt: `2026-11-1${i}T00:00:00.000Z` });
      await t.store.putItemIfNew(it, keys(it));
    }
    const first = await t.store.itemsBySource('src-page', { limit: 3 });
    expect(first.items.map((i) => i.id)).toEqual(['p4', 'p3', 'p2']);
    expect(first.cursor).toBeTypeOf('string');
    const second = await t.store.itemsBySource('src-page', { limit: 3, cursor: first.cursor });
    expect(second.items.map((i) => i.id)).toEqual(['p1', 'p0']);
    expect(second.cursor).toBeNull();
  });

  it('walks months for items by time range', async () => {
    const oct = item('m-oct', { sourceId: 'src-m', publishedAt: '2026-10-30T00:00:00.000Z' });
    const sep = item('m-sep', { sourceId: 'src-m', publishedAt: '2026-09-15T00:00:00.000Z' });
    for (const i of [oct, sep]) await t.store.putItemIfNew(i, keys(i));
    const page = await t.store.itemsByTime({ from: '2026-09-01', to: '2026-10-31', limit: 10 });
    expect(page.items.map((i) => i.id)).toEqual(['m-oct', 'm-sep']);
    const paged = await t.store.itemsByTime({ from: '2026-09-01', to: '2026-10-31', limit: 1 });
    expect(paged.items.map((i) => i.id)).toEqual(['m-oct']);
    const rest = await t.store.itemsByTime({ from: '2026-09-01', to: '2026-10-31', limit: 1, cursor: paged.cursor });
    expect(rest.items.map((i) => i.id)).toEqual(['m-sep']);
  });

  it('rejects a forged cursor with a typed error', async () => {
    await expect(t.store.itemsBySource('src-page', { cursor: '!!!not-base64-json' })).rejects.toThrow(/cursor/);
  });
});

describe('DynamoStore source state', () => {
  it('round-trips and lists source states without a scan', async () => {
    const s = { ...emptySourceState('feed-x'), etag: '"abc"', consecutiveFailures: 2, lastError: 'HTTP 503' };
    await t.store.putSourceState(s);
    await t.store.putSourceState(emptySourceState('feed-y'));
    expect(await t.store.getSourceState('feed-x')).toEqual(s);
    expect((await t.store.listSourceStates()).map((x) => x.sourceId)).toEqual(['feed-x', 'feed-y']);
  });
});

describe('DynamoStore charts', () => {
  const entry = (rank: number, title: string, gross: number) => ({
    rank, title, distributor: 'Lionsgate', gross, theaters: 3000, perTheater: Math.round(gross / 3000),
    totalGross: gross * 2, weeks: 2, change: -40,
  });

  it('stores a chart, replaces it on re-store and builds a title series across periods', async () => {
    const base = { site: 'boxofficemojo', sourceId: 'bom', fetchedAt: '2026-11-26T00:00:00Z' };
    const w1 = { ...base, period: { type: 'weekend' as const, start: '2026-11-13', end: '2026-11-15' }, entries: [entry(1, 'Night Harbor', 20e6), entry(2, 'Old Title', 5e6)] };
    const w2 = { ...base, period: { type: 'weekend' as const, start: '2026-11-20', end: '2026-11-22' }, entries: [entry(1, 'Night Harbor', 12e6)] };
    expect(await t.store.putChart(w1)).toEqual({ created: true, entries: 2 });
    await t.store.putChart(w2);
    const again = await t.store.putChart({ ...w1, entries: [entry(1, 'Night Harbor', 21e6)] });
    expect(again.created).toBe(false);
    const stored = await t.store.getChart('boxofficemojo', 'weekend', '2026-11-13');
    expect(stored?.entries.map((e) => [e.title, e.gross])).toEqual([['Night Harbor', 21e6]]);
    const series = await t.store.titleSeries('night harbor');
    expect(series.map((s) => [s.start, s.gross])).toEqual([['2026-11-13', 21e6], ['2026-11-20', 12e6]]);
    const list = await t.store.listCharts('weekend', {});
    expect(list.items.map((c) => c.period.start)).toEqual(['2026-11-20', '2026-11-13']);
  });

  it('two sources for the same chart site and period both survive (merged), each re-store replacing only its own rows', async () => {
    const period = { type: 'weekend' as const, start: '2026-10-30', end: '2026-11-01' };
    // Two pages of the same site for the same weekend: the top of the chart, and the rest of it.
    const top = { site: 'boxofficemojo', sourceId: 'bom-top', fetchedAt: '2026-11-02T00:00:00Z', period, entries: [entry(1, 'Night Harbor', 20e6), entry(2, 'Old Title', 5e6)] };
    const rest = { site: 'boxofficemojo', sourceId: 'bom-rest', fetchedAt: '2026-11-02T00:05:00Z', period, entries: [entry(11, 'Tail One', 2e5), entry(12, 'Tail Two', 1e5)] };
    await t.store.putChart(top);
    await t.store.putChart(rest);
    const merged = await t.store.getChart('boxofficemojo', 'weekend', '2026-10-30');
    expect(merged?.entries.map((e) => e.title)).toEqual(['Night Harbor', 'Old Title', 'Tail One', 'Tail Two']);
    // The top page is restated without Old Title: only its own stale row goes.
    await t.store.putChart({ ...top, fetchedAt: '2026-11-03T00:00:00Z', entries: [entry(1, 'Night Harbor', 21e6)] });
    const after = await t.store.getChart('boxofficemojo', 'weekend', '2026-10-30');
    expect(after?.entries.map((e) => [e.title, e.gross])).toEqual([['Night Harbor', 21e6], ['Tail One', 2e5], ['Tail Two', 1e5]]);
    expect(after?.entries.every((e) => !('sourceId' in e))).toBe(true);
  });
});
