// One-line extractive summary: the cleaned headline, or the first informative body sentence when the headline teases.
import { isInstructionLike } from './text.js';

export const SUMMARY_MAX = 200;

const PREFIX = /^(?:(?:EXCLUSIVE|Exclusive|EXCL|UPDATED?|Updated?|BREAKING|Breaking|WATCH|Watch|VIDEO|Video|PHOTOS?|Photos?|REPORT|Report|FIRST LOOK|LISTEN|Listen)\s*:\s*)+/;
const SUFFIX = /\s*(?:\((?:exclusive|updated?|watch|video|photos?)\)|[–—-]\s*(?:update|updated)\b.*|\s[|–—-]\s(?:Deadline|Variety|The Hollywood Reporter|THR|IndieWire|TheWrap|Screen Daily|Screen International|Collider|Vulture|Los Angeles Times|The New York Times|Bloomberg|Reuters|Associated Press|AP|Box Office Mojo|Boxoffice Pro)\b.*)$/i;
const TEASER = /\?\s*$|^(?:why|how|what|who|here's|here is|this is|these are|everything|you|inside|meet|the \d+ |\d+ (?:things|reasons|ways|movies|films|best))\b/i;
// "SANTA MONICA, CA (November 19, 2026) - " press-release datelines.
const DATELINE = /^[A-Z][A-Z .,'’-]{2,40}(?:,\s*[A-Z][A-Za-z.]{1,12})?\s*(?:\([^)]{0,40}\))?\s*[-–—:]\s+/;

/** The headline without outlet names and labels such as "EXCLUSIVE:" or "(Updated)". */
export function cleanHeadline(headline: string): string {
  return headline.replace(PREFIX, '').replace(SUFFIX, '').replace(/\s+/g, ' ').trim();
}

/**
 * A one-line summary made only of the story's own words: the cleaned headline, or, when the headline is a teaser
 * ("Why…?", "Everything we know…"), shouting press-release caps or empty, the first informative body sentence.
 * Cut at a word boundary to at most 200 characters.
 */
export function summarize(headline: string, bodySentences: readonly string[]): string {
  const head = cleanHeadline(headline);
  const shouting = head.length > 12 && head === head.toUpperCase() && /[A-Z]{4}/.test(head);
  let summary = head;
  if (!head || TEASER.test(head) || shouting || head.split(' ').length < 3) {
    const sentence = bodySentences
      .map((s) => s.replace(DATELINE, '').trim())
      .find((s) => s.length >= 40 && s.split(' ').length >= 7 && !isInstructionLike(s) && !/^the post\b/i.test(s));
    if (sentence) summary = sentence;
  }
  return truncate(summary, SUMMARY_MAX);
}

/** Cuts `s` to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncate(s: string, max = SUMMARY_MAX): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
