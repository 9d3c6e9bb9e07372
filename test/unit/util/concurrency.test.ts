import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../shared/util/concurrency.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapLimit', () => {
  it('keeps input order with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimit([30, 10, 20, 5, 15], 2, async (ms, i) => {
      most = Math.max(most, ++inFlight);
      await sleep(ms);
      inFlight--;
      return i;
    });
    expect(out).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('on a failure starts no further call and rejects only once the calls in flight have settled', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const run = mapLimit([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      if (i === 1) {
        await sleep(5);
        settled.push(i);
        throw new Error('write refused');
      }
      await sleep(i === 0 ? 40 : 5);
      settled.push(i);
      return i;
    });
    await expect(run).rejects.toThrow('write refused');
    // Item 0 was in flight when item 1 failed: it finished before the rejection; items 2–4 never started.
    expect(started).toEqual([0, 1]);
    expect(settled).toEqual([1, 0]);
  });
});
