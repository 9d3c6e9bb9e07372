// Cheap looks at XML text without parsing it: the root element name, and repairs for the usual breakage.

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
}

// CDATA sections are matched too so that an "&" inside them is left alone.
const BARE_AMP = /<!\[CDATA\[[\s\S]*?\]\]>|&(?!(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)/g;
const XML_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Fixes what commonly breaks real feeds: bare "&", control characters, stray text before the XML declaration. */
export function repairXml(text: string): XmlRepair {
  const fixes: string[] = [];
  let t = text;
  const decl = t.indexOf('<?xml');
  if (decl > 0 && t.slice(0, decl).trim()) {
    // Keep the stray part's line breaks so error line numbers still point at the original lines.
    t = t.slice(0, decl).replace(/[^\n]/g, '') + t.slice(decl);
    fixes.push('removed stray text before the XML declaration');
  }
  let amps = 0;
  t = t.replace(BARE_AMP, (m) => {
    if (m.length > 1) return m;
    amps++;
    return '&amp;';
  });
  if (amps) fixes.push(`escaped ${amps} bare "&"`);
  let controls = 0;
  t = t.replace(XML_CONTROL, () => {
    controls++;
    return '';
  });
  if (controls) fixes.push(`removed ${controls} control character${controls === 1 ? '' : 's'}`);
  return { text: t, fixes };
}
