// Crawl worker happy path over real protocols: RSS over HTTP on 127.0.0.1 (SafeHttpFetcher), the embedded DynamoDB server; S3/SQS/SSM mocked.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { startStaticSite, type StaticSiteServer } from '../../../shared/local/static-site.server.js';
import { createCrawlSourceHandler } from '../../../functions/lambda/crawl-source.handler.js';
import { createAwsRuntime, type AwsRuntime } from '../../../functions/aws/runtime.js';
import type { Clock } from '../../../shared/ports/clock.js';
import { openTestStore, type TestStore } from '../../support/embedded-store.js';
import { quietTelemetry, rssFeed, sqsEvent, workspaceWith } from './support.js';

const ssm = mockClient(SSMClient);
const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);

let dir: string;
let site: StaticSiteServer;
let db: TestStore;
let now = new Date('2026-11-26T20:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const analyzed: Array<{ sourceId: string; itemIds: string[] }> = [];
let handler: ReturnType<typeof createCrawlSourceHandler>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-lambda-'));
  await writeFile(join(dir, 'wire.xml'), rssFeed('wire', 3));
  await writeFile(join(dir, 'ledger.xml'), rssFeed('ledger', 2));
  site = await startStaticSite(dir);
  db = await openTestStore();
  const workspace = workspaceWith(['wire', 'ledger'], site.baseUrl);
  ssm.on(GetParameterCommand, { Name: 'marquee-ws' }).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
  s3.on(PutObjectCommand).resolves({});
  sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
    for (const e of input.Entries!) analyzed.push(JSON.parse(e.MessageBody!));
    return { Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })) };
  });
  const base = createAwsRuntime({
    TABLE_NAME: db.tableName,
    BUCKET_NAME: 'marquee-snapshots',
    ANALYZE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/analyze',
    WORKSPACE_PARAMETER: 'marquee-ws',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    MARQUEE_FETCH_TIMEOUT_MS: '3000',
  });
  // The real SafeHttpFetcher (allowHosts 127.0.0.1 from the workspace); only the clock is pinned.
  const runtime: AwsRuntime = { ...base, clock };
  handler = createCrawlSourceHandler({ runtime: () => runtime, telemetry: quietTelemetry() });
});

afterAll(async () => {
  ssm.restore();
  s3.restore();
  sqs.restore();
  await site.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('crawl worker against a feed on 127.0.0.1 and the embedded store', () => {
  it('first run: fetches, snapshots, stores and hands off every item', async () => {
    const res = await handler(sqsEvent([{ sourceId: 'wire' }, { sourceId: 'ledger' }]));
    expect(res.batchItemFailures).toEqual([]);
    expect(site.stats.byStatus[200]).toBe(2);

    const wire = (await db.store.itemsBySource('wire')).items;
    expect(wire.map((i) => i.title).sort()).toEqual(['wire story 1: Studio dates sequel', 'wire story 2: Studio dates sequel', 'wire story 3: Studio dates sequel']);
    expect(wire[0]!.url).toMatch(/^https:\/\/news\.example\.com\/wire\/\d$/);
    const byMessage = Object.fromEntries(analyzed.map((m) => [m.sourceId, [...m.itemIds].sort()]));
    expect(byMessage.wire).toEqual(wire.map((i) => i.id).sort());
    expect(byMessage.ledger).toHaveLength(2);

    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => p.Bucket)).toEqual(['marquee-snapshots', 'marquee-snapshots']);
    expect(puts.map((p) => p.Key).sort()).toEqual([
      expect.stringMatching(/^raw\/ledger\/2026-11-26\/.+\.xml$/),
      expect.stringMatching(/^raw\/wire\/2026-11-26\/.+\.xml$/),
    ]);
    const state = await db.store.getSourceState('wire');
    expect(state).toMatchObject({ lastStatus: 'ok', consecutiveFailures: 0, itemsTotal: 3 });
    expect(state?.etag).toBeTruthy();
  });

  it('next due run: a conditional GET answered 304 costs no snapshot, no item and no analysis message', async () => {
    analyzed.length = 0;
    s3.resetHistory();
    now = new Date(now.getTime() + 16 * 60_000);
    const res = await handler(sqsEvent([{ sourceId: 'wire' }, { sourceId: 'ledger' }]));
    expect(res.batchItemFailures).toEqual([]);
    expect(site.stats.byStatus[304]).toBe(2);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(analyzed).toEqual([]);
    expect((await db.store.getSourceState('wire'))?.lastStatus).toBe('not_modified');
  });

  it('a new story in the feed: only that item is stored and handed off', async () => {
    analyzed.length = 0;
    await writeFile(join(dir, 'wire.xml'), rssFeed('wire', 4));
    now = new Date(now.getTime() + 16 * 60_000);
    const res = await handler(sqsEvent([{ sourceId: 'wire' }]));
    expect(res.batchItemFailures).toEqual([]);
    expect(analyzed).toHaveLength(1);
    expect(analyzed[0]!.itemIds).toHaveLength(1);
    expect((await db.store.getItem(analyzed[0]!.itemIds[0]!))?.title).toBe('wire story 4: Studio dates sequel');
  });
});
