// Byte decoding: BOMs, declared charsets, and bytes that contradict their declaration.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody } from '../../../shared/ingest/parse/decode.js';
import { fixtureBytes } from './fixtures.js';

const TITLE = 'Caf\u00e9 Society\u2019s \u20ac5M D\u00e9but';

describe('decodeBody', () => {
  it('decodes declared ISO-8859-1 as windows-1252, so 0x80/0x92 become euro and apostrophe', () => {
    const r = decodeBody(fixtureBytes('latin1-declared.xml'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain(`<title>${TITLE}</title>`);
    expect(r.warnings).toEqual([]);
  });

  it('falls back to windows-1252 with a warning when declared UTF-8 bytes are not UTF-8', () => {
    const r = decodeBody(fixtureBytes('utf8-declared-but-1252.xml'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain(TITLE);
    expect(r.warnings.join()).toMatch(/declares utf-8 but the bytes are not valid UTF-8/);
  });

  it('uses UTF-8 with a warning when declared ISO-8859-1 bytes are valid multi-byte UTF-8', () => {
    const r = decodeBody(fixtureBytes('latin1-declared-but-utf8.xml'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain(TITLE);
    expect(r.text).not.toContain('Ã©');
    expect(r.warnings.join()).toMatch(/declares ISO-8859-1 but the bytes are valid UTF-8/);
  });

  it('warns about an unknown charset name and guesses from the bytes', () => {
    const r = decodeBody(fixtureBytes('unknown-charset.xml'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain(TITLE);
    expect(r.warnings.join()).toMatch(/unknown charset "x-klingon-7"/);
  });

  it.each([
    ['utf16le-bom.xml', 'utf-16le'],
    ['utf16be-bom.xml', 'utf-16be'],
  ])('decodes %s by its BOM and strips the BOM', (file, encoding) => {
    const r = decodeBody(fixtureBytes(file));
    expect(r.encoding).toBe(encoding);
    expect(r.text.startsWith('<?xml version="1.0" encoding="UTF-16"?>')).toBe(true);
    expect(r.text).toContain(TITLE);
  });

  it('lets a UTF-8 BOM win over a contradicting HTTP charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>D\u00e9but</p>')]);
    const r = decodeBody(bytes, 'text/html; charset=iso-8859-1');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('<p>D\u00e9but</p>');
  });

  it('prefers the HTTP charset over the XML declaration', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="utf-8"?><t>\u00e9</t>', 'windows-1252');
    const r = decodeBody(bytes, 'application/xml; charset="ISO-8859-1"');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('<t>\u00e9</t>');
  });

  it('reads <meta charset> and http-equiv content-type in HTML', () => {
    const a = iconv.encode('<html><head><meta charset="windows-1252"></head><body>\u2018Hi\u2019</body></html>', 'windows-1252');
    expect(decodeBody(a).text).toContain('\u2018Hi\u2019');
    const b = iconv.encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>\u041a\u0438\u043d\u043e</body></html>',
      'koi8-r',
    );
    const r = decodeBody(b);
    expect(r.encoding).toBe('koi8-r');
    expect(r.text).toContain('\u041a\u0438\u043d\u043e');
  });

  it('decodes undeclared invalid UTF-8 as windows-1252 and says so', () => {
    const r = decodeBody(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x48, 0x69, 0x94]));
    expect(r.text).toBe('<p>\u201cHi\u201d');
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings).toHaveLength(1);
  });

  it('decodes plain undeclared UTF-8 without warnings', () => {
    const r = decodeBody(Buffer.from('<p>\u2018Dune\u2019 \u2013 Part Three</p>'));
    expect(r).toEqual({ text: '<p>\u2018Dune\u2019 \u2013 Part Three</p>', encoding: 'utf-8', warnings: [] });
  });
});
