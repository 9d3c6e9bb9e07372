// Unit tests for title extraction: quoted titles, known titles, sequels, credits and quoted speech.
import { describe, expect, it } from 'vitest';
import { buildKnownTitles, extractTitles, findCapsTitles, findCueTitles, findQuotedTitles } from '../../../agents/analyst/embedded/titles.js';
import { normalizeText } from '../../../agents/analyst/embedded/text.js';

const quoted = (s: string): string[] => findQuotedTitles(normalizeText(s)).filter((t) => !t.credit).map((t) => t.title);
const none = buildKnownTitles([]);

describe('findQuotedTitles', () => {
  it.each([
    ["'Signal Fire 2' Gets July 2027 Release Date", ['Signal Fire 2']],
    ["Marvel Delays 'Starbreaker: Ascendant' to May 2028", ['Starbreaker: Ascendant']],
    ["'The Shepherd's Road' Crosses $50M", ["The Shepherd's Road"]],
    ["Julian Ashcombe in Talks to Star in Warner Bros.' Fantasy 'The Sable Crown'", ['The Sable Crown']],
    ['‘Tidepool’ Opens To $18.2M Wednesday', ['Tidepool']],
    ['Universal on Tuesday moved “Skyward Sprocket” to Dec. 11.', ['Skyward Sprocket']],
    ["Cannes Lineup: 'The Salt Widow', 'Tender Machines', 'Blue Hour Motel' in Competition", ['The Salt Widow', 'Tender Machines', 'Blue Hour Motel']],
    ["Gotham Nominations Boost 'Velvet Hours,' 'Saltwater Saints'", ['Velvet Hours', 'Saltwater Saints']],
    ["the '90s hit 'Night Drop' returns", ['Night Drop']],
  ])('%s', (text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it.each([
    "Holloway said 'we are thrilled to be part of this' on Monday.",
    '"Two PG event movies on the same Friday is one too many," said one executive.',
    "The teaser features the original song 'Light the Way'.",
  ])('does not take quoted speech or a song for a title: %s', (text) => {
    expect(quoted(text)).toEqual([]);
  });

  it('reads double quotes as speech in a headline that single-quotes its titles (trade style)', () => {
    expect(quoted(`Dana Pike “Vowed” Not To Work With Him — Until Casting ‘Margo’s Got Money Troubles’: “Could Only See One Person”`)).toEqual(["Margo's Got Money Troubles"]);
    // Without a single-quoted title the double quotes are titles, as in most non-trade headlines; in the body too.
    expect(quoted('Dana Pike Joins “Copper Town”')).toEqual(['Copper Town']);
    const doc = `${normalizeText("Dana Pike Joins 'Copper Town'")}\n${normalizeText('Its rival “Night Harbor” opens Friday.')}`;
    expect(findQuotedTitles(doc).map((t) => t.title)).toEqual(['Copper Town', 'Night Harbor']);
  });

  it('finds the title inside a quoted statement', () => {
    expect(quoted(`Harbor Light CEO Dana Whitcombe: "We're Not Moving 'The Lantern Keeper'"`)).toEqual(['The Lantern Keeper']);
  });

  it('marks filmography credits', () => {
    const found = findQuotedTitles("Nadia Fenn ('Night Drop', 'Cold Harbor') Joins 'Kingfisher'");
    expect(found.map((t) => [t.title, t.credit])).toEqual([['Night Drop', 'strong'], ['Cold Harbor', 'strong'], ['Kingfisher', false]]);
  });
});

describe('extractTitles', () => {
  it('drops a credit title and a campaign name, keeps the project', () => {
    expect(extractTitles("'Lowland' Star Niamh Carr Joins 'The Weight of Water'", none).titles).toEqual(['The Weight of Water']);
    expect(extractTitles("Angel Studios Launches 'Pay It Forward' Ticket Campaign for 'The Shepherd's Road'", none).titles).toEqual(["The Shepherd's Road"]);
  });

  it('matches known titles unquoted, in capitals, with a sequel number and without a leading "The"', () => {
    const known = buildKnownTitles(['Glimmerglass', 'The Lantern Keeper', 'Iron Meridian']);
    const text = "Universal Dates 'Glimmerglass 2'\nGlimmerglass 2 follows Glimmerglass. IRON MERIDIAN opens against Harbor Light's Lantern Keeper.";
    expect(extractTitles(text, known).titles).toEqual(['Glimmerglass 2', 'Glimmerglass', 'Iron Meridian', 'The Lantern Keeper']);
  });

  it('does not match a known title written in lowercase as an ordinary phrase', () => {
    expect(extractTitles('Nobody pulls the long con anymore', buildKnownTitles(['The Long Con'])).titles).toEqual([]);
  });
});

describe('findCapsTitles', () => {
  it('reads press-release capitals in mixed-case text and skips all-caps lines and datelines', () => {
    const text = 'LIONSGATE SETS IRON MERIDIAN FOR JANUARY 22, 2027\nSANTA MONICA, CA (November 19, 2026) - Lionsgate said today that IRON MERIDIAN will open in IMAX.';
    expect(findCapsTitles(text).map((t) => t.title)).toEqual(['Iron Meridian']);
    expect(findCapsTitles('First Look: THE DROWNING HOUR').map((t) => t.title)).toEqual(['The Drowning Hour']);
  });
});

describe('findCueTitles: unquoted titles before "Season N" in a headline', () => {
  const cue = (s: string): string[] => findCueTitles(normalizeText(s)).map((t) => t.title);
  it.each([
    ['Loki Season 2 Hits Disney Plus This October, Echo To Premiere Full Season In November', ['Loki']],
    ["Netflix's Arcane Season 2 Gets 2024 Release Date", ['Arcane']],
    ['House Of The Dragon Season 2 Gets Release Window', ['House Of The Dragon']],
    ['The Last Of Us Season 2 Confirmed For 2025 Release', ['The Last Of Us']],
    ['A Knight Of The Seven Kingdoms Season 2 Starts Filming', ['A Knight Of The Seven Kingdoms']],
    ['Ted Lasso Season 3, Which Could Be Its Last, Gets First Image', ['Ted Lasso']],
    ['Review: The Last of Us Season 2 is great', []],
    // Not the headline's subject: the run does not reach its start, a possessive or a company.
    ['HBO Is Making The Jinx Season 2, Coming Next Year', []],
    ["'The White Lotus' Cast: See Who's Checking in for Season 4", []],
    // A company is no title; a quoted title is found by the quote finder, not here.
    ['Netflix Season 2 Slate Revealed', []],
    ["'Harley Quinn' Season 3 Premieres July 28 on HBO Max", []],
  ])('%s', (headline, expected) => {
    expect(cue(headline)).toEqual(expected);
  });

  it('reads the headline only, and extractTitles adds what it finds to the quoted and known titles', () => {
    expect(cue('A headline with nothing\nLoki Season 2 arrives in October.')).toEqual([]);
    const r = extractTitles(normalizeText("Netflix's Arcane Season 2 Gets 2024 Release Date\nThe animated 'Arcane' returns."), none);
    expect(r.titles).toEqual(['Arcane']);
  });
});
