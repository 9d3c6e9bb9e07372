// Unit tests for the trade/critic sentiment lexicon: polarity, negation, "but" clauses, bounds.
import { describe, expect, it } from 'vitest';
import { sentimentScore } from '../../../agents/analyst/embedded/sentiment.js';

describe('sentimentScore', () => {
  it('reads trade praise as positive and trade failure as negative', () => {
    expect(sentimentScore("Critics Rave Over 'Glimmerglass'")).toBeGreaterThan(0.5);
    expect(sentimentScore("'Halcyon Drift' Review: A Staggering Triumph")).toBeGreaterThan(0.5);
    expect(sentimentScore("'Starbreaker' Soars to Record Opening")).toBeGreaterThan(0.5);
    expect(sentimentScore("A critics' darling from Cannes")).toBeGreaterThan(0.5);
    expect(sentimentScore("'Signal Fire 2' Bombs With $8M Opening")).toBeLessThan(-0.5);
    expect(sentimentScore("'Hollow Point' Disappoints With $7M Debut")).toBeLessThan(-0.5);
    expect(sentimentScore("Sony's 'Hush Money' Stumbles in China")).toBeLessThan(-0.3);
    expect(sentimentScore("'Kingdom of Salt' Is a Flop")).toBeLessThan(-0.5);
  });

  it('flips a negated word: "not great" is negative', () => {
    expect(sentimentScore('great')).toBeGreaterThan(0);
    expect(sentimentScore('not great')).toBeLessThan(0);
    expect(sentimentScore("the sequel isn't good")).toBeLessThan(0);
  });

  it('weighs what follows "but" more', () => {
    expect(sentimentScore('', 'The drama is handsomely shot but rarely catches fire.')).toBeLessThan(0);
    expect(sentimentScore('', 'The plot is thin but the film is a joyful triumph.')).toBeGreaterThan(0);
  });

  it('is neutral on genre words and plain news, and stays within [-1, 1]', () => {
    expect(sentimentScore("HBO Orders Volcano Disaster Drama 'Ashfall' About a Killer")).toBeGreaterThanOrEqual(0);
    expect(sentimentScore("Paramount Sets 'Tin Soldiers' for Dec. 18")).toBe(0);
    const extreme = sentimentScore('triumph masterpiece raves soars smash '.repeat(20));
    expect(extreme).toBeLessThanOrEqual(1);
    expect(sentimentScore('flop bomb dud worst '.repeat(20))).toBeGreaterThanOrEqual(-1);
  });
});
