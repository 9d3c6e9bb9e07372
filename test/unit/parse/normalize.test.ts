// Normalization: canonical URLs, HTML to text, titles, UTC dates and content hashes.
import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanTitle, contentHash, htmlToText, toIsoUtc } from '../../../shared/ingest/parse/normalize.js';
import { NOW } from './fixtures.js';

describe('canonicalUrl', () => {
  it('strips tracking parameters and the fragment, lowercases scheme and host, sorts the rest', () => {
    expect(
      canonicalUrl('HTTPS://WWW.Trade.Example:443/Film/News?utm_source=rss&z=1&fbclid=x&gclid=y&a=2&mc_cid=c&mc_eid=e#comments'),
    ).toBe('https://www.trade.example/Film/News?a=2&z=1');
  });

  it.each(['igshid', 'ref', 'ref_src', 'cmpid', 'smid', '_ga', 'utm_campaign', 'UTM_Medium', 'ref_'])('drops %s', (param) => {
    expect(canonicalUrl(`https://x.example/a?${param}=1&keep=yes`)).toBe('https://x.example/a?keep=yes');
  });

  it('keeps the remaining pairs spelled as they were (no re-encoding) and sorts them stably', () => {
    expect(canonicalUrl('https://x.example/s?q=a%20b+c&utm_source=x&b=2&a=1&a=0')).toBe('https://x.example/s?a=1&a=0&b=2&q=a%20b+c');
    expect(canonicalUrl('https://x.example/s?q=a%20b+c')).toBe('https://x.example/s?q=a%20b+c');
    expect(canonicalUrl('https://x.example/s?utm%5Fsource=x&k')).toBe('https://x.example/s?k');
  });

  it('removes the "?" when only tracking parameters were present, and default ports', () => {
    expect(canonicalUrl('http://x.example:80/a?utm_source=feed')).toBe('http://x.example/a');
  });

  it('resolves relative and protocol-relative links against the base', () => {
    expect(canonicalUrl('../news/a?b=1', 'https://x.example/feed/rss/')).toBe('https://x.example/feed/news/a?b=1');
    expect(canonicalUrl('/news/a', 'https://x.example/feed/')).toBe('https://x.example/news/a');
    expect(canonicalUrl('//cdn.example/i.jpg', 'http://x.example/')).toBe('http://cdn.example/i.jpg');
    expect(canonicalUrl('//cdn.example/i.jpg')).toBe('https://cdn.example/i.jpg');
  });

  it('returns null for javascript:, mailto:, empty, unparseable, and relative links without a base', () => {
    expect(canonicalUrl('javascript:void(0)')).toBeNull();
    expect(canonicalUrl('mailto:tips@x.example')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
    expect(canonicalUrl('   ')).toBeNull();
    expect(canonicalUrl('http://[::1')).toBeNull();
    expect(canonicalUrl('/news/a')).toBeNull();
    expect(canonicalUrl('news/a', 'file:///tmp/feed.xml')).toBeNull();
  });
});

describe('htmlToText', () => {
  it('drops script/style/noscript/iframe content and turns blocks into lines', () => {
    const html =
      '<p>Opening <b>weekend</b>\n   numbers</p><script>var p = "<p>ad</p>";</script><style>p{color:red}</style>' +
      '<noscript>enable js</noscript><iframe src="x">frame</iframe><ul><li>One</li><li>Two<br>Three</li></ul>';
    expect(htmlToText(html)).toBe('Opening weekend numbers\nOne\nTwo\nThree');
  });

  it('decodes entities exactly once', () => {
    expect(htmlToText('<p>Tom &amp; Jerry &eacute;t&eacute; &#8216;x&#8217; &amp;amp; &lt;b&gt;</p>')).toBe(
      'Tom & Jerry été \u2018x\u2019 &amp; <b>',
    );
  });

  it('collapses whitespace including NBSP and drops control characters', () => {
    expect(htmlToText('<div>  a&nbsp;&nbsp;b \t c\u0001 </div>\n\n<div> </div><div>d</div>')).toBe('a b c\nd');
  });

  it('handles plain text and empty input', () => {
    expect(htmlToText('line one\r\n\r\n   line   two ')).toBe('line one\nline two');
    expect(htmlToText('')).toBe('');
    expect(htmlToText(null)).toBe('');
  });

  it('keeps no state between calls', () => {
    htmlToText('<p>unclosed <script>var x');
    expect(htmlToText('<p>fresh</p>')).toBe('fresh');
  });
});

describe('cleanTitle', () => {
  it('strips tags, decodes entities once and collapses whitespace', () => {
    expect(cleanTitle('  <em>Dune</em>:   Part&nbsp;Three &amp; More\n')).toBe('Dune: Part Three & More');
    expect(cleanTitle('A &amp;amp; B')).toBe('A &amp; B');
    expect(cleanTitle('&#8216;Wicked&#8217;')).toBe('\u2018Wicked\u2019');
    expect(cleanTitle(undefined)).toBe('');
  });
});

describe('toIsoUtc', () => {
  const at = (s: string) => toIsoUtc(s, { now: NOW });

  it.each([
    ['Tue, 24 Nov 2026 15:05:00 +0000', '2026-11-24T15:05:00.000Z'],
    ['Tue, 24 Nov 2026 15:05:00 GMT', '2026-11-24T15:05:00.000Z'],
    ['Tue, 24 Nov 2026 10:05:00 EST', '2026-11-24T15:05:00.000Z'],
    ['Sat, 1 Aug 2026 10:05 EDT', '2026-08-01T14:05:00.000Z'],
    ['Wed, 4 Nov 2026 9:05 PST', '2026-11-04T17:05:00.000Z'],
    ['24 Nov 26 15:05 -0500', '2026-11-24T20:05:00.000Z'],
    ['2026-11-24T15:05:00Z', '2026-11-24T15:05:00.000Z'],
    ['2026-11-24T10:05:00.250-05:00', '2026-11-24T15:05:00.250Z'],
    ['2026-11-24', '2026-11-24T00:00:00.000Z'],
    ['November 24, 2026', '2026-11-24T00:00:00.000Z'],
    ['Nov. 24, 2026 3:05 PM ET', '2026-11-24T20:05:00.000Z'],
    ['Jul. 4, 2026 3:05 PM ET', '2026-07-04T19:05:00.000Z'],
    ['Sept. 3, 2026 10am PT', '2026-09-03T17:00:00.000Z'],
    ['Tuesday, November 24, 2026 at 12:30 AM PT', '2026-11-24T08:30:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(at(input)).toBe(expected);
  });

  it('follows the DST switch for ET (2026-03-08 02:00 local)', () => {
    expect(at('Mar 8, 2026 1:30 AM ET')).toBe('2026-03-08T06:30:00.000Z');
    expect(at('Mar 8, 2026 3:30 AM ET')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('applies the given zone to strings without one', () => {
    expect(toIsoUtc('Nov 24, 2026 3:05 PM', { now: NOW, timeZone: 'America/Los_Angeles' })).toBe('2026-11-24T23:05:00.000Z');
  });

  it.each(['garbage', 'sometime last week', 'Feb 30, 2026', '2026-13-01', 'Nov 24, 2026 3:05 PM XYZ', '32 Nov 2026 10:00 GMT', ''])(
    'rejects %j',
    (input) => {
      expect(at(input)).toBeNull();
    },
  );

  it('rejects dates before 1995 or more than two days after now', () => {
    expect(at('Sat, 31 Dec 1994 23:59:59 GMT')).toBeNull();
    expect(at('2026-12-01T00:00:00Z')).toBeNull();
    expect(at('2026-11-30T11:00:00Z')).toBe('2026-11-30T11:00:00.000Z');
  });
});

describe('contentHash', () => {
  it('is 32 hex chars and ignores case and whitespace differences', () => {
    const h = contentHash('Dune:  Part Three', 'Line one\nline   two');
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(contentHash('dune: part three', 'line one line two')).toBe(h);
    expect(contentHash('dune: part three', 'line one\nline two', { textIsPlain: true })).toBe(h);
  });

  it('changes when the title or text changes', () => {
    const h = contentHash('A', 'b');
    expect(contentHash('A', 'c')).not.toBe(h);
    expect(contentHash('Ab', '')).not.toBe(contentHash('A', 'b'));
  });
});
