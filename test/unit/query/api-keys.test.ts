// API keys and the rate limiter: hashed storage, constant-time check, refusals by reason, token bucket with Retry-After.
import { describe, expect, it } from 'vitest';
import { bearerToken, cachedKeys, checkApiKey, createApiKey } from '../../../shared/auth/api-keys.js';
import { RateLimiter } from '../../../shared/auth/rate-limit.js';
import type { ApiKeyRecord, KeyStore } from '../../../shared/ports/key-store.js';

function memoryKeys(): KeyStore & { rows: Map<string, ApiKeyRecord>; reads: number } {
  const rows = new Map<string, ApiKeyRecord>();
  const store = {
    rows,
    reads: 0,
    async putKey(r: ApiKeyRecord) {
      rows.set(r.id, { ...r });
    },
    async getKey(id: string) {
      store.reads++;
      return rows.get(id) ?? null;
    },
    async listKeys() {
      return [...rows.values()];
    },
  };
  return store;
}

describe('API keys', () => {
  it('stores only a hash and accepts the key it printed', async () => {
    const store = memoryKeys();
    const { key, record } = await createApiKey(store, 'strategy team');
    expect(key).toMatch(/^mq_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const stored = store.rows.get(record.id)!;
    expect(JSON.stringify(stored)).not.toContain(key.slice(16));
    expect(stored.hash).toHaveLength(43);
    const check = await checkApiKey(store, key);
    expect(check).toEqual({ ok: true, key: stored });
  });

  it('refuses a missing, malformed, wrong or revoked key with the reason', async () => {
    const store = memoryKeys();
    const { key, record } = await createApiKey(store, 'a');
    expect(await checkApiKey(store, null)).toEqual({ ok: false, reason: 'missing' });
    expect(await checkApiKey(store, 'hunter2')).toEqual({ ok: false, reason: 'malformed' });
    const wrongSecret = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(await checkApiKey(store, wrongSecret)).toEqual({ ok: false, reason: 'unknown' });
    expect(await checkApiKey(store, `mq_000000000000_${key.slice(16)}`)).toEqual({ ok: false, reason: 'unknown' });
    store.rows.set(record.id, { ...record, revokedAt: '2026-11-01T00:00:00Z' });
    expect(await checkApiKey(store, key)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('rejects bad key names and reads bearer headers strictly', async () => {
    await expect(createApiKey(memoryKeys(), '')).rejects.toThrow(/key name/);
    await expect(createApiKey(memoryKeys(), 'x'.repeat(65))).rejects.toThrow(/key name/);
    await expect(createApiKey(memoryKeys(), 'a<b>')).rejects.toThrow(/key name/);
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc  ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it('caches key lookups for the TTL only', async () => {
    const store = memoryKeys();
    const { key } = await createApiKey(store, 'a');
    let t = 0;
    const cached = cachedKeys(store, 1000, () => t);
    await checkApiKey(cached, key);
    await checkApiKey(cached, key);
    expect(store.reads).toBe(1);
    t = 1500;
    await checkApiKey(cached, key);
    expect(store.reads).toBe(2);
  });
});

describe('RateLimiter', () => {
  it('allows the burst, then refuses with the seconds until the next token', () => {
    let t = 0;
    const rl = new RateLimiter(60, 3, () => t);
    expect([rl.take('k'), rl.take('k'), rl.take('k')].every((d) => d.allowed)).toBe(true);
    const refused = rl.take('k');
    expect(refused).toEqual({ allowed: false, retryAfter: 1, remaining: 0 });
    expect(rl.take('other').allowed).toBe(true);
    t = 1000;
    expect(rl.take('k').allowed).toBe(true);
    expect(rl.take('k').allowed).toBe(false);
  });

  it('says how long to wait at a low rate', () => {
    const rl = new RateLimiter(2, 1, () => 0);
    rl.take('k');
    expect(rl.take('k').retryAfter).toBe(30);
  });
});
