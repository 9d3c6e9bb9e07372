// The query side's read model over the demo cycle's data: the same answers and pages as the store, no store reads once
// loaded, this process's writes seen at once and another process's after the version check; answers archived in groups.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildQuerySide, type QuerySide } from '../../functions/http/query-side.js';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { createDynamoClient } from '../../shared/store/dynamo-client.js';
import { DynamoTable } from '../../shared/store/dynamo-table.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoAnswerStore } from '../../shared/store/dynamo-assist.store.js';
import { DynamoDataVersion } from '../../shared/store/dynamo-data-version.js';
import { newestFirst, ReadModel } from '../../shared/query/read-model.js';
import type { Event } from '../../shared/model/event.js';
import type { TimeRange } from '../../shared/ports/store.js';
import { openDemoData, type DemoData } from '../support/demo-data.js';

let data: DemoData;
let direct: QuerySide;
let modelled: QuerySide;
let key: string;
/** DynamoDB requests sent through the runtime's table, by operation. */
const sent: Record<string, number> = {};

const stores = () => ({ analysis: data.runtime.analysis, store: data.runtime.store, digests: data.runtime.digests, keys: data.runtime.keys, interest: data.runtime.interest });

beforeAll(async () => {
  data = await openDemoData();
  const config = { ...data.config, analyst: 'embedded' as const, apiCacheSeconds: 0, apiRateLimitPerMinute: 1_000_000 };
  direct = buildQuerySide(config, data.workspace, { ...stores(), version: null });
  modelled = buildQuerySide(config, data.workspace, { ...stores(), readModel: { refreshMs: 60_000 } });
  key = (await createApiKey(data.runtime.keys, 'read-model')).key;
  data.runtime.store.tableAccess.doc.middlewareStack.add(
    (next, context) => async (input) => {
      const op = String(context.commandName ?? '?').replace(/Command$/, '');
      sent[op] = (sent[op] ?? 0) + 1;
      return next(input);
    },
    { step: 'initialize', name: 'readModelTestCounter' },
  );
}, 120_000);
afterAll(async () => data?.close());

async function get(side: QuerySide, path: string): Promise<{ status: number; body: unknown }> {
  const r = await side.app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { status: r.status, body: await r.json() };
}
const total = () => Object.entries(sent).reduce((n, [, k]) => n + k, 0);

const ROUTES = [
  '/v1/events?limit=20',
  '/v1/events?limit=5&type=trailer',
  '/v1/events?studio=Lionsgate&from=2026-09-01&limit=20',
  '/v1/events?studio=WB&limit=3',
  '/v1/events?title=Glimmerglass&limit=4',
  '/v1/events?from=2026-10-01&to=2026-10-31&limit=7',
  '/v1/releases',
  '/v1/releases?from=2026-12-01&to=2027-06-30',
  '/v1/boxoffice',
  '/v1/boxoffice?title=Glimmerglass',
  '/v1/boxoffice?genre=horror&weekends=4',
  '/v1/digests/latest',
  '/v1/sources',
];

describe('the read model answers as the store does', () => {
  it('serves every read route with the same JSON, following each events cursor to the end', async () => {
    for (const route of ROUTES) {
      let path: string | null = route;
      for (let page = 0; path && page < 30; page++) {
        const [a, b]: Array<{ status: number; body: unknown }> = await Promise.all([get(direct, path), get(modelled, path)]);
        expect(b, path).toEqual(a);
        const cursor: string | null | undefined = (a!.body as { cursor?: string | null }).cursor;
        path = cursor ? `${route}&cursor=${encodeURIComponent(cursor)}` : null;
      }
    }
  });

  it('gives the same answer to every question of the answer sets', async () => {
    const questions = ['dev', 'held-aside'].flatMap((set) => (parse(readFileSync(`test/data/questions/${set}.yaml`, 'utf8')) as Array<{ q: string }>).map((x) => x.q));
    expect(questions.length).toBeGreaterThan(80);
    for (const q of questions) expect(await modelled.ask(q), q).toEqual(await direct.ask(q));
  }, 120_000);

  it('pages a studio and a title index exactly as the DynamoDB query does (ranges, limits, cursors)', async () => {
    const model = new ReadModel(stores(), data.runtime.analysis.dataVersion, { preload: false });
    const ranges: TimeRange[] = [{}, { limit: 1 }, { limit: 3 }, { from: '2026-10-01' }, { to: '2026-11-01', limit: 2 }, { from: '2026-09-01', to: '2026-11-20T12:00:00.000Z', limit: 4 }, { limit: 200 }];
    for (const [kind, name] of [['studio', 'Lionsgate'], ['studio', 'A24'], ['title', 'Glimmerglass'], ['studio', 'Nobody At All']] as const) {
      for (const range of ranges) {
        let cursor: string | null = null;
        for (let page = 0; page < 40; page++) {
          const r: TimeRange = { ...range, cursor };
          const read = (s: { eventsByStudio: DynamoAnalysisStore['eventsByStudio']; eventsByTitle: DynamoAnalysisStore['eventsByTitle'] }) => (kind === 'studio' ? s.eventsByStudio(name, r) : s.eventsByTitle(name, r));
          const [want, got] = await Promise.all([read(data.runtime.analysis), read(model.analysis)]);
          expect(got, `${kind} ${name} ${JSON.stringify(r)}`).toEqual(want);
          cursor = want.cursor;
          if (!cursor) break;
        }
      }
    }
    // A week newest first (sorted once per data version) is the store's week in that order, filtered the same by type.
    for (const week of ['2026-W48', '2026-W46', '2026-W40', '2020-W01']) {
      const stored = await data.runtime.analysis.eventsByWeek(week);
      expect(await model.analysis.eventsByWeekNewestFirst(week), week).toEqual([...stored].sort(newestFirst));
      for (const type of ['trailer', 'casting'] as const) {
        expect(await model.analysis.eventsByWeekNewestFirst(week, type), `${week} ${type}`).toEqual(stored.filter((e) => e.type === type).sort(newestFirst));
      }
    }
    expect((await data.runtime.analysis.eventsByWeek('2026-W47')).length).toBeGreaterThan(3);
    for (const [from, to] of [['2026-11-01', '2027-02-28'], ['2026-01-01', '2028-12-31'], ['2026-12-11', '2026-12-11'], ['2027-03', '2027-07']]) {
      expect(await model.analysis.releasesBetween(from!, to!), `${from}..${to}`).toEqual(await data.runtime.analysis.releasesBetween(from!, to!));
    }
  });
});

describe('the read model keeps requests off the store', () => {
  it('reads nothing from the store for requests it has seen the partitions of, whatever their parameters', async () => {
    for (const route of ROUTES) await get(modelled, route);
    await modelled.ask('What did Lionsgate announce since October?');
    const before = total();
    for (const route of ROUTES) expect((await get(modelled, route)).status).toBe(200);
    // New parameters over the same partitions: other limits, ranges and filters.
    expect((await get(modelled, '/v1/events?limit=11&studio=Lionsgate&from=2026-10-15')).status).toBe(200);
    expect((await get(modelled, '/v1/releases?from=2027-01-05&to=2027-03-01')).status).toBe(200);
    await modelled.ask('What did Lionsgate announce since October?');
    await modelled.ask('Anything from Lionsgate in November?');
    expect(total() - before).toBe(0);
  });

  it('sees a write of this process at once, and another process\'s once the stored version is read again', async () => {
    const events = await data.runtime.analysis.eventsByStudio('Lionsgate', { limit: 1 });
    const template = events.items[0]!;
    const fresh = (id: string, summary: string): Event => ({ ...template, id, summary, publishedAt: '2026-11-26T09:00:00.000Z', createdAt: '2026-11-26T09:00:00.000Z' });
    const side = buildQuerySide({ ...data.config, apiCacheSeconds: 0, apiRateLimitPerMinute: 1_000_000 }, data.workspace, { ...stores(), readModel: { refreshMs: 300 } });
    const summaries = async () => ((await get(side, '/v1/events?studio=Lionsgate&limit=5')).body as { events: Array<{ summary: string }> }).events.map((e) => e.summary);
    expect(await summaries()).not.toContain('Read model: same process');

    await data.runtime.analysis.putEvent(fresh('evt-read-model-1', 'Read model: same process'));
    expect(await summaries()).toContain('Read model: same process');

    // Another process: its own client and table, so this process's counter does not move; only the stored version does.
    const other = new DynamoAnalysisStore(new DynamoTable(createDynamoClient({ endpoint: data.runtime.dynamoEndpoint }), data.config.tableName));
    await other.putEvent(fresh('evt-read-model-2', 'Read model: other process'));
    await new Promise((r) => setTimeout(r, 350));
    expect(await summaries()).toContain('Read model: other process');
    expect(side.readModel!.stats.refreshes).toBeGreaterThanOrEqual(2);
  });
});

describe('data version', () => {
  it('costs a handful of writes for a burst of bumps, and still changes after the last one', async () => {
    const table = new DynamoTable(createDynamoClient({ endpoint: data.runtime.dynamoEndpoint }), data.config.tableName);
    let writes = 0;
    table.doc.middlewareStack.add(
      (next) => async (input) => {
        if ((input.input as { Item?: { pk?: string } }).Item?.pk === 'META') writes++;
        return next(input);
      },
      { step: 'initialize', name: 'versionWrites' },
    );
    const version = new DynamoDataVersion(table, 200);
    const start = await version.current();
    await version.bump(); // the first: written before it returns
    const first = await version.current();
    expect(first).not.toBe(start);
    for (let i = 0; i < 50; i++) await version.bump();
    expect(writes).toBe(1);
    expect(version.local).toBe(51);
    await new Promise((r) => setTimeout(r, 350)); // the trailing write, a moment after the first
    expect(writes).toBe(2);
    expect(await version.current()).not.toBe(first);
    await version.bump();
    await version.flush(); // before a store closes: written at once
    expect(writes).toBe(3);
  });
});

describe('answer archive', () => {
  it('stores every answer of a burst, in far fewer requests than answers', async () => {
    const answers = new DynamoAnswerStore(data.runtime.store.tableAccess);
    const before = sent.BatchWrite ?? 0;
    const beforePut = sent.Put ?? 0;
    const ids = Array.from({ length: 30 }, (_, i) => `ans_readmodel_${i}`);
    await Promise.all(
      ids.map((id) => answers.putAnswer({ id, question: `q ${id}`, answer: 'a', citations: [], eventIds: [], analyst: 'embedded-query-2', tokens: 0, askedBy: 'test', createdAt: new Date().toISOString() })),
    );
    for (const id of ids) expect((await answers.getAnswer(id))?.question).toBe(`q ${id}`);
    // The first goes alone (a PutItem), the rest wait for it and share batch writes.
    expect((sent.BatchWrite ?? 0) - before).toBeLessThanOrEqual(3);
    expect((sent.Put ?? 0) - beforePut).toBeLessThanOrEqual(1);
  });
});
