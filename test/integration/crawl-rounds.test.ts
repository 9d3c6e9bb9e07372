// Crawl rounds, the AWS fan-in: the planner opens a round, each crawl worker reports its source done, the one that
// completes the round sends its analysis message (once); a round left incomplete is started by the next plan.
// The embedded DynamoDB server throughout; the crawl worker reads a feed on 127.0.0.1; SQS and S3 are mocked.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { DynamoCrawlRoundStore } from '../../shared/store/dynamo-crawl-rounds.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { roundId } from '../../shared/ports/crawl-rounds.js';
import { planCrawl, ROUND_STUCK_AFTER_MS } from '../../shared/ingest/plan-crawl.js';
import { MemoryQueue } from '../../shared/queue/memory.queue.js';
import { fixedClock } from '../../shared/ports/clock.js';
import { startStaticSite, type StaticSiteServer } from '../../shared/local/static-site.server.js';
import { createCrawlSourceHandler } from '../../functions/lambda/crawl-source.handler.js';
import { createAwsRuntime, type AwsRuntime } from '../../functions/aws/runtime.js';
import { quietTelemetry, rssFeed, sqsEvent, workspaceWith } from '../unit/lambda/support.js';

const NOW = new Date('2026-11-26T20:00:00.000Z');
let db: TestStore;

beforeEach(async () => {
  db = await openTestStore();
});
afterEach(async () => {
  await db.close();
});

describe('crawl rounds on the embedded store', () => {
  it('the source that completes a round triggers it once; duplicates wait, a retry of the trigger gets it again, a late one finds it triggered', async () => {
    const rounds = new DynamoCrawlRoundStore(db.store.tableAccess, () => NOW);
    const id = roundId(NOW, 'aaaa1111');
    await rounds.open({ id, sources: ['a', 'b', 'c'], openedAt: NOW.toISOString() });
    expect(await rounds.finish(id, 'b', 'm-b')).toBe('waiting');
    expect(await rounds.finish(id, 'b', 'm-b-again')).toBe('waiting'); // SQS delivered b twice
    expect(await rounds.finish(id, 'a', 'm-a')).toBe('waiting');
    expect(await rounds.finish(id, 'c', 'm-c')).toBe('complete');
    // The worker's send failed and SQS redelivers its message: the same owner gets the trigger again and sends.
    expect(await rounds.finish(id, 'c', 'm-c')).toBe('complete');
    expect(await rounds.finish(id, 'a', 'm-a-late')).toBe('triggered');
    expect(await rounds.finish(roundId(NOW, 'nosuchrd'), 'a', 'm')).toBe('unknown');
  });

  it('the last two sources finishing at once: exactly one of them triggers the round', async () => {
    const rounds = new DynamoCrawlRoundStore(db.store.tableAccess, () => NOW);
    for (let n = 0; n < 5; n++) {
      const id = roundId(NOW, `race${n}000`);
      await rounds.open({ id, sources: ['a', 'b', 'c'], openedAt: NOW.toISOString() });
      expect(await rounds.finish(id, 'a', `m-a${n}`)).toBe('waiting');
      const outcomes = await Promise.all([rounds.finish(id, 'b', `m-b${n}`), rounds.finish(id, 'c', `m-c${n}`)]);
      expect(outcomes.filter((o) => o === 'complete'), outcomes.join()).toHaveLength(1);
    }
  });

  it('the planner opens a round with its messages, and starts the analysis of a round stuck for 30 minutes, once', async () => {
    const rounds = new DynamoCrawlRoundStore(db.store.tableAccess, () => NOW);
    const crawlQueue = new MemoryQueue('crawl');
    const analyzeQueue = new MemoryQueue('analyze');
    const ws = workspaceWith(['a', 'b']);
    const store = { listSourceStates: async () => [] };
    // A round whose source b never reported (its message dead-lettered), one still crawling, one triggered.
    const stuck = roundId(new Date(NOW.getTime() - ROUND_STUCK_AFTER_MS - 60_000), 'stuck000');
    const recent = roundId(new Date(NOW.getTime() - 5 * 60_000), 'recent00');
    const done = roundId(new Date(NOW.getTime() - 2 * ROUND_STUCK_AFTER_MS), 'done0000');
    for (const id of [stuck, recent, done]) await rounds.open({ id, sources: ['a', 'b'], openedAt: id.split('~')[0]! });
    expect(await rounds.finish(stuck, 'a', 'm1')).toBe('waiting');
    expect(await rounds.finish(done, 'a', 'm2')).toBe('waiting');
    expect(await rounds.finish(done, 'b', 'm3')).toBe('complete');

    const first = await planCrawl(ws, { store, clock: fixedClock(NOW.toISOString()), queue: crawlQueue, rounds: { store: rounds, analyzeQueue } });
    expect(first.stuckRounds).toEqual([stuck]);
    expect(analyzeQueue.peek()).toEqual([{ roundId: stuck }]);
    expect(first.roundId).toMatch(/^2026-11-26T20:00:00\.000Z~[0-9a-f]{8}$/);
    expect(crawlQueue.peek()).toEqual([{ sourceId: 'a', roundId: first.roundId }, { sourceId: 'b', roundId: first.roundId }]);
    // The stuck round's late source finds it started: no second analysis message.
    expect(await rounds.finish(stuck, 'b', 'm4')).toBe('triggered');

    const later = new Date(NOW.getTime() + ROUND_STUCK_AFTER_MS + 60_000);
    const second = await planCrawl(ws, { store, clock: fixedClock(later.toISOString()), queue: crawlQueue, rounds: { store: rounds, analyzeQueue } });
    // The first plan's round (nobody crawled it here) and the one that was still crawling are stuck now; the old one is not again.
    expect(second.stuckRounds.sort()).toEqual([recent, first.roundId!].sort());
    expect(analyzeQueue.peek().map((m) => (m as { roundId: string }).roundId).filter((r) => r === stuck)).toHaveLength(1);
  });
});

describe('crawl worker in a round', () => {
  const ssm = mockClient(SSMClient);
  const s3 = mockClient(S3Client);
  const sqs = mockClient(SQSClient);
  let dir: string;
  let site: StaticSiteServer;
  const sent: object[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marquee-rounds-'));
    await writeFile(join(dir, 'wire.xml'), rssFeed('wire', 3));
    await writeFile(join(dir, 'ledger.xml'), rssFeed('ledger', 2));
    site = await startStaticSite(dir);
    s3.on(PutObjectCommand).resolves({});
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      for (const e of input.Entries!) sent.push(JSON.parse(e.MessageBody!));
      return { Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })) };
    });
  });
  afterAll(async () => {
    ssm.restore();
    s3.restore();
    sqs.restore();
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('marks its items pending instead of sending them; the worker of the last source (even one switched off) sends { roundId }', async () => {
    const workspace = workspaceWith(['wire', 'ledger'], site.baseUrl);
    workspace.sources.push({ ...workspace.sources[0]!, id: 'retired', url: 'retired.xml', enabled: false });
    ssm.on(GetParameterCommand, { Name: 'marquee-ws' }).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
    const base = createAwsRuntime({
      TABLE_NAME: db.tableName,
      BUCKET_NAME: 'marquee-snapshots',
      ANALYZE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/analyze',
      WORKSPACE_PARAMETER: 'marquee-ws',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    });
    const runtime: AwsRuntime = { ...base, clock: fixedClock(NOW.toISOString()) };
    const handler = createCrawlSourceHandler({ runtime: () => runtime, telemetry: quietTelemetry() });
    const id = roundId(NOW, 'crawl000');
    await runtime.rounds().open({ id, sources: ['wire', 'retired', 'ledger'], openedAt: NOW.toISOString() });

    expect((await handler(sqsEvent([{ sourceId: 'wire', roundId: id }, { sourceId: 'retired', roundId: id }]))).batchItemFailures).toEqual([]);
    expect(sent).toEqual([]);
    const analysis = new DynamoAnalysisStore(db.store.tableAccess);
    const wire = (await db.store.itemsBySource('wire')).items.map((i) => i.id);
    expect(wire).toHaveLength(3);
    expect((await analysis.listPending()).sort()).toEqual([...wire].sort());

    expect((await handler(sqsEvent([{ sourceId: 'ledger', roundId: id }]))).batchItemFailures).toEqual([]);
    expect(sent).toEqual([{ roundId: id }]);
    expect(await analysis.listPending()).toHaveLength(5);
    // SQS delivers the last message again: its worker still holds the trigger and sends again (the analysis is idempotent).
    expect((await handler(sqsEvent([{ sourceId: 'ledger', roundId: id }], 2))).batchItemFailures).toEqual([]);
    expect(sent).toEqual([{ roundId: id }, { roundId: id }]);
  });
});
