// A hostile page (200,000-deep nesting) in a crawl over loopback fails alone with parse_budget; the healthy sources finish in normal time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlWorkspace } from '../../shared/ingest/crawl-workspace.js';
import { SafeHttpFetcher } from '../../shared/http/safe-http.fetcher.js';
import { FolderObjectStore } from '../../shared/objects/folder.objects.js';
import { Workspace } from '../../shared/model/workspace.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';

const DEPTH = 200_000;
/** 200,000 nested elements around one list entry: quadratic selector matching used to take minutes. */
const deep = (tag: string, inner: string) => `<!doctype html><html><body>${`<${tag}>`.repeat(DEPTH)}${inner}${`</${tag}>`.repeat(DEPTH)}</body></html>`;
const ENTRY = '<div class="press-item"><h3><a href="/press/one">Lionsgate dates a sequel</a></h3><time datetime="2026-11-20T10:00:00Z">Nov 20</time></div>';

let server: http.Server;
let base: string;
let db: TestStore;
let dir: string;
const pages: Record<string, [string, string]> = {};

beforeAll(async () => {
  const site = 'test/fixtures/crawl/site';
  pages['/trade-a.xml'] = ['application/rss+xml', await readFile(join(site, 'trade-a.xml'), 'utf8')];
  pages['/trade-b.atom'] = ['application/atom+xml', await readFile(join(site, 'trade-b.atom'), 'utf8')];
  pages['/newsroom.html'] = ['text/html; charset=utf-8', await readFile(join(site, 'newsroom.html'), 'utf8')];
  pages['/chart.html'] = ['text/html; charset=utf-8', await readFile('test/fixtures/parse/bom-weekend-2026W47.html', 'utf8')];
  pages['/hostile-list.html'] = ['text/html; charset=utf-8', deep('div', ENTRY)];
  pages['/hostile-chart.html'] = ['text/html; charset=utf-8', deep('span', '<p>Box Office Mojo</p><div id="table"><table class="mojo-body-table"><tr><th>Release</th><th>Gross</th></tr><tr><td>X</td><td>$1</td></tr></table></div>')];
  server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  db = await openTestStore();
  dir = await mkdtemp(join(tmpdir(), 'marquee-budget-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('parse budget in a crawl', () => {
  it('fails only the hostile sources (parse_budget, with the reason) while the healthy ones succeed in normal time', async () => {
    const selectors = { item: '.press-item', title: 'h3', link: 'h3 a', date: 'time', summary: '.dek' };
    const workspace = Workspace.parse({
      name: 'budget',
      baseUrl: base,
      network: { allowHosts: ['127.0.0.1'] },
      sources: [
        { id: 'hostile-list', kind: 'html', url: 'hostile-list.html', selectors },
        { id: 'trade-a', kind: 'rss', url: 'trade-a.xml' },
        { id: 'hostile-chart', kind: 'boxoffice', url: 'hostile-chart.html' },
        { id: 'trade-b', kind: 'rss', url: 'trade-b.atom' },
        { id: 'newsroom', kind: 'html', url: 'newsroom.html', selectors },
        { id: 'chart', kind: 'boxoffice', url: 'chart.html' },
      ],
    });
    // The guessing path (no selectors) is reached through the parser directly: a workspace html source always has selectors.
    const fetcher = new SafeHttpFetcher({ policy: { allowHosts: new Set(['127.0.0.1']) }, timeoutMs: 5000 });
    const started = Date.now();
    const report = await crawlWorkspace(
      workspace,
      { fetcher, store: db.store, objects: new FolderObjectStore(dir), clock: { now: () => new Date('2026-11-26T20:00:00Z') } },
      { concurrency: 4 },
    );
    const elapsed = Date.now() - started;
    const by = Object.fromEntries(report.sources.map((r) => [r.id, r]));
    for (const id of ['hostile-list', 'hostile-chart']) {
      expect(by[id], id).toMatchObject({ status: 'error', errorCode: 'parse_budget', newItems: 0 });
      expect(by[id]!.error).toMatch(/nested more than \d[\d,]* elements deep/);
    }
    for (const id of ['trade-a', 'trade-b', 'newsroom']) {
      expect(by[id], id).toMatchObject({ status: 'ok' });
      expect(by[id]!.newItems, id).toBeGreaterThan(0);
    }
    expect(by['chart']).toMatchObject({ status: 'ok' });
    expect(by['chart']!.chartEntries).toBeGreaterThanOrEqual(5);
    // Normal time: every source well within a second or two, not a stalled event loop.
    for (const r of report.sources) expect(r.durationMs, r.id).toBeLessThan(3000);
    expect(elapsed).toBeLessThan(5000);
    const state = await db.store.getSourceState('hostile-list');
    expect(state).toMatchObject({ lastErrorCode: 'parse_budget', consecutiveFailures: 1 });
  }, 60_000);
});
