// In-memory analysis cache: round trip, isolation of stored values, eviction.
import { describe, expect, it } from 'vitest';
import { MemoryAnalysisCache } from '../../../agents/analyst/llm/memory-cache.js';
import type { EventExtraction } from '../../../shared/model/event.js';

const ev = (summary: string): EventExtraction => ({
  type: 'other', studios: ['A24'], titles: [], people: [], releaseDate: null, previousDate: null, money: [], sentiment: 0, summary,
});

describe('MemoryAnalysisCache', () => {
  it('returns what was put, as a copy, and null for a miss', async () => {
    const cache = new MemoryAnalysisCache();
    const value = ev('a');
    await cache.put('extract-v1:h1', value);
    value.studios.push('mutated');
    const got = await cache.get('extract-v1:h1');
    expect(got).toEqual(ev('a'));
    got!.studios.push('mutated');
    expect(await cache.get('extract-v1:h1')).toEqual(ev('a'));
    expect(await cache.get('extract-v1:nope')).toBeNull();
  });

  it('evicts the oldest entries past its size', async () => {
    const cache = new MemoryAnalysisCache(2);
    await cache.put('k1', ev('1'));
    await cache.put('k2', ev('2'));
    await cache.put('k3', ev('3'));
    expect(cache.size).toBe(2);
    expect(await cache.get('k1')).toBeNull();
    expect(await cache.get('k3')).toEqual(ev('3'));
  });
});
