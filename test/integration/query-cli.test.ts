// The query CLI as users run it: `npm start` cycles then serves with a printed demo key; keys create, serve and ask on a data dir.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../support/cli-env.js';

const run = promisify(execFile);
const CLI = 'functions/cli/marquee.mjs';
const env = cliEnv({ MARQUEE_PORT: '0' });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-query-cli-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Starts a long-running command and resolves once its output matches `ready`. */
function startUntil(args: string[], ready: RegExp): Promise<{ child: ChildProcess; out: () => string; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${ready}: ${out}`)), 90_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, out: () => out, match: m });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${ready}: ${out}`));
    });
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

describe('query CLI', () => {
  it('npm start runs the cycle, then serves the API and page with a working demo key until Ctrl-C', async () => {
    const data = join(dir, 'start');
    const { child, out, match } = await startUntil(['start', '--data-dir', join(data, 'data'), '--out', join(data, 'out')], /web page\s+(http:\/\/127\.0\.0\.1:\d+)\/#key=(mq_\S+)[\s\S]*Serving until Ctrl-C/);
    const [, url, key] = match;
    expect(out()).toMatch(/collisions\s+6 competitor titles/);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const r = await fetch(`${url}/v1/ask`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'What opens against our title on March 12?' }),
    });
    const body = (await r.json()) as { answer: string; citations: unknown[] };
    expect(body.answer).toMatch(/The Hollow Season \(Mar 19, 2027\) vs The Drowning Hour/);
    expect(body.citations.length).toBeGreaterThan(0);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('keys create prints the key alone on its last line; serve accepts it; ask answers without a server', async () => {
    const data = join(dir, 'keys');
    const created = await run(process.execPath, [CLI, 'keys', 'create', 'research desk', '--data-dir', data], { env });
    const lines = created.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/API key "research desk" \(id [0-9a-f]{12}\) created/);
    const key = lines.at(-1)!;
    expect(key).toMatch(/^mq_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);

    const { child, match } = await startUntil(['serve', '--data-dir', data, '--port', '0'], /web page\s+(http:\/\/127\.0\.0\.1:\d+)\//);
    const url = match[1];
    expect((await fetch(`${url}/v1/sources`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await fetch(`${url}/v1/sources`, { headers: { authorization: 'Bearer mq_000000000000_' + 'a'.repeat(43) } })).status).toBe(401);
    expect(await stop(child)).toBe(0);

    const asked = await run(process.execPath, [CLI, 'ask', 'What did Lionsgate announce since October?', '--data-dir', data, '--json'], { env });
    const answer = JSON.parse(asked.stdout);
    // Nothing was crawled into this data dir: the answer says so and cites nothing.
    expect(answer.answer).toMatch(/^Lionsgate: activity Oct 1 – Nov 26, 2026, grouped by kind: nothing in the store for that window\./);
    expect(answer.citations).toEqual([]);
  }, 120_000);

  it('refuses bad input with one line and exit code 2', async () => {
    const bad = await run(process.execPath, [CLI, 'keys', 'create', 'a<script>', '--data-dir', join(dir, 'bad')], { env }).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('marquee keys create: key name: 1 to 64 letters, digits, spaces or . _ @ -');
    const port = await run(process.execPath, [CLI, 'serve', '--port', 'eighty', '--data-dir', join(dir, 'bad')], { env }).catch((e) => e);
    expect(port.code).toBe(2);
    expect(port.stderr.trim()).toBe('marquee serve: --port: expected a port number 0-65535, got "eighty"');
    const short = await run(process.execPath, [CLI, 'ask', 'hi', '--data-dir', join(dir, 'bad')], { env }).catch((e) => e);
    expect(short.code).toBe(2);
  }, 60_000);
});
