// From raw bytes (a response body or a saved `curl -i` file) to audience-interest counts: a YouTube channel feed or
// Wikimedia page views. Apart from parse-document.ts because these yield counts, not items or chart entries.
import { decodeBody } from './decode.js';
import { splitHttpResponse } from './http-response.js';
import { parsePageviews } from './pageviews.parser.js';
import { ParseError, type InterestKind, type InterestParseResult } from './parse.types.js';
import { xmlRootName } from './xml-sniff.js';
import { parseYoutubeFeed } from './youtube.parser.js';

export interface ParseInterestOptions {
  /** File name or URL, for messages. */
  name: string;
  kind?: InterestKind;
  baseUrl?: string;
  contentType?: string;
  now?: Date;
}

/** The interest kind of a decoded document (a YouTube feed or page-view JSON), or null. */
export function detectInterestKind(text: string): InterestKind | null {
  const root = xmlRootName(text)?.toLowerCase() ?? null;
  if (root === 'feed' && text.includes('http://www.youtube.com/xml/schemas/2015')) return 'youtube';
  if (/^\s*\{\s*"items"\s*:\s*\[/.test(text) && /"granularity"\s*:/.test(text.slice(0, 4000))) return 'pageviews';
  return null;
}

/**
 * Parses raw bytes of an interest source: splits saved HTTP headers, decodes, and runs the parser of `kind`
 * (detected when not given). The response's `Date` header, when there is one, is returned as `servedAt`.
 */
export function parseInterestDocument(bytes: Uint8Array, opts: ParseInterestOptions): InterestParseResult & { servedAt: string | null } {
  const http = splitHttpResponse(bytes);
  const contentType = http.headers?.['content-type'] ?? opts.contentType;
  const decoded = decodeBody(http.body, contentType);
  const kind = opts.kind ?? detectInterestKind(decoded.text);
  if (!kind) throw new ParseError('unknown_kind', 'neither a YouTube channel feed nor Wikimedia page-view JSON');
  const input = { body: decoded.text, baseUrl: opts.baseUrl, now: opts.now };
  const result = kind === 'youtube' ? parseYoutubeFeed(input) : parsePageviews(input);
  result.warnings.unshift(...decoded.warnings);
  return { ...result, servedAt: httpDate(http.headers?.date) };
}

/** An HTTP `Date` header as ISO-8601 UTC, or null when absent or unparseable. */
export function httpDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
