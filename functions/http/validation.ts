// Request validation for the query app: Hono's validator middleware with the routes' zod schemas. A refused request
// throws BadRequestError, and the app's one onError turns it into the 400 body every route returns.
import type { Context, Next } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';

/** A request the app refuses with 400; each line says what is wrong and where. */
export class BadRequestError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('; '));
    this.name = 'BadRequestError';
  }
}

/** The body of every 400: the lines joined, the lines, and the request id. */
export function badRequestBody(lines: string[], requestId: string): { error: string; issues: string[]; requestId: string } {
  return { error: lines.join('; '), issues: lines, requestId };
}

/** How a schema's issues are worded for the caller. */
export type IssueWording = (error: z.ZodError) => string[];

/** The `/v1` query API's wording: "query parameter `limit`: …", "unknown body fields `a`, `b`". */
export const namedIssues =
  (where: 'query parameter' | 'body field'): IssueWording =>
  (error) =>
    error.issues.map((i) => {
      if (i.code === 'unrecognized_keys') return `unknown ${where}${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `\`${k}\``).join(', ')}`;
      const path = i.path.join('.');
      return path ? `${where} \`${path}\`: ${i.message}` : i.message;
    });

/** The assist routes' wording: "`limit`: …", a top-level issue as zod words it. */
export const keyIssues: IssueWording = (error) => error.issues.map((i) => (i.path.length ? `\`${i.path.join('.')}\`: ${i.message}` : i.message));

function parse<T extends z.ZodType>(schema: T, value: unknown, wording: IssueWording): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new BadRequestError(wording(r.error));
  return r.data;
}

/**
 * Validates the query string with `schema` (read it with `c.req.valid('query')`). A parameter given more than once is
 * refused (`repeated: 'refuse'`, the query API: never a silent pick) or read at its first value (`'first'`).
 */
export function validQuery<T extends z.ZodType>(schema: T, opts: { wording: IssueWording; repeated: 'refuse' | 'first' }) {
  return validator('query', (value: Record<string, string | string[]>): z.output<T> => {
    const repeated = Object.entries(value).filter(([, v]) => Array.isArray(v)).map(([k]) => k);
    if (repeated.length && opts.repeated === 'refuse') throw new BadRequestError(repeated.map((k) => `query parameter \`${k}\` is given more than once`));
    return parse(schema, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])), opts.wording);
  });
}

const JSON_TYPE = /^application\/json\b/i;

/**
 * Validates a JSON body with `schema` (read it with `c.req.valid('json')`): a body sent without a JSON content type
 * is refused with `notJson`, one that does not parse with "the body is not valid JSON", then the schema's issues.
 */
export function validJson<T extends z.ZodType>(schema: T, opts: { notJson: string; wording: IssueWording }) {
  // Hono's json target skips a body whose content type it does not know and words a malformed one its own way:
  // the body is read (and cached) here first, so every JSON body gets the same messages.
  const validate = validator('json', async (_value, c): Promise<z.output<T>> => parse(schema, await c.req.json(), opts.wording));
  const checked = async (c: Context, next: Next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) throw new BadRequestError([opts.notJson]);
    try {
      await c.req.json();
    } catch {
      throw new BadRequestError(['the body is not valid JSON']);
    }
    return validate(c, next);
  };
  return checked as unknown as typeof validate;
}
