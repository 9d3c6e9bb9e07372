// The embedded store of a data directory, shared between processes: the first process opens the files (dynalite over
// LevelDB, which one process at a time may hold) and publishes its endpoint in <dataDir>/store.json; every other
// marquee process on that directory (a CLI command beside `serve`) talks to that endpoint instead of opening the files.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { ConfigError } from '../../shared/config/errors.js';
import { startEmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';

/** What the owning process publishes (removed when it closes; a dead pid marks it stale). */
export interface StoreInfo {
  pid: number;
  /** The command that owns the files, for messages ("serve", "start"). */
  command: string;
  /** null while the owner is still starting the store. */
  endpoint: string | null;
  startedAt: string;
}

export interface DataDirStore {
  endpoint: string;
  /** The process whose store this is, when it is another one; null when this process owns the files. */
  borrowedFrom: StoreInfo | null;
  /** Peak resident memory of the store's own process (bytes), or null (borrowed, in this process, or not Linux). */
  peakRss(): number | null;
  /** CPU time of the store's own process so far (ms; Linux), or null (borrowed, in this process, or not Linux). */
  cpuMs(): number | null;
  close(): Promise<void>;
}

export const STORE_INFO_FILE = 'store.json';

function readInfo(file: string): StoreInfo | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreInfo>;
    return typeof v.pid === 'number' ? { pid: v.pid, command: String(v.command ?? 'marquee'), endpoint: typeof v.endpoint === 'string' ? v.endpoint : null, startedAt: String(v.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether something accepts TCP connections at the endpoint (within `timeoutMs`). */
function reachable(endpoint: string, timeoutMs = 1000): Promise<boolean> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Whether another process holds the LevelDB lock of `path` (opened and closed at once when free). */
async function levelLocked(path: string): Promise<boolean> {
  mkdirSync(path, { recursive: true });
  const db = new ClassicLevel(path);
  try {
    await db.open();
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if (e.code === 'LEVEL_LOCKED' || e.cause?.code === 'LEVEL_LOCKED') return true;
    throw err;
  }
  await db.close();
  return false;
}

function removeIfOurs(file: string, pid = process.pid): void {
  try {
    if (readInfo(file)?.pid === pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the embedded store of `dataDir`: uses the endpoint another live marquee process published,
 * or takes the files, starts the embedded server and publishes its endpoint until `close()`.
 * Fails with one clear line when the files are held by a process that shares no endpoint.
 */
export async function openDataDirStore(dataDir: string, opts: { command?: string; waitMs?: number; ownProcess?: boolean } = {}): Promise<DataDirStore> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, STORE_INFO_FILE);
  const deadline = Date.now() + (opts.waitMs ?? 10_000);
  let unreadableSince: number | null = null;
  for (;;) {
    const info = readInfo(file);
    if (!info && existsSync(file)) {
      // Being written by its owner (a moment), or left garbled (a full disk): the latter is removed after 2 s.
      unreadableSince ??= Date.now();
      if (Date.now() - unreadableSince > 2000) rmSync(file, { force: true });
      else await sleep(50);
      continue;
    }
    unreadableSince = null;
    if (info) {
      if (!pidAlive(info.pid)) {
        // Stale: its process is gone (killed, crashed). Remove it only if no one replaced it meanwhile.
        removeIfOurs(file, info.pid);
        continue;
      }
      if (info.endpoint && (await reachable(info.endpoint))) return { endpoint: info.endpoint, borrowedFrom: info, peakRss: () => null, cpuMs: () => null, close: async () => {} };
      if (Date.now() > deadline) {
        throw new ConfigError(
          `the data dir ${dataDir} is held by marquee ${info.command} (pid ${info.pid}), whose store ${info.endpoint ? `at ${info.endpoint} does not answer` : 'has not started'}; stop that process, or use --data-dir`,
        );
      }
      await sleep(100);
      continue;
    }
    // No owner: claim the directory (an exclusive create, so two processes starting together cannot both own it).
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        await sleep(20);
        continue;
      }
      throw err;
    }
    const mine: StoreInfo = { pid: process.pid, command: opts.command ?? 'marquee', endpoint: null, startedAt: new Date().toISOString() };
    writeSync(fd, JSON.stringify(mine));
    closeSync(fd);
    try {
      const path = join(dataDir, 'dynamo');
      if (await levelLocked(path)) {
        throw new ConfigError(`the data dir ${dataDir} is in use by another process that does not share its store (an older marquee?); stop it, or use --data-dir`);
      }
      const embedded = await startEmbeddedDynamo({ path, ownProcess: opts.ownProcess });
      const tmp = `${file}.${process.pid}.tmp`;
      const published: StoreInfo = { ...mine, endpoint: embedded.endpoint };
      const fdTmp = openSync(tmp, 'w', 0o600);
      writeSync(fdTmp, JSON.stringify(published));
      closeSync(fdTmp);
      renameSync(tmp, file);
      // A process that exits without closing (process.exit after an error) still removes its file.
      const onExit = () => removeIfOurs(file);
      process.once('exit', onExit);
      return {
        endpoint: embedded.endpoint,
        borrowedFrom: null,
        peakRss: () => embedded.peakRss(),
        cpuMs: () => embedded.cpuMs(),
        close: async () => {
          process.off('exit', onExit);
          removeIfOurs(file);
          await embedded.close();
        },
      };
    } catch (err) {
      removeIfOurs(file);
      throw err;
    }
  }
}
