// The query Lambda over the embedded DynamoDB server: the same Hono app through hono/aws-lambda (Function URL events), keys checked, secrets read once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { LambdaContext } from 'hono/aws-lambda';
import { createQueryApiHandler, querySettings } from '../../../functions/lambda/query-api.handler.js';
import { createAwsRuntime } from '../../../functions/aws/runtime.js';
import { createApiKey } from '../../../shared/auth/api-keys.js';
import { DynamoKeyStore } from '../../../shared/store/dynamo-query.store.js';
import { ConfigError } from '../../../shared/config/errors.js';
import { openTestStore, type TestStore } from '../../support/embedded-store.js';
import { functionUrlEvent, workspaceWith } from './support.js';

const ssm = mockClient(SSMClient);
let db: TestStore;
let key: string;
let handler: ReturnType<typeof createQueryApiHandler>;
const ctx = {} as LambdaContext;

beforeAll(async () => {
  db = await openTestStore();
  ssm.on(GetParameterCommand, { Name: 'marquee-ws' }).resolves({ Parameter: { Value: JSON.stringify(workspaceWith(['wire', 'ledger'])) } });
  key = (await createApiKey(new DynamoKeyStore(db.store.tableAccess), 'lambda')).key;
  const runtime = createAwsRuntime({ TABLE_NAME: db.tableName, WORKSPACE_PARAMETER: 'marquee-ws', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint });
  handler = createQueryApiHandler({ runtime: () => runtime, env: {}, service: 'query-api-test' });
});

afterAll(async () => {
  ssm.restore();
  await db.close();
});

describe('query API on Lambda', () => {
  it('checks the API key and answers /v1 routes from the store', async () => {
    const none = (await handler(functionUrlEvent('GET', '/v1/sources'), ctx)) as { statusCode: number; body: string };
    expect(none.statusCode).toBe(401);
    const ok = (await handler(functionUrlEvent('GET', '/v1/sources', { authorization: `Bearer ${key}` }), ctx)) as { statusCode: number; body: string };
    expect(ok.statusCode).toBe(200);
    const body = JSON.parse(ok.body);
    expect(body.sources.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(['wire:never_run', 'ledger:never_run']);
  });

  it('answers a question and validates the body the same way as on Node', async () => {
    const asked = (await handler(
      functionUrlEvent('POST', '/v1/ask', { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, JSON.stringify({ question: 'What did Lionsgate announce since October?' })),
      ctx,
    )) as { statusCode: number; body: string };
    expect(asked.statusCode).toBe(200);
    // An empty store under a workspace that does not name Lionsgate: the reader says it has nothing about the name.
    expect(JSON.parse(asked.body).answer).toMatch(/^Nothing found about Lionsgate in the store\./);
    const bad = (await handler(functionUrlEvent('GET', '/v1/events?limit=0', { authorization: `Bearer ${key}` }), ctx)) as { statusCode: number; body: string };
    expect(bad.statusCode).toBe(400);
  });

  it('serves the page shell without a key', async () => {
    const page = (await handler(functionUrlEvent('GET', '/'), ctx)) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="ask-form"');
  });

  it('reads settings from the environment with clear errors', async () => {
    const rt = createAwsRuntime({ AWS_REGION: 'us-east-1' });
    expect(await querySettings({ MARQUEE_API_CACHE_SECONDS: '0' }, rt)).toMatchObject({ analyst: 'auto', apiCacheSeconds: 0, apiRateLimitPerMinute: 120, openaiApiKey: undefined });
    await expect(querySettings({ MARQUEE_API_RATE_LIMIT: 'lots' }, rt)).rejects.toThrow(ConfigError);
    await expect(querySettings({ MARQUEE_ANALYST: 'gpt' }, rt)).rejects.toThrow(/auto, embedded or llm/);
    ssm.on(GetParameterCommand, { Name: '/aws/reference/secretsmanager/openai' }).resolves({ Parameter: { Value: '{"apiKey":"sk-test"}' } });
    expect((await querySettings({ OPENAI_SECRET_NAME: 'openai' }, rt)).openaiApiKey).toBe('sk-test');
  });
});
