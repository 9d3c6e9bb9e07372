// Turns response bytes into text: BOM, then the HTTP charset, then valid-UTF-8 sniffing, then the declaration (XML,
// HTML meta), then windows-1252. A declaration the bytes contradict loses to the bytes, with a warning.
// Decoding uses the runtime's WHATWG TextDecoder (ICU) plus a 32-entry windows-1252 table, not iconv-lite:
// iconv-lite added 481 KB to the crawl worker's bundle. Node 20's TextDecoder('windows-1252') decodes as
// latin1 (0x80-0x9F become C1 controls instead of curly quotes, euro, dashes), hence the table. UTF-32, which
// TextDecoder lacks, is decoded by hand.
import { isUtf8 } from 'node:buffer';

export interface DecodedBody {
  text: string;
  /** Canonical name of the encoding actually used, e.g. "utf-8", "windows-1252", "utf-16le". */
  encoding: string;
  warnings: string[];
}

type Declared = { label: string; where: string };

/** Decodes a response body, trusting a BOM first, then the declared charset unless the bytes contradict it. */
export function decodeBody(bytes: Uint8Array, contentType?: string): DecodedBody {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const warnings: string[] = [];

  const bom = sniffBom(buf);
  if (bom) {
    const body = buf.subarray(bom.length);
    if (bom.encoding === 'utf-8' && !isUtf8(body)) warnings.push('bytes after the UTF-8 byte order mark are not valid UTF-8; bad sequences became U+FFFD');
    return { text: decodeAs(body, bom.encoding), encoding: bom.encoding, warnings };
  }

  const declared = findDeclaredCharset(buf, contentType);
  if (declared) {
    const encoding = canonicalEncoding(declared.label);
    if (!encoding) {
      warnings.push(`unknown charset "${declared.label}" declared in ${declared.where}; guessed from the bytes instead`);
    } else if (WIDE.has(encoding)) {
      const guessed = sniffWide(buf);
      if (guessed) return { text: stripBomChar(decodeAs(buf, guessed)), encoding: guessed, warnings };
      warnings.push(`${declared.where} declares ${declared.label} but the bytes are ASCII-compatible; guessed from the bytes instead`);
    } else if (encoding === 'utf-8') {
      if (isUtf8(buf)) return { text: decodeUtf8(buf), encoding, warnings };
      warnings.push(`${declared.where} declares utf-8 but the bytes are not valid UTF-8; decoded as windows-1252`);
      return { text: decodeAs(buf, 'windows-1252'), encoding: 'windows-1252', warnings };
    } else {
      // A legacy single- or double-byte charset: real text in it is almost never also valid multi-byte UTF-8.
      if (hasHighBytes(buf) && isUtf8(buf)) {
        warnings.push(`${declared.where} declares ${declared.label} but the bytes are valid UTF-8; decoded as utf-8`);
        return { text: decodeUtf8(buf), encoding: 'utf-8', warnings };
      }
      return { text: decodeAs(buf, encoding), encoding, warnings };
    }
  }

  const wide = sniffWide(buf);
  if (wide) return { text: stripBomChar(decodeAs(buf, wide)), encoding: wide, warnings };
  if (isUtf8(buf)) return { text: decodeUtf8(buf), encoding: 'utf-8', warnings };
  warnings.push('bytes are not valid UTF-8 and no usable charset was declared; decoded as windows-1252');
  return { text: decodeAs(buf, 'windows-1252'), encoding: 'windows-1252', warnings };
}

/** Maps a charset label to the name we decode with, or null when the runtime's TextDecoder does not know it. */
export function canonicalEncoding(label: string): string | null {
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  switch (l) {
    case 'utf-8':
    case 'utf8':
    case 'unicode-1-1-utf-8':
      return 'utf-8';
    // Browsers decode all of these as windows-1252, whose extra 0x80-0x9F characters (curly quotes, euro) real pages use.
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'iso_8859-1':
    case 'latin1':
    case 'latin-1':
    case 'l1':
    case 'cp819':
    case 'us-ascii':
    case 'ascii':
    case 'windows-1252':
    case 'cp1252':
    case 'x-cp1252':
      return 'windows-1252';
    case 'utf-16':
    case 'utf16':
    case 'utf-16le':
    case 'utf16le':
      return 'utf-16le';
    case 'utf-16be':
    case 'utf16be':
      return 'utf-16be';
    // Python's aliases, seen in the wild (feeds written by Python tools) and in feedparser's tests.
    case 'u16':
    case 'utf_16':
    case 'utf_16_le':
      return 'utf-16le';
    case 'utf_16_be':
      return 'utf-16be';
    case 'utf-32':
    case 'utf32':
    case 'utf_32':
    case 'u32':
    case 'utf-32le':
    case 'utf_32_le':
    case 'ucs-4':
      return 'utf-32le';
    case 'utf-32be':
    case 'utf_32_be':
      return 'utf-32be';
    default:
      return decoderExists(l) ? l : null;
  }
}

const WIDE = new Set(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']);

function sniffBom(buf: Buffer): { encoding: string; length: number } | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 or UTF-32 without a BOM shows as "<" next to zero bytes at the very start. */
function sniffWide(buf: Buffer): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null {
  if (buf.length < 4) return null;
  if (buf[0] === 0x3c && buf[1] === 0x00 && buf[2] === 0x00 && buf[3] === 0x00) return 'utf-32le';
  if (buf[0] === 0x00 && buf[1] === 0x00 && buf[2] === 0x00 && buf[3] === 0x3c) return 'utf-32be';
  if (buf[0] === 0x3c && buf[1] === 0x00 && buf[3] === 0x00) return 'utf-16le';
  if (buf[0] === 0x00 && buf[1] === 0x3c && buf[2] === 0x00) return 'utf-16be';
  return null;
}

const HEAD_SCAN = 4096;

function findDeclaredCharset(buf: Buffer, contentType?: string): Declared | null {
  const http = contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  if (http?.[1]) return { label: http[1], where: 'the HTTP Content-Type' };
  const head = buf.subarray(0, HEAD_SCAN).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head);
  if (xml?.[1]) return { label: xml[1], where: 'the XML declaration' };
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  if (meta?.[1]) return { label: meta[1], where: 'the HTML <meta> charset' };
  return null;
}

function hasHighBytes(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) return true;
  return false;
}

function decodeUtf8(buf: Buffer): string {
  return stripBomChar(buf.toString('utf8'));
}

function stripBomChar(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/**
 * windows-1252 bytes 0x80-0x9F (the rest of the code page is latin1). Undefined bytes (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) become U+FFFD, as iconv-lite decoded them before.
 */
export const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(buf: Buffer): string {
  const latin1 = buf.toString('latin1');
  // Only the 0x80-0x9F range differs from latin1; most pages have none of it.
  return /[\u0080-\u009f]/.test(latin1) ? latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : latin1;
}

/** Decodes with the WHATWG TextDecoder (replacement characters for malformed input), windows-1252 by table. */
function decodeAs(buf: Buffer, encoding: string): string {
  if (encoding === 'windows-1252') return decodeWindows1252(buf);
  if (encoding === 'utf-8') return buf.toString('utf8');
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(buf, encoding === 'utf-32le');
  // ignoreBOM: a BOM is stripped (or not) by the caller, exactly as before.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(buf);
}

function decodeUtf32(buf: Buffer, le: boolean): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 3 < buf.length; i += 4) {
    const cp = le ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
    chunk.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

function decoderExists(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
