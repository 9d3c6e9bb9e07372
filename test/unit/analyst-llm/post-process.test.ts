// Post-processing of model output: canonical studios, deduped lists, partial dates, clamped sentiment.
import { describe, expect, it } from 'vitest';
import { buildCanonicalizer, clampSentiment, postProcess, toPartialDate } from '../../../agents/analyst/llm/post-process.js';
import { CONTEXT } from './trade-stories.js';

const raw = {
  type: 'release_moved' as const,
  studios: ['lions gate', 'LIONSGATE', 'Illumination', 'Harbor Light Pictures', ' harbor light pictures '],
  titles: ["'the lantern keeper'", '“Skyward Sprocket”', 'The Lantern Keeper', ''],
  people: ['Dax Holloway', 'dax holloway', "Harbor Light Pictures'"],
  releaseDate: '2026-12-11T00:00:00Z',
  previousDate: 'Christmas',
  money: [{ amount: 55_000_000, context: 'opening' }, { amount: 55_000_000, context: 'Opening' }, { amount: Number.NaN, context: 'x' }],
  sentiment: 1.7,
  summary: '  Universal   moved it.  ',
};

describe('LLM analyst post-processing', () => {
  it('maps studio aliases to the workspace canonical names, case-insensitively, and dedupes', () => {
    const out = postProcess(raw, buildCanonicalizer(CONTEXT));
    expect(out.studios).toEqual(['Lionsgate', 'Universal Pictures', 'Harbor Light Pictures']);
  });

  it('cleans titles and people: quotes off, slate spelling, duplicates and blanks gone', () => {
    const out = postProcess(raw, buildCanonicalizer(CONTEXT));
    expect(out.titles).toEqual(['The Lantern Keeper', 'Skyward Sprocket']);
    expect(out.people).toEqual(['Dax Holloway', 'Harbor Light Pictures']);
  });

  it('keeps valid partial dates, drops others, clamps sentiment, dedupes money', () => {
    const out = postProcess(raw, buildCanonicalizer(CONTEXT));
    expect(out).toMatchObject({ releaseDate: '2026-12-11', previousDate: null, sentiment: 1, summary: 'Universal moved it.' });
    expect(out.money).toEqual([{ amount: 55_000_000, context: 'opening' }]);
    expect(toPartialDate('2027-03')).toBe('2027-03');
    expect(toPartialDate('2027-13-01')).toBe('2027');
    expect(toPartialDate(null)).toBeNull();
    expect(clampSentiment(-3)).toBe(-1);
    expect(clampSentiment(Number.NaN)).toBe(0);
    expect(clampSentiment(0.12345)).toBe(0.123);
  });

  it('leaves unknown studios and titles as written', () => {
    const canon = buildCanonicalizer({ competitors: [], slate: [] });
    expect(canon.studio('Neon')).toBe('Neon');
    expect(canon.title('Ghost Orchid')).toBe('Ghost Orchid');
  });
});
