// A run that died holding a claim does not block the next one: the local runtime owns its data dir, so a claim of another process is a dead one's.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type AppConfig } from '../../shared/config/app-config.js';
import { validateWorkspace } from '../../shared/config/workspace-file.js';
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
});
