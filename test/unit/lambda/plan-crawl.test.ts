// planCrawl use-case and its Lambda handler: due sources only, one message each, no Scan, a failed send fails the run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SQSClient, SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { planCrawl } from '../../../shared/ingest/plan-crawl.js';
import { MemoryQueue } from '../../../shared/queue/memory.queue.js';
import { fixedClock } from '../../../shared/ports/clock.js';
import { emptySourceState, type SourceState } from '../../../shared/model/source-state.js';
import { createPlanCrawlHandler } from '../../../functions/lambda/plan-crawl.handler.js';
import { createAwsRuntime } from '../../../functions/aws/runtime.js';
import { quietTelemetry, workspaceWith } from './support.js';

const NOW = '2026-11-26T20:00:00.000Z';
const state = (sourceId: string, nextDueAt: string | null): SourceState => ({ ...emptySourceState(sourceId), nextDueAt });

describe('planCrawl', () => {
  it('enqueues { sourceId } for enabled sources that are due or never crawled, nothing else', async () => {
    const ws = workspaceWith(['fresh', 'due', 'later', 'off']);
    ws.sources[3]!.enabled = false;
    const queue = new MemoryQueue();
    let listed = 0;
    const store = {
      listSourceStates: async () => {
        listed++;
        return [state('due', '2026-11-26T19:59:00.000Z'), state('later', '2026-11-26T20:10:00.000Z'), state('off', null)];
      },
    };
    const result = await planCrawl(ws, { store, clock: fixedClock(NOW), queue });
    expect(result).toEqual({ planned: ['fresh', 'due'], notDue: ['later'], disabled: ['off'], roundId: null, stuckRounds: [] });
    expect(queue.peek()).toEqual([{ sourceId: 'fresh' }, { sourceId: 'due' }]);
    expect(listed).toBe(1);
  });

  it('sends nothing when nothing is due', async () => {
    const queue = new MemoryQueue();
    const store = { listSourceStates: async () => [state('a', '2026-11-27T00:00:00.000Z')] };
    const result = await planCrawl(workspaceWith(['a']), { store, clock: fixedClock(NOW), queue });
    expect(result.planned).toEqual([]);
    expect(queue.batches).toEqual([]);
  });
});

describe('plan-crawl handler', () => {
  const ssm = mockClient(SSMClient);
  const sqs = mockClient(SQSClient);
  const ddb = mockClient(DynamoDBDocumentClient);
  const env = {
    TABLE_NAME: 'marquee-test',
    CRAWL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/crawl',
    ANALYZE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/analyze',
    WORKSPACE_PARAMETER: 'marquee-workspace',
    AWS_REGION: 'us-east-1',
  };

  beforeEach(() => {
    ssm.on(GetParameterCommand, { Name: 'marquee-workspace' }).resolves({ Parameter: { Value: JSON.stringify(workspaceWith(['a', 'b', 'c'])) } });
    ddb.on(QueryCommand, { IndexName: 'gsi1' }).resolves({ Items: [{ pk: 'SOURCE#c', sk: 'STATE', gsi1pk: 'SOURCES', gsi1sk: 'c', ...state('c', '2999-01-01T00:00:00.000Z') }] });
    ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'ROUNDS' } }).resolves({ Items: [] });
  });
  afterEach(() => {
    ssm.reset();
    sqs.reset();
    ddb.reset();
  });

  it('reads the workspace from SSM, lists states with one Query on gsi1 and sends one batch', async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
      Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
    }));
    const telemetry = quietTelemetry();
    const runtime = createAwsRuntime(env);
    const handler = createPlanCrawlHandler({ runtime: () => runtime, telemetry });
    const first = await handler({});
    expect(first).toEqual({ planned: 2, notDue: 1, disabled: 0, roundId: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*~[0-9a-f]{8}$/), stuckRounds: 0 });
    await handler({});
    // The workspace is read once per container, not per invocation.
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
    const query = ddb.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(query).toMatchObject({ TableName: 'marquee-test', IndexName: 'gsi1' });
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
    // The round is opened with the planned sources before their messages go out, each message naming it.
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({ pk: 'ROUNDS', sk: first.roundId, sources: ['a', 'b'] });
    const batch = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input;
    expect(batch.QueueUrl).toBe(env.CRAWL_QUEUE_URL);
    expect(batch.Entries!.map((e) => JSON.parse(e.MessageBody!))).toEqual([{ sourceId: 'a', roundId: first.roundId }, { sourceId: 'b', roundId: first.roundId }]);
    expect(telemetry.recorded.filter((m) => m.name === 'SourcesPlanned').map((m) => m.value)).toEqual([2, 2]);
  });

  it('fails the invocation when the crawl queue refuses the messages', async () => {
    sqs.on(SendMessageBatchCommand).rejects(Object.assign(new Error('Access denied'), { name: 'AccessDenied' }));
    const runtime = createAwsRuntime(env);
    const handler = createPlanCrawlHandler({ runtime: () => runtime, telemetry: quietTelemetry() });
    await expect(handler({})).rejects.toThrow(/could not be sent to crawl/);
  });

  it('says which variable is missing when a function was not given a resource', async () => {
    const runtime = createAwsRuntime({ ...env, CRAWL_QUEUE_URL: undefined });
    const handler = createPlanCrawlHandler({ runtime: () => runtime, telemetry: quietTelemetry() });
    await expect(handler({})).rejects.toThrow('CRAWL_QUEUE_URL is not set: this function was not given that resource (infra: fn.sendsTo(...))');
  });

  it('rejects a workspace parameter that fails the schema, naming the key', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify({ name: 'x', sources: [{ id: 'a', kind: 'rss' }] }) } });
    const runtime = createAwsRuntime(env);
    const handler = createPlanCrawlHandler({ runtime: () => runtime, telemetry: quietTelemetry() });
    await expect(handler({})).rejects.toThrow(/workspace parameter marquee-workspace: sources\[0\]\.url/);
  });
});
