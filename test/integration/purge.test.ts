// Privacy purge against the embedded store and a folder object store: exactly what is older than the cut-off goes, nothing newer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import type { Item } from '../../shared/model/item.js';
import { emptySourceState } from '../../shared/model/source-state.js';
import { identityKeys } from '../../shared/ingest/dedupe.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoPurgeStore } from '../../shared/store/dynamo-purge.store.js';
import { FolderObjectStore } from '../../shared/objects/folder.objects.js';
import { purgeBefore, retentionCutoff, snapshotTime, type PurgeDeps } from '../../shared/privacy/purge.js';
import { parseCutoff } from '../../functions/cli/commands/purge.command.js';
import { CliError } from '../../functions/cli/output.js';

const CUTOFF = new Date('2026-06-01T00:00:00.000Z');

function item(id: string, sourceId: string, publishedAt: string | null, fetchedAt = '2026-11-26T10:00:00.000Z'): Item {
  const hex = id.padEnd(32, '0');
  return {
    id: hex,
    sourceId,
    url: `https://trade.example/${id}`,
    guid: `guid-${id}`,
    title: `Title ${id}`,
    publishedAt,
    author: null,
    text: `Body of ${id}`,
    categories: [],
    hash: `hash-${id}`,
    studio: null,
    tags: ['trade'],
    fetchedAt,
    snapshotKey: null,
  };
}

// Older than the cut-off (by published time, else fetched time), across months, years and sources.
const OLD = [
  item('a1', 'src-a', '2026-03-01T09:00:00.000Z'),
  item('a2', 'src-a', null, '2026-04-10T08:00:00.000Z'), // undated: its fetch time counts
  item('a3', 'src-a', '2025-12-15T12:00:00.000Z'),
  item('b1', 'src-b', '2026-05-31T23:59:59.000Z'), // one second before
  item('c1', 'src-c', '1999-01-01T00:00:00.000Z'), // far older than any month walk would reach
];
// At or after the cut-off.
const NEW = [
  item('a4', 'src-a', '2026-06-01T00:00:00.000Z'), // exactly at the cut-off: not older
  item('a5', 'src-a', '2026-07-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'), // published wins over an old fetch
  item('a6', 'src-a', null, '2026-06-02T00:00:00.000Z'),
  item('b2', 'src-b', '2026-11-20T10:00:00.000Z'),
];

const OLD_SNAPSHOTS = [
  'raw/src-a/2026-03-01/20260301T090000Z-0a1b2c3d.xml',
  'raw/src-b/2026-05-31/20260531T235959Z-0a1b2c3e.html',
];
const NEW_SNAPSHOTS = [
  'raw/src-a/2026-06-01/20260601T000000Z-0a1b2c3f.xml', // exactly at the cut-off
  'raw/src-b/2026-11-20/20261120T100000Z-0a1b2c40.html',
  'raw/src-b/notes.txt', // no fetch time in the key: kept
];

let t: TestStore;
let dir: string;
let objects: FolderObjectStore;
let analysis: DynamoAnalysisStore;
let deps: PurgeDeps;
const ids = (items: Item[]) => items.map((i) => i.id).sort();
const keyCount = (items: Item[]) => items.reduce((n, i) => n + identityKeys(i).length, 0);

beforeAll(async () => {
  t = await openTestStore();
  dir = await mkdtemp(join(tmpdir(), 'marquee-purge-'));
  objects = new FolderObjectStore(join(dir, 'objects'));
  analysis = new DynamoAnalysisStore(t.store.tableAccess);
  for (const i of [...OLD, ...NEW]) expect(await t.store.putItemIfNew(i, identityKeys(i))).toEqual({ status: 'new' });
  // src-b has no source state: the purge reaches it through the workspace's source list.
  for (const s of ['src-a', 'src-c']) await t.store.putSourceState(emptySourceState(s));
  await analysis.markPending([OLD[0]!.id, NEW[1]!.id]);
  for (const k of [...OLD_SNAPSHOTS, ...NEW_SNAPSHOTS]) await objects.put(k, new TextEncoder().encode(`<body of ${k}>`), 'text/xml');
  deps = { purge: new DynamoPurgeStore(t.store.tableAccess), sources: t.store, objects };
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const expected = {
  cutoff: CUTOFF.toISOString(),
  items: OLD.length,
  indexEntries: OLD.length * 2,
  identityKeys: keyCount(OLD),
  pendingMarkers: 1,
  snapshots: OLD_SNAPSHOTS.length,
  bySource: { 'src-a': 3, 'src-b': 1, 'src-c': 1 },
  firstItem: { id: OLD[4]!.id, at: '1999-01-01T00:00:00.000Z' },
  lastItem: { id: OLD[3]!.id, at: '2026-05-31T23:59:59.000Z' },
  firstSnapshot: OLD_SNAPSHOTS[0],
  lastSnapshot: OLD_SNAPSHOTS[1],
  unrecognisedSnapshots: 1,
};

describe('purgeBefore', () => {
  it('a dry run removes nothing and reports what a purge would remove', async () => {
    const report = await purgeBefore(deps, CUTOFF, { dryRun: true, sourceIds: ['src-b'] });
    expect(report).toEqual({ ...expected, dryRun: true });
    expect(ids(await t.store.getItems(ids(OLD)))).toEqual(ids(OLD));
    expect(await objects.list('raw/')).toEqual([...OLD_SNAPSHOTS, ...NEW_SNAPSHOTS].sort());
    expect(await analysis.listPending()).toContain(OLD[0]!.id);
  });

  it('removes exactly the older items with their rows, and the older snapshots, in the store and the object store', async () => {
    const report = await purgeBefore(deps, CUTOFF, { sourceIds: ['src-b'] });
    expect(report).toEqual({ ...expected, dryRun: false });

    // Store: item rows, identity-key rows and pending markers of the old items are gone.
    expect(await t.store.getItems(ids(OLD))).toEqual([]);
    expect([...(await t.store.unknownItemIds(ids(OLD)))].sort()).toEqual(ids(OLD));
    for (const i of OLD) for (const k of identityKeys(i)) expect(await t.store.tableAccess.get(`KEY#${k}`, 'A')).toBeNull();
    expect(await analysis.listPending()).toEqual([NEW[1]!.id]);
    // Object store: only the older snapshots went.
    expect(await objects.list('raw/')).toEqual([...NEW_SNAPSHOTS].sort());
    expect(await objects.get(NEW_SNAPSHOTS[0]!)).not.toBeNull();
  });

  it('leaves the newer items readable by every access path', async () => {
    for (const i of NEW) expect(await t.store.getItem(i.id)).toEqual(i);
    expect(ids((await t.store.itemsBySource('src-a', { limit: 50 })).items)).toEqual(ids(NEW.filter((i) => i.sourceId === 'src-a')));
    expect(ids((await t.store.itemsBySource('src-b', { limit: 50 })).items)).toEqual([NEW[3]!.id]);
    expect(ids((await t.store.itemsByTime({ from: '2025-01-01', to: '2026-12-31', limit: 50 })).items)).toEqual(ids(NEW));
    // Dedupe still recognises them: the same item again exists, another item with one of their keys is a duplicate.
    for (const i of NEW) expect(await t.store.putItemIfNew(i, identityKeys(i))).toEqual({ status: 'exists' });
    const copy = { ...item('zz', 'src-z', '2026-11-21T00:00:00.000Z'), url: NEW[3]!.url };
    expect(await t.store.putItemIfNew(copy, identityKeys(copy))).toEqual({ status: 'duplicate', duplicateOf: NEW[3]!.id, key: `url:${NEW[3]!.url}` });
    // A purged item is forgotten entirely: seen again, it is new.
    expect(await t.store.putItemIfNew(OLD[0]!, identityKeys(OLD[0]!))).toEqual({ status: 'new' });
    await deps.purge.deleteItems([OLD[0]!]);
  });

  it('a second purge removes nothing', async () => {
    const report = await purgeBefore(deps, CUTOFF, { sourceIds: ['src-b'] });
    expect(report).toMatchObject({ items: 0, indexEntries: 0, identityKeys: 0, pendingMarkers: 0, snapshots: 0, firstItem: null, lastItem: null, firstSnapshot: null });
    expect(ids((await t.store.itemsByTime({ from: '2025-01-01', to: '2026-12-31', limit: 50 })).items)).toEqual(ids(NEW));
    expect(await objects.list('raw/')).toEqual([...NEW_SNAPSHOTS].sort());
  });
});

describe('purge helpers', () => {
  it('reads the fetch time from a snapshot key written by crawlSource, and nothing from other keys', () => {
    expect(snapshotTime('raw/deadline-wire/2026-11-28/20261128T162232Z-19dd444f.xml')).toBe(Date.parse('2026-11-28T16:22:32Z'));
    expect(snapshotTime('raw/deadline-wire/notes.txt')).toBeNull();
  });

  it('--before takes a calendar date (start of that UTC day) or an ISO time with a zone, and nothing else', () => {
    expect(parseCutoff('2026-06-01').toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(parseCutoff('2026-06-01T12:30:00+02:00').toISOString()).toBe('2026-06-01T10:30:00.000Z');
    for (const bad of ['2026-02-30', '2026-13-01', '06/01/2026', '2026-06-01T00:00', 'yesterday', '']) expect(() => parseCutoff(bad)).toThrow(CliError);
  });

  it('the default cut-off is the retention before now, at the start of that UTC day', () => {
    expect(retentionCutoff(new Date('2026-11-26T14:03:00Z'), 180).toISOString()).toBe('2026-05-30T00:00:00.000Z');
  });
});
