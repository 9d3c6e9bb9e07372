// YouTube channel feeds (https://www.youtube.com/feeds/videos.xml?channel_id=…) to videos with their view and like
// counts: each entry's media:group/media:community/media:statistics@views and media:starRating@count.
import { load, type CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { ChannelInfo, VideoStat } from '../../model/interest.js';
import { toIsoUtc } from './normalize.js';
import { ParseError, type ParseInput, type YoutubeParseResult } from './parse.types.js';
import { xmlRootName } from './xml-sniff.js';

const YT_NS = 'http://www.youtube.com/xml/schemas/2015';

/** An http(s) URL as given, resolved against the feed's URL; null otherwise. */
function httpUrl(href: string | undefined, base?: string): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A non-negative integer attribute ("12345"), or null with the reason when it is something else. */
function count(raw: string | undefined): { value: number | null; bad: boolean } {
  if (raw === undefined || raw.trim() === '') return { value: null, bad: false };
  if (!/^\d{1,15}$/.test(raw.trim())) return { value: null, bad: true };
  return { value: Number(raw.trim()), bad: false };
}

/** Text already entity-decoded by the XML parser, as one line without control characters. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

function text($: CheerioAPI, el: Element | CheerioAPI | null, selector: string): string {
  const found = el ? $(el as Element).find(selector).first() : $(selector).first();
  return found.text().trim();
}

/**
 * Parses a channel (or playlist) feed. Entries without a video id are skipped with a warning; counts that are not
 * whole numbers are left null with a warning. A feed without entries is an empty result, not an error.
 */
export function parseYoutubeFeed(input: ParseInput): YoutubeParseResult {
  const body = input.body;
  const root = xmlRootName(body)?.toLowerCase() ?? null;
  if (root !== 'feed') {
    const what = root === 'html' || /^\s*<!doctype html/i.test(body) ? 'an HTML page' : root ? `an XML document with root <${root}>` : 'not XML';
    throw new ParseError('not_a_feed', `expected a YouTube channel feed (Atom <feed>), got ${what}`);
  }
  // htmlparser2 is lenient: a body cut off mid-transfer would still yield the entries before the cut.
  if (!/<\/feed>\s*$/.test(body)) throw new ParseError('malformed_xml', 'the channel feed is cut off: no closing </feed>');
  const $ = load(body, { xml: { xmlMode: true, decodeEntities: true } });
  const feed = $('feed').first();
  const entries = feed.children('entry').toArray();
  const hasYtNamespace = feed.attr('xmlns:yt') === YT_NS || body.includes(YT_NS);
  if (!hasYtNamespace && entries.length > 0 && !entries.some((e) => $(e).children('yt\\:videoId').length > 0)) {
    throw new ParseError('not_a_feed', 'an Atom feed, but not a YouTube channel feed (its entries have no yt:videoId)');
  }
  const base = input.baseUrl && /^https?:/i.test(input.baseUrl) ? input.baseUrl : undefined;
  const channelId = feed.children('yt\\:channelId').first().text().trim() || feed.children('id').first().text().trim().replace(/^yt:channel:/, '') || null;
  const channel: ChannelInfo = {
    channelId: channelId && /^[\w-]{2,64}$/.test(channelId) ? channelId : null,
    title: oneLine(feed.children('title').first().text()) || oneLine(text($, feed.children('author').toArray()[0] ?? null, 'name')),
    url: httpUrl(feed.children('link[rel="alternate"]').attr('href'), base),
  };

  const warnings: string[] = [];
  const videos: VideoStat[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let badCounts = 0;
  for (const entry of entries) {
    const e = $(entry);
    const videoId = e.children('yt\\:videoId').first().text().trim() || e.children('id').first().text().trim().replace(/^yt:video:/, '');
    if (!/^[\w-]{6,20}$/.test(videoId) || seen.has(videoId)) {
      skipped++;
      continue;
    }
    seen.add(videoId);
    const group = e.children('media\\:group').first();
    const stats = group.find('media\\:statistics').first();
    const rating = group.find('media\\:starRating').first();
    const views = count(stats.attr('views'));
    const likes = count(rating.attr('count'));
    if (views.bad || likes.bad) badCounts++;
    const entryChannel = e.children('yt\\:channelId').first().text().trim();
    videos.push({
      videoId,
      channelId: entryChannel || channel.channelId,
      title: oneLine(e.children('title').first().text()) || oneLine(group.find('media\\:title').first().text()),
      description: group.find('media\\:description').first().text().replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim(),
      url: httpUrl(e.children('link[rel="alternate"]').attr('href') ?? e.children('link').attr('href'), base),
      publishedAt: toIsoUtc(e.children('published').first().text().trim() || null, { now: input.now }),
      updatedAt: toIsoUtc(e.children('updated').first().text().trim() || null, { now: input.now }),
      views: views.value,
      likes: likes.value,
    });
  }
  if (skipped) warnings.push(`${skipped} entr${skipped === 1 ? 'y' : 'ies'} without a usable video id skipped`);
  if (badCounts) warnings.push(`${badCounts} entr${badCounts === 1 ? 'y has' : 'ies have'} a view or like count that is not a whole number (left empty)`);
  if (videos.length === 0) warnings.push('the channel feed lists no videos');
  return { kind: 'youtube', channel, videos, warnings };
}
