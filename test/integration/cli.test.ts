// The `marquee` CLI contract: parse, crawl and run, in-process and through the real bin script.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main.js';
import { captureIo } from '../support/capture-io.js';
import { EMBEDDED_DEFAULTS } from '../support/cli-env.js';

const run = promisify(execFile);
let dir: string;
// Blank model settings: the tests must not pick up a developer's key or endpoint.
const env = { ...EMBEDDED_DEFAULTS };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-cli-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('marquee parse', () => {
  it('prints items of a feed file as JSON with the contract keys', async () => {
    const io = captureIo();
    expect(await main(['parse', 'test/fixtures/crawl/site/trade-a.xml', '--json'], io, env)).toBe(0);
    const out = io.json();
    expect(out.kind).toBe('rss');
    expect(out.items).toHaveLength(3);
    expect(Object.keys(out.items[0])).toEqual(expect.arrayContaining(['url', 'title', 'publishedAt', 'author', 'text', 'categories', 'hash']));
    expect(out.items[0]).toMatchObject({
      url: 'https://trade-a.example/2026/11/cold-harbor-date/',
      title: 'Lionsgate Dates ‘Cold Harbor’ for March 12, 2027',
      publishedAt: '2026-11-24T17:15:00.000Z',
      author: 'Jane Reporter',
      categories: ['Release Dates'],
    });
    expect(out.items[0].text).toContain('Lionsgate has set Cold Harbor for March 12, 2027.');
    expect(out.warnings).toEqual([]);
  });

  it('parses an html list page with --selectors, resolving relative links against --base-url', async () => {
    const io = captureIo();
    const selectors = JSON.stringify({ item: '.press-item', title: 'h3', link: 'h3 a', date: 'time' });
    const code = await main(['parse', 'test/fixtures/crawl/site/newsroom.html', '--kind', 'html', '--selectors', selectors, '--base-url', 'https://studio.example/', '--json'], io, env);
    expect(code).toBe(0);
    expect(io.json().items.map((i: { url: string }) => i.url)).toEqual([
      'https://studio.example/press/winter-kings-trailer',
      'https://studio.example/press/exec-hire',
    ]);
  });

  it('a broken feed it can recover: exit 0, the items, and the warning on stderr', async () => {
    const io = captureIo();
    expect(await main(['parse', 'test/fixtures/parse/broken-unclosed.xml'], io, env)).toBe(0);
    expect(io.stdout).toContain('Opening weekend preview');
    expect(io.stderr.trim()).toBe('warning: recovered 1 item with a tolerant parse: line 8, column 7: unexpected close tag, closed unclosed <title>');
  });

  it('unparseable input: exit 2, one plain line on stderr, an error object on stdout', async () => {
    const bad = join(dir, 'broken.xml');
    await writeFile(bad, '<?xml version="1.0"?><rss><channel><title>Cut off</title><item><');
    const io = captureIo();
    expect(await main(['parse', bad, '--kind', 'rss', '--json'], io, env)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toContain(bad);
    expect(io.stderr).not.toMatch(/\n\s+at /);
    const out = io.json();
    expect(out.error.code).toBe('malformed_xml');
    expect(out.error.message).toContain(bad);
  });

  it('a missing file is a clear error', async () => {
    const io = captureIo();
    expect(await main(['parse', join(dir, 'nope.xml'), '--json'], io, env)).toBe(2);
    expect(io.json().error).toEqual({ code: 'not_found', message: `${join(dir, 'nope.xml')}: no such file` });
  });

  it('refuses a URL on a private address in live mode', async () => {
    const io = captureIo();
    expect(await main(['parse', 'http://127.0.0.1:9/feed.xml', '--json'], io, env)).toBe(2);
    expect(io.json().error.code).toBe('blocked_address');
  });
});

describe('marquee analyze', () => {
  const runWithStdin = (args: string[], stdin: string, extraEnv: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile('node', ['functions/cli/marquee.mjs', ...args], { env: { ...process.env, ...env, ...extraEnv } }, (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin!.end(stdin);
    });

  it('prints one event per input line, in order, with the contract keys', async () => {
    const lines = [
      { title: "Lionsgate Sets 'Iron Meridian' for January 22, 2027", url: 'https://trade.example/1' },
      { title: 'Gotham Awards Announce Nominations', text: 'The nominations were announced Tuesday.' },
      { title: "Universal Moves 'Skyward Sprocket' Up Two Weeks to Dec. 11", publishedAt: '2026-11-17T18:00:00Z' },
    ];
    const r = await runWithStdin(['analyze', '--json', '--analyst', 'embedded'], lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.events).toHaveLength(3);
    for (const e of out.events) expect(Object.keys(e)).toEqual(expect.arrayContaining(['type', 'studios', 'titles', 'releaseDate', 'previousDate', 'summary', 'url']));
    expect(out.events[0]).toMatchObject({ type: 'release_dated', studios: ['Lionsgate'], titles: ['Iron Meridian'], releaseDate: '2027-01-22', url: 'https://trade.example/1' });
    expect(out.events[1].type).toBe('festival_awards');
    expect(out.events[2]).toMatchObject({ type: 'release_moved', releaseDate: '2026-12-11' });
    expect(r.stderr).toContain('analyst: embedded');
  });

  it('names the bad input line', async () => {
    const r = await runWithStdin(['analyze', '--json'], '{"title":"ok"}\n{"text":"no title"}\n');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('marquee analyze: stdin line 2: title: Invalid input: expected string, received undefined');
  });

  it('--analyst llm without a model configured is a clear configuration error', async () => {
    const r = await runWithStdin(['analyze', '--json', '--analyst', 'llm'], '{"title":"x"}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs OPENAI_API_KEY or OPENAI_BASE_URL/);
  });
});

describe('marquee crawl and run', () => {
  it('crawl --json on a workspace with a bad key names the key', async () => {
    const ws = join(dir, 'bad.yaml');
    await writeFile(ws, 'name: x\nsources:\n  - id: a\n    kind: atom\n    url: http://example.test/\n');
    const io = captureIo();
    expect(await main(['crawl', '--workspace', ws, '--data-dir', join(dir, 'd0'), '--json'], io, env)).toBe(2);
    expect(io.stderr).toMatch(/sources\[0\]\.kind/);
  });

  it('the bin script runs the bundled demo cycle and a second run is all not_modified but the interest sources, which move to their next snapshot', async () => {
    const dataDir = join(dir, 'demo-data');
    const opts = { env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 };
    const first = await run('node', ['functions/cli/marquee.mjs', 'run', '--once', '--json', '--data-dir', dataDir, '--out', join(dir, 'out')], opts);
    const r1 = JSON.parse(first.stdout);
    expect(r1.crawl.totals.errors).toBe(0);
    expect(r1.crawl.totals.newItems).toBeGreaterThan(200);
    expect(r1.crawl.totals.chartEntries).toBeGreaterThan(50);
    expect(r1.analysis).toMatchObject({ analyst: 'embedded rules-2', requests: 0, promptTokens: 0, completionTokens: 0 });
    expect(r1.analysis.events).toBeGreaterThan(150);
    expect(r1.analysis.stories).toBe(r1.analysis.events);
    // The six collisions planted in the demo (config/demo/README.md), and nothing else.
    expect(r1.collisions.map((c: { slateTitle: string; competitorTitle: string }) => `${c.slateTitle} / ${c.competitorTitle}`).sort()).toEqual([
      'Deadfall Protocol / Iron Meridian',
      'Kingfisher / Halcyon Drift',
      'Paper Moons / Meet Me in Marseille',
      'Saltwater Saints / The Quiet Coast',
      'The Hollow Season / The Drowning Hour',
      'The Lantern Keeper / Skyward Sprocket',
    ]);
    expect(r1.digest).toMatchObject({ week: '2026-W48', status: 'sent' });
    const again = JSON.parse((await run('node', ['functions/cli/marquee.mjs', 'run', '--once', '--json', '--data-dir', dataDir, '--out', join(dir, 'out')], opts)).stdout);
    expect(again.digest.status).toBe('already_sent');
    expect(again.crawl.totals.newItems).toBe(0);
    const second = await run('node', ['functions/cli/marquee.mjs', 'crawl', '--force', '--json', '--data-dir', dataDir], opts);
    const r2 = JSON.parse(second.stdout);
    const interest = (s: { id: string }) => /^(yt|wiki)-/.test(s.id);
    expect(r2.sources.filter((s: { id: string }) => !interest(s)).every((s: { status: string }) => s.status === 'not_modified')).toBe(true);
    // The demo server serves the channel feeds and page views as successive recorded snapshots: a third crawl gets the third.
    expect(r2.sources.filter(interest).map((s: { status: string }) => s.status)).toEqual(Array(28).fill('ok'));
    expect(r2.totals.newItems).toBe(0);
  }, 120_000);
});
