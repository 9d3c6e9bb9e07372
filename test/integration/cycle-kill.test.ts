// Kill and re-run: `marquee run --once` killed outright during analysis loses nothing and doubles nothing on the next run.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { createDynamoClient } from '../../shared/store/dynamo-client.js';
import { DynamoStore } from '../../shared/store/dynamo.store.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { cliEnv } from '../support/cli-env.js';

const run = promisify(execFile);
let dir: string;
const env = cliEnv();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-kill-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Starts the demo cycle and SIGKILLs it `afterMs` after its analysis stage begins; resolves when it is gone. */
async function killDuringAnalysis(dataDir: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, ['functions/cli/marquee.mjs', 'run', '--once', '--data-dir', dataDir, '--out', join(dir, 'out')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (/\nanalyst: /.test(out)) resolve(); // printed as the analysis stage starts
    });
    child.once('exit', () => resolve());
  });
  await new Promise((r) => setTimeout(r, afterMs));
  child.kill('SIGKILL');
  await exited;
}

describe('kill and re-run', () => {
  it('a cycle killed during analysis is completed by the next: every item in exactly one story, one event per story, nothing pending', async () => {
    const dataDir = join(dir, 'data');
    await killDuringAnalysis(dataDir, 400);
    // The kill did interrupt the analysis: its items are still pending.
    const killed = await startEmbeddedDynamo({ path: join(dataDir, 'dynamo') });
    const peek = createDynamoClient({ endpoint: killed.endpoint });
    try {
      expect((await new DynamoAnalysisStore(new DynamoStore({ client: peek, tableName: 'marquee' }).tableAccess).listPending()).length).toBeGreaterThan(0);
    } finally {
      peek.destroy();
      await killed.close();
    }
    // The next run opens the same data dir: the killed run's store process is gone and the lock free.
    const next = JSON.parse((await run(process.execPath, ['functions/cli/marquee.mjs', 'run', '--once', '--json', '--data-dir', dataDir, '--out', join(dir, 'out')], { env, maxBuffer: 32 << 20 })).stdout);
    expect(next.crawl.totals.errors).toBe(0);

    const server = await startEmbeddedDynamo({ path: join(dataDir, 'dynamo') });
    const client = createDynamoClient({ endpoint: server.endpoint });
    try {
      const store = new DynamoStore({ client, tableName: 'marquee' });
      const analysis = new DynamoAnalysisStore(store.tableAccess);
      expect(await analysis.listPending()).toEqual([]);
      const stories = await analysis.storiesBetween('2026-09-01T00:00:00Z', '2026-12-31T00:00:00Z');
      const members = stories.flatMap((s) => s.members.map((m) => m.itemId));
      expect(new Set(members).size).toBe(members.length); // no item in two stories
      expect(members).toHaveLength(302); // every item of the demo in a story
      expect(stories.every((s) => s.eventId === `e_${s.id.slice(2)}`)).toBe(true);
      const events = await Promise.all(stories.map((s) => analysis.getEvent(s.eventId!)));
      expect(events.every((e) => e !== null)).toBe(true);
      expect(stories).toHaveLength(197); // as an uninterrupted run of the demo (`marquee run --once`)
    } finally {
      client.destroy();
      await server.close();
    }
  }, 180_000);
});
