// Unit tests for the studio directory: aliases, workspace overrides, possessives and false friends.
import { describe, expect, it } from 'vitest';
import { buildStudioDirectory, matchStudios } from '../../../agents/analyst/embedded/studios.js';

const builtIn = buildStudioDirectory([]);

describe('matchStudios', () => {
  it.each([
    ["Lionsgate's 'Grave Tidings' Wins Halloween", ['Lionsgate']],
    ["Warner Bros.' Fantasy 'The Sable Crown'", ['Warner Bros. Pictures']],
    ['New Line Cinema and HBO Max', ['New Line Cinema', 'HBO Max']],
    ["Pixar's 'Tidepool', Searchlight and Hulu", ['Pixar', 'Searchlight Pictures', 'Hulu']],
    ['Focus Features and Universal', ['Focus Features', 'Universal Pictures']],
    ['Sony Pictures Classics acquires; Screen Gems dates', ['Sony Pictures Classics', 'Screen Gems']],
    ['Prime Video and MGM', ['Prime Video', 'Amazon MGM Studios']],
    ["Apple TV+ Orders 'Orbital'", ['Apple TV+']],
    ['Syfy, AMC and Peacock renew; Crunchyroll and BBC Studios buy', ['Syfy', 'AMC', 'Peacock', 'Crunchyroll', 'BBC Studios']],
    ['Renewed at Max; Fox Orders Drama; Sky Original from Screen Gems', ['HBO Max', 'Fox', 'Sky', 'Screen Gems']],
    ['AMC Theatres and CAA sign with Focus Features', ['Focus Features']],
    ['Paramount+ and Roadside Attractions', ['Paramount+', 'Roadside Attractions']],
    ['NEON ANNOUNCES FALL SLATE', ['Neon']],
  ])('%s', (text, expected) => {
    expect(matchStudios(text, builtIn)).toEqual(expected);
  });

  it.each([
    'The film earned universal acclaim',
    "'Paper Lanterns' Earns Universal Acclaim at Venice",
    'She shared an apple pie with the crew',
    'A Big Apple Premiere for the cast',
    'A Neon-Soaked Thriller From Celeste Arno',
    'Studio Shifts Focus to Streaming',
    'Captain Marvel Returns to Theaters',
    'Legendary Director Hal Whitman Dies at 88',
    'Jean-Luc Godard: Legendary French film director dies at 91',
    'Production begins next month in British Columbia',
    'A Documentary About the Amazon Rainforest',
    'In the 20th Century the studio system ruled',
    'Megan Fox and Michael J. Fox Join the Cast',
    'Mad Max Returns With Max Minghella Directing',
    'The Sky Is the Limit for History Makers',
    'A Lifetime Achievement Award for the Director',
  ])('does not take the everyday word for a studio: %s', (text) => {
    expect(matchStudios(text, builtIn)).toEqual([]);
  });

  it('takes the studio sense of the same words when they name the company', () => {
    expect(matchStudios('Universal Moves Up Its Holiday Release', builtIn)).toEqual(['Universal Pictures']);
    expect(matchStudios('Focus Sets Awards-Season Date', builtIn)).toEqual(['Focus Features']);
    expect(matchStudios('Apple Buys Western in Package Deal', builtIn)).toEqual(['Apple TV+']);
    expect(matchStudios('Legendary Acquires Rights to Monster Novel', builtIn)).toEqual(['Legendary Entertainment']);
  });

  it('counts a weak alias only when the studio is named in full elsewhere', () => {
    expect(matchStudios("Angel Studios dated the film; Angel's Guild voted", builtIn)).toEqual(['Angel Studios']);
    expect(matchStudios("Angel's Guild voted for it", builtIn)).toEqual([]);
  });

  it('lets workspace competitors add aliases and override the built-in canonical name', () => {
    const dir = buildStudioDirectory([
      { name: 'Harbor Light Pictures', aliases: ['Harbor Light'] },
      { name: 'Disney', aliases: ['Walt Disney Studios'] },
    ]);
    expect(matchStudios("Harbor Light Adds Odessa Lark to 'The Lantern Keeper'", dir)).toEqual(['Harbor Light Pictures']);
    // The workspace's "Disney" absorbs the built-in entry: its labels and streamers report as "Disney", and as themselves.
    expect(matchStudios('Pixar and Hulu', dir)).toEqual(['Disney', 'Pixar', 'Hulu']);
    expect(matchStudios('Walt Disney Studios', dir)).toEqual(['Disney']);
    expect(matchStudios('Harbor Lights is a crime series', dir)).toEqual([]);
  });

  it('lets a competitor claim the companies under it in the gazetteer, a more specific competitor first', () => {
    const dir = buildStudioDirectory([
      { name: 'Universal Pictures', aliases: ['Universal'] },
      { name: 'Focus Features', aliases: [] },
    ]);
    expect(matchStudios('Peacock, Syfy and DreamWorks Animation', dir)).toEqual(['Universal Pictures', 'Peacock', 'Syfy', 'DreamWorks Animation']);
    expect(matchStudios('Focus Features and Searchlight', dir)).toEqual(['Focus Features', 'Searchlight Pictures']);
  });

  it('skips masked spans such as quoted titles', () => {
    const text = "Prime Video Greenlights 'Universal Soldier' Reboot";
    const start = text.indexOf("'");
    expect(matchStudios(text, builtIn, [[start, text.length - ' Reboot'.length]])).toEqual(['Prime Video']);
  });
});

describe('workspace aliases that differ only in case', () => {
  it('an all-caps alias ("NEON") does not lock out the ordinary spelling of the name', () => {
    const dir = buildStudioDirectory([{ name: 'Neon', aliases: ['NEON', 'Neon Rated'] }]);
    expect(matchStudios("Neon Sets Christmas Day Release for 'The Quiet Coast'", dir)).toEqual(['Neon']);
    expect(matchStudios('NEON ACQUIRES VENICE DRAMA', dir)).toEqual(['Neon']);
    expect(matchStudios('the neon lights of Tokyo', dir)).toEqual([]);
  });
});
