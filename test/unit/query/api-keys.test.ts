// API keys and the rate limiter: hashed storage, constant-time check, refusals by reason, token bucket with Retry-After.
import { describe, expect, it } from 'vitest';
import { KeyLookupError, bearerToken, cachedKeys, checkApiKey, createApiKey, listApiKeys, revokeApiKey } from '../../../shared/auth/api-keys.js';
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
    async revokeKey(id: string, at: string) {
      const r = rows.get(id);
      if (!r) return null;
      if (!r.revokedAt) rows.set(id, { ...r, revokedAt: at });
      return rows.get(id)!;
    },
    async recordUse() {},
    lastUsed: async (_ids: string[]) => new Map<string, string>(),
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

  it('drops every cached key when the generation changes: a revocation counts on the next request', async () => {
    const store = memoryKeys();
    const { key, record } = await createApiKey(store, 'a');
    let generation = 'g1';
    const cached = cachedKeys(store, 60_000, () => 0, () => generation);
    expect((await checkApiKey(cached, key)).ok).toBe(true);
    await store.revokeKey(record.id, '2026-11-01T00:00:00Z');
    expect((await checkApiKey(cached, key)).ok).toBe(true); // still cached: nobody said anything changed
    generation = 'g2';
    expect(await checkApiKey(cached, key)).toEqual({ ok: false, reason: 'revoked' });
  });
});

describe('keys list and revoke', () => {
  it('lists keys oldest first with their last use, never the hash', async () => {
    const store = memoryKeys();
    const b = await createApiKey(store, 'b team', new Date('2026-11-02T00:00:00Z'));
    const a = await createApiKey(store, 'a team', new Date('2026-11-01T00:00:00Z'));
    store.lastUsed = async (ids: string[]) => new Map(ids.filter((id) => id === a.record.id).map((id) => [id, '2026-11-03T10:00:00.000Z']));
    const list = await listApiKeys(store);
    expect(list).toEqual([
      { id: a.record.id, name: 'a team', createdAt: '2026-11-01T00:00:00.000Z', revokedAt: null, lastUsedAt: '2026-11-03T10:00:00.000Z' },
      { id: b.record.id, name: 'b team', createdAt: '2026-11-02T00:00:00.000Z', revokedAt: null, lastUsedAt: null },
    ]);
    expect(JSON.stringify(list)).not.toContain(b.record.hash);
  });

  it('revokes by id or by name; a name shared by two live keys asks for the id; unknown names are refused', async () => {
    const store = memoryKeys();
    const one = await createApiKey(store, 'desk');
    const two = await createApiKey(store, 'desk');
    const other = await createApiKey(store, 'Research');
    await expect(revokeApiKey(store, 'desk')).rejects.toThrow(new RegExp(`2 keys are named "desk": give one id \\((${one.record.id}, ${two.record.id}|${two.record.id}, ${one.record.id})\\)`));
    expect((await revokeApiKey(store, one.record.id, new Date('2026-11-05T00:00:00Z'))).revokedAt).toBe('2026-11-05T00:00:00.000Z');
    // Now only one live "desk" is left: the name is enough.
    expect((await revokeApiKey(store, 'desk')).id).toBe(two.record.id);
    expect((await revokeApiKey(store, 'research')).id).toBe(other.record.id);
    await expect(revokeApiKey(store, 'nobody')).rejects.toBeInstanceOf(KeyLookupError);
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
