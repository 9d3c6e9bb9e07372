// The embedded store's LevelDB layer (group-commit-level.mjs): writes of one turn go in one batch, each settles when
// its batch is in LevelDB, reads see queued writes, a failed batch fails its writes, close loses nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClassicLevel } from 'classic-level';
import { groupCommitLevel } from '../../../shared/store/group-commit-level.mjs';

type Db = ClassicLevel<string, unknown>;
type Op = { type: 'put' | 'del'; key: string; value?: string };

/** LevelDB counting the batches that reach it; `failNext` makes the next batch fail (a disk error, injected). */
class CountingLevel extends ClassicLevel<string, unknown> {
  static batches: Op[][] = [];
  static failNext = false;
  async _batch(operations: Op[], options: object): Promise<void> {
    CountingLevel.batches.push(operations);
    if (CountingLevel.failNext) {
      CountingLevel.failNext = false;
      throw new Error('injected write failure');
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (ClassicLevel.prototype as any)._batch.call(this, operations, options);
  }
}

const GroupCommit = groupCommitLevel(CountingLevel, { writeBufferSize: 1 << 20 }) as unknown as new (location: string, options?: object) => Db;

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-gcl-'));
  db = new GroupCommit(join(dir, 'db'), { valueEncoding: 'json' });
  await db.open();
  CountingLevel.batches = [];
  CountingLevel.failNext = false;
});
afterEach(async () => {
  if (db.status === 'open') await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function reopen(): Promise<Db> {
  await db.close();
  db = new GroupCommit(join(dir, 'db'), { valueEncoding: 'json' });
  await db.open();
  return db;
}

describe('group commit', () => {
  it('commits the writes of one turn as one batch, and each write settles once it is in LevelDB', async () => {
    const writes = Array.from({ length: 200 }, (_, i) => db.put(`k${i}`, { n: i }));
    expect(CountingLevel.batches).toHaveLength(0); // nothing written yet: the batch goes after this turn
    await Promise.all(writes);
    expect(CountingLevel.batches).toHaveLength(1);
    expect(CountingLevel.batches[0]).toHaveLength(200);
    await reopen();
    expect(await db.get('k0')).toEqual({ n: 0 });
    expect(await db.get('k199')).toEqual({ n: 199 });
  });

  it('answers a read of a queued write with that write, and of a queued delete with nothing', async () => {
    await db.put('gone', { v: 'old' });
    const w1 = db.put('a', { v: 1 });
    const w2 = db.del('gone');
    const w3 = db.batch([
      { type: 'put', key: 'b', value: { v: 'first' } },
      { type: 'put', key: 'b', value: { v: 'second' } },
    ]);
    expect(await db.get('a')).toEqual({ v: 1 });
    expect(await db.get('gone')).toBeUndefined();
    expect(await db.get('b')).toEqual({ v: 'second' });
    await Promise.all([w1, w2, w3]);
    expect(await db.get('b')).toEqual({ v: 'second' });
    expect(await db.get('gone')).toBeUndefined();
    await reopen();
    expect(await db.get('b')).toEqual({ v: 'second' });
    expect(await db.get('gone')).toBeUndefined();
  });

  it('serves reads it cannot answer from the queue (another encoding, getMany, an iterator) after the queued writes', async () => {
    const w = db.put('x', { v: 'queued' });
    expect(JSON.parse((await db.get('x', { valueEncoding: 'utf8' })) as string)).toEqual({ v: 'queued' });
    const bytes = (await db.get('x', { valueEncoding: 'buffer' })) as Buffer;
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ v: 'queued' });
    void db.put('y', { v: 2 });
    expect(await db.getMany(['x', 'y', 'z'])).toEqual([{ v: 'queued' }, { v: 2 }, undefined]);
    await w;
    expect(await db.keys().all()).toEqual(['x', 'y']);
  });

  it('fails every write of a failed batch, keeps nothing of it, and goes on with the next', async () => {
    CountingLevel.failNext = true;
    const failed = [db.put('f1', 1), db.put('f2', 2)];
    const results = await Promise.allSettled(failed);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason?.cause?.message ?? (results[0] as PromiseRejectedResult).reason)).toMatch(/injected write failure/);
    expect(await db.get('f1')).toBeUndefined(); // not served from the failed batch
    await db.put('ok', 3);
    expect(await db.get('ok')).toBe(3);
  });

  it('writes while a batch is being written go in the next batch; close waits for every queued write', async () => {
    const first = db.put('p', 1);
    await new Promise((r) => setImmediate(r)); // the first batch is now being written
    const second = [db.put('q', 2), db.put('p', 3)];
    expect(await db.get('p')).toBe(3);
    await Promise.all([first, ...second]);
    expect(CountingLevel.batches.length).toBe(2);
    void db.put('late', 4);
    await reopen(); // close with a write still queued
    expect(await db.get('late')).toBe(4);
    expect(await db.get('p')).toBe(3);
  });
});
