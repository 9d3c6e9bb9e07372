// Crawl worker fault injection: AWS SDK faults (aws-sdk-client-mock) over the embedded DynamoDB server; only failing records fail, nothing is lost.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { S3Client, PutObjectCommand, S3ServiceException, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { createCrawlSourceHandler } from '../../../functions/lambda/crawl-source.handler.js';
import { createAwsRuntime, type AwsRuntime } from '../../../functions/aws/runtime.js';
import { failingForMs } from '../../../shared/ingest/crawl-handoff.js';
import { FetchError, type Fetcher } from '../../../shared/ports/fetcher.js';
import type { Workspace } from '../../../shared/model/workspace.js';
import { emptySourceState } from '../../../shared/model/source-state.js';
import { openTestStore, type TestStore } from '../../support/embedded-store.js';
import { quietTelemetry, rssFeed, sqsEvent, workspaceWith } from './support.js';

const ANALYZE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/analyze';
const ssm = mockClient(SSMClient);
const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
// The document client keeps talking to the embedded server; only the faults below are injected.
const realDocSend = DynamoDBDocumentClient.prototype.send;
function mockDocumentClient() {
  const m = mockClient(DynamoDBDocumentClient);
  m.send.callThrough();
  return m;
}
let ddb: ReturnType<typeof mockDocumentClient>;

let db: TestStore;
let workspace: Workspace;
let analyzed: Array<{ sourceId: string; itemIds: string[] }>;
let fetches: string[];

const throttle = () =>
  new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: { httpStatusCode: 400 } });

/** Serves a 3-item feed per source; "dead" answers HTTP 503. */
const fetcher: Fetcher = {
  async fetch({ url }) {
    fetches.push(url);
    const id = /\/([a-z-]+)\.xml$/.exec(url)![1]!;
    if (id === 'dead') throw new FetchError('http_status', 'HTTP 503 Service Unavailable from 127.0.0.1:9', { status: 503 });
    return { url, status: 200, notModified: false, headers: { 'content-type': 'application/rss+xml' }, body: new TextEncoder().encode(rssFeed(id, 3)), redirects: 0 };
  },
};

function handlerFor(telemetry = quietTelemetry()) {
  const base = createAwsRuntime({
    TABLE_NAME: db.tableName,
    BUCKET_NAME: 'snapshots',
    ANALYZE_QUEUE_URL: ANALYZE_URL,
    WORKSPACE_PARAMETER: 'ws',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
  });
  const runtime: AwsRuntime = { ...base, fetcher: () => fetcher };
  return { handler: createCrawlSourceHandler({ runtime: () => runtime, telemetry }), telemetry };
}

const handedOff = (sourceId: string) => analyzed.filter((m) => m.sourceId === sourceId).flatMap((m) => m.itemIds).sort();

beforeAll(async () => {
  workspace = workspaceWith(['a', 'b', 'c', 'dead']);
});

beforeEach(async () => {
  db = await openTestStore();
  analyzed = [];
  fetches = [];
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
  s3.on(PutObjectCommand).resolves({});
  sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
    for (const e of input.Entries!) analyzed.push(JSON.parse(e.MessageBody!));
    return { Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })) };
  });
  ddb = mockDocumentClient();
});

afterEach(async () => {
  ddb.restore();
  ssm.reset();
  s3.reset();
  sqs.reset();
  await db.close();
});

afterAll(() => {
  expect(DynamoDBDocumentClient.prototype.send).toBe(realDocSend);
});

describe('crawl worker: happy batch', () => {
  it('crawls every record, stores items, hands their ids to the analyze queue and reports no failures', async () => {
    const { handler, telemetry } = handlerFor();
    const res = await handler(sqsEvent([{ sourceId: 'a' }, { sourceId: 'c' }]));
    expect(res.batchItemFailures).toEqual([]);
    expect(handedOff('a')).toHaveLength(3);
    expect(handedOff('c')).toHaveLength(3);
    for (const id of handedOff('a')) expect((await db.store.getItem(id))?.sourceId).toBe('a');
    expect((await db.store.getSourceState('a'))?.lastStatus).toBe('ok');
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^raw\/a\//), expect.stringMatching(/^raw\/c\//)]),
    );
    expect(telemetry.recorded.filter((m) => m.name === 'NewItems').reduce((n, m) => n + m.value, 0)).toBe(6);
  });

  it('does nothing for a duplicate delivery of a source that was just crawled', async () => {
    const { handler } = handlerFor();
    await handler(sqsEvent([{ sourceId: 'a' }]));
    analyzed = [];
    const res = await handler(sqsEvent([{ sourceId: 'a' }]));
    expect(res.batchItemFailures).toEqual([]);
    expect(fetches).toHaveLength(1);
    expect(analyzed).toEqual([]);
  });
});

describe('crawl worker: fault injection', () => {
  it('DynamoDB throttling on one record fails only that record; the others are crawled and handed off', async () => {
    ddb.on(GetCommand, { Key: { pk: 'SOURCE#b', sk: 'STATE' } }).rejects(throttle());
    const { handler } = handlerFor();
    const res = await handler(sqsEvent([{ sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' }]));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect(handedOff('a')).toHaveLength(3);
    expect(handedOff('c')).toHaveLength(3);
    expect(handedOff('b')).toEqual([]);
    ddb.restore();
    expect(await db.store.getSourceState('b')).toBeNull();
    expect((await db.store.getSourceState('c'))?.lastStatus).toBe('ok');
  });

  it('a throttled item write fails the record without backing the source off; the retry hands off every item', async () => {
    // The batch of b's rows comes back with one item unprocessed (DynamoDB throttling part of a batch), and the retry
    // of that item is throttled outright: the other rows are stored, the record fails.
    let unprocessed: Record<string, unknown> | null = null;
    ddb.on(BatchWriteCommand).callsFake(async (input: BatchWriteCommandInput, getClient: () => unknown) => {
      const send = (i: BatchWriteCommandInput) =>
        (realDocSend as (this: DynamoDBDocumentClient, c: BatchWriteCommand) => Promise<BatchWriteCommandOutput>).call(getClient() as DynamoDBDocumentClient, new BatchWriteCommand(i));
      const [table, requests] = Object.entries(input.RequestItems!)[0]!;
      if (unprocessed && requests.includes(unprocessed as never)) throw throttle();
      const itemsOfB = requests.filter((r) => r.PutRequest?.Item?.entity === 'item' && r.PutRequest.Item.sourceId === 'b');
      if (unprocessed || itemsOfB.length < 2) return send(input);
      unprocessed = itemsOfB[1]!;
      const out = await send({ RequestItems: { [table]: requests.filter((r) => r !== unprocessed) } });
      return { ...out, UnprocessedItems: { [table]: [unprocessed] } };
    });
    const { handler } = handlerFor();
    const first = await handler(sqsEvent([{ sourceId: 'a' }, { sourceId: 'b' }]));
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect(handedOff('b')).toEqual([]);
    ddb.restore();
    // Not recorded as the source's failure: no backoff, so SQS's retry crawls it at once.
    expect(await db.store.getSourceState('b')).toBeNull();
    const storedBefore = (await db.store.itemsBySource('b')).items.map((i) => i.id);
    expect(storedBefore.length).toBeGreaterThan(0);

    ddb = mockDocumentClient();
    const retry = await handler(sqsEvent([{ sourceId: 'b' }], 2));
    expect(retry.batchItemFailures).toEqual([]);
    const all = (await db.store.itemsBySource('b')).items.map((i) => i.id).sort();
    expect(all).toHaveLength(3);
    // The item stored by the failed attempt is handed off too: nothing is stranded before analysis.
    expect(handedOff('b')).toEqual(all);
    expect(handedOff('b')).toEqual(expect.arrayContaining(storedBefore));
  });

  it('an S3 500 on one snapshot fails that record and stores nothing for it; the retry stores and hands off all items', async () => {
    let fail = true;
    s3.on(PutObjectCommand).callsFake((input: PutObjectCommandInput) => {
      if (fail && input.Key!.startsWith('raw/b/')) {
        throw new S3ServiceException({ name: 'InternalError', $fault: 'server', message: 'We encountered an internal error. Please try again.', $metadata: { httpStatusCode: 500 } });
      }
      return {};
    });
    const { handler } = handlerFor();
    const res = await handler(sqsEvent([{ sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' }]));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect(await db.store.getSourceState('b')).toBeNull();
    expect((await db.store.itemsBySource('b')).items).toEqual([]);

    fail = false;
    const retry = await handler(sqsEvent([{ sourceId: 'b' }], 2));
    expect(retry.batchItemFailures).toEqual([]);
    expect(handedOff('b')).toHaveLength(3);
    expect((await db.store.getSourceState('b'))?.consecutiveFailures).toBe(0);
  });

  it('an analyze-queue send failure fails the record; the items stay stored and the retry sends them', async () => {
    let fail = true;
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      if (fail && input.Entries!.some((e) => JSON.parse(e.MessageBody!).sourceId === 'b')) {
        throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
      }
      for (const e of input.Entries!) analyzed.push(JSON.parse(e.MessageBody!));
      return { Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })) };
    });
    const { handler } = handlerFor();
    const res = await handler(sqsEvent([{ sourceId: 'a' }, { sourceId: 'b' }]));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect(handedOff('a')).toHaveLength(3);
    const stored = (await db.store.itemsBySource('b')).items.map((i) => i.id).sort();
    expect(stored).toHaveLength(3);
    expect(await db.store.getSourceState('b')).toBeNull();

    fail = false;
    const retry = await handler(sqsEvent([{ sourceId: 'b' }], 2));
    expect(retry.batchItemFailures).toEqual([]);
    expect(handedOff('b')).toEqual(stored);
  });

  it('throws when every record of the batch fails, so Lambda reports an error and SQS retries the batch', async () => {
    ddb.on(GetCommand).rejects(throttle());
    const { handler } = handlerFor();
    await expect(handler(sqsEvent([{ sourceId: 'a' }, { sourceId: 'b' }]))).rejects.toThrow(/All records failed/);
  });
});

describe('crawl worker: messages and sources', () => {
  it('fails a malformed message (for the DLQ) and drops one for a source no longer in the workspace', async () => {
    const { handler } = handlerFor();
    const res = await handler(sqsEvent(['{not json', { source: 'a' }, { sourceId: 'gone' }, { sourceId: 'a' }]));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm-0' }, { itemIdentifier: 'm-1' }]);
    expect(handedOff('a')).toHaveLength(3);
  });

  it("records a source's own failure in its state without failing the record, and counts it per source", async () => {
    const { handler, telemetry } = handlerFor();
    const res = await handler(sqsEvent([{ sourceId: 'dead' }, { sourceId: 'a' }]));
    expect(res.batchItemFailures).toEqual([]);
    const state = await db.store.getSourceState('dead');
    expect(state).toMatchObject({ lastStatus: 'error', consecutiveFailures: 1, lastErrorCode: 'http_status' });
    expect(telemetry.recorded).toContainEqual({ name: 'SourceFailed', value: 1, dimensions: { service: 'test', source: 'dead' } });
    expect(telemetry.recorded.some((m) => m.name === 'SourceFailingForADay')).toBe(false);
  });

  it('emits SourceFailingForADay when a source with no success for over a day fails again', async () => {
    await db.store.putSourceState({
      ...emptySourceState('dead'),
      lastSuccessAt: new Date(Date.now() - 30 * 3600_000).toISOString(),
      consecutiveFailures: 6,
      nextDueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const { handler, telemetry } = handlerFor();
    await handler(sqsEvent([{ sourceId: 'dead' }]));
    expect(telemetry.recorded).toContainEqual({ name: 'SourceFailingForADay', value: 1, dimensions: { service: 'test' } });
  });
});

describe('failingForMs', () => {
  const source = { schedule: { every: '15m' } };
  const now = new Date('2026-11-26T20:00:00Z');
  it('counts from the last success, or from the backoff waits of a source that never succeeded', () => {
    const base = emptySourceState('x');
    expect(failingForMs({ ...base, consecutiveFailures: 0 }, source, now)).toBe(0);
    expect(failingForMs({ ...base, consecutiveFailures: 2, lastSuccessAt: '2026-11-25T20:00:00Z' }, source, now)).toBe(24 * 3600_000);
    // 15m + 30m + 1h + 2h + 4h + 8h + 16h between eight failures: 31h45m, past a day.
    expect(failingForMs({ ...base, consecutiveFailures: 8 }, source, now)).toBe((31 * 60 + 45) * 60_000);
    expect(failingForMs({ ...base, consecutiveFailures: 7 }, source, now)).toBeLessThan(24 * 3600_000);
  });
});
