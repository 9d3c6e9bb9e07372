// The deployed bundles work: built with MarqueeFunction's esbuild options, they load in a fresh node and parse HTML through the aliased cheerio.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS, LAMBDA_ENTRIES, PROJECT_ROOT } from '../../infra/constructs/marquee-function.construct.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-bundle-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bundle(entry: string, name: string): Promise<{ file: string; text: string }> {
  const outfile = join(dir, name, 'index.mjs');
  const { banner, mainFields, external, alias, ...rest } = BUNDLE_OPTIONS;
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
  it('the crawl worker bundle loads, has no undici, and fails a malformed record on its own (no AWS call needed)', async () => {
    const { file, text } = await bundle(LAMBDA_ENTRIES.crawlSource, 'crawl');
    expect(text).not.toContain('node_modules/undici/');
    expect(text).toContain('node_modules/cheerio/dist/esm/load-parse.js');
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
});
