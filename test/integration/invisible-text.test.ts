// Bidi controls and other invisible format characters in web text are stripped once, at normalization: the stored items, the digest and the CLI output carry none.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../shared/config/app-config.js';
import { runCycle } from '../../shared/cycle/run-cycle.js';
import { openLocalRuntime, type LocalRuntime } from '../../functions/local/local-runtime.js';
import { Workspace } from '../../shared/model/workspace.js';
import { main } from '../../functions/cli/main.js';
import { captureIo } from '../support/capture-io.js';

// U+202E (right-to-left override) and friends: bidi embeddings/overrides/isolates, marks, zero-width characters, BOM.
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const RLO = '\u202e';
const PDF = '\u202c';

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Trade</title><link>https://trade.example/</link>
<item>
  <title>Lionsgate Dates ${RLO}&#8216;Cold Harbor&#8217;${PDF} for March 12, 2027</title>
  <link>https://trade.example/2026/11/cold-harbor-date/</link>
  <guid isPermaLink="false">t-1</guid>
  <pubDate>Wed, 25 Nov 2026 09:15:00 PST</pubDate>
  <dc:creator>Jane\u200b Reporter</dc:creator>
  <category>Release\u2066 Dates\u2069</category>
  <content:encoded><![CDATA[<p>Lionsgate has set <em>Cold\u200d Harbor</em> for <b>March 12, 2027</b>.\u202e gnissim</p><p>The\u061c thriller\ufeff stars Ana Vale\u200f.</p>]]></content:encoded>
</item>
<item>
  <title>Neon Buys &#x202E;&#8216;Salt Lines&#8217;&#x202C; in $8M Deal</title>
  <link>https://trade.example/2026/11/salt-lines-neon/</link>
  <guid isPermaLink="false">t-2</guid>
  <pubDate>Tue, 24 Nov 2026 16:00:00 -0800</pubDate>
  <description>Neon has acquired &amp;#x2067;North American rights to Salt Lines.</description>
</item>
</channel></rss>`;

const NEWSROOM = `<!doctype html><html><body><ul>
<li class="press-item"><h3><a href="/press/a">Lionsgate Sets \u2067\u2018Iron Meridian\u2019\u2069 for January 22, 2027</a></h3><time datetime="2026-11-25T10:00:00Z">Nov 25</time><p class="dek">Lionsgate\u200b dated the film.</p></li>
<li class="press-item"><h3><a href="/press/b">Lionsgate Names a \u202dDistribution Chief</a></h3><time datetime="2026-11-24T10:00:00Z">Nov 24</time><p class="dek">An executive move.</p></li>
</ul></body></html>`;

let server: http.Server;
let base: string;
let dir: string;
let runtime: LocalRuntime;
let workspace: Workspace;
let chart: string;

beforeAll(async () => {
  chart = (await readFile('test/fixtures/parse/bom-weekend-2026W47.html', 'utf8')).replace(/(<td[^>]*><a[^>]*>)([^<]+)(<\/a>)/, `$1${RLO}$2\u200b${PDF}$3`);
  const pages: Record<string, [string, string]> = {
    '/feed.xml': ['application/rss+xml', FEED],
    '/newsroom.html': ['text/html; charset=utf-8', NEWSROOM],
    '/chart.html': ['text/html; charset=utf-8', chart],
  };
  server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'marquee-invisible-'));
  workspace = Workspace.parse({
    name: 'Invisible text',
    studio: 'Harbor Light Pictures',
    timezone: 'America/Los_Angeles',
    baseUrl: base,
    clock: '2026-11-26T20:00:00Z',
    network: { allowHosts: ['127.0.0.1'] },
    recipients: ['team@studio.example'],
    competitors: [{ name: 'Lionsgate' }, { name: 'Neon' }],
    sources: [
      { id: 'trade', kind: 'rss', url: 'feed.xml', tags: ['trade'] },
      { id: 'newsroom', kind: 'html', url: 'newsroom.html', studio: 'Lionsgate', tags: ['competitor'], selectors: { item: '.press-item', title: 'h3', link: 'h3 a', date: 'time', summary: '.dek' } },
      { id: 'chart', kind: 'boxoffice', url: 'chart.html', tags: ['boxoffice'] },
    ],
  });
  runtime = await openLocalRuntime(resolveConfig({}, { dataDir: join(dir, 'data'), outDir: join(dir, 'out') }), workspace, { inMemory: true });
}, 60_000);

afterAll(async () => {
  await runtime?.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('invisible format characters', () => {
  it('the test pages really carry them', () => {
    expect(FEED).toMatch(INVISIBLE);
    expect(NEWSROOM).toMatch(INVISIBLE);
    expect(chart).toMatch(INVISIBLE);
  });

  it('a cycle stores items without them, and the digest and alerts it sends carry none', async () => {
    const report = await runCycle(workspace, runtime, { force: true });
    expect(report.crawl.sources.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    const items = [...(await runtime.store.itemsBySource('trade')).items, ...(await runtime.store.itemsBySource('newsroom')).items];
    expect(items).toHaveLength(4);
    for (const item of items) expect(JSON.stringify(item), item.title).not.toMatch(INVISIBLE);
    expect(items.map((i) => i.title)).toEqual(
      expect.arrayContaining(['Lionsgate Dates ‘Cold Harbor’ for March 12, 2027', 'Lionsgate Sets ‘Iron Meridian’ for January 22, 2027']),
    );
    const cold = items.find((i) => i.title.includes('Cold Harbor'))!;
    expect(cold).toMatchObject({ author: 'Jane Reporter', categories: ['Release Dates'] });
    expect(cold.text).toContain('Lionsgate has set Cold Harbor for March 12, 2027.');

    expect(report.digest.status).toBe('sent');
    const out = await readdir(join(dir, 'out'));
    const written = out.filter((f) => /\.(eml|html|jsonl)$/.test(f));
    expect(written.some((f) => f.endsWith('.eml'))).toBe(true);
    for (const f of written) {
      const text = await readFile(join(dir, 'out', f), 'utf8');
      expect(text, f).not.toMatch(INVISIBLE);
    }
    const html = await readFile(join(dir, 'out', out.find((f) => f.endsWith('.html') && f.startsWith('digest-'))!), 'utf8');
    expect(html).toContain('Cold Harbor');
  }, 120_000);

  it('marquee parse prints normalized items and chart rows without them', async () => {
    const feed = join(dir, 'feed.xml');
    await writeFile(feed, FEED);
    const io = captureIo();
    expect(await main(['parse', feed, '--json'], io, { OPENAI_API_KEY: '', MARQUEE_ANALYST: '' })).toBe(0);
    expect(io.stdout).not.toMatch(INVISIBLE);
    expect(io.json().items[1].title).toBe('Neon Buys ‘Salt Lines’ in $8M Deal');
    const page = join(dir, 'chart.html');
    await writeFile(page, chart);
    const io2 = captureIo();
    expect(await main(['parse', page, '--kind', 'boxoffice'], io2, { OPENAI_API_KEY: '', MARQUEE_ANALYST: '' })).toBe(0);
    expect(io2.stdout).not.toMatch(INVISIBLE);
    expect(io2.stdout.length).toBeGreaterThan(100);
  });
});
