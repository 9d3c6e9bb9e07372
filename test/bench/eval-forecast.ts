// Backtests the opening forecast over the demo's past openings (its box-office charts, Oct 30 – Nov 20, 2026):
// each forecast as of 7 days before the opening, from the trailer views and page views recorded by then.
// Run: npm run eval:forecast   (options: --days-before N, --json)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../shared/config/app-config.js';
import { crawlWorkspace } from '../../shared/ingest/crawl-workspace.js';
import { updateInterest } from '../../shared/interest/update-interest.js';
import { backtestForecasts, type BacktestResult } from '../../shared/interest/backtest.js';
import { formatMoney } from '../../shared/interest/forecast.js';
import { localDate } from '../../shared/util/week.js';
import { openLocalRuntime } from '../../functions/local/local-runtime.js';
import { seedDemoInterest, startDemo } from '../../functions/local/demo.js';

const args = process.argv.slice(2);
const daysBefore = Number(args[args.indexOf('--days-before') + 1] ?? 7) || 7;
const json = args.includes('--json');
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);

/** The demo's openings with their interest recorded, in an in-memory store; then both backtests. */
export async function evalForecast(days = 7): Promise<BacktestResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-eval-forecast-'));
  const demo = await startDemo();
  const runtime = await openLocalRuntime(resolveConfig({}, { dataDir: dir, outDir: join(dir, 'out') }), demo.workspace, { inMemory: true });
  try {
    const ws = demo.workspace;
    await seedDemoInterest(runtime);
    await crawlWorkspace(ws, runtime, { force: true });
    const asOf = new Date(ws.clock!);
    // Links the videos to their titles (the cycle's interest step), then forecasts each past opening again.
    await updateInterest(ws, { interest: runtime.interest, analysis: runtime.analysis, store: runtime.store, linker: runtime.linker }, asOf);
    const today = localDate(asOf, ws.timezone);
    const deps = { interest: runtime.interest, analysis: runtime.analysis, store: runtime.store };
    return [await backtestForecasts(ws, deps, { mode: 'leave-one-out', daysBefore: days, today }), await backtestForecasts(ws, deps, { mode: 'time-ordered', daysBefore: days, today })];
  } finally {
    await runtime.close();
    await demo.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await evalForecast(daysBefore);
  if (json) console.log(JSON.stringify(results, null, 2));
  else {
    for (const r of results) {
      console.log(`\n${r.mode}, forecast ${r.daysBefore} days before each opening`);
      for (const row of r.rows) {
        const f = row.forecast;
        console.log(
          `  ${row.opened}  ${row.title.padEnd(32).slice(0, 32)} actual ${formatMoney(row.actual).padStart(7)}  ` +
            (f
              ? `forecast ${formatMoney(f.mid).padStart(7)} (${formatMoney(f.low)}–${formatMoney(f.high)}, ${f.confidence})  APE ${pct(row.ape).padStart(6)}${row.inRange ? ' in range' : ''}  comps-only ${formatMoney(row.baseline!)} (${pct(row.baselineApe)})`
              : `no forecast: ${row.reason}`),
        );
      }
      console.log(
        `  MdAPE ${pct(r.mape)} over ${r.forecasts} of ${r.openings} openings (comps' median opening alone: ${pct(r.baselineMape)}); ${r.inRange} of ${r.forecasts} actuals inside the range`,
      );
    }
    console.log('\ncommand: npm run eval:forecast');
  }
}
