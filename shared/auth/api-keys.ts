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

/** What `marquee keys list` shows of a key: never its secret or hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Every key, oldest first, with when it was last used where known. */
export async function listApiKeys(store: Pick<KeyStore, 'listKeys' | 'lastUsed'>): Promise<ApiKeySummary[]> {
  const keys = (await store.listKeys()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const used = keys.length ? await store.lastUsed(keys.map((k) => k.id)) : new Map<string, string>();
  return keys.map((k) => ({ id: k.id, name: k.name, createdAt: k.createdAt, revokedAt: k.revokedAt, lastUsedAt: used.get(k.id) ?? null }));
}

/** A key to revoke could not be told apart, or does not exist: said in one line. */
export class KeyLookupError extends Error {
  override name = 'KeyLookupError';
}

/**
 * Revokes the key with this id, or the one key with this name; a name shared by several live keys
 * is refused with their ids. Revoking a revoked key again changes nothing.
 */
export async function revokeApiKey(store: Pick<KeyStore, 'listKeys' | 'revokeKey'>, nameOrId: string, now: Date = new Date()): Promise<ApiKeyRecord> {
  const wanted = nameOrId.trim();
  const keys = await store.listKeys();
  let matches = keys.filter((k) => k.id === wanted.toLowerCase() || `mq_${k.id}` === wanted.toLowerCase());
  if (!matches.length) matches = keys.filter((k) => k.name === wanted);
  if (!matches.length) matches = keys.filter((k) => k.name.toLowerCase() === wanted.toLowerCase());
  const live = matches.filter((k) => !k.revokedAt);
  if (!matches.length) throw new KeyLookupError(`no API key named or with id "${wanted}" (see marquee keys list)`);
  if (live.length > 1) throw new KeyLookupError(`${live.length} keys are named "${wanted}": give one id (${live.map((k) => k.id).join(', ')})`);
  const target = live[0] ?? matches[0]!;
  return (await store.revokeKey(target.id, now.toISOString())) ?? target;
}

/**
 * A KeyStore read-through cache: a key is looked up at most once per `ttlMs`. With `generation`
 * (a value that changes whenever a key is created or revoked, e.g. a stamp file the CLI touches),
 * every cached answer is dropped as soon as it changes: a revocation takes effect on the next request.
 */
export function cachedKeys(
  store: Pick<KeyStore, 'getKey'>,
  ttlMs = 10_000,
  now: () => number = Date.now,
  generation?: () => string,
): Pick<KeyStore, 'getKey'> {
  const cache = new Map<string, { at: number; value: Promise<ApiKeyRecord | null> }>();
  let seen = generation?.();
  return {
    getKey(id) {
      if (generation) {
        const g = generation();
        if (g !== seen) {
          cache.clear();
          seen = g;
        }
      }
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
