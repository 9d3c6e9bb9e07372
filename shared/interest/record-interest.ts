// What a crawl does with an interest source's response: parse its counts and record them (no items, no analysis queue).
import type { FetchResponse } from '../ports/fetcher.js';
import type { FeedParseResult } from '../ingest/parse/parse.types.js';
import { httpDate, parseInterestDocument } from '../ingest/parse/parse-interest.js';
import type { Source } from '../model/workspace.js';
import type { InterestWriter } from '../ports/interest-store.js';

export type InterestSource = Extract<Source, { kind: 'youtube' | 'pageviews' }>;

/** True for the audience-interest source kinds (youtube, pageviews). */
export function isInterestSource(source: Source): source is InterestSource {
  return source.kind === 'youtube' || source.kind === 'pageviews';
}

/** What one crawl of an interest source recorded (shown per source by `crawl` and `run`). */
export interface InterestCrawl {
  kind: 'youtube' | 'pageviews';
  /** Videos in the feed (youtube). */
  videos: number;
  /** View-count snapshots (youtube) or days of page views (pageviews) written. */
  counts: number;
}

function yyyymmdd(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

/** The URL a source is fetched from: its own, or for a pageviews source the article's daily views under its API root. */
export function fetchUrlOf(source: Source, resolved: string, now: Date): string {
  return source.kind === 'pageviews' ? pageviewsUrl(resolved, source, now) : resolved;
}

/**
 * The per-article daily page-view URL of a pageviews source under its API root: the `days` days ending yesterday
 * (UTC), as the Wikimedia REST API serves them (/metrics/pageviews/per-article/{project}/all-access/user/{article}/daily/{start}/{end}).
 */
export function pageviewsUrl(root: string, source: Extract<Source, { kind: 'pageviews' }>, now: Date): string {
  if (!source.article) return root;
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  const start = new Date(end.getTime() - (source.days - 1) * 86_400_000);
  const base = root.endsWith('/') ? root : `${root}/`;
  return new URL(`metrics/pageviews/per-article/${source.project}/all-access/user/${encodeURIComponent(source.article)}/daily/${yyyymmdd(start)}/${yyyymmdd(end)}`, base).toString();
}

/**
 * Parses an interest source's response and records its counts. The counts are dated by the response's `Date`
 * header (when the server produced them), else by `now`. Sets `result.interest` to what was recorded and returns
 * an empty feed result, so the crawl goes on as for a feed without items.
 */
export async function recordInterest(
  source: InterestSource,
  res: Pick<FetchResponse, 'body' | 'url' | 'headers'>,
  deps: { interest?: InterestWriter; now: Date },
  result?: { interest?: InterestCrawl },
): Promise<FeedParseResult> {
  if (!deps.interest) throw new Error(`source "${source.id}" is a ${source.kind} source, but this runtime has no interest store`);
  const parsed = parseInterestDocument(res.body, { name: res.url, kind: source.kind, baseUrl: res.url, contentType: res.headers['content-type'], now: deps.now });
  const servedAt = httpDate(res.headers.date) ?? parsed.servedAt ?? deps.now.toISOString();
  let crawl: InterestCrawl;
  if (parsed.kind === 'youtube') {
    const out = await deps.interest.recordVideos({ sourceId: source.id, studio: source.studio ?? null, channel: parsed.channel, videos: parsed.videos, observedAt: servedAt });
    crawl = { kind: 'youtube', videos: out.videos, counts: out.observations };
  } else {
    const src = source as Extract<Source, { kind: 'pageviews' }>;
    const out = await deps.interest.recordPageviews({
      sourceId: source.id,
      title: src.title ?? parsed.series?.article ?? source.id,
      project: src.project,
      article: src.article ?? parsed.series?.article ?? source.id,
      url: res.url,
      points: parsed.points,
    });
    crawl = { kind: 'pageviews', videos: 0, counts: out.days };
  }
  if (result) result.interest = crawl;
  return { kind: 'rss', items: [], warnings: parsed.warnings };
}
