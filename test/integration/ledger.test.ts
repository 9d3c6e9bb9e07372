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
  it('tells which of many keys are done, with their results, in batched reads and without claiming any', async () => {
    const keys = Array.from({ length: 230 }, (_, i) => `batch-${i}`);
    for (const k of keys.filter((_, i) => i % 3 === 0)) {
      expect((await ledger.claim(k)).status).toBe('claimed');
      await ledger.complete(k, { messageId: `m-${k}` });
    }
    expect((await ledger.claim('batch-1')).status).toBe('claimed'); // claimed, not done
    const done = await ledger.completed(keys);
    expect([...done.keys()].sort()).toEqual(keys.filter((_, i) => i % 3 === 0).sort());
    expect(done.get('batch-3')).toEqual({ messageId: 'm-batch-3' });
    // Nothing was claimed by the read: a free key is still free.
    expect((await ledger.claim('batch-2')).status).toBe('claimed');
  });

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

  it('a retry of the same invocation takes over the claim its crashed attempt left, another invocation waits for the lease', async () => {
    const attempt1 = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'schedule:2026-11-27T17:30:00Z', takeOver: 'same-owner' });
    expect((await attempt1.claim('digest:w49', 900)).status).toBe('claimed');
    expect(await attempt1.markSending('digest:w49')).toBe(true);
    // The attempt dies here. Another invocation (a manual run) must not send while the lease lasts…
    const other = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'manual-1', takeOver: 'same-owner' });
    expect(await other.claim('digest:w49', 900)).toMatchObject({ status: 'in_progress', owner: 'schedule:2026-11-27T17:30:00Z' });
    // …but Lambda's retry of the same scheduled invocation takes over at once, and learns it was sending.
    const attempt2 = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'schedule:2026-11-27T17:30:00Z', takeOver: 'same-owner' });
    expect(await attempt2.claim('digest:w49', 900)).toMatchObject({ status: 'claimed', takenOver: { owner: 'schedule:2026-11-27T17:30:00Z', phase: 'sending', outcome: null } });
    // The first holder, had it survived, lost the claim: it may not send any more.
    expect(await attempt1.markSending('digest:w49')).toBe(false);
    await attempt2.complete('digest:w49', { messageId: 'm1' });
    expect((await other.claim('digest:w49')).status).toBe('done');
  });

  it("an exclusive owner (the local data dir's process) takes over any other owner's claim, never its own live one", async () => {
    const dead = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'local-111' });
    expect((await dead.claim('alert:x')).status).toBe('claimed');
    const me = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'local-222', takeOver: 'other-owners' });
    expect(await me.claim('alert:x')).toMatchObject({ status: 'claimed', takenOver: { owner: 'local-111', phase: 'claimed' } });
    expect(await me.claim('alert:x')).toMatchObject({ status: 'in_progress', owner: 'local-222' });
  });

  it('an abandoned send (unknown outcome) ends its lease at once and tells the next claim so', async () => {
    const a = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'a' });
    expect((await a.claim('alert:timeout')).status).toBe('claimed');
    expect(await a.markSending('alert:timeout')).toBe(true);
    await a.abandon('alert:timeout', 'no answer from Slack within 30000 ms');
    const b = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'b' });
    expect(await b.claim('alert:timeout')).toMatchObject({ status: 'claimed', takenOver: { owner: 'a', phase: 'sending', outcome: 'unknown' } });
  });

  it('a claim taken over in "sending" stays "sending" until settled: a taker that dies too hands the doubt on', async () => {
    const a = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'a' });
    expect((await a.claim('alert:posted-then-crash')).status).toBe('claimed');
    expect(await a.markSending('alert:posted-then-crash')).toBe(true);
    // b takes over (a died after posting) and dies itself before settling it.
    const b = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'b', takeOver: 'other-owners' });
    expect(await b.claim('alert:posted-then-crash')).toMatchObject({ status: 'claimed', takenOver: { owner: 'a', phase: 'sending' } });
    const c = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'c', takeOver: 'other-owners' });
    expect(await c.claim('alert:posted-then-crash')).toMatchObject({ status: 'claimed', takenOver: { owner: 'b', phase: 'sending' } });
  });
  it('a claim taken already "sending" tells a taker the outcome is in doubt, and completeMany finishes many claims in one batch', async () => {
    const a = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'a' });
    expect((await a.claim('alert:sending-at-once', 900, { sending: true })).status).toBe('claimed');
    // a dies right after the claim: the next holder must treat the alert as possibly posted.
    const b = new DynamoLedger(t.store.tableAccess, { now: () => now, owner: 'b', takeOver: 'other-owners' });
    expect(await b.claim('alert:sending-at-once')).toMatchObject({ status: 'claimed', takenOver: { owner: 'a', phase: 'sending' } });

    const keys = Array.from({ length: 30 }, (_, i) => `alert:many-${i}`);
    for (const k of keys) expect((await a.claim(k, 900, { sending: true })).status).toBe('claimed');
    const sent: string[] = [];
    t.store.tableAccess.doc.middlewareStack.add((next, context) => async (input) => (sent.push(String(context.commandName)), next(input)), { step: 'initialize', name: 'ledgerTestCounter' });
    try {
      await a.completeMany(keys.map((key, i) => ({ key, result: { messageId: `m-${i}` } })));
    } finally {
      t.store.tableAccess.doc.middlewareStack.remove('ledgerTestCounter');
    }
    expect(sent).toEqual(['BatchWriteItemCommand', 'BatchWriteItemCommand']); // 25 + 5, not 30 updates
    const done = await a.completed(keys);
    expect(done.size).toBe(30);
    expect(done.get('alert:many-7')).toEqual({ messageId: 'm-7' });
    // Done is done: nobody claims them again, not even after the lease.
    now = new Date(now.getTime() + 3_600_000);
    expect((await b.claim('alert:many-7')).status).toBe('done');
  });
});
