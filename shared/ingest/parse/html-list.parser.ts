// Newsroom-style HTML list pages to normalized items, driven by CSS selectors (or a guessed set of them).
import type { CheerioAPI, Cheerio } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { ParsedItem } from '../../model/item.js';
import { canonicalUrl, cleanTitle, contentHash, htmlToText, toIsoUtc } from './normalize.js';
import { type FeedParseResult, type HtmlSelectors, type ParseInput, ParseError } from './parse.types.js';
import { loadHtml, withParseBudget, type ParseLimits } from './parse-budget.js';

/** Parses an HTML list page with `input.selectors`; throws ParseError('no_items') when the item selector matches nothing. */
export async function parseHtmlList(input: ParseInput, limits?: Partial<ParseLimits>): Promise<FeedParseResult> {
  return withParseBudget(limits, () => parseHtmlListSync(input));
}

/** parseHtmlList without its own budget: for a caller already inside one. */
export function parseHtmlListSync(input: ParseInput): FeedParseResult {
  if (!input.selectors) throw new ParseError('bad_selectors', 'an html source needs selectors (item, title, ...)');
  return parseHtmlListWith(loadHtml(input.body), input, input.selectors);
}

/** Same as parseHtmlList on an already loaded document. */
export function parseHtmlListWith($: CheerioAPI, input: ParseInput, sel: HtmlSelectors): FeedParseResult {
  const warnings: string[] = [];
  const items: ParsedItem[] = [];
  const base = documentBase($, input.baseUrl);
  const dateOpts = { now: input.now, timeZone: input.timeZone };
  const nodes = select($, sel.item, 'item');
  if (nodes.length === 0) throw new ParseError('no_items', `selector "${sel.item}" matched nothing`);

  let untitled = 0;
  let unresolved = 0;
  let badDates = 0;
  nodes.each((_, el) => {
    const item = $(el);
    const titleEl = find(item, sel.title, 'title').first();
    const title = cleanTitle(titleEl.text());

    const href = linkOf(item, sel.link);
    const url = canonicalUrl(href, base);
    if (href && !url && !/^(?:javascript|mailto|tel|data):/i.test(href.trim()) && !href.trim().startsWith('#')) unresolved++;
    if (!title && !url) return; // a spacer or ad slot, not an entry

    if (!title) untitled++;
    const rawDate = dateOf(item, sel.date);
    const publishedAt = toIsoUtc(rawDate, dateOpts);
    if (rawDate && !publishedAt) badDates++;

    const text = sel.summary ? htmlToText(find(item, sel.summary, 'summary').first().html()) : '';
    const author = sel.author ? cleanTitle(find(item, sel.author, 'author').first().text()) || null : null;
    const categories = sel.category
      ? [...new Set(find(item, sel.category, 'category').map((_, c) => cleanTitle($(c).text())).get().filter(Boolean))]
      : [];
    items.push({ url, guid: null, title, publishedAt, author, text, categories, hash: contentHash(title, text, { textIsPlain: true }) });
  });

  if (untitled) warnings.push(`${untitled} item(s) have an empty title (selector "${sel.title}")`);
  if (badDates) warnings.push(`${badDates} item(s) have an unparseable date`);
  if (unresolved) warnings.push(`${unresolved} link(s) could not be made absolute${base ? '' : ' (no base URL)'}`);
  if (items.length === 0) throw new ParseError('no_items', `selector "${sel.item}" matched only entries without title or link`);
  return { kind: 'html', items, warnings };
}

/** `<base href>` resolved against the page URL, else the page URL. */
function documentBase($: CheerioAPI, baseUrl: string | undefined): string | undefined {
  const href = $('base[href]').first().attr('href');
  return (href && canonicalUrl(href, baseUrl)) || baseUrl;
}

function select($: CheerioAPI, selector: string, what: string): Cheerio<Element> {
  try {
    return $(selector) as Cheerio<Element>; // a selector string only ever matches elements
  } catch (err) {
    throw new ParseError('bad_selectors', `${what} selector "${selector}" is not valid CSS`, { cause: err });
  }
}

function find(scope: Cheerio<Element>, selector: string, what: string): Cheerio<Element> {
  try {
    return scope.find(selector);
  } catch (err) {
    throw new ParseError('bad_selectors', `${what} selector "${selector}" is not valid CSS`, { cause: err });
  }
}

function linkOf(item: Cheerio<Element>, selector: string | undefined): string | undefined {
  if (!selector && item.is('a[href]')) return item.attr('href');
  const el = selector ? find(item, selector, 'link').first() : item.find('a[href]').first();
  if (el.is('[href]')) return el.attr('href');
  return el.find('a[href]').first().attr('href');
}

/** A `datetime` attribute (on the matched element or a <time> inside it) beats the visible text. */
function dateOf(item: Cheerio<Element>, selector: string | undefined): string | null {
  const el = selector ? find(item, selector, 'date').first() : item.find('time').first();
  if (el.length === 0) return null;
  const attr = el.attr('datetime') ?? el.find('time[datetime]').first().attr('datetime');
  const value = attr ?? el.text();
  return value.replace(/\s+/g, ' ').trim() || null;
}
