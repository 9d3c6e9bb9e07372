// RSS 2.0, RSS 1.0 (RDF) and Atom feeds to normalized items: strict XML via rss-parser; when that fails, common
// breakage repaired and strict again; when that fails too, a tolerant read that recovers what items it can.
import Parser from 'rss-parser';
import type { ParsedItem } from '../../model/item.js';
import { xml2jsText } from './feed-text.js';
import { canonicalUrl, cleanTitle, contentHash, htmlToText, toIsoUtc } from './normalize.js';
import { takeCdataOpeners } from './text.js';
import { type FeedParseResult, type ParseInput, ParseError } from './parse.types.js';
import { readTolerantFeed } from './tolerant-feed.js';
import { repairXml, undeclaredPrefixes, xmlRootName } from './xml-sniff.js';

type Raw = Record<string, unknown>;
type RawFeed = { link?: unknown; items: Raw[] };

type FieldSpec = string | [string, string] | [string, string, { keepArray?: boolean; includeSnippet?: boolean }];

/** rss-parser internals we wrap (not in its typings). */
interface ParserInternals {
  parseItemAtom(entry: Raw): Raw;
  parseItemRss(xmlItem: Raw, itemFields: FieldSpec[]): Raw;
  setISODate(item: Raw): void;
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);
const NOT_RECOGNIZED = 'Feed not recognized as RSS 1 or 2.';

/** The sax parser inside rss-parser's xml2js parser (not in the typings). */
interface WithSax {
  xmlParser?: { saxParser?: { trackPosition?: boolean } };
}

/**
 * An rss-parser instance with our item hooks. `positions: false` turns off sax's per-character line/column counting,
 * a fifth of the XML parse on big feeds; positions only matter for error messages, so a failed parse is re-run with
 * them on (see parseFeed).
 */
function makeParser(positions = true): Parser {
  const parser = new Parser({
    defaultRSS: 2,
    customFields: {
      item: [
        ['category', 'rawCategories', { keepArray: true }],
        ['dc:subject', 'subjects', { keepArray: true }],
      ] as never,
    },
  });
  const internals = parser as unknown as ParserInternals;
  const parseItemAtom = internals.parseItemAtom.bind(parser);
  // rss-parser calls new Date(x).toISOString() on Atom dates, which throws on a bad date and loses the whole feed;
  // hand it the entry without them and keep the raw strings for toIsoUtc (Atom 0.3 names them issued/modified).
  // Text constructs are read by xml2jsText (base64, inline XHTML), so rss-parser does not serialize them first.
  // (Fields are blanked rather than copied away: a rest-spread copy of every item was measurable on big feeds.)
  internals.parseItemAtom = (entry) => {
    const { published, updated, content, summary } = entry;
    entry.published = undefined;
    entry.updated = undefined;
    entry.content = undefined;
    entry.summary = undefined;
    const item = parseItemAtom(entry);
    item.rawPublished = first(published) ?? first(entry.issued) ?? first(entry.created);
    item.rawUpdated = first(updated) ?? first(entry.modified);
    if (content !== undefined) item.content = xml2jsText(first(content));
    if (summary !== undefined) item.summary = xml2jsText(first(summary));
    const title = first(entry.title);
    if (title && typeof title === 'object') item.title = xml2jsText(title);
    if (!item.link && Array.isArray(entry.link)) item.link = linkText(entry.link);
    return item;
  };
  // rss-parser derives a regex-stripped "snippet" from description and content:encoded for every item; we build our
  // own text with htmlToText, so hand it the item without description and without the snippet option (about a third
  // of its per-item time on HTML-heavy feeds), and set `content` from the raw description ourselves.
  const parseItemRss = internals.parseItemRss.bind(parser);
  internals.parseItemRss = (xmlItem, itemFields) => {
    const description = xmlItem.description;
    const text = str(first(description));
    // Unescaped markup inside <description> arrives as child elements; rss-parser serializes those back to HTML.
    if (description !== undefined && text === null) return parseItemRss(xmlItem, itemFields);
    xmlItem.description = undefined;
    const item = parseItemRss(xmlItem, leanFields(itemFields));
    if (text !== null) item.content = text;
    else if (item['content:encoded'] === undefined) {
      // Rarer bodies: XHTML <body>, <fullitem>, <dc:description>.
      const alt = xmlItem['xhtml:body'] ?? xmlItem.body ?? xmlItem.fullitem ?? xmlItem['dc:description'];
      if (alt !== undefined) item.content = xml2jsText(first(alt));
    }
    if (item.pubDate === undefined && item.date === undefined) {
      item.rawPublished = first(xmlItem['dcterms:issued']) ?? first(xmlItem['dcterms:created']);
      item.rawUpdated = first(xmlItem['dcterms:modified']);
    }
    if (item.creator === undefined && xmlItem['dc:author'] !== undefined) item.creator = first(xmlItem['dc:author']);
    if (xmlItem.tags !== undefined) item.madeupTags = (str(first(xmlItem.tags)) ?? '').split(',');
    return item;
  };
  // Dates are parsed by toIsoUtc; skip rss-parser's lenient (local-time) one.
  internals.setISODate = () => {};
  const sax = (parser as unknown as WithSax).xmlParser?.saxParser;
  if (!positions && sax) sax.trackPosition = false;
  return parser;
}

const leanCache = new WeakMap<FieldSpec[], FieldSpec[]>();

/** Field list without includeSnippet; rss-parser passes the same array for every item of a feed, so cache by it. */
function leanFields(fields: FieldSpec[]): FieldSpec[] {
  let lean = leanCache.get(fields);
  if (!lean) {
    lean = fields.map((f) => (Array.isArray(f) && f.length > 2 ? ([f[0], f[1], { ...f[2], includeSnippet: false }] as FieldSpec) : f));
    leanCache.set(fields, lean);
  }
  return lean;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** An Atom <link> given as text instead of href (seen in the wild): the alternate one, else the first with text. */
function linkText(links: unknown[]): string | undefined {
  let fallback: string | undefined;
  for (const l of links) {
    const rel = (l as { $?: { rel?: string } })?.$?.rel ?? 'alternate';
    const text = str(l)?.trim();
    if (!text) continue;
    if (rel === 'alternate') return text;
    fallback ??= rel === 'self' || rel === 'enclosure' ? undefined : text;
  }
  return fallback;
}

/** Plain string of an xml2js value: strings as is, `{ _: text }` objects by their text. */
function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && '_' in v && typeof (v as { _: unknown })._ === 'string') return (v as { _: string })._;
  return null;
}

/** sax error text "Invalid character in entity name\nLine: 0\nColumn: 82\nChar: &" as one line. */
function describeXmlError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const reason = (msg.split('\n')[0] ?? msg).trim().replace(/\.$/, '');
  const line = /Line:\s*(\d+)/.exec(msg);
  const col = /Column:\s*(\d+)/.exec(msg);
  const where = line ? `line ${Number(line[1]) + 1}${col ? `, column ${col[1]}` : ''}: ` : '';
  return `${where}${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

/**
 * The decoded text may still carry a BOM character and declare its original byte encoding. xml2js (sax) works on
 * JS strings and ignores `encoding=` (a test pins this), so only the BOM is dropped; rewriting the declaration would
 * copy the whole document for nothing.
 */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** An error from the XML parser itself (sax says where), as opposed to rss-parser tripping over a missing <channel>. */
function isXmlSyntaxError(err: unknown): boolean {
  return err instanceof Error && /\nLine: \d+/.test(err.message);
}

// An <item> or <entry> start tag, prefixed or not.
const ITEM_TAG = /<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]/;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The tolerant read of a document strict parsing rejected (or read no items from), with what was wrong in words.
 * Null when it finds no items either.
 */
function recoverItems(text: string, problems: string[]): { feed: RawFeed; warning: string } | null {
  const t = readTolerantFeed(text);
  if (!t.items.length) return null;
  const what = [...problems];
  if (t.unclosed.length) what.push(`closed unclosed ${t.unclosed.slice(0, 3).map((n) => `<${n}>`).join(', ')}`);
  if (t.empty) what.push(`skipped ${plural(t.empty, 'empty item')}`);
  return { feed: { link: t.link ?? undefined, items: t.items }, warning: `recovered ${plural(t.items.length, 'item')} with a tolerant parse: ${what.join(', ')}` };
}

/** Parses an RSS 2.0, RSS 1.0/RDF or Atom document into normalized items. */
export async function parseFeed(input: ParseInput): Promise<FeedParseResult> {
  const text = stripBom(input.body);
  const root = xmlRootName(text);
  if (!root) throw new ParseError('not_a_feed', /\S/.test(text.slice(0, 1024)) ? 'no XML element found' : 'empty document');
  if (!FEED_ROOTS.has(root.toLowerCase())) {
    throw new ParseError('not_a_feed', `root element <${root}> is not rss, feed or rdf:RDF`);
  }

  let strictErr: unknown = null;
  let feed: RawFeed | null = null;
  try {
    feed = (await makeParser(false).parseString(text)) as unknown as RawFeed;
  } catch (err) {
    if (err instanceof Error && err.message === NOT_RECOGNIZED) {
      throw new ParseError('not_a_feed', `<${root}> is not a recognized feed`, { cause: err });
    }
    strictErr = err;
  }
  if (feed && feed.items.length === 0 && ITEM_TAG.test(text)) {
    // Items rss-parser does not look for (outside <channel>, a prefixed <atom:entry>, ...).
    const read = await readBroken(text, null, 'items outside where a strict reader looks for them');
    if (read.feed?.items.length) return finish(read.feed, input, text, read.warnings);
  }
  if (feed) {
    takeCdataOpeners();
    const result = finish(feed, input, text, []);
    // A CDATA section left open runs on to the next section's "]]>", silently swallowing the items between: the
    // swallowed "<![CDATA[" shows up inside an item's HTML. Rare, and only then is the document read again.
    if (!takeCdataOpeners() || !repairXml(text).fixes.some((f) => f.includes('unterminated CDATA'))) return result;
    const again = await readBroken(text, null, 'strict XML ran it on to a later section, swallowing what came between');
    return again.feed ? finish(again.feed, input, text, again.warnings) : result;
  }
  const read = await readBroken(text, strictErr, null);
  return finish(read.feed ?? { items: [] }, input, text, read.warnings);
}

/**
 * Reads a document strict parsing rejected (`err`) or misread (`why`): repairs and strict again, else the tolerant
 * read. Throws malformed_xml when nothing can be recovered from a syntax error.
 */
async function readBroken(text: string, err: unknown, why: string | null): Promise<{ feed: RawFeed | null; warnings: string[] }> {
  const warnings: string[] = [];
  // Again with line/column tracking, for a message that says where (and so that sax errors are told apart).
  const located = err === null ? null : await makeParser().parseString(text).then(() => err, (e: unknown) => e);
  const syntax = located !== null && isXmlSyntaxError(located);
  const reason = why ?? describeXmlError(located);
  const repaired = repairXml(text);
  let lastErr = located;
  if (repaired.fixes.length || repaired.expanded) {
    try {
      const feed = (await makeParser().parseString(repaired.text)) as unknown as RawFeed;
      // Expanding DOCTYPE entities alone repaired nothing: the document was well-formed XML.
      if (repaired.fixes.length) warnings.push(`repaired malformed XML: ${repaired.fixes.join(', ')} (${reason})`);
      if (feed.items.length || !ITEM_TAG.test(text)) return { feed, warnings };
    } catch (err2) {
      lastErr = err2;
    }
  }
  const structure = /<(?:[\w.-]+:)?channel[\s>/]/.test(text) ? 'items outside where a strict reader looks for them' : 'no <channel> element';
  const problems = [...repaired.fixes, why ?? (syntax ? describeXmlError(lastErr) : structure)];
  const rescue = recoverItems(repaired.text, problems);
  if (rescue) return { feed: rescue.feed, warnings: [rescue.warning] };
  if (syntax) throw new ParseError('malformed_xml', describeXmlError(lastErr), { cause: lastErr });
  if (ITEM_TAG.test(text) && err !== null) throw new ParseError('malformed_xml', `${structure}, and none of its items could be read`);
  // Well-formed enough, just nothing to read (e.g. <rss> without <channel> or items): no items.
  return { feed: null, warnings };
}

/** Normalizes the raw items of either path, and adds the warnings about the items themselves. */
function finish(feed: RawFeed, input: ParseInput, text: string, warnings: string[]): FeedParseResult {
  const undeclared = undeclaredPrefixes(text);
  if (undeclared.length) {
    warnings.push(`undeclared namespace prefix${undeclared.length === 1 ? '' : 'es'} ${undeclared.map((p) => `'${p}'`).join(', ')}: read as if declared`);
  }
  const feedLink = canonicalUrl(str(feed.link), input.baseUrl);
  const base = feedLink ?? input.baseUrl;
  const dateOpts = { now: input.now, timeZone: input.timeZone };
  const items: ParsedItem[] = [];
  const untitled: number[] = [];
  const badDates: string[] = [];
  let unresolved = 0;

  const rawItems = feed.items;
  for (let i = 0; i < rawItems.length; i++) {
    const raw = rawItems[i]!;
    const title = cleanTitle(str(raw.title));
    if (!title) untitled.push(i + 1);

    const guidRaw = str(raw.guid) ?? str(raw.id) ?? str(raw['rdf:about']);
    const guid = guidRaw?.trim() || null;
    const link = str(raw.link)?.trim() || null;
    let url = canonicalUrl(link, base);
    if (!url && !link && guid) url = canonicalUrl(guid); // RSS guid isPermaLink defaults to true
    if (link && !url && !/^(?:javascript|mailto|tel|data):/i.test(link)) unresolved++;

    let publishedAt: string | null = null;
    let rawDate: string | null = null;
    for (const candidate of [raw.pubDate, raw.date, raw.rawPublished, raw.rawUpdated]) {
      const d = str(candidate)?.trim();
      if (!d) continue;
      rawDate ??= d;
      publishedAt = toIsoUtc(d, dateOpts);
      if (publishedAt) break;
    }
    if (rawDate && !publishedAt) badDates.push(rawDate);

    const body = str(raw['content:encoded']) || str(raw.content) || str(raw.summary) || '';
    const bodyText = htmlToText(body);

    items.push({
      url,
      guid,
      title,
      publishedAt,
      author: authorOf(raw),
      text: bodyText,
      categories: categoriesOf(raw),
      hash: contentHash(title, bodyText, { textIsPlain: true }),
    });
  }

  if (untitled.length) warnings.push(`${untitled.length} item(s) have an empty title (#${untitled.slice(0, 10).join(', #')})`);
  if (badDates.length) warnings.push(`${badDates.length} item(s) have an unparseable date, e.g. "${badDates[0]}"`);
  if (unresolved) warnings.push(`${unresolved} item link(s) could not be made absolute${base ? '' : ' (no base URL)'}`);
  return { kind: 'rss', items, warnings };
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; xml2js objects → their text. */
function authorOf(raw: Raw): string | null {
  // An empty <dc:creator/> must not hide a real <author>: rss-parser maps both to `creator`.
  let a = str(raw.creator)?.trim() || str(raw.author);
  if (!a && raw.author && typeof raw.author === 'object') a = str(first((raw.author as Raw).name));
  if (!a) return null;
  const paren = /^\s*\S+@\S+\s*\((.+)\)\s*$/.exec(a);
  const name = cleanTitle(paren ? paren[1] : a);
  return name || null;
}

function categoriesOf(raw: Raw): string[] {
  const out: string[] = [];
  for (const list of [raw.madeupTags, raw.rawCategories, raw.subjects]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      let s = str(c);
      if (s === null && c && typeof c === 'object') {
        const attrs = (c as { $?: Record<string, unknown> }).$;
        s = typeof attrs?.term === 'string' ? attrs.term : typeof attrs?.label === 'string' ? attrs.label : null;
      }
      const name = cleanTitle(s);
      if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}
