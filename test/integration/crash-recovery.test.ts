// A run that died holding a claim does not block the next one: the local runtime owns its data dir, so a claim of another process is a dead one's.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type AppConfig } from '../../shared/config/app-config.js';
import { validateWorkspace } from '../../shared/config/validate-workspace.js';
import { openLocalRuntime, type LocalRuntime } from '../../functions/local/local-runtime.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { digestKey, sendDigest } from '../../shared/delivery/digest/send-digest.js';
import { alertKey, sendAlerts } from '../../shared/delivery/alerts/send-alerts.js';
import type { ChartSurprise } from '../../shared/analysis/boxoffice-series.js';

const WEEK = '2026-W48';
const workspace = validateWorkspace(
  {
    name: 'Crash Team',
    timezone: 'America/Los_Angeles',
    clock: '2026-11-26T20:00:00Z',
    sources: [{ id: 'wire', kind: 'rss', url: 'https://wire.example/feed.xml' }],
    recipients: ['team@studio.example'],
  },
  'crash test workspace',
);
const surprise: ChartSurprise = {
  title: 'Glimmerglass',
  distributor: 'Universal Pictures',
  start: '2026-11-20',
  gross: 71_800_000,
  theaters: 3_900,
  perTheater: 18_410,
  comparableMedian: 3_258,
  comparables: 7,
  ratio: 5.65,
  direction: 'above',
};

let dir: string;
let config: AppConfig;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-crash-'));
  config = resolveConfig({}, { dataDir: join(dir, 'data'), outDir: join(dir, 'out') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a process that died left behind: claims in the ledger under its own owner id, never completed. */
async function crashedRun(what: (ledger: DynamoLedger) => Promise<void>) {
  const rt = await openLocalRuntime(config, workspace);
  try {
    await what(new DynamoLedger(rt.store.tableAccess, { owner: 'run-that-died' }));
  } finally {
    await rt.close();
  }
}

async function withRuntime<T>(f: (rt: LocalRuntime) => Promise<T>): Promise<T> {
  const rt = await openLocalRuntime(config, workspace);
  try {
    return await f(rt);
  } finally {
    await rt.close();
  }
}

const digestDeps = (rt: LocalRuntime) => ({ analysis: rt.analysis, store: rt.store, ledger: rt.ledger, mailer: rt.mailer, clock: rt.clock, digests: rt.digests });
const alertDeps = (rt: LocalRuntime) => ({ analysis: rt.analysis, ledger: rt.ledger, chat: rt.chat, clock: rt.clock });

describe('crash recovery (local runtime)', () => {
  it("a digest claim left by a run that died before sending is taken over by the next run at once, not after the 15-minute lease", async () => {
    await crashedRun(async (ledger) => {
      expect((await ledger.claim(digestKey(workspace.name, WEEK))).status).toBe('claimed');
    });
    const out = await withRuntime((rt) => sendDigest(workspace, digestDeps(rt), { week: WEEK }));
    expect(out.status).toBe('sent');
  });

  it('an alert claim left by a run that died before posting is taken over by the next run at once', async () => {
    await crashedRun(async (ledger) => {
      expect((await ledger.claim(alertKey(workspace.name, 'surprise:glimmerglass:2026-11-20'))).status).toBe('claimed');
    });
    const report = await withRuntime((rt) => sendAlerts(workspace, alertDeps(rt), { surprises: [surprise] }));
    expect(report).toMatchObject({ sent: 1, inProgress: 0 });
    const lines = (await readFile(join(dir, 'out', 'alerts.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
  });

  it('an alert written to alerts.jsonl by a run that died before recording it is recorded by the next run, not written again', async () => {
    const key = alertKey(workspace.name, 'surprise:late bloomer:2026-11-20');
    await crashedRun(async (ledger) => {
      // The dead run had claimed, marked "sending" and appended the line; it died before completing the claim.
      expect((await ledger.claim(key)).status).toBe('claimed');
      expect(await ledger.markSending(key)).toBe(true);
      const rt = await openLocalRuntime(resolveConfig({}, { dataDir: join(dir, 'other'), outDir: join(dir, 'out') }), workspace, { inMemory: true });
      try {
        await rt.chat.post({ text: 'Late Bloomer broke out', blocks: [], alerts: [{ key, kind: 'boxoffice_surprise', title: 'Late Bloomer', summary: 'Late Bloomer broke out' }] });
      } finally {
        await rt.close();
      }
    });
    const report = await withRuntime((rt) => sendAlerts(workspace, alertDeps(rt), { surprises: [{ ...surprise, title: 'Late Bloomer' }] }));
    expect(report).toMatchObject({ sent: 0, skipped: 1 });
    const lines = (await readFile(join(dir, 'out', 'alerts.jsonl'), 'utf8')).trim().split('\n').filter((l) => l.includes(key));
    expect(lines).toHaveLength(1);
    expect((await withRuntime((rt) => sendAlerts(workspace, alertDeps(rt), { surprises: [{ ...surprise, title: 'Late Bloomer' }] }))).skipped).toBe(1);
  });

  it('a digest written by the file mailer of a run that died before recording it is recorded by the next run, not written again', async () => {
    const week = '2026-W47';
    await crashedRun(async (ledger) => {
      expect((await ledger.claim(digestKey(workspace.name, week))).status).toBe('claimed');
      expect(await ledger.markSending(digestKey(workspace.name, week))).toBe(true);
    });
    // The dead run's mailer had written the digest before it died.
    const first = await withRuntime((rt) => rt.mailer.send({ from: 'a@b.example', to: workspace.recipients, subject: 'Digest', html: '<p>hi</p>', text: 'hi', inline: [], name: `digest-${week}` }));
    const out = await withRuntime((rt) => sendDigest(workspace, digestDeps(rt), { week }));
    expect(out).toMatchObject({ status: 'already_sent', messageId: first.messageId });
    const log = (await readFile(join(dir, 'out', 'mail.jsonl'), 'utf8')).trim().split('\n').filter((l) => l.includes(`digest-${week}`));
    expect(log).toHaveLength(1);
    expect((await withRuntime((rt) => rt.digests.getDigest(workspace.name, week)))?.messageId).toBe(first.messageId);
  });
});
