// Test support: a signing key made here, its JWKS, and ID tokens signed with it (RS256), as an OIDC provider issues them.
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface TestSigner {
  kid: string;
  jwks: { keys: Array<Record<string, unknown>> };
  /** An RS256 JWT with `claims` (exp/iat default to a valid hour from now). */
  token(claims: Record<string, unknown>, options?: { kid?: string; alg?: string; key?: KeyObject }): string;
}

export function testSigner(kid = 'test-key-1'): TestSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return {
    kid,
    jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] },
    token(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: options.alg ?? 'RS256', typ: 'JWT', kid: options.kid ?? kid };
      const payload = { iat: now, exp: now + 3600, ...claims };
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const input = `${b64(header)}.${b64(payload)}`;
      const signature = sign('RSA-SHA256', Buffer.from(input), options.key ?? privateKey).toString('base64url');
      return `${input}.${signature}`;
    },
  };
}

/** Another key, to sign tokens the provider never issued. */
export const strangerKey = (): KeyObject => createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
