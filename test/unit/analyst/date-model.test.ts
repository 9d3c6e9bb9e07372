// Unit tests for the release-date model: its candidates and features, its training, and where the analyst asks it.
import { describe, expect, it } from 'vitest';
import { createEmbeddedAnalyst } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { dateCandidates, dateProbability, pickDate, trainDateWeights, type DateModelData } from '../../../agents/analyst/embedded/date-model.js';
import { crossValidateDates, scoreDates, type DateStory } from '../../../agents/analyst/embedded/training/train-date-model.js';

const REF = new Date('2026-06-01T12:00:00Z');

// A hand-made model: a date right after "for" or after "air on" is the release date; nothing else is.
const FOR_MODEL: DateModelData = { version: 'test', threshold: 0.5, weights: { bias: -3, 'p1:for': 4, 'p1:on': 1, 'p2:air': 3 } };

describe('date candidates', () => {
  it('reads every date phrase of the headline and the first body sentences, with where it stands and its context', () => {
    const c = dateCandidates('Netflix teases Arcane season 2 for November 2026', ['The animated series returns on Nov. 9.'], REF, true, 'trailer');
    expect(c.map((x) => x.date)).toEqual(['2026-11', '2026-11-09']);
    expect(c[0]!.features).toEqual(expect.arrayContaining(['loc:h', 'prec:month', 'expl:true', 'p1:for', 'p2:2', 'type:trailer', 'ahead:3-12m', 'dy:month:same']));
    expect(c[1]!.features).toEqual(expect.arrayContaining(['loc:b12', 'prec:day', 'expl:false', 'p1:on', 'b:returns']));
    expect(c[0]!.sentence).toBe('Netflix teases Arcane season 2 for November 2026');
  });

  it('without a publication time only phrases that write their year count', () => {
    const c = dateCandidates('Arcane returns Nov. 9; the film follows in 2027', [], REF, false, 'release_dated');
    expect(c.map((x) => x.date)).toEqual(['2027']);
    expect(c[0]!.features).toContain('notime');
  });

  it('stops after the headline and four body sentences', () => {
    const body = ['One.', 'Two.', 'Three.', 'Four.', 'It opens in 2028.'];
    expect(dateCandidates('A headline', body, REF, true, 'other')).toEqual([]);
  });
});

describe('the date model', () => {
  it('scores a candidate by its features and picks the best one from the threshold up', () => {
    const c = dateCandidates('Netflix teases Arcane season 2 for November 2026', ['It was first shown in May 2021.'], REF, true, 'trailer');
    expect(dateProbability(FOR_MODEL, c[0]!.features)).toBeGreaterThan(0.7);
    expect(dateProbability(FOR_MODEL, c[1]!.features)).toBeLessThan(0.1);
    expect(pickDate(FOR_MODEL, c)?.candidate.date).toBe('2026-11');
    expect(pickDate({ ...FOR_MODEL, threshold: 0.99 }, c)).toBeNull();
    expect(pickDate(FOR_MODEL, [])).toBeNull();
  });

  it('training is deterministic and learns which context marks the release date', () => {
    const ex = [
      ...Array.from({ length: 20 }, () => ({ features: ['bias', 'p1:for'], y: 1 as const })),
      ...Array.from({ length: 20 }, () => ({ features: ['bias', 'p1:since'], y: 0 as const })),
    ];
    const w1 = trainDateWeights(ex);
    expect(trainDateWeights(ex)).toEqual(w1);
    const m: DateModelData = { version: 't', threshold: 0.5, weights: w1 };
    expect(dateProbability(m, ['bias', 'p1:for'])).toBeGreaterThan(0.9);
    expect(dateProbability(m, ['bias', 'p1:since'])).toBeLessThan(0.1);
  });

  it('cross-validation scores the rules alone and the model per threshold, and counts false dates', () => {
    const story = (group: string, label: string | null, rules: string | null, feature: string): DateStory => ({
      group,
      label: { releaseDate: label, previousDate: null },
      rules: { releaseDate: rules, previousDate: null },
      asks: rules === null,
      candidates: [{ date: '2027', precision: 'year', sentence: 's', at: 0, features: ['bias', feature] }],
    });
    const stories = [
      ...Array.from({ length: 10 }, (_, i) => story(`g${i}`, '2027', null, 'p1:for')),
      ...Array.from({ length: 10 }, (_, i) => story(`h${i}`, null, null, 'p1:since')),
      story('k', '2027', '2027', 'p1:since'),
    ];
    const cv = crossValidateDates(stories);
    expect(cv[0]).toMatchObject({ threshold: null, correct: 1, dated: 11, falseDates: 0, undated: 10 });
    const at5 = cv.find((r) => r.threshold === 0.5)!;
    expect(at5.correct).toBe(11);
    expect(at5.falseDates).toBe(0);
    // A model that dates everything: every undated story gets a false date.
    expect(scoreDates(stories, () => 1, 0.5)).toMatchObject({ correct: 11, falseDates: 10, byModel: 20 });
  });
});

describe('where the analyst asks the date model', () => {
  const withModel = createEmbeddedAnalyst({ competitors: [], slate: [], dateModel: FOR_MODEL });
  const rulesOnly = createEmbeddedAnalyst({ competitors: [], slate: [], dateModel: null });
  const doc = (title: string, text = '') => ({ title, text, publishedAt: '2026-06-01T12:00:00Z' });

  it('dates what the rules leave undated, and says so', () => {
    const d = doc('CBS releases teaser for the Oprah interview', 'The clips from the interview, which will air on March 7, show an emotional prince.');
    expect(rulesOnly.extract(d).releaseDate).toBeNull();
    const x = withModel.explain(d);
    expect(x.extraction.releaseDate).toBe('2027-03-07');
    expect(x.dateSource).toMatchObject({ by: 'model' });
  });

  it('never replaces a date the rules found', () => {
    const d = doc("'Night Harbor' Season 2 Premieres Oct. 5 on Hulu", 'The teaser for the season, shown for June 20 screenings, is out.');
    expect(withModel.explain(d)).toMatchObject({ extraction: { releaseDate: '2026-10-05' }, dateSource: { by: 'rules' } });
  });

  it('is not asked where the rules drop a date on purpose: a roundup, a move with no new date', () => {
    expect(withModel.explain(doc('Everything coming to Netflix for July 2026')).dateAsked).toBe(false);
    expect(withModel.extract(doc('Everything coming to Netflix for July 2026')).releaseDate).toBeNull();
    // A model that dates anything it is asked about still leaves an indefinite delay undated.
    const eager = createEmbeddedAnalyst({ competitors: [], slate: [], dateModel: { version: 't', threshold: 0.5, weights: { bias: 5 } } });
    const undated = eager.explain(doc("'Night Harbor' Delayed Indefinitely", "Disney's thriller was set to open July 10, 2026."));
    expect(undated).toMatchObject({ extraction: { type: 'release_moved', releaseDate: null, previousDate: '2026-07-10' }, dateAsked: false });
    expect(undated.dateCandidates).toHaveLength(1);
  });
});
