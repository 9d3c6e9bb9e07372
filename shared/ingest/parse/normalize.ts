// Normalization used by every parser: canonical URLs, plain text, titles, UTC dates and content hashes.
import { hash } from 'node:crypto';
import { collapseWhitespace } from './text.js';

export { canonicalUrl } from './url.js';
export { htmlToText, cleanTitle } from './text.js';
export { toIsoUtc, type DateOptions } from './dates.js';

export interface HashOptions {
  /** `text` is htmlToText output (lines already collapsed): only its line breaks need folding. Saves a scan. */
  textIsPlain?: boolean;
}

/** First 32 hex chars of sha256 over the lowercased, whitespace-collapsed title + "\n" + text. */
export function contentHash(title: string, text: string, opts?: HashOptions): string {
  const lowerText = text.toLowerCase();
  const normText = opts?.textIsPlain ? lowerText.replaceAll('\n', ' ') : collapseWhitespace(lowerText);
  // One-shot crypto.hash: no Hash object per item (this runs for every item of every feed).
  return hash('sha256', `${collapseWhitespace(title.toLowerCase())}\n${normText}`, 'hex').slice(0, 32);
}
