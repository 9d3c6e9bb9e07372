// HTML and title text to plain text: a streaming htmlparser2 pass, no DOM (it runs once per item on every feed).
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'svg', 'object', 'head', 'select', 'button']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);

let out = '';
let skipDepth = 0;

// C0 controls other than whitespace are dropped.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Text that needs work beyond appending: any whitespace but a lone ' ' (newlines, tabs, NBSP, runs) or a control char.
// Testing per chunk and rewriting only those keeps the common chunk a plain append.
const UNTIDY = /[^\S ]| {2}|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

// One parser reused across calls: parsing is synchronous, so its state never interleaves. Entities are decoded per
// text chunk with `entities` rather than by the tokenizer: same decoder, but the tokenizer's per-character entity
// tracking doubled the parse time on entity-rich feed HTML.
const parser = new Parser(
  {
    onopentagname(name) {
      if (SKIP.has(name)) skipDepth++;
      else if (BLOCK.has(name)) out += '\n';
    },
    onclosetag(name) {
      if (SKIP.has(name)) {
        if (skipDepth > 0) skipDepth--;
      } else if (BLOCK.has(name)) out += '\n';
    },
    ontext(text) {
      if (skipDepth > 0) return;
      let t = text.indexOf('&') >= 0 ? decodeHTML(text) : text;
      // Line breaks in source text are plain spaces in HTML; '\n' is reserved for block boundaries.
      if (UNTIDY.test(t)) t = t.replace(CONTROLS, '').replace(/\s+/g, ' ');
      out += t;
    },
  },
  { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
);

/** Plain text of an HTML fragment: scripts/styles dropped, blocks become line breaks, whitespace collapsed. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return collapseLines(html);
  out = '';
  skipDepth = 0;
  parser.reset();
  parser.end(html);
  const text = out;
  out = '';
  // Chunks are tidy on their own; only their seams (block breaks, spaces between chunks) are left to fix.
  return text.replace(/ {2,}/g, ' ').replace(/ ?\n[\n ]*/g, '\n').trim();
}

/** Plain text (no markup): each line's whitespace collapsed, blank lines dropped. */
function collapseLines(s: string): string {
  let t = CONTROL.test(s) ? s.replace(CONTROLS, '') : s;
  t = t.replace(/[^\S\n]+/g, ' ');
  return t.replace(/ ?\n[\n ]*/g, '\n').trim();
}

// Whitespace other than lone ' ' / '\n' between words, which htmlToText output never has.
const NOT_COLLAPSED = /[^\S \n]|[ \n][ \n]|^[ \n]|[ \n]$/;

/** Collapses all whitespace to single spaces and trims; returns `s` itself when it is already collapsed. */
export function collapseWhitespace(s: string): string {
  if (NOT_COLLAPSED.test(s)) return s.replace(/\s+/g, ' ').trim();
  return s.indexOf('\n') >= 0 ? s.replaceAll('\n', ' ') : s;
}

/** A title as one plain line: tags stripped, entities decoded once, whitespace collapsed. */
export function cleanTitle(s: string | null | undefined): string {
  if (!s) return '';
  let t = s;
  if (t.indexOf('<') >= 0) t = htmlToText(t);
  else if (t.indexOf('&') >= 0) t = decodeHTML(t);
  if (CONTROL.test(t)) t = t.replace(CONTROLS, '');
  return collapseWhitespace(t);
}
