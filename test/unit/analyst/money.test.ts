// Unit tests for dollar amounts and their contexts.
import { describe, expect, it } from 'vitest';
import { extractMoney } from '../../../agents/analyst/embedded/money.js';

describe('extractMoney', () => {
  it.each([
    ["'Starbreaker' Opens to $42M", 42e6, 'opening weekend gross'],
    ['a $42 million weekend', 42e6, 'weekend gross'],
    ['The sequel crossed $1.2 billion worldwide', 1.2e9, 'worldwide gross'],
    ['Netflix closed an $8M deal for the film', 8e6, 'deal price'],
    ['a $150K per-theater average', 150e3, 'per-theater average'],
    ['a budget of about $85 million', 85e6, 'budget'],
    ['with $412M of the cume from domestic theaters', 412e6, 'cumulative gross'],
    ['It earned $14.5 million in Thursday previews', 14.5e6, 'previews gross'],
    ['Marketing spend tops $120M', 120e6, 'marketing spend'],
  ])('reads %s', (text, amount, context) => {
    expect(extractMoney(text)).toEqual([{ amount, context }]);
  });

  it('reads both ends of a range', () => {
    expect(extractMoney('Tracking has it opening to $30 million to $35 million.').map((m) => m.amount)).toEqual([30e6, 35e6]);
    expect(extractMoney('a $30-35 million opening').map((m) => m.amount)).toEqual([30e6, 35e6]);
  });

  it('reads thousands separators and leaves other currencies out rather than guessing a rate', () => {
    expect(extractMoney('It grossed $152,000 from four theaters.')).toEqual([{ amount: 152000, context: 'box office gross' }]);
    expect(extractMoney('a £5m deal and a €2M budget')).toEqual([]);
  });
});
