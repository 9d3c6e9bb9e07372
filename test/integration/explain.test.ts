// Audit trail: `explain` over the demo data (embedded analyst) and over an LLM run against the OpenAI stub; the explain and purge CLI.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoData, type DemoData } from '../support/demo-data.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { embeddedExtraction, startOpenAiStub, type OpenAiStub } from '../support/openai-stub.js';
import { captureIo } from '../support/capture-io.js';
import { main } from '../../functions/cli/main.js';
import { NothingToExplainError, auditExplainer, explain, explainText } from '../../shared/audit/index.js';
import { EMBEDDED_ANALYST_VERSION, createEmbeddedAnalyst } from '../../agents/analyst/embedded/embedded-analyst.js';
import { createLlmAnalyst } from '../../agents/analyst/llm/llm-analyst.js';
import { MemoryAnalysisCache } from '../../agents/analyst/llm/memory-cache.js';
import { PROMPT_VERSION } from '../../agents/analyst/llm/prompts.js';
import { ruleHints } from '../../agents/analyst/rule-hints.js';
import { analyzeItems } from '../../shared/analysis/analyze-items.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { Workspace } from '../../shared/model/workspace.js';
import type { Event } from '../../shared/model/event.js';
import type { Item } from '../../shared/model/item.js';
import { EMBEDDED_DEFAULTS } from '../support/cli-env.js';

const env = { ...EMBEDDED_DEFAULTS };

describe('explain over the demo data (embedded analyst)', () => {
  let d: DemoData;
  let moved: Event;
  const deps = () => ({ analysis: d.runtime.analysis, store: d.runtime.store });

  beforeAll(async () => {
    d = await openDemoData(env);
    moved = (await d.runtime.analysis.eventsByTitle('Halcyon Drift')).items.find((e) => e.type === 'release_moved')!;
    expect(moved).toBeDefined();
  }, 120_000);
  afterAll(async () => d?.close());

  it('an event: analyst and version, when, its items, its cost, the calendar change it caused', async () => {
    const r = await explain(moved.id, deps());
    const items = await d.runtime.store.getItems(moved.itemIds);
    expect(r).toMatchObject({
      kind: 'event',
      id: moved.id,
      eventType: 'release_moved',
      producedBy: { kind: 'embedded', version: EMBEDDED_ANALYST_VERSION },
      createdAt: moved.createdAt,
      storyId: moved.storyId,
      tokenCost: 0,
      calendarChanges: [{ title: 'Halcyon Drift', titleKey: 'halcyon drift', from: '2027-06-04', to: '2027-04-09' }],
    });
    expect(r.items).toEqual(items.map((i) => ({ id: i.id, title: i.title, source: i.sourceId, url: i.url, publishedAt: i.publishedAt, purged: false })));
    expect(r.items.length).toBeGreaterThan(1);
    // The cost is recorded on the event at write time.
    expect((await d.runtime.analysis.getEvent(moved.id))!.tokens).toBe(0);

    const text = explainText(r);
    expect(text).toMatch(new RegExp(`^Event ${moved.id} \\(release moved\\) was produced by the embedded analyst ${EMBEDDED_ANALYST_VERSION} on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC from ${r.items.length} items: "`));
    for (const i of items) expect(text).toContain(`"${i.title}" (${i.sourceId}, ${i.publishedAt!.slice(0, 10)})`);
    expect(text).toContain('It cost 0 model tokens.');
    expect(text).toContain('It moved Halcyon Drift from 2027-06-04 to 2027-04-09 on the release calendar.');
  });

  it('a story and an item point at each other and at the event', async () => {
    const story = await explain(moved.storyId, deps());
    expect(story).toMatchObject({ kind: 'story', id: moved.storyId, eventId: moved.id, producedBy: { kind: 'embedded' } });
    expect(story.items.map((i) => i.id)).toEqual(moved.itemIds);
    expect(explainText(story)).toContain(`Its event is ${moved.id}.`);

    const item = await explain(moved.itemIds[1]!, deps());
    const stored = (await d.runtime.store.getItem(moved.itemIds[1]!))!;
    expect(item).toMatchObject({ kind: 'item', storyId: moved.storyId, eventId: moved.id, createdAt: stored.fetchedAt, producedBy: { kind: 'crawler', sourceId: stored.sourceId, snapshotKey: stored.snapshotKey } });
    expect(explainText(item)).toContain(`It is cited by story ${moved.storyId} and event ${moved.id}.`);
  });

  it('an LLM-analyst event record shows model, prompt version and its token cost; an older one says the cost was not recorded', async () => {
    const crafted: Event = { ...moved, id: 'e_llmcrafted0000000001', analyst: { kind: 'llm', model: 'gpt-4o-mini', promptVersion: PROMPT_VERSION }, tokens: 812 };
    await d.runtime.analysis.putEvent(crafted);
    const r = await explain(crafted.id, deps());
    expect(r.producedBy).toEqual({ kind: 'llm', model: 'gpt-4o-mini', promptVersion: PROMPT_VERSION });
    expect(r.tokenCost).toBe(812);
    expect(explainText(r)).toContain(`was produced by the model gpt-4o-mini with prompt ${PROMPT_VERSION} on `);
    expect(explainText(r)).toContain('It cost 812 model tokens.');

    const { tokens: _t, ...older } = { ...crafted, id: 'e_llmcrafted0000000002' };
    await d.runtime.analysis.putEvent(older);
    const o = await explain(older.id, deps());
    expect(o.tokenCost).toBeNull();
    expect(explainText(o)).toContain('Its model token cost was not recorded');
  });

  it('a brief and an archived answer: who drafted or answered, from which items and events, at what cost', async () => {
    const brief = (await d.runtime.briefs.listBriefs({ limit: 1 })).items[0]!;
    const b = await explain(brief.id, { ...deps(), briefs: d.runtime.briefs });
    expect(b).toMatchObject({ kind: 'brief', id: brief.id, headline: brief.headline, status: 'draft', eventIds: brief.eventIds, producedBy: { kind: 'embedded', version: brief.analyst.version }, tokenCost: brief.tokens });
    expect(b.items.map((i) => i.id)).toEqual(brief.citations.map((c) => c.itemId));
    expect(b.items.every((i) => !i.purged)).toBe(true);
    expect(explainText(b)).toMatch(new RegExp(`^Brief ${brief.id} \\(".+"\\) was drafted by the embedded ${brief.analyst.version} on .+ UTC from \\d+ events? and \\d+ cited items?, at a cost of 0 model tokens; status draft\\.$`));

    const item = (await d.runtime.store.getItems([moved.itemIds[1]!]))[0]!;
    const answer = {
      id: 'ans_audit0001', question: 'What moved?', answer: 'Halcyon Drift moved to April 9 [1].', eventIds: [moved.id], analyst: 'embedded-query-1', tokens: 0, askedBy: 'tests', createdAt: new Date().toISOString(),
      citations: [{ n: 1, itemId: item.id, title: item.title, url: item.url, source: item.sourceId, publishedAt: item.publishedAt }],
    };
    await d.runtime.assist.answers.putAnswer(answer);
    const a = await explain(answer.id, { ...deps(), answers: d.runtime.assist.answers });
    expect(a).toMatchObject({ kind: 'answer', headline: 'What moved?', askedBy: 'tests', producedBy: { kind: 'agent', name: 'embedded-query-1' }, tokenCost: 0, eventIds: [moved.id] });
    expect(explainText(a)).toMatch(/^Answer ans_audit0001 to "What moved\?" was given by embedded-query-1 on .+ UTC for key "tests", from 1 cited item and 1 event, at a cost of 0 model tokens\.$/);
    // Without the stores (a runtime that has none), those ids are simply unknown.
    await expect(explain(answer.id, deps())).rejects.toThrow(NothingToExplainError);
  });

  it('an unknown id is a clear error; the HTTP hook answers null for it', async () => {
    await expect(explain('e_0000000000000000000000', deps())).rejects.toThrow(NothingToExplainError);
    await expect(explain('nonsense', deps())).rejects.toThrow('nothing to explain for "nonsense"');
    expect(await auditExplainer(deps())('s_nope')).toBeNull();
    const hit = await auditExplainer(deps())(moved.id);
    expect(hit).toMatchObject({ kind: 'event', text: expect.stringContaining(moved.id) });
  });

  it('an event whose items were purged keeps its citations, described from the story and marked purged', async () => {
    const gone = (await d.runtime.store.getItems([moved.itemIds[0]!]))[0]!;
    await d.runtime.purge.deleteItems([gone]);
    const r = await explain(moved.id, deps());
    expect(r.items[0]).toEqual({ id: gone.id, title: gone.title, source: gone.sourceId, url: gone.url, publishedAt: gone.publishedAt, purged: true });
    expect(explainText(r)).toContain('1 cited item was purged since (retention).');
  });
});

describe('explain over an LLM analysis (OpenAI stub on 127.0.0.1)', () => {
  let t: TestStore;
  let stub: OpenAiStub;
  const clock = { now: () => new Date('2026-11-26T20:00:00Z') };
  const workspace = Workspace.parse({
    name: 'test',
    sources: [{ id: 'dw', kind: 'rss', url: 'http://example.test/' }],
    competitors: [{ name: 'Universal Pictures', aliases: ['Universal', 'Illumination'] }],
    slate: [{ title: 'The Lantern Keeper', releaseDate: '2026-12-11', genres: ['Family', 'Fantasy'] }],
  });
  const item = (n: number, sourceId: string, title: string, text: string, publishedAt: string): Item => ({
    id: String(n).repeat(32).slice(0, 32), sourceId, url: `https://${sourceId}.example/${n}`, guid: null, title, publishedAt, author: null, text,
    categories: [], hash: `h-${n}`, studio: null, tags: ['trade'], fetchedAt: '2026-11-26T19:00:00.000Z', snapshotKey: null,
  });
  const items = [
    item(1, 'dw', "Universal Moves Illumination's 'Skyward Sprocket' Up Two Weeks To Dec. 11", 'Universal has moved the animated family film Skyward Sprocket from Dec. 25 to Dec. 11, 2026, opposite The Lantern Keeper.', '2026-11-17T18:12:00.000Z'),
    item(2, 'vi', "Sofia Marquez Joins Cast of Universal's 'Night Garden'", 'Sofia Marquez has joined the cast of Night Garden, the thriller Universal is developing.', '2026-11-18T10:00:00.000Z'),
  ];

  beforeAll(async () => {
    t = await openTestStore();
    stub = await startOpenAiStub({ extract: embeddedExtraction({ competitors: workspace.competitors, slate: workspace.slate }) });
  });
  afterAll(async () => {
    await stub.close();
    await t.close();
  });

  it('records each event’s share of the model tokens at write time, and explain shows model, prompt version and cost', async () => {
    const analysis = new DynamoAnalysisStore(t.store.tableAccess, clock.now);
    for (const i of items) await t.store.putItemIfNew(i, [`url:${i.url}`]);
    const analyst = createLlmAnalyst({ baseUrl: stub.baseUrl, model: 'gpt-4o-mini', apiKey: 'test', cache: new MemoryAnalysisCache(), fallback: createEmbeddedAnalyst });
    const report = await analyzeItems(workspace, { items: t.store, analysis, analyst, clock, hint: ruleHints(workspace) }, items.map((i) => i.id));
    expect(report.events).toBe(2);
    expect(report.promptTokens + report.completionTokens).toBeGreaterThan(0);

    const events = (await Promise.all(report.eventIds.map((id) => analysis.getEvent(id)))).map((e) => e!);
    expect(events.every((e) => e.analyst.kind === 'llm' && (e.tokens ?? 0) > 0)).toBe(true);
    expect(events.reduce((n, e) => n + e.tokens!, 0)).toBe(report.promptTokens + report.completionTokens);

    const moved = events.find((e) => e.type === 'release_moved')!;
    const r = await explain(moved.id, { analysis, store: t.store });
    expect(r).toMatchObject({ producedBy: { kind: 'llm', model: 'gpt-4o-mini', promptVersion: PROMPT_VERSION }, tokenCost: moved.tokens, items: [{ id: items[0]!.id, source: 'dw', purged: false }] });
    expect(r.calendarChanges).toEqual([expect.objectContaining({ title: 'Skyward Sprocket', to: '2026-12-11' })]);
    expect(explainText(r)).toContain(`produced by the model gpt-4o-mini with prompt ${PROMPT_VERSION} on 2026-11-26 20:00 UTC from 1 item:`);
    expect(explainText(r)).toContain(`It cost ${moved.tokens} model tokens.`);
  });
});

describe('marquee explain and marquee purge', () => {
  let dir: string;
  // Ids derive from the demo's fixed URLs: this is the story of Warner Bros. moving 'Halcyon Drift'.
  const eventId = 'e_58a2cc45bcaa87741d3b';
  const args = () => ['--data-dir', join(dir, 'data')];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marquee-audit-cli-'));
    const io = captureIo();
    expect(await main(['run', '--once', '--json', ...args(), '--out', join(dir, 'out')], io, env)).toBe(0);
    expect(io.json().analysis.events).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('explain prints the plain-words audit, or JSON with --json', async () => {
    const io = captureIo();
    expect(await main(['explain', eventId, ...args()], io, env)).toBe(0);
    expect(io.stdout).toMatch(new RegExp(`^Event ${eventId} \\(.+\\) was produced by the embedded analyst ${EMBEDDED_ANALYST_VERSION} on .+ It cost 0 model tokens\\.`));
    expect(io.stdout).toContain('It moved Halcyon Drift from 2027-06-04 to 2027-04-09 on the release calendar.');
    const j = captureIo();
    expect(await main(['explain', eventId, '--json', ...args()], j, env)).toBe(0);
    expect(j.json()).toMatchObject({ record: { kind: 'event', id: eventId, producedBy: { kind: 'embedded', version: EMBEDDED_ANALYST_VERSION }, tokenCost: 0 }, text: expect.stringContaining(eventId) });
  });

  it('explain of an unknown id: exit 2, one line', async () => {
    const io = captureIo();
    expect(await main(['explain', 'e_nothing', ...args()], io, env)).toBe(2);
    expect(io.stderr.trim().split('\n')).toEqual(['marquee explain: nothing to explain for "e_nothing": no event (e_…), story (s_…), brief (br_…), answer (ans_…) or item (32 hex characters) with that id is stored']);
  });

  it('purge: a bad date is one line and exit 2; the default cut-off says where it comes from; a dry run and a purge report the same counts', async () => {
    const bad = captureIo();
    expect(await main(['purge', '--before', '2026-02-30', ...args()], bad, env)).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--before: "2026-02-30" is not a date');

    const byDefault = captureIo();
    expect(await main(['purge', '--dry-run', ...args()], byDefault, env)).toBe(0);
    expect(byDefault.stdout).toContain("no --before: 2026-11-26 (the workspace clock) minus the workspace's retentionDays 180");
    expect(byDefault.stdout).toContain('older than 2026-05-30 00:00 UTC');

    // The demo's items span October and November 2026: cut in the middle.
    const dry = captureIo();
    expect(await main(['purge', '--before', '2026-11-20', '--dry-run', '--json', ...args()], dry, env)).toBe(0);
    const planned = dry.json();
    expect(planned).toMatchObject({ dryRun: true, cutoff: '2026-11-20T00:00:00.000Z', cutoffFrom: 'before' });
    expect(planned.items).toBeGreaterThan(0);

    const real = captureIo();
    expect(await main(['purge', '--before', '2026-11-20', ...args()], real, env)).toBe(0);
    expect(real.stdout).toContain(`items            ${planned.items} removed`);
    expect(real.stdout).toContain(`identity keys    ${planned.identityKeys} `);

    const again = captureIo();
    expect(await main(['purge', '--before', '2026-11-20', '--json', ...args()], again, env)).toBe(0);
    expect(again.json()).toMatchObject({ items: 0, identityKeys: 0, snapshots: 0 });
  });
});
