// Starts the embedded DynamoDB-protocol server (dynalite) on 127.0.0.1, in memory or on disk, in this process or its own.
import type { AddressInfo } from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import dynalite from 'dynalite';

export interface EmbeddedDynamo {
  endpoint: string;
  /** The server's own process, when it has one. */
  pid: number | null;
  /** Peak resident memory of the server's own process so far (bytes; Linux), or null. */
  peakRss(): number | null;
  /** CPU time the server's own process has used so far (ms, user + system; Linux), or null. */
  cpuMs(): number | null;
  close(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./dynalite-process.mjs', import.meta.url));

/**
 * Starts dynalite on 127.0.0.1. With `path` the data is kept on disk between runs; without, in memory.
 * `ownProcess` runs it in a child process: the store's work (request parsing, LevelDB) then runs on
 * another core than the caller's. The child never outlives this process (it exits when the IPC
 * channel closes, also after a SIGKILL of this process), ignores Ctrl-C (this process closes it
 * after its last write), and holds the data dir's lock: one server per data dir.
 */
export async function startEmbeddedDynamo(opts: { path?: string; port?: number; ownProcess?: boolean } = {}): Promise<EmbeddedDynamo> {
  if (opts.path) mkdirSync(opts.path, { recursive: true });
  if (opts.ownProcess) return startInOwnProcess(opts.path);
  const server = dynalite({ path: opts.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid: null,
    peakRss: () => null,
    cpuMs: () => null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

async function startInOwnProcess(path: string | undefined): Promise<EmbeddedDynamo> {
  // No inherited flags (a loader, --cpu-prof): the server starts in plain node, fast. MARQUEE_STORE_CPU_PROF=<dir>
  // profiles the server's own process (bench:scale --profile sets it).
  const child: ChildProcess = fork(SERVER_SCRIPT, path ? [path] : [], { execArgv: process.env.MARQUEE_STORE_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.MARQUEE_STORE_CPU_PROF] : [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port?: number; error?: string }) => (m.port ? resolve(m.port) : reject(new Error(m.error ?? 'the embedded store did not start'))));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the embedded store exited during start (code ${code})`)));
    });
    let peak: number | null = null;
    const peakRss = () => {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        if (kb) peak = Number(kb) * 1024;
      } catch {
        // not Linux, or already gone: the last reading stands
      }
      return peak;
    };
    const cpuMs = () => {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesized name): user and system time in clock ticks (100 a second).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return null;
      }
    };
    return {
      endpoint: `http://127.0.0.1:${port}`,
      pid: child.pid ?? null,
      peakRss,
      cpuMs,
      close: async () => {
        peakRss();
        if (child.exitCode === null && child.signalCode === null) {
          if (child.connected) child.send('close');
          else child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        process.removeListener('exit', killOnExit);
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    process.removeListener('exit', killOnExit);
    throw err;
  }
}
