// The CLI while `marquee start` serves the same data dir (the real bin, separate processes): ask, explain, keys
// create/list/revoke, digest, alerts and purge use the server's published store; revocation is seen by the running
// server at once; stale and foreign holders of the directory get one clear line; --version.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../support/cli-env.js';

const exec = promisify(execFile);
const CLI = 'functions/cli/marquee.mjs';
const env = cliEnv({ MARQUEE_PORT: '0', MARQUEE_LOG_LEVEL: '' });

let dir: string;
let data: string;
let server: ChildProcess;
let url: string;
let demoKey: string;
let output = '';

/** Runs the real CLI; never rejects: the exit code, stdout and stderr are the result. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [CLI, ...args], { env, timeout: 90_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Database is closed|node:internal/);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-beside-'));
  data = join(dir, 'data');
  server = spawn(process.execPath, [CLI, 'start', '--data-dir', data, '--out', join(dir, 'out')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start did not serve in time: ${output}`)), 150_000);
    const onData = (c: Buffer) => {
      output += c.toString();
      const m = /web page\s+(http:\/\/127\.0\.0\.1:\d+)\/#key=(mq_\S+)[\s\S]*Serving until Ctrl-C/.exec(output);
      if (m) {
        clearTimeout(timer);
        [, url, demoKey] = m as unknown as [string, string, string];
        resolve();
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`start exited with ${code}: ${output}`)));
  });
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGINT');
    });
  }
  await rm(dir, { recursive: true, force: true });
});

const get = (path: string, key: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } });

describe('the CLI beside a running server on the same data dir', () => {
  it('the server publishes its store in the data dir, and serves the page from the compiled CLI', async () => {
    const info = JSON.parse(readFileSync(join(data, 'store.json'), 'utf8'));
    expect(info).toMatchObject({ pid: server.pid, command: 'start', endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    // The bin runs the JavaScript in dist/, whose copy of the page assets must be there.
    const script = await fetch(`${url}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toBe(readFileSync('functions/http/assets/app.js', 'utf8'));
    expect(await (await fetch(`${url}/`)).text()).toContain('id="boxoffice"');
  });

  it('ask answers from the served store, and explain explains what it cited', async () => {
    const asked = await cli('ask', 'What did Lionsgate announce since October?', '--data-dir', data, '--json');
    noStackTrace(asked.stderr);
    expect(asked.code).toBe(0);
    const answer = JSON.parse(asked.stdout);
    expect(answer.answer).toMatch(/Lionsgate/);
    expect(answer.citations.length).toBeGreaterThan(0);
    const eventId = answer.events[0].id as string;

    const explained = await cli('explain', eventId, '--data-dir', data);
    noStackTrace(explained.stderr);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain(eventId);
    expect(explained.stdout).toMatch(/produced by the embedded analyst rules-2/);
  }, 120_000);

  it('keys create makes a key the running server accepts; keys list shows it without the key; revoke is refused at once', async () => {
    const created = await cli('keys', 'create', 'beside desk', '--data-dir', data);
    noStackTrace(created.stderr);
    expect(created.code).toBe(0);
    const key = created.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^mq_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect((await get('/v1/sources', key)).status).toBe(200);

    const listed = await cli('keys', 'list', '--data-dir', data, '--json');
    expect(listed.code).toBe(0);
    const { keys } = JSON.parse(listed.stdout) as { keys: Array<Record<string, unknown>> };
    const mine = keys.find((k) => k.name === 'beside desk')!;
    expect(mine).toMatchObject({ id: key.slice(3, 15), revokedAt: null, createdAt: expect.any(String) });
    // The server noted the request just made with it.
    expect(mine.lastUsedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(keys.some((k) => String(k.name).startsWith('demo '))).toBe(true);
    expect(listed.stdout).not.toContain(key.slice(16));
    expect(listed.stdout).not.toMatch(/"hash"/);
    const table = await cli('keys', 'list', '--data-dir', data);
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+name\s+created\s+status\s+last used$/);
    expect(table.stdout).toMatch(/beside desk\s+\w{3}, \w{3} \d{1,2}, \d{4}, \d\d:\d\d UTC\s+active/);

    const revoked = await cli('keys', 'revoke', 'beside desk', '--data-dir', data);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/API key "beside desk" \(id [0-9a-f]{12}\) is revoked/);
    // Immediately: no cache window on the running server.
    const refused = await get('/v1/sources', key);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe('the API key has been revoked');
    expect((await get('/v1/sources', demoKey)).status).toBe(200);

    const unknown = await cli('keys', 'revoke', 'nobody-at-all', '--data-dir', data);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('marquee keys revoke: no API key named or with id "nobody-at-all" (see marquee keys list)');
  }, 120_000);

  it('digest, alerts and purge run too (nothing sent twice), each with a clean exit', async () => {
    const digest = await cli('digest', '--week', '2026-W48', '--data-dir', data, '--out', join(dir, 'out'), '--json');
    noStackTrace(digest.stderr);
    expect(digest.code).toBe(0);
    expect(JSON.parse(digest.stdout)).toMatchObject({ status: 'already_sent' });
    const alerts = await cli('alerts', '--data-dir', data, '--out', join(dir, 'out'), '--json');
    noStackTrace(alerts.stderr);
    expect(alerts.code).toBe(0);
    expect(JSON.parse(alerts.stdout).sent).toBe(0);
    const purge = await cli('purge', '--before', '2020-01-01', '--dry-run', '--data-dir', data, '--json');
    noStackTrace(purge.stderr);
    expect(purge.code).toBe(0);
  }, 120_000);

  it('after the server stops, its file is gone and commands open the data dir themselves', async () => {
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGINT');
    });
    expect(existsSync(join(data, 'store.json'))).toBe(false);
    const listed = await cli('keys', 'list', '--data-dir', data, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).keys.find((k: { name: string }) => k.name === 'beside desk').revokedAt).toEqual(expect.any(String));
  }, 60_000);

  it('a file left by a killed process (dead pid) is ignored and replaced', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.once('exit', resolve));
    await writeFile(join(data, 'store.json'), JSON.stringify({ pid: dead.pid, command: 'serve', endpoint: 'http://127.0.0.1:9', startedAt: '2026-01-01T00:00:00Z' }));
    const listed = await cli('keys', 'list', '--data-dir', data);
    noStackTrace(listed.stderr);
    expect(listed.code).toBe(0);
    expect(existsSync(join(data, 'store.json'))).toBe(false);
    // A garbled file (a full disk, say) is removed after a short wait rather than blocking for ever.
    await writeFile(join(data, 'store.json'), '{"pid":');
    const again = await cli('keys', 'list', '--data-dir', data);
    expect(again.code).toBe(0);
    expect(existsSync(join(data, 'store.json'))).toBe(false);
  }, 60_000);

  it('a process that holds the files without sharing them gets one clear line, not a stack trace', async () => {
    const holder = spawn(
      process.execPath,
      ['-e', `const { ClassicLevel } = require('classic-level'); const db = new ClassicLevel(${JSON.stringify(join(data, 'dynamo'))}); db.open().then(() => { console.log('held'); setTimeout(() => {}, 60000); });`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => holder.stdout!.once('data', resolve));
    try {
      const r = await cli('ask', 'What moved this month?', '--data-dir', data);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^marquee ask: the data dir .* is in use by another process that does not share its store/);
      noStackTrace(r.stderr);
    } finally {
      holder.kill();
    }
  }, 60_000);

  it('--version prints the package version', async () => {
    const v = await cli('--version');
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
