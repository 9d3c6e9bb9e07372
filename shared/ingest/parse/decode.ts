// Turns response bytes into text: BOM, then declared charset (HTTP, XML, HTML meta), then UTF-8 or windows-1252.
// Decoding uses the runtime's WHATWG TextDecoder (ICU) plus a 32-entry windows-1252 table, not iconv-lite:
// iconv-lite added 481 KB to the crawl worker's bundle. Node 20's TextDecoder('windows-1252') decodes as
// latin1 (0x80-0x9F become C1 controls instead of curly quotes, euro, dashes), hence the table.
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
  if (bom) return { text: decodeAs(buf.subarray(bom.length), bom.encoding), encoding: bom.encoding, warnings };

  const declared = findDeclaredCharset(buf, contentType);
  if (declared) {
    const encoding = canonicalEncoding(declared.label);
    if (!encoding) {
      warnings.push(`unknown charset "${declared.label}" declared in ${declared.where}; guessed from the bytes instead`);
    } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      const guessed = sniffUtf16(buf);
      if (guessed) return { text: stripBomChar(decodeAs(buf, guessed)), encoding: guessed, warnings };
      warnings.push(`${declared.where} declares ${encoding} but the bytes are ASCII-compatible; guessed from the bytes instead`);
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

  const utf16 = sniffUtf16(buf);
  if (utf16) return { text: stripBomChar(decodeAs(buf, utf16)), encoding: utf16, warnings };
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
    default:
      return decoderExists(l) ? l : null;
  }
}

function sniffBom(buf: Buffer): { encoding: string; length: number } | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM shows as "<" next to a zero byte at the very start. */
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 4) return null;
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
const CP1252_HIGH =
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
  // ignoreBOM: a BOM is stripped (or not) by the caller, exactly as before.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(buf);
}

function decoderExists(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
