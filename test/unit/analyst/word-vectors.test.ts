// Unit tests for the type model's word vectors (decoding, the headline's mean vector, their derivation from GloVe) and
// for the packed weights file.
import { describe, expect, it } from 'vitest';
import { decodeWordVectors, meanWordVector, shippedWordVectors, type WordVectorsData } from '../../../agents/analyst/embedded/word-vectors.js';
import { deriveWordVectors, symmetricEigen } from '../../../agents/analyst/embedded/training/derive-word-vectors.js';
import { logits, packTypeModel, typeFeatures, unpackTypeModel, type TypeModelData } from '../../../agents/analyst/embedded/type-model.js';
import { DEFAULT_TYPE_MODEL } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { EVENT_TYPES } from '../../../shared/model/event.js';

const cos = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('word vectors', () => {
  it('ships 40,000 words in 32 dimensions, and near words lie near', () => {
    const wv = shippedWordVectors();
    expect(wv.dimensions).toBe(32);
    expect(wv.index.size).toBe(40_000);
    const v = (w: string): number[] => meanWordVector(w, wv)!;
    expect(cos(v('postponed'), v('delayed'))).toBeGreaterThan(0.7);
    expect(cos(v('acquires'), v('buys'))).toBeGreaterThan(cos(v('acquires'), v('trailer')));
    expect(Math.hypot(...v('casting'))).toBeCloseTo(1, 6);
  });

  it('averages content words only: masks, function words and unknown words add nothing', () => {
    const wv = shippedWordVectors();
    expect(meanWordVector('TITLE STUDIO JOBTITLE the of zzqxv', wv)).toBeNull();
    expect(meanWordVector('STUDIO Sets TITLE Sequel', wv)).toEqual(meanWordVector('sets sequel', wv));
    expect(meanWordVector("Netflix's", wv)).toEqual(meanWordVector('netflix', wv));
  });

  it('refuses a file whose bytes do not match its words', () => {
    const bad: WordVectorsData = { source: 't', dimensions: 2, words: 'a b', vectors: Buffer.from([1, 2, 3]).toString('base64') };
    expect(() => decodeWordVectors(bad)).toThrow(/3 bytes for 2 words x 2/);
  });

  it('derives the same bytes from the same source: normalized, projected on the principal axes, signed bytes', () => {
    const source = {
      words: ['film', 'movie', 'trailer', 'teaser', 'x1', 'Capital', 'deal'],
      vectors: {
        film: [1, 0.1, 0, 0], movie: [0.9, 0.2, 0, 0.1], trailer: [0, 1, 0.2, 0], teaser: [0.1, 0.9, 0.3, 0],
        x1: [1, 1, 1, 1], Capital: [0, 0, 1, 0], deal: [0, 0, 0.2, 1],
      },
    };
    const a = deriveWordVectors(source, 5, 2);
    expect(a).toEqual(deriveWordVectors(source, 5, 2));
    // Lowercase alphabetic words only, in the source's order, up to the vocabulary.
    expect(a.words).toBe('film movie trailer teaser deal');
    const wv = decodeWordVectors(a);
    expect(wv.bytes).toHaveLength(10);
    const v = (w: string): number[] => meanWordVector(w, wv)!;
    expect(cos(v('film'), v('movie'))).toBeGreaterThan(cos(v('film'), v('trailer')));
  });

  it('finds eigenvectors of a symmetric matrix, largest eigenvalue first, with a fixed sign', () => {
    const { values, vectors } = symmetricEigen([[2, 1, 0], [1, 2, 0], [0, 0, 5]]);
    expect(values.map((x) => Number(x.toFixed(9)))).toEqual([5, 3, 1]);
    expect(vectors[0]!.map((x) => Math.abs(x))).toEqual([0, 0, 1]);
    expect(vectors[1]![0]).toBeCloseTo(Math.SQRT1_2, 9);
    expect(vectors[1]![1]).toBeCloseTo(Math.SQRT1_2, 9);
    expect(Math.abs(vectors[2]![0]!)).toBeCloseTo(Math.SQRT1_2, 9);
  });
});

describe('the type model', () => {
  it('reads the headline mean vector as features e:0..e:31', () => {
    const f = typeFeatures({ main: 'STUDIO Delays TITLE to 2027', sub: '', lead: '', ruleScores: Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as never, ruleType: 'other', signals: [] });
    const dims = [...f.keys()].filter((k) => k.startsWith('e:'));
    expect(dims).toHaveLength(32);
    expect(Math.hypot(...dims.map((k) => f.get(k)!))).toBeCloseTo(3, 6);
  });

  it('packs its weights as 16-bit integers and unpacks them within half a step', () => {
    const model: TypeModelData = {
      version: 'v', types: ['trailer', 'other'] as never, bias: [0.5, -0.5],
      weights: { 'h:teaser': [2.5, -1.25], 'h:deal': [0.0001, -3], 'c: ab': [0, 0.3333] },
    };
    const packed = packTypeModel(model);
    expect(packed.features).toBe('c: ab\nh:deal\nh:teaser');
    const back = unpackTypeModel(JSON.parse(JSON.stringify(packed)));
    for (const [k, row] of Object.entries(model.weights)) row.forEach((w, j) => expect(Math.abs(back.weights[k]![j]! - w)).toBeLessThanOrEqual(packed.scale / 2 + 1e-12));
    expect(back.bias).toEqual(model.bias);
    expect(unpackTypeModel(model)).toBe(model);
    expect(() => unpackTypeModel({ ...packed, packed: Buffer.from([0, 1]).toString('base64') })).toThrow(/2 bytes of weights for 3 features x 2 types/);
  });

  it('ships packed weights that the analyst reads', () => {
    expect(DEFAULT_TYPE_MODEL).not.toBeNull();
    expect(Object.keys(DEFAULT_TYPE_MODEL!.weights).length).toBeGreaterThan(10_000);
    expect(DEFAULT_TYPE_MODEL!.weights['e:0']).toHaveLength(EVENT_TYPES.length);
    const f = typeFeatures({ main: 'Watch the First Trailer for TITLE', sub: '', lead: '', ruleScores: Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as never, ruleType: 'other', signals: [] });
    const z = logits(DEFAULT_TYPE_MODEL!, f);
    expect(EVENT_TYPES[z.indexOf(Math.max(...z))]).toBe('trailer');
  });
});
