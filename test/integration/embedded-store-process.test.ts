// The embedded store in its own process: data kept across restarts, one process per data dir, and never an orphan (SIGKILL, Ctrl-C).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { createDynamoClient, ensureTable } from '../../shared/store/dynamo-client.js';
import { DynamoStore } from '../../shared/store/dynamo.store.js';
import { emptySourceState } from '../../shared/model/source-state.js';
import { resolveConfig } from '../../shared/config/app-config.js';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import { openLocalRuntime } from '../../functions/local/local-runtime.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-store-process-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function gone(pid: number, withinMs = 10_000): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < withinMs; await new Promise((r) => setTimeout(r, 50))) if (!alive(pid)) return true;
  return false;
}

/** A parent process that starts the store on `data`, prints the store's pid, and closes it on SIGINT. */
async function parentScript(data: string): Promise<string> {
  const file = join(dir, `parent-${Date.now()}.mts`);
  await writeFile(
    file,
    `import { startEmbeddedDynamo } from ${JSON.stringify(resolve('shared/store/embedded-dynamo.ts'))};
const store = await startEmbeddedDynamo({ path: ${JSON.stringify(data)}, ownProcess: true });
process.on('SIGINT', async () => { await store.close(); process.exit(130); });
console.log('store-pid ' + store.pid);
setInterval(() => {}, 1000);
`,
  );
  return file;
}

function startParent(file: string, detached = false) {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'], detached });
  const storePid = new Promise<number>((resolvePid, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /store-pid (\d+)/.exec(out);
      if (m) resolvePid(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`parent exited (${code}): ${out}`)));
  });
  return { child, storePid };
}

async function writeAndRead(endpoint: string, write: boolean): Promise<string | null> {
  const client = createDynamoClient({ endpoint });
  try {
    await ensureTable(client, 'marquee');
    const store = new DynamoStore({ client, tableName: 'marquee' });
    if (write) await store.putSourceState({ ...emptySourceState('kept'), lastStatus: 'ok' });
    return (await store.getSourceState('kept'))?.lastStatus ?? null;
  } finally {
    client.destroy();
  }
}

describe('embedded store in its own process', () => {
  it('keeps data across restarts and leaves no process behind when closed', async () => {
    const data = join(dir, 'restart');
    const first = await startEmbeddedDynamo({ path: data, ownProcess: true });
    expect(first.pid).not.toBe(process.pid);
    expect(await writeAndRead(first.endpoint, true)).toBe('ok');
    expect(first.peakRss()).toBeGreaterThan(0);
    await first.close();
    expect(await gone(first.pid!)).toBe(true);
    const second = await startEmbeddedDynamo({ path: data, ownProcess: true });
    expect(await writeAndRead(second.endpoint, false)).toBe('ok');
    await second.close();
  });

  it('one process per data dir: a second one fails at start, and the runtime says the dir is in use', async () => {
    const dataDir = join(dir, 'locked');
    // The local runtime keeps its store in <dataDir>/dynamo: another marquee process holds it.
    const holder = await startEmbeddedDynamo({ path: join(dataDir, 'dynamo'), ownProcess: true });
    try {
      await expect(startEmbeddedDynamo({ path: join(dataDir, 'dynamo'), ownProcess: true })).rejects.toThrow(/lock/i);
      const workspace = await loadWorkspaceFile('config/demo/workspace.yaml');
      await expect(openLocalRuntime(resolveConfig({}, { dataDir, embeddedStore: 'process' }), workspace)).rejects.toThrow(
        `the data dir ${dataDir} is in use by another process`,
      );
    } finally {
      await holder.close();
    }
  });

  it('exits when its parent is killed outright (SIGKILL): no orphan, the data dir is free again', async () => {
    const data = join(dir, 'killed');
    const { child, storePid } = startParent(await parentScript(data));
    const pid = await storePid;
    expect(alive(pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await gone(pid)).toBe(true);
    const next = await startEmbeddedDynamo({ path: data, ownProcess: true });
    await next.close();
  });

  it('Ctrl-C reaches the whole process group: the store waits for its parent to close it, then both are gone', async () => {
    const data = join(dir, 'interrupted');
    const { child, storePid } = startParent(await parentScript(data), true);
    const pid = await storePid;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    process.kill(-child.pid!, 'SIGINT'); // the terminal sends SIGINT to the foreground group
    expect(await exited).toBe(130);
    expect(await gone(pid)).toBe(true);
    const next = await startEmbeddedDynamo({ path: data, ownProcess: true });
    await next.close();
  });
});
