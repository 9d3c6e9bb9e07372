// HTML and title text to plain text: a streaming htmlparser2 pass, no DOM (it runs once per item on every feed).
import { isUtf8 } from 'node:buffer';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { CP1252_HIGH } from './decode.js';
import { PARSE_LIMITS, ParseError } from './parse.types.js';

const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'svg', 'object', 'head', 'select', 'button']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);

// Output state of the current htmlToText call. Breaks and spaces are held back until the next text arrives, so the
// result never needs a whole-string cleanup pass (that pass was a fifth of the time on long feed bodies).
let out = '';
let pendingBreak = false;
let pendingSpace = false;
let skipDepth = 0;
// Set when HTML held a "<![CDATA[" (htmlparser2 reports it as a comment): the sign of a feed whose CDATA section was
// never closed and swallowed what followed. Read and cleared by takeCdataOpeners.
let cdataOpeners = 0;

/** How many "<![CDATA[" openers htmlToText met inside HTML since the last call; resets the count. */
export function takeCdataOpeners(): number {
  const n = cdataOpeners;
  cdataOpeners = 0;
  return n;
}

const C1 = /[\u0080-\u009f]/;
// One UTF-8 sequence whose bytes were read as latin1 ("\u00e2\u0080\u00a6" for "\u2026").
const UTF8_AS_LATIN1 = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;

/**
 * C1 control characters (U+0080-U+009F) never belong in text; they come from bytes decoded with the wrong charset.
 * A UTF-8 sequence read as latin1 (it has a C1 character among its continuation bytes) becomes its character again;
 * any other C1 character is taken as the windows-1252 byte it was (0x92 is a right single quote), as feedparser does.
 */
export function fixC1(t: string): string {
  const s = t.replace(UTF8_AS_LATIN1, (m) => {
    if (!C1.test(m)) return m;
    const bytes = Buffer.from(m, 'latin1');
    return isUtf8(bytes) ? bytes.toString('utf8') : m;
  });
  return C1.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!.replace('\ufffd', '')) : s;
}
// Open elements: the parser's own stack costs O(depth) per tag, so markup nested past the cap is refused.
let depth = 0;

// C0 controls other than whitespace are dropped, and so are invisible format characters that can disguise text in
// a digest, a page or a terminal: bidi embeddings, overrides and isolates (U+202A-U+202E "RLO", U+2066-U+2069), the
// Arabic letter mark (U+061C), zero-width space/joiners and LRM/RLM (U+200B-U+200F), word joiner and invisible
// operators (U+2060-U+2064), Mongolian vowel separator (U+180E) and the BOM/zero-width no-break space (U+FEFF).
// Every output (digest, web page, CLI, Slack) shows item text, so it is cleaned here once.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
// Text that needs work beyond appending: any whitespace but a lone ' ' (newlines, tabs, NBSP, runs), a control char
// or an invisible format character.
// (One character class, every \s member but ' ' plus C0/DEL/C1, and an indexOf for double spaces: cheaper than alternation.)
const UNTIDY = /[\u0000-\u001f\u007f-\u009f\u00a0\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]/;

function blockBoundary(): void {
  if (out) pendingBreak = true;
  pendingSpace = false;
}

/** Appends a text chunk whose whitespace is already single spaces. */
function appendText(t: string): void {
  const last = t.length - 1;
  if (last < 0) return;
  const lead = t.charCodeAt(0) === 32;
  const trail = t.charCodeAt(last) === 32;
  if (lead && last === 0) {
    if (out && !pendingBreak) pendingSpace = true;
    return;
  }
  const core = lead || trail ? t.slice(lead ? 1 : 0, trail ? last : last + 1) : t;
  if (out) {
    if (pendingBreak) out += '\n';
    else if (pendingSpace || lead) out += ' ';
  }
  out += core;
  pendingBreak = false;
  pendingSpace = trail;
}

// One parser reused across calls: parsing is synchronous, so its state never interleaves. Entities are decoded per
// text chunk with `entities` rather than by the tokenizer: same decoder, but the tokenizer's per-character entity
// tracking doubled the parse time on entity-rich feed HTML.
const parser = new Parser(
  {
    onopentagname(name) {
      if (++depth > PARSE_LIMITS.maxDepth) {
        throw new ParseError('parse_budget', `markup nested more than ${PARSE_LIMITS.maxDepth} elements deep: not parsed`);
      }
      if (SKIP.has(name)) skipDepth++;
      else if (BLOCK.has(name)) blockBoundary();
    },
    onclosetag(name) {
      depth--;
      if (SKIP.has(name)) {
        if (skipDepth > 0) skipDepth--;
      } else if (BLOCK.has(name)) blockBoundary();
    },
    oncomment(data) {
      if (data.startsWith('[CDATA[')) cdataOpeners++;
    },
    ontext(text) {
      if (skipDepth > 0) return;
      // Whitespace between tags ("\n" after </p>) is the most common chunk of all: one space, no regex.
      if (text === '\n' || text === ' ' || text === '\n\n' || text === '\r\n') {
        if (out && !pendingBreak) pendingSpace = true;
        return;
      }
      let t = text.indexOf('&') >= 0 ? decodeHTML(text) : text;
      // Line breaks in source text are plain spaces in HTML; only block elements break lines.
      if (UNTIDY.test(t) || t.indexOf('  ') >= 0) {
        if (C1.test(t)) t = fixC1(t);
        t = t.replace(CONTROLS, '').replace(/\s+/g, ' ');
      }
      appendText(t);
    },
  },
  { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
);

/** Plain text of an HTML fragment: scripts/styles dropped, blocks become line breaks, whitespace collapsed. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return collapseLines(html);
  out = '';
  pendingBreak = false;
  pendingSpace = false;
  skipDepth = 0;
  depth = 0;
  parser.reset();
  parser.end(html);
  const text = out;
  out = '';
  return text;
}

/** `s` without C0 controls and invisible format characters (bidi overrides, zero-width characters). */
export function stripInvisible(s: string): string {
  return CONTROL.test(s) ? s.replace(CONTROLS, '') : s;
}

/** Plain text (no markup): each line's whitespace collapsed, blank lines dropped. */
function collapseLines(s: string): string {
  let t = CONTROL.test(s) ? s.replace(CONTROLS, '') : s;
  if (C1.test(t)) t = fixC1(t);
  t = t.replace(/[^\S\n]+/g, ' ');
  return t.replace(/ ?\n[\n ]*/g, '\n').trim();
}

// Whitespace other than lone ' ' / '\n' between words (edges are checked apart), which htmlToText output never has.
const NOT_COLLAPSED = /[^\S \n]|[ \n][ \n]/;

function isSpaceOrBreak(code: number | undefined): boolean {
  return code === 32 || code === 10;
}

/** Collapses all whitespace to single spaces and trims; returns `s` itself when it is already collapsed. */
export function collapseWhitespace(s: string): string {
  if (NOT_COLLAPSED.test(s) || isSpaceOrBreak(s.charCodeAt(0)) || isSpaceOrBreak(s.charCodeAt(s.length - 1))) {
    return s.replace(/\s+/g, ' ').trim();
  }
  return s.indexOf('\n') >= 0 ? s.replaceAll('\n', ' ') : s;
}

/** A title as one plain line: tags stripped, entities decoded once, whitespace collapsed. */
export function cleanTitle(s: string | null | undefined): string {
  if (!s) return '';
  let t = s;
  if (t.indexOf('<') >= 0) t = htmlToText(t);
  else if (t.indexOf('&') >= 0) t = decodeHTML(t);
  if (C1.test(t)) t = fixC1(t);
  if (CONTROL.test(t)) t = t.replace(CONTROLS, '');
  return collapseWhitespace(t);
}
