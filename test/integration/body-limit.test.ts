// Request bodies are capped before they are read, on every route (signed /flag, /v1 with or without a key, unknown
// routes), chunked or not: a real local server answers 413 and its memory stays bounded (issue 15, defect 6).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../shared/config/app-config.js';
import { openLocalRuntime, type LocalRuntime } from '../../functions/local/local-runtime.js';
import { startDemo, type RunningDemo } from '../../functions/local/demo.js';
import { buildQuerySide, startQueryServer, type RunningServer } from '../../functions/local/query-app.js';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { flagLink } from '../../shared/feedback/flag-links.js';
import { MAX_BODY_BYTES } from '../../functions/http/app.js';

let demo: RunningDemo;
let runtime: LocalRuntime;
let server: RunningServer;
let key: string;

beforeAll(async () => {
  demo = await startDemo();
  const config = resolveConfig({}, { dataDir: '/nonexistent-unused', linkSecret: 'a-test-secret-of-enough-length' });
  runtime = await openLocalRuntime(config, demo.workspace, { inMemory: true });
  const side = buildQuerySide({ ...config, apiCacheSeconds: 0 }, demo.workspace, runtime);
  server = await startQueryServer(side.app, 0);
  key = (await createApiKey(runtime.keys, 'limits')).key;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await runtime?.close();
  await demo?.close();
});

interface Sent {
  status: number;
  connection: string | undefined;
  bytesSent: number;
  body: string;
}

/**
 * POSTs `total` bytes (chunked unless `contentLength`) and stops writing as soon as the server answers;
 * resolves with the status and how much was sent by then.
 */
function post(path: string, total: number, opts: { contentLength?: boolean; headers?: Record<string, string> } = {}): Promise<Sent> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 'reason=' + 'x'.repeat(100));
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.contentLength ? { 'content-length': String(total) } : {}), ...opts.headers },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, connection: res.headers.connection, bytesSent: sent, body });
        req.destroy();
      });
    });
    req.on('error', (err) => {
      // The server may close the connection while we are still writing: fine once it has answered.
      if (!answered) reject(err);
    });
    const pump = () => {
      while (!answered && sent < total) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request body limit', () => {
  it('answers 413 to a 160 MB chunked POST /flag (no key needed) while its memory stays bounded', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const r = await post('/flag', 160 * 1024 * 1024);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(r.status).toBe(413);
    expect(r.connection).toBe('close');
    // The server stopped reading well before the end: the client could not push the whole body.
    expect(r.bytesSent).toBeLessThan(160 * 1024 * 1024);
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
  }, 60_000);

  it('answers 413 from the declared Content-Length alone, before reading the body', async () => {
    const r = await post('/flag', 10 * 1024 * 1024, { contentLength: true });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: expect.stringMatching(/larger than/) });
  });

  it('caps /v1 routes with and without a key, and unknown routes', async () => {
    expect((await post('/v1/flags', 2 * 1024 * 1024)).status).toBe(413);
    expect((await post('/v1/flags', 2 * 1024 * 1024, { headers: { authorization: `Bearer ${key}` } })).status).toBe(413);
    expect((await post('/v1/ask', 64 * 1024, { headers: { authorization: `Bearer ${key}` } })).status).toBe(413);
    expect((await post('/no-such-route', 2 * 1024 * 1024)).status).toBe(413);
  });

  it('still reads a small body: a signed flag form under the limit is recorded', async () => {
    const t = new URL(flagLink('http://127.0.0.1', 'a-test-secret-of-enough-length', { kind: 'event', id: 'ev_missing' }, 'someone@example.com', new Date())).searchParams.get('t')!;
    const body = new URLSearchParams({ t, reason: 'y'.repeat(900) }).toString();
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    const r = await fetch(`${server.url}/flag`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    // No cycle ran in this store: the target is unknown (404), which proves the form was read whole and checked.
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('Not found');
  });
});
