import { describe, expect, it } from 'vitest';
import { stripSiteSuffix } from '../../../agents/analyst/embedded/site-suffix.js';

describe('stripSiteSuffix', () => {
  it('cuts the name of the article’s own site, however the site spells it', () => {
    expect(stripSiteSuffix('Thor: Love and Thunder Lands on Disney Plus - CNET', 'https://www.cnet.com/culture/entertainment/thor')).toBe('Thor: Love and Thunder Lands on Disney Plus');
    expect(stripSiteSuffix("Star-studded 'Sing 2' premiere in Hollywood - Reuters India", 'https://www.reuters.com/news/picture/x')).toBe("Star-studded 'Sing 2' premiere in Hollywood");
    expect(stripSiteSuffix('Netflix to acquire Animal Logic - Reuters.com', 'https://www.reuters.com/technology/x')).toBe('Netflix to acquire Animal Logic');
    expect(stripSiteSuffix('Final Emmy Nominations Projections - Hollywood Reporter', 'https://www.hollywoodreporter.com/tv/x')).toBe('Final Emmy Nominations Projections');
    expect(stripSiteSuffix('Ryan Seacrest to replace Pat Sajak on Wheel of Fortune - BBC', 'https://www.bbc.co.uk/news/x')).toBe('Ryan Seacrest to replace Pat Sajak on Wheel of Fortune');
    expect(stripSiteSuffix('Cancel Me: John Cleese to present Channel 4 show | John Cleese | The Guardian', 'https://www.theguardian.com/culture/x')).toBe('Cancel Me: John Cleese to present Channel 4 show | John Cleese');
    expect(stripSiteSuffix("'SportsCenter' host Elle Duncan leaves ESPN for Netflix - Los Angeles Times", 'https://www.latimes.com/entertainment-arts/x')).toBe("'SportsCenter' host Elle Duncan leaves ESPN for Netflix");
    expect(stripSiteSuffix('Justified sequel series: An unnecessary return - New York Post', 'https://nypost.com/2023/07/x')).toBe('Justified sequel series: An unnecessary return');
    expect(stripSiteSuffix('Premiere Date Announced – Variety', 'https://variety.com/2018/tv/news/x')).toBe('Premiere Date Announced');
  });

  it('keeps a suffix that is part of the headline or names another company', () => {
    // A studio's channel on another site, and the second half of a headline.
    expect(stripSiteSuffix('Video: "Kleo" - Official Trailer - Netflix', 'https://www.youtube.com/watch?v=x')).toBe('Video: "Kleo" - Official Trailer - Netflix');
    expect(stripSiteSuffix('James Bond: No Time To Die gets new date – again', 'https://www.bbc.co.uk/news/x')).toBe('James Bond: No Time To Die gets new date – again');
    expect(stripSiteSuffix('Weekend Box Office - Deadline', null)).toBe('Weekend Box Office - Deadline');
    expect(stripSiteSuffix('Weekend Box Office - Deadline', 'not a url')).toBe('Weekend Box Office - Deadline');
    // A two-letter name is too short to tell from a word.
    expect(stripSiteSuffix('Weekend Box Office - TV', 'https://tv.com/x')).toBe('Weekend Box Office - TV');
  });
});
