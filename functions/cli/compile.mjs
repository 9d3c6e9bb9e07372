// Compiles the CLI (functions/cli/run.ts and what it imports) to JavaScript in dist/, so the `marquee` bin starts without
// compiling TypeScript at run time. `npm ci` runs it (the prepare script); the bin calls it too and rebuilds when the
// sources changed, so a clean clone, a `git pull` and an edit during development all run what the sources say.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
/** What the compiled CLI is made of: a change to any of these files makes a new build. */
const INPUTS = ['functions', 'shared', 'agents'];
const KEEP_BUILDS = 3;

function walk(dir, hash) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, hash);
    else if (entry.isFile()) {
      const st = statSync(path);
      hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
}

/** A fingerprint of the sources (paths, sizes, modification times): a few milliseconds for ~200 files. */
export function sourceFingerprint() {
  const hash = createHash('sha1');
  for (const dir of INPUTS) walk(join(ROOT, dir), hash);
  for (const file of ['package.json']) {
    const st = statSync(join(ROOT, file));
    hash.update(`${file}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Builds dist/cli-<fingerprint>/ (two levels below the root, like functions/cli/: paths the code derives
 * from import.meta.url, such as the demo workspace and package.json, resolve the same). Chunks sit next to
 * the entry for the same reason; the web page's assets are copied beside them as they sit beside the server.
 */
export async function buildCli(fingerprint = sourceFingerprint()) {
  const final = join(DIST, `cli-${fingerprint}`);
  if (existsSync(join(final, 'run.mjs'))) return final;
  const { build } = await import('esbuild');
  mkdirSync(DIST, { recursive: true });
  const tmp = join(DIST, `.tmp-${process.pid}-${Date.now()}`);
  try {
    await build({
      // The reading worker and the store's own process are started from files beside the code that starts them.
      entryPoints: { run: join(ROOT, 'functions/cli/run.ts'), 'reading-worker': join(ROOT, 'agents/analyst/embedded/reading-worker-entry.ts') },
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Dependencies load from node_modules as usual: only the project's TypeScript is compiled.
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'silent',
    });
    const assets = join(ROOT, 'functions/http/assets');
    if (existsSync(assets)) cpSync(assets, join(tmp, 'assets'), { recursive: true });
    // The embedded store's own process runs this script, found beside the module that starts it (bundled into a chunk here).
    for (const script of ['dynalite-process.mjs', 'group-commit-level.mjs']) cpSync(join(ROOT, 'shared/store', script), join(tmp, script));
    try {
      renameSync(tmp, final);
    } catch (err) {
      // Another process finished the same build first: use theirs.
      if (!existsSync(join(final, 'run.mjs'))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(final);
  return final;
}

/** Keeps the newest few builds (a process started from an older one may still load its chunks). */
function prune(current) {
  const builds = readdirSync(DIST)
    .filter((n) => n.startsWith('cli-'))
    .map((n) => ({ path: join(DIST, n), at: statSync(join(DIST, n)).mtimeMs }))
    .filter((b) => b.path !== current)
    .sort((a, b) => b.at - a.at);
  for (const b of builds.slice(KEEP_BUILDS - 1)) rmSync(b.path, { recursive: true, force: true });
}

/** The compiled CLI's entry as a file URL, built first when missing or stale; null when it cannot be built. */
export async function compiledCli() {
  try {
    return pathToFileURL(join(await buildCli(), 'run.mjs')).href;
  } catch (err) {
    if (process.env.MARQUEE_LOG_LEVEL === 'debug') process.stderr.write(`marquee: could not compile the CLI, running the sources through tsx: ${err?.message ?? err}\n`);
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const dir = await buildCli();
  process.stdout.write(`marquee CLI compiled into ${dir.slice(ROOT.length)} (${Date.now() - started} ms)\n`);
}
