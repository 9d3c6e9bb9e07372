// Saved `curl -i` responses: header blocks split from the body.
import { describe, expect, it } from 'vitest';
import { splitHttpResponse } from '../../../shared/ingest/parse/http-response.js';
import { fixtureBytes } from './fixtures.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('splitHttpResponse', () => {
  it('returns the last block of a redirect chain, lowercased names, and the body after the blank line', () => {
    const bytes = fixtureBytes('curl-i-feed.txt');
    const r = splitHttpResponse(bytes);
    expect(r.status).toBe(200);
    expect(r.headers?.['content-type']).toBe('application/rss+xml; charset=windows-1252');
    expect(r.headers?.etag).toBe('"5f2a-61c0d1"');
    expect(r.headers?.location).toBeUndefined();
    expect(r.location).toBe('https://www.cafe-wire.example/feed/');
    expect(dec(r.body.subarray(0, 21))).toBe('<?xml version="1.0"?>');
    expect(r.body.length).toBe(Number(r.headers?.['content-length']));
  });

  it('accepts LF-only header blocks and HTTP/2 status lines', () => {
    const r = splitHttpResponse(enc('HTTP/2 404\ncontent-type: text/html\n\n<html>gone</html>'));
    expect(r.status).toBe(404);
    expect(r.headers).toEqual({ 'content-type': 'text/html' });
    expect(dec(r.body)).toBe('<html>gone</html>');
  });

  it('skips a 100 Continue block', () => {
    const r = splitHttpResponse(enc('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nX-A: 1\r\n\r\nbody'));
    expect(r.status).toBe(200);
    expect(r.headers).toEqual({ 'x-a': '1' });
    expect(dec(r.body)).toBe('body');
  });

  it('leaves bytes without a status line untouched', () => {
    const bytes = enc('<?xml version="1.0"?><rss/>');
    const r = splitHttpResponse(bytes);
    expect(r.headers).toBeNull();
    expect(r.status).toBeNull();
    expect(r.body).toBe(bytes);
  });

  it('does not mistake a body starting with "HTTP" words for headers', () => {
    const bytes = enc('HTTP/REST notes\n\nnot a response');
    expect(splitHttpResponse(bytes).headers).toBeNull();
  });
});
