// The query API's rate limit shared across Lambda containers: a DynamoDB counter per key per minute on the embedded
// DynamoDB-protocol server; two query functions (two containers) over one table hit the limit together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { createQueryApiHandler } from '../../functions/lambda/query-api.handler.js';
import { createAwsRuntime } from '../../functions/aws/runtime.js';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { RateLimiter } from '../../shared/auth/rate-limit.js';
import { DynamoKeyStore } from '../../shared/store/dynamo-query.store.js';
import { DynamoRateLimiter } from '../../shared/store/dynamo-rate-limit.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { workspaceWith } from '../unit/lambda/support.js';

const ssm = mockClient(SSMClient);
let db: TestStore;
const ctx = {} as LambdaContext;

function urlEvent(path: string, headers: Record<string, string>): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc.lambda-url.us-east-1.on.aws', ...headers },
    requestContext: {
      accountId: '123456789012', apiId: 'abc', domainName: 'abc.lambda-url.us-east-1.on.aws', domainPrefix: 'abc',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r1', routeKey: '$default', stage: '$default', time: '28/Nov/2026:15:00:00 +0000', timeEpoch: 1_795_878_000_000,
    },
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

/** One query function container: its own runtime, app and in-memory state, the shared table. */
function container(limit: number) {
  const runtime = createAwsRuntime({ TABLE_NAME: db.tableName, WORKSPACE_PARAMETER: 'marquee-ws', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint });
  return createQueryApiHandler({ runtime: () => runtime, env: { MARQUEE_API_RATE_LIMIT: String(limit), MARQUEE_API_CACHE_SECONDS: '0' }, service: 'query-api-test' });
}

beforeAll(async () => {
  db = await openTestStore();
  ssm.on(GetParameterCommand, { Name: 'marquee-ws' }).resolves({ Parameter: { Value: JSON.stringify(workspaceWith(['wire'])) } });
});
afterAll(async () => {
  ssm.restore();
  await db.close();
});

describe('rate limit shared across containers', () => {
  it('two containers count one key together: the 4th request of a 3-a-minute key is refused by whichever container gets it, with Retry-After', async () => {
    const key = (await createApiKey(new DynamoKeyStore(db.store.tableAccess), 'shared')).key;
    const [a, b] = [container(3), container(3)];
    const auth = { authorization: `Bearer ${key}` };
    // The counter's window is the clock's minute: four requests that straddle a minute boundary land in two windows
    // (the fourth is then rightly allowed). Start them at least 10 s before the next minute.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 10_000) await new Promise((r) => setTimeout(r, msLeft + 50));
    const statuses: number[] = [];
    let refused: { statusCode: number; headers: Record<string, string>; body: string } | undefined;
    for (const h of [a, b, a, b]) {
      const res = (await h(urlEvent('/v1/sources', auth), ctx)) as { statusCode: number; headers: Record<string, string>; body: string };
      statuses.push(res.statusCode);
      if (res.statusCode === 429) refused = res;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(refused!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(JSON.parse(refused!.body).error).toMatch(/rate limit reached for key "shared": retry in \d+ s/);
    // Another key has its own allowance.
    const other = await createApiKey(new DynamoKeyStore(db.store.tableAccess), 'other');
    expect(((await b(urlEvent('/v1/sources', { authorization: `Bearer ${other.key}` }), ctx)) as { statusCode: number }).statusCode).toBe(200);
    // Key use is recorded in the background: let it land before the store closes.
    await expect.poll(async () => (await new DynamoKeyStore(db.store.tableAccess).lastUsed([other.record.id])).size).toBe(1);
  });
});

describe('DynamoRateLimiter', () => {
  it('lets exactly `limit` of many concurrent requests through (atomic conditional ADD), then opens again in the next window', async () => {
    let now = Date.parse('2026-11-28T15:00:10Z');
    const limiter = new DynamoRateLimiter(db.store.tableAccess, { limit: 5, now: () => now });
    const decisions = await Promise.all(Array.from({ length: 12 }, () => limiter.take('k-concurrent')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfter === 50 && d.remaining === 0)).toBe(true);
    expect(decisions.filter((d) => d.allowed).map((d) => d.remaining).sort()).toEqual([0, 1, 2, 3, 4]);
    // The counter of a past window is never read again (expiry enforced on read, as dynalite has no TTL).
    now = Date.parse('2026-11-28T15:01:00Z');
    expect((await limiter.take('k-concurrent')).allowed).toBe(true);
  });

  it('stores the TTL attribute a day after the window, in the RATE# partition the query role may write', async () => {
    const now = Date.parse('2026-11-28T15:00:10Z');
    await new DynamoRateLimiter(db.store.tableAccess, { limit: 5, now: () => now }).take('k-ttl');
    const row = await db.store.tableAccess.get('RATE#k-ttl', 'w#2026-11-28T15:00:00.000Z');
    expect(row).toMatchObject({ requests: 1, entity: 'rate-window', expiresAt: Date.parse('2026-11-28T15:01:00Z') / 1000 + 86_400 });
  });

  it('falls back to the container\'s own limiter when the table cannot be reached, so requests are still limited', async () => {
    const broken = { name: 'nope', doc: { send: async () => { throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'Error' }); } } };
    const limiter = new DynamoRateLimiter(broken as never, { limit: 2, fallback: new RateLimiter(2, 1) });
    expect((await limiter.take('k')).allowed).toBe(true);
    expect((await limiter.take('k')).allowed).toBe(false);
  });
});
