// Browser sign-in for the query app (OpenID Connect authorization code flow with PKCE): /auth/login, /auth/callback,
// /auth/logout and /auth/session, and the session check the /v1 routes use beside API keys.
// The session is the provider's ID token in an HttpOnly, Secure, SameSite=Lax __Host- cookie, checked on every request.
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { InvalidTokenError, pkcePair, randomToken } from '../../shared/auth/sign-in.js';
import type { Identity, SignInSettings, TokenVerifier } from '../../shared/ports/identity.js';
import { silentLogger, type Logger } from '../../shared/ports/logger.js';

export const SESSION_COOKIE = '__Host-marquee-session';
const FLOW_COOKIE = '__Host-marquee-signin';
/** How long a started sign-in may take at the provider (password, MFA) before its state is forgotten. */
const FLOW_SECONDS = 600;

export interface SignInDeps {
  /** The provider's endpoints (completed by discovery on first use when the settings left them out). */
  settings: () => Promise<SignInSettings>;
  verifier: () => Promise<TokenVerifier>;
  /** Calls the token endpoint (default: global fetch). */
  fetch?: typeof fetch;
  now?: () => number;
  log?: Logger;
}

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** Only a path on this site: never an absolute or protocol-relative URL (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : '/';
}

const origin = (c: Context) => new URL(c.req.url).origin;
const decodePayload = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** The signed-in person of this request (session cookie), or null when there is none or it is not valid any more. */
export async function sessionIdentity(c: Context, deps: SignInDeps): Promise<Identity | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  try {
    return await (await deps.verifier()).verify(token);
  } catch (err) {
    if (!(err instanceof InvalidTokenError)) throw err;
    return null;
  }
}

/** Adds the sign-in routes. They are public: they only move people to the provider and back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerSignInRoutes(app: Hono<any>, deps: SignInDeps): void {
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? Date.now;
  const fetchFn = deps.fetch ?? fetch;

  app.get('/auth/session', async (c) => {
    const user = await sessionIdentity(c, deps);
    return c.json({ signIn: '/auth/login', user: user ? { email: user.email ?? null, name: user.name ?? null, expiresAt: new Date(user.expiresAt * 1000).toISOString() } : null });
  });

  app.get('/auth/login', async (c) => {
    const s = await deps.settings();
    const { verifier, challenge } = pkcePair();
    const flow: Flow = { state: randomToken(), nonce: randomToken(), verifier, next: safeNext(c.req.query('next')) };
    setCookie(c, FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: FLOW_SECONDS });
    const url = new URL(s.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: s.clientId,
      redirect_uri: `${origin(c)}/auth/callback`,
      scope: s.scopes.join(' '),
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    c.header('cache-control', 'no-store');
    return c.redirect(url.href, 302);
  });

  app.get('/auth/callback', async (c) => {
    c.header('cache-control', 'no-store');
    const refuse = (why: string, status: 400 | 401 | 502 = 400) => {
      log.warn('sign-in refused', { reason: why });
      return c.json({ error: `sign-in failed: ${why}; start again at /auth/login`, requestId: c.get('requestId') }, status);
    };
    const rawFlow = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: '/', secure: true });
    if (c.req.query('error')) return refuse(`the provider said ${c.req.query('error')}${c.req.query('error_description') ? ` (${c.req.query('error_description')!.slice(0, 200)})` : ''}`);
    let flow: Flow;
    try {
      flow = JSON.parse(Buffer.from(rawFlow ?? '', 'base64url').toString('utf8')) as Flow;
    } catch {
      return refuse('no sign-in was started in this browser (or it took longer than 10 minutes)');
    }
    const code = c.req.query('code');
    if (!flow?.state || c.req.query('state') !== flow.state) return refuse('the state does not match the sign-in this browser started');
    if (!code) return refuse('no authorization code');
    const s = await deps.settings();
    const res = await fetchFn(s.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${origin(c)}/auth/callback`, client_id: s.clientId, code_verifier: flow.verifier }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { id_token?: string; error?: string };
    if (!res.ok || !body.id_token) return refuse(`the token endpoint answered ${res.status}${body.error ? ` ${body.error}` : ''}`, 502);
    let user: Identity;
    try {
      user = await (await deps.verifier()).verify(body.id_token);
      if (decodePayload(body.id_token).nonce !== flow.nonce) throw new InvalidTokenError('the ID token does not carry the nonce of this sign-in');
    } catch (err) {
      if (!(err instanceof InvalidTokenError)) throw err;
      return refuse(err.message, 401);
    }
    const maxAge = Math.max(0, user.expiresAt - Math.floor(now() / 1000));
    setCookie(c, SESSION_COOKIE, body.id_token, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge });
    log.info('signed in', { sub: user.sub, email: user.email });
    return c.redirect(flow.next, 302);
  });

  app.get('/auth/logout', async (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    c.header('cache-control', 'no-store');
    const s = await deps.settings();
    if (!s.logoutUrl) return c.redirect('/', 302);
    const url = new URL(s.logoutUrl);
    const back = `${origin(c)}/`;
    url.search = new URLSearchParams(s.logoutStyle === 'cognito' ? { client_id: s.clientId, logout_uri: back } : { client_id: s.clientId, post_logout_redirect_uri: back }).toString();
    return c.redirect(url.href, 302);
  });
}
