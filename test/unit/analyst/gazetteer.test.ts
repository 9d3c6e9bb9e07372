// Unit tests for the company gazetteer: size, one company per alias, parents that exist, roll-ups.
import { describe, expect, it } from 'vitest';
import { COMPANIES } from '../../../agents/analyst/gazetteer/companies.js';
import { buildStudioDirectory, matchStudios } from '../../../agents/analyst/embedded/studios.js';

describe('company gazetteer', () => {
  it('lists several hundred companies, each alias naming one company, every parent listed', () => {
    expect(COMPANIES.length).toBeGreaterThanOrEqual(300);
    const owner = new Map<string, string>();
    for (const c of COMPANIES) {
      for (const a of c.aliases) {
        const key = a.replace(/^[~?]/, '').toLowerCase();
        expect(owner.get(key) ?? c.name, `alias "${a}"`).toBe(c.name);
        owner.set(key, c.name);
      }
      if (c.parent) expect(COMPANIES.some((p) => p.name === c.parent), `parent of ${c.name}`).toBe(true);
    }
  });

  it('knows the parents marketers ask about', () => {
    const parent = (n: string) => COMPANIES.find((c) => c.name === n)?.parent;
    expect(parent('Searchlight Pictures')).toBe('Walt Disney Studios');
    expect(parent('Screen Gems')).toBe('Sony Pictures');
    expect(parent('New Line Cinema')).toBe('Warner Bros. Pictures');
    expect(parent('Focus Features')).toBe('Universal Pictures');
    expect(parent('Crunchyroll')).toBe('Sony Pictures');
  });

  it('finds networks, streamers, labels and production companies by name', () => {
    const dir = buildStudioDirectory([]);
    expect(matchStudios('Epix, Roku Channel, BBC Studios, New Line, Crunchyroll and HBO Max', dir)).toEqual([
      'MGM+', 'Roku', 'BBC Studios', 'New Line Cinema', 'Crunchyroll', 'HBO Max',
    ]);
    expect(matchStudios('Nippon Television, RTÉ, GB News, UKTV, Animal Logic and DailyWire+', dir)).toEqual([
      'Nippon Television', 'RTÉ', 'GB News', 'UKTV', 'Animal Logic', 'DailyWire+',
    ]);
  });
});
