// Box-office surprise alerts are durable: reconsidered by every later run until sent, even when no later run stores a chart, or a newer chart supersedes it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../shared/config/app-config.js';
import { runCycle } from '../../shared/cycle/run-cycle.js';
import { openLocalRuntime } from '../../functions/local/local-runtime.js';
import { startDemo } from '../../functions/local/demo.js';
import { ChatUnavailableError } from '../../shared/delivery/chat/errors.js';
import type { ChatPoster } from '../../shared/ports/chat.js';
import type { BoxOfficeEntry } from '../../shared/model/boxoffice.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { sendAlerts } from '../../shared/delivery/alerts/send-alerts.js';
import { settleSurprises, surpriseCandidates } from '../../shared/delivery/alerts/surprise-candidates.js';
import { fixedClock } from '../../shared/ports/clock.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { NOW, workspace } from '../unit/alerts/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-surprise-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const slackDown: ChatPoster = {
  post: async () => {
    throw new ChatUnavailableError('Slack answered HTTP 503 5 time(s)', 'server_error', { status: 503, attempts: 5 });
  },
};

describe('surprise alerts are durable', () => {
  it('a surprise whose alert failed (Slack down) is sent by the next run, although that run stores no chart rows', async () => {
    const demo = await startDemo();
    const runtime = await openLocalRuntime(resolveConfig({}, { dataDir: join(dir, 'demo'), outDir: join(dir, 'demo-out') }), demo.workspace, { inMemory: true });
    try {
      const first = await runCycle(demo.workspace, { ...runtime, chat: slackDown }, { force: true });
      expect(first.crawl.totals.chartEntries).toBeGreaterThan(0);
      const failedSurprises = first.alerts.alerts.filter((a) => a.kind === 'boxoffice_surprise');
      expect(failedSurprises.length).toBeGreaterThan(0);
      expect(failedSurprises.every((a) => a.status === 'failed')).toBe(true);

      // Slack is back; every chart answers 304, so this run stores no chart rows.
      const second = await runCycle(demo.workspace, runtime, { force: true });
      expect(second.crawl.totals.chartEntries).toBe(0);
      const sent = second.alerts.alerts.filter((a) => a.kind === 'boxoffice_surprise');
      expect(sent.map((a) => [a.key, a.status])).toEqual(failedSurprises.map((a) => [a.key, 'sent']));
      const lines = (await readFile(join(dir, 'demo-out', 'alerts.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { key: string });
      for (const a of failedSurprises) expect(lines.filter((l) => l.key === a.key)).toHaveLength(1);
    } finally {
      await runtime.close();
      await demo.close();
    }
  }, 120_000);

  describe('on the embedded store', () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore();
    });
    afterAll(async () => t?.close());
    const e = (rank: number, title: string, gross: number, theaters: number, weeks: number): BoxOfficeEntry => ({ rank, title, distributor: 'Studio', gross, theaters, perTheater: null, totalGross: null, weeks, change: null });
    const put = (start: string, entries: BoxOfficeEntry[]) =>
      t.store.putChart({ site: 'boxofficemojo', period: { type: 'weekend', start, end: start }, sourceId: 'bom', fetchedAt: `${start}T23:00:00Z`, entries });

    it('a surprise not yet alerted when a newer chart arrives is still alerted (a pending marker per candidate), once', async () => {
      const ws = { ...workspace(), name: 'Superseded Team' };
      const analysis = new DynamoAnalysisStore(t.store.tableAccess);
      const deps = (chat: ChatPoster) => ({ analysis, ledger: new DynamoLedger(t.store.tableAccess, () => NOW), chat, clock: fixedClock(NOW.toISOString()) });
      await put('2026-11-06', [e(1, 'Star Run', 80e6, 4000, 1), e(2, 'Quiet One', 9e6, 3000, 1), e(3, 'Small Ghost', 6e6, 2900, 1)]);
      await put('2026-11-13', [e(1, 'Star Run', 40e6, 4000, 2), e(2, 'Breakout Girl', 30e6, 2800, 1), e(3, 'Mid Film', 12e6, 3100, 1)]);

      // Run 1: the latest chart has two surprises (Breakout Girl above, Mid Film below); Slack is down.
      const c1 = await surpriseCandidates({ store: t.store, pending: analysis }, NOW);
      expect(c1.surprises.map((s) => s.title).sort()).toEqual(['Breakout Girl', 'Mid Film']);
      const r1 = await sendAlerts(ws, deps(slackDown), { surprises: c1.surprises, asOf: NOW });
      await settleSurprises(analysis, r1, c1);
      expect(r1.failed).toBe(2);

      // A newer weekend arrives with no surprise of its own before the next run.
      await put('2026-11-20', [e(1, 'Star Run', 22e6, 3600, 3), e(2, 'Breakout Girl', 15e6, 2800, 2)]);
      const posted: string[] = [];
      const chat: ChatPoster = { post: async (m) => (posted.push(...(m.alerts ?? []).map((a) => a.key)), { id: `m${posted.length}`, attempts: 1 }) };
      const c2 = await surpriseCandidates({ store: t.store, pending: analysis }, NOW);
      expect(c2.surprises.map((s) => s.title).sort()).toEqual(['Breakout Girl', 'Mid Film']);
      expect(c2.latest).toEqual([]);
      const r2 = await sendAlerts(ws, deps(chat), { surprises: c2.surprises, asOf: NOW });
      await settleSurprises(analysis, r2, c2);
      expect(r2.sent).toBe(2);

      // Sent: the marker is gone, nothing is posted again.
      const c3 = await surpriseCandidates({ store: t.store, pending: analysis }, NOW);
      expect(c3.surprises).toEqual([]);
      expect(posted).toHaveLength(2);
    });
  });
});
