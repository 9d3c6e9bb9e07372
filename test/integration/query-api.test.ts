// The query app over the demo cycle's data, every route through app.request(): auth, validation, pagination, empty results, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { buildQuerySide, type QuerySide } from '../../functions/local/query-app.js';
import { createApp } from '../../functions/http/app.js';
import { QueryService } from '../../shared/query/query-service.js';
import { openDemoData, type DemoData } from '../support/demo-data.js';

let data: DemoData;
let side: QuerySide;
let key: string;
const auth = () => ({ authorization: `Bearer ${key}` });
const get = (path: string, headers: Record<string, string> = auth()) => side.app.request(path, { headers });
const ask = (body: unknown, headers: Record<string, string> = { ...auth(), 'content-type': 'application/json' }) =>
  side.app.request('/v1/ask', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  data = await openDemoData();
  side = buildQuerySide(data.config, data.workspace, data.runtime);
  key = (await createApiKey(data.runtime.keys, 'tests')).key;
}, 120_000);
afterAll(async () => data?.close());

describe('auth', () => {
  it('refuses /v1 without a key, with a malformed or a wrong key, and says what to send', async () => {
    const none = await get('/v1/sources', {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect((await none.json() as any).error).toMatch(/Authorization: Bearer/);
    expect((await get('/v1/sources', { authorization: 'Bearer nope' })).status).toBe(401);
    const wrong = key.slice(0, -2) + (key.endsWith('AA') ? 'BB' : 'AA');
    const r = await get('/v1/sources', { authorization: `Bearer ${wrong}` });
    expect(r.status).toBe(401);
    expect((await r.json() as any).error).toBe('the API key is not valid');
  });

  it('serves the page shell, openapi.json and healthz without a key, with no data in them', async () => {
    const page = await side.app.request('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="ask-form"');
    expect(html).not.toContain('Glimmerglass');
    expect(html).not.toContain('Skyward Sprocket');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const doc = await (await side.app.request('/openapi.json')).json() as any;
    expect(Object.keys(doc.paths)).toEqual(['/v1/ask', '/v1/events', '/v1/releases', '/v1/boxoffice', '/v1/boxoffice/run', '/v1/boxoffice/surprises', '/v1/interest', '/v1/digests/latest', '/v1/sources']);
    const params = doc.paths['/v1/events'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(['studio', 'title', 'type', 'from', 'to', 'limit', 'cursor']);
    expect(doc.paths['/v1/ask'].post.requestBody.content['application/json'].schema.required).toEqual(['question']);
    expect((await side.app.request('/healthz')).status).toBe(200);
  });
});

describe('validation', () => {
  it.each([
    ['/v1/events?limit=abc', /`limit`/],
    ['/v1/events?limit=0', /`limit`/],
    ['/v1/events?type=premiere', /`type`/],
    ['/v1/events?foo=1', /unknown query parameter `foo`/],
    ['/v1/events?studio=A24&studio=Neon', /`studio` is given more than once/],
    ['/v1/events?from=2026-11-20&to=2026-11-01', /`from` is after `to`/],
    ['/v1/events?from=last%20week', /`from`.*YYYY-MM-DD/],
    ['/v1/events?cursor=not-a-cursor', /cursor/],
    ['/v1/releases?from=2026-13-45x', /`from`/],
    ['/v1/releases?from=2026-01-01&to=2028-01-01', /400 days/],
    ['/v1/boxoffice?title=Glimmerglass&genre=horror', /one of `period`, `title` or `genre`/],
    ['/v1/boxoffice?period=yesterday', /`period`/],
  ])('%s → 400 with a message', async (path, message) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    const body = await r.json() as any;
    expect(body.error).toMatch(message);
    expect(body.requestId).toBeTruthy();
  });

  it('checks the ask body: JSON, content type, question length, unknown fields, size', async () => {
    expect((await ask('{"question":', { ...auth(), 'content-type': 'application/json' })).status).toBe(400);
    const wrongType = await ask({ question: 'What did A24 do?' }, { ...auth(), 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json() as any).error).toMatch(/Content-Type: application\/json/);
    const short = await ask({ question: 'a' });
    expect((await short.json() as any).error).toMatch(/`question`: ask a question of at least 3 characters/);
    expect((await ask({ question: 'What did A24 do?', admin: true })).status).toBe(400);
    expect((await ask({ question: 'x'.repeat(600) })).status).toBe(400);
    expect((await ask({ question: 'x'.repeat(9000) })).status).toBe(413);
  });

  it('answers unknown routes with 404 JSON', async () => {
    const r = await get('/v1/nope');
    expect(r.status).toBe(404);
    expect((await r.json() as any).error).toBe('no route GET /v1/nope');
  });
});

describe('routes', () => {
  it('pages through events with opaque cursors: newest first, no duplicates, nothing skipped', async () => {
    const all = await (await get('/v1/events?from=2026-09-01&to=2026-11-30&limit=100')).json() as any;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await get(`/v1/events?from=2026-09-01&to=2026-11-30&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(r.status).toBe(200);
      const page = await r.json() as any;
      expect(page.events.length).toBeLessThanOrEqual(7);
      seen.push(...page.events.map((e: { id: string }) => e.id));
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 100);
    let total = all.events.length;
    let c2 = all.cursor;
    while (c2) {
      const more = await (await get(`/v1/events?from=2026-09-01&to=2026-11-30&limit=100&cursor=${encodeURIComponent(c2)}`)).json() as any;
      total += more.events.length;
      c2 = more.cursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBeGreaterThan(150);
    expect(pages).toBe(Math.ceil(total / 7));
  });

  it('filters events by studio alias, title and type, each with the items behind it', async () => {
    const wb = await (await get('/v1/events?studio=WB&from=2026-09-01&limit=50')).json() as any;
    expect(wb.events.length).toBeGreaterThan(0);
    expect(wb.events.every((e: { studios: string[] }) => e.studios.includes('Warner Bros.'))).toBe(true);
    const trailers = await (await get('/v1/events?title=Iron%20Meridian&type=trailer&from=2026-09-01')).json() as any;
    expect(trailers.events.length).toBeGreaterThan(0);
    for (const e of trailers.events) {
      expect(e.type).toBe('trailer');
      expect(e.titles).toContain('Iron Meridian');
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.sources[0].url).toMatch(/^https?:\/\//);
    }
  });

  it('returns empty results plainly', async () => {
    expect(await (await get('/v1/events?studio=Nobody%20Films')).json() as any).toEqual({ events: [], cursor: null });
    const far = await (await get('/v1/releases?from=2031-01-01&to=2031-03-01')).json() as any;
    expect(far).toEqual({ from: '2031-01-01', to: '2031-03-01', releases: [], collisions: [] });
    const none = await (await get('/v1/boxoffice?title=Not%20A%20Film')).json() as any;
    expect(none.rows).toEqual([]);
  });

  it('lists releases for the next 12 weeks with the collisions the cycle found in that window', async () => {
    const r = await (await get('/v1/releases')).json() as any;
    expect(r.from).toBe('2026-11-26');
    const expected = data.cycle.collisions.filter((c) => c.slateDate <= '2027-02-18').map((c) => `${c.slateTitle}|${c.competitorTitle}`).sort();
    expect(r.collisions.map((c: { slateTitle: string; competitorTitle: string }) => `${c.slateTitle}|${c.competitorTitle}`).sort()).toEqual(expected);
    expect(expected).toContain('The Lantern Keeper|Skyward Sprocket');
    expect(r.releases.some((x: { isSlate: boolean }) => x.isSlate)).toBe(true);
  });

  it('answers box office by latest weekend, title and genre', async () => {
    const latest = await (await get('/v1/boxoffice')).json() as any;
    expect(latest).toMatchObject({ kind: 'chart', period: { start: '2026-11-20' } });
    expect(latest.rows[0]).toMatchObject({ rank: 1, title: 'Glimmerglass' });
    expect(latest.citations[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/boxoffice\//);
    const run = await (await get('/v1/boxoffice?title=Static%20Girl')).json() as any;
    expect(run.rows.map((x: { gross: number }) => x.gross)).toEqual([31_400_000, 16_900_000].map((n) => expect.closeTo(n, -5)));
    const horror = await (await get('/v1/boxoffice?genre=horror&weekends=4')).json() as any;
    expect(horror.genre.weekends).toHaveLength(4);
    expect(horror.genre.weekends.at(-1).titles).toContain('Static Girl');
  });

  it('returns the latest digest and source health', async () => {
    const d = await (await get('/v1/digests/latest')).json() as any;
    expect(d).toMatchObject({ week: '2026-W48' });
    expect(d.brief.narrative.length).toBeGreaterThan(0);
    const s = await (await get('/v1/sources')).json() as any;
    // 20 news and chart sources, 10 YouTube channels and one page-view source per tracked article (18).
    expect(s.sources).toHaveLength(48);
    expect(s.sources.every((x: { status: string }) => x.status === 'ok')).toBe(true);
  });

  it('answers a question with citations of stored items (and charts dated by their weekend) only', async () => {
    const r = await ask({ question: 'What did Lionsgate announce since October?' });
    expect(r.status).toBe(200);
    const body = await r.json() as any;
    expect(body.analyst).toBe('embedded-query-2');
    expect(body.understood).toBe('Lionsgate: activity Oct 1 – Nov 26, 2026, grouped by kind');
    expect(body.citations.length).toBeGreaterThan(3);
    for (const c of body.citations) {
      if (c.itemId === null) expect(c).toMatchObject({ title: 'Weekend box office, Nov 20–22, 2026', publishedAt: '2026-11-22' });
      else expect((await data.runtime.store.getItem(c.itemId))?.title).toBe(c.title);
      expect(body.answer).toContain(`[${c.n}]`);
    }
    expect(body.events.every((e: { studios: string[] }) => e.studios.includes('Lionsgate'))).toBe(true);
  });
});

describe('limits and failures', () => {
  it('reuses a read result within the cache TTL, per query string, and never before the key check', async () => {
    const app = createApp({ query: side.service, keys: data.runtime.keys, ask: side.ask, cacheSeconds: 30 });
    const h = { headers: auth() };
    const first = await app.request('/v1/releases?from=2026-12-01&to=2027-01-31', h);
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await app.request('/v1/releases?to=2027-01-31&from=2026-12-01', h);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    expect((await app.request('/v1/releases?from=2026-12-01&to=2027-02-28', h)).headers.get('x-cache')).toBe('miss');
    expect((await app.request('/v1/releases?from=2026-12-01&to=2027-01-31')).status).toBe(401);
    const post = () =>
      app.request('/v1/ask', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ question: 'How did  Glimmerglass open?' }) });
    const [a, b] = await Promise.all([post(), post()]);
    expect(a.status).toBe(200);
    expect(await a.text()).toBe(await b.text());
    expect((await post()).headers.get('x-cache')).toBe('hit');
  });

  it('rate-limits per key with 429 and Retry-After', async () => {
    const app = createApp({ query: side.service, keys: data.runtime.keys, ask: side.ask, rateLimit: { perMinute: 2, burst: 2 } });
    const h = { headers: auth() };
    expect((await app.request('/v1/sources', h)).status).toBe(200);
    expect((await app.request('/v1/sources', h)).status).toBe(200);
    const limited = await app.request('/v1/sources', h);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = (await createApiKey(data.runtime.keys, 'other')).key;
    expect((await app.request('/v1/sources', { headers: { authorization: `Bearer ${other}` } })).status).toBe(200);
  });

  it('answers a store failure with a generic 500 and a request id, logging the cause', async () => {
    const logged: unknown[] = [];
    const broken = new QueryService({
      ...side.service.deps,
      store: { ...data.runtime.store, listSourceStates: async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:9 (secret detail)'); } } as never,
    });
    const app = createApp({
      query: broken,
      keys: data.runtime.keys,
      ask: side.ask,
      log: { info() {}, warn() {}, debug() {}, error: (...a: unknown[]) => logged.push(a) } as never,
    });
    const r = await app.request('/v1/sources', { headers: { ...auth(), 'x-request-id': 'req-12345678' } });
    expect(r.status).toBe(500);
    const body = await r.json() as any;
    expect(body).toEqual({ error: 'internal error; quote the request id when reporting it', requestId: 'req-12345678' });
    expect(JSON.stringify(logged)).toContain('secret detail');
  });
});

describe('embedded agent on realistic questions (demo data, clock Nov 26, 2026)', () => {
  // [question, what the answer must say, minimum citations]
  const cases: Array<[string, RegExp, number]> = [
    ['What did Lionsgate announce since October?', /^Lionsgate: activity Oct 1 – Nov 26, 2026, grouped by kind: 18 events\./, 5],
    ['Any new trailers this week?', /Iron Meridian.*Trailer/s, 3],
    ['What did A24 do in November?', /The Drowning Hour/, 3],
    ['Has anything moved release dates in the last two weeks?', /^Release-date moves reported Nov 12–26, 2026, competitors only: 5 titles\.\n.*Skyward Sprocket \(Universal Pictures\): Dec 25, 2026 → Dec 11, 2026/s, 3],
    ['What acquisitions happened last month?', /Bright Hollow/, 3],
    ['Who joined the cast of Iron Meridian?', /Odessa Lark/, 1],
    ["What's the latest on Halcyon Drift?", /Halcyon Drift: Jun 4, 2027 → Apr 9, 2027/, 3],
    ['What opens against our title on March 12?', /The Hollow Season \(Mar 19, 2027\) vs The Drowning Hour \(A24/, 1],
    ['What opens against The Lantern Keeper?', /^Around The Lantern Keeper \(yours, Dec 11, 2026\).*\nSame weekend \(Dec 11–13, 2026\): Skyward Sprocket \(Universal Pictures, Dec 11, 2026, wide, shared genres: family, fantasy\)/s, 1],
    ["What's on the release calendar for the next 8 weeks?", /Skyward Sprocket.*Collisions with your slate/s, 3],
    ['Does anything collide with our slate?', /Deadfall Protocol \(Jan 22, 2027\) vs Iron Meridian/, 3],
    ['What opens on Christmas?', /Saltwater Saints \(Dec 25, 2026\) vs The Quiet Coast/, 1],
    ['When does Skyward Sprocket open?', /Skyward Sprocket \(Universal Pictures\): Dec 11, 2026, wide \[1\]\.\nMoved 1 time: Dec 25, 2026 → Dec 11, 2026/, 1],
    ['How did Glimmerglass open?', /\nOpened to \$71\.8M on the weekend of Nov 20–22, 2026 \(#1, 4,020 theaters, \$17,862 per theater\) \[1\]/, 1],
    ['How did Static Girl hold?', /Opened to \$31\.4M.*week 2, Nov 20–22, 2026: \$16\.9M \(-46\.2%/s, 1],
    ['What were the top five films last weekend?', /^Top 5 weekend grosses, weekend of Nov 20–22, 2026\.\n1\. Glimmerglass \(Universal Pictures\): \$71\.8M/, 1],
    ['Box office for the weekend of November 13', /^Weekend of Nov 13–15, 2026: 1\. Starbreaker/, 1],
    ['How did horror do over the last four weekends?', /^Horror at the box office over the last 4 stored weekends: \$\d+\.\dM in all/, 4],
    ['How did family films do over the last three weekends?', /^Family at the box office over the last 3 stored weekends/, 3],
    ['What did Netflix greenlight since September?', /The Orchard House/, 1],
    ['Any executive moves at Sony?', /Dev Malhotra/, 1],
    ['What happened with Universal this week?', /Glimmerglass/, 3],
    ['What did Focus Features announce?', /involving Focus Features/, 1],
    ['Which sources are failing?', /^48 of 48 sources are healthy\.$/, 0],
  ];

  it.each(cases)('%s', async (question, expected, minCitations) => {
    const r = await side.ask(question);
    expect(r.answer).toMatch(expected);
    expect(r.citations.length).toBeGreaterThanOrEqual(minCitations);
    for (const c of r.citations) {
      expect(r.answer).toContain(`[${c.n}]`);
      if (c.itemId) expect((await data.runtime.store.getItem(c.itemId))?.title).toBe(c.title);
      else expect(c.title).toMatch(/^(Weekend|Daily) box office, /);
    }
  });

  it.each([
    ['What did Miramax announce?', /^Nothing found about Miramax in the store\./],
    ['Any festival news from Neon?', /^Festival or awards items involving Neon, Sep 3 – Nov 26, 2026: none in the store/],
    ['How did "Not A Real Film" open?', /^Nothing found about Not A Real Film in the store\./],
    ['What opens on July 4th?', /^Releases around the weekend of Jul 2, 2027.*\nSame weekend \(Jul 2–4, 2027\): no theatrical release is dated\.$/s],
    ['What opens on August 20, 2027?', /^Releases around the weekend of Aug 20, 2027.*\nSame weekend \(Aug 20–22, 2027\): no theatrical release is dated\.$/s],
  ])('says so when nothing is found: %s', async (question, expected) => {
    const r = await side.ask(question);
    expect(r.answer).toMatch(expected);
    expect(r.citations).toEqual([]);
    expect(r.events).toEqual([]);
  });
});
