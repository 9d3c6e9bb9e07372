// Chart benchmark: the digest chart rendered by resvg's WebAssembly build (what ships) and by the native addon it
// replaced (a devDependency now, system fonts as before): cold = a fresh node importing and rendering once, warm = median render.
// Run: npm run bench:chart   (= npx tsx test/bench/chart.bench.ts)
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../infra/constructs/marquee-function.construct.js';

const RUNS = 5;
const WARM = 20;
const series = {
  weekends: ['2026-11-06', '2026-11-13', '2026-11-20', '2026-11-27'],
  titles: ['Glimmerglass', 'Skyward Sprocket', 'Night Ferry', 'Salt Year', 'The Lantern Keeper'].map((title, k) => ({ title, grosses: [40, 30, 20, 10].map((g) => (g + k) * 1_000_000) })),
};
const chartModule = pathToFileURL(join(PROJECT_ROOT, 'shared/delivery/digest/chart.ts')).href;

const scripts = {
  wasm: `const t0 = performance.now(); const { renderBoxOfficeChart } = await import(${JSON.stringify(chartModule)}); const s = ${JSON.stringify(series)};
await renderBoxOfficeChart(s); const cold = performance.now() - t0; const w = [];
for (let i = 0; i < ${WARM}; i++) { const t = performance.now(); await renderBoxOfficeChart(s); w.push(performance.now() - t); }
w.sort((a, b) => a - b); process.stdout.write(JSON.stringify({ cold, warm: w[${WARM} >> 1] }));`,
  native: `const t0 = performance.now(); const { Resvg } = await import('@resvg/resvg-js'); const { boxOfficeChartSvg } = await import(${JSON.stringify(chartModule)}); const svg = boxOfficeChartSvg(${JSON.stringify(series)});
const render = () => Buffer.from(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' }).render().asPng());
render(); const cold = performance.now() - t0; const w = [];
for (let i = 0; i < ${WARM}; i++) { const t = performance.now(); render(); w.push(performance.now() - t); }
w.sort((a, b) => a - b); process.stdout.write(JSON.stringify({ cold, warm: w[${WARM} >> 1] }));`,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`npm run bench:chart — Node ${process.version}, ${RUNS} fresh processes each (cold: import + first render), warm: median of ${WARM} renders`);
for (const [name, script] of Object.entries(scripts)) {
  const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' })) as { cold: number; warm: number });
  console.log(`${name.padEnd(7)} cold ${median(runs.map((r) => r.cold)).toFixed(0)} ms   warm ${median(runs.map((r) => r.warm)).toFixed(1)} ms`);
}
