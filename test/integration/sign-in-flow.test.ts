// Browser sign-in end to end through the query Lambda (Function URL events): settings from the stack's SSM parameter,
// endpoints discovered from a local OpenID Connect provider on 127.0.0.1, authorization code + PKCE, the session cookie
// on /v1, logout; API keys keep working beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { createQueryApiHandler } from '../../functions/lambda/query-api.handler.js';
import { createAwsRuntime } from '../../functions/aws/runtime.js';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { DynamoKeyStore } from '../../shared/store/dynamo-query.store.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider.js';
import { workspaceWith } from '../unit/lambda/support.js';

const ssm = mockClient(SSMClient);
const HOST = 'abc.lambda-url.us-east-1.on.aws';
let db: TestStore;
let idp: OidcProvider;
let handler: ReturnType<typeof createQueryApiHandler>;
let key: string;
let keyId: string;
const ctx = {} as LambdaContext;

type Res = { statusCode: number; headers: Record<string, string>; cookies?: string[]; body: string };

function urlEvent(method: string, pathAndQuery: string, headers: Record<string, string> = {}, cookies: string[] = []): LambdaEvent {
  const [rawPath, rawQueryString = ''] = pathAndQuery.split('?');
  return {
    version: '2.0', routeKey: '$default', rawPath, rawQueryString, cookies,
    headers: { host: HOST, ...headers },
    requestContext: {
      accountId: '123456789012', apiId: 'abc', domainName: HOST, domainPrefix: 'abc',
      http: { method, path: rawPath!, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r1', routeKey: '$default', stage: '$default', time: '28/Nov/2026:15:00:00 +0000', timeEpoch: 1_795_878_000_000,
    },
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}
const call = async (method: string, path: string, headers: Record<string, string> = {}, cookies: string[] = []) => (await handler(urlEvent(method, path, headers, cookies), ctx)) as Res;
/** Cookies a response sets, as a browser would send them back (name=value), without the ones it clears. */
const cookiesFrom = (res: Res) => (res.cookies ?? []).map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));

beforeAll(async () => {
  db = await openTestStore();
  idp = await startOidcProvider('marquee-client');
  ssm.on(GetParameterCommand, { Name: 'marquee-ws' }).resolves({ Parameter: { Value: JSON.stringify(workspaceWith(['wire'])) } });
  // Only the issuer and the client: the endpoints come from the provider's discovery document, as for any OIDC provider.
  ssm.on(GetParameterCommand, { Name: '/Marquee/sign-in' }).resolves({ Parameter: { Value: JSON.stringify({ issuer: idp.issuer, clientId: 'marquee-client', logoutStyle: 'oidc' }) } });
  ({ key, record: { id: keyId } } = await createApiKey(new DynamoKeyStore(db.store.tableAccess), 'script'));
  const runtime = createAwsRuntime({ TABLE_NAME: db.tableName, WORKSPACE_PARAMETER: 'marquee-ws', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_DYNAMODB: db.endpoint });
  handler = createQueryApiHandler({ runtime: () => runtime, env: { AUTH_PARAMETER: '/Marquee/sign-in' }, service: 'query-api-test' });
});
afterAll(async () => {
  ssm.restore();
  await idp.close();
  await db.close();
});

describe('sign-in through the query function', () => {
  it('signs a person in (code + PKCE + nonce), then /v1 answers the browser by its session cookie', async () => {
    expect((await call('GET', '/v1/sources')).statusCode).toBe(401);

    const login = await call('GET', '/auth/login?next=/');
    expect(login.statusCode).toBe(302);
    const flowCookies = cookiesFrom(login);
    expect(flowCookies).toEqual([expect.stringMatching(/^__Host-marquee-signin=/)]);

    // At the provider: the person signs in and is sent back with a code.
    const callbackUrl = idp.authorize(login.headers.location!, { sub: 'u-7', email: 'ana@studio.example' });
    expect(callbackUrl.startsWith(`https://${HOST}/auth/callback?`)).toBe(true);
    const back = await call('GET', callbackUrl.slice(`https://${HOST}`.length), {}, flowCookies);
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/');
    expect(idp.tokenRequests).toHaveLength(1);
    expect(idp.tokenRequests[0]!.get('code_verifier')).toMatch(/^[\w-]{43}$/);
    const session = cookiesFrom(back).find((c) => c.startsWith('__Host-marquee-session='))!;
    expect((back.cookies ?? []).find((c) => c.startsWith('__Host-marquee-session='))).toMatch(/HttpOnly; Secure; SameSite=Lax/);

    const sources = await call('GET', '/v1/sources', {}, [session]);
    expect(sources.statusCode).toBe(200);
    expect(JSON.parse(sources.body).sources.map((s: { id: string }) => s.id)).toEqual(['wire']);
    expect(JSON.parse((await call('GET', '/auth/session', {}, [session])).body)).toMatchObject({ user: { email: 'ana@studio.example' } });

    // The same code twice (a replayed callback) gets nothing: the provider refuses it, the app says so.
    const replay = await call('GET', callbackUrl.slice(`https://${HOST}`.length), {}, flowCookies);
    expect(replay.statusCode).toBe(502);

    const out = await call('GET', '/auth/logout', {}, [session]);
    expect(out.statusCode).toBe(302);
    expect(out.headers.location).toBe(`${idp.issuer}/logout?client_id=marquee-client&post_logout_redirect_uri=${encodeURIComponent(`https://${HOST}/`)}`);
    expect((out.cookies ?? []).some((c) => /^__Host-marquee-session=; Max-Age=0/.test(c))).toBe(true);
  });

  it('API keys for scripts work beside sign-in', async () => {
    expect((await call('GET', '/v1/sources', { authorization: `Bearer ${key}` })).statusCode).toBe(200);
    // Its use is recorded in the background (as before sign-in existed): wait for it, so the store is not closed under it.
    await expect.poll(async () => (await new DynamoKeyStore(db.store.tableAccess).lastUsed([keyId])).size).toBe(1);
  });

  it('refuses a callback whose ID token lacks the nonce of the sign-in (a token injected from elsewhere)', async () => {
    const login = await call('GET', '/auth/login');
    const callbackUrl = idp.authorize(login.headers.location!.replace(/nonce=[^&]+/, 'nonce=other'), { sub: 'u-8', email: 'eve@studio.example' });
    const back = await call('GET', callbackUrl.slice(`https://${HOST}`.length), {}, cookiesFrom(login));
    expect(back.statusCode).toBe(401);
    expect(JSON.parse(back.body).error).toMatch(/nonce/);
    expect(cookiesFrom(back).some((c) => c.startsWith('__Host-marquee-session='))).toBe(false);
  });

  it('only talked to the provider on 127.0.0.1: discovery once, the JWKS once, the token endpoint per sign-in', () => {
    expect(idp.hits.filter((h) => h.includes('openid-configuration'))).toHaveLength(1);
    expect(idp.hits.filter((h) => h === 'GET /jwks')).toHaveLength(1);
  });
});
