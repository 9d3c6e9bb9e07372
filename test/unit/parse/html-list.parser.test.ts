// HTML list pages: items from CSS selectors, and the generic guess used when a page comes without them.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { guessListSelectors } from '../../../shared/ingest/parse/html-guess.js';
import { parseHtmlList } from '../../../shared/ingest/parse/html-list.parser.js';
import { type HtmlSelectors, ParseError } from '../../../shared/ingest/parse/parse.types.js';
import { NOW, fixtureText } from './fixtures.js';

const SELECTORS: HtmlSelectors = {
  item: '.press-item',
  title: '.press-item__title',
  date: '.press-item__meta',
  summary: '.press-item__excerpt',
  author: '.byline',
  category: '.press-item__category',
};

const parse = (selectors: HtmlSelectors, body = fixtureText('newsroom-selectors.html')) =>
  parseHtmlList({ body, baseUrl: 'https://www.meridian.example/press/index.html', selectors, now: NOW });

describe('parseHtmlList', () => {
  it('extracts items with selectors: <base>-relative links without tracking, datetime attribute, summary, author, categories', async () => {
    const r = await parse(SELECTORS);
    expect(r.kind).toBe('html');
    expect(r.items).toHaveLength(3); // the ad slot has neither title nor link
    expect(r.items[0]).toEqual({
      url: 'https://www.meridian.example/press/2026/11/midnight-harbor-expands',
      guid: null,
      title: 'MIDNIGHT HARBOR Expands To 1,200 Screens & Adds IMAX',
      publishedAt: '2026-11-24T14:00:00.000Z',
      author: 'Meridian Publicity',
      text: 'Following a record limited debut, Midnight Harbor goes wide on Friday.\nIMAX screenings begin Dec. 4.',
      categories: ['Theatrical', 'Awards'],
      hash: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('falls back to the date text ("Nov. 20, 2026 3:05 PM ET") and counts unparseable dates', async () => {
    const r = await parse(SELECTORS);
    expect(r.items[1]!.publishedAt).toBe('2026-11-20T20:05:00.000Z');
    expect(r.items[1]!.author).toBeNull();
    expect(r.items[2]!.publishedAt).toBeNull();
    expect(r.items[2]!.url).toBe('https://www.meridian.example/press/2026/11/holiday-schedule');
    expect(r.warnings).toContain('1 item(s) have an unparseable date');
  });

  it('uses an explicit link selector', async () => {
    const r = await parse({ ...SELECTORS, link: '.press-item__title' });
    expect(r.items[1]!.url).toBe('https://www.meridian.example/press/2026/11/saltwater-kings-4k');
  });

  it('throws no_items naming the selector when it matches nothing', async () => {
    const err = await parse({ ...SELECTORS, item: '.news-card' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect(err).toMatchObject({ code: 'no_items', message: 'selector ".news-card" matched nothing' });
  });

  it('throws bad_selectors for invalid CSS', async () => {
    const err = await parse({ ...SELECTORS, item: '.press-item[' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'bad_selectors' });
  });
});

describe('guessListSelectors', () => {
  it('finds article river items with headline links', () => {
    const guess = guessListSelectors(load(fixtureText('generic-river.html')));
    expect(guess?.item).toMatch(/^article:has\(/);
  });

  it('finds nothing on a page without a list of headlines', () => {
    expect(guessListSelectors(load(fixtureText('plain-page.html')))).toBeNull();
  });

  it('guessed selectors pick the headline link, not the category link before it', async () => {
    const body = fixtureText('generic-river.html');
    const r = await parseHtmlList({ body, baseUrl: 'https://reel.example/film/', selectors: guessListSelectors(load(body))!, now: NOW });
    expect(r.items.map((i) => [i.title, i.url, i.publishedAt])).toEqual([
      ['Thanksgiving Box Office Preview: Five Wide Openers', 'https://reel.example/2026/11/thanksgiving-box-office-preview/', '2026-11-25T12:00:00.000Z'],
      ['Harbor Fest Lineup Revealed', 'https://reel.example/2026/11/harbor-fest-lineup/', '2026-11-24T08:30:00.000Z'],
      ['Streaming Windows Shrink Again', 'https://reel.example/2026/11/streaming-windows-shrink/', null],
    ]);
    expect(r.items[0]!.text).toBe('Studios pile into the holiday corridor.');
  });
});
