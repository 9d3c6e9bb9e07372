// Benchmark of the query API: the demo cycle into a fresh data dir, `marquee serve` in its own process, autocannon at 20 connections per route.
// Run: npm run bench:query   (prints requests/s and p50/p95/p99 latency per route; target p95 ≤ 50 ms on read routes)
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../functions/cli/marquee.mjs');
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 6);
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', MARQUEE_API_RATE_LIMIT: '10000000' };

const QUESTIONS = [
  'What did Lionsgate announce since October?',
  'What opens against our title on March 12?',
  'How did horror do over the last four weekends?',
  'Any new trailers this week?',
  'How did Glimmerglass open?',
  'What acquisitions happened last month?',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(url: string, key: string, name: string, opts: Partial<autocannon.Options>) {
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: DURATION_S, headers: { authorization: `Bearer ${key}` }, ...opts },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    route: name,
    'req/s': Math.round(result.requests.average),
    requests: latencies.length,
    'p50 ms': +percentile(latencies, 50).toFixed(1),
    'p95 ms': +percentile(latencies, 95).toFixed(1),
    'p99 ms': +percentile(latencies, 99).toFixed(1),
    non2xx: non2xx + result.errors,
  };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-bench-query-'));
  const data = join(dir, 'data');
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const t0 = Date.now();
    await run(process.execPath, [CLI, 'run', '--once', '--data-dir', data, '--out', join(dir, 'out'), '--json'], { env, maxBuffer: 64 << 20 });
    console.log(`demo cycle into ${data}: ${Date.now() - t0} ms`);
    const created = await run(process.execPath, [CLI, 'keys', 'create', 'bench', '--data-dir', data], { env });
    const key = created.stdout.trim().split('\n').at(-1)!;
    const reads: Array<[string, string]> = [
      ['GET /v1/events', '/v1/events?limit=20'],
      ['GET /v1/events?studio=', '/v1/events?studio=Lionsgate&from=2026-09-01&limit=20'],
      ['GET /v1/releases', '/v1/releases'],
      ['GET /v1/boxoffice', '/v1/boxoffice'],
      ['GET /v1/boxoffice?title=', '/v1/boxoffice?title=Glimmerglass'],
      ['GET /v1/digests/latest', '/v1/digests/latest'],
      ['GET /v1/sources', '/v1/sources'],
    ];
    for (const cacheSeconds of [10, 0]) {
      server = spawn(process.execPath, [CLI, 'serve', '--data-dir', data, '--port', '0'], {
        env: { ...env, MARQUEE_API_CACHE_SECONDS: String(cacheSeconds) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        server!.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /web page\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        server!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const label = cacheSeconds ? `response cache ${cacheSeconds} s (the default)` : 'response cache off (MARQUEE_API_CACHE_SECONDS=0): every request reads the store';
      console.log(`\nmarquee serve at ${base}, ${label}; autocannon ${CONNECTIONS} connections, ${DURATION_S} s per route, node ${process.version}`);
      // One short warm-up so per-process caches (key lookups, title vocabulary, genres) are as in a running server.
      await measure(`${base}/v1/events`, key, 'warm-up', { duration: 1 });
      const rows = [];
      for (const [name, path] of reads) rows.push(await measure(`${base}${path}`, key, name, {}));
      rows.push(
        await measure(`${base}/v1/ask`, key, 'POST /v1/ask (embedded)', {
          requests: QUESTIONS.map((q) => ({ method: 'POST', path: '/v1/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) })),
        }),
      );
      console.table(rows);
      const worst = Math.max(...rows.filter((r) => r.route.startsWith('GET')).map((r) => r['p95 ms']));
      console.log(`read routes: worst p95 ${worst} ms (target ≤ 50 ms) → ${worst <= 50 ? 'met' : 'missed'}`);
      const stopped = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await stopped;
      server = undefined;
    }
    console.log('command: npm run bench:query');
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
