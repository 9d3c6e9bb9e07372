// The deployed bundles work: built with MarqueeFunction's esbuild options (SDK external, entities deduplicated), they load in a fresh node and parse every fixture exactly as the source does.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { LAMBDA_ENTRIES, PROJECT_ROOT, bundleOptions, type LambdaName } from '../../infra/constructs/marquee-function.construct.js';

let dir: string;
beforeAll(async () => {
  // Under the project: the bundles import the AWS SDK (external, as on Lambda) from its node_modules.
  await mkdir(join(PROJECT_ROOT, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(PROJECT_ROOT, '.tmp', 'bundle-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bundle(entry: string, name: string, fn: LambdaName = 'crawlSource'): Promise<{ file: string; text: string }> {
  const outfile = join(dir, name, 'index.mjs');
  const { banner, mainFields, external, alias, nodeModules: _installed, assets, files, ...rest } = bundleOptions(fn);
  const result = await build({
    ...rest,
    banner: { ...banner },
    mainFields: [...mainFields],
    external: [...external],
    alias: { ...alias },
    entryPoints: [join(PROJECT_ROOT, entry)],
    outfile,
    metafile: true,
    write: true,
  });
  // What the NodejsFunction's afterBundling hook does: the run-time files beside the bundle.
  if (assets) await cp(join(PROJECT_ROOT, assets), join(dir, name, 'assets'), { recursive: true });
  for (const [dest, source] of Object.entries(files)) await cp(source, join(dir, name, dest));
  return { file: outfile, text: JSON.stringify(Object.keys(result.metafile.inputs)) };
}

/** Runs `code` as an ES module in a fresh node process; returns its stdout. */
function runNode(code: string): string {
  return execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_REGION: 'us-east-1', TABLE_NAME: 't', BUCKET_NAME: 'b', ANALYZE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/a', WORKSPACE_PARAMETER: 'ws' },
  });
}

describe('Lambda bundles', () => {
  it('the crawl worker bundle loads, has no undici, parse5, iconv-lite, zod classic or bundled SDK, and fails a malformed record on its own', async () => {
    const { file, text } = await bundle(LAMBDA_ENTRIES.crawlSource, 'crawl');
    for (const absent of ['node_modules/undici/', 'node_modules/parse5/', 'node_modules/iconv-lite/', 'node_modules/zod/v4/classic/', 'node_modules/@aws-sdk/', 'node_modules/yaml/', 'node_modules/@langchain/']) {
      expect(text).not.toContain(absent);
    }
    expect(text).toContain('node_modules/cheerio/dist/esm/slim.js');
    // One copy of entities (the ESM build of the root package), not four.
    expect(text.match(/node_modules\/[^"]*entities\/[^"]*decode-data-html/g)).toEqual(['node_modules/entities/dist/esm/generated/decode-data-html']);
    const event = { Records: [{ messageId: 'm-0', body: '{oops', receiptHandle: 'r', attributes: {}, messageAttributes: {}, eventSource: 'aws:sqs' }, { messageId: 'm-1', body: '{"nope":1}', receiptHandle: 'r', attributes: {}, messageAttributes: {}, eventSource: 'aws:sqs' }] };
    const out = runNode(
      `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});` +
        `try { await handler(${JSON.stringify(event)}, undefined); } catch (e) { process.stdout.write(e.name); }`,
    );
    expect(out).toBe('FullBatchFailureError');
  });

  it('the parser, bundled the same way, still parses an HTML list page with cheerio selectors', async () => {
    const { file } = await bundle('shared/ingest/parse/parse-document.ts', 'parse');
    const fixture = pathToFileURL(join(PROJECT_ROOT, 'test/fixtures/crawl/site/newsroom.html')).href;
    const out = runNode(
      `import { readFileSync } from 'node:fs';` +
        `const { parseDocument } = await import(${JSON.stringify(pathToFileURL(file).href)});` +
        `const r = await parseDocument(new Uint8Array(readFileSync(new URL(${JSON.stringify(fixture)}))), { name: 'newsroom', kind: 'html', baseUrl: 'https://studio.example/news/', contentType: 'text/html; charset=utf-8', selectors: { item: '.press-item', title: 'h3', link: 'h3 a', date: 'time', summary: '.dek' } });` +
        `process.stdout.write(JSON.stringify(r.items.map((i) => i.title)));`,
    );
    const titles = JSON.parse(out) as string[];
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.every((t) => t.length > 0)).toBe(true);
  });

  it('the bundled parser gives exactly the source parser\'s result on every parse, crawl and demo fixture', async () => {
    const { file } = await bundle('shared/ingest/parse/parse-document.ts', 'parse-all');
    const files: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const f of await readdir(d)) {
        const p = join(d, f);
        if ((await stat(p)).isDirectory()) await walk(p);
        else if (/\.(html|xml|rss|http|txt)$/.test(f)) files.push(p);
      }
    };
    for (const d of ['config/demo/site', 'test/fixtures/parse', 'test/fixtures/crawl']) await walk(join(PROJECT_ROOT, d));
    expect(files.length).toBeGreaterThan(40);
    const script = (modUrl: string) =>
      `import { readFileSync } from 'node:fs';const { parseDocument } = await import(${JSON.stringify(modUrl)});const out = {};` +
      `for (const f of ${JSON.stringify(files)}) { try { out[f] = await parseDocument(new Uint8Array(readFileSync(f)), { name: f, kind: f.includes('boxoffice') ? 'boxoffice' : undefined, baseUrl: 'https://example.com/x/', now: new Date('2026-11-25T00:00:00Z') }); } catch (e) { out[f] = 'ERR ' + e.message; } }` +
      `process.stdout.write(JSON.stringify(out));`;
    const bundled = JSON.parse(runNode(script(pathToFileURL(file).href))) as Record<string, unknown>;
    const { parseDocument } = await import('../../shared/ingest/parse/parse-document.js');
    const source: Record<string, unknown> = {};
    for (const f of files) {
      try {
        source[f] = JSON.parse(JSON.stringify(await parseDocument(new Uint8Array(await readFile(f)), { name: f, kind: f.includes('boxoffice') ? 'boxoffice' : undefined, baseUrl: 'https://example.com/x/', now: new Date('2026-11-25T00:00:00Z') })));
      } catch (e) {
        source[f] = `ERR ${(e as Error).message}`;
      }
    }
    expect(bundled).toEqual(source);
  });

  it('the analyze worker bundles LangChain (only it does) and loads; the digest bundle loads; both fail bad input on their own', async () => {
    const analyze = await bundle(LAMBDA_ENTRIES.analyzeItems, 'analyze', 'analyzeItems');
    expect(analyze.text).toContain('node_modules/@langchain/openai/');
    const digest = await bundle(LAMBDA_ENTRIES.sendDigest, 'digest', 'sendDigest');
    expect(digest.text).not.toContain('node_modules/@langchain/');
    // The chart renderer is WebAssembly, bundled: no native addon, nothing installed beside the bundle.
    expect(digest.text).toContain('node_modules/@resvg/resvg-wasm/');
    expect(digest.text).not.toContain('@resvg/resvg-js');
    expect(bundleOptions('sendDigest').nodeModules).toEqual([]);
    const event = { Records: [{ messageId: 'm-0', body: '{"sourceId":"a"}', receiptHandle: 'r', attributes: {}, messageAttributes: {}, eventSource: 'aws:sqs' }] };
    expect(
      runNode(`const { handler } = await import(${JSON.stringify(pathToFileURL(analyze.file).href)});try { await handler(${JSON.stringify(event)}); } catch (e) { process.stdout.write(e.name); }`),
    ).toBe('FullBatchFailureError');
    expect(
      runNode(`const { handler } = await import(${JSON.stringify(pathToFileURL(digest.file).href)});try { await handler({ week: 'soon' }); } catch (e) { process.stdout.write(e.message); }`),
    ).toContain('event.week must look like 2026-W48');
  });

  it('the query API bundles the LLM agent (createAgent) but not the digest renderer, stays under 4 MB, and loads', async () => {
    const query = await bundle(LAMBDA_ENTRIES.queryApi, 'query', 'queryApi');
    expect(query.text).toContain('node_modules/@langchain/openai/');
    expect(query.text).toContain('node_modules/@langchain/langgraph/');
    expect((await stat(query.file)).size).toBeLessThan(4 * 1024 * 1024);
    expect(query.text).not.toContain('node_modules/mjml');
    expect(query.text).not.toContain('@resvg/');
    expect(runNode(`const m = await import(${JSON.stringify(pathToFileURL(query.file).href)}); process.stdout.write(typeof m.handler);`)).toBe('function');
  });

  it('the web page, bundled as the query function is, reads its shell, script and stylesheet from the assets beside the bundle', async () => {
    const page = await bundle('functions/http/page.ts', 'page', 'queryApi');
    const out = JSON.parse(
      runNode(`const { pageAsset } = await import(${JSON.stringify(pathToFileURL(page.file).href)}); process.stdout.write(JSON.stringify(['index.html', 'app.js', 'app.css'].map((n) => pageAsset(n))));`),
    ) as string[];
    expect(out[0]).toContain('<script src="/assets/app.js" defer></script>');
    expect(out[1]).toBe(await readFile(join(PROJECT_ROOT, 'functions/http/assets/app.js'), 'utf8'));
    expect(out[2]).toContain('.bo-grid');
  });

  it('the digest chart, bundled as the digest function is, renders from the .wasm and fonts beside it with no node_modules in reach', async () => {
    // Outside the project: nothing can fall back to node_modules, as on Lambda.
    const away = await mkdtemp(join(tmpdir(), 'marquee-chart-bundle-'));
    try {
      const { banner, mainFields, external, alias, files, nodeModules: _n, assets: _a, ...rest } = bundleOptions('sendDigest');
      const outfile = join(away, 'index.mjs');
      await build({ ...rest, banner: { ...banner }, mainFields: [...mainFields], external: [...external], alias: { ...alias }, entryPoints: [join(PROJECT_ROOT, 'shared/delivery/digest/chart.ts')], outfile, write: true });
      expect(Object.keys(files).sort()).toEqual(['chart/DejaVuSans-Bold.woff', 'chart/DejaVuSans.woff', 'chart/resvg.wasm']);
      for (const [dest, source] of Object.entries(files)) {
        await mkdir(join(away, dest, '..'), { recursive: true });
        await cp(source, join(away, dest));
      }
      const series = { weekends: ['2026-11-20', '2026-11-27'], titles: [{ title: 'Glimmerglass', grosses: [71_800_000, 38_200_000] }, { title: 'Night Ferry', grosses: [5_000_000, 4_200_000] }] };
      const script = `const { renderBoxOfficeChart } = await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write((await renderBoxOfficeChart(${JSON.stringify(series)})).toString('base64'));`;
      const bundled = Buffer.from(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: away, encoding: 'utf8' }), 'base64');
      const { renderBoxOfficeChart } = await import('../../shared/delivery/digest/chart.js');
      expect(Buffer.compare(bundled, await renderBoxOfficeChart(series))).toBe(0);
      // Without its files beside it the renderer fails loudly (synth copies them, and fails when one is missing).
      await rm(join(away, 'chart'), { recursive: true });
      expect(() => execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: away, encoding: 'utf8', stdio: 'pipe' })).toThrow(/Cannot find module '@resvg\/resvg-wasm\/index_bg.wasm'/);
    } finally {
      await rm(away, { recursive: true, force: true });
    }
  });
});
