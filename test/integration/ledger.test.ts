// The idempotency ledger against the embedded DynamoDB server: claim once, done stays done, dead claims expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';

let t: TestStore;
let now = new Date('2026-11-26T20:00:00Z');
let ledger: DynamoLedger;
beforeAll(async () => {
  t = await openTestStore();
  ledger = new DynamoLedger(t.store.tableAccess, () => now);
});
afterAll(async () => t.close());

describe('DynamoLedger', () => {
  it('lets exactly one of two concurrent claims win', async () => {
    const results = await Promise.all([ledger.claim('alert:e1:slack'), ledger.claim('alert:e1:slack')]);
    expect(results.map((r) => r.status).sort()).toEqual(['claimed', 'in_progress']);
  });

  it('a completed key is never claimed again, even after the lease', async () => {
    await ledger.complete('alert:e1:slack', { ts: '123' });
    now = new Date(now.getTime() + 3_600_000);
    expect(await ledger.claim('alert:e1:slack')).toEqual({ status: 'done', completedAt: '2026-11-26T20:00:00.000Z', result: { ts: '123' } });
    await ledger.release('alert:e1:slack');
    expect((await ledger.claim('alert:e1:slack')).status).toBe('done');
  });

  it('a released claim can be retried; an abandoned one after its lease', async () => {
    expect((await ledger.claim('digest:2026-W48')).status).toBe('claimed');
    await ledger.release('digest:2026-W48');
    expect((await ledger.claim('digest:2026-W48', 60)).status).toBe('claimed');
    expect((await ledger.claim('digest:2026-W48', 60)).status).toBe('in_progress');
    now = new Date(now.getTime() + 61_000);
    expect((await ledger.claim('digest:2026-W48', 60)).status).toBe('claimed');
  });
});
