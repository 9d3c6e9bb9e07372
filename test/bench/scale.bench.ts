// bench:scale: workspaces 1×, 10× and 50× the demo, served over local HTTP with conditional GET; a cold, a second and a no-change cycle each, in fresh processes.
// Run: npm run bench:scale [-- --sizes 1,10,50 --runs 2 --query-seconds 4 | --no-query] [--keep: leave each size's folder (site, data dir, outputs) for inspection] [--profile DIR: CPU profiles of every cycle, one folder per size and cycle, the store's own process in its 'store' folder]
//      [--store process|inline: the embedded store in its own process (the default, as `marquee run`) or in the cycle's]
import { spawn, execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import { startStaticSite } from '../../shared/local/static-site.server.js';
import { buildScaleSite, copyDemoExtras, writeSiteFiles } from './scale/scale-site.js';
import type { CycleFigures } from './scale/cycle.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const CYCLE = join(import.meta.dirname, 'scale/cycle.ts');
const CLI = join(ROOT, 'functions/cli/marquee.mjs');
const CYCLES = ['cold', 'second', 'no-change'] as const;
type CycleKind = (typeof CYCLES)[number];

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,10,50' },
    keep: { type: 'boolean', default: false },
    runs: { type: 'string', default: '2' },
    'query-seconds': { type: 'string', default: '4' },
    'no-query': { type: 'boolean', default: false },
    profile: { type: 'string' },
    store: { type: 'string', default: 'process' },
  },
});
const SIZES = args.sizes!.split(',').map((s) => Number(s.trim()));
const RUNS = Number(args.runs);
const QUERY_SECONDS = Number(args['query-seconds']);
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', MARQUEE_API_RATE_LIMIT: '10000000' };
for (const key of Object.keys(env)) if (key.startsWith('MARQUEE_') && key !== 'MARQUEE_API_RATE_LIMIT') delete (env as Record<string, string | undefined>)[key];

interface QueryFigures {
  readP95: number;
  askP95: number;
}

/** One cycle in a fresh process (cold caches): the figures it prints. With `profile`, CPU profiles of it (and of its store's process, in `store/`) land in that folder. */
async function cycle(workspace: string, data: string, out: string, profile?: string): Promise<CycleFigures> {
  const prof = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  const { stdout } = await run(process.execPath, [...prof, '--import', 'tsx', CYCLE, '--workspace', workspace, '--data-dir', data, '--out', out, '--store', args.store!], {
    env: profile ? { ...env, MARQUEE_STORE_CPU_PROF: join(profile, 'store') } : env,
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CycleFigures;
}

function p95(latencies: number[]): number {
  const s = [...latencies].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? NaN;
}

async function load(url: string, key: string, opts: Partial<autocannon.Options>): Promise<number> {
  const latencies: number[] = [];
  // A request still unanswered at the end is not counted by autocannon: the timeout makes a slow route show as slow, not as nothing.
  await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = { url, connections: 20, duration: QUERY_SECONDS, timeout: 30, headers: { authorization: `Bearer ${key}` }, ...opts };
    if (options.amount) delete options.duration; // a number of requests, however long they take
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_c: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  return latencies.length ? p95(latencies) : Infinity;
}

/** `marquee serve` over the cycle's data with the response cache off; p95 at 20 connections for a read route and for ask. */
async function query(workspace: string, data: string): Promise<QueryFigures> {
  const created = await run(process.execPath, [CLI, 'keys', 'create', 'bench', '--workspace', workspace, '--data-dir', data], { env, cwd: ROOT });
  const key = created.stdout.trim().split('\n').at(-1)!;
  const server = spawn(process.execPath, [CLI, 'serve', '--workspace', workspace, '--data-dir', data, '--port', '0'], {
    env: { ...env, MARQUEE_API_CACHE_SECONDS: '0' },
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /web page\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    await load(`${base}/v1/events`, key, { duration: 1 }); // warm-up
    const readP95 = await load(`${base}/v1/events?limit=20`, key, {});
    // A fixed number of questions rather than a time window: a slow answer still counts (autocannon drops replies still in flight at the end).
    const questions = [
      { method: 'POST' as const, path: '/v1/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'What did Lionsgate announce since October?' }) },
      { method: 'POST' as const, path: '/v1/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Any new trailers this week?' }) },
    ];
    // Warmed as the read route is (a second at 20 connections, after one request of each question alone): the first asks
    // after start load the read model's partitions (0.5–2 s, reported by bench:query as "first requests after start"),
    // and the next ones still run cold code; 60 samples right after 4 warm-up asks measured that start, not the route
    // (p95 184 ms at 50×, against 24 ms on the same data once warm). 200 samples, a fixed number: a slow answer still counts.
    await load(`${base}/v1/ask`, key, { amount: 2, connections: 1, timeout: 120, requests: questions });
    await load(`${base}/v1/ask`, key, { duration: 1, timeout: 120, requests: questions });
    const askP95 = await load(`${base}/v1/ask`, key, { amount: 200, timeout: 120, requests: questions });
    return { readP95, askP95 };
  } finally {
    const stopped = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await stopped;
  }
}

interface SizeRun {
  items: number;
  sources: number;
  cycles: Record<CycleKind, CycleFigures>;
  query: QueryFigures | null;
}

/** Generates the workspace, serves it, runs the three cycles (and the query step) in a fresh data dir. */
async function runSize(size: number): Promise<SizeRun> {
  const dir = await mkdtemp(join(tmpdir(), `marquee-scale-${size}x-`));
  const siteDir = join(dir, 'site');
  const site = await buildScaleSite(size);
  await writeSiteFiles(siteDir, site.cold);
  await copyDemoExtras(siteDir, join(ROOT, 'config/demo/site'));
  const server = await startStaticSite(siteDir);
  try {
    const workspace = join(dir, 'workspace.json');
    await writeFile(workspace, JSON.stringify({ ...site.workspace, baseUrl: server.baseUrl }, null, 1));
    const data = join(dir, 'data');
    const out = join(dir, 'out');
    const cycles = {} as Record<CycleKind, CycleFigures>;
    cycles.cold = await cycle(workspace, data, out, args.profile ? join(args.profile, `${size}x-cold`) : undefined);
    await writeSiteFiles(siteDir, site.next); // the next poll: each copy's latest items appear
    cycles.second = await cycle(workspace, data, out, args.profile ? join(args.profile, `${size}x-second`) : undefined);
    cycles['no-change'] = await cycle(workspace, data, out, args.profile ? join(args.profile, `${size}x-no-change`) : undefined);
    const q = args['no-query'] ? null : await query(workspace, data);
    return { items: site.coldItems + site.nextItems, sources: site.workspace.sources.length, cycles, query: q };
  } finally {
    await server.close();
    if (args.keep) console.log(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const secs = (ms: number) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2));

async function main(): Promise<void> {
  const command = `npm run bench:scale${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const load0 = loadavg()[0]!.toFixed(1);
  console.log(`bench:scale — node ${process.version}, ${cpus().length} cores (shared with other work: figures are noisy), load average ${load0} at start`);
  console.log(`sizes ${SIZES.join(', ')}×; ${RUNS} run(s) each, median reported; every cycle in a fresh process, a fresh data dir per size and run; embedded store ${args.store === 'inline' ? 'in the cycle\'s process' : 'in its own process'}\n`);
  const results = new Map<number, SizeRun[]>();
  for (let r = 0; r < RUNS; r++) {
    for (const size of SIZES) {
      const t0 = Date.now();
      const res = await runSize(size);
      (results.get(size) ?? results.set(size, []).get(size)!).push(res);
      const c = res.cycles;
      console.log(`run ${r + 1}, ${size}×: cold ${secs(c.cold.ms.cycle)} s (${c.cold.newItems} new), second ${secs(c.second.ms.cycle)} s (${c.second.newItems} new), no-change ${secs(c['no-change'].ms.cycle)} s; pending after cold ${c.cold.pendingAfter}; sources failed ${c.cold.sources.errors}${res.query ? `; query p95 read ${res.query.readP95.toFixed(0)} ms, ask ${res.query.askP95.toFixed(0)} ms` : ''} (${((Date.now() - t0) / 1000).toFixed(0)} s with generation)`);
    }
  }

  const med = (size: number, kind: CycleKind, f: (c: CycleFigures) => number) => median(results.get(size)!.map((r) => f(r.cycles[kind])));
  const base = SIZES.includes(1) ? 1 : SIZES[0]!;
  const ratio = (v: number, b: number) => (b > 0 && Number.isFinite(v / b) ? ` (${(v / b).toFixed(1)}×)` : '');
  console.log(`\nMedian of ${RUNS} run(s); (n×) = ratio to the ${base}× figure of the same cycle. Stage times in seconds, throughput in new items per second.`);
  console.log('"store": crawl time waiting on the store alone (a store call in flight, no fetch); "analysis": from analysis to alerts (clustering, analyst, calendar, collisions, briefs); RSS: the cycle process plus the embedded store\'s own process when it has one.\n');
  const header = ['size', 'cycle', 'sources', 'new items', 'crawl s', 'store s', 'analysis s', 'alerts s', 'digest s', 'cycle s', 'crawl items/s', 'store items/s', 'analysis items/s', 'peak RSS MiB', 'pending after'];
  const rows: string[][] = [];
  for (const kind of CYCLES) {
    for (const size of SIZES) {
      const m = (f: (c: CycleFigures) => number) => med(size, kind, f);
      const b = (f: (c: CycleFigures) => number) => med(base, kind, f);
      const cell = (f: (c: CycleFigures) => number, fmt: (v: number) => string = (v) => secs(v)) => `${fmt(m(f))}${size === base ? '' : ratio(m(f), b(f))}`;
      const rate = (f: (c: CycleFigures) => number) => (c: CycleFigures) => (f(c) > 0 ? c.newItems / (f(c) / 1000) : 0);
      const rss = (c: CycleFigures) => c.peakRssMiB + (c.storeRssMiB ?? 0);
      rows.push([
        `${size}×`,
        kind,
        String(results.get(size)![0]!.sources),
        cell((c) => c.newItems, (v) => String(Math.round(v))),
        cell((c) => c.ms.crawl),
        cell((c) => c.ms.store),
        cell((c) => c.ms.analysis),
        cell((c) => c.ms.alerts),
        cell((c) => c.ms.digest),
        cell((c) => c.ms.cycle),
        m((c) => c.newItems) > 0 ? String(Math.round(m(rate((c) => c.ms.crawl)))) : '–',
        m((c) => c.newItems) > 0 ? String(Math.round(m(rate((c) => c.ms.store)))) : '–',
        m((c) => c.analyzed) > 0 ? String(Math.round(median(results.get(size)!.map((r) => r.cycles[kind].analyzed / (r.cycles[kind].ms.analysis / 1000))))) : '–',
        cell(rss, (v) => v.toFixed(0)),
        String(Math.max(...results.get(size)!.map((r) => r.cycles[kind].pendingAfter))),
      ]);
    }
  }
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  console.log('\nAnalysis stage of the cold cycle (first run), ms: analyzeItems phases (read = items, stories and the read-ahead; hints; cluster; analyst; write), then the rest of the stage (slate, collisions, surprises, briefs):');
  for (const size of SIZES) {
    const cold = results.get(size)![0]!.cycles.cold;
    console.log(`  ${size}×: ${Object.entries(cold.analysisPhases).map(([k, v]) => `${k} ${v}`).join(', ')}; ${cold.stories} stories, ${cold.events} events`);
  }

  console.log('\nCPU time of each cycle (median of the runs), s: the cycle\'s process (all its threads: the cycle and the analyst\'s reading worker) + the store\'s own process = in all, against the cycle\'s wall time on 2 cores:');
  for (const size of SIZES) {
    const line = CYCLES.map((kind) => {
      const cycle = med(size, kind, (c) => c.cpuMs.cycle) / 1000;
      const store = med(size, kind, (c) => c.cpuMs.store ?? NaN) / 1000;
      const wall = med(size, kind, (c) => c.ms.cycle) / 1000;
      return `${kind} ${cycle.toFixed(1)} + ${store.toFixed(1)} = ${(cycle + store).toFixed(1)} (wall ${wall.toFixed(1)})`;
    });
    console.log(`  ${size}×: ${line.join('; ')}`);
    const cold = results.get(size)![0]!.cycles.cold;
    console.log(`       cold, first run, by stage (cycle + store): ${Object.entries(cold.cpuByStage).filter(([, v]) => v).map(([k, v]) => `${k} ${(v!.cycle / 1000).toFixed(1)} + ${((v!.store ?? NaN) / 1000).toFixed(1)}`).join(', ')}`);
  }

  console.log('\nDynamoDB requests of the cold cycle (first run) per new item, by stage and operation:');
  for (const size of SIZES) {
    const c = results.get(size)![0]!.cycles.cold;
    const n = Math.max(1, c.newItems);
    const per = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1]).map(([op, k]) => `${op} ${(k / n).toFixed(2)}`).join(', ');
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    const all = Object.values(c.requests).reduce((t, r) => t + sum(r), 0);
    console.log(`  ${size}×: ${(all / n).toFixed(2)} in all; ${Object.entries(c.requests).map(([stage, r]) => `${stage} ${(sum(r) / n).toFixed(2)} (${per(r) || 'none'})`).join('; ')}`);
    const rows = Object.values(c.rowsWritten ?? {}).reduce((a, b) => a + b, 0);
    console.log(`       rows written: ${rows} (${(rows / n).toFixed(2)} per new item; ${Object.entries(c.rowsWritten ?? {}).map(([stage, k]) => `${stage} ${k}`).join(', ')})`);
  }

  console.log('\nDynamoDB requests of the no-change cycle (first run), by stage and operation (what a cycle costs when nothing changed):');
  for (const size of SIZES) {
    const c = results.get(size)![0]!.cycles['no-change'];
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    const per = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1]).map(([op, k]) => `${op} ${k}`).join(', ');
    console.log(`  ${size}×: ${Object.entries(c.requests).map(([stage, r]) => `${stage} ${sum(r)} (${per(r) || 'none'})`).join('; ')}`);
  }

  if (!args['no-query']) {
    console.log(`\nQuery side over the data of each size, response cache off (MARQUEE_API_CACHE_SECONDS=0), 20 connections (read route for ${QUERY_SECONDS} s, ask for 200 questions, two of them alternating, after a second of them at 20 connections as the read route has), median p95 (bench:query measures more routes and questions for longer); the query side is another piece of work of this issue, reported here for it:`);
    console.log('| size | GET /v1/events?limit=20 p95 ms | POST /v1/ask p95 ms |');
    console.log('| --- | --- | --- |');
    for (const size of SIZES) {
      const rs = results.get(size)!.map((r) => r.query!);
      const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : 'no reply');
      const read = median(rs.map((q) => q.readP95));
      const ask = median(rs.map((q) => q.askP95));
      const b = results.get(base)!.map((r) => r.query!);
      console.log(`| ${size}× | ${fmt(read)}${size === base ? '' : ratio(read, median(b.map((q) => q.readP95)))} | ${fmt(ask)}${size === base ? '' : ratio(ask, median(b.map((q) => q.askP95)))} |`);
    }
  }

  // The issue's targets for the cycle (the query side's come with its own work).
  const cold = (s: number) => med(s, 'cold', (c) => c.ms.cycle);
  const idle = (s: number) => med(s, 'no-change', (c) => c.ms.cycle);
  const top = Math.max(...SIZES);
  if (top !== base) {
    console.log(`\ntargets: ${top}× cold cycle ${secs(cold(top))} s = ${(cold(top) / cold(base)).toFixed(1)}× the ${base}× cold cycle (≤ 4×, ≤ 20 s); no-change ${(idle(top) / idle(base)).toFixed(2)}× (≤ 1.5×); pending after every cold cycle: ${Math.max(...SIZES.flatMap((s) => results.get(s)!.map((r) => r.cycles.cold.pendingAfter)))} (0)`);
  }
  console.log(`command: ${command}`);
}

await main();
