// Unit tests for the analyst on real-world shapes: premiere dates, release kinds, sequels, unknown companies, the type model.
import { describe, expect, it } from 'vitest';
import { createEmbeddedAnalyst } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { buildStudioDirectory, matchStudios } from '../../../agents/analyst/embedded/studios.js';
import { predictType, tokens, typeFeatures, type TypeEvidence } from '../../../agents/analyst/embedded/type-model.js';
import { train, type Example } from '../../../agents/analyst/embedded/training/train-type-model.js';
import { EVENT_TYPES } from '../../../shared/model/event.js';

const analyst = createEmbeddedAnalyst({ competitors: [], slate: [], knownTitles: ['Glimmerglass'] });
const at = (title: string, text = '', publishedAt: string | null = '2026-06-01T12:00:00Z') => analyst.extract({ title, text, publishedAt });

describe('release dates as the labeling guide reads them', () => {
  it('a TV season premiere date is a dating, of kind tv or streaming, with its network', () => {
    const e = at("'Night Harbor' Season 2 Premieres Oct. 5 on Hulu");
    expect(e).toMatchObject({ type: 'release_dated', releaseDate: '2026-10-05', releaseKind: 'streaming', studios: ['Hulu'] });
    expect(at("'Night Harbor' Season 3 Premiere Date Set for January on Syfy")).toMatchObject({ type: 'release_dated', releaseDate: '2027-01', releaseKind: 'tv' });
  });

  it('a series dated with no company named is a streamer\'s; a UK broadcaster is a network; a streamer in the dating sentence wins', () => {
    expect(at("'Night Harbor' Season 3 Premieres in November").releaseKind).toBe('streaming');
    expect(at("Night Harbor: ITV2 series won't return until 2027").releaseKind).toBe('tv');
    const special = at("HBO Max releases teaser for 'Night Harbor' reunion", "HBO Max has released a trailer previewing the 'Night Harbor' reunion scheduled to debut on New Year's Day 2027. (CNN and HBO are part of the same group.)");
    expect(special).toMatchObject({ releaseDate: '2027-01-01', releaseKind: 'streaming' });
  });

  it('a digital or home release is dated with its kind', () => {
    const e = at("'Cold Front' Hits Digital Tomorrow", 'The thriller arrives on Premium Digital tomorrow, June 2, via Lionsgate.');
    expect(e).toMatchObject({ type: 'release_dated', releaseDate: '2026-06-02', releaseKind: 'digital' });
  });

  it('a theatrical date keeps the kind theatrical', () => {
    expect(at("Sony Sets 'Paper Comets' for March 12, 2027", 'The film opens in theaters March 12, 2027.')).toMatchObject({ releaseDate: '2027-03-12', releaseKind: 'theatrical' });
  });

  it('no kind without a date, and no date from a possessive year or a stale previous date', () => {
    expect(at("'Wild Coast' Trailer Teases the Heist").releaseKind ?? null).toBeNull();
    const e = at("Disney Debuts 'Tiana' First Look", "The musical series, which picks up from 2009's 'The Princess and the Frog,' will hit the streaming service in 2027.");
    expect(e.previousDate).toBeNull();
  });
});

describe('dates as written, with and without the story\'s time', () => {
  it('without a publication time a written year is taken as written (no vintage rule against the clock)', () => {
    expect(at("'Copper Town' Delayed Until 2021", '', null).releaseDate).toBe('2021');
    // With a time, a year long before it is a vintage, not this story's date.
    expect(at("Revisiting 'Copper Town', the 2011 thriller", '', '2026-06-01T12:00:00Z').releaseDate).toBeNull();
  });

  it('reads a year before "release date", a streamer after "heads to", formats in a list, and a show that starts on a date', () => {
    expect(at("'Copper Town' Gets 2027 Release Date").releaseDate).toBe('2027');
    expect(at("'Copper Town' Heads to Tubi June 20").releaseDate).toBe('2026-06-20');
    expect(at("'Copper Town' Lands on 4K, Blu-ray, and DVD July 28").releaseDate).toBe('2026-07-28');
    expect(at("'Night Harbor' Trailer", 'The series begins streaming on August 5.').releaseDate).toBe('2026-08-05');
    expect(at("'Night Harbor' Trailer", '"Night Harbor" starts June 27.').releaseDate).toBe('2026-06-27');
  });

  it('does not read a quoted title\'s words as cues, nor a shoot that starts as a premiere', () => {
    expect(at("'Best and Last' Trailer", "'Best and Last' will arrive in theaters on June 26.").releaseDate).toBe('2026-06-26');
    expect(at("'Copper Town' Casts Its Lead", 'Filming starts June 27 in Atlanta.').releaseDate).toBeNull();
    expect(at('Sundance 2027 Lineup Announced').releaseDate).toBeNull();
  });
});

describe('titles and dates', () => {
  it('a sequel after a known title is its own title, and the date goes to the title its sentence dates', () => {
    const e = at("'Glimmerglass' Sequel Set for November 2028", 'The studio on Tuesday dated Glimmerglass: Part Two for Nov. 22, 2028, two days after the original opened.');
    expect(e.titles[0]).toBe('Glimmerglass: Part Two');
    expect(e.releaseDate).toBe('2028-11-22');
  });
});

describe('taxonomy of the guide', () => {
  it.each([
    ["'Night Harbor' Wraps Production on Season 2", 'greenlight'],
    ["Filming Begins on 'Copper Town' in Atlanta", 'greenlight'],
    ["'Night Harbor' Season 2 Premiere Draws Series' Best Audience Yet", 'box_office'],
    ["'Copper Town' Tops Nielsen Streaming Rankings", 'box_office'],
    ['Showrunner Dana Pike Signs Overall Deal With Netflix', 'executive'],
    ["'Copper Town' Finds a New Home at Peacock", 'acquisition'],
    ["'Night Harbor' Skips Theaters, Goes Straight to Streaming", 'release_moved'],
  ])('%s -> %s', (title, type) => {
    expect(at(title).type).toBe(type);
  });
});

describe('the headline clause the type is read from', () => {
  it('reads a fan event where the news broke as its setting, not as the event ("… at D23", "… During Comic-Con")', () => {
    const read = (title: string) => analyst.explain({ title, text: '', publishedAt: '2026-06-01T12:00:00Z' }).evidence;
    expect(read("Pixar Announces 'Copper Town 2' At D23")).toMatchObject({ main: "STUDIO Announces TITLE", sub: ' At D23' });
    expect(read('Disney Unveils First Footage During This Year\'s Comic-Con').main).toBe('STUDIO Unveils First Footage');
    // The event as the subject stays in the main clause.
    expect(read('D23 Expo Will Feature a Star Wars Panel').sub).toBe('');
  });
});

describe('companies the gazetteer does not list', () => {
  it('are found by their shape in sentence-case text, not in a title-case headline', () => {
    const dir = buildStudioDirectory([]);
    expect(matchStudios("Headline Words Like Stellar Animation Are Ignored\nThe film was picked up by Sumerian Pictures and Obscured Releasing.", dir)).toEqual([
      'Sumerian Pictures',
      'Obscured Releasing',
    ]);
    expect(matchStudios('Sumerian Pictures', dir)).toEqual(['Sumerian Pictures']);
  });
});

describe('the event-type model', () => {
  const evidence = (main: string): TypeEvidence => ({
    main,
    sub: '',
    lead: '',
    ruleScores: Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as TypeEvidence['ruleScores'],
    ruleType: 'other',
    signals: [],
  });

  it('tokenizes masks, years, money and months into shared tokens', () => {
    expect(tokens('STUDIO Dates TITLE for March 2027 after $71.8M')).toEqual(['ˣstudio', 'dat', 'ˣtitle', 'for', 'ˣmonth', 'ˣyear', 'after', 'ˣmoney']);
  });

  it('trains deterministically and learns what separates two types', () => {
    const ex = (main: string, y: number): Example => ({ features: typeFeatures(evidence(main)), y, weight: 1, group: 'g' });
    const data = [
      ex('STUDIO renews TITLE', 5), ex('TITLE renewed for season', 5), ex('STUDIO renews hit TITLE', 5),
      ex('TITLE review: a triumph', 10), ex('review: TITLE is a mess', 10), ex('TITLE review', 10),
    ];
    const opt = { l2: 1e-4, epochs: 100, lr: 0.05, minCount: 1, balance: 0.5, outletCap: 0, otherOffset: 0 };
    const a = train(data, opt);
    expect(train(data, opt)).toEqual(a);
    // The offset on `other` moves its bias alone, by exactly that much.
    const shifted = train(data, { ...opt, otherOffset: 0.5 });
    const other = a.types.indexOf('other');
    expect(shifted.weights).toEqual(a.weights);
    expect(shifted.bias.map((b, j) => (j === other ? Math.round((a.bias[j]! - b) * 1e4) / 1e4 : b - a.bias[j]!))).toEqual(a.bias.map((_, j) => (j === other ? 0.5 : 0)));
    expect(predictType(a, typeFeatures(evidence('STUDIO renews TITLE again'))).type).toBe('greenlight');
    expect(predictType(a, typeFeatures(evidence('TITLE review: dull'))).type).toBe('review');
    // Feature dropout: seeded, so the same model again; another model than without it; the same separation learned.
    const dropped = train(data, { ...opt, dropout: 0.4 });
    expect(train(data, { ...opt, dropout: 0.4 })).toEqual(dropped);
    expect(dropped.weights).not.toEqual(a.weights);
    expect(predictType(dropped, typeFeatures(evidence('STUDIO renews TITLE again'))).type).toBe('greenlight');
    expect(predictType(dropped, typeFeatures(evidence('TITLE review: dull'))).type).toBe('review');
  });
});
