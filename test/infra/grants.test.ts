// Least privilege that still works: the AWS calls each handler makes equal the IAM actions its role is granted.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createCrawlSourceHandler } from '../../functions/lambda/crawl-source.handler.js';
import { createPlanCrawlHandler } from '../../functions/lambda/plan-crawl.handler.js';
import { createAwsRuntime, type AwsRuntime } from '../../functions/aws/runtime.js';
import { validateWorkspace } from '../../shared/config/validate-workspace.js';
import type { Fetcher } from '../../shared/ports/fetcher.js';
import { quietTelemetry, rssFeed, sqsEvent } from '../unit/lambda/support.js';
import { asArray, iamStatements, synth, type Synthesized } from './support.js';

/** IAM action each SDK command needs. */
const ACTION: Record<string, string> = {
  GetCommand: 'dynamodb:GetItem',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  PutCommand: 'dynamodb:PutItem',
  QueryCommand: 'dynamodb:Query',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  UpdateCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  ScanCommand: 'dynamodb:Scan',
  PutObjectCommand: 's3:PutObject',
  GetObjectCommand: 's3:GetObject',
  SendMessageBatchCommand: 'sqs:SendMessage',
  SendMessageCommand: 'sqs:SendMessage',
  GetParameterCommand: 'ssm:GetParameter',
};

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
const ssm = mockClient(SSMClient);

let s: Synthesized;
let chart: string;
const workspace = validateWorkspace(
  {
    name: 'grants',
    baseUrl: 'https://example.com/',
    sources: [
      { id: 'feed', kind: 'rss', url: 'feed.xml' },
      { id: 'chart', kind: 'boxoffice', layout: 'boxofficemojo', url: 'chart.html' },
    ],
  },
  'grants workspace',
);
const fetcher: Fetcher = {
  async fetch({ url }) {
    const isChart = url.endsWith('chart.html');
    return {
      url,
      status: 200,
      notModified: false,
      headers: { 'content-type': isChart ? 'text/html; charset=utf-8' : 'application/rss+xml' },
      body: new TextEncoder().encode(isChart ? chart : rssFeed('feed', 2)),
      redirects: 0,
    };
  },
};

beforeAll(async () => {
  s = await synth();
  chart = await readFile('config/demo/site/boxoffice/bom-weekend-2026W47.html', 'utf8');
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
  ddb.on(GetCommand).resolves({});
  ddb.on(BatchGetCommand).resolves({ Responses: {} });
  ddb.on(PutCommand).resolves({});
  // The crawl rounds' partition holds one stuck round, so the planner's trigger of it is exercised too.
  ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => ({ Items: input.ExpressionAttributeValues?.[':pk'] === 'ROUNDS' ? [{ sk: '2026-11-26T08:00:00.000Z~stuck' }] : [] }));
  ddb.on(UpdateCommand).resolves({ Attributes: {} });
  ddb.on(BatchWriteCommand).resolves({});
  s3.on(PutObjectCommand).resolves({});
  sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
    Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
  }));
});
afterAll(() => {
  for (const m of [ddb, s3, sqs, ssm]) m.restore();
});

function usedActions(): string[] {
  const calls = [ddb, s3, sqs, ssm].flatMap((m) => m.calls().map((c) => c.args[0] as { input: { Name?: string } }));
  const actions = calls.flatMap((cmd) => {
    const name = cmd.constructor.name;
    // A Secrets Manager reference parameter is read with the caller's GetSecretValue permission as well.
    const viaSecret = name === 'GetParameterCommand' && cmd.input.Name?.startsWith('/aws/reference/secretsmanager/');
    return [ACTION[name] ?? `unmapped:${name}`, ...(viaSecret ? ['secretsmanager:GetSecretValue'] : [])];
  });
  return [...new Set(actions)].sort();
}

function grantedActions(policyPrefix: string): string[] {
  const consume = new Set(['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']);
  return [
    ...new Set(
      iamStatements(s.appTemplate)
        .filter((st) => st.policy.startsWith(policyPrefix))
        .flatMap((st) => asArray(st.Action))
        .filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:') && !consume.has(a)),
    ),
  ].sort();
}

const env = {
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
  CRAWL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/crawl',
  ANALYZE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/analyze',
  WORKSPACE_PARAMETER: '/aws/reference/secretsmanager/ws',
  AWS_REGION: 'us-east-1',
};

describe('grants match the calls', () => {
  it('crawl worker: everything it calls on a feed and a box-office chart is granted, and nothing more', async () => {
    for (const m of [ddb, s3, sqs, ssm]) m.resetHistory();
    const runtime: AwsRuntime = { ...createAwsRuntime(env), fetcher: () => fetcher };
    const handler = createCrawlSourceHandler({ runtime: () => runtime, telemetry: quietTelemetry() });
    const res = await handler(sqsEvent([{ sourceId: 'feed', roundId: 'r1' }, { sourceId: 'chart' }]));
    expect(res.batchItemFailures).toEqual([]);
    expect(usedActions()).toEqual(grantedActions('CrawlWorker'));
  });

  it('crawl worker: a YouTube channel feed and Wikipedia page views are recorded with calls it is granted', async () => {
    for (const m of [ddb, s3, sqs, ssm]) m.resetHistory();
    const interest = validateWorkspace(
      {
        name: 'grants',
        network: { contact: 'ops@example.com' },
        sources: [
          { id: 'yt', kind: 'youtube', url: 'https://www.youtube.com/feeds/videos.xml?channel_id=UCq7nYbN0rthwndPctrs4Xkg' },
          { id: 'wiki', kind: 'pageviews', url: 'https://wikimedia.org/api/rest_v1/' },
        ],
        interest: { titles: [{ title: 'The Salt Road', article: 'The_Salt_Road_(film)' }] },
      },
      'grants interest workspace',
    );
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify(interest) } });
    const feed = await readFile('test/fixtures/interest/youtube-channel.xml');
    const views = await readFile('test/fixtures/interest/pageviews-daily.json');
    const recorded: Fetcher = {
      async fetch({ url }) {
        const yt = url.includes('youtube');
        return { url, status: 200, notModified: false, headers: { 'content-type': yt ? 'text/xml; charset=UTF-8' : 'application/json' }, body: new Uint8Array(yt ? feed : views), redirects: 0 };
      },
    };
    const runtime: AwsRuntime = { ...createAwsRuntime(env), fetcher: () => recorded };
    const handler = createCrawlSourceHandler({ runtime: () => runtime, telemetry: quietTelemetry() });
    const res = await handler(sqsEvent([{ sourceId: 'yt' }, { sourceId: 'wiki-the-salt-road' }]));
    expect(res.batchItemFailures).toEqual([]);
    expect(ddb.commandCalls(BatchWriteCommand).length).toBeGreaterThanOrEqual(2);
    expect(usedActions().every((a) => grantedActions('CrawlWorker').includes(a))).toBe(true);
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify(workspace) } });
  });

  it('planner: one Query on gsi1, one on the rounds, the round writes, the parameter and the queues, and nothing more', async () => {
    for (const m of [ddb, s3, sqs, ssm]) m.resetHistory();
    const runtime = createAwsRuntime(env);
    await createPlanCrawlHandler({ runtime: () => runtime, telemetry: quietTelemetry() })({});
    expect(usedActions()).toEqual(grantedActions('CrawlPlanner'));
    const queries = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queries.filter((q) => q.IndexName === 'gsi1')).toHaveLength(1);
    expect(queries.filter((q) => !q.IndexName).map((q) => q.ExpressionAttributeValues?.[':pk'])).toEqual(['ROUNDS']);
  });
});
