// Unit tests for release-date extraction: forward-year inference, "from X to Y", seasons, holidays, calendar removals.
import { describe, expect, it } from 'vitest';
import { extractReleaseDates, findDateMentions, inferYear } from '../../../agents/analyst/embedded/dates.js';
import { splitSentences } from '../../../agents/analyst/embedded/text.js';

const at = (iso: string): Date => new Date(iso);
const read = (headline: string, body: string, published: string) =>
  extractReleaseDates(headline, splitSentences(body), at(published));

describe('inferYear', () => {
  it('keeps a later date in the reference year and rolls an earlier one to the next year', () => {
    expect(inferYear(at('2026-11-17T00:00:00Z'), 12, 11)).toBe(2026);
    expect(inferYear(at('2026-11-17T00:00:00Z'), 1, 22)).toBe(2027);
    expect(inferYear(at('2026-11-17T00:00:00Z'), 11, 13)).toBe(2026); // within a week before: same year
    expect(inferYear(at('2026-11-17T00:00:00Z'), 3)).toBe(2027);
  });
});

describe('extractReleaseDates', () => {
  it('reads "moves up two weeks to Dec. 11" with the year inferred forward', () => {
    const r = read("Universal Moves 'Skyward Sprocket' Up Two Weeks to Dec. 11", '', '2026-11-17T18:00:00Z');
    expect(r.releaseDate).toBe('2026-12-11');
    expect(r.releaseIn).toBe('headline');
  });

  it('infers the next year for a January date read in November', () => {
    const r = read("Harbor Light Shifts 'Deadfall Protocol' to Feb. 5", '', '2026-12-02T17:00:00Z');
    expect(r.releaseDate).toBe('2027-02-05');
  });

  it('reads a move body worded with "pushing", "had planned to release" and "slated for release this November"', () => {
    expect(read("'Harbor Lights' Bumped a Week", 'Focus is pushing the film back one week to Friday, Nov. 20.', '2026-03-03T00:00:00Z').releaseDate).toBe('2026-11-20');
    expect(read("'Harbor Lights' Delayed Until 2027", 'Disney had planned to release the film on Nov. 6, 2026.', '2026-03-03T00:00:00Z')).toMatchObject({ releaseDate: '2027', previousDate: '2026-11-06' });
    expect(read("'Harbor Lights' Pushed to 2027", 'The film had been slated for release this November.', '2026-05-10T00:00:00Z')).toMatchObject({ releaseDate: '2027', previousDate: '2026-11' });
  });

  it('reads "will release … beginning in October" as the new date', () => {
    expect(read("'Harbor Lights' Part Two Trailer", 'HBO will release a six-part follow up to the series beginning in October.', '2026-08-30T00:00:00Z').releaseDate).toBe('2026-10');
  });

  it('reads "for March 12, 2027" with its explicit year', () => {
    expect(read("Sony Sets 'Paper Comets' for March 12, 2027", '', '2026-06-02T00:00:00Z').releaseDate).toBe('2027-03-12');
  });

  it('splits "from Nov. 6 to Dec. 4" into previous and new dates', () => {
    const r = read("Amazon MGM Bumps 'The Long Con'", 'Amazon MGM Studios moved the comedy from Nov. 6 to Dec. 4.', '2026-06-30T00:00:00Z');
    expect(r).toMatchObject({ releaseDate: '2026-12-04', previousDate: '2026-11-06' });
  });

  it('reads "from Christmas Day to Friday, December 11, 2026"', () => {
    const r = read("Universal Moves 'Skyward Sprocket'", 'The studio is moving it from Christmas Day to Friday, December 11, 2026.', '2026-11-17T00:00:00Z');
    expect(r).toMatchObject({ releaseDate: '2026-12-11', previousDate: '2026-12-25' });
  });

  it('gives "pushed to 2027" as a year and finds the old date in "had been set for"', () => {
    const r = read("Warner Bros. Pushes 'Wolf Moon Rising' to 2027", 'The werewolf pic had been set for October 30.', '2026-08-27T00:00:00Z');
    expect(r).toMatchObject({ releaseDate: '2027', previousDate: '2026-10-30' });
  });

  it('gives a season as its year, not a month: "summer 2027" is "2027"', () => {
    expect(read("'Velvet Static' Dated for Summer 2027", '', '2026-09-14T00:00:00Z').releaseDate).toBe('2027');
    expect(read("Bleecker Street Lands 'Late Bloomers'", 'It will release the film in theaters next spring.', '2026-09-15T00:00:00Z').releaseDate).toBe('2027');
  });

  it('refines a month from the headline with an agreeing day from the body', () => {
    const r = read("Marvel Studios Delays 'Starbreaker: Ascendant' to May 2028", 'The sequel will now open May 26, 2028. It had been dated for Nov. 5, 2027.', '2026-12-01T00:00:00Z');
    expect(r).toMatchObject({ releaseDate: '2028-05-26', previousDate: '2027-11-05' });
  });

  it('marks "off the calendar" as undated with no new date and keeps the date it left', () => {
    const r = read("Paramount Takes 'Signal Fire 2' Off the Calendar", 'Paramount has removed Signal Fire 2 from its July 30 date.', '2027-01-12T00:00:00Z');
    expect(r).toMatchObject({ releaseDate: null, previousDate: '2027-07-30', undated: true });
  });

  it('ignores dates that are not release dates: past openings, shoots, event dates, datelines', () => {
    expect(read("'Red Canyon Run' Holds", 'The film has grossed $40M since opening October 23.', '2026-11-01T00:00:00Z').releaseDate).toBeNull();
    expect(read('CinemaCon 2027 Dates Set for April in Las Vegas', 'The convention will run April 12-15.', '2026-06-17T00:00:00Z').releaseDate).toBeNull();
    expect(read("Neon's 'X' Adds Cast", 'The noir adds three actors ahead of a March shoot.', '2026-01-10T00:00:00Z').releaseDate).toBeNull();
    expect(read('Sundance 2027 Lineup Includes 12 Titles', 'Sundance announced 112 features for its January edition.', '2026-12-09T00:00:00Z').releaseDate).toBeNull();
  });

  it('finds month-day, month-year, season and holiday phrases in one sentence', () => {
    const found = findDateMentions('It opens Wednesday, Nov. 25 and the sequel in summer 2027, then Christmas 2028 or March 2029.', at('2026-08-11T00:00:00Z'));
    expect(found.map((m) => m.date)).toEqual(['2026-11-25', '2027', '2028-12-25', '2029-03']);
  });

  it('reads a month misspelled by one letter and a day written alone', () => {
    expect(read("Harbor Light Moves Up 'Quiet Hours'", 'The thriller has moved up its release date to Febuary 2028.', '2027-05-02T00:00:00Z').releaseDate).toBe('2028-02');
    expect(read("Netflix Drops Trailer for 'Lantern Bay'", 'It debuts on the 18th.', '2027-03-10T00:00:00Z').releaseDate).toBe('2027-03-18');
    expect(read("Netflix Drops Trailer for 'Lantern Bay'", 'It debuts on the 2nd.', '2027-03-28T00:00:00Z').releaseDate).toBe('2027-04-02');
    expect(read("'Lantern Bay' Celebrates Its 25th Anniversary", 'Fans gather on the 25th of June.', '2027-03-10T00:00:00Z').releaseDate).toBeNull();
  });

  it('reads a possessive year or month as the date of the release it names, not of a record', () => {
    expect(read("'Iron Tide' Adds 'Ridge' Star", "2028's 'Iron Tide' adds a villain.", '2027-03-12T00:00:00Z').releaseDate).toBe('2028');
    expect(read("'Iron Tide' Clip", "An action-packed clip from next month's martial arts thriller.", '2027-03-12T00:00:00Z').releaseDate).toBe('2027-04');
    expect(read("'Iron Tide' Opens Big", "It earned 2027's biggest opening weekend so far.", '2027-05-12T00:00:00Z').releaseDate).toBeNull();
  });

  it('finds the date a plan changed from several words after "originally" and a run that starts "from" a date', () => {
    const r = read("Apex Moves 'Low Orbit' Up a Week", 'The film, originally headed for cinemas on 23 June 2028, will now show in cinemas from 16 June.', '2027-12-01T00:00:00Z');
    expect(r).toMatchObject({ releaseDate: '2028-06-16', previousDate: '2028-06-23' });
    expect(read("Apex Delays 'Low Orbit' to 2029", "It is being pushed back from its initial November 2028 release.", '2028-05-01T00:00:00Z').previousDate).toBe('2028-11');
  });

  it('leaves festival, awards-show and trailer dates out, but not a release after a festival premiere', () => {
    expect(read("'Wire Garden' Trailer", 'The comedy will premiere at SXSW in Texas next month before opening in theaters on April 24.', '2027-02-18T00:00:00Z').releaseDate).toBe('2027-04-24');
    expect(read("'Wire Garden' Dated for 2027", 'A teaser trailer is now due to debut on May 6.', '2027-05-01T00:00:00Z').releaseDate).toBe('2027');
    expect(read("'Wire Garden' Premieres at Venice & Debuts September 28 on Netflix", '', '2027-08-01T00:00:00Z').releaseDate).toBe('2027-09-28');
    expect(read("'Wire Garden' to Open the 2027 Lakeside Film Festival", '', '2027-08-01T00:00:00Z').releaseDate).toBeNull();
  });

  it('reads a story without a publication time in the year it writes elsewhere, and a year-less date in none', () => {
    const undated = (headline: string, body: string) => extractReleaseDates(headline, splitSentences(body), at('2030-06-01T00:00:00Z'), { timeKnown: false });
    expect(undated("'Marsh Light' Delayed Until December", 'The studio delayed the release until December 10th, 2012.').releaseDate).toBe('2012-12-10');
    expect(undated("'Marsh Light' Banner", "With Valentine's Day 2015 near, it opens on Friday, Feb. 13.").releaseDate).toBe('2015-02-13');
    // No year written anywhere: a year-less date has no year to take, and dates nothing (the labeling guide's rule).
    expect(undated("Neon Sets 'X Y' for Jan. 8", '').releaseDate).toBeNull();
    expect(undated("Neon Sets 'X Y' for 2031", 'It opens Jan. 8.').releaseDate).toBe('2031-01-08');
    // The clock's own year counts too: read in December 2026, "Brendan Fraser's 2026 … Epic … July 28" is July 2026.
    const december = (headline: string, body: string) => extractReleaseDates(headline, splitSentences(body), at('2026-12-05T00:00:00Z'), { timeKnown: false });
    expect(december("'Marsh Light' Star's 2026 War Epic Has Already Set a New Release Date", 'The thriller lands on 4K, Blu-ray, and DVD July 28, just weeks after its digital release.').releaseDate).toBe('2026-07-28');
    expect(december("'Marsh Light' Gets Streaming Date", 'The thriller will hit streaming in April.').releaseDate).toBeNull();
  });

  it('reads "will release … beginning in October" as ahead, and a capitalized "Born" as part of a title', () => {
    expect(read("'Cold Harbor' Trailer", 'HBO will release a six-part follow-up beginning in October.', '2027-08-30T00:00:00Z').releaseDate).toBe('2027-10');
    expect(read('Daredevil: Born Again Coming to Disney+ in 2028', '', '2027-07-24T00:00:00Z').releaseDate).toBe('2028');
    expect(read("'Cold Harbor' Star Dies", 'The actor, born in 1961, died on Tuesday.', '2027-07-24T00:00:00Z').releaseDate).toBeNull();
  });

  it('reads "tomorrow", "tonight" and a weekday right after a release verb, not a weekend that "arrives Friday"', () => {
    expect(read("'Cold Harbor' Hits Digital Tomorrow", '', '2027-01-26T18:00:00Z').releaseDate).toBe('2027-01-27');
    expect(read("'Cold Harbor' Clip", 'The thriller lands in theaters this Friday.', '2027-02-10T12:00:00Z').releaseDate).toBe('2027-02-12');
    expect(read("'Cold Harbor' Preview", 'The first big weekend of the box office arrives Friday with three movies.', '2027-02-10T12:00:00Z').releaseDate).toBeNull();
    expect(read("Netflix Sets 'Cold Harbor'", 'Netflix said on Monday that it set the series.', '2027-02-10T12:00:00Z').releaseDate).toBeNull();
  });

  it('does not read a holiday that "lands on Saturday" or a shoot that "begins in early 2028" as a release', () => {
    expect(read("Weekend Report: 'Cold Harbor' Leads as Halloween Lands on Saturday", '', '2027-11-01T18:00:00Z').releaseDate).toBeNull();
    expect(read("'Cold Harbor' Ordered to Series", 'Production begins in Philadelphia in early 2028.', '2027-10-20T00:00:00Z').releaseDate).toBeNull();
    expect(read("HBO Sets 'Cold Harbor' Return", 'And this year it gets closer on April 6, when Season 4 begins.', '2027-01-09T00:00:00Z').releaseDate).toBe('2027-04-06');
  });
  it('reads weeks and counted months from the story\'s time, as the month they fall in; never against the clock', () => {
    expect(read("'Cold Harbor' Officially Releases On Streaming Next Week", '', '2026-07-28T12:00:00Z').releaseDate).toBe('2026-08');
    expect(read("'Cold Harbor' Comes to Digital This Week", '', '2026-05-18T12:00:00Z').releaseDate).toBe('2026-05');
    expect(read("'Cold Harbor' Returns To Hulu In 1 Month With First Images", '', '2026-07-29T12:00:00Z').releaseDate).toBe('2026-08');
    expect(read("'Cold Harbor' Gets Digital Date", 'The thriller is headed to digital at the end of the month.', '2026-03-24T12:00:00Z').releaseDate).toBe('2026-03');
    expect(read("'Cold Harbor' Gets Netflix Release Date", 'The thriller will land on Netflix next month.', '2026-02-23T12:00:00Z').releaseDate).toBe('2026-03');
    // Without a publication time, "this week" dates nothing.
    expect(extractReleaseDates("'Cold Harbor' Opens This Week", [], at('2026-12-01T00:00:00Z'), { timeKnown: false }).releaseDate).toBeNull();
  });

  it('reads a title arriving on a service ("joins", "hits"), and not one leaving it or a premiere already past', () => {
    expect(read("'Cold Harbor' Finds New Streaming Home", 'The sequel joins Prime Video in August.', '2026-08-02T12:00:00Z').releaseDate).toBe('2026-08');
    expect(read("'Cold Harbor' Confirms Streaming Release Date", 'The reboot hits Paramount+ in September.', '2026-08-19T12:00:00Z').releaseDate).toBe('2026-09');
    expect(read("'Cold Harbor' Leaves Streaming May 1", '', '2026-04-26T12:00:00Z').releaseDate).toBeNull();
    expect(read("'Cold Harbor' Reaches #1 on Streaming", "Following a two-episode premiere on May 15, the show is a hit.", '2026-05-18T12:00:00Z').releaseDate).toBeNull();
    expect(read("'Cold Harbor' Tops the Chart", 'The thriller hit Netflix this month and leads the chart.', '2026-03-26T12:00:00Z').releaseDate).toBeNull();
  });

  it('reads "from X to Y" as a run when nothing moves, as a move when something does', () => {
    expect(read("'Cold Harbor' Returns to Theaters", 'Fathom will re-release the classic for one week from September 14 to the 21st.', '2026-05-18T12:00:00Z')).toMatchObject({ releaseDate: '2026-09-14', previousDate: null });
    expect(read("'Cold Harbor' Gets New Release Date", 'Focus decided to push the opening up from October 25th to August 23rd.', '2026-03-21T12:00:00Z')).toMatchObject({ releaseDate: '2026-08-23', previousDate: '2026-10-25' });
    expect(read("'Cold Harbor' Is Releasing Early", 'It is releasing earlier than its planned November dates.', '2026-08-04T12:00:00Z')).toMatchObject({ releaseDate: null, previousDate: '2026-11' });
  });

  it('reads a year ahead that names the release ("2027 sci-fi", "2026 Disney+ Release Date"), not a year already over', () => {
    expect(read("Selena Gomez's 2027 Alien Sci-Fi 'Cold Harbor' Gets First Official Look", '', '2026-06-22T12:00:00Z').releaseDate).toBe('2027');
    expect(read("Marvel's 'Cold Harbor' Series Gets Official 2026 Disney+ Release Date", '', '2026-05-12T12:00:00Z').releaseDate).toBe('2026');
    expect(read("'Cold Harbor' Could Be Delayed", "The update may indicate the film could be delayed from its 2029 release.", '2026-05-15T12:00:00Z')).toMatchObject({ releaseDate: null, previousDate: '2029' });
    expect(read("Marvel Returning To Comic-Con", 'Marvel Studios will return after it decided to skip the festivities in 2025.', '2026-04-20T12:00:00Z').releaseDate).toBeNull();
  });
  it('reads a run that starts on a date, a qualified month after its cue, a date that opens the sentence, and days counted', () => {
    expect(read("'Cold Harbor' Finale in Theaters", 'Prime Video is bringing the finale to theaters starting on May 19.', '2026-05-05T12:00:00Z').releaseDate).toBe('2026-05-19');
    expect(read("'Cold Harbor' Returns", "The thriller is coming back to Paramount+ in early August, and it's great.", '2026-07-09T12:00:00Z').releaseDate).toBe('2026-08');
    expect(read("'Cold Harbor' Trailer", 'This summer, Hulu will debut a gritty new thriller.', '2026-06-25T12:00:00Z').releaseDate).toBe('2026');
    expect(read("'Cold Harbor' Returns in 3 Days", '', '2026-07-14T12:00:00Z').releaseDate).toBe('2026-07-17');
    expect(read("Netflix's Most Unsettling Series 'Cold Harbor' Returns In Less Than 1 Month", '', '2026-08-21T12:00:00Z').releaseDate).toBe('2026-09');
    // A superlative that is a record, and a date followed by "had" that is not a plan that changed.
    expect(read("'Cold Harbor' Box Office", 'It earns the best debut for the genre in 2026.', '2026-05-30T12:00:00Z').releaseDate).toBeNull();
    expect(read("'Cold Harbor' Spinoff Greenlit", "The show premiering on CBS in the fall of 2026 had an uncertain journey.", '2026-05-03T12:00:00Z')).toMatchObject({ releaseDate: '2026', previousDate: null });
  });
  it('reads a festival screening as not the release, and "tomorrow\'s release", shelves and a service before "premiere" as the release', () => {
    expect(read("'Cold Harbor' Details", 'The thriller is set to premiere this month at Cannes before hitting theaters in July.', '2026-05-07T12:00:00Z').releaseDate).toBe('2026-07');
    expect(read("'Cold Harbor' First Reactions Emerge Before Tomorrow's Release", '', '2026-03-31T12:00:00Z').releaseDate).toBe('2026-04-01');
    expect(read("'Cold Harbor' Getting New Release", "A new limited-edition 4K Blu-ray of 'Cold Harbor' will hit shelves in October.", '2026-08-07T12:00:00Z').releaseDate).toBe('2026-10');
    expect(read("'Cold Harbor' Final Trailer", "Lucasfilm released a final trailer ahead of its August 5 Disney+ premiere.", '2026-08-03T12:00:00Z').releaseDate).toBe('2026-08-05');
  });
  it('reads slotting and targeting verbs, "goes digital", a date after a colon, and a move\'s year-less new date near the old one', () => {
    expect(read("Lionsgate Slots 'Cold Harbor' for Sept. 26, 2025", '', '2024-05-15T12:00:00Z').releaseDate).toBe('2025-09-26');
    expect(read("'Cold Harbor' Sequel Targeted for Summer 2027", '', '2024-05-15T12:00:00Z').releaseDate).toBe('2027');
    expect(read("'Cold Harbor' Goes Digital Dec. 24", '', '2024-11-30T12:00:00Z').releaseDate).toBe('2024-12-24');
    expect(read("'Cold Harbor' Sets Digital, Blu-ray Release: Oct. 1 and Oct. 22", '', '2024-08-20T12:00:00Z').releaseDate).toBe('2024-10-01');
    expect(read("'Cold Harbor' Streaming Date on Disney+ Revealed: Sept. 25", '', '2024-08-20T12:00:00Z').releaseDate).toBe('2024-09-25');
    // A trailer's date after a colon is not the release.
    expect(read("'Cold Harbor' Trailer Release: May 6", '', '2024-04-20T12:00:00Z').releaseDate).toBeNull();
    expect(read("'Cold Harbor' Moves From March 2025 Release to June", '', '2024-05-15T12:00:00Z')).toMatchObject({ releaseDate: '2025-06', previousDate: '2025-03' });
    expect(read("'Cold Harbor' Moves Up From January 2026 to December", '', '2024-05-15T12:00:00Z')).toMatchObject({ releaseDate: '2025-12', previousDate: '2026-01' });
    expect(read("'Cold Harbor' Gets Earlier Date", 'The sequel will now hit theaters on July 31, 2026, a week earlier than its previous Aug. 7 date.', '2024-08-15T12:00:00Z')).toMatchObject({ releaseDate: '2026-07-31', previousDate: '2026-08-07' });
    expect(read("'Cold Harbor' Delayed", 'The film has been delayed to 2026 from its previously announced summer 2025 date.', '2024-08-15T12:00:00Z')).toMatchObject({ releaseDate: '2026', previousDate: '2025' });
    expect(read("'Cold Harbor' Delayed", 'The horror film, once dated for Halloween, now arrives in early 2026.', '2024-08-15T12:00:00Z')).toMatchObject({ releaseDate: '2026', previousDate: '2024-10-31' });
    expect(read("'Cold Harbor' Will No Longer Release in 2025", '', '2024-08-15T12:00:00Z')).toMatchObject({ releaseDate: null, previousDate: '2025' });
    expect(read("'Cold Harbor' Review", "'Cold Harbor' opens in select theaters Friday.", '2024-08-15T12:00:00Z').releaseDate).toBe('2024-08-16');
  });

  it('reads a new date said as a shift of the old one ("one week earlier", "pushed back two weeks", "by a month")', () => {
    expect(read("'Cold Harbor' Releasing One Week Earlier Than Planned", 'Originally set for release on March 27, the film now opens sooner.', '2025-01-15T12:00:00Z')).toMatchObject({ releaseDate: '2025-03-20', previousDate: '2025-03-27' });
    expect(read("'Cold Harbor' Pushed Back Two Weeks", 'The thriller had been set for March 27.', '2025-01-15T12:00:00Z')).toMatchObject({ releaseDate: '2025-04-10', previousDate: '2025-03-27' });
    expect(read("Sony Delays 'Cold Harbor' by a Month", 'The thriller had been set for Jan. 31.', '2025-01-15T12:00:00Z')).toMatchObject({ releaseDate: '2025-02-28', previousDate: '2025-01-31' });
    expect(read("'Cold Harbor' Delayed One Month", 'The film was originally slated for March 2025.', '2025-01-15T12:00:00Z')).toMatchObject({ releaseDate: '2025-04', previousDate: '2025-03' });
    // A stated new date wins over the arithmetic; a month moved "a week" lands in no month the story says.
    expect(read("'Cold Harbor' Moves to March 21, a Week Earlier", 'It was set for March 27.', '2025-01-15T12:00:00Z')).toMatchObject({ releaseDate: '2025-03-21', previousDate: '2025-03-27' });
    expect(read("'Cold Harbor' Moves Up a Week", 'It was set for March.', '2025-01-15T12:00:00Z')).toMatchObject({ releaseDate: null, previousDate: '2025-03' });
  });

  it('reads "is out", ", out Aug. 3,", "hits the big screen" and "kicks off" as a release, and "moves off" still as the old date', () => {
    expect(read("'Cold Harbor' Trailer Is Here", 'The movie is out Aug. 3.', '2024-05-15T12:00:00Z').releaseDate).toBe('2024-08-03');
    expect(read("'Cold Harbor' Trailer Is Here", 'Cold Harbor, out Aug. 3, stars Ann Doe.', '2024-05-15T12:00:00Z').releaseDate).toBe('2024-08-03');
    expect(read("'Cold Harbor' Trailer Is Here", 'Cold Harbor hits the big screen on Aug. 3.', '2024-05-15T12:00:00Z').releaseDate).toBe('2024-08-03');
    expect(read("'Cold Harbor' Trailer Is Here", 'Season 2 kicks off Aug. 3 on Starz.', '2024-05-15T12:00:00Z')).toMatchObject({ releaseDate: '2024-08-03', previousDate: null });
    expect(read("'Cold Harbor' Moves Off Aug. 3 Date", '', '2024-05-15T12:00:00Z')).toMatchObject({ releaseDate: null, previousDate: '2024-08-03' });
    expect(read("'Cold Harbor' Star Speaks Out", 'She spoke out on Aug. 3 about the shoot.', '2024-05-15T12:00:00Z').releaseDate).toBeNull();
  });

  it('reads a run that starts on a date after "in the U.S." (the abbreviation ends no clause)', () => {
    expect(read("'Doctor Who' Lands New U.S. Streaming Home on AMC+ in June 2026", 'The show is moving to AMC+ in the U.S. starting June 11, 2026, with 13 seasons.', '2026-05-15T12:00:00Z').releaseDate).toBe('2026-06-11');
  });

  it('reads the release a move drops ("will delay April release", "scraps its March 3 premiere") as the old date, and a reopening as no release', () => {
    expect(read('Cold Harbor pushed back to November', 'The studio will delay April release amid the outbreak.', '2020-03-04T12:00:00Z')).toMatchObject({ releaseDate: '2020-11', previousDate: '2020-04' });
    expect(read("Netflix Scraps 'Cold Harbor' Premiere", 'The streamer scraps its March 3 premiere.', '2025-01-15T12:00:00Z')).toMatchObject({ releaseDate: null, previousDate: '2025-03-03' });
    // A cinema's reopening is no release; the title's release in the same sentence is.
    expect(read('UK cinemas lobbying government for June reopening', 'The association aims to resume business before July release of Cold Harbor.', '2020-05-06T12:00:00Z').releaseDate).toBe('2020-07');
    // "won't be here until": the date it comes back.
    expect(read('The Witcher’s third season won’t be here until summer 2023', '', '2022-06-01T12:00:00Z').releaseDate).toBe('2023');
    expect(read('The exhibit runs until June 5', '', '2022-06-01T12:00:00Z').releaseDate).toBeNull();
    // A date the delay moves to is the new one.
    expect(read("'Cold Harbor' Delayed", 'The studio delays the release to April 3.', '2025-01-15T12:00:00Z').releaseDate).toBe('2025-04-03');
  });

  it('reads the date a title is announced with ("Announced With Fall 2024 Release Date"), not when it was announced', () => {
    expect(read("'Cold Harbor 2' Announced With Fall 2024 Release Date", '', '2023-12-12T01:00:00Z').releaseDate).toBe('2024');
    expect(read("'Cold Harbor 2' Announced With October 2024 Release Date", '', '2023-12-12T01:00:00Z').releaseDate).toBe('2024-10');
    expect(read("'Cold Harbor 2' Announced in October", 'The sequel was announced in October 2023.', '2023-12-12T01:00:00Z').releaseDate).toBeNull();
  });

  it('gives a year-less date of a move the year the story already dated it to ("to next year" … "to Oct. 1", read on Oct. 6)', () => {
    const r = read("'Cold Harbor' pushed back", 'The epic joins the releases postponed from this fall to next year. The studio has pushed it from Dec. 18 to Oct. 1.', '2020-10-06T00:00:00Z');
    expect(r).toMatchObject({ releaseDate: '2021-10-01', previousDate: '2020-12-18' });
  });

  it('reads "streams today", "coming to Disney Plus and digital on Thursday" and "will be screened in December" as releases', () => {
    expect(read("'Cold Harbor' Review", "The new limited series streams today.", '2022-11-17T16:51:00Z').releaseDate).toBe('2022-11-17');
    expect(read("'Cold Harbor' Review", 'The blockbuster, coming to Disney Plus and digital on Thursday, fails to give its stars room.', '2022-09-05T19:00:00Z').releaseDate).toBe('2022-09-08');
    expect(read("The docu-series 'WILL be screened in December'", '', '2022-10-18T14:51:00Z').releaseDate).toBe('2022-12');
    // "today" dates nothing without a release verb right before it.
    expect(read('Netflix announced today that the film is coming', '', '2022-09-23T15:00:00Z').releaseDate).toBeNull();
  });

  it('refines a headline\'s month or year by the body\'s day, however the sentences word it', () => {
    // "onto <streamer>" is an arrival; "will finally be released on" is ahead.
    expect(read('Cold Harbor season 2 spins onto Prime Video in September', "The studio's fantasy series returns to our screens in Q3 2023.", '2023-05-24T14:48:38Z').releaseDate).toBe('2023-09');
    expect(read('The Cold Harbor movie comes out next year', 'The movie, in development since 2015, will finally be released on August 9th, 2024, according to the studio.', '2023-07-20T19:51:34Z').releaseDate).toBe('2024-08-09');
    // "Starting on August 25th, you can stream …": the day it can be watched.
    expect(read('Disney Plus will start streaming Cold Harbor in 4K in August', 'Starting on August 25th, you can stream the 1950 animated film in 4K.', '2023-07-12T14:08:19Z').releaseDate).toBe('2023-08-25');
    // A fan event's sentence still dates a film "headed to Disney+".
    expect(read('Cold Harbor Scares Up An October Release On Disney Plus', "Announced at Destination D23, Disney's Cold Harbor will be headed to Disney+ on October 4, 2023.", '2023-09-11T18:17:00Z').releaseDate).toBe('2023-10-04');
  });

  it('reads "Last" in a title, a named day in apposition and a past-told month for what they are', () => {
    // "Last" of a title is no "last year".
    expect(read('Last Of Cold Harbor TV Show Premieres In January, New Poster Revealed', 'HBO has now confirmed it: its Last of Cold Harbor TV series will debut January 15.', '2022-11-02T16:04:00Z').releaseDate).toBe('2023-01-15');
    // "It'll arrive on Star Wars Day, May 4": the named day stands between the cue and its date.
    expect(read('Cold Harbor Season 2 Hits Disney Plus in May', "It'll arrive on Star Wars Day, May 4.", '2023-02-02T14:11:46Z').releaseDate).toBe('2023-05-04');
    // "In April the streaming giant reported …": a month told in the past, not one ahead.
    expect(read('Netflix cuts 300 more jobs after subscriptions fall', 'In April the streaming giant reported its first subscriber loss in more than a decade.', '2022-06-23T19:57:32Z').releaseDate).toBeNull();
    // A special that will not air on its day; a trailer that drops "for fans at Christmas"; "A Christmas Carol" is a title.
    expect(read("Network pulls 'Cold Harbor' holiday special", 'The network will not be airing the holiday special on Dec. 14.', '2022-12-09T08:40:36Z').releaseDate).toBeNull();
    expect(read('Cold Harbor trailer drops for fans at Christmas', '', '2022-12-25T19:49:08Z').releaseDate).toBeNull();
    expect(read('Cold Harbor cast includes Christmas Carol star Joe Alwyn', 'Joe Alwyn, who starred in A Christmas Carol, is among the cast of the series, coming to BBC Three.', '2021-02-17T18:07:30Z').releaseDate).toBeNull();
  });

  it('reads "back in August" as when something happened, and "will be back in May" as a date ahead', () => {
    expect(read('Cold Harbor Gets Exciting Update About Its Release Date', 'The film was supposed to be in theaters already, but the studio delayed the film to 2024 back in August. It is now scheduled to hit theaters on March 1, 2024, two weeks earlier than its previously planned March 15 release date.', '2023-11-17T19:41:00Z')).toMatchObject({ releaseDate: '2024-03-01', previousDate: '2024-03-15' });
    expect(read('Cold Harbor will be back in May', '', '2023-01-17T12:00:00Z').releaseDate).toBe('2023-05');
  });

  it('makes a headline year precise with the lead\'s one day in it, whatever the lead\'s words, but not with a trailer\'s day', () => {
    expect(read('Cold Harbor 3 Delayed But Still Arriving in 2024', 'Let there be Cold Harbor 3 on November 8, 2024. The studio has delayed the sequel by a few months, originally planned for July 12.', '2023-11-09T14:18:00Z')).toMatchObject({ releaseDate: '2024-11-08', previousDate: '2024-07-12' });
    expect(read("'Cold Harbor' Confirms 2026 Release Date", 'The action star plays a near-silent avenger, with a teaser trailer now due to debut on May 6.', '2026-05-06T08:11:42Z').releaseDate).toBe('2026');
  });

  it('reads a holiday that names an event as no date ("Release Date For 4-Episode Halloween Event")', () => {
    expect(read('Cold Harbor Reveals Key Art, Release Date For 4-Episode Halloween Event', 'FX has revealed the release date for the third season, which will premiere on Thursday October 26 exclusively on Hulu.', '2023-08-17T05:52:00Z').releaseDate).toBe('2023-10-26');
  });

  it('leaves a trailer\'s date and a day beside a holiday undated', () => {
    expect(read('Nintendo is releasing the first Cold Harbor movie trailer next month', '', '2022-09-22T16:00:00Z').releaseDate).toBeNull();
    expect(read("Netflix's 'Cold Harbor' gets surprising post-Halloween release date", '', '2022-09-23T15:00:00Z').releaseDate).toBeNull();
    expect(read('Cold Harbor TV Show Is On A Fast Track', 'When it comes to Halloween, the studio says plans are moving forward to create a TV series.', '2024-03-11T12:00:00Z').releaseDate).toBeNull();
  });

  it('reads a streamer spelled out ("hits Disney Plus in 2024") or named after "for" ("confirmed for Disney+ in 2024")', () => {
    expect(read('Star Wars spinoff Cold Harbor hits Disney Plus in 2024', '', '2023-04-07T10:55:51Z').releaseDate).toBe('2024');
    expect(read('Five Cold Harbor series confirmed for Disney+ in 2024', '', '2023-12-05T19:20:00Z').releaseDate).toBe('2024');
    expect(read("'Cold Harbor' heads to Paramount Plus on March 3", '', '2023-01-10T12:00:00Z').releaseDate).toBe('2023-03-03');
    // A year in a deal for a streamer is no release.
    expect(read('Cold Harbor producer signs a deal for Netflix through 2026', '', '2023-01-10T12:00:00Z').releaseDate).toBeNull();
  });

  it('reads the day news was announced on as no release ("On October 13, Crunchyroll announced …"), and "won\'t now be released until"', () => {
    const r = read('Cold Harbor Anime Comes To Crunchyroll Spring 2024', 'At New York Comic Con on October 13, Crunchyroll announced Cold Harbor will come to the service exclusively next spring.', '2023-10-13T20:00:00Z');
    expect(r.releaseDate).toBe('2024');
    expect(read("'Cold Harbor' opens", 'The film opens Dec. 11, Universal said.', '2023-10-10T20:00:00Z').releaseDate).toBe('2023-12-11');
    expect(read('Next Cold Harbor film delayed by a year', "The eighth movie won't now be released until May 2025.", '2023-10-24T11:10:08Z').releaseDate).toBe('2025-05');
  });

  it('keeps a season\'s date to its months, reads "Not Expected Until 2024", and leaves a premiere gone by undated', () => {
    // "next summer", then another title's Christmas day: not a refinement of the summer date.
    expect(read("'Cold Harbor' Season 3 Gets a Netflix Release Date", 'It arrives next summer. Prequel series Blood Origin arrives on Christmas day.', '2022-09-24T19:03:00Z').releaseDate).toBe('2023');
    // "Summer 2028" then May 19: the summer movie season starts in May.
    expect(read("'Cold Harbor' Delayed to Summer 2028", 'The film now opens May 19, 2028.', '2026-01-10T12:00:00Z').releaseDate).toBe('2028-05-19');
    expect(read('Cold Harbor Season 2 Not Expected Until 2024, Creator Says', '', '2022-11-22T18:45:00Z').releaseDate).toBe('2024');
    expect(read('Cold Harbor Greenlit For Season 2', 'The renewal comes after the series debuted on the streaming service on November 13.', '2022-11-30T21:22:00Z').releaseDate).toBeNull();
    expect(read('Cold Harbor Hits 1 Billion Viewing Hours', 'The series clocked one billion hours within 60 days of its September 21 debut.', '2022-12-05T21:30:00Z').releaseDate).toBeNull();
    // "ahead of its Sep. 9 premiere" is still the date ahead.
    expect(read("Trailer for 'Cold Harbor' Season 2", 'The first trailer has arrived ahead of its Sep. 9 premiere date.', '2026-08-12T21:40:37Z').releaseDate).toBe('2026-09-09');
  });

  it('reads "is on for 2027" as the year a title is slated for', () => {
    expect(read('Cold Harbor 3 is on for 2027, and it is throwing back to a classic', '', '2024-08-10T03:19:58Z').releaseDate).toBe('2027');
    expect(read('The deal is on for 2027 renewal talks', '', '2024-08-10T03:19:58Z').releaseDate).toBeNull();
  });
});


describe('holidays that describe a work date nothing', () => {
  const ref = new Date('2022-11-20T00:00:00Z');
  const found = (s: string) => findDateMentions(s, ref).map((m) => m.date);
  it.each([
    ['Amazon releases its heartwarming Christmas advert directed by Taika Waititi', []],
    ['Her Christmas Film Hits Number 1 On Netflix', []],
    ['The Halloween special returns to BBC One', []],
    // A holiday that names a work: a franchise, its films, a title in quotes.
    ["Studio Acquires 'Halloween' TV Rights To Begin New Universe", []],
    ['Halloween Kills Is Delayed', []],
    ['Halloween TV Show Is On A Fast Track To Development', []],
    ['The Halloween franchise returns', []],
    ['Doctor Who and Call the Midwife on BBC Christmas TV line-up', ['2022-12-25']],
    ['The film opens on Christmas Day', ['2022-12-25']],
    // An occasion, not the day (the corpus's me-0505: "arriving on Netflix in time for Thanksgiving" is November).
    ['It arrives in time for Christmas', ['2022-12']],
    ['Titanic Is Back In Theaters For Valentine\'s Day', ['2023-02']],
    ['The horror film, once dated for Halloween, now arrives in 2026', ['2023-10-31', '2026']],
    ['The Christmas special airs on Christmas Eve', ['2022-12-24']],
    ['The sequel opens over Thanksgiving weekend', ['2022-11']],
  ])('%s', (sentence, dates) => {
    expect(found(sentence)).toEqual(dates);
  });
});

describe('dates read whole, in their year, and once', () => {
  it('reads the year written after a window-long range ("from April 12, 2024 to December 13, 2024")', () => {
    expect(read('Next Lord Of The Rings Movie Delayed', 'The animated film is shifting from April 12, 2024 to December 13, 2024, according to Deadline.', '2023-08-25T12:00:00Z')).toMatchObject({ releaseDate: '2024-12-13', previousDate: '2024-04-12' });
  });
  it('reads "this spring", written in December, as the coming spring', () => {
    expect(read('Documentary Connecting Worlds releases worldwide this spring', '', '2023-12-08T12:00:00Z').releaseDate).toBe('2024');
    expect(read('Documentary Connecting Worlds releases worldwide this spring', '', '2023-02-08T12:00:00Z').releaseDate).toBe('2023');
  });
  it('refines an occasion by the day the body gives, and keeps a year and its day as one date', () => {
    expect(read("Titanic Is Back In Theaters For Valentine's Day", 'A remastered version will be re-released to theaters on February 10.', '2023-01-10T12:00:00Z').releaseDate).toBe('2023-02-10');
    expect(read('Original cut returns to theaters in 2027', 'Disney is bringing it back to theaters on February 19th, 2027.', '2025-12-05T12:00:00Z')).toMatchObject({ releaseDate: '2027-02-19', previousDate: null });
    // A season is a span: a move within the year keeps it.
    expect(read('Marvel Movie Gets Release Date Pushed Back To December', 'It has been delayed until December. The film was originally intended to be released during the summer.', '2024-05-15T12:00:00Z')).toMatchObject({ releaseDate: '2024-12', previousDate: '2024' });
  });
  it('reads a streamer spelled out before "tonight" and a run "starting today"', () => {
    expect(read("'Black Panther: Wakanda Forever' Hits Disney Plus Tonight", '', '2023-02-01T12:00:00Z').releaseDate).toBe('2023-02-01');
    expect(read('You can download Dune: Part Two', 'Stream Dune: Part Two from Amazon, Google, and Apple starting today', '2024-04-16T12:00:00Z').releaseDate).toBe('2024-04-16');
    // Not any "starting": a hiring spree or a price is no release.
    expect(read('Netflix raises prices starting today', '', '2024-04-16T12:00:00Z').releaseDate).toBeNull();
  });
  it('reads a release said ahead with its object before the day ("to release first part of the final season on Thursday"), not earnings', () => {
    expect(read('The Crown: Netflix to release first part of the final season on Thursday', '', '2023-11-14T12:00:00Z').releaseDate).toBe('2023-11-16');
    expect(read('Netflix to release quarterly earnings on Tuesday', '', '2023-11-14T12:00:00Z').releaseDate).toBeNull();
  });
  it('reads a release said as not coming on a date as no date, and "this week" in the month of its Friday', () => {
    expect(read("Mandalorian Season 3 Teaser Trailer Arrives, But It Isn't Coming This Year", 'It was revealed that the show would be coming some time in 2023.', '2022-09-10T18:21:00Z').releaseDate).toBe('2023');
    expect(read('Top Gun: Maverick Returns To Theaters This Week', 'Maverick will be back in cinemas across the United States beginning this Friday, December 2.', '2022-11-30T12:00:00Z').releaseDate).toBe('2022-12-02');
    expect(read('Top Gun: Maverick Returns To Theaters This Week', '', '2022-11-30T12:00:00Z').releaseDate).toBe('2022-12');
  });
  it('reads "released Friday" on that Friday as the release, but not a trailer that debuted', () => {
    expect(read('New Series Premieres On DailyWire+', 'DailyWire+ released Friday the first two episodes of an exclusive series.', '2022-11-25T15:00:00Z').releaseDate).toBe('2022-11-25');
    expect(read("New 'Barbie' Trailer", "A first look at director Greta Gerwig's highly anticipated film debuted Friday.", '2022-12-16T15:00:00Z').releaseDate).toBeNull();
  });
  it('reads "next year\'s epic" with either apostrophe, but not a title the story waits for', () => {
    expect(read("The Odyssey First Look", "Fans are eagerly awaiting next year's Christopher Nolan epic The Odyssey.", '2025-02-18T12:00:00Z').releaseDate).toBe('2026');
    expect(read("The Odyssey First Look", 'Fans are eagerly awaiting next year’s Christopher Nolan epic The Odyssey.', '2025-02-18T12:00:00Z').releaseDate).toBe('2026');
    expect(read("'Shrek 6' in Development", "Mike Myers confirmed 'Shrek 6' is in development ahead of the release of next year's 'Shrek 5' sequel.", '2026-05-25T12:00:00Z').releaseDate).toBeNull();
    expect(read('Box office up', "This year's box office is up on last year's.", '2026-05-25T12:00:00Z').releaseDate).toBeNull();
  });
});
