// Bundle benchmark: builds each Lambda entry exactly as MarqueeFunction does (same esbuild options), prints size and cold import time.
// Run: npm run bench:bundles   (= npx tsx test/bench/bundles.bench.ts)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { LAMBDA_ENTRIES, PROJECT_ROOT, bundleOptions, type LambdaName } from '../../infra/constructs/marquee-function.construct.js';

const COMMAND = 'npm run bench:bundles';
const RUNS = 5;
const OUT_DIR = join(PROJECT_ROOT, '.tmp', 'bench-bundles');
/** Bundle-size targets in KB (issue 6: crawl worker <= 500 KB, functions with LangChain <= 4 MB; issue 12: the query API with createAgent < 4 MB). */
const TARGET_KB: Partial<Record<LambdaName, number>> = { crawlSource: 500, analyzeItems: 4096, queryApi: 4096 };

/** A function's bundle options (infra's bundleOptions) as esbuild API options. */
function esbuildOptions(name: LambdaName, entry: string, outfile: string): BuildOptions {
  const BUNDLE_OPTIONS = bundleOptions(name);
  return {
    entryPoints: [join(PROJECT_ROOT, entry)],
    outfile,
    bundle: BUNDLE_OPTIONS.bundle,
    platform: BUNDLE_OPTIONS.platform,
    format: BUNDLE_OPTIONS.format,
    target: BUNDLE_OPTIONS.target,
    minify: BUNDLE_OPTIONS.minify,
    sourcemap: BUNDLE_OPTIONS.sourcemap,
    sourcesContent: BUNDLE_OPTIONS.sourcesContent,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    banner: { ...BUNDLE_OPTIONS.banner },
    external: [...BUNDLE_OPTIONS.external],
    alias: { ...BUNDLE_OPTIONS.alias },
    logLevel: BUNDLE_OPTIONS.logLevel,
    metafile: true,
  };
}

/** The esbuild command line NodejsFunction runs for the same options (as `cdk synth` prints it). */
function cliFor(name: LambdaName, entry: string): string {
  const o = bundleOptions(name);
  return [
    'esbuild --bundle',
    `"${entry}"`,
    `--target=${o.target} --platform=${o.platform} --format=${o.format} --outfile=index.mjs`,
    o.minify ? '--minify' : '',
    o.sourcemap ? '--sourcemap' : '',
    o.sourcesContent ? '' : '--sources-content=false',
    ...o.external.map((e) => `--external:${e}`),
    `--banner:js="${o.banner.js}"`,
    `--main-fields=${o.mainFields.join(',')}`,
    ...Object.entries(o.alias).map(([k, v]) => `--alias:${k}=${v.replace(PROJECT_ROOT, './')}`),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Median of RUNS fresh `node` processes importing the bundle (with --enable-source-maps, as the function runs). */
function coldImportMs(file: string): { median: number; runs: number[] } {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t));`;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
      env: { ...process.env, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      encoding: 'utf8',
    });
    runs.push(Number(out));
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, runs };
}

/** Biggest contributors to a bundle, by package (or by folder for our own code). */
function topInputs(meta: Metafile, n: number): string {
  const output = Object.values(meta.outputs).find((o) => o.entryPoint)!;
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1]! : file.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${Math.round(v / 1024)}`)
    .join(', ');
}

const kb = (bytes: number) => Math.round(bytes / 1024);

async function main(): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  console.log(`# Lambda bundles (${COMMAND}; node ${process.version}; cold import = median of ${RUNS} fresh processes)\n`);
  const rows: string[] = [];
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES) as Array<[LambdaName, string]>) {
    const dir = join(OUT_DIR, name);
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, 'index.mjs');
    const started = performance.now();
    const result = await build(esbuildOptions(name, entry, outfile));
    const buildMs = performance.now() - started;
    const size = statSync(outfile).size;
    const map = statSync(`${outfile}.map`).size;
    const cold = coldImportMs(outfile);
    const target = TARGET_KB[name];
    const verdict = target === undefined ? '' : kb(size) <= target ? ` (target <= ${target} KB: met)` : ` (target <= ${target} KB: OVER by ${kb(size) - target} KB)`;
    rows.push(`| ${name} | ${kb(size)} | ${kb(map)} | ${cold.median.toFixed(0)} | ${buildMs.toFixed(0)} |`);
    console.log(`## ${name}  (${entry})`);
    console.log(`bundle ${kb(size)} KB${verdict}, source map ${kb(map)} KB, esbuild ${buildMs.toFixed(0)} ms`);
    console.log(`cold import ${cold.median.toFixed(0)} ms (runs: ${cold.runs.map((r) => r.toFixed(0)).join(', ')})`);
    console.log(`largest inputs (KB): ${topInputs(result.metafile!, 8)}`);
    console.log(`made by: ${cliFor(name, entry)}\n`);
  }
  console.log('| function | bundle KB | map KB | cold import ms | build ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  console.log(`\ncommand: ${COMMAND}`);
}

await main();
