// The query app (Hono): `/v1` JSON API behind API keys and a per-key rate limit, /openapi.json, and the strategists' web page.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { getCookie } from 'hono/cookie';
import { bearerToken, checkApiKey } from '../../shared/auth/api-keys.js';
import { InvalidTokenError } from '../../shared/auth/sign-in.js';
import type { Identity } from '../../shared/ports/identity.js';
import { SESSION_COOKIE, registerSignInRoutes, sessionIdentity, type SignInDeps } from './sign-in-routes.js';
import { RateLimiter } from '../../shared/auth/rate-limit.js';
import type { RateLimit } from '../../shared/ports/rate-limit.js';
import type { KeyStore } from '../../shared/ports/key-store.js';
import { silentLogger, type Logger } from '../../shared/ports/logger.js';
import { QueryInputError } from '../../shared/query/errors.js';
import type { QueryService } from '../../shared/query/query-service.js';
import { AskRequest, BoxOfficeQuery, EventsQuery, ReleasesQuery, type AskResponse } from '../../shared/query/schemas.js';
import { InvalidCursorError } from '../../shared/store/errors.js';
import { openApiDocument } from './openapi.js';
import { PAGE_ASSETS, pageAsset } from './page.js';
import { ResponseCache } from './response-cache.js';
import { registerAssistRoutes, type AssistDeps } from './assist-routes.js';
import { BadRequestError, badRequestBody, namedIssues, validJson, validQuery } from './validation.js';
import { flagLink } from '../../shared/feedback/flag-links.js';
import { TitleRunQuery, type SurprisesResult, type TitleRun } from '../../shared/model/boxoffice-view.js';
import { InterestQuery, type InterestDetail, type InterestOverview } from '../../shared/model/interest.js';

export interface AppDeps {
  query: QueryService;
  keys: Pick<KeyStore, 'getKey'>;
  /** Records a key's use (at most once a minute per key and process; failures are logged, never fatal). */
  recordKeyUse?: (id: string, at: Date) => Promise<void>;
  /** The query agent (embedded or LLM). */
  ask: (question: string) => Promise<AskResponse>;
  rateLimit?: { perMinute: number; burst?: number };
  /** The limiter to use instead of an in-memory one built from `rateLimit` (on Lambda: the DynamoDB counter all containers share). */
  limiter?: RateLimit;
  log?: Logger;
  version?: string;
  /** Seconds a GET result or an answer is reused (0 = off). The store changes once a crawl cycle. */
  cacheSeconds?: number;
  /** Briefs, feedback, audit and the answer archive (routes are added when given). */
  assist?: AssistDeps;
  /**
   * Browser sign-in with the customer's identity provider (AWS: Cognito or OIDC). When given, `/v1` takes a session
   * cookie or an ID token as well as an API key; when not (the local runtime), API keys only.
   */
  signIn?: SignInDeps;
  /** The box-office view: a title's run with comparables, the latest chart's surprises (routes are added when given). */
  boxOffice?: { run(title: string): Promise<TitleRun | null>; surprises(): Promise<SurprisesResult> };
  /** Audience interest: every tracked title against its comps, or one title in detail (the route is added when given). */
  interest?: { overview(): Promise<InterestOverview>; detail(title: string): Promise<InterestDetail | null> };
}

/** keyId / keyName: the API key, or for a signed-in person `user:<sub>` / `user:<email>`; principal: who, for audit lines ("key:<name>", "user:<email>"). */
type Env = { Variables: { requestId: string; keyId: string; keyName: string; principal: string } };

/** The largest request body any route reads (the biggest real one, a flag form, is under 4 KB). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Caps a request body before anything reads it: a declared Content-Length over the cap is refused at
 * once, a chunked body is counted while it streams in and refused when it passes the cap (never held
 * whole). The connection is closed so the rest of an oversize upload is not read at all.
 */
function capBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('connection', 'close');
      return c.json({ error: `the body is larger than ${Math.round(maxSize / 1024)} KB`, requestId: c.get('requestId') }, 413);
    },
  });
}

/** A `/v1` query string: a repeated parameter is an error, not a silent pick. */
const query = <T extends Parameters<typeof validQuery>[0]>(schema: T) => validQuery(schema, { wording: namedIssues('query parameter'), repeated: 'refuse' });

/** A JSON body as text or as its UTF-8 bytes (written as they are). */
function sendJson(c: Context<Env>, body: string | Uint8Array, status: 200 | 404, headers: Record<string, string>): Response {
  const h = { 'content-type': 'application/json', ...headers };
  return typeof body === 'string' ? c.body(body, status, h) : c.body(body as Uint8Array<ArrayBuffer>, status, h);
}

/**
 * The JSON of `{ ...answer, id, flagUrl }` from the answer's own JSON: the two fields appended to the serialized object
 * (same bytes as serializing the spread, without serializing the answer again).
 */
export function withAnswerId(answer: AskResponse, body: string, id: string, flagUrl: string | undefined): string {
  const extra = `"id":${JSON.stringify(id)}${flagUrl ? `,"flagUrl":${JSON.stringify(flagUrl)}` : ''}`;
  if ('id' in answer || 'flagUrl' in answer || !body.endsWith('}')) return JSON.stringify({ ...answer, id, ...(flagUrl ? { flagUrl } : {}) });
  return body === '{}' ? `{${extra}}` : `${body.slice(0, -1)},${extra}}`;
}

/** Builds the app over a query service and a key store; the same app runs on Node and on Lambda. */
export function createApp(deps: AppDeps): Hono<Env> {
  const log = deps.log ?? silentLogger;
  const limiter: RateLimit = deps.limiter ?? new RateLimiter(deps.rateLimit?.perMinute ?? 120, deps.rateLimit?.burst);
  const cache = new ResponseCache((deps.cacheSeconds ?? 0) * 1000);
  const inflight = new Map<string, Promise<{ status: 200 | 404; body: string | Uint8Array }>>();
  const app = new Hono<Env>();
  /** Serves a cached JSON body when fresh, else computes, caches 200s and serves it. */
  const cached = async (c: Context<Env>, key: string, compute: () => Promise<{ status: 200 | 404; value: unknown } | { status: 200 | 404; body: string | Uint8Array }>) => {
    const hit = cache.get(key);
    if (hit) return sendJson(c, hit.body, hit.status as 200, { 'x-cache': 'hit' });
    // Single flight: concurrent misses of the same key share one computation.
    let pending = cache.enabled ? inflight.get(key) : undefined;
    if (!pending) {
      pending = compute().then((r) => ({ status: r.status, body: 'body' in r ? r.body : JSON.stringify(r.value) }));
      if (cache.enabled) {
        inflight.set(key, pending);
        pending.finally(() => inflight.delete(key)).catch(() => {});
      }
    }
    const { status, body } = await pending;
    if (status === 200) cache.set(key, status, body);
    return sendJson(c, body, status, cache.enabled ? { 'x-cache': 'miss' } : {});
  };
  const lastNoted = new Map<string, number>();
  const noteKeyUse = (id: string) => {
    if (!deps.recordKeyUse) return;
    const now = Date.now();
    if (now - (lastNoted.get(id) ?? 0) < 60_000) return;
    if (lastNoted.size > 10_000) lastNoted.clear();
    lastNoted.set(id, now);
    deps.recordKeyUse(id, new Date(now)).catch((err) => log.warn('could not record the use of an API key', { keyId: id, error: String(err) }));
  };
  const asking = new Map<string, Promise<{ answer: AskResponse; body: string }>>();
  /**
   * An answer to a question and its JSON, serialized once (the response and the cache share it), reused within the
   * cache window (single flight for concurrent misses). With the cache off nothing is kept and nothing is parsed back.
   */
  const computeAnswer = async (question: string): Promise<{ answer: AskResponse; body: string; hit: boolean }> => {
    const key = `ask:${question.toLowerCase()}`;
    const hit = cache.get(key);
    if (hit) {
      const body = typeof hit.body === 'string' ? hit.body : Buffer.from(hit.body).toString('utf8');
      return { answer: (hit.value as AskResponse | undefined) ?? (JSON.parse(body) as AskResponse), body, hit: true };
    }
    let pending = cache.enabled ? asking.get(key) : undefined;
    if (!pending) {
      pending = deps.ask(question).then((answer) => ({ answer, body: JSON.stringify(answer) }));
      if (cache.enabled) {
        asking.set(key, pending);
        pending.finally(() => asking.delete(key)).catch(() => {});
      }
    }
    const { answer, body } = await pending;
    cache.set(key, 200, body, answer);
    return { answer, body, hit: false };
  };
  const queryKey = (c: Context<Env>) => `${c.req.path}?${new URLSearchParams(Object.entries(c.req.query()).sort()).toString()}`;

  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    c.set('requestId', given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID());
    await next();
    c.header('x-request-id', c.get('requestId'));
  });
  // Before any route, with or without a key: nothing reads an uncapped body.
  app.use('*', capBody(MAX_BODY_BYTES));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"], formAction: ["'self'"] },
      referrerPolicy: 'no-referrer',
    }),
  );

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ error: err.message, requestId: c.get('requestId') }, err.status);
    // Every refused request, whichever route or validator refused it, gets the same 400 body.
    if (err instanceof BadRequestError) return c.json(badRequestBody(err.lines, c.get('requestId')), 400);
    if (err instanceof QueryInputError || err instanceof InvalidCursorError) return c.json(badRequestBody([err.message], c.get('requestId')), 400);
    log.error('request failed', { requestId: c.get('requestId'), path: c.req.path, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    return c.json({ error: 'internal error; quote the request id when reporting it', requestId: c.get('requestId') }, 500);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}`, requestId: c.get('requestId') }, 404));

  // ---- public: the page shell (no data in it), its assets, the API description, liveness ----
  app.get('/', (c) => c.html(pageAsset('index.html')));
  for (const name of ['app.js', 'app.css', 'interest.js'] as const) {
    app.get(`/assets/${name}`, (c) => c.body(pageAsset(name), 200, { 'content-type': PAGE_ASSETS[name], 'cache-control': 'no-cache' }));
  }
  app.get('/openapi.json', (c) => c.json(openApiDocument(deps.version ?? '1.0.0')));
  app.get('/healthz', (c) => c.json({ ok: true }));

  // ---- sign-in (AWS): the provider round trip; the page asks /auth/session whether it can offer it ----
  if (deps.signIn) registerSignInRoutes(app, deps.signIn);
  else app.get('/auth/session', (c) => c.json({ signIn: null, user: null }));

  // ---- /v1: an API key (scripts) or a signed-in session (browsers), then the per-caller rate limit ----
  const refuseKey = (c: Context<Env>, reason: 'missing' | 'malformed' | 'unknown' | 'revoked') => {
    const why = {
      missing: deps.signIn
        ? 'sign in at /auth/login, or send an API key: `Authorization: Bearer <key>` (create one with `npx marquee keys create <name>`)'
        : 'an API key is required: send `Authorization: Bearer <key>` (create one with `npx marquee keys create <name>`)',
      malformed: 'the API key is malformed: expected `mq_<12 hex>_<43 characters>`',
      unknown: 'the API key is not valid',
      revoked: 'the API key has been revoked',
    }[reason];
    c.header('www-authenticate', 'Bearer realm="marquee"');
    return c.json({ error: why, requestId: c.get('requestId'), ...(deps.signIn ? { signIn: '/auth/login' } : {}) }, 401);
  };
  app.use('/v1/*', async (c, next) => {
    const bearer = bearerToken(c.req.header('authorization'));
    let who: { id: string; name: string; principal: string; label: string; key?: boolean } | null = null;
    if (deps.signIn && !bearer?.startsWith('mq_')) {
      // A browser's session cookie, or an ID token sent as a bearer token by a script.
      const fromCookie = !bearer;
      let user: Identity | null = null;
      if (bearer) {
        try {
          user = await (await deps.signIn.verifier()).verify(bearer);
        } catch (err) {
          if (!(err instanceof InvalidTokenError)) throw err;
        }
      } else user = await sessionIdentity(c, deps.signIn);
      if (!user) {
        if (!bearer && !getCookie(c, SESSION_COOKIE)) return refuseKey(c, 'missing');
        c.header('www-authenticate', 'Bearer realm="marquee", error="invalid_token"');
        return c.json({ error: 'your sign-in is not valid any more (expired or not for this app): sign in again', signIn: '/auth/login', requestId: c.get('requestId') }, 401);
      }
      // A cookie rides along on any request the browser makes: a write must come from this site's own page.
      const from = c.req.header('origin');
      if (fromCookie && !['GET', 'HEAD'].includes(c.req.method) && from && from !== new URL(c.req.url).origin) {
        return c.json({ error: 'cross-site request refused', requestId: c.get('requestId') }, 403);
      }
      const display = user.email ?? user.name ?? user.sub;
      who = { id: `user:${user.sub}`, name: `user:${display}`, principal: `user:${display}`, label: `user ${display}` };
    }
    if (!who) {
      const check = await checkApiKey(deps.keys, bearer);
      if (!check.ok) return refuseKey(c, check.reason);
      who = { id: check.key.id, name: check.key.name, principal: `key:${check.key.name}`, label: `key "${check.key.name}"`, key: true };
    }
    const decision = await limiter.take(who.id);
    c.header('x-ratelimit-remaining', String(decision.remaining));
    if (!decision.allowed) {
      c.header('retry-after', String(decision.retryAfter));
      return c.json({ error: `rate limit reached for ${who.label}: retry in ${decision.retryAfter} s`, requestId: c.get('requestId') }, 429);
    }
    c.set('keyId', who.id);
    c.set('keyName', who.name);
    c.set('principal', who.principal);
    if (who.key) noteKeyUse(who.id);
    await next();
  });

  app.post(
    '/v1/ask',
    capBody(8 * 1024),
    validJson(AskRequest, { notJson: 'send the question as JSON: Content-Type: application/json, body {"question": "..."}', wording: namedIssues('body field') }),
    async (c) => {
      const question = c.req.valid('json').question.replace(/\s+/g, ' ');
      // The computation is cached per question; the identity is not: every asker gets their own answer record and flag link.
      const { answer, body, hit } = await computeAnswer(question);
      const headers = { 'content-type': 'application/json', ...(cache.enabled ? { 'x-cache': hit ? 'hit' : 'miss' } : {}) };
      const assist = deps.assist;
      if (!assist) return c.body(body, 200, headers);
      // Every answer is archived (audit: who asked, which analyst, from which items, at what cost) and can be flagged.
      const id = `ans_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      const now = assist.now();
      await assist.answers.putAnswer({
        id,
        question,
        answer: answer.answer,
        citations: answer.citations,
        eventIds: answer.events.map((e) => e.id),
        analyst: answer.analyst,
        tokens: answer.tokens ?? 0,
        askedBy: c.get('keyName'),
        createdAt: now.toISOString(),
        ...(answer.understood ? { understood: answer.understood } : {}),
        ...(answer.fallback ? { fallback: answer.fallback } : {}),
      });
      const flagUrl = assist.linkSecret ? flagLink(new URL(c.req.url).origin, assist.linkSecret, { kind: 'answer', id }, c.get('principal'), now) : undefined;
      return c.body(withAnswerId(answer, body, id, flagUrl), 200, headers);
    },
  );

  app.get('/v1/events', query(EventsQuery), async (c) => {
    const q = c.req.valid('query');
    return cached(c, queryKey(c), async () => ({ status: 200, value: await deps.query.eventsPage(q) }));
  });

  app.get('/v1/releases', query(ReleasesQuery), async (c) => {
    const q = c.req.valid('query');
    return cached(c, queryKey(c), async () => {
      const { raw: _raw, ...result } = await deps.query.releases(q.from, q.to);
      return { status: 200, value: result };
    });
  });

  app.get('/v1/boxoffice', query(BoxOfficeQuery), async (c) => {
    const q = c.req.valid('query');
    if ([q.period, q.title, q.genre].filter(Boolean).length > 1) throw new BadRequestError(['give one of `period`, `title` or `genre`']);
    return cached(c, queryKey(c), async () => ({ status: 200, value: await deps.query.boxOffice(q) }));
  });

  const view = deps.boxOffice;
  if (view) {
    app.get('/v1/boxoffice/run', query(TitleRunQuery), async (c) => {
      const { title } = c.req.valid('query');
      return cached(c, queryKey(c), async () => {
        const run = await view.run(title);
        return run ? { status: 200, value: run } : { status: 404, value: { error: `no weekend chart in the store has "${title}"`, requestId: c.get('requestId') } };
      });
    });
    app.get('/v1/boxoffice/surprises', async (c) => cached(c, queryKey(c), async () => ({ status: 200, value: await view.surprises() })));
  }

  const interest = deps.interest;
  if (interest) {
    app.get('/v1/interest', query(InterestQuery), async (c) => {
      const { title } = c.req.valid('query');
      return cached(c, queryKey(c), async () => {
        if (!title) return { status: 200, value: await interest.overview() };
        const detail = await interest.detail(title);
        return detail ? { status: 200, value: detail } : { status: 404, value: { error: `no trailer views or page views of "${title}" are stored`, requestId: c.get('requestId') } };
      });
    });
  }

  // The digest is the largest body (its whole brief, ~130 KB at 50× the demo) and changes once a week: serialized and
  // encoded to UTF-8 once per record the store (or the read model, which hands out the same object until the data
  // changes) returns, so that a request writes the bytes as they are (no byte count and encoding of the text each time).
  const digestBodies = new WeakMap<object, Uint8Array>();
  app.get('/v1/digests/latest', async (c) => {
    return cached(c, queryKey(c), async () => {
      const d = await deps.query.latestDigest();
      if (!d) return { status: 404, value: { error: 'no digest has been sent yet', requestId: c.get('requestId') } };
      let body = digestBodies.get(d);
      if (body === undefined) digestBodies.set(d, (body = Buffer.from(JSON.stringify({ week: d.week, subject: d.subject, sentAt: d.sentAt, brief: d.brief }))));
      return { status: 200, body };
    });
  });

  if (deps.assist) registerAssistRoutes(app, deps.assist);

  app.get('/v1/sources', async (c) => cached(c, queryKey(c), async () => ({ status: 200, value: { sources: await deps.query.sources() } })));

  return app;
}
