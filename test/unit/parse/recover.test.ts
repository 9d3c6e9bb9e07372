// Broken real-world feeds: what strict XML rejects, the reader repairs or recovers, and says so in a warning.
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../shared/ingest/parse/decode.js';
import { parseDocument } from '../../../shared/ingest/parse/parse-document.js';
import { ParseError, type FeedParseResult } from '../../../shared/ingest/parse/parse.types.js';
import { parseFeed } from '../../../shared/ingest/parse/rss.parser.js';
import { NOW, fixtureBytes, fixtureText } from './fixtures.js';

const parse = (body: string, baseUrl?: string) => parseFeed({ body, baseUrl, now: NOW });

async function parseBytes(bytes: Uint8Array, contentType?: string): Promise<FeedParseResult> {
  const r = await parseDocument(bytes, { name: 'feed.xml', kind: 'rss', contentType, now: NOW });
  if (r.kind === 'boxoffice') throw new Error('not a feed');
  return r;
}

const rss = (items: string, head = '<rss version="2.0">') => `${head}<channel><title>T</title><link>https://film.example/</link>${items}</channel></rss>`;

describe('two broken film feeds (constructed: see test/fixtures/parse/README.md)', () => {
  it('a blank line before the XML declaration and ISO-8859-1 declared over UTF-8 bytes: every item, text intact, a warning', async () => {
    const bytes = fixtureBytes('film-blank-line-latin1.xml');
    expect(bytes[0]).toBe(0x0a);
    const r = await parseBytes(bytes);
    expect(r.items.map((i) => i.title)).toEqual([
      '\u2018Am\u00e9lie\u2019 Returns to Theaters for Its 25th Anniversary \u2014 With a 4K Restoration',
      'Festival Roundup: Cannes\u2019 \u201cUn Certain Regard\u201d Winner Lands U.S. Distribution',
      'Box Office: \u2018Northbound\u2019 Tops Thanksgiving Frame With $41M',
    ]);
    expect(r.items[0]).toMatchObject({
      url: 'https://reel-ledger.example/2026/11/amelie-25th-anniversary-rerelease-1234501/',
      author: 'H\u00e9l\u00e8ne Marchetti',
      publishedAt: '2026-11-27T08:30:00.000Z',
      categories: ['Film', 'Re-releases'],
    });
    expect(r.items[0]!.text).toContain('Jeunet\u2019s \u201cAm\u00e9lie\u201d comes back to 600 screens on February 12 \u2014 in time');
    expect(r.warnings).toEqual(['the XML declaration declares ISO-8859-1 but the bytes are valid UTF-8; decoded as utf-8']);
  });

  it('the same bytes served with a lying HTTP charset still decode as UTF-8, with a warning naming the header', async () => {
    const r = await parseBytes(fixtureBytes('film-blank-line-latin1.xml'), 'application/rss+xml; charset=ISO-8859-1');
    expect(r.items[0]!.title).toContain('\u2018Am\u00e9lie\u2019');
    expect(r.warnings).toEqual(['the HTTP Content-Type declares ISO-8859-1 but the bytes are valid UTF-8; decoded as utf-8']);
  });

  it('content:encoded and dc:creator used without declaring their namespaces: every item with body and author, a warning naming the prefixes', async () => {
    const r = await parseBytes(fixtureBytes('film-undeclared-ns.xml'));
    expect(r.items).toHaveLength(3);
    expect(r.items[0]).toMatchObject({
      title: 'Warner Bros. Dates \u2018The Glass Orchard 2\u2019 for November 2028',
      author: 'Priya Natarajan',
      text: 'The sequel takes the pre-Thanksgiving slot on November 22, 2028.',
      categories: ['Release Dates'],
    });
    expect(r.items[1]!.text).toBe('Northlight Pictures released the first look at the thriller.\nIt premieres at Telluride.');
    expect(r.warnings).toEqual(["undeclared namespace prefixes 'dc', 'content': read as if declared"]);
  });
});

describe('recovery, case by case', () => {
  it('closes an unterminated CDATA section at its element end, so the items after it survive', async () => {
    const r = await parse(rss('<item><title>A</title><description><![CDATA[<p>Half</p></description></item><item><title>B</title><description><![CDATA[ok]]></description></item>'));
    expect(r.items.map((i) => [i.title, i.text])).toEqual([
      ['A', 'Half'],
      ['B', 'ok'],
    ]);
    expect(r.warnings).toEqual([
      'repaired malformed XML: closed 1 unterminated CDATA section (strict XML ran it on to a later section, swallowing what came between)',
    ]);
  });

  it('closes an unterminated CDATA section that made the document fail outright', async () => {
    const r = await parse(rss('<item><title>A</title><description><![CDATA[<p>Last one</p></description></item>'));
    expect(r.items.map((i) => [i.title, i.text])).toEqual([['A', 'Last one']]);
    expect(r.warnings[0]).toMatch(/^repaired malformed XML: closed 1 unterminated CDATA section \(line 1, column \d+: unclosed root tag\)$/);
  });

  it('leaves a healthy feed alone when its HTML merely mentions "<![CDATA["', async () => {
    const r = await parse(rss('<item><title>A</title><description><![CDATA[<p>x</p><![CDATA[ y ]]]]><![CDATA[>]]></description></item>'));
    expect(r.items).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });

  it('escapes raw "&" in links and text', async () => {
    const r = await parse(rss('<item><title>Fast & Loud</title><link>https://film.example/a?x=1&y=2</link></item>'));
    expect(r.items[0]).toMatchObject({ title: 'Fast & Loud', url: 'https://film.example/a?x=1&y=2' });
    expect(r.warnings[0]).toMatch(/^repaired malformed XML: escaped 2 bare "&"/);
  });

  it('expands entities declared in the DOCTYPE without calling the document broken (it is well-formed XML)', async () => {
    const body = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY studio "Northlight Pictures">\n  <!ENTITY site 'https://film.example'>\n]>\n${rss('<item><title>&studio; dates a sequel</title><link>&site;/sequel</link></item>')}`;
    const r = await parse(body);
    expect(r.items[0]).toMatchObject({ title: 'Northlight Pictures dates a sequel', url: 'https://film.example/sequel' });
    expect(r.warnings).toEqual([]);
  });

  it('reads HTML named entities nobody declared (&nbsp; &mdash; &eacute;), and keeps unknown ones as text with a warning', async () => {
    const r = await parse(rss('<item><title>Am&eacute;lie&nbsp;&mdash; the return</title><description>Cast &amp; crew &bogus; here</description></item>'));
    expect(r.items[0]!.title).toBe('Am\u00e9lie \u2014 the return');
    expect(r.items[0]!.text).toBe('Cast & crew &bogus; here');
    expect(r.warnings[0]).toMatch(/^repaired malformed XML: kept undefined entity &bogus; as text/);
  });

  it('recovers items from mismatched and unclosed tags, including an item left open around the next one', async () => {
    const r = await parse(rss('<item><title>A<link>https://film.example/a</link></item><item><title>B</title><item><title>C</title><link>https://film.example/c</link></item>'));
    expect(r.items.map((i) => [i.title, i.url])).toEqual([
      ['A', 'https://film.example/a'],
      ['B', null],
      ['C', 'https://film.example/c'],
    ]);
    expect(r.warnings[0]).toMatch(/^recovered 3 items with a tolerant parse: line 1, column \d+: .*closed unclosed <title>/);
  });

  it('reads items outside <channel> (rss-parser finds none there), with a warning', async () => {
    const r = await parse('<rss version="2.0"><channel><title>T</title></channel><item><title>Loose</title><link>https://film.example/l</link></item></rss>');
    expect(r.items.map((i) => i.title)).toEqual(['Loose']);
    expect(r.warnings).toEqual(['recovered 1 item with a tolerant parse: items outside where a strict reader looks for them']);
  });

  it('reads items with no <channel> at all', async () => {
    const r = await parse('<rss><item><title>Bare</title><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item></rss>');
    expect(r.items[0]).toMatchObject({ title: 'Bare', publishedAt: '2026-11-27T10:00:00.000Z' });
    expect(r.warnings).toEqual(['recovered 1 item with a tolerant parse: no <channel> element']);
  });

  it('an <rss> with no channel and no items is just empty, not an error', async () => {
    expect(await parse('<rss>\n</rss>')).toEqual({ kind: 'rss', items: [], warnings: [] });
  });

  it('a tolerant read gives exactly what the strict one gives on the same feed (every fixture, its root end tag cut)', async () => {
    for (const file of ['rss2-trade.xml', 'atom-studio.xml', 'rdf-festival.rdf', 'film-undeclared-ns.xml']) {
      const text = fixtureText(file);
      const strict = await parse(text);
      const cut = text.replace(/<\/(rss|feed|rdf:RDF)>\s*$/, '');
      const tolerant = await parse(cut);
      expect(tolerant.warnings[0], file).toMatch(/^recovered \d+ items? with a tolerant parse: .*unclosed root tag/);
      expect(tolerant.items, file).toEqual(strict.items);
    }
  });

  it('a document with nothing to recover fails with malformed_xml, never anything else', async () => {
    for (const body of ['<rss version="2.0"><channel><title>Cut off</title><item><', '<rss version="2.0"><channel><item><title><![CD', '<feed><entry></entry><entry>']) {
      const err = await parse(body).catch((e: unknown) => e);
      expect(err, body).toBeInstanceOf(ParseError);
      expect((err as ParseError).code, body).toBe('malformed_xml');
    }
  });

  it('survives thousands of unclosed tags in a broken document (no deep recursion)', async () => {
    const r = await parse(rss(`<item><title>Deep</title><description>${'line<br>'.repeat(20000)}</description><link>https://film.example/d</link></item>`).replace('</rss>', ''));
    expect(r.items[0]).toMatchObject({ title: 'Deep' });
    expect(r.warnings[0]).toMatch(/^recovered 1 item with a tolerant parse/);
  });

  it('never throws anything but a ParseError on any prefix of a real-looking feed', async () => {
    const text = fixtureText('rss2-trade.xml');
    for (let n = 0; n <= text.length; n += 37) {
      const r = await parse(text.slice(0, n)).catch((e: unknown) => e);
      if (r instanceof Error) expect(r, `prefix ${n}`).toBeInstanceOf(ParseError);
    }
  });
});

describe('text that came through the wrong charset', () => {
  it('maps C1 characters to windows-1252 and re-reads UTF-8 that was read as latin1', async () => {
    const r = await parse(rss('<item><title>don\u0092t</title><description>&#226;&#128;&#166; and \u00e2\u0080\u0094</description></item>'));
    expect(r.items[0]!.title).toBe('don\u2019t');
    expect(r.items[0]!.text).toBe('\u2026 and \u2014');
  });
});

describe('decodeBody: BOM, then HTTP charset, then valid UTF-8, then the declaration', () => {
  it('decodes UTF-32 by BOM and without one', () => {
    const xml = '<?xml version="1.0" encoding="utf-32"?><rss><channel><title>Am\u00e9lie \u{1f3ac}</title></channel></rss>';
    const le = Buffer.alloc(xml.length * 4 + 4);
    const be = Buffer.alloc(xml.length * 4);
    le.writeUInt32LE(0xfeff, 0);
    const cps = [...xml].map((c) => c.codePointAt(0)!);
    cps.forEach((cp, i) => {
      le.writeUInt32LE(cp, 4 + i * 4);
      be.writeUInt32BE(cp, i * 4);
    });
    expect(decodeBody(le.subarray(0, 4 + cps.length * 4))).toMatchObject({ text: xml, encoding: 'utf-32le' });
    expect(decodeBody(be.subarray(0, cps.length * 4))).toMatchObject({ text: xml, encoding: 'utf-32be' });
  });

  it('a declaration of UTF-16 over 8-bit bytes loses to the bytes, with a warning', () => {
    const r = decodeBody(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss><t>Am\u00e9lie</t></rss>'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('Am\u00e9lie');
    expect(r.warnings).toEqual(['the XML declaration declares UTF-16 but the bytes are ASCII-compatible; guessed from the bytes instead']);
  });

  it('a genuine windows-1252 file declared ISO-8859-1 keeps its declared charset (0x93/0x94/0x97 are quotes and a dash)', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), Buffer.from([0x93, 0x41, 0x6d, 0xe9, 0x6c, 0x69, 0x65, 0x94, 0x20, 0x97]), Buffer.from('</t>')]);
    const r = decodeBody(bytes);
    expect(r).toMatchObject({ encoding: 'windows-1252', warnings: [] });
    expect(r.text).toContain('<t>\u201cAm\u00e9lie\u201d \u2014</t>');
  });

  it('warns when bytes after a UTF-8 BOM are not UTF-8', () => {
    const r = decodeBody(Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x74, 0x3e, 0xff, 0x3c, 0x2f, 0x74, 0x3e]));
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual(['bytes after the UTF-8 byte order mark are not valid UTF-8; bad sequences became U+FFFD']);
  });
});
