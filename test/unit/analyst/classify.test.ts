// Unit tests for classification of tricky trade headlines (through the whole embedded analyst).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskJobTitles, rulesMatching } from '../../../agents/analyst/embedded/classify.js';
import { createEmbeddedAnalyst } from '../../../agents/analyst/embedded/embedded-analyst.js';
import { headlineSubject } from '../../../agents/analyst/embedded/people.js';
import { triggersOf } from '../../../agents/analyst/embedded/rule-triggers.js';
import type { EventType } from '../../../shared/model/event.js';

const analyst = createEmbeddedAnalyst({
  competitors: [{ name: 'Harbor Light Pictures', aliases: ['Harbor Light'] }],
  slate: [],
  knownTitles: [],
});
const typeOf = (title: string, text = ''): EventType => analyst.extract({ title, text, publishedAt: '2026-06-01T12:00:00Z' }).type;

describe('classify', () => {
  it.each<[string, string, EventType]>([
    ["Universal Moves Up 'Glimmerglass' Release to Nov. 13", '', 'release_moved'],
    ["'Blue Hour Motel' Dated for Summer 2027", '', 'release_dated'],
    ["Paramount Takes 'Signal Fire 2' Off the Calendar", '', 'release_moved'],
    // A date that changes, said without a move verb.
    ["'Signal Fire 2' Release Date Pushed to 2027", '', 'release_moved'],
    ["'Signal Fire 2' Will No Longer Release in 2027", '', 'release_moved'],
    ["'Signal Fire 2' Won't Hit Theaters Until 2028", '', 'release_moved'],
    // Headline clause first (test/data/real/README.md): the main clause dates 'Paper Comets'; the sequel's shift is the
    // second clause, which the classifier reads as context (", then …" opens a subordinate clause).
    ["Sony Sets 'Paper Comets' for March 12, 2027, Then Shifts Sequel", '', 'release_dated'],
    ["Mara Quinlan Exits 'Signal Fire 2' Over Scheduling Conflict", '', 'casting'],
    ['Paramount Marketing President Dana Whitfield Exits', '', 'executive'],
    ['Gregory Hale Leaves Universal', 'He ran campaigns, fan screenings and brand partnerships.', 'executive'],
    ["Disney Taps Newcomer Amara Quist for 'The Marsh King'", '', 'casting'],
    ['Amazon MGM Taps Lena Ortiz to Run Theatrical Distribution', '', 'executive'],
    ["'Velvet Static' Teaser Breaks Universal's Viewing Record With 142M Views", '', 'trailer'],
    ["'Glimmerglass' Review: A Dazzling Musical", '', 'review'],
    ["Cannes Review: 'Blue Hour Motel'", '', 'review'],
    ["'Northbound' Hits 100% on Rotten Tomatoes", '', 'review'],
    ["Box-Office Hit 'Glimmerglass' Leads Golden Globe Nominations", '', 'festival_awards'],
    ["Cannes Winner 'Blue Hour Motel' Expands to $6M Weekend", '', 'box_office'],
    ["Neon Wins Bidding War for Venice Winner 'Paper Lanterns'", '', 'acquisition'],
    ["Netflix Picks Up 'Copper Town' to Series", '', 'greenlight'],
    ["'Glimmerglass' Sequel in the Works at Universal After $160M Opening", '', 'greenlight'],
    ["Lionsgate Buys Super Bowl Spot for 'Red Canyon Run 2'", '', 'campaign'],
    ["'Signal Fire 2' Marketing Spend Tops $120M", '', 'campaign'],
    ['AMC Theatres Reports Third-Quarter Loss', '', 'other'],
    ['Character Actor Lionel Okwu Dies at 81', '', 'other'],
  ])('%s -> %s', (title, text, type) => {
    expect(typeOf(title, text)).toBe(type);
  });

  it('lets the headline outweigh another type’s keywords in the body', () => {
    // The lead's meaning counts too (its mean word vector, chosen on real data: out of fold, casting stories read as
    // acquisitions went 5 -> 3 with it), so a lead of nothing but rights talk may now tip a "Boards" headline; a lead
    // that also says what the role is does not.
    const body = 'The deal follows a bidding war, with rights acquired worldwide. Brandt plays a retired marshal hunting his son.';
    expect(typeOf("Ike Brandt Boards Netflix Western 'Salt and Iron'", body)).toBe('casting');
  });

  it('reads talent let go as casting, a project moving forward as greenlight, conventions and toy sets as campaign', () => {
    expect(typeOf("Jess Marlow Fired From 'Deep Water' Over Remarks")).toBe('casting');
    expect(typeOf("'Deep Water' Loses Its Director Weeks Before Filming")).toBe('casting');
    expect(typeOf("'Night Shift' Reboot Officially Moving Forward")).toBe('greenlight');
    expect(typeOf("Cult Comedy 'Night Shift' Being Redeveloped As A Series")).toBe('greenlight');
    expect(typeOf("Harbor Light's Comic-Con Panel: Every Reveal")).toBe('campaign');
    expect(typeOf("'Deep Water' Gets Its Own LEGO Set")).toBe('campaign');
    expect(typeOf("'Cold Harbor' season 2 has a new Disney Plus release date")).toBe('release_moved');
  });

  it('falls back to other when nothing points anywhere: the rules alone do, and the model reads no type with confidence', () => {
    // The trained model weighs the words themselves: with feature dropout (0.4) it reads this one as a review at 0.45,
    // other at 0.22. A fallback to other below 0.5 for stories with no rule, title, studio or date was measured and not
    // kept: of the 52 such dev stories 19 are other, and out of fold it cost 0.001 macro-F1 (0.849 against 0.850), on
    // the held-out rumca-js parts 0.002 (0.808 against 0.810).
    const e = analyst.explain({ title: 'A Quiet Afternoon in Burbank', text: 'Nothing much happened today.', publishedAt: '2026-06-01T12:00:00Z' });
    expect(e.evidence.ruleType).toBe('other');
    expect(Math.max(...Object.values(e.scores))).toBeLessThan(0.5);
  });
});

describe('headline subject', () => {
  it('reads a person opening a headline, and the word after the name', () => {
    expect(headlineSubject('Ike Brandt Boards STUDIO Western TITLE')).toEqual({ name: 'Ike Brandt', verb: 'boards' });
    expect(headlineSubject('‘Jonny Lee Miller To Play Former British Prime Minister')).toEqual({ name: 'Jonny Lee Miller', verb: 'to' });
    expect(headlineSubject('Shonda Rhimes to leave STUDIO, join STUDIO')).toEqual({ name: 'Shonda Rhimes', verb: 'to' });
  });

  it('leaves titles, studios and trade words alone', () => {
    expect(headlineSubject('Wicked Little Letters Review: A Delight')).toBeNull();
    expect(headlineSubject('STUDIO Boards TITLE')).toBeNull();
    expect(headlineSubject('Box Office Sets Record')).toBeNull();
    expect(headlineSubject('Marvel Studios Boards TITLE')).toBeNull();
  });
});

describe('rule triggers', () => {
  it('reads the word prefixes a keyword rule needs, and gives up on rules it cannot read', () => {
    expect(triggersOf(String.raw`\bdelay(?:s|ed)?\b|\bpostpone[sd]?\b`)).toEqual(['del', 'pos']);
    expect(triggersOf(String.raw`(?<!self-)\bdistribute\b|\b(?:[Tt]akes|wins)\s+rights`)).toEqual(['dis', 'tak', 'win']);
    expect(triggersOf(String.raw`^why\b|\bof all time\b`)).toBeNull();
    expect(triggersOf(String.raw`\b\p{Lu}\w+ joins`)).toBeNull();
    // An optional group requires none of its words.
    expect(triggersOf(String.raw`\bdate\s+shuffle|\b(?:re)?shuffl\w*\s+schedule`)).toBeNull();
    expect(triggersOf(String.raw`\b(?:re|un)shuffl\w*`)).toEqual(['re', 'un']);
  });

  it('finds the same rules trying each at its words as searching the whole text, on real headlines and leads', () => {
    const lines = readFileSync(join(import.meta.dirname, '../../data/real/corpus.jsonl'), 'utf8').split('\n').filter(Boolean);
    const texts = lines.slice(0, 1500).flatMap((l) => {
      const r = JSON.parse(l) as { title: string; text: string | null };
      return [r.title, r.text ?? '', maskJobTitles(r.title)];
    });
    texts.push('Neon Delays It', 'STUDIO Boards TITLE; JOBTITLE exits', 'İstanbul dates: the 4K Blu-ray arrives', '');
    let matched = 0;
    for (const text of texts) {
      const fast = rulesMatching(text);
      expect(fast, text).toEqual(rulesMatching(text, true));
      matched += fast.length;
    }
    expect(matched).toBeGreaterThan(texts.length / 2);
  });
});

describe('structure signals', () => {
  const signals = (title: string): readonly string[] => analyst.explain({ title, text: '', publishedAt: '2026-06-01T12:00:00Z' }).evidence.signals;

  it('says which of a trailer and a date the headline names first', () => {
    expect(signals("'Glimmerglass' Gets Season 2 Trailer, Release Date")).toContain('order:promo-first');
    expect(signals("'Glimmerglass' Gets Premiere Date, Teaser Trailer")).toContain('order:date-first');
    expect(signals("'Glimmerglass' Season 3 Teaser Reveals March Release Date")).toContain('order:promo-first');
    // "May" the modal is no month; a headline naming no trailer has no order.
    expect(signals("'Glimmerglass' Teaser May Hint at a Sequel")).not.toContain('order:promo-first');
    expect(signals("'Glimmerglass' Dated for June 2027").some((s) => s.startsWith('order:'))).toBe(false);
  });
});
