// Test support: a tiny OpenID Connect provider on 127.0.0.1 (discovery, JWKS, token endpoint with PKCE), signing ID tokens
// with a key made here. The test plays the person at the provider's login page by calling `authorize()`.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { testSigner, type TestSigner } from './oidc-keys.js';

export interface OidcProvider {
  issuer: string;
  signer: TestSigner;
  /** What the token endpoint was asked, in order. */
  tokenRequests: URLSearchParams[];
  /** Every path requested, in order. */
  hits: string[];
  /** The person signs in at the authorize URL the app redirected to: returns the app's callback URL with code and state. */
  authorize(authorizeUrl: string, user: { sub: string; email: string }): string;
  close(): Promise<void>;
}

export async function startOidcProvider(clientId: string): Promise<OidcProvider> {
  const signer = testSigner();
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; user: { sub: string; email: string } }>();
  const tokenRequests: URLSearchParams[] = [];
  const hits: string[] = [];
  let issuer = '';
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      return send(200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, end_session_endpoint: `${issuer}/logout` });
    }
    if (req.url === '/jwks') return send(200, signer.jwks);
    if (req.url === '/token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const p = new URLSearchParams(raw);
        tokenRequests.push(p);
        const grant = codes.get(p.get('code') ?? '');
        codes.delete(p.get('code') ?? '');
        const verifierOk = grant && createHash('sha256').update(p.get('code_verifier') ?? '').digest('base64url') === grant.challenge;
        if (!grant || !verifierOk || p.get('client_id') !== clientId || p.get('redirect_uri') !== grant.redirectUri || p.get('grant_type') !== 'authorization_code') {
          return send(400, { error: 'invalid_grant' });
        }
        const id_token = signer.token({ iss: issuer, aud: clientId, sub: grant.user.sub, email: grant.user.email, nonce: grant.nonce });
        send(200, { id_token, access_token: 'opaque', token_type: 'Bearer', expires_in: 3600 });
      });
      return;
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    signer,
    tokenRequests,
    hits,
    authorize(authorizeUrl, user) {
      const u = new URL(authorizeUrl);
      if (`${u.origin}${u.pathname}` !== `${issuer}/authorize`) throw new Error(`not this provider's authorize URL: ${authorizeUrl}`);
      const q = u.searchParams;
      if (q.get('client_id') !== clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') throw new Error('bad authorize request');
      const code = randomBytes(16).toString('hex');
      codes.set(code, { challenge: q.get('code_challenge')!, nonce: q.get('nonce')!, redirectUri: q.get('redirect_uri')!, user });
      return `${q.get('redirect_uri')}?${new URLSearchParams({ code, state: q.get('state')! })}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
