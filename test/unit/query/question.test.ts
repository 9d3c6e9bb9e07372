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
  vocab = { workspace: ws, titles: ['Iron Meridian', 'Glimmerglass', 'Static Girl', 'Pip & The Paper Dragon', 'Halcyon Drift', 'Paper Moons', 'The Last Cartographer', 'Hollowmere', 'Paws of Thunder', 'A Very Fletcher Christmas', 'The Drowning Hour', 'Kingdom of Salt'] };
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

describe('parseQuestion: intents, as people type them', () => {
  it.each([
    ['which titles moved their dates this month?', 'moves'],
    ['any release date changes in the last 2 weeks?', 'moves'],
    ['what got new release dates in november', 'datings'],
    ['what beat expectations last weekend?', 'surprises'],
    ['what flopped in november?', 'surprises'],
    ['was static girl a breakout?', 'run'],
    ['how did glimmerglass do', 'run'],
    ['kingdom of salt BO numbers', 'run'],
    ['what did Glimmerglass open to?', 'opening'],
    ['biggest opening in november?', 'ranking'],
    ['top 10 last wknd', 'ranking'],
    ['biggest deals this month', 'ranking'],
    ['who opens the same weekend as paper moons?', 'same_weekend'],
    ['competition for paper moons?', 'same_weekend'],
    ['rel date for iron meridian?', 'calendar'],
    ["disney's upcoming releases", 'calendar'],
    ['what has neon been up to this month?', 'activity'],
    ['new trailers this week', 'events'],
    ["what's tracking for thanksgiving weekend", 'events'],
    ['How did the weekend of Nov 6 go?', 'boxoffice'],
    ['Any executive moves at Sony?', 'events'],
  ])('%s → %s', (q, intent) => {
    expect(ask(q).intent).toBe(intent);
  });

  it('fixes abbreviations and slips: wknd, xmas, BO, #1, a misspelt title', () => {
    expect(ask('whats opening xmas weekend')).toMatchObject({ weekend: '2026-12-25', day: '2026-12-25' });
    expect(ask('how did glimerglass open')).toMatchObject({ intent: 'run', titles: ['Glimmerglass'] });
    expect(ask("'what was #1 at the box office the weekend of nov 13?'")).toMatchObject({ intent: 'ranking', weekend: '2026-11-13', rank: { metric: 'weekend', n: 1 } });
    expect(ask('any acquisitions by a24').studios).toEqual(['A24']);
  });

  it('reads "last weekend" as the last Friday–Sunday and named weekends by their Friday', () => {
    expect(ask('top 5 movies last weekend')).toMatchObject({ weekend: '2026-11-20', range: { from: '2026-11-20', to: '2026-11-22' }, rank: { metric: 'weekend', n: 5 } });
    expect(ask('who topped the box office on halloween weekend?')).toMatchObject({ weekend: '2026-10-30' });
    expect(ask('what was number one on the nov 6 weekend')).toMatchObject({ weekend: '2026-11-06' });
  });

  it('reads ranking metrics, order and place', () => {
    expect(ask('second biggest opening this month').rank).toMatchObject({ metric: 'opening', position: 2, order: 'desc' });
    expect(ask('smallest opening gross in november').rank).toMatchObject({ metric: 'opening', order: 'asc' });
    expect(ask('biggest drop last weekend').rank).toMatchObject({ metric: 'drop' });
    expect(ask('which movie has grossed the most so far?').rank).toMatchObject({ metric: 'total' });
    expect(ask('glimmerglass opening wknd per theatre').intent).toBe('opening');
  });

  it('resolves "our March title" and "our dec 11 movie" to the slate title dated there', () => {
    expect(ask('anything opening near our march title?')).toMatchObject({ intent: 'same_weekend', titles: ['The Hollow Season'] });
    expect(ask('whats opening against our dec 11 movie')).toMatchObject({ intent: 'same_weekend', titles: ['The Lantern Keeper'] });
  });

  it('reads which date a move question is about', () => {
    expect(ask('what moved off december?')).toMatchObject({ intent: 'moves', dateField: 'old', range: { from: '2026-12-01', to: '2026-12-31' } });
    expect(ask('any titles pushed into march?')).toMatchObject({ intent: 'moves', dateField: 'new', range: { from: '2027-03-01', to: '2027-03-31' } });
    expect(ask('did anyone move a film onto one of our weekends?')).toMatchObject({ intent: 'moves', ontoSlate: true });
    expect(ask('sony date changes since october')).toMatchObject({ studios: ['Sony Pictures'], range: { from: '2026-10-01', to: '2026-11-26' }, dateField: 'reported' });
  });

  it('names what needs a lookup: unknown names, lowercase names in slots, sequels of known titles', () => {
    expect(ask('any news on Searchlight?').named).toEqual([{ text: 'Searchlight', kind: 'name' }]);
    expect(ask('What did blumhouse announce this month').named).toEqual([{ text: 'Blumhouse', kind: 'name' }]);
    expect(ask('is universal making a hollowmere sequel?').named).toEqual([{ text: 'a sequel to Hollowmere', kind: 'sequel', base: 'Hollowmere' }]);
    expect(ask('when does Paws of Thunder 3 come out').named).toEqual([{ text: 'Paws of Thunder 3', kind: 'sequel', base: 'Paws of Thunder' }]);
    expect(ask("how did 'Moonfall Express' do at the box office").named).toEqual([{ text: 'Moonfall Express', kind: 'name' }]);
    expect(ask('what did lionsgate do in november').named).toEqual([]);
    expect(ask('did anyone move a film onto one of our weekends?').named).toEqual([]);
  });

  it('does not read title words as times or genres', () => {
    expect(ask('how is a very fletcher christmas doing')).toMatchObject({ intent: 'run', titles: ['A Very Fletcher Christmas'], day: null, genre: null });
  });
});

describe('parseQuestion over a large vocabulary (the title index)', () => {
  // ~1,200 titles, as at 50× the demo: the index must find exactly what testing every title finds.
  const filler = Array.from({ length: 1200 }, (_, i) => `${['Crimson', 'Silent', 'Hollow', 'Paper', 'Iron', 'Glass', 'Midnight', 'Salt'][i % 8]} ${['River', 'Crown', 'Harbor', 'Signal', 'Orchard', 'Lantern'][i % 6]} ${i}`);
  const big = (extra: string[] = []) => ({ ...vocab, titles: [...vocab.titles, ...filler, ...extra] });

  it('finds the same titles as with the small vocabulary, in the same order', () => {
    const questions = ['How did Glimmerglass open?', 'When does the last cartographer come out?', 'What opens against Paws of Thunder?', 'How did glimerglass do?', 'Any news on Iron Meridan?', 'Did Paper Moons beat Kingdom of Salt?', 'How is Hollowmere doing, and Static Girl?'];
    for (const q of questions) expect(parseQuestion(q, big(), NOW).titles, q).toEqual(ask(q).titles);
  });

  it('finds a title next to punctuation, its short form without "The", slips and non-letters among many', () => {
    const v = big(['Spider-Man: Homeward', 'Elf', 'The Thing', 'Nope']);
    expect(parseQuestion('how did "Salt River 7" and (Iron Orchard 4) do?', v, NOW).titles).toEqual(['Salt River 7', 'Iron Orchard 4']);
    expect(parseQuestion('iron orchard 4/glass river 5', v, NOW).titles).toEqual(['Iron Orchard 4']);
    expect(parseQuestion('When does Drowning Hour open?', v, NOW).titles).toEqual(['The Drowning Hour']);
    expect(parseQuestion('the thing opened?', v, NOW).titles).toEqual(['The Thing']);
    expect(parseQuestion('how did Crimsen River 0 open?', v, NOW).titles).toEqual(['Crimson River 0']);
    expect(parseQuestion('What about Spider-Man: Homeward?', v, NOW).titles).toEqual(['Spider-Man: Homeward']);
    expect(parseQuestion('How did NOPE open?', v, NOW).titles).toEqual(['Nope']);
  });

  it('matches short titles in their own case only, as the small vocabulary does', () => {
    const v = big(['Elf']);
    expect(parseQuestion('How did Elf do?', v, NOW).titles).toEqual(['Elf']);
    expect(parseQuestion('how did elf do?', v, NOW).titles).toEqual([]);
  });
});
