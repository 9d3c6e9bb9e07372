// Cheap looks at XML text without parsing it: the root element name, undeclared prefixes, and repairs for the usual breakage.
import { decodeHTML } from 'entities';

/** Name of the first element after the prolog (declaration, comments, doctype), or null when there is none. */
export function xmlRootName(text: string): string | null {
  let i = 0;
  const n = Math.min(text.length, 1 << 16);
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= n) return null;
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt + 2);
      if (end < 0) return null;
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(lt, lt + 200));
      if (m) return m[1]!;
      i = lt + 1;
    }
  }
  return null;
}

export interface XmlRepair {
  text: string;
  /** What was fixed, e.g. ['escaped 2 bare "&"']; empty when nothing needed fixing. */
  fixes: string[];
  /** Well-formed XML our parser does not support and the repair expanded (entities declared in the DOCTYPE). */
  expanded: number;
}

// CDATA sections are matched too so that an "&" inside them is left alone; comments likewise.
const AMP_OR_CDATA = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?:(#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z_][\w.-]{0,31});)?/g;
const XML_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** Longest entity value we expand: a DOCTYPE may not make the document grow without bound. */
const MAX_ENTITY_VALUE = 2048;

/** General entities declared in the DOCTYPE's internal subset: `<!ENTITY name "value">` (not external, not %param). */
export function declaredEntities(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text.slice(0, 1 << 16));
  if (!doctype) return out;
  for (const m of doctype[1]!.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    const value = m[2] ?? m[3] ?? '';
    if (value.length <= MAX_ENTITY_VALUE && !out.has(m[1]!)) out.set(m[1]!, value);
  }
  return out;
}

/** Whether `&name;` is an HTML named character reference (sax knows these; so does our text pass). */
function isHtmlEntity(name: string): boolean {
  return decodeHTML(`&${name};`) !== `&${name};`;
}

/**
 * Closes CDATA sections that run past the end tag of the element they opened in (their "]]>" is missing, so the
 * section only ends at a later one's): "]]>" goes just before that end tag. A section that never ends and has no end
 * tag after it loses its opener. A "<![CDATA[" inside a properly ended section is legal text and left alone.
 */
function closeCdata(text: string): { text: string; closed: number } {
  let closed = 0;
  let out = '';
  let from = 0;
  let at = 0;
  for (;;) {
    const open = text.indexOf('<![CDATA[', at);
    if (open < 0) break;
    const body = open + 9;
    const end = text.indexOf(']]>', body);
    const parent = /<([A-Za-z_][\w:.-]*)(?:\s[^<>]*)?>\s*$/.exec(text.slice(Math.max(0, open - 512), open));
    const close = parent ? text.indexOf(`</${parent[1]}`, body) : -1;
    if (end >= 0 && (close < 0 || end < close)) {
      at = end + 3;
      continue;
    }
    closed++;
    if (close < 0) {
      // Nowhere sensible to end it: drop the opener, so what follows parses as ordinary markup.
      out += text.slice(from, open);
      from = at = body;
    } else {
      out += `${text.slice(from, close)}]]>`;
      from = at = close;
    }
  }
  return closed ? { text: out + text.slice(from), closed } : { text, closed: 0 };
}

/**
 * Fixes what commonly breaks real feeds: stray text before the XML declaration, unterminated CDATA sections,
 * entities not declared anywhere (kept as text), bare "&", control characters. Entities declared in the DOCTYPE are
 * well-formed XML that sax cannot expand: they are expanded too, and counted apart.
 */
export function repairXml(text: string): XmlRepair {
  const fixes: string[] = [];
  let t = text;
  const decl = t.indexOf('<?xml');
  if (decl > 0 && t.slice(0, decl).trim()) {
    // Keep the stray part's line breaks so error line numbers still point at the original lines.
    t = t.slice(0, decl).replace(/[^\n]/g, '') + t.slice(decl);
    fixes.push('removed stray text before the XML declaration');
  }
  const cut = /<!\[(?:C(?:D(?:A(?:T(?:A)?)?)?)?)?\s*$/.exec(t);
  if (cut) {
    t = t.slice(0, cut.index);
    fixes.push('dropped a CDATA opener cut off at the end');
  }
  const cdata = closeCdata(t);
  if (cdata.closed) {
    t = cdata.text;
    fixes.push(`closed ${cdata.closed} unterminated CDATA section${cdata.closed === 1 ? '' : 's'}`);
  }
  const declared = declaredEntities(t);
  let amps = 0;
  let expanded = 0;
  const undefinedNames = new Set<string>();
  t = t.replace(AMP_OR_CDATA, (m, ref: string | undefined) => {
    if (m.charCodeAt(0) === 60 /* < */) return m;
    if (ref === undefined) {
      amps++;
      return '&amp;';
    }
    if (ref.charCodeAt(0) === 35 /* # */ || XML_PREDEFINED.has(ref)) return m;
    const value = declared.get(ref);
    if (value !== undefined) {
      expanded++;
      return value;
    }
    if (isHtmlEntity(ref)) return m;
    undefinedNames.add(ref);
    return `&amp;${ref};`;
  });
  if (undefinedNames.size) fixes.push(`kept undefined entit${undefinedNames.size === 1 ? 'y' : 'ies'} ${[...undefinedNames].slice(0, 3).map((n) => `&${n};`).join(' ')} as text`);
  if (amps) fixes.push(`escaped ${amps} bare "&"`);
  let controls = 0;
  t = t.replace(XML_CONTROL, () => {
    controls++;
    return '';
  });
  if (controls) fixes.push(`removed ${controls} control character${controls === 1 ? '' : 's'}`);
  return { text: t, fixes, expanded };
}

// Element names with a prefix ("<content:encoded"), outside CDATA sections and comments.
const PREFIXED_TAG = /<([A-Za-z_][\w.-]*):[A-Za-z_]/g;
const CDATA_OR_COMMENT = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

/**
 * Namespace prefixes used on elements in the first 64 KB (the channel and the first items) that the document never
 * declares with xmlns:prefix. Strict parsing reads them as plain names, so only the warning depends on this.
 */
export function undeclaredPrefixes(text: string): string[] {
  const head = text.slice(0, 1 << 16).replace(CDATA_OR_COMMENT, '');
  const used = new Set<string>();
  for (const m of head.matchAll(PREFIXED_TAG)) used.add(m[1]!);
  const out: string[] = [];
  for (const p of used) {
    if (p === 'xml' || p === 'xmlns') continue;
    if (!new RegExp(`xmlns:${p.replace(/\./g, '\\.')}\\s*=`).test(text)) out.push(p);
  }
  return out;
}
