// Marketing assist over the demo cycle's data: a brief per slate collision citing only real items, reviews kept,
// signed flag links (bad/expired refused), flagged events left out of new briefs, answers and briefs audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { buildQuerySide, type QuerySide } from '../../functions/local/query-app.js';
import { draftCounterBriefs, briefId } from '../../shared/assist/counter-briefs.js';
import { flagLink, signFlag } from '../../shared/feedback/flag-links.js';
import { DynamoBriefStore } from '../../shared/store/dynamo-assist.store.js';
import { openDemoData, type DemoData } from '../support/demo-data.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';

let data: DemoData;
let side: QuerySide;
let key: string;
let spare: TestStore;
const auth = () => ({ authorization: `Bearer ${key}` });
const json = (path: string, body: unknown) =>
  side.app.request(path, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  data = await openDemoData();
  side = buildQuerySide({ ...data.config, apiCacheSeconds: 0 }, data.workspace, data.runtime);
  key = (await createApiKey(data.runtime.keys, 'tests')).key;
  spare = await openTestStore();
}, 120_000);
afterAll(async () => {
  await spare?.close();
  await data?.close();
});

describe('counter-programming briefs', () => {
  it('drafts one brief per slate collision, each citing only stored items, options marked as drafts', async () => {
    expect(data.cycle.briefs).toMatchObject({ drafted: 6, existing: 0, skippedFlagged: 0 });
    const r = (await (await side.app.request('/v1/briefs?limit=50', { headers: auth() })).json()) as { briefs: Array<Record<string, any>> };
    expect(r.briefs.map((b) => `${b.slateTitle}|${b.competitorTitle}`).sort()).toEqual(data.cycle.collisions.map((c) => `${c.slateTitle}|${c.competitorTitle}`).sort());
    for (const b of r.briefs) {
      expect(b.status).toBe('draft');
      expect(b.analyst).toEqual({ kind: 'embedded', version: 'brief-template-1' });
      expect(b.whatHappened[0].cites.length).toBeGreaterThan(0);
      expect(b.options.length).toBeGreaterThanOrEqual(2);
      for (const o of b.options) {
        expect(o.draft).toBe(true);
        expect(o.text).toMatch(/\(draft — needs human review\)$/);
      }
      for (const c of b.citations) expect((await data.runtime.store.getItem(c.itemId))?.title).toBe(c.title);
      const cited = new Set(b.whatHappened.flatMap((w: { cites: number[] }) => w.cites));
      for (const n of cited) expect(b.citations.some((c: { n: number }) => c.n === n)).toBe(true);
    }
    const lantern = r.briefs.find((b) => b.slateTitle === 'The Lantern Keeper')!;
    expect(lantern.headline).toBe('Skyward Sprocket (Universal Pictures) opens the same weekend as The Lantern Keeper (Dec 11, 2026)');
    expect(lantern.weekend.titles.map((t: { title: string }) => t.title)).toEqual(expect.arrayContaining(['Skyward Sprocket', 'The Lantern Keeper']));
  });

  it('keeps a human review across later cycles', async () => {
    const id = briefId(data.cycle.collisions.find((c) => c.slateTitle === 'Paper Moons')!);
    const approved = (await (await json(`/v1/briefs/${id}/review`, { status: 'approved', note: 'hold the date' })).json()) as Record<string, any>;
    expect(approved).toMatchObject({ status: 'approved', review: { by: 'key:tests', note: 'hold the date' } });
    const again = await draftCounterBriefs(data.workspace, { analysis: data.runtime.analysis, store: data.runtime.store, briefs: data.runtime.briefs, flags: data.runtime.flags }, data.cycle.collisions, new Date());
    expect(again).toMatchObject({ drafted: 0, existing: 6 });
    expect((await data.runtime.briefs.getBrief(id))?.status).toBe('approved');
    expect((await json(`/v1/briefs/${id}/review`, { status: 'shipped' })).status).toBe(400);
    expect((await json('/v1/briefs/br_nope/review', { status: 'dismissed' })).status).toBe(404);
  });
});

describe('flag as wrong', () => {
  const secret = () => data.runtime.links.linkSecret;

  it('refuses a link with a bad signature or past its expiry', async () => {
    const event = data.cycle.collisions[0]!.eventId!;
    const good = flagLink('http://127.0.0.1', secret(), { kind: 'event', id: event }, 'exec@harborlight.example', new Date());
    const token = new URL(good).searchParams.get('t')!;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await side.app.request(`/flag?t=${tampered}`)).status).toBe(403);
    const expired = signFlag(secret(), { kind: 'event', id: event, who: 'x', exp: Math.floor(Date.now() / 1000) - 60 });
    const r = await side.app.request(`/flag?t=${expired}`);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('expired');
    const post = await side.app.request('/flag', { method: 'POST', body: new URLSearchParams({ t: tampered, reason: 'wrong date' }) });
    expect(post.status).toBe(403);
    expect((await data.runtime.flags.listFlags()).length).toBe(0);
  });

  it('records who flagged what and why from a valid link, counted per source and analyst, and keeps the event out of new briefs until reviewed', async () => {
    const collision = data.cycle.collisions.find((c) => c.slateTitle === 'Saltwater Saints')!;
    const link = flagLink('http://127.0.0.1', secret(), { kind: 'alert', id: collision.eventId! }, 'exec@harborlight.example', new Date());
    const t = new URL(link).searchParams.get('t')!;
    const form = await side.app.request(`/flag?t=${t}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<textarea id="reason"');
    const posted = await side.app.request('/flag', { method: 'POST', body: new URLSearchParams({ t, reason: 'The Quiet Coast is platform, not wide' }) });
    expect(posted.status).toBe(201);

    const list = (await (await side.app.request('/v1/flags', { headers: auth() })).json()) as { flags: Array<Record<string, any>>; stats: Record<string, any> };
    expect(list.flags).toHaveLength(1);
    const flag = list.flags[0]!;
    expect(flag).toMatchObject({ target: { kind: 'alert', id: collision.eventId }, by: 'exec@harborlight.example', reason: 'The Quiet Coast is platform, not wide', status: 'open', analyst: 'embedded rules-2' });
    expect(flag.sourceIds.length).toBeGreaterThan(0);
    for (const s of flag.sourceIds) expect(list.stats.bySource[s]).toBe(1);
    expect(list.stats.byAnalyst).toEqual({ 'embedded rules-2': 1 });

    // A fresh brief store (as for the next situation): the flagged collision gets no brief until the flag is reviewed.
    const briefs = new DynamoBriefStore(spare.store.tableAccess);
    const deps = { analysis: data.runtime.analysis, store: data.runtime.store, briefs, flags: data.runtime.flags };
    const held = await draftCounterBriefs(data.workspace, deps, data.cycle.collisions, new Date());
    expect(held).toMatchObject({ drafted: 5, skippedFlagged: 1 });
    expect(await briefs.getBrief(briefId(collision))).toBeNull();
    const reviewed = await side.app.request(`/v1/flags/${flag.id}/review`, { method: 'POST', headers: auth() });
    expect(reviewed.status).toBe(200);
    expect(await draftCounterBriefs(data.workspace, deps, data.cycle.collisions, new Date())).toMatchObject({ drafted: 1, skippedFlagged: 0 });
  });

  it('a flag link replayed (4 clicks) records one flag; on a shared digest link each person who gives an address gets one', async () => {
    const collision = data.cycle.collisions.find((c) => c.slateTitle === 'Kingfisher')!;
    const count = async () => (await data.runtime.flags.listFlags()).filter((f) => f.eventIds.includes(collision.eventId!)).length;
    const t = new URL(flagLink('http://127.0.0.1', secret(), { kind: 'event', id: collision.eventId! }, 'exec@harborlight.example', new Date())).searchParams.get('t')!;
    const statuses: number[] = [];
    const bodies: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await side.app.request('/flag', { method: 'POST', body: new URLSearchParams({ t, reason: `the date is wrong (${i})` }) });
      statuses.push(r.status);
      bodies.push(await r.text());
    }
    expect(statuses).toEqual([201, 200, 200, 200]);
    expect(bodies[3]).toMatch(/already recorded/i);
    expect(await count()).toBe(1);

    const shared = new URL(flagLink('http://127.0.0.1', secret(), { kind: 'digest', id: collision.eventId! }, 'digest recipient', new Date())).searchParams.get('t')!;
    const post = (who: string) => side.app.request('/flag', { method: 'POST', body: new URLSearchParams({ t: shared, reason: 'wrong weekend', who }) });
    expect((await post('ana@example.com')).status).toBe(201);
    expect((await post('ana@example.com')).status).toBe(200);
    expect((await post('ben@example.com')).status).toBe(201);
    expect(await count()).toBe(3);
  });

  it('flags through the API with the key name as who, and 404s an unknown target', async () => {
    const brief = briefId(data.cycle.collisions[0]!);
    const r = await json('/v1/flags', { target: { kind: 'brief', id: brief }, reason: 'comparables are wrong' });
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({ by: 'key:tests', analyst: 'embedded brief-template-1' });
    expect((await json('/v1/flags', { target: { kind: 'event', id: 'e_nope' }, reason: 'nope nope' })).status).toBe(404);
    expect((await json('/v1/flags', { target: { kind: 'event', id: 'e_1' }, reason: '' })).status).toBe(400);
  });
});

describe('audit', () => {
  it('caches the answer, not the identity: each API key gets its own answer record, flag link and audit (issue 15, defect 7)', async () => {
    const { verifyFlag } = await import('../../shared/feedback/flag-links.js');
    const cached = buildQuerySide({ ...data.config, apiCacheSeconds: 60 }, data.workspace, data.runtime);
    const alice = (await createApiKey(data.runtime.keys, 'alice')).key;
    const bob = (await createApiKey(data.runtime.keys, 'bob')).key;
    const askAs = (k: string) =>
      cached.app.request('/v1/ask', { method: 'POST', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' }, body: JSON.stringify({ question: 'What did Neon buy?' }) });
    const first = await askAs(alice);
    const second = await askAs(bob);
    expect(second.headers.get('x-cache')).toBe('hit'); // the computation is reused within the cache window
    const a = (await first.json()) as Record<string, any>;
    const b = (await second.json()) as Record<string, any>;
    expect(b.answer).toBe(a.answer);
    expect(b.id).not.toBe(a.id);
    const claims = [a, b].map((x) => verifyFlag(data.runtime.links.linkSecret, new URL(x.flagUrl).searchParams.get('t')!));
    expect(claims.map((c) => (c.ok ? [c.claim.id, c.claim.who] : null))).toEqual([
      [a.id, 'key:alice'],
      [b.id, 'key:bob'],
    ]);
    expect((await data.runtime.assist.answers.getAnswer(a.id))?.askedBy).toBe('alice');
    expect((await data.runtime.assist.answers.getAnswer(b.id))?.askedBy).toBe('bob');
  });

  it('archives every answer with who asked, the analyst, items and cost; explains answers and briefs in plain words', async () => {
    const asked = (await (await json('/v1/ask', { question: 'What opens against our title on March 12?' })).json()) as Record<string, any>;
    expect(asked.id).toMatch(/^ans_/);
    expect(asked.flagUrl).toMatch(/^http:\/\/localhost\/flag\?t=/);
    const audit = (await (await side.app.request(`/v1/audit/${asked.id}`, { headers: auth() })).json()) as Record<string, any>;
    expect(audit.record).toMatchObject({ question: 'What opens against our title on March 12?', askedBy: 'tests', analyst: 'embedded-query-2', tokens: 0 });
    expect(audit.record.citations).toEqual(asked.citations);
    expect(audit.text).toMatch(/^Answer ans_\w+ to "What opens against our title on March 12\?" was given by embedded-query-2 .* for key "tests", from 2 cited items and 2 events, at a cost of 0 model tokens\.$/);
    const flagPage = await side.app.request(new URL(asked.flagUrl).pathname + new URL(asked.flagUrl).search);
    expect(flagPage.status).toBe(200);

    const brief = briefId(data.cycle.collisions[0]!);
    const b = (await (await side.app.request(`/v1/audit/${brief}`, { headers: auth() })).json()) as Record<string, any>;
    expect(b.text).toMatch(/drafted by the embedded brief-template-1 .* at a cost of 0 model tokens/);
    expect((await side.app.request('/v1/audit/zzz', { headers: auth() })).status).toBe(404);

    // Events (and stories, items) through the shared audit module: analyst, items, cost, calendar change.
    const eventId = data.cycle.collisions.find((c) => c.competitorTitle === 'Skyward Sprocket')!.eventId!;
    const e = (await (await side.app.request(`/v1/audit/${eventId}`, { headers: auth() })).json()) as Record<string, any>;
    expect(e.kind).toBe('event');
    expect(e.text).toMatch(new RegExp(`^Event ${eventId} \\(release (moved|dated)\\) was produced by the embedded analyst rules-2 .* It cost 0 model tokens\\.`));
    expect(e.text).toContain('Skyward Sprocket');
  });
});

describe('LLM brief writer (OpenAI-compatible stub on 127.0.0.1)', () => {
  it('rewrites the options from the computed facts, drops citations the brief lacks, keeps them drafts, records the model and tokens', async () => {
    const { startOpenAiStub } = await import('../support/openai-stub.js');
    const { createLlmBriefWriter } = await import('../../agents/assist/llm-brief-writer.js');
    const stub = await startOpenAiStub();
    try {
      const writer = createLlmBriefWriter({ model: 'stub-model', baseUrl: stub.baseUrl, apiKey: 'test' });
      const briefs = new DynamoBriefStore((await openTestStore()).store.tableAccess);
      const c = data.cycle.collisions.find((x) => x.slateTitle === 'The Lantern Keeper')!;
      stub.script([
        {
          content: JSON.stringify({
            options: [
              { key: 'hold', title: 'Hold Dec 11', text: 'Skyward Sprocket moved onto our date [1]; family audiences split [99].' },
              { key: 'trailer', title: 'Trailer before theirs', text: 'Drop our final trailer the week before their final trailer [2].' },
            ],
          }),
        },
      ]);
      const r = await draftCounterBriefs(data.workspace, { analysis: data.runtime.analysis, store: data.runtime.store, briefs, writer }, [c], new Date());
      expect(r.drafted).toBe(1);
      const b = (await briefs.getBrief(briefId(c)))!;
      expect(b.analyst).toEqual({ kind: 'llm', version: 'stub-model (brief-v1)' });
      expect(b.tokens).toBeGreaterThan(0);
      expect(b.options.map((o) => o.text)).toEqual([
        'Skyward Sprocket moved onto our date [1]; family audiences split. (draft — needs human review)',
        'Drop our final trailer the week before their final trailer [2]. (draft — needs human review)',
      ]);
      const request = stub.requests.at(-1)!;
      expect(JSON.stringify(request.messages)).toContain('Our title: The Lantern Keeper, dated 2026-12-11.');

      // The model failing (500s past its retries) leaves the template's options.
      stub.script([{ status: 500 }, { status: 500 }, { status: 500 }]);
      const other = data.cycle.collisions.find((x) => x.slateTitle === 'Paper Moons')!;
      await draftCounterBriefs(data.workspace, { analysis: data.runtime.analysis, store: data.runtime.store, briefs, writer }, [other], new Date());
      const fallback = (await briefs.getBrief(briefId(other)))!;
      expect(fallback.analyst).toEqual({ kind: 'embedded', version: 'brief-template-1' });
      expect(fallback.options[0]!.key).toBe('hold');
    } finally {
      await stub.close();
    }
  });
});

describe('tone of coverage (routes)', () => {
  it('serves a studio or title series with the items behind each point, and the leaders', async () => {
    const r = await side.app.request('/v1/sentiment?studio=Neon&from=2026-10-01&to=2026-11-26', { headers: auth() });
    expect(r.status).toBe(200);
    const s = (await r.json()) as Record<string, any>;
    expect(s.subject).toEqual({ kind: 'studio', name: 'Neon' });
    expect(s.points.length).toBeGreaterThanOrEqual(8);
    const withItems = s.points.filter((p: { items: unknown[] }) => p.items.length > 0);
    expect(withItems.length).toBeGreaterThan(0);
    for (const p of withItems) for (const it of p.items) expect((await data.runtime.store.getItem(it.id))?.title).toBe(it.title);
    expect((await side.app.request('/v1/sentiment', { headers: auth() })).status).toBe(400);
    expect((await side.app.request('/v1/sentiment?studio=Neon&title=Static%20Girl', { headers: auth() })).status).toBe(400);
    const leaders = (await (await side.app.request('/v1/sentiment/leaders?weeks=6', { headers: auth() })).json()) as Record<string, any>;
    expect(leaders.studios.length).toBeGreaterThan(0);
    expect(leaders.titles.length).toBeGreaterThan(0);
    expect(leaders.studios.every((x: { subject: { name: string } }) => data.workspace.competitors.some((c) => c.name === x.subject.name))).toBe(true);
  });
});

describe('digest links', () => {
  it('the digest .eml carries a signed flag link on every line and a brief link for each collision; a link from it records a flag', async () => {
    const { readFile } = await import('node:fs/promises');
    const { simpleParser } = await import('mailparser');
    const { verifyFlag } = await import('../../shared/feedback/flag-links.js');
    const eml = data.cycle.digest.files!.find((f) => f.endsWith('.eml'))!;
    const mail = await simpleParser(await readFile(eml));
    const html = String(mail.html);
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const flags = hrefs.filter((h) => h.startsWith('http://127.0.0.1:4820/flag?t='));
    const claims = flags.map((h) => verifyFlag(data.runtime.links.linkSecret, new URL(h).searchParams.get('t')!));
    expect(claims.every((c) => c.ok)).toBe(true);
    const ids = claims.map((c) => (c.ok ? c.claim.id : ''));
    // One per narrative sentence, competitor move, calendar change and collision.
    expect(ids.filter((id) => /^2026-W48:s\d+$/.test(id)).length).toBeGreaterThanOrEqual(3);
    expect(ids.filter((id) => id.startsWith('e_')).length).toBeGreaterThanOrEqual(10);
    const briefLinks = hrefs.filter((h) => h.includes('/#brief=br_'));
    expect(briefLinks.length).toBeGreaterThanOrEqual(2);
    for (const h of briefLinks) expect(await data.runtime.briefs.getBrief(h.split('#brief=')[1]!)).not.toBeNull();
    expect(String(mail.text)).toContain('draft brief: http://127.0.0.1:4820/#brief=br_');

    const t = new URL(flags.find((h) => {
      const c = verifyFlag(data.runtime.links.linkSecret, new URL(h).searchParams.get('t')!);
      return c.ok && c.claim.id.startsWith('e_');
    })!).searchParams.get('t')!;
    const before = (await data.runtime.flags.listFlags()).length;
    expect(await (await side.app.request(`/flag?t=${t}`)).text()).toContain('name="who" type="email"');
    expect((await side.app.request('/flag', { method: 'POST', body: new URLSearchParams({ t, reason: 'wrong studio on this move', who: 'dana.whitcombe@example.com' }) })).status).toBe(201);
    const after = await data.runtime.flags.listFlags();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ target: { kind: 'digest' }, reason: 'wrong studio on this move', by: 'dana.whitcombe@example.com' });
  });
});
