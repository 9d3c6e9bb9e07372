// The one contract every parser (rss, html list, box-office chart) implements.
import type { ParsedItem } from '../../model/item.js';
import type { BoxOfficeEntry, ChartInfo } from '../../model/boxoffice.js';
import type { ChannelInfo, PageviewPoint, PageviewSeriesInfo, VideoStat } from '../../model/interest.js';

export interface ParseLimits {
  /** Deepest element nesting accepted (Chromium's tree builder stops at 512 too). */
  maxDepth: number;
  /** Elements accepted in one page: bounds the DOM's memory before it is built. */
  maxElements: number;
  /** Wall-clock budget of one page's parse (DOM, selectors, guessing, chart reading). */
  timeoutMs: number;
}

/**
 * Real pages nest a few dozen elements deep and hold a few thousand elements (a 2,700-row chart
 * about 90,000); selector matching and DOM building cost about depth × elements, which is what a
 * page nested 200,000 deep turned into minutes of blocked event loop.
 */
export const PARSE_LIMITS: Readonly<ParseLimits> = { maxDepth: 512, maxElements: 250_000, timeoutMs: 5_000 };

export type SourceKind = 'rss' | 'html' | 'boxoffice';

/** Audience-interest sources: counts rather than items (parsed by parse-interest.ts). */
export type InterestKind = 'youtube' | 'pageviews';

/** CSS selectors for an html list source (newsroom pages). */
export interface HtmlSelectors {
  item: string;
  title: string;
  link?: string;
  date?: string;
  summary?: string;
  author?: string;
  category?: string;
}

export interface ParseInput {
  /** Decoded body text. */
  body: string;
  /** URL the body came from (base for relative links); a file:// URL or undefined for local files. */
  baseUrl?: string;
  /** html sources: selectors; boxoffice: optional layout hint. */
  selectors?: HtmlSelectors;
  layout?: 'boxofficemojo' | 'the-numbers';
  /** Reference time for rejecting dates in the future; defaults to the current time. */
  now?: Date;
  /** IANA zone for dates that carry none (e.g. "America/New_York"); defaults to UTC. */
  timeZone?: string;
}

export interface FeedParseResult {
  kind: 'rss' | 'html';
  items: ParsedItem[];
  warnings: string[];
}

export interface ChartParseResult {
  kind: 'boxoffice';
  chart: ChartInfo;
  entries: BoxOfficeEntry[];
  warnings: string[];
}

/** A YouTube channel feed: its videos with their counts (audience interest). */
export interface YoutubeParseResult {
  kind: 'youtube';
  channel: ChannelInfo;
  videos: VideoStat[];
  warnings: string[];
}

/** Wikimedia per-article daily page views. */
export interface PageviewsParseResult {
  kind: 'pageviews';
  series: PageviewSeriesInfo | null;
  points: PageviewPoint[];
  warnings: string[];
}

export type ParseResult = FeedParseResult | ChartParseResult;

export type InterestParseResult = YoutubeParseResult | PageviewsParseResult;

/** Thrown when input cannot be parsed at all; `code` is stable, `message` is one plain line. */
export class ParseError extends Error {
  constructor(
    readonly code: 'malformed_xml' | 'not_a_feed' | 'no_chart' | 'no_items' | 'bad_encoding' | 'unknown_kind' | 'bad_selectors' | 'parse_budget' | 'api_error',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ParseError';
  }
}
