// Atom/RSS text constructs to strings: base64 content, inline XHTML, and escaped markup wrapped in a <div>.

type Attrs = Record<string, string | undefined>;

/** Atom 0.3 `mode="base64"`, or an Atom 1.0 `type` that is a media type other than text or XML (RFC 4287 4.1.3.3). */
function isBase64(attrs: Attrs): boolean {
  if (attrs.mode?.toLowerCase() === 'base64') return true;
  const type = attrs.type?.toLowerCase().trim();
  return !!type && type.includes('/') && !type.startsWith('text/') && !type.endsWith('xml') && !type.endsWith('+xml');
}

/** Text of an element given its attributes: base64 content decoded, anything else as is. */
export function feedText(text: string, attrs: Attrs): string {
  if (isBase64(attrs)) {
    const b64 = text.replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return Buffer.from(b64, 'base64').toString('utf8');
  }
  return text;
}

type XmlJs = { _?: unknown; $?: Attrs } & Record<string, unknown>;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** xml2js element content back to HTML (text first, then children: xml2js keeps no mixed-content order). */
function xml2jsHtml(o: XmlJs): string {
  let out = typeof o._ === 'string' ? escapeText(o._) : '';
  for (const [key, list] of Object.entries(o)) {
    if (key === '_' || key === '$') continue;
    for (const child of Array.isArray(list) ? list : [list]) {
      if (typeof child === 'string') out += `<${key}>${escapeText(child)}</${key}>`;
      else if (child && typeof child === 'object') {
        const c = child as XmlJs;
        const attrs = Object.entries(c.$ ?? {})
          .filter(([k, v]) => !k.startsWith('xmlns') && v !== undefined)
          .map(([k, v]) => ` ${k}="${escapeAttr(v!)}"`)
          .join('');
        out += `<${key}${attrs}>${xml2jsHtml(c)}</${key}>`;
      }
    }
  }
  return out;
}

/**
 * A text construct parsed by xml2js (a string, or `{ _: text, $: attrs, child: [...] }`) as a string: base64 decoded,
 * inline XHTML or naked markup serialized to HTML, and escaped markup in a `type="html"` element wrapped in a <div>
 * (TypePad does this) taken as the HTML it escapes. Undefined when there is no text at all.
 */
export function xml2jsText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object') return undefined;
  const o = v as XmlJs;
  const attrs = o.$ ?? {};
  const text = typeof o._ === 'string' ? o._ : undefined;
  let kids = 0;
  for (const k in o) if (k !== '_' && k !== '$') kids++;
  if (!kids) return text === undefined ? undefined : feedText(text, attrs);
  if (kids === 1 && attrs.type?.toLowerCase() === 'html' && Array.isArray(o.div) && o.div.length === 1) {
    const div = o.div[0] as XmlJs | string;
    if (typeof div === 'string') return div;
    if (typeof div._ === 'string' && Object.keys(div).every((k) => k === '_' || k === '$')) return div._;
  }
  return xml2jsHtml(o);
}
