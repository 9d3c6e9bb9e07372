// parseDocument end to end: saved HTTP headers, decoding, kind detection and the dispatch to each parser.
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../shared/ingest/parse/detect.js';
import { parseDocument } from '../../../shared/ingest/parse/parse-document.js';
import { ParseError } from '../../../shared/ingest/parse/parse.types.js';
import { NOW, fixtureBytes, fixtureText } from './fixtures.js';

const TITLE = 'Caf\u00e9 Society\u2019s \u20ac5M D\u00e9but';

describe('detectKind', () => {
  it.each([
    ['rss2-trade.xml', 'rss'],
    ['atom-studio.xml', 'rss'],
    ['rdf-festival.rdf', 'rss'],
    ['bom-weekend-2026W47.html', 'boxoffice'],
    ['bom-daily-2026-11-25.html', 'boxoffice'],
    ['numbers-weekend-2026-11-20.html', 'boxoffice'],
    ['generic-river.html', 'html'],
  ])('%s is %s', (file, kind) => {
    expect(detectKind(fixtureText(file))).toBe(kind);
  });

  it('returns null for text that is neither', () => {
    expect(detectKind('just some words')).toBeNull();
    expect(detectKind('{"items": []}', 'application/json')).toBeNull();
  });
});

describe('parseDocument', () => {
  it('parses a saved curl -i file: header charset, redirect Location as the base for relative links', async () => {
    const r = await parseDocument(fixtureBytes('curl-i-feed.txt'), { name: 'curl-i-feed.txt', now: NOW });
    if (r.kind === 'boxoffice') throw new Error('expected a feed');
    expect(r.kind).toBe('rss');
    expect(r.items[0]).toMatchObject({
      title: TITLE,
      url: 'https://www.cafe-wire.example/news/cafe-society-debut?id=7',
      publishedAt: '2026-11-21T08:00:00.000Z',
      text: 'Premi\u00e8re \u2018weekend\u2019 r\u00e9ussi.',
    });
    expect(r.warnings).toEqual([]);
  });

  it('puts decode warnings first in the result', async () => {
    const r = await parseDocument(fixtureBytes('utf8-declared-but-1252.xml'), { name: 'x.xml', now: NOW });
    if (r.kind === 'boxoffice') throw new Error('expected a feed');
    expect(r.items[0]!.title).toBe(TITLE);
    expect(r.warnings[0]).toMatch(/declares utf-8 but the bytes are not valid UTF-8/);
  });

  it('honours a caller content type and UTF-16 with a BOM', async () => {
    const r = await parseDocument(fixtureBytes('utf16be-bom.xml'), { name: 'x', contentType: 'application/xml; charset=utf-8', now: NOW });
    if (r.kind === 'boxoffice') throw new Error('expected a feed');
    expect(r.items[0]!.title).toBe(TITLE);
  });

  it('dispatches charts to the box-office parsers', async () => {
    const r = await parseDocument(fixtureBytes('bom-daily-2026-11-25.html'), { name: 'daily.html' });
    if (r.kind !== 'boxoffice') throw new Error('expected a chart');
    expect(r.chart.period.type).toBe('daily');
    expect(r.entries[0]!.title).toBe('Lanterns of the Deep');
  });

  it('uses given selectors for html sources', async () => {
    const r = await parseDocument(fixtureBytes('newsroom-selectors.html'), {
      name: 'press',
      kind: 'html',
      baseUrl: 'https://www.meridian.example/press/',
      selectors: { item: '.press-item', title: 'h3' },
      now: NOW,
    });
    if (r.kind === 'boxoffice') throw new Error('expected items');
    expect(r.items.map((i) => i.title)).toEqual([
      'MIDNIGHT HARBOR Expands To 1,200 Screens & Adds IMAX',
      'SALTWATER KINGS Arrives On 4K Ultra HD December 15',
      'Holiday Schedule',
    ]);
  });

  it('guesses selectors for an HTML list without them, and says so', async () => {
    const r = await parseDocument(fixtureBytes('generic-river.html'), { name: 'river', baseUrl: 'https://reel.example/', now: NOW });
    if (r.kind === 'boxoffice') throw new Error('expected items');
    expect(r.kind).toBe('html');
    expect(r.items).toHaveLength(3);
    expect(r.warnings[0]).toMatch(/^no selectors given; guessed item selector "article/);
  });

  it('throws unknown_kind for HTML without a list, and for non-HTML text', async () => {
    const a = await parseDocument(fixtureBytes('plain-page.html'), { name: 'about.html' }).catch((e: unknown) => e);
    expect(a).toBeInstanceOf(ParseError);
    expect(a).toMatchObject({ code: 'unknown_kind' });
    const b = await parseDocument(new TextEncoder().encode('hello'), { name: 'x.txt', contentType: 'text/plain' }).catch((e: unknown) => e);
    expect(b).toMatchObject({ code: 'unknown_kind', message: 'cannot tell what kind of document (text/plain) this is: not a feed, a chart or HTML' });
  });

  it('keeps parser error codes (malformed_xml) and their one-line message', async () => {
    const err = await parseDocument(fixtureBytes('broken-truncated.xml'), { name: 'broken.xml' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'malformed_xml', message: 'line 6, column 3: unclosed root tag' });
  });

  it('uses a Content-Location header as the base', async () => {
    const body = '<rss version="2.0"><channel><item><title>T</title><link>a?utm_source=x</link></item></channel></rss>';
    const raw = `HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Location: https://cl.example/feeds/\r\n\r\n${body}`;
    const r = await parseDocument(new TextEncoder().encode(raw), { name: 'x', baseUrl: 'https://other.example/' });
    if (r.kind === 'boxoffice') throw new Error('expected a feed');
    expect(r.items[0]!.url).toBe('https://cl.example/feeds/a');
  });
});
