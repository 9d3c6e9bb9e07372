// Retry policy of model calls: failure classes, Retry-After parsing, backoff with jitter; and the host guard of the analyst's fetch.
import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, classifyFailure, retryAfterMs } from '../../../agents/analyst/llm/retry.js';
import { guardedFetch } from '../../../agents/analyst/llm/llm-analyst.js';
import { ForbiddenRequestError, MalformedOutputError } from '../../../agents/analyst/llm/errors.js';

const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`${status} stub`), { status, headers: new Headers(headers) });

describe('LLM analyst retry policy', () => {
  it('classifies 429, 5xx, timeouts and connection errors as transient', () => {
    expect(classifyFailure(httpError(429, { 'retry-after': '2' }))).toMatchObject({ kind: 'transient', status: 429, retryAfterMs: 2000 });
    expect(classifyFailure(httpError(503))).toMatchObject({ kind: 'transient', status: 503 });
    expect(classifyFailure(Object.assign(new Error('Request timed out.'), { name: 'TimeoutError' })).kind).toBe('transient');
    expect(classifyFailure(new Error('Connection error.', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })).kind).toBe('transient');
  });

  it('classifies bad output as malformed and client errors as fatal', () => {
    expect(classifyFailure(new SyntaxError('Unexpected end of JSON input')).kind).toBe('malformed');
    expect(classifyFailure(new MalformedOutputError('missing events')).kind).toBe('malformed');
    expect(classifyFailure(httpError(401)).kind).toBe('fatal');
    expect(classifyFailure(httpError(400)).kind).toBe('fatal');
    expect(classifyFailure(new TypeError('x is undefined')).kind).toBe('fatal');
  });

  it('reads Retry-After as seconds, an HTTP date, or retry-after-ms', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '1' }), now)).toBe(1000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Fri, 20 Nov 2026 12:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({}), now)).toBeUndefined();
  });

  it('backs off exponentially with equal jitter, capped; Retry-After wins but is capped too', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, {}, mid))).toEqual([375, 750, 1500, 3000]);
    expect(backoffDelay(0, {}, () => 0)).toBe(250);
    expect(backoffDelay(0, {}, () => 1)).toBe(500);
    expect(backoffDelay(10, {}, () => 1, { maxMs: 4000 })).toBe(4000);
    expect(backoffDelay(0, { retryAfterMs: 1000 }, mid)).toBe(1000);
    expect(backoffDelay(0, { retryAfterMs: 600_000 }, mid)).toBe(60_000);
  });
});

describe('LLM analyst fetch guard', () => {
  it('refuses any URL outside the configured base URL without dialing', async () => {
    const inner = vi.fn(async () => new Response('{}', { headers: { 'content-type': 'application/json' } }));
    const f = guardedFetch('http://127.0.0.1:9/v1', () => {}, inner);
    await expect(f('https://api.openai.com/v1/chat/completions')).rejects.toBeInstanceOf(ForbiddenRequestError);
    await expect(f('http://127.0.0.1:9/v1evil/chat/completions')).rejects.toBeInstanceOf(ForbiddenRequestError);
    expect(inner).not.toHaveBeenCalled();
  });

  it('reports the usage of JSON answers and passes the body on untouched', async () => {
    const body = JSON.stringify({ id: 'x', usage: { prompt_tokens: 11, completion_tokens: 7 } });
    const inner = vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' } }));
    const seen: unknown[] = [];
    const res = await guardedFetch('http://127.0.0.1:9/v1/', (u) => seen.push(u), inner)('http://127.0.0.1:9/v1/chat/completions');
    expect(seen).toEqual([{ prompt: 11, completion: 7 }]);
    expect(await res.text()).toBe(body);
  });
});
