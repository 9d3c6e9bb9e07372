// API keys: `mq_<id>_<secret>`; the store keeps only sha256(secret), found by id and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyRecord, KeyStore } from '../ports/key-store.js';

const KEY_RE = /^mq_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Why a presented key was refused (said to the caller in one line, never which part was wrong beyond this). */
export type KeyCheck = { ok: true; key: ApiKeyRecord } | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'revoked' };

function hashSecret(secret: string): string {
  // Secrets are 256 random bits: a fast hash is enough (no dictionary to guard against, unlike passwords).
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Creates a key, stores its hash and returns the key itself: the only time it is ever visible. */
export async function createApiKey(store: KeyStore, name: string, now: Date = new Date()): Promise<{ key: string; record: ApiKeyRecord }> {
  const clean = name.trim();
  if (!clean || clean.length > 64 || !/^[\w .@-]+$/u.test(clean)) {
    throw new RangeError('key name: 1 to 64 letters, digits, spaces or . _ @ -');
  }
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const record: ApiKeyRecord = { id, name: clean, hash: hashSecret(secret), createdAt: now.toISOString(), revokedAt: null };
  await store.putKey(record);
  return { key: `mq_${id}_${secret}`, record };
}

/** The key from an `Authorization: Bearer …` header value, or null. */
export function bearerToken(header: string | undefined | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** Checks a presented key against the store: lookup by id, constant-time comparison of the secret's hash. */
export async function checkApiKey(store: Pick<KeyStore, 'getKey'>, presented: string | null): Promise<KeyCheck> {
  if (!presented) return { ok: false, reason: 'missing' };
  const m = KEY_RE.exec(presented);
  if (!m) return { ok: false, reason: 'malformed' };
  const record = await store.getKey(m[1]!);
  const given = Buffer.from(hashSecret(m[2]!), 'utf8');
  // Compare even when the id is unknown, so timing does not tell a known id from an unknown one.
  const expected = Buffer.from(record?.hash ?? hashSecret(''), 'utf8');
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  if (!record || !same) return { ok: false, reason: 'unknown' };
  if (record.revokedAt) return { ok: false, reason: 'revoked' };
  return { ok: true, key: record };
}

/** A KeyStore read-through cache: a key is looked up at most once per `ttlMs` (revocation takes effect within it). */
export function cachedKeys(store: Pick<KeyStore, 'getKey'>, ttlMs = 10_000, now: () => number = Date.now): Pick<KeyStore, 'getKey'> {
  const cache = new Map<string, { at: number; value: Promise<ApiKeyRecord | null> }>();
  return {
    getKey(id) {
      const hit = cache.get(id);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      if (cache.size > 10_000) cache.clear();
      const value = store.getKey(id);
      cache.set(id, { at: now(), value });
      value.catch(() => cache.delete(id));
      return value;
    },
  };
}
