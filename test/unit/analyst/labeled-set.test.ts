// Regression gate: the held-out labeled set must keep macro F1 >= 0.85 (prints the confusion matrix).
import { describe, expect, it } from 'vitest';
import { createEmbeddedAnalyst } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { EventExtraction } from '../../../shared/model/event.js';
import { evaluate, formatConfusion, loadContext, loadSet } from '../../bench/eval-analyst.js';

describe('embedded analyst on the held-out test set', () => {
  it('keeps macro F1 >= 0.85 and produces schema-valid events', () => {
    const stories = loadSet('test');
    expect(stories.length).toBeGreaterThanOrEqual(120);
    const e = evaluate(stories, createEmbeddedAnalyst(loadContext()));
    console.log(`macro F1 ${e.macroF1.toFixed(3)}, studios exact ${(e.studioExact * 100).toFixed(1)}%, dates ${(e.dates.accuracy * 100).toFixed(1)}%\n${formatConfusion(e)}`);
    for (const r of e.results) EventExtraction.parse(r.out);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(e.perType.every((p) => p.support >= 8)).toBe(true);
  });
});
