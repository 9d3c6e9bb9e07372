// Feed parsing: RSS 2.0, Atom, RDF, repairs of broken XML, and what a feed item becomes.
import { describe, expect, it } from 'vitest';
import { ParsedItem } from '../../../shared/model/item.js';
import { decodeBody } from '../../../shared/ingest/parse/decode.js';
import { ParseError } from '../../../shared/ingest/parse/parse.types.js';
import { parseFeed } from '../../../shared/ingest/parse/rss.parser.js';
import { NOW, fixtureBytes, fixtureText } from './fixtures.js';

const parse = (body: string, baseUrl?: string) => parseFeed({ body, baseUrl, now: NOW });

async function parseError(body: string): Promise<ParseError> {
  const err = await parse(body).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ParseError);
  return err as ParseError;
}

describe('parseFeed: RSS 2.0', () => {
  it('builds schema-valid items from a WordPress-style trade feed', async () => {
    const r = await parse(fixtureText('rss2-trade.xml'));
    expect(r.kind).toBe('rss');
    expect(r.items).toHaveLength(5);
    for (const item of r.items) expect(ParsedItem.safeParse(item).success).toBe(true);
  });

  it('uses content:encoded over description, drops scripts/styles, decodes entities, keeps dc:creator', async () => {
    const [first] = (await parse(fixtureText('rss2-trade.xml'))).items;
    expect(first).toMatchObject({
      url: 'https://www.tradewire.example/2026/11/lanterns-of-the-deep-box-office-opening-1236246606/',
      guid: 'https://www.tradewire.example/?p=1236246606',
      title: '\u2018Lanterns of the Deep\u2019 Sails To $61M Opening & Tops Thanksgiving Frame',
      publishedAt: '2026-11-22T17:05:12.000Z',
      author: "Anthony D'Alessandro",
      categories: ['Box Office', 'Universal'],
    });
    expect(first!.text).toBe(
      [
        'SUNDAY AM UPDATE: Universal\u2019s Lanterns of the Deep opened to $61.2M at 4,215 theaters.',
        'Universal Pictures',
        'Disney\u2019s The Glass Orchard fell 52% & placed second.',
        'Lanterns of the Deep \u2013 $61.2M',
        'The Glass Orchard \u2013 $28.9M',
      ].join('\n'),
    );
    expect(first!.text).not.toContain('trackImpression');
    expect(first!.text).not.toContain('ad-slot');
    expect(first!.hash).toMatch(/^[0-9a-f]{32}$/);
  });

  it('resolves relative links against the channel link, reads a double-escaped title ("&amp;amp;" in XML) as "&", dedupes categories', async () => {
    const item = (await parse(fixtureText('rss2-trade.xml'))).items[1]!;
    expect(item.url).toBe('https://www.tradewire.example/2026/11/paper-comets-season-2-date-1236250001/');
    // XML gives the text "&amp;"; RSS titles are HTML-escaped text, so one HTML decode yields "&".
    expect(item.title).toBe('Netflix Dates \u2018Paper Comets\u2019 Season 2 & Drops Teaser');
    expect(item.publishedAt).toBe('2026-11-04T17:05:00.000Z'); // "Tue, 4 Nov 2026 9:05 PST": single-digit day, no seconds
    expect(item.text).toBe('The streamer set a February return.'); // escaped HTML description
    expect(item.categories).toEqual(['TV', 'Streaming']);
  });

  it('keeps an empty title as "" with a warning, strips click ids, reads EDT', async () => {
    const r = await parse(fixtureText('rss2-trade.xml'));
    const item = r.items[2]!;
    expect(item.title).toBe('');
    expect(item.url).toBe('https://www.tradewire.example/2026/11/untitled-post-1236250002/?page=2');
    expect(item.publishedAt).toBe('2026-11-23T18:00:00.000Z');
    expect(r.warnings).toContain('1 item(s) have an empty title (#3)');
  });

  it('takes a permalink guid as the URL when there is no link, and the name from an RSS author email', async () => {
    const item = (await parse(fixtureText('rss2-trade.xml'))).items[3]!;
    expect(item.url).toBe('https://www.tradewire.example/2026/11/sundance-2027-lineup-1236250003/');
    expect(item.author).toBe('Priya Natarajan');
    expect(item.publishedAt).toBeNull(); // no date at all
  });

  it('nulls javascript: links and unparseable dates, and warns about the date', async () => {
    const r = await parse(fixtureText('rss2-trade.xml'));
    const item = r.items[4]!;
    expect(item.url).toBeNull();
    expect(item.publishedAt).toBeNull();
    expect(r.warnings).toContain('1 item(s) have an unparseable date, e.g. "sometime last week"');
  });

  it('keeps unescaped markup inside <description> (child elements) as text', async () => {
    const xml =
      '<rss version="2.0"><channel><item><title>T</title><description><p>Hello <b>there</b></p><p>Two</p></description></item>' +
      '<item><title>U</title><description type="html">&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>';
    expect((await parse(xml)).items.map((i) => i.text)).toEqual(['Hello there\nTwo', 'x']);
  });

  it('resolves relative links against baseUrl when the feed has no channel link', async () => {
    const xml = '<rss version="2.0"><channel><title>t</title><item><title>A</title><link>a/b?utm_medium=x</link></item></channel></rss>';
    const r = await parse(xml, 'https://site.example/feeds/main.xml');
    expect(r.items[0]!.url).toBe('https://site.example/feeds/a/b');
    const noBase = await parse(xml);
    expect(noBase.items[0]!.url).toBeNull();
    expect(noBase.warnings.join()).toMatch(/could not be made absolute \(no base URL\)/);
  });
});

describe('parseFeed: Atom and RDF', () => {
  it('reads Atom alternate links, html titles, author names, category terms, published dates', async () => {
    const r = await parse(fixtureText('atom-studio.xml'));
    expect(r.items).toHaveLength(3);
    expect(r.items[0]).toMatchObject({
      url: 'https://press.northlight.example/news/velvet-static-audience-award',
      guid: 'tag:press.northlight.example,2026-11-24:/news/velvet-static-audience-award',
      title: 'Velvet Static Wins Audience Award & Lands Wide Release',
      publishedAt: '2026-11-24T15:30:00.000Z',
      author: 'Northlight Publicity',
      categories: ['Awards', 'Velvet Static'],
      text: 'Northlight Pictures\u2019 Velvet Static won the Audience Award.\nIt opens wide on January 15.',
    });
  });

  it('falls back to <updated> when <published> is garbage, and to <summary> for text', async () => {
    const r = await parse(fixtureText('atom-studio.xml'));
    expect(r.items[1]!.publishedAt).toBe('2026-11-20T09:00:00.000Z');
    expect(r.items[1]!.text).toBe('The studio will preview its 2027 titles in Barcelona.');
    expect(r.items[2]!.publishedAt).toBeNull();
  });

  it('reads RSS 1.0 / RDF with dc:date, dc:creator, dc:subject and relative links', async () => {
    const r = await parse(fixtureText('rdf-festival.rdf'));
    expect(r.items.map((i) => i.url)).toEqual([
      'https://harborfest.example/news/2027-jury-announced',
      'https://harborfest.example/news/news/opening-night-film',
    ]);
    expect(r.items[0]).toMatchObject({
      guid: 'https://harborfest.example/news/2027-jury-announced',
      publishedAt: '2026-11-18T11:00:00.000Z',
      author: 'Festival Office',
      categories: ['Jury'],
    });
    expect(r.items[1]!.title).toBe('Opening Night Film: Midnight Harbor');
    expect(r.items[1]!.text).toBe('The festival opens with Midnight Harbor.\nTickets go on sale December 1.');
    expect(r.items[1]!.publishedAt).toBe('2026-11-16T00:00:00.000Z');
  });
});

describe('parseFeed: broken and non-feeds', () => {
  it('repairs bare "&", control characters and junk before the declaration, and says so', async () => {
    const r = await parse(fixtureText('broken-bare-amp.xml'));
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({
      title: 'Fast & Furious Weekend: Holdovers Hold Up',
      url: 'https://pulse.example/news/holdovers?a=1&b=2',
      text: 'Tom & Jerry & friends held on.',
      publishedAt: '2026-11-22T20:00:00.000Z',
    });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^repaired malformed XML: removed stray text before the XML declaration, escaped 3 bare "&", removed 2 control characters/);
  });

  it('does not touch "&" inside CDATA while repairing', async () => {
    const xml = '<rss version="2.0"><channel><title>A & B</title><item><title><![CDATA[X &amp; Y]]></title></item></channel></rss>';
    expect((await parse(xml)).items[0]!.title).toBe('X & Y');
  });

  it('recovers the item around an unclosed tag, with a warning that says what and where', async () => {
    const r = await parse(fixtureText('broken-unclosed.xml'));
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ title: 'Opening weekend preview', url: 'https://broken.example/preview' });
    expect(r.warnings).toEqual([
      'recovered 1 item with a tolerant parse: line 8, column 7: unexpected close tag, closed unclosed <title>',
    ]);
  });

  it('reports a document with nothing to recover as malformed_xml with its line', async () => {
    const err = await parseError(fixtureText('broken-truncated.xml'));
    expect(err.code).toBe('malformed_xml');
    expect(err.message).toBe('line 6, column 3: unclosed root tag');
  });

  it('says not_a_feed for HTML, empty input and other XML roots', async () => {
    expect((await parseError(fixtureText('plain-page.html'))).code).toBe('not_a_feed');
    expect((await parseError(fixtureText('plain-page.html'))).message).toBe('root element <html> is not rss, feed or rdf:RDF');
    expect((await parseError('   ')).message).toBe('empty document');
    expect((await parseError('<?xml version="1.0"?><urlset><url/></urlset>')).code).toBe('not_a_feed');
  });

  it('parses decoded text whose declaration still names another encoding (xml2js ignores it on strings)', async () => {
    for (const file of ['latin1-declared.xml', 'utf16le-bom.xml', 'utf16be-bom.xml', 'utf8-declared-but-1252.xml']) {
      const { text } = decodeBody(fixtureBytes(file));
      const r = await parse(text);
      expect(r.items[0]!.title, file).toBe('Caf\u00e9 Society\u2019s \u20ac5M D\u00e9but');
      expect(r.items[0]!.text, file).toBe('Le film a fait ses d\u00e9buts \u2013 \u201cun succ\u00e8s\u201d.');
      expect(r.items[0]!.publishedAt, file).toBe('2026-11-20T17:30:00.000Z');
    }
  });

  it('accepts a leading BOM character in the text', async () => {
    const r = await parse('\ufeff<rss version="2.0"><channel><item><title>T</title></item></channel></rss>');
    expect(r.items[0]!.title).toBe('T');
  });
});
