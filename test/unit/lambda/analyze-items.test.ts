// Analyze worker: the embedded DynamoDB server for the happy path; DynamoDB throttling (aws-sdk-client-mock) and Slack faults fail only their record, and nothing is lost.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, type BatchGetCommandInput } from '@aws-sdk/lib-dynamodb';
import { ANALYSIS_LOCK, createAnalyzeItemsHandler } from '../../../functions/lambda/analyze-items.handler.js';
import { DynamoLedger } from '../../../shared/store/dynamo-ledger.js';
import { createAnalyzeRuntime, type AnalyzeRuntime } from '../../../functions/aws/analyze-runtime.js';
import { createAwsRuntime } from '../../../functions/aws/runtime.js';
import { validateWorkspace } from '../../../shared/config/validate-workspace.js';
import { ChatUnavailableError } from '../../../shared/delivery/chat/errors.js';
import type { Item } from '../../../shared/model/item.js';
import type { ChatMessage, ChatPoster } from '../../../shared/ports/chat.js';
import type { IdempotencyLedger } from '../../../shared/ports/ledger.js';
import { DynamoBriefStore } from '../../../shared/store/dynamo-assist.store.js';
import { DynamoAnalysisStore } from '../../../shared/store/dynamo-analysis.store.js';
import { openTestStore, type TestStore } from '../../support/embedded-store.js';
import { ANALYZE_TABLE_ACTIONS } from '../../../infra/constructs/analyze.construct.js';
import { quietTelemetry, sqsEvent, tableActionOf } from './support.js';

const ssm = mockClient(SSMClient);
const realDocSend = DynamoDBDocumentClient.prototype.send;
function recordingDocumentClient() {
  const m = mockClient(DynamoDBDocumentClient);
  m.send.callThrough();
  return m;
}
let ddb: ReturnType<typeof recordingDocumentClient>;
let db: TestStore;

const workspace = validateWorkspace(
  {
    name: 'Analyze test',
    timezone: 'America/Los_Angeles',
    clock: '2026-11-25T20:00:00Z',
    sources: [
      { id: 'wire', kind: 'rss', url: 'https://wire.example/feed.xml', tags: ['trade'] },
      { id: 'ledger', kind: 'rss', url: 'https://ledger.example/feed.xml', tags: ['trade'] },
    ],
    competitors: [{ name: 'Lionsgate', aliases: [] }, { name: 'A24', aliases: [] }],
    slate: [{ title: 'Harbor Lights', releaseDate: '2027-06-04' }],
  },
  'analyze test workspace',
);

const STORIES = {
  wire: [
    ['Lionsgate Dates ‘Night Ferry’ for June 4, 2027', 'Lionsgate has set its thriller ‘Night Ferry’ for a wide release on June 4, 2027, the studio said.'],
    ['A24 Acquires Festival Drama ‘Salt Year’', 'A24 has acquired North American distribution rights to the festival drama ‘Salt Year’ in a deal worth $8 million.'],
  ],
  ledger: [
    ['Lionsgate Releases First Trailer for ‘Glass Orchard’', 'Lionsgate debuted the first trailer for ‘Glass Orchard’ on Tuesday ahead of its March 2027 release.'],
    ['A24 Greenlights ‘Quiet Engines’ Sequel', 'A24 has greenlit a sequel to ‘Quiet Engines’, with the original director returning.'],
  ],
} as const;

function itemsOf(sourceId: keyof typeof STORIES): Item[] {
  return STORIES[sourceId].map(([title, text], i) => ({
    id: `i_${sourceId}_${i}`,
    url: `https://${sourceId}.example/${i}`,
    guid: null,
    title,
    publishedAt: `2026-11-25T1${i}:00:00.000Z`,
    author: null,
    text,
    categories: [],
    hash: `${sourceId}${i}`,
    sourceId,
    studio: null,
    tags: ['trade'],
    fetchedAt: '2026-11-25T19:00:00.000Z',
    snapshotKey: null,
  }));
}
const ids = (sourceId: keyof typeof STORIES) => itemsOf(sourceId).map((i) => i.id);

/** A Slack stand-in: records messages; `failNext` makes the next posts fail as Slack being down would. */
function fakeChat() {
  const posted: ChatMessage[] = [];
  let failures = 0;
  const chat: ChatPoster & { posted: ChatMessage[]; failNext(n: number): void } = {
    posted,
    failNext: (n) => {
      failures = n;
    },
    async post(message) {
      if (failures > 0) {
        failures--;
        throw new ChatUnavailableError('Slack answered 503 five times', 'server_error', { status: 503, attempts: 5 });
      }
      posted.push(message);
      return { id: `msg-${posted.length}`, attempts: 1 };
    },
  };
  return chat;
}

function handlerFor(chat: ChatPoster | null, options: { diesHoldingClaims?: boolean; telemetry?: ReturnType<typeof quietTelemetry> } = {}) {
  const base = createAwsRuntime({ TABLE_NAME: db.tableName, WORKSPACE_PARAMETER: 'ws', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint });
  const rt = createAnalyzeRuntime(base);
  const runtime: AnalyzeRuntime = { ...rt, chat: async () => chat };
  if (options.diesHoldingClaims) {
    // A worker that dies mid-post (timeout, out of memory) never gets to release its claims.
    runtime.ledger = (owner) => Object.assign(Object.create(rt.ledger(owner)) as IdempotencyLedger, { release: async () => {}, abandon: async () => {} });
  }
  return createAnalyzeItemsHandler({ runtime: () => runtime, telemetry: options.telemetry ?? quietTelemetry() });
}

const alertKeys = (chat: { posted: ChatMessage[] }) => chat.posted.flatMap((m) => (m.alerts ?? []).map((a) => a.key)).sort();

beforeEach(async () => {
  db = await openTestStore();
  for (const source of ['wire', 'ledger'] as const) for (const item of itemsOf(source)) await db.store.putItemIfNew(item, [item.id]);
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
  ddb = recordingDocumentClient();
});
afterEach(async () => {
  ddb.restore();
  ssm.reset();
  await db.close();
});
afterAll(() => {
  expect(DynamoDBDocumentClient.prototype.send).toBe(realDocSend);
});

describe('analyze worker', () => {
  it('analyzes every record on the embedded store, stores events and sends each alert exactly once, also when SQS delivers the batch again', async () => {
    const chat = fakeChat();
    const handler = handlerFor(chat);
    const event = sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }, { sourceId: 'ledger', itemIds: ids('ledger') }]);
    expect((await handler(event)).batchItemFailures).toEqual([]);
    const analysis = new DynamoAnalysisStore(db.store.tableAccess);
    const events = await analysis.eventsByWeek('2026-W48');
    expect(events.length).toBe(4);
    expect(events.every((e) => e.concernsCompetitor)).toBe(true);
    const sent = alertKeys(chat);
    expect(sent.length).toBeGreaterThan(0);
    // Night Ferry is dated into the slate's Harbor Lights weekend: a collision alert and a drafted brief, as locally.
    const kinds = chat.posted.flatMap((m) => (m.alerts ?? []).map((a) => `${a.kind}:${a.title}`));

    expect(kinds).toContain('collision:Night Ferry');
    const briefs = (await new DynamoBriefStore(db.store.tableAccess).listBriefs()).items;
    expect(briefs.map((b) => `${b.slateTitle}|${b.competitorTitle}`)).toEqual(['Harbor Lights|Night Ferry']);

    // At-least-once delivery: the same messages again create no event and post nothing twice.
    expect((await handler(sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }, { sourceId: 'ledger', itemIds: ids('ledger') }], 2))).batchItemFailures).toEqual([]);
    expect(await analysis.eventsByWeek('2026-W48')).toHaveLength(4);
    expect(alertKeys(chat)).toEqual(sent);
    // Least privilege that works: every DynamoDB call is one the function's role grants.
    const used = new Set(ddb.calls().map((c) => tableActionOf(c.args[0] as object)));
    expect(used.size).toBeGreaterThan(3);
    for (const action of used) expect(ANALYZE_TABLE_ACTIONS as string[]).toContain(action);
  });

  it('DynamoDB throttling on one record fails only that record; the retry analyzes it, nothing is lost', async () => {
    let throttled = 0;
    ddb.on(BatchGetCommand).callsFake(async (input: BatchGetCommandInput, getClient: () => unknown) => {
      if (JSON.stringify(input).includes('ITEM#i_ledger_') && throttled++ === 0) {
        throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: { httpStatusCode: 400 } });
      }
      return (realDocSend as (this: DynamoDBDocumentClient, c: BatchGetCommand) => Promise<unknown>).call(getClient() as DynamoDBDocumentClient, new BatchGetCommand(input));
    });
    const chat = fakeChat();
    const handler = handlerFor(chat);
    const first = await handler(sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }, { sourceId: 'ledger', itemIds: ids('ledger') }]));
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    const analysis = new DynamoAnalysisStore(db.store.tableAccess);
    const afterFirst = await analysis.eventsByWeek('2026-W48');
    expect(afterFirst).toHaveLength(2);
    expect(afterFirst.flatMap((e) => e.itemIds).every((id) => id.startsWith('i_wire_'))).toBe(true);

    const retry = await handler(sqsEvent([{ sourceId: 'ledger', itemIds: ids('ledger') }], 2));
    expect(retry.batchItemFailures).toEqual([]);
    const all = await analysis.eventsByWeek('2026-W48');
    expect(all.flatMap((e) => e.itemIds).sort()).toEqual([...ids('ledger'), ...ids('wire')].sort());
  });

  it('a Slack outage fails the record with its claims released; the redelivery posts those alerts, once', async () => {
    const chat = fakeChat();
    chat.failNext(10);
    const handler = handlerFor(chat);
    // The only record failed: Powertools fails the whole invocation, so SQS redelivers it.
    await expect(handler(sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }]))).rejects.toThrow(/All records failed/);
    expect(chat.posted).toEqual([]);
    chat.failNext(0);
    // SQS redelivers (receive count 2): analysis finds nothing new, the unsent alerts go out now.
    expect((await handler(sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }], 2))).batchItemFailures).toEqual([]);
    const sent = alertKeys(chat);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent).size).toBe(sent.length);
    expect((await handler(sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }], 3))).batchItemFailures).toEqual([]);
    expect(alertKeys(chat)).toEqual(sent);
  });

  it('fails a malformed message alone, and analyzes without alerts when no Slack secret is configured', async () => {
    const handler = handlerFor(null);
    const res = await handler(sqsEvent(['{oops', { sourceId: 'wire' }, { sourceId: 'wire', itemIds: ids('wire') }]));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm-0' }, { itemIdentifier: 'm-1' }]);
    expect(await new DynamoAnalysisStore(db.store.tableAccess).eventsByWeek('2026-W48')).toHaveLength(2);
  });

  it("SQS's redelivery of a message whose worker died holding alert claims posts those alerts at once, not after the 15-minute lease", async () => {
    const dying = fakeChat();
    dying.failNext(10);
    await expect(handlerFor(dying, { diesHoldingClaims: true })(sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }]))).rejects.toThrow(/All records failed/);
    expect(dying.posted).toEqual([]);
    // A new container gets the redelivered message (same message id, receive count 2).
    const chat = fakeChat();
    expect((await handlerFor(chat)(sqsEvent([{ sourceId: 'wire', itemIds: ids('wire') }], 2))).batchItemFailures).toEqual([]);
    const sent = alertKeys(chat);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it("a crawl round's message analyzes everything pending; while another analysis runs it fails alone, and loses nothing", async () => {
    const analysis = new DynamoAnalysisStore(db.store.tableAccess);
    await analysis.markPending([...ids('wire'), ...ids('ledger')]);
    // Another worker is analyzing (it holds the lock): this message is retried later, its items stay pending.
    const other = new DynamoLedger(db.store.tableAccess, { owner: 'sqs:another-message' });
    expect((await other.claim(ANALYSIS_LOCK, 900)).status).toBe('claimed');
    const chat = fakeChat();
    const telemetry = quietTelemetry();
    const handler = handlerFor(chat, { telemetry });
    // Its only record failed: the whole batch fails, and SQS retries it after the visibility timeout.
    await expect(handler(sqsEvent([{ roundId: '2026-11-26T20:00:00.000Z~abcd1234' }]))).rejects.toThrow(/All records failed/);
    expect(telemetry.recorded.filter((m) => m.name === 'AnalysisBusy').map((m) => m.value)).toEqual([1]);
    expect(await analysis.listPending()).toHaveLength(4);
    expect(await analysis.eventsByWeek('2026-W48')).toEqual([]);
    await other.release(ANALYSIS_LOCK);
    // The redelivery analyzes all four (time order, as the local cycle), alerts, and clears them.
    expect((await handler(sqsEvent([{ roundId: '2026-11-26T20:00:00.000Z~abcd1234' }], 2))).batchItemFailures).toEqual([]);
    expect(await analysis.eventsByWeek('2026-W48')).toHaveLength(4);
    expect(await analysis.listPending()).toEqual([]);
    expect(chat.posted.flatMap((m) => (m.alerts ?? []).map((a) => `${a.kind}:${a.title}`))).toContain('collision:Night Ferry');
    // The lock was given back: the next analysis runs at once.
    expect((await handler(sqsEvent([{ roundId: '2026-11-26T21:00:00.000Z~abcd1234' }]))).batchItemFailures).toEqual([]);
  });

  it('refuses an analysis message that is neither a round nor a source\'s items, naming the key', async () => {
    const res = await handlerFor(null)(sqsEvent([{ roundId: '' }, { roundId: 'r', continued: -1 }, { roundId: 'r' }]));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm-0' }, { itemIdentifier: 'm-1' }]);
  });
});
