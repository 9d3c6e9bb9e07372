// Sign-in on the query app without a network: ID tokens signed by a key made here, its JWKS injected into the same
// verifier the Lambda uses; browser sessions and bearer tokens beside API keys, and what is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/http/app.js';
import { SESSION_COOKIE } from '../../../functions/http/sign-in-routes.js';
import { createApiKey } from '../../../shared/auth/api-keys.js';
import { createTokenVerifier, parseSignInSettings } from '../../../shared/auth/sign-in.js';
import type { ApiKeyRecord, KeyStore } from '../../../shared/ports/key-store.js';
import type { SignInSettings } from '../../../shared/ports/identity.js';
import type { QueryService } from '../../../shared/query/query-service.js';
import { strangerKey, testSigner } from '../../support/oidc-keys.js';

const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool';
const SETTINGS: SignInSettings = {
  issuer: ISSUER,
  clientId: 'client-123',
  authorizeUrl: 'https://marquee-1234.auth.us-east-1.amazoncognito.com/oauth2/authorize',
  tokenUrl: 'https://marquee-1234.auth.us-east-1.amazoncognito.com/oauth2/token',
  // Loopback port 9 (nothing listens): a token with an unknown key id makes the verifier re-fetch the JWKS, and that must not leave the machine.
  jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json',
  logoutUrl: 'https://marquee-1234.auth.us-east-1.amazoncognito.com/logout',
  logoutStyle: 'cognito',
  scopes: ['openid', 'email', 'profile'],
};
const signer = testSigner();
const ORIGIN = 'https://abc.lambda-url.us-east-1.on.aws';

function memoryKeys(): Pick<KeyStore, 'getKey' | 'putKey'> {
  const keys = new Map<string, ApiKeyRecord>();
  return { getKey: async (id) => keys.get(id) ?? null, putKey: async (r) => void keys.set(r.id, r) } as Pick<KeyStore, 'getKey' | 'putKey'>;
}

let key: string;
let app: ReturnType<typeof createApp>;
let noSignIn: ReturnType<typeof createApp>;
beforeAll(async () => {
  const keys = memoryKeys();
  key = (await createApiKey(keys as KeyStore, 'script')).key;
  const query = { sources: async () => [{ id: 'wire' }] } as unknown as QueryService;
  const ask = async () => ({ answer: 'none', citations: [], events: [], analyst: 'test' }) as never;
  // No fetch anywhere: the JWKS is given to the verifier, as a test of the very middleware the Lambda runs.
  const verifier = createTokenVerifier(SETTINGS, { jwks: signer.jwks as never });
  app = createApp({ query, keys, ask, signIn: { settings: async () => SETTINGS, verifier: async () => verifier } });
  noSignIn = createApp({ query, keys, ask });
});

const idToken = (claims: Record<string, unknown> = {}) =>
  signer.token({ iss: ISSUER, aud: 'client-123', sub: 'user-42', email: 'ana@studio.example', token_use: 'id', ...claims });
const body = async (r: Response) => (await r.json()) as { error: string };
const get = (path: string, headers: Record<string, string> = {}) => app.request(`${ORIGIN}${path}`, { headers });

describe('sign-in on the query app', () => {
  it('accepts the session cookie a sign-in sets (an ID token signed by the provider) on /v1', async () => {
    const res = await get('/v1/sources', { cookie: `${SESSION_COOKIE}=${idToken()}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sources: [{ id: 'wire' }] });
    const session = await (await get('/auth/session', { cookie: `${SESSION_COOKIE}=${idToken()}` })).json();
    expect(session).toMatchObject({ signIn: '/auth/login', user: { email: 'ana@studio.example' } });
  });

  it('accepts the same ID token as a bearer token (scripts that sign in), and API keys still work', async () => {
    expect((await get('/v1/sources', { authorization: `Bearer ${idToken()}` })).status).toBe(200);
    expect((await get('/v1/sources', { authorization: `Bearer ${key}` })).status).toBe(200);
  });

  it.each([
    ['signed by another key', () => signer.token({ iss: ISSUER, aud: 'client-123', sub: 'u', token_use: 'id' }, { key: strangerKey() })],
    ['for another client', () => idToken({ aud: 'someone-else' })],
    ['from another issuer', () => idToken({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' })],
    ['expired', () => idToken({ exp: Math.floor(Date.now() / 1000) - 60, iat: Math.floor(Date.now() / 1000) - 3660 })],
    ['an access token, not an ID token', () => idToken({ token_use: 'access' })],
    ['with an unknown key id', () => signer.token({ iss: ISSUER, aud: 'client-123', sub: 'u' }, { kid: 'not-in-jwks' })],
    ['not a JWT at all', () => 'eyJhbGciOiJub25lIn0.e30.'],
  ])('refuses a token %s with 401 and says where to sign in', async (_why, make) => {
    const variants: Array<Record<string, string>> = [{ cookie: `${SESSION_COOKIE}=${make()}` }, { authorization: `Bearer ${make()}` }];
    for (const headers of variants) {
      const res = await get('/v1/sources', headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: expect.stringMatching(/sign in again/), signIn: '/auth/login' });
    }
  });

  it('without any credentials, 401 says both ways in; the page and its assets stay public', async () => {
    const res = await get('/v1/sources');
    expect(res.status).toBe(401);
    expect((await body(res)).error).toMatch(/^sign in at \/auth\/login, or send an API key/);
    expect((await get('/')).status).toBe(200);
    expect(await (await get('/auth/session')).json()).toEqual({ signIn: '/auth/login', user: null });
  });

  it('refuses a cross-site write riding on the session cookie, but not the same site\'s own page', async () => {
    const post = (origin: string) =>
      app.request(`${ORIGIN}/v1/ask`, { method: 'POST', headers: { cookie: `${SESSION_COOKIE}=${idToken()}`, origin, 'content-type': 'application/json' }, body: JSON.stringify({ question: 'What did Lionsgate announce?' }) });
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post(ORIGIN)).status).toBe(200);
  });

  it('counts a signed-in person against the rate limit as one caller, by subject', async () => {
    const limited = createApp({
      query: { sources: async () => [] } as unknown as QueryService,
      keys: memoryKeys(),
      ask: async () => ({}) as never,
      rateLimit: { perMinute: 2, burst: 2 },
      signIn: { settings: async () => SETTINGS, verifier: async () => createTokenVerifier(SETTINGS, { jwks: signer.jwks as never }) },
    });
    const r = () => limited.request(`${ORIGIN}/v1/sources`, { headers: { cookie: `${SESSION_COOKIE}=${idToken()}` } });
    expect([(await r()).status, (await r()).status]).toEqual([200, 200]);
    const third = await r();
    expect(third.status).toBe(429);
    expect((await body(third)).error).toMatch(/rate limit reached for user ana@studio\.example/);
  });

  it('/auth/login sends the browser to the provider with PKCE, state and nonce, and keeps them in a __Host- cookie', async () => {
    const res = await get('/auth/login?next=/%23brief%3Dx');
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(SETTINGS.authorizeUrl);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client-123',
      redirect_uri: `${ORIGIN}/auth/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-marquee-signin=[\w-]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('/auth/callback refuses a state this browser did not start, and /auth/logout ends the provider session too', async () => {
    const res = await get('/auth/callback?code=abc&state=forged');
    expect(res.status).toBe(400);
    expect((await body(res)).error).toMatch(/no sign-in was started in this browser|state does not match/);
    const out = await get('/auth/logout', { cookie: `${SESSION_COOKIE}=${idToken()}` });
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe(`${SETTINGS.logoutUrl}?client_id=client-123&logout_uri=${encodeURIComponent(`${ORIGIN}/`)}`);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-marquee-session=; Max-Age=0; Path=\/; Secure/);
  });

  it('the local runtime (no provider) keeps API keys only: no sign-in routes, the page learns there is no sign-in', async () => {
    expect(await (await noSignIn.request('http://127.0.0.1:4820/auth/session')).json()).toEqual({ signIn: null, user: null });
    expect((await noSignIn.request('http://127.0.0.1:4820/auth/login')).status).toBe(404);
    const res = await noSignIn.request('http://127.0.0.1:4820/v1/sources', { headers: { cookie: `${SESSION_COOKIE}=${idToken()}` } });
    expect(res.status).toBe(401);
    expect((await body(res)).error).toMatch(/^an API key is required/);
    expect((await noSignIn.request('http://127.0.0.1:4820/v1/sources', { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });
});

describe('sign-in settings', () => {
  it('needs an https issuer and a client id, defaults the scopes, and refuses scopes without openid', () => {
    expect(parseSignInSettings(JSON.stringify({ issuer: 'https://idp.example/', clientId: 'c' }), 'p')).toEqual({ issuer: 'https://idp.example', clientId: 'c', scopes: ['openid', 'email', 'profile'] });
    expect(() => parseSignInSettings(JSON.stringify({ issuer: 'http://idp.example', clientId: 'c' }), 'p')).toThrow(/p: issuer: expected an https URL/);
    expect(() => parseSignInSettings(JSON.stringify({ issuer: 'https://idp.example' }), 'p')).toThrow(/clientId/);
    expect(() => parseSignInSettings(JSON.stringify({ issuer: 'https://idp.example', clientId: 'c', scopes: ['email'] }), 'p')).toThrow(/openid/);
  });
});
