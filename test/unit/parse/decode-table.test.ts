// The TextDecoder-based decoding gives the same text iconv-lite gave for windows-1252 and the common single-byte charsets.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody } from '../../../shared/ingest/parse/decode.js';

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('decodeBody without iconv-lite', () => {
  it('maps every windows-1252 byte exactly as iconv-lite did (0x80-0x9F are not latin1)', () => {
    const r = decodeBody(ALL_BYTES, 'text/html; charset=windows-1252');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(iconv.decode(ALL_BYTES, 'windows-1252'));
    expect(r.text[0x80]).toBe('\u20ac');
    expect(r.text[0x92]).toBe('\u2019');
  });

  it.each(['koi8-r', 'iso-8859-2', 'iso-8859-15', 'windows-1251', 'shift_jis'])('decodes declared %s like iconv-lite for defined characters', (label) => {
    const sample = label === 'shift_jis' ? '\u6620\u753b\u306e\u516c\u958b\u65e5' : label === 'koi8-r' || label === 'windows-1251' ? '\u041a\u0438\u043d\u043e \u0444\u0438\u043b\u044c\u043c' : 'Pr\u00e1ce \u00e9t\u00e9';
    const bytes = iconv.encode(sample, label);
    const r = decodeBody(bytes, `text/plain; charset=${label}`);
    expect(r.encoding).toBe(label);
    expect(r.text).toBe(sample);
  });

  it('treats a label the runtime decoder does not know as unknown, with a warning', () => {
    const r = decodeBody(Buffer.from('plain ascii'), 'text/plain; charset=x-no-such-charset');
    expect(r.text).toBe('plain ascii');
    expect(r.warnings.join()).toMatch(/unknown charset "x-no-such-charset"/);
  });
});
