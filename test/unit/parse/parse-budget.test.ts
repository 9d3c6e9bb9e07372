// Parse budget: deep or huge markup is refused while the DOM is built, a slow parse is stopped at its deadline, colspans are capped.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio/slim';
import { parseDocument } from '../../../shared/ingest/parse/parse-document.js';
import { parseHtmlList } from '../../../shared/ingest/parse/html-list.parser.js';
import { ParseError } from '../../../shared/ingest/parse/parse.types.js';
import { readTable } from '../../../shared/ingest/parse/boxoffice/table.js';
import { PARSE_LIMITS } from '../../../shared/ingest/parse/parse-budget.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const deep = (tag: string, depth: number, inner: string) => `<!doctype html><html><body>${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}</body></html>`;
const ENTRY = '<li><h3><a href="/a">Lionsgate dates a sequel</a></h3></li><li><h3><a href="/b">A24 buys a thriller</a></h3></li>';
const SELECTORS = { item: 'li', title: 'h3', link: 'h3 a' };

async function budgetFailure(p: Promise<unknown>): Promise<{ err: ParseError; ms: number }> {
  const started = Date.now();
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).code).toBe('parse_budget');
    return { err: err as ParseError, ms: Date.now() - started };
  }
  throw new Error('expected parse_budget');
}

describe('parse budget: caps while the DOM is built', () => {
  it.each([
    ['selectors', { kind: 'html' as const, selectors: SELECTORS }],
    ['guessed selectors', { kind: 'html' as const }],
    ['box-office chart', { kind: 'boxoffice' as const }],
    ['detected kind', {}],
  ])('refuses 200,000-deep nesting at once (%s)', async (_, opts) => {
    const page = deep('div', 200_000, `<p>Box Office Mojo</p><div id="table"><table class="mojo-body-table"><tr><th>Release</th></tr></table></div><ul>${ENTRY}</ul>`);
    const { err, ms } = await budgetFailure(parseDocument(bytes(page), { name: 'hostile', baseUrl: 'https://x.test/', ...opts }));
    expect(err.message).toBe(`markup nested more than ${PARSE_LIMITS.maxDepth} elements deep: not parsed`);
    expect(ms).toBeLessThan(1000);
  });

  it('accepts nesting up to the cap and parses the list inside', async () => {
    const page = deep('div', PARSE_LIMITS.maxDepth - 10, `<ul>${ENTRY}</ul>`);
    const res = await parseDocument(bytes(page), { name: 'deep but fine', kind: 'html', baseUrl: 'https://x.test/', selectors: SELECTORS });
    expect(res.kind === 'html' && res.items.map((i) => i.title)).toEqual(['Lionsgate dates a sequel', 'A24 buys a thriller']);
  });

  it('refuses a page with more elements than the cap before building all of them', async () => {
    const page = `<html><body><ul>${ENTRY}</ul>${'<i></i>'.repeat(5000)}</body></html>`;
    const { err } = await budgetFailure(
      parseDocument(bytes(page), { name: 'wide', kind: 'html', selectors: SELECTORS, limits: { maxElements: 2000 } }),
    );
    expect(err.message).toBe('page has more than 2,000 elements: not parsed');
    const ok = await parseDocument(bytes(page), { name: 'wide', kind: 'html', baseUrl: 'https://x.test/', selectors: SELECTORS });
    expect(ok.kind === 'html' && ok.items).toHaveLength(2);
  });
});

describe('parse budget: feeds', () => {
  it('refuses a feed item whose HTML nests 200,000 deep, at once', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>t</title><link>https://x.test/a</link><description><![CDATA[${'<div>'.repeat(200_000)}x]]></description></item></channel></rss>`;
    const { err, ms } = await budgetFailure(parseDocument(bytes(xml), { name: 'feed', kind: 'rss' }));
    expect(err.message).toBe(`markup nested more than ${PARSE_LIMITS.maxDepth} elements deep: not parsed`);
    expect(ms).toBeLessThan(1000);
  });
});

describe('parse budget: deadline', () => {
  // Within the caps, but every <div> is an item whose subtree is searched: seconds of selector matching.
  const slow = `<html><body>${(`${'<div>'.repeat(200)}<p>x</p>${'</div>'.repeat(200)}`).repeat(400)}</body></html>`;

  it('stops a parse that runs past its deadline, wherever it is, and says so', async () => {
    const { err, ms } = await budgetFailure(
      parseDocument(bytes(slow), { name: 'slow', kind: 'html', selectors: { item: 'div', title: 'h3, p' }, limits: { timeoutMs: 200 } }),
    );
    expect(err.message).toBe('parsing took longer than 0.2 s (oversized or deeply nested markup): not parsed');
    expect(ms).toBeLessThan(1500);
    await budgetFailure(parseHtmlList({ body: slow, selectors: { item: 'div', title: 'h3, p' } }, { timeoutMs: 200 }));
  });

  it('leaves nothing behind: the next parse gives exactly the same result as before', async () => {
    const fixture = await readFile('test/fixtures/crawl/site/newsroom.html');
    const opts = { name: 'newsroom', kind: 'html' as const, baseUrl: 'https://studio.example/news/', now: new Date('2026-11-26T00:00:00Z'), selectors: { item: '.press-item', title: 'h3', link: 'h3 a', date: 'time', summary: '.dek' } };
    const before = await parseDocument(new Uint8Array(fixture), opts);
    await budgetFailure(parseDocument(bytes(slow), { name: 'slow', kind: 'html', selectors: { item: 'div', title: 'h3, p' }, limits: { timeoutMs: 100 } }));
    expect(await parseDocument(new Uint8Array(fixture), opts)).toEqual(before);
  });
});

describe('chart tables', () => {
  it('caps a colspan at 1000 columns, as browsers do', () => {
    const $ = load('<table><tr><th>Release</th><th colspan="5000000">Gross</th></tr><tr><td>X</td><td colspan="99999999">$1</td></tr></table>');
    const grid = readTable($, $('table').first() as never);
    expect(grid.headers).toHaveLength(1001);
    expect(grid.rows[0]).toHaveLength(1001);
  });
});
