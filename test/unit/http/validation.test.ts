// The query app's validators: Hono's validator middleware with zod schemas; every refusal is a BadRequestError for the one onError.
import { Hono } from 'hono';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { BadRequestError, badRequestBody, keyIssues, namedIssues, validJson, validQuery } from '../../../functions/http/validation.js';

const Q = z.object({ limit: z.coerce.number().int().min(1).optional(), title: z.string().optional() }).strict();
const B = z.object({ question: z.string().min(3) }).strict();

function app() {
  const a = new Hono();
  a.onError((err, c) => (err instanceof BadRequestError ? c.json(badRequestBody(err.lines, 'r-1'), 400) : c.json({ error: 'internal' }, 500)));
  a.get('/refuse', validQuery(Q, { wording: namedIssues('query parameter'), repeated: 'refuse' }), (c) => c.json(c.req.valid('query')));
  a.get('/first', validQuery(Q, { wording: keyIssues, repeated: 'first' }), (c) => c.json(c.req.valid('query')));
  a.post('/ask', validJson(B, { notJson: 'send JSON', wording: namedIssues('body field') }), (c) => c.json({ asked: c.req.valid('json').question }));
  return a;
}
const body = async (r: Response) => ({ status: r.status, body: (await r.json()) as { issues?: string[] } & Record<string, unknown> });

describe('request validation', () => {
  it('hands the handler the parsed query, and refuses a repeated parameter or an unknown one in the query API wording', async () => {
    expect(await body(await app().request('/refuse?limit=5'))).toEqual({ status: 200, body: { limit: 5 } });
    expect(await body(await app().request('/refuse?limit=5&limit=6&title=a&title=b'))).toEqual({
      status: 400,
      body: { error: 'query parameter `limit` is given more than once; query parameter `title` is given more than once', issues: ['query parameter `limit` is given more than once', 'query parameter `title` is given more than once'], requestId: 'r-1' },
    });
    expect((await body(await app().request('/refuse?limit=0&x=1'))).body.issues).toEqual(['query parameter `limit`: Too small: expected number to be >=1', 'unknown query parameter `x`']);
  });

  it('reads a repeated parameter at its first value where asked, with the assist wording', async () => {
    expect(await body(await app().request('/first?limit=2&limit=3'))).toEqual({ status: 200, body: { limit: 2 } });
    expect((await body(await app().request('/first?limit=0'))).body.issues).toEqual(['`limit`: Too small: expected number to be >=1']);
  });

  it('refuses a body without a JSON content type, one that does not parse, and one the schema refuses, each in one 400 shape', async () => {
    const post = (headers: Record<string, string>, text: string) => app().request('/ask', { method: 'POST', headers, body: text });
    expect(await body(await post({ 'content-type': 'application/json; charset=utf-8' }, '{"question":"why?"}'))).toEqual({ status: 200, body: { asked: 'why?' } });
    expect((await body(await post({ 'content-type': 'text/plain' }, '{"question":"why?"}'))).body.issues).toEqual(['send JSON']);
    expect((await body(await post({ 'content-type': 'application/json' }, '{"question":'))).body.issues).toEqual(['the body is not valid JSON']);
    expect((await body(await post({ 'content-type': 'application/json' }, '{"question":"hi","x":1}'))).body.issues).toEqual([
      'body field `question`: Too small: expected string to have >=3 characters',
      'unknown body field `x`',
    ]);
  });
});
