// One cycle of bench:scale in its own process: the local runtime and the same runCycle as `marquee run --once`, timed per stage.
// Run by test/bench/scale.bench.ts: tsx test/bench/scale/cycle.ts --workspace ws.json --data-dir DIR --out DIR [--store process|inline]
import { parseArgs } from 'node:util';
import { resolveConfig } from '../../../shared/config/app-config.js';
import { loadWorkspaceFile } from '../../../shared/config/workspace-file.js';
import { runCycle } from '../../../shared/cycle/run-cycle.js';
import { openLocalRuntime } from '../../../functions/local/local-runtime.js';

export interface CycleFigures {
  newItems: number;
  duplicates: number;
  sources: { ok: number; notModified: number; errors: number };
  analyzed: number;
  /** analyzeItems' own phases (ms), and the rest of the analysis stage (slate, collisions, surprises, briefs). */
  analysisPhases: Record<string, number>;
  stories: number;
  events: number;
  /** Wall time of each stage (ms); `store` is the part of the crawl waiting on the store alone. */
  ms: { crawl: number; store: number; analysis: number; alerts: number; digest: number; cycle: number; startup: number };
  /** Peak resident set of this process, and of the embedded store's own process when it has one (MiB). */
  /** DynamoDB requests by stage and operation. */
  requests: Record<Stage, Record<string, number>>;
  /** Rows written (put or deleted) by stage: what the store has to absorb. */
  rowsWritten: Record<Stage, number>;
  /** CPU time during the cycle (ms): this process (all its threads: the cycle and the analyst's reading worker), and the store's own process. */
  cpuMs: { cycle: number; store: number | null };
  /** The same by stage (ms). */
  cpuByStage: Record<string, { cycle: number; store: number | null } | null>;
  peakRssMiB: number;
  storeRssMiB: number | null;
  pendingAfter: number;
}

type Stage = 'crawl' | 'analysis' | 'alerts' | 'digest';

/**
 * Wall time during which the crawl waits on the store alone: a store call in flight and no fetch in
 * flight (with 4 sources crawled at once, some store call is nearly always in flight).
 */
class StoreClock {
  ms = 0;
  private store = 0;
  private fetches = 0;
  private since = 0;
  on = false;

  private change(update: () => void): void {
    const now = performance.now();
    if (this.store > 0 && this.fetches === 0) this.ms += now - this.since;
    update();
    this.since = now;
  }

  /** `target` with every method timed as a store call (`kind: 'store'`) or a fetch. */
  wrap<T extends object>(target: T, kind: 'store' | 'fetch'): T {
    const clock = this;
    return new Proxy(target, {
      get(obj, prop, receiver) {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (!clock.on) return (value as (...a: unknown[]) => unknown).apply(obj, args);
          clock.change(() => (kind === 'store' ? clock.store++ : clock.fetches++));
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
          } finally {
            clock.change(() => (kind === 'store' ? clock.store-- : clock.fetches--));
          }
        };
      },
    });
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { values } = parseArgs({ options: { workspace: { type: 'string' }, 'data-dir': { type: 'string' }, out: { type: 'string' }, store: { type: 'string', default: 'process' } } });
  let peak = process.memoryUsage.rss();
  // memoryUsage.rss() alone: memoryUsage() walks the heap spaces, a measurable cost at 40 samples a second.
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const config = resolveConfig(process.env, { dataDir: values['data-dir'], outDir: values.out, embeddedStore: values.store === 'inline' ? 'inline' : 'process' });
  const workspace = await loadWorkspaceFile(values.workspace!);
  const runtime = await openLocalRuntime(config, workspace);
  try {
    const startup = performance.now() - t0;
    const marks: Partial<Record<Stage, number>> = {};
    type CpuSample = { cycle: number; store: number | null };
    // CPU used so far (ms): this process (all its threads) and the store's own process.
    const cpuNow = (): CpuSample => {
      const c = process.cpuUsage();
      return { cycle: (c.user + c.system) / 1000, store: runtime.storeProcessCpuMs() };
    };
    const cpuSpent = (from: CpuSample, to: CpuSample): CpuSample => ({ cycle: to.cycle - from.cycle, store: from.store !== null && to.store !== null ? to.store - from.store : null });
    const cpuMarks: Partial<Record<Stage, CpuSample>> = {};
    const storeClock = new StoreClock();
    const requests: CycleFigures['requests'] = { crawl: {}, analysis: {}, alerts: {}, digest: {} };
    const rowsWritten: CycleFigures['rowsWritten'] = { crawl: 0, analysis: 0, alerts: 0, digest: 0 };
    let stage: Stage = 'crawl';
    // Every DynamoDB request of the cycle, by operation (the document client sends them all through one stack).
    runtime.store.tableAccess.doc.middlewareStack.add(
      (next, context) => async (input) => {
        const into = requests[stage];
        const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        into[op] = (into[op] ?? 0) + 1;
        if (op === 'BatchWriteItem') {
          const items = (input.input as { RequestItems?: Record<string, unknown[]> }).RequestItems ?? {};
          rowsWritten[stage] += Object.values(items).reduce((n, list) => n + list.length, 0);
        } else if (op === 'PutItem' || op === 'UpdateItem' || op === 'DeleteItem') rowsWritten[stage]++;
        return next(input);
      },
      { step: 'initialize', name: 'benchRequestCounter' },
    );
    const started = performance.now();
    const cpuStart = cpuNow();
    const report = await runCycle(
      workspace,
      {
        ...runtime,
        store: storeClock.wrap(runtime.store, 'store'),
        pending: storeClock.wrap(runtime.pending, 'store'),
        fetcher: storeClock.wrap(runtime.fetcher, 'fetch'),
      },
      {
        force: true,
        concurrency: config.crawlConcurrency,
        onStage: (s) => {
          storeClock.on = s === 'crawl';
          stage = s;
          marks[s] = performance.now();
          cpuMarks[s] = cpuNow();
        },
      },
    );
    const ended = performance.now();
    const cpuEnd = cpuNow();
    const span = (a: Stage, b: Stage | null) => (b ? marks[b]! : ended) - marks[a]!;
    const pendingAfter = (await runtime.analysis.listPending(1_000_000)).length;
    clearInterval(sampler);
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
    const storeRss = runtime.storeProcessPeakRss();
    const figures: CycleFigures = {
      newItems: report.crawl.totals.newItems,
      duplicates: report.crawl.totals.duplicates,
      sources: { ok: report.crawl.totals.ok, notModified: report.crawl.totals.notModified, errors: report.crawl.totals.errors },
      analyzed: report.analysis.items,
      analysisPhases: { ...report.analysis.phases, other: Math.round(span('analysis', 'alerts') - report.analysis.durationMs) },
      stories: report.analysis.stories,
      events: report.analysis.events,
      ms: {
        crawl: span('crawl', 'analysis'),
        store: storeClock.ms,
        analysis: span('analysis', 'alerts'),
        alerts: span('alerts', 'digest'),
        digest: span('digest', null),
        cycle: ended - started,
        startup,
      },
      requests,
      rowsWritten,
      cpuMs: cpuSpent(cpuStart, cpuEnd),
      cpuByStage: Object.fromEntries(
        (['crawl', 'analysis', 'alerts', 'digest'] as const).map((st, i, all) => {
          const from = cpuMarks[st];
          const to = all.slice(i + 1).map((n) => cpuMarks[n]).find(Boolean) ?? cpuEnd;
          return [st, from ? cpuSpent(from, to) : null];
        }),
      ),
      peakRssMiB: peak / 1024 / 1024,
      storeRssMiB: storeRss ? storeRss / 1024 / 1024 : null,
      pendingAfter,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await runtime.close();
  }
}

await main();
