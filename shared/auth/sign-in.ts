// Sign-in settings and the OpenID Connect pieces that are not HTTP routing: settings parsed and completed by discovery,
// PKCE, and the ID-token check on top of aws-jwt-verify (JWKS fetched once and cached; tests inject it).
import { createHash, randomBytes } from 'node:crypto';
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache, type Jwks } from 'aws-jwt-verify/jwk';
import { ConfigError } from '../config/errors.js';
import type { Identity, SignInSettings, TokenVerifier } from '../ports/identity.js';

/** A token that is not a valid ID token of this provider and client (bad signature, issuer, audience, expired...). */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

const isHttps = (u: unknown, allowLoopback: boolean): u is string => {
  if (typeof u !== 'string' || !URL.canParse(u)) return false;
  const url = new URL(u);
  return url.protocol === 'https:' || (allowLoopback && url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname));
};

/**
 * The settings the stack wrote (its SSM parameter, JSON): `issuer` and `clientId` are required; endpoints missing
 * here are discovered from the issuer (`/.well-known/openid-configuration`) by {@link completeSignInSettings}.
 * Plain http is accepted for loopback addresses only (tests, a local provider).
 */
export function parseSignInSettings(json: string, where: string): Partial<SignInSettings> & Pick<SignInSettings, 'issuer' | 'clientId' | 'scopes'> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new ConfigError(`${where}: not JSON`);
  }
  const bad = (key: string, what: string) => new ConfigError(`${where}: ${key}: ${what}`);
  if (!isHttps(raw.issuer, true)) throw bad('issuer', 'expected an https URL');
  if (typeof raw.clientId !== 'string' || !raw.clientId) throw bad('clientId', 'expected a non-empty string');
  for (const key of ['authorizeUrl', 'tokenUrl', 'jwksUrl', 'logoutUrl'] as const) {
    if (raw[key] !== undefined && !isHttps(raw[key], true)) throw bad(key, 'expected an https URL');
  }
  const scopes = raw.scopes === undefined ? ['openid', 'email', 'profile'] : raw.scopes;
  if (!Array.isArray(scopes) || !scopes.includes('openid') || !scopes.every((s) => typeof s === 'string' && /^[\x21-\x7e]+$/.test(s))) {
    throw bad('scopes', 'expected a list of scopes that includes "openid"');
  }
  if (raw.logoutStyle !== undefined && raw.logoutStyle !== 'cognito' && raw.logoutStyle !== 'oidc') throw bad('logoutStyle', 'expected "cognito" or "oidc"');
  return {
    issuer: raw.issuer.replace(/\/+$/, ''),
    clientId: raw.clientId,
    scopes: scopes as string[],
    ...(raw.authorizeUrl ? { authorizeUrl: raw.authorizeUrl as string } : {}),
    ...(raw.tokenUrl ? { tokenUrl: raw.tokenUrl as string } : {}),
    ...(raw.jwksUrl ? { jwksUrl: raw.jwksUrl as string } : {}),
    ...(raw.logoutUrl ? { logoutUrl: raw.logoutUrl as string } : {}),
    ...(raw.logoutStyle ? { logoutStyle: raw.logoutStyle as 'cognito' | 'oidc' } : {}),
  };
}

/** Fills in the endpoints the settings leave out from the provider's discovery document (one request). */
export async function completeSignInSettings(partial: ReturnType<typeof parseSignInSettings>, fetchFn: typeof fetch = fetch): Promise<SignInSettings> {
  if (partial.authorizeUrl && partial.tokenUrl && partial.jwksUrl) return partial as SignInSettings;
  const url = `${partial.issuer}/.well-known/openid-configuration`;
  const res = await fetchFn(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new ConfigError(`sign-in: ${url} answered ${res.status}`);
  const doc = (await res.json()) as Record<string, unknown>;
  const pick = (own: string | undefined, key: string) => {
    const v = own ?? doc[key];
    if (!isHttps(v, true)) throw new ConfigError(`sign-in: the provider's discovery document has no usable ${key}`);
    return v;
  };
  return {
    ...partial,
    authorizeUrl: pick(partial.authorizeUrl, 'authorization_endpoint'),
    tokenUrl: pick(partial.tokenUrl, 'token_endpoint'),
    jwksUrl: pick(partial.jwksUrl, 'jwks_uri'),
    ...(partial.logoutUrl ? {} : isHttps(doc.end_session_endpoint, true) ? { logoutUrl: doc.end_session_endpoint } : {}),
  } as SignInSettings;
}

/** A PKCE pair (RFC 7636, S256). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A random value for `state` and `nonce`. */
export const randomToken = () => randomBytes(24).toString('base64url');

/**
 * The ID-token verifier: RS256 signatures against the provider's JWKS (fetched on first use and when an unknown key
 * id shows up, else cached), `iss` = issuer, `aud` = the client id, `exp`/`nbf` with no grace; a Cognito token must be
 * an ID token (`token_use: id`). `jwks` pre-loads the keys (tests: no network). The JWKS is fetched with the
 * runtime's fetch (5 s), so a provider on a loopback address works in tests the same way as over https.
 */
export function createTokenVerifier(settings: Pick<SignInSettings, 'issuer' | 'clientId' | 'jwksUrl'>, options: { jwks?: Jwks; fetch?: typeof fetch } = {}): TokenVerifier {
  const fetchFn = options.fetch ?? fetch;
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      async fetch(uri: string) {
        const res = await fetchFn(uri, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`${uri} answered ${res.status}`);
        return res.arrayBuffer();
      },
    },
  });
  const verifier = JwtVerifier.create({
    issuer: settings.issuer,
    audience: settings.clientId,
    jwksUri: settings.jwksUrl,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== undefined && payload.token_use !== 'id') throw new InvalidTokenError(`expected an ID token, got token_use "${String(payload.token_use)}"`);
      if (typeof payload.sub !== 'string' || !payload.sub) throw new InvalidTokenError('the token has no subject');
    },
  }, { jwksCache });
  if (options.jwks) verifier.cacheJwks(options.jwks);
  return {
    async verify(token) {
      try {
        const p = (await verifier.verify(token)) as Record<string, unknown>;
        return {
          sub: String(p.sub),
          ...(typeof p.email === 'string' ? { email: p.email } : {}),
          ...(typeof p.name === 'string' ? { name: p.name } : typeof p['cognito:username'] === 'string' ? { name: p['cognito:username'] as string } : {}),
          expiresAt: Number(p.exp),
        };
      } catch (err) {
        if (err instanceof InvalidTokenError) throw err;
        throw new InvalidTokenError((err as Error).message, { cause: err });
      }
    },
  };
}
