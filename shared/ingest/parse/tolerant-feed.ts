// The forgiving feed reader, used only when strict XML parsing fails: htmlparser2 in XML mode (unclosed and
// mismatched tags, stray text, unknown entities are all tolerated) and a field-by-field read of every <item>/<entry>.
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { feedText } from './feed-text.js';

/** One text run inside an element: CDATA content is taken as is, other text still has its entity references. */
interface Run {
  text: string;
  cdata: boolean;
}

interface XNode {
  /** Qualified name as written ("content:encoded"). */
  name: string;
  /** Lowercased name, for matching: broken feeds are not careful about case. */
  key: string;
  attrs: Record<string, string>;
  children: (XNode | Run)[];
}

/** An item as the strict path's rss-parser hooks shape it, so both paths share one normalization. */
export type RawItem = Record<string, unknown>;

export interface TolerantFeed {
  link: string | null;
  items: RawItem[];
  /** Elements the document never closed (htmlparser2 closed them at the parent's end tag or at the end). */
  unclosed: string[];
  /** <item>/<entry> elements skipped because they had nothing at all (no title, link, id, body, date, author, category). */
  empty: number;
}

function isNode(c: XNode | Run): c is XNode {
  return (c as XNode).name !== undefined;
}

const MAX_DEPTH = 200;

function build(text: string): { root: XNode; unclosed: Set<string> } {
  const root: XNode = { name: '#document', key: '#document', attrs: {}, children: [] };
  const stack: XNode[] = [root];
  const unclosed = new Set<string>();
  let cdata = false;
  // A self-closing tag is reported as an implied close right after its open; only a missing end tag matters here.
  let justOpened = false;
  // Past MAX_DEPTH (thousands of unclosed <br> in a description), elements become leaves: the walks below recurse.
  let flattened = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const node: XNode = { name, key: name.toLowerCase(), attrs, children: [] };
        stack[stack.length - 1]!.children.push(node);
        if (stack.length > MAX_DEPTH) flattened++;
        else stack.push(node);
        justOpened = true;
      },
      onclosetag(name, isImplied) {
        // htmlparser2 closes innermost first, so the flattened ones close before anything on our stack.
        if (flattened > 0) flattened--;
        else if (stack.length > 1) stack.pop();
        if (isImplied && !justOpened) unclosed.add(name);
        justOpened = false;
      },
      ontext(data) {
        justOpened = false;
        const children = stack[stack.length - 1]!.children;
        const last = children[children.length - 1];
        if (last && !isNode(last) && last.cdata === cdata) last.text += data;
        else children.push({ text: data, cdata });
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.end(text);
  return { root, unclosed };
}

const ITEM_KEYS = new Set(['item', 'entry', 'rss:item', 'atom:entry', 'rdf:item']);

/** Every <item>/<entry>, outermost first; one left open swallows the next, which is still read as its own item. */
function findItems(node: XNode, out: XNode[]): XNode[] {
  for (const c of node.children) {
    if (!isNode(c)) continue;
    if (ITEM_KEYS.has(c.key)) out.push(c);
    findItems(c, out);
  }
  return out;
}

// Elements whose own children (a title, a link) describe something else: an image, the source feed, a category.
const NO_DESCEND = new Set(['image', 'source', 'atom:source', 'category', 'textinput', 'media:group', 'media:content']);

/**
 * Descendants of an item in document order, not entering nested items nor NO_DESCEND elements. Descendants and not
 * only children: a field inside an unclosed <title> is still the item's.
 */
function fieldsOf(item: XNode): Map<string, XNode[]> {
  const out = new Map<string, XNode[]>();
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (!isNode(c) || ITEM_KEYS.has(c.key)) continue;
      const list = out.get(c.key);
      if (list) list.push(c);
      else out.set(c.key, [c]);
      if (!NO_DESCEND.has(c.key)) walk(c);
    }
  };
  walk(item);
  return out;
}

const escapeAttr = (s: string) => s.replace(/&(?![#\w]+;)/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The element's content as HTML: text as written (entity references intact), CDATA as is (inside mixed content it
 * is HTML, as in RSS descriptions), children re-serialized.
 */
function innerHtml(n: XNode): string {
  let out = '';
  for (const c of n.children) {
    if (!isNode(c)) out += c.text;
    else {
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => !k.startsWith('xmlns'))
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join('');
      out += `<${c.name}${attrs}>${innerHtml(c)}</${c.name}>`;
    }
  }
  return out;
}

/** Text directly in the element (CDATA as is, entity references decoded), ignoring child elements. */
function ownText(n: XNode): string {
  let out = '';
  for (const c of n.children) if (!isNode(c)) out += c.cdata ? c.text : decodeHTML(c.text);
  return out;
}

// Element names that are feed fields, not inline markup: seen inside a title, they mean the title was never closed.
const FIELD_KEYS = new Set([
  'title', 'link', 'guid', 'id', 'description', 'summary', 'content', 'content:encoded', 'pubdate', 'dc:date',
  'dc:creator', 'author', 'category', 'published', 'updated', 'enclosure', 'comments', 'source', 'media:content',
]);

/** A field's value: plain text when it has no child elements (or only other fields, from a missing end tag), else HTML. */
function value(n: XNode): string {
  const kids = n.children.filter(isNode);
  if (!kids.length || kids.some((k) => FIELD_KEYS.has(k.key))) return feedText(ownText(n), n.attrs);
  // TypePad: escaped markup in a type="html" element, wrapped in a <div>: the div's text is the HTML.
  const only = kids.length === 1 ? kids[0]! : null;
  if (only?.key === 'div' && n.attrs.type?.toLowerCase() === 'html' && !only.children.some(isNode) && !ownText(n).trim()) return ownText(only);
  return feedText(innerHtml(n), n.attrs);
}

function firstValue(fields: Map<string, XNode[]>, keys: string[]): string | null {
  for (const k of keys) {
    const n = fields.get(k)?.[0];
    if (!n) continue;
    const v = value(n).trim();
    if (v) return v;
  }
  return null;
}

/** Atom links by href (rel alternate or none first), then RSS-style link text. */
function linkOf(links: XNode[] | undefined): string | null {
  if (!links?.length) return null;
  const rel = (n: XNode) => (n.attrs.rel ?? 'alternate').toLowerCase();
  const href = (n: XNode) => decodeHTML(n.attrs.href ?? '').trim();
  const byHref = links.find((n) => href(n) && rel(n) === 'alternate');
  if (byHref) return href(byHref);
  const byText = links.find((n) => rel(n) === 'alternate' && ownText(n).trim());
  if (byText) return ownText(byText).trim();
  const other = links.find((n) => href(n) && !['self', 'enclosure', 'replies', 'edit', 'hub'].includes(rel(n)));
  return other ? href(other) : null;
}

const BODY_KEYS = ['content:encoded', 'content', 'atom:content', 'xhtml:body', 'body', 'fullitem', 'description', 'summary', 'atom:summary', 'dc:description'];
const PUBLISHED_KEYS = ['pubdate', 'dc:date', 'published', 'atom:published', 'issued', 'dcterms:issued', 'created', 'dcterms:created'];
const UPDATED_KEYS = ['updated', 'atom:updated', 'modified', 'dcterms:modified'];

function authorOf(fields: Map<string, XNode[]>): string | null {
  const creator = firstValue(fields, ['dc:creator']);
  if (creator) return creator;
  for (const a of [...(fields.get('author') ?? []), ...(fields.get('atom:author') ?? [])]) {
    const name = a.children.find((c): c is XNode => isNode(c) && (c.key === 'name' || c.key === 'atom:name'));
    const v = (name ? ownText(name) : ownText(a)).trim();
    if (v) return v;
  }
  return firstValue(fields, ['dc:author']);
}

function categoriesOf(fields: Map<string, XNode[]>): string[] {
  const out: string[] = [];
  for (const n of fields.get('tags') ?? []) out.push(...ownText(n).split(','));
  for (const n of [...(fields.get('category') ?? []), ...(fields.get('atom:category') ?? [])]) {
    out.push(ownText(n).trim() || decodeHTML(n.attrs.term ?? n.attrs.label ?? ''));
  }
  for (const n of fields.get('dc:subject') ?? []) out.push(ownText(n));
  return out.map((c) => c.trim()).filter(Boolean);
}

function readItem(item: XNode): RawItem | null {
  const f = fieldsOf(item);
  const title = firstValue(f, ['title', 'dc:title', 'atom:title']);
  const link = linkOf([...(f.get('link') ?? []), ...(f.get('atom:link') ?? [])]);
  const guid = firstValue(f, ['guid', 'id', 'atom:id']) ?? (item.attrs['rdf:about']?.trim() || null);
  const body = firstValue(f, BODY_KEYS);
  const published = firstValue(f, PUBLISHED_KEYS);
  const updated = firstValue(f, UPDATED_KEYS);
  const author = authorOf(f);
  const categories = categoriesOf(f);
  if (!title && !link && !guid && !body && !published && !updated && !author && !categories.length) return null;
  return {
    title: title ?? '',
    link: link ?? undefined,
    guid: guid ?? undefined,
    rawPublished: published ?? undefined,
    rawUpdated: updated ?? undefined,
    'content:encoded': body ?? undefined,
    creator: author ?? undefined,
    rawCategories: categories,
  };
}

/** The channel's (RSS) or feed's (Atom) own link: the base for relative item links. */
function feedLinkOf(root: XNode): string | null {
  const top: XNode[] = [];
  const collect = (n: XNode, depth: number) => {
    for (const c of n.children) {
      if (!isNode(c) || ITEM_KEYS.has(c.key)) continue;
      if (c.key === 'link' || c.key === 'atom:link') top.push(c);
      else if (depth < 3) collect(c, depth + 1);
    }
  };
  collect(root, 0);
  return linkOf(top);
}

/** Reads every item it can find out of a document that strict XML parsing rejected. */
export function readTolerantFeed(text: string): TolerantFeed {
  const { root, unclosed } = build(text);
  const items: RawItem[] = [];
  let empty = 0;
  for (const node of findItems(root, [])) {
    const raw = readItem(node);
    if (raw) items.push(raw);
    else empty++;
  }
  return { link: feedLinkOf(root), items, unclosed: [...unclosed], empty };
}
