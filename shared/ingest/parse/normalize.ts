// Normalization used by every parser: canonical URLs, plain text, titles, UTC dates and content hashes.
import { createHash } from 'node:crypto';
import { collapseWhitespace } from './text.js';

export { canonicalUrl } from './url.js';
export { htmlToText, cleanTitle } from './text.js';
export { toIsoUtc, type DateOptions } from './dates.js';

function normalizeForHash(s: string): string {
  return collapseWhitespace(s.toLowerCase());
}

/** First 32 hex chars of sha256 over the lowercased, whitespace-collapsed title + "\n" + text. */
export function contentHash(title: string, text: string): string {
  return createHash('sha256')
    .update(`${normalizeForHash(title)}\n${normalizeForHash(text)}`)
    .digest('hex')
    .slice(0, 32);
}
