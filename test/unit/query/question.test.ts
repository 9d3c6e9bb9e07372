// The embedded question reader: intent, studios (aliases), titles, types and time ranges against the demo workspace's names.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspaceFile } from '../../../shared/config/workspace-file.js';
import { DEMO_WORKSPACE } from '../../../functions/local/demo.js';
import type { Workspace } from '../../../shared/model/workspace.js';
import { parseQuestion, type Vocabulary } from '../../../shared/query/question.js';

const NOW = new Date('2026-11-26T20:00:00Z'); // the demo clock: Thanksgiving, noon in Los Angeles
let vocab: Vocabulary;

beforeAll(async () => {
  const ws: Workspace = await loadWorkspaceFile(DEMO_WORKSPACE);
  vocab = { workspace: ws, titles: ['Iron Meridian', 'Glimmerglass', 'Static Girl', 'Pip & The Paper Dragon', 'Halcyon Drift', 'Paper Moons'] };
});

const ask = (q: string) => parseQuestion(q, vocab, NOW);

describe('parseQuestion', () => {
  it('reads a studio and "since <month>"', () => {
    const p = ask('What did Lionsgate announce since October?');
    expect(p).toMatchObject({ intent: 'activity', studios: ['Lionsgate'], types: [], range: { from: '2026-10-01', to: '2026-11-26' } });
  });

  it('resolves aliases to the competitor name, short aliases only in their own case', () => {
    expect(ask('Any trailers from WB this month?').studios).toEqual(['Warner Bros.']);
    expect(ask('any trailers from wb?').studios).toEqual([]);
    expect(ask('What did Illumination greenlight?')).toMatchObject({ studios: ['Universal Pictures'], types: ['greenlight'] });
  });

  it('reads "opens against our title on March 12" as a same-weekend question on that day', () => {
    const p = ask('What opens against our title on March 12?');
    expect(p).toMatchObject({ intent: 'same_weekend', aboutSlate: true, day: '2027-03-12' });
  });

  it('reads genre box-office questions with a number of weekends', () => {
    const p = ask('How did horror do over the last four weekends?');
    expect(p).toMatchObject({ intent: 'boxoffice', genre: 'horror', weekends: 4, range: { from: '2026-10-29', to: '2026-11-26' } });
    expect(ask('How did comedies do last month?')).toMatchObject({ intent: 'boxoffice', genre: 'comedy' });
  });

  it('tells box office from the calendar for "open"', () => {
    expect(ask('How did Glimmerglass open?')).toMatchObject({ intent: 'run', titles: ['Glimmerglass'] });
    expect(ask('What did Glimmerglass open to?')).toMatchObject({ intent: 'opening', titles: ['Glimmerglass'] });
    expect(ask('When does Halcyon Drift open?')).toMatchObject({ intent: 'calendar', titles: ['Halcyon Drift'] });
  });

  it('finds the longest known title and quoted titles', () => {
    expect(ask("What's new on 'Pip & The Paper Dragon'?").titles).toEqual(['Pip & The Paper Dragon']);
    expect(ask('Any news on "The Unknown Picture"?').titles).toEqual(['The Unknown Picture']);
  });

  it('maps words to event types without confusing executive moves with date moves', () => {
    expect(ask('Any executive moves at Sony?')).toMatchObject({ studios: ['Sony Pictures'], types: ['executive'] });
    expect(ask('Has anything moved release dates in the last two weeks?')).toMatchObject({
      intent: 'moves',
      range: { from: '2026-11-12', to: '2026-11-26' },
    });
    expect(ask('Who joined the cast of Iron Meridian?').types).toEqual(['casting']);
  });

  it('resolves holidays and absolute dates over relative words', () => {
    expect(ask('What opens on Christmas?')).toMatchObject({ intent: 'calendar', day: '2026-12-25' });
    expect(ask('Box office for the weekend of November 13')).toMatchObject({ intent: 'boxoffice', day: '2026-11-13', weekend: '2026-11-13' });
  });

  it('keeps names it does not know for a lookup, not month names or question words', () => {
    expect(ask('What did Focus Features announce in October?').otherNames).toEqual(['Focus Features']);
    expect(ask('Which sources are failing?')).toMatchObject({ intent: 'sources', otherNames: [] });
  });

  it('leaves the range empty when the question names no time', () => {
    expect(ask('What did A24 acquire?')).toMatchObject({ range: null, types: ['acquisition'] });
  });
});
