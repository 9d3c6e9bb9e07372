// Selectors for an HTML list page that came without any: article elements, river items, or list items with headed links.
import type { CheerioAPI } from 'cheerio/slim';
import type { HtmlSelectors } from './parse.types.js';

const HEADING = ':is(h1, h2, h3, h4)';
// A headline link: a link inside a heading, or a card link wrapping one.
const HEADED_LINK = `${HEADING} a[href], a[href]:has(${HEADING})`;

// Tried in order; the first that matches at least two entries with a headed link wins.
const CANDIDATES = [
  'article',
  '.river-item',
  '.post',
  '.story',
  '.news-item',
  '.press-release',
  'li',
];

/** Guesses list selectors for a page, or null when nothing looks like a list of linked headlines. */
export function guessListSelectors($: CheerioAPI): HtmlSelectors | null {
  for (const candidate of CANDIDATES) {
    const item = `${candidate}:has(${HEADED_LINK})`;
    // Outer wrappers (an <li> holding a whole nested list) would swallow their children: keep innermost matches only.
    const matches = $(item).filter((_, el) => $(el).find(item).length === 0);
    if (matches.length >= 2) {
      return {
        item,
        title: HEADING,
        link: HEADED_LINK,
        date: 'time, [class*="date"]',
        summary: 'p:not([class*="date"]):not([class*="tag"]):not([class*="byline"])',
        author: '.author, .byline, [rel="author"]',
        category: '.category, .tag, [rel="tag"], [class*="__tag"]',
      };
    }
  }
  return null;
}
