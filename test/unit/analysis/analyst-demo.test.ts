// The embedded analyst on labels it was not written against: the demo items' ground truth.
import { describe, expect, it } from 'vitest';
import { scoreDemo } from '../../bench/eval-analyst-demo.js';

describe('embedded analyst on the demo ground truth', () => {
  it('keeps macro F1 over event types at 0.88 or better', async () => {
    const s = await scoreDemo();
    console.log(`embedded analyst on the demo: macro F1 ${s.macroF1.toFixed(3)}, accuracy ${(s.accuracy * 100).toFixed(1)}%`);
    expect(Object.keys(s.perType)).toHaveLength(12);
    expect(s.macroF1).toBeGreaterThanOrEqual(0.88);
  });
});
