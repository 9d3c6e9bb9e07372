// The interest parsers on recorded-shape responses: a channel feed with statistics, page-view JSON, errors and empty series.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterestDocument, detectInterestKind } from '../../../shared/ingest/parse/parse-interest.js';
import { ParseError } from '../../../shared/ingest/parse/parse.types.js';
import { pageviewsUrl } from '../../../shared/interest/record-interest.js';
import { Workspace } from '../../../shared/model/workspace.js';

const NOW = new Date('2026-11-26T20:00:00Z');
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/interest/${name}`, import.meta.url)));
const parse = (name: string, kind?: 'youtube' | 'pageviews') => parseInterestDocument(bytes(name), { name, kind, now: NOW, baseUrl: 'https://www.youtube.com/feeds/videos.xml?channel_id=UCq7nYbN0rthwndPctrs4Xkg' });

describe('YouTube channel feed', () => {
  it('reads every video with its views and likes (media:statistics@views, media:starRating@count)', () => {
    const r = parse('youtube-channel.xml', 'youtube');
    if (r.kind !== 'youtube') throw new Error('expected a channel feed');
    expect(r.channel).toEqual({ channelId: 'UCq7nYbN0rthwndPctrs4Xkg', title: 'Northwind Pictures', url: 'https://www.youtube.com/channel/UCq7nYbN0rthwndPctrs4Xkg' });
    expect(r.videos.map((v) => v.videoId)).toEqual(['Qm3xT8vLwP0', 'Hk2_b9RrT4c', 'Zp0aQe7sM1w']);
    expect(r.videos[0]).toEqual({
      videoId: 'Qm3xT8vLwP0',
      channelId: 'UCq7nYbN0rthwndPctrs4Xkg',
      title: 'THE SALT ROAD | Official Trailer 2 | Northwind Pictures',
      description: expect.stringMatching(/^Some roads you walk alone\. .*\n\nStarring Ada Quill & Ruben Ferro\.\n#TheSaltRoad$/s),
      url: 'https://www.youtube.com/watch?v=Qm3xT8vLwP0',
      publishedAt: '2026-11-23T17:00:06.000Z',
      updatedAt: '2026-11-26T08:41:37.000Z',
      views: 2418733,
      likes: 61240,
    });
    expect(r.videos[1]!.title).toBe('The Salt Road – "Crossing" Clip');
    // A premiere not started yet has no count: left empty, and said so.
    expect(r.videos[2]).toMatchObject({ views: null, likes: 0 });
    expect(r.warnings).toEqual(['1 entry without a usable video id skipped', '1 entry has a view or like count that is not a whole number (left empty)']);
  });

  it('takes the Date header of a saved response as when the counts were served', () => {
    const r = parse('youtube-channel-curl-i.txt');
    expect(r.kind).toBe('youtube');
    expect(r.servedAt).toBe('2026-11-26T09:00:00.000Z');
    expect(detectInterestKind(readFileSync(new URL('../../fixtures/interest/youtube-channel.xml', import.meta.url), 'utf8'))).toBe('youtube');
  });

  it('reads a channel without uploads as an empty list, not an error', () => {
    const r = parse('youtube-empty.xml', 'youtube');
    if (r.kind !== 'youtube') throw new Error('expected a channel feed');
    expect(r.videos).toEqual([]);
    expect(r.channel.title).toBe('Northwind Pictures UK');
    expect(r.warnings).toEqual(['the channel feed lists no videos']);
  });

  it('refuses an error page, a cut-off body and a plain Atom feed with one plain line each', () => {
    expect(() => parse('youtube-404.html', 'youtube')).toThrow(new ParseError('not_a_feed', 'expected a YouTube channel feed (Atom <feed>), got an HTML page'));
    expect(() => parse('youtube-truncated.xml', 'youtube')).toThrow(/cut off: no closing <\/feed>/);
    const atom = new TextEncoder().encode('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><entry><id>tag:x,2026:1</id><title>Post</title></entry></feed>');
    expect(() => parseInterestDocument(atom, { name: 'atom', kind: 'youtube', now: NOW })).toThrow(/not a YouTube channel feed/);
  });
});

describe('Wikimedia page views', () => {
  it('reads one point per day, oldest first', () => {
    const r = parse('pageviews-daily.json', 'pageviews');
    if (r.kind !== 'pageviews') throw new Error('expected page views');
    expect(r.series).toEqual({ project: 'en.wikipedia', article: 'The_Salt_Road_(film)', access: 'all-access', agent: 'user' });
    expect(r.points).toHaveLength(7);
    expect(r.points[0]).toEqual({ date: '2026-11-19', views: 3104 });
    expect(r.points.at(-1)).toEqual({ date: '2026-11-25', views: 5230 });
    expect(r.warnings).toEqual([]);
    expect(detectInterestKind(readFileSync(new URL('../../fixtures/interest/pageviews-daily.json', import.meta.url), 'utf8'))).toBe('pageviews');
  });

  it('reads an empty items list as an empty series', () => {
    const r = parse('pageviews-empty.json', 'pageviews');
    expect(r).toMatchObject({ kind: 'pageviews', series: null, points: [], warnings: ['no daily page views in the response'] });
  });

  it("turns the API's problem body into its detail, and refuses monthly data and non-JSON", () => {
    expect(() => parse('pageviews-not-found.json', 'pageviews')).toThrow(
      new ParseError('api_error', 'Wikimedia answered "Not Found" (HTTP 404): The date(s) you used are valid, but we either do not have data for those date(s), or the project you asked for is not loaded yet. Please check documentation for more information'),
    );
    expect(() => parse('pageviews-monthly.json', 'pageviews')).toThrow(/monthly page views: ask the API for the daily granularity/);
    expect(() => parse('youtube-404.html', 'pageviews')).toThrow(/expected Wikimedia page-view JSON, got markup/);
  });

  it('skips items without a day or a whole view count, and items of another article', () => {
    const body = JSON.stringify({
      items: [
        { project: 'en.wikipedia', article: 'A', granularity: 'daily', timestamp: '2026113100', access: 'all-access', agent: 'user', views: 5 },
        { project: 'en.wikipedia', article: 'A', granularity: 'daily', timestamp: '2026112500', access: 'all-access', agent: 'user', views: -1 },
        { project: 'en.wikipedia', article: 'A', granularity: 'daily', timestamp: '2026112400', access: 'all-access', agent: 'user', views: 7 },
        { project: 'en.wikipedia', article: 'B', granularity: 'daily', timestamp: '2026112400', access: 'all-access', agent: 'user', views: 9 },
      ],
    });
    const r = parseInterestDocument(new TextEncoder().encode(body), { name: 'x', kind: 'pageviews' });
    expect(r).toMatchObject({ points: [{ date: '2026-11-24', views: 7 }], warnings: ['2 items without a valid day or view count skipped', '1 item of another article skipped (one article per response)'] });
  });

  it('asks the API for the days ending yesterday, the article name encoded', () => {
    const ws = Workspace.parse({
      name: 'w',
      network: { contact: 'ops@example.com' },
      sources: [{ id: 'wiki', kind: 'pageviews', url: 'https://wikimedia.org/api/rest_v1/', days: 30 }],
      interest: { titles: [{ title: 'AC/DC: Live', article: 'AC/DC:_Live_(film)' }, { title: 'No Article' }] },
    });
    expect(ws.sources.map((s) => s.id)).toEqual(['wiki-ac-dc-live']);
    const source = ws.sources[0]!;
    if (source.kind !== 'pageviews') throw new Error('expected a pageviews source');
    expect(pageviewsUrl(source.url, source, NOW)).toBe('https://wikimedia.org/api/rest_v1/metrics/pageviews/per-article/en.wikipedia/all-access/user/AC%2FDC%3A_Live_(film)/daily/20261027/20261125');
  });

  it('needs a contact for the User-Agent before it reads the Wikimedia API', () => {
    const r = Workspace.safeParse({ name: 'w', sources: [{ id: 'wiki', kind: 'pageviews', url: 'https://wikimedia.org/api/rest_v1/' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/User-Agent policy asks for a contact: set network.contact/);
  });
});

describe('marquee parse on interest responses', () => {
  it('detects a saved channel feed and prints its videos; a Wikimedia problem body is exit 2 with its detail', async () => {
    const { main } = await import('../../../functions/cli/main.js');
    const { captureIo } = await import('../../support/capture-io.js');
    const io = captureIo();
    expect(await main(['parse', 'test/fixtures/interest/youtube-channel-curl-i.txt', '--json'], io, {})).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out).toMatchObject({ kind: 'youtube', servedAt: '2026-11-26T09:00:00.000Z', channel: { title: 'Northwind Pictures' } });
    expect(out.videos[0]).toMatchObject({ videoId: 'Qm3xT8vLwP0', views: 2418733, likes: 61240 });
    const bad = captureIo();
    expect(await main(['parse', 'test/fixtures/interest/pageviews-not-found.json', '--kind', 'pageviews'], bad, {})).toBe(2);
    expect(bad.stderr).toMatch(/Wikimedia answered "Not Found" \(HTTP 404\): The date\(s\) you used are valid/);
  });
});
