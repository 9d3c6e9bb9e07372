// Release dates in a story: date phrases (chrono-node for month-day, rules for months, seasons, holidays, years)
// resolved against the story's published time, and told apart as new date, previous date or neither.
import { strict as chronoStrict } from 'chrono-node';

export type Precision = 'year' | 'month' | 'day';

/** One date phrase in a sentence, resolved to a PartialDate string ("2027", "2027-03", "2027-03-12"). */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  date: string;
  precision: Precision;
  /** The phrase carries its own year (otherwise the year was inferred forward from the reference date). */
  explicitYear: boolean;
  /** Found only right after a release verb ("hits digital tomorrow"): the phrase itself says it is a release date. */
  cued?: boolean;
}

const MONTH_INDEX: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7,
  july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12,
  december: 12,
};
// What a possessive date names as a release: "2027's 'Man of Tomorrow'", "next month's martial arts thriller".
const POSSESSED_RELEASE = String.raw`(?:['‘"“]|(?:(?!(?:best|biggest|highest|largest|worst|lowest|most|top|first|last)\b)[\w-]+\s+){0,3}(?:film|movie|thriller|horror|comedy|drama|sequel|prequel|feature|release|blockbuster|adaptation|reboot|remake|series|season|installment|follow-up|animated|musical|documentary|epic|saga|biopic|anime|miniseries|spinoff|spin-off|tentpole|western)\b)`;
const POSSESSIVE_RELEASE_AFTER = new RegExp(`^['’]s\\s+${POSSESSED_RELEASE}`, 'i');
export const POSSESSIVE_DATE = new RegExp(String.raw`\b(?:19[5-9]\d|20[0-6]\d|month|year|summer|fall|spring|winter)['’]s\s+${POSSESSED_RELEASE}`, 'i');
const MONTH_WORD = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;
const MONTH_WORD_CI = new RegExp(`^${MONTH_WORD}$`, 'i');

// Cheap pre-filter: only sentences with a month followed by a number (or m/d) go to chrono.
const CHRONO_HINTS = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\/\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi;
const MONTH_YEAR = new RegExp(String.raw`\b(${MONTH_WORD})\.?,?\s+(\d{4})\b`, 'gi');
const SEASON_YEAR = /\b(?:(early|mid|late)[-\s])?(summer|fall|autumn|winter|spring|holiday season|holidays|holiday|awards season)(?:\s+of)?\s+(\d{4})\b/gi;
const PART_YEAR = /\b(early|mid|late|end of|the end of|first half of|second half of)[-\s](\d{4})\b/gi;
const HOLIDAY = /\b(Christmas(?: Day| Eve)?|Thanksgiving(?: Day)?|Memorial Day|Labor Day|Presidents'? Day|President's Day|Independence Day|Fourth of July|Halloween|New Year's Day|New Year's Eve|Valentine's(?: Day)?|MLK Day|Martin Luther King Jr\. Day)(\s+(?:weekend|week|frame|corridor|holiday|season|window))?(?:\s+(\d{4}))?/gi;
const BARE_MONTH = new RegExp(String.raw`\b(${MONTH_WORD})\b(\.)?(?!\.?\s*\d)`, 'g');
// "this year's box office" dates nothing; "next year's Christopher Nolan epic" dates the epic.
const REL_YEAR = new RegExp(String.raw`\b(?:(?:early|late|later)\s+)?(next|this|later this)\s+year\b(?!['’]s\b(?!\s+${POSSESSED_RELEASE}))`, 'gi');
const REL_MONTH = /\b(next|this|later this)\s+month\b(?!['’]s\s+(?:end|close))|\b(?:at\s+)?the\s+end\s+of\s+(the|this|next)\s+month\b/gi;
// "this week", "next week", "this weekend": a release within days, written as its month.
const REL_WEEK = /\b(next|this|later this)\s+(week|weekend)\b(?!['’]s\b)/gi;
// "in 1 month", "in two weeks", "in three months' time": counted from the story's time, written as a month.
const IN_COUNT = /\bin\s+(?:(?:just|only|about|nearly|under|less than|fewer than|around)\s+)?(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?|months?)(?:['’]\s+time)?\b/gi;
const COUNT_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const REL_SEASON = /\b(next|this|later this)\s+(spring|summer|fall|autumn|holiday season|holidays)\b/gi;
// "in the fall", "to Fall", "a fall release"; not "expected to fall 20%" or "fall short".
const BARE_SEASON = /(?<=\b(?:in\s+the|during\s+the|over\s+the|a|an|to|for|until|into|by)\s+)(spring|summer|fall|autumn)\b(?!\s*(?:\d|%|short|behind|below|off|apart|flat|in\b|to\b|back\b))|\b(spring|summer|fall|autumn)(?=\s+(?:release|opening|debut|bow|launch|theatrical|premiere|date|run|slot)\b)/gi;
const BARE_YEAR = new RegExp(String.raw`\b(19[5-9]\d|20[0-6]\d)\b(?!-\d|['’]s(?!\s+${POSSESSED_RELEASE}))`, 'gi');

const SEASON_END: Record<string, number> = { spring: 5, summer: 8, fall: 11, autumn: 11, holiday: 12, holidays: 12, 'holiday season': 12 };

// "dated for Halloween", "set for Christmas Day" name the day itself.
const OCCASION_BEFORE = /\b(?:in\s+time\s+for|ahead\s+of|(?<!\b(?:dated|set|slated|scheduled|planned|due|moved|moves|pushed|shifted|slotted|targeted|eyed|aimed|date|dates|opens|premieres|arrives|debuts)\s+)for)\s+(?:the\s+)?$/i;
const HOLIDAY_WORK_AFTER = /^[\s-]+(?:[\w'’-]+\s+)?(?:films?|movies?|adverts?|ads?|commercials?|specials?|events?|episodes?|songs?|singles?|album|comedy|comedies|rom-?coms?|romances?|classics?|campaigns?|stor(?:y|ies)|tales?|horror|thrillers?|themed|jumpers?|sweaters?|cards?|markets?|lights|trees?|part(?:y|ies)|number\s+(?:one|1)|no\.?\s*1|charts?|favou?rites?|traditions?|costumes?|candy|decorations?|carols?|shows?|tv\s+(?:shows?|series|rights|adaptations?)|series|franchise|rights|sequels?|prequels?|reboots?|remakes?|universe|saga|kills|ends|horror\s+nights)\b/i;
const HOLIDAYS: Record<string, { month: number; day?: number }> = {
  christmas: { month: 12, day: 25 }, 'christmas day': { month: 12, day: 25 }, 'christmas eve': { month: 12, day: 24 },
  thanksgiving: { month: 11 }, 'thanksgiving day': { month: 11 }, 'memorial day': { month: 5 }, 'labor day': { month: 9 },
  "presidents' day": { month: 2 }, 'presidents day': { month: 2 }, "president's day": { month: 2 },
  'independence day': { month: 7, day: 4 }, 'fourth of july': { month: 7, day: 4 }, halloween: { month: 10, day: 31 },
  "new year's day": { month: 1, day: 1 }, "new year's eve": { month: 12, day: 31 }, "valentine's day": { month: 2, day: 14 },
  "valentine's": { month: 2, day: 14 },
  'mlk day': { month: 1 }, 'martin luther king jr. day': { month: 1 },
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a PartialDate. */
export function partialDate(year: number, month?: number, day?: number): string {
  if (month === undefined) return String(year);
  if (day === undefined) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Year for a month (and day) written without one: the reference year, or the next one when that date would lie more
 * than a week before the reference ("to Dec. 11" in November is this December; "Jan. 22" in November is next January).
 */
export function inferYear(reference: Date, month: number, day?: number): number {
  const y = reference.getUTCFullYear();
  if (day === undefined) return month < reference.getUTCMonth() + 1 ? y + 1 : y;
  return Date.UTC(y, month - 1, day) < reference.getTime() - WEEK_MS ? y + 1 : y;
}

const FULL_MONTHS = ['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Edit distance of at most one (substitution, insertion, deletion or swap of neighbours), for month typos.
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * A month name misspelled by one letter ("Febraury 2027", "Septmber 12") written as the month, when a day or a year
 * follows it; other words are left as they are.
 */
export function fixMonthTypos(sentence: string): string {
  return sentence.replace(/\b([A-Z][a-z]{4,9})(?=\.?,?\s+\d)/g, (w) => {
    if (MONTH_INDEX[w.toLowerCase()]) return w;
    const hit = FULL_MONTHS.find((m) => m[0] === w[0] && nearlyEqual(w.toLowerCase(), m.toLowerCase()));
    return hit ?? w;
  });
}

// "on the 16th", "until the 3rd": a day written alone is a day of the reference month (or the next one when it is past).
const DAY_ALONE = /\b(?:on|until|till|by|from|to)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:of\b|century|anniversary|annual|edition|season|episode|installment|film|time|place|week|day|year|floor|amendment|-))/gi;

// "Before Tomorrow's Release", "tonight's premiere": the day a release is known by.
const DAY_POSSESSIVE = /\b(today|tonight|tomorrow)['’]s\s+(?:[\w-]+\s+){0,2}?(?:release|premiere|debut|opening|launch|finale)\b/gi;
/** A day written with its month ("May 4", "Oct. 14", "14th of October"): a date, not a weekday's name. */
export const WRITTEN_DAY = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
// A weekday's name and what may follow it: "Friday", not "Friday, Oct. 3" (a written date, chrono's).
const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const DAY_END = String.raw`\b(?!\s*,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d))`;
const RELATIVE_DAY = new RegExp(String.raw`(\b(?<!\b(?:halloween|christmas|thanksgiving|holiday|weekend|day|eve|date|deadline)\s+)(?:premieres?|premiering|debuts?|debuting|opens?|opening|arrives?|arriving|hits?|streams?|streaming|airs?|airing|returns?|returning|launch(?:es)?|drops?|bows?|lands?|releases?|available|out|coming to|comes to|(?:starting|beginning)(?<=\b(?:stream(?:ing)?|watch|available|out|digital(?:ly)?|theaters|theatres|cinemas)\b[^.;]{0,60}\s(?:starting|beginning)))(?:\s+(?:digital(?:ly)?|and\s+(?:digital(?:ly)?|on\s+demand)|(?<=(?:coming|comes) to\s+)[A-Z][\w+]*(?:\s+[A-Z+][\w+]*)?|theaters|theatres|cinemas|netflix|hulu|disney(?:\+|\s+plus)|(?:amazon\s+)?prime video|hbo max|max|hbo|peacock|paramount(?:\+|\s+plus)|apple tv(?:\+|\s+plus)?|tubi|on\s+(?:digital|demand|[A-Z][\w+]*(?:\s+[A-Z+][\w+]*)?)|in\s+(?:select\s+|limited\s+|more\s+|all\s+)?(?:theaters|theatres|cinemas))){0,2}\s+(?:on\s+|this\s+)?)(today|tonight|tomorrow|${WEEKDAY})${DAY_END}`, 'gi');

const PAST_RELEASE_DAY = new RegExp(String.raw`(\b(?:released|premiered|debuted|dropped)\s+(?:on\s+)?)(today|tonight|${WEEKDAY})${DAY_END}`, 'gi');
// "Netflix to release first part of the final season on Thursday": a release said ahead, its object, then the day.
const RELEASE_ON_DAY = new RegExp(String.raw`(\b(?:to|will|set\s+to|plans\s+to)\s+(?:release|premiere|debut|drop|stream)\b(?!\s+(?:(?:its|their|the|quarterly|annual|first-quarter|second-quarter|third-quarter|fourth-quarter)\s+)*(?:earnings|results|figures|data|reports?|numbers|statements?|details|guidance|findings|survey|list|nominations)\b)(?:\s+(?!(?:on|and|but|after|before)\b)[^\s.,;:]+){1,8}?\s+on\s+)(today|tonight|tomorrow|${WEEKDAY})${DAY_END}`, 'gi');

// The phrases of the sentences read last: the date model reads the story's sentences after the rules did, against the
// same reference, and finds them read (a few dozen entries: one story's sentences).
const recentMentions = new Map<string, DateMention[]>();
const RECENT_MENTIONS = 32;

/** `findDateMentions` remembered for the last sentences read (the phrases are shared: callers must not change them). */
export function dateMentionsOf(sentence: string, reference: Date, dayAlone: boolean): readonly DateMention[] {
  const key = `${reference.getTime()}\u0000${dayAlone ? 1 : 0}\u0000${sentence}`;
  let mentions = recentMentions.get(key);
  if (!mentions) {
    mentions = findDateMentions(sentence, reference, { dayAlone });
    if (recentMentions.size >= RECENT_MENTIONS) recentMentions.clear();
    recentMentions.set(key, mentions);
  }
  return mentions;
}

/** Every date phrase in one sentence, in order, none overlapping. */
export function findDateMentions(sentence: string, reference: Date, options: { dayAlone?: boolean } = {}): DateMention[] {
  const out: DateMention[] = [];
  const taken = (s: number, e: number): boolean => out.some((m) => s < m.end && e > m.start);
  const add = (m: DateMention): void => {
    if (!taken(m.start, m.end)) out.push(m);
  };

  // chrono's cost grows with the text it reads: it gets a short window at each month-and-number hint, not the sentence.
  for (const hint of sentence.matchAll(CHRONO_HINTS)) {
    const from = hint.index;
    if (taken(from, from + 1)) continue;
    const window = sentence.slice(from, from + 34);
    for (const r of chronoStrict.parse(window, reference)) {
      const at = r.index + from;
      // chrono reads "from May 7 to Dec. 17" as one range; the two ends play different roles here, so split it.
      const sep = r.end ? /\s*(?:\bto\b|\bthrough\b|\buntil\b|-|–|—)\s*/i.exec(r.text) : null;
      const parts = sep && r.end
        ? [
            { comp: r.start, index: at, text: r.text.slice(0, sep.index) },
            { comp: r.end, index: at + sep.index + sep[0].length, text: r.text.slice(sep.index + sep[0].length) },
          ]
        : [{ comp: r.start, index: at, text: r.text }];
      for (const { comp, index, text } of parts) {
        if (!comp.isCertain('month') || !comp.isCertain('day')) continue;
        const month = comp.get('month');
        const day = comp.get('day');
        if (!month || !day) continue;
        let explicitYear = comp.isCertain('year');
        let end = index + text.length;
        // The window may end inside the phrase's year ("from April 12, 2024 to December 13, 2024": the second year falls
        // past the window's end): a year written right after the day is the day's.
        const cut = explicitYear ? null : /^,?\s+((?:19|20)\d{2})\b(?!\s*[-–—]\s*\d)/.exec(sentence.slice(end));
        if (cut) {
          explicitYear = true;
          end += cut[0].length;
        }
        const year = cut ? Number(cut[1]) : explicitYear ? comp.get('year')! : inferYear(reference, month, day);
        // chrono may fold a preposition into the phrase ("on Wednesday, Nov. 25"); the rules read it as context.
        const lead = /^(?:on|in|at|by|from|to|for|until)\s+/i.exec(text)?.[0].length ?? 0;
        add({ start: index + lead, end, text: sentence.slice(index + lead, end), date: partialDate(year, month, day), precision: 'day', explicitYear });
      }
    }
  }
  for (const m of sentence.matchAll(MONTH_YEAR)) {
    if (!isMonthToken(m[1]!)) continue;
    const month = MONTH_INDEX[m[1]!.toLowerCase()]!;
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: partialDate(+m[2]!, month), precision: 'month', explicitYear: true });
  }
  for (const m of sentence.matchAll(SEASON_YEAR)) {
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: m[3]!, precision: 'year', explicitYear: true });
  }
  for (const m of sentence.matchAll(PART_YEAR)) {
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: m[2]!, precision: 'year', explicitYear: true });
  }
  for (const m of sentence.matchAll(HOLIDAY)) {
    const name = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const h = HOLIDAYS[name];
    if (!h) continue;
    // "a Christmas film", "its Christmas advert", "Halloween special", "Halloween Kills", "the Halloween franchise": the
    // holiday describes or names a work, it dates nothing.
    if (!m[2] && !m[3] && HOLIDAY_WORK_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
    // "Miramax Acquires 'Halloween' TV Rights": a holiday in quotes is a title.
    if (/['‘"“]$/.test(sentence.slice(0, m.index)) && /^['’"”]/.test(sentence.slice(m.index + m[1]!.length))) continue;
    // "Christmas corridor", "Valentine's weekend": the stretch around the day, so the month only; so is an occasion
    // ("back in theaters for Valentine's Day", "in time for Thanksgiving"): the release falls near it, not on it.
    const occasion = OCCASION_BEFORE.test(sentence.slice(Math.max(0, m.index - 20), m.index));
    const day = m[2] || occasion ? undefined : h.day;
    const explicitYear = m[3] !== undefined;
    const year = explicitYear ? +m[3]! : inferYear(reference, h.month, day);
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: partialDate(year, h.month, day), precision: day ? 'day' : 'month', explicitYear });
  }
  const y = reference.getUTCFullYear();
  for (const m of sentence.matchAll(REL_YEAR)) {
    const year = m[1]!.toLowerCase() === 'next' ? y + 1 : y;
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: String(year), precision: 'year', explicitYear: false });
  }
  for (const m of sentence.matchAll(REL_MONTH)) {
    const month0 = reference.getUTCMonth() + ((m[1] ?? m[2])!.toLowerCase() === 'next' ? 1 : 0);
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: partialDate(y + Math.floor(month0 / 12), (month0 % 12) + 1), precision: 'month', explicitYear: false });
  }
  const monthAfterDays = (days: number): string => {
    const d = new Date(reference.getTime() + days * 86_400_000);
    return partialDate(d.getUTCFullYear(), d.getUTCMonth() + 1);
  };
  // Weeks and counted spans need the story's own time: against the clock they would date an archived story today.
  // "this week": the week's Friday, the usual release day (a week across two months is read in the month of its Friday).
  for (const m of options.dayAlone ? sentence.matchAll(REL_WEEK) : []) {
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: monthAfterDays(m[1]!.toLowerCase() === 'next' ? 7 : m[2]!.toLowerCase() === 'weekend' ? (6 - reference.getUTCDay() + 7) % 7 : (5 - reference.getUTCDay() + 7) % 7), precision: 'month', explicitYear: false });
  }
  for (const m of options.dayAlone ? sentence.matchAll(IN_COUNT) : []) {
    const n = COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    if (!n || n > 24) continue;
    const unit = m[2]!.toLowerCase();
    if (unit.startsWith('day')) {
      // "returns in 3 days": that very day.
      if (n > 14) continue;
      const d = new Date(reference.getTime() + n * 86_400_000);
      add({ start: m.index, end: m.index + m[0].length, text: m[0], date: partialDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), precision: 'day', explicitYear: false });
      continue;
    }
    const month0 = reference.getUTCMonth() + n;
    const date = unit.startsWith('week') ? monthAfterDays(7 * n) : partialDate(y + Math.floor(month0 / 12), (month0 % 12) + 1);
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date, precision: 'month', explicitYear: false });
  }
  for (const m of sentence.matchAll(REL_SEASON)) {
    // "this spring", written in November or December, is the coming one.
    const ahead = m[1]!.toLowerCase() === 'this' && /^(?:spring|summer)$/i.test(m[2]!) && reference.getUTCMonth() >= 10;
    const year = m[1]!.toLowerCase() === 'next' || ahead ? y + 1 : y;
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: String(year), precision: 'year', explicitYear: false });
  }
  for (const m of sentence.matchAll(BARE_SEASON)) {
    const season = (m[1] ?? m[2])!.toLowerCase();
    const year = (SEASON_END[season] ?? 12) >= reference.getUTCMonth() + 1 ? y : y + 1;
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: String(year), precision: 'year', explicitYear: false });
  }
  for (const m of sentence.matchAll(BARE_MONTH)) {
    const word = m[1]!;
    if (!isMonthToken(word) || (m[2] === undefined && word.length === 3 && !/^May$/.test(word))) continue;
    if (!bareMonthReadsAsDate(sentence, m.index, m.index + m[0].length)) continue;
    const month = MONTH_INDEX[word.toLowerCase()]!;
    const year = inferYear(reference, month);
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: partialDate(year, month), precision: 'month', explicitYear: false });
  }
  if (options.dayAlone) {
    // The day a cued phrase names: ahead (or today) after a release verb; after a past-tense verb ("released Friday the
    // first two episodes"), the weekday just gone or today (a day already over dates no release ahead, and the analyst
    // drops it, but read on that very day it is the release's).
    const cuedDay = (m: RegExpMatchArray, past: boolean): void => {
      const word = m[2]!.toLowerCase();
      const weekday = WEEKDAYS.indexOf(word.replace(/day$/, ''));
      const offset = weekday < 0 ? (word === 'tomorrow' ? 1 : 0) : past ? -((reference.getUTCDay() - weekday + 7) % 7) : (weekday - reference.getUTCDay() + 7) % 7;
      const d = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate() + offset));
      const start = m.index! + m[1]!.length;
      add({ start, end: m.index! + m[0].length, text: m[0].slice(m[1]!.length), date: partialDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), precision: 'day', explicitYear: false, cued: true });
    };
    // "Hits Digital Tomorrow", "premieres tonight on HBO", "debuts Friday": only right after a release verb, where the
    // day is the release's (news copy dates announcements by weekday too: "Netflix said on Monday").
    for (const m of [...sentence.matchAll(RELATIVE_DAY), ...sentence.matchAll(RELEASE_ON_DAY)]) cuedDay(m, false);
    for (const m of sentence.matchAll(PAST_RELEASE_DAY)) cuedDay(m, true);
    for (const m of sentence.matchAll(DAY_POSSESSIVE)) {
      const d = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate() + (m[1]!.toLowerCase() === 'tomorrow' ? 1 : 0)));
      add({ start: m.index, end: m.index + m[1]!.length, text: m[1]!, date: partialDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), precision: 'day', explicitYear: false, cued: true });
    }
    for (const m of sentence.matchAll(DAY_ALONE)) {
      const day = +m[1]!;
      if (day < 1 || day > 31) continue;
      let year = reference.getUTCFullYear();
      let month = reference.getUTCMonth() + 1;
      if (day < reference.getUTCDate() - 7) {
        month++;
        if (month > 12) {
          month = 1;
          year++;
        }
      }
      const start = m.index + m[0].toLowerCase().indexOf('the');
      add({ start, end: m.index + m[0].length, text: sentence.slice(start, m.index + m[0].length), date: partialDate(year, month, day), precision: 'day', explicitYear: false });
    }
  }
  for (const m of sentence.matchAll(BARE_YEAR)) {
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date: m[1]!, precision: 'year', explicitYear: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

// Month names are capitalized ("March", "MARCH"); "march" and "may" are verbs.
function isMonthToken(word: string): boolean {
  return MONTH_WORD_CI.test(word) && (/^[A-Z][a-z]+$/.test(word) || /^[A-Z]+$/.test(word));
}

// "May" and "March" are also a verb and a modal; a bare month needs a preposition before it or a date noun after it.
function bareMonthReadsAsDate(s: string, start: number, end: number): boolean {
  const before = s.slice(Math.max(0, start - 24), start);
  const after = s.slice(end, end + 40);
  if (/\b(?:in|to|for|into|until|till|from|of|on|since|early|late|mid|this|next|last|by|through|before|after|the same|same|a|an|its)\s*-?\s*$/i.test(before)) return true;
  return /^\s*(?:(?:digital|streaming|theatrical|home|blu-ray|dvd|4k|tv|series|season|&|and)\s+){0,3}(?:release|releases|premiere|debut|opening|bow|launch|date|dates|slot|weekend|frame|corridor|theatrical)\b/i.test(after);
}

// ---------------------------------------------------------------------------------------------------------------
// Roles: is a date the (new) release date, the date a title moved from, or something else (a premiere, a shoot)?

export type DateRole = 'new' | 'previous' | 'other';

// "Disney Plus", "Paramount Plus", "Apple TV Plus": the names as outlets spell them out.
const STREAMER_NAMES = String.raw`(?:netflix|hulu|hbo max|hbo|max|disney\s*(?:\+|plus\b)|prime video|amazon|peacock|paramount\s*(?:\+|plus\b)|apple tv\s*(?:\+|plus\b)?|apple|tubi|shudder|starz|mgm\+|amc\+|crunchyroll|roku|pluto tv|freevee|fubo|britbox|acorn tv|mubi|criterion channel)`;
// "joins Prime Video in August", "hits Paramount+ in September", "hits the US next month": a title arriving somewhere.
const ARRIVES_AT = String.raw`(?:joins|joining|hits|hitting|goes|going|(?:to|will|would|should|could)\s+(?:hit|join|go))\s+(?:the\s+)?(?:${STREAMER_NAMES}|US|U\.S\.|UK|theaters|theatres|cinemas|screens|big\s+screens?|shelves|stores|digital|streaming|home video|VOD|PVOD|4K|Blu-?ray|DVD)(?![\w+])`;
const ARRIVES_AT_RE = new RegExp(ARRIVES_AT, 'i');
export const RELEASE_WORDS = /\b(?:streamers?|roll(?:s|ing)? out|expected|selects?|targets?|targeted|tabs|circled|slots|slotted|slotting|circles|tagged|preps|head(?:s|ed|ing)? (?:to|into|back)|launched|premiers?|airs?|aired|airing|starts?|starting|returns?|returning|coming|comes|ready|available|drops?|theaters|theatres|cinemas|digital|blu-?ray|dvd|vod|pvod|street date|open|opens|opening|release|releases|released|releasing|date|dates|dated|dating|slate|slates|slated|set|sets|move|moves|moved|moving|push|pushes|pushed|pushing|delay|delays|delayed|delaying|shift|shifts|shifted|shifting|bump|bumps|bumped|bumping|postpone\w*|debut\w*|bow|bows|bowing|premiere|premieres|premiering|stream|streams|streaming|broadcasts?|broadcasting|launch\w*|arriv\w*|hit theaters|hits theaters|in theaters|theatrical\w*|plant\w*|book|books|booked|lands?|calendar|schedul\w*|slot|corridor|earlier|later|vacat\w*|due|(?:is|are|be|comes?|coming|it['’]s)\s+(?:out|here|back)|kicks?\s+off|big\s+screens?|be screened|(?:is|are)\s+on\s+for)\b|,\s*out\s+(?:on\s+)?(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|\b(?:on|by|at|to|onto|into|from|for) (?:netflix|hulu|hbo max|hbo|max|disney\s*(?:\+|plus)|prime video|amazon|peacock|paramount\s*(?:\+|plus)|apple tv\s*(?:\+|plus)?|tubi|shudder|starz|mgm\+|amc\+)(?![\w+])/i;
// Cheap gate: a sentence with no digit and no month, season, holiday or "year" word has no date phrase.
export const DATEISH = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|holiday|christmas|thanksgiving|memorial|labor|president|independence|fourth|halloween|valentine|new year|mlk|martin|year|month|week|today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\bthe\s+\d)/i;
const EVENT_ONLY = /\b(?:convention|cinemacon|comic[- ]?con|d23|upfronts?|conference|summit|ceremony|gala|expo|shareholder|meeting|earnings|edition|lineup|nominations|contract|talks|deadline|fiscal|quarter)\b/i;
const FILM_RELEASE = /\b(?:open|opens|opening|release|releases|releasing|head(?:s|ed|ing)?\s+(?:to|into|back)|coming\s+to|comes\s+to|theaters|theatrical\w*|debuts?|streams?|streaming|in cinemas|arriv\w*|premier\w*|hit\w*|blu-?ray|4k|dvd|digital|moves?|moved|pushe[sd]?|delay\w*|shift\w*|dated)\b/i;

const NEGATIVE_BEFORE = new RegExp(
  [
    // "last" of a time ("since last year", "opened last weekend"), not in a title ("The Last of Us … will debut January 15").
    String.raw`\b(?:since|opened|debuted|bowed|premiered|released|wrapped|grossed|earned|ago|last(?=\s+(?:year|month|week|weekend|season|summer|fall|autumn|winter|spring|night|time|${WEEKDAY}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b)|through|thru|between|as of|starting|beginning)\b[^,;]{0,28}$`,
    String.raw`\b(?:shoot|shoots|shooting|filming|films|lensing|production|cameras|rolling|principal photography|begins|begin|start|starts|run|runs|held|takes place|take place|took place|taking place|announced|unveiled|revealed)\b[^,;]{0,14}$`,
    String.raw`\bweek of\s*$`,
    // "debuted on the streaming service on November 13", "within 60 days of its September 21 debut": a premiere gone by.
    String.raw`\b(?:debuted|premiered|bowed|opened|launched)\s+(?:on|in|at)\s+(?:the\s+)?(?:[\w+'’-]+\s+){0,4}(?:on|in)\s+$`,
    String.raw`\b(?:(?<!\bahead\s+)of|since|after|following)\s+(?:its|their)\s+$`,
    String.raw`\b(?:weekend|box office|frame|corridor)\s+(?:\w+\s+)?(?:arrives?|opens?|starts?|begins?|kicks off)\s+(?:on\s+)?$`,
    String.raw`\b(?:earlier|previously|already|last)\s+$`,
    String.raw`\(\s*$`,
    String.raw`\$\s?[\d.,]+\s*(?:[mbk]|mm|bn|million|billion|thousand)?(?:-plus)?\s*$`,
  ].join('|'),
  'i',
);
const SUPERLATIVE_BEFORE = /\b(?:best|biggest|highest|largest|worst|lowest|most|top)\b[^,;]{0,40}$/i;
const RELEASE_VERB_JUST_BEFORE = /\b(?:returns?|returning|arrives|arriving|premieres|premiering|debuts|debuting|hits|lands|comes(?:\s+back)?|coming(?:\s+back)?|opens|streams|streaming|releases|releasing)\b[^,;]{0,18}$/i;
// Lowercase only: in a Title Case headline "Born" and "Joined" are mostly words of a title ("Daredevil: Born Again").
const NEGATIVE_BEFORE_LOWER = /\b(?:founded|joined|born|died)\b[^,;]{0,28}$/;
const NEGATIVE_AFTER = /^\s*(?:edition|festival|film festival|lineup|ceremony|awards?|oscars|emmys|slate|shoot|production|start|re-?opening|reopens?|closures?|shutdown|fiscal|quarter|earnings|contract|season of|costumes?|parties|party|candy|decorations?|horror nights|-\s*\d)/i;
const ANNOUNCED_ON_BEFORE = /(?:^|[.;]\s+)(?:at\s+[^,.;]{1,50}?\s+)?on\s+$/i;
const ANNOUNCED_ON_AFTER = /^\s*,\s*(?:[\w&+'’.-]+\s+){0,4}?(?:announced|revealed|unveiled|confirmed|said|shared|teased)\b/i;
const PREVIOUS_BEFORE = new RegExp(
  String.raw`(?:\bfrom|\bprevious(?:ly)?(?:\s+(?:set|dated|scheduled|slated|planned|due|announced))?(?:\s+(?:for|on|in))?|\bprior|\boriginal(?:ly)?(?:\s+(?:being|been))?(?:\s+(?:set|dated|scheduled|slated|planned|due))?(?:\s+(?:for|on|in))?|\bhad\s+been\s+(?:set|dated|scheduled|slated|planned|due|expected|going)(?:\s+to\s+\w+(?:\s+\w+)?)?(?:\s+(?:for|on|in))?|\b(?:was|were)\s+(?:set|dated|scheduled|slated|planned|due|expected|going)(?:\s+to\s+\w+(?:\s+\w+)?)?(?:\s+(?:for|on|in))?|\bvacat(?:es|ed|ing)|\binstead\s+of|\bno\s+longer\s+(?:be\s+)?(?:releas\w*|open\w*|arriv\w*|hitting|coming|premier\w*|debut\w*|set|dated|slated|scheduled)(?:\s+(?:in\s+theaters|theatrically))?\s+(?:in|on|for)|\b(?<!\bkick(?:s|ed|ing)?\s+)off|\bout\s+of|\bleaves?|\bleaving|\babandon(?:s|ed|ing)?|\bgives?\s+up|\bformer|\bold|\bfrom\s+(?:its|their|the))\s+(?:(?:its|their|the|a|an|that|this)\s+)?(?:(?:former|old|prior|previous|original|initial|planned|earlier|current|existing)\s+)?$`,
  'i',
);
// "originally set for release on", "was slated to release the film on", "initially planned for a", "had planned to
// release it on", "had been slated for release this November": a plan that changed.
const PREVIOUS_PLAN_BEFORE = /\b(?:once(?=\s+(?:set|dated|slated|scheduled|planned|due|eyed|targeted)\b)|original(?:ly)?(?!\s+(?:series|movie|film|trilogy|cast|show|version|story|soundtrack|score|sin|gangsters)\b)|initial(?:ly)?|previous(?:ly)?|(?:was|were|had\s+been)\s+(?:set|dated|scheduled|slated|planned|due|expected|going)|had\s+(?:planned|intended|scheduled|dated|slated|set)|(?:was|were)\s+(?:planning|hoping))\b(?:\s+(?!(?:but|and|now|will|is|are|moves?|moved|shift\w*|pushe[sd]|delay\w*|until|to\s+(?:the\s+)?new)\b)[^\s,;.]+){0,6}?\s+(?:(?:on|for|in|to|of|during)\s+(?:(?:its|their|the|a|an)\s+)?|(?:this|next)\s+)$/i;
// The words between an event and its date carry no release of their own ("premieres at Venice & debuts Sept. 28" is one).
const EVENT_GAP = String.raw`(?:(?!\b(?:debut|open|stream|releas|arriv|hits?\b|lands?\b|before|then|and\b|on\s+(?:netflix|hulu|disney|max|hbo|prime|apple|peacock|paramount)))[^,;&])`;
const EVENT_CONTEXT_BEFORE = new RegExp(String.raw`\b(?:premiere|premieres|premiering|screen|screens|screening|play|plays|bow|bows|debut|debuts)\s+at\s+(?:the\s+)?${EVENT_GAP}{0,40}$|\b(?:SXSW|Sundance|Slamdance|Cannes|Venice|TIFF|Telluride|Tribeca|Berlinale|Locarno|Karlovy Vary|Annecy|Rotterdam|Busan|NYFF|AFI Fest|Fantastic Fest|Fantasia|Comic-Con|CinemaCon|D23|film festival|festival)\b${EVENT_GAP}{0,24}$|` + String.raw`\b(?:awards?|emmys?|oscars?|globes|ceremony|telecast)\s+(?:(?:show|ceremony|telecast)\s+)?(?:airing|airs|will air|is|takes place|held)?\s*(?:on\s+)?$|\b(?:trailer|teaser|clip|poster|first look|footage|featurette|promo|tickets?)\b(?:\s+[^\s,;.]+){0,3}?\s+(?:(?:is|are|now|also)\s+)?(?:(?:due|set|expected|slated|scheduled)\s+to\s+)?(?:debut|drop|arrive|release|launch|premiere|be released|go on sale|be unveiled|come out|hit)\w*\s+(?:on\s+)?$`, 'i');
// "the 2022 New York Film Festival", "2027 Academy Awards": a year that names an event.
const EVENT_NAME_AFTER = /^(?:['’]s)?\s*(?:[A-Z][\w'.-]*\s+){1,4}(?:Film\s+)?(?:Festival|Fest|Awards?|Oscars|Emmys|Globes|Gala|Summit|Convention|Expo)\b/;
const RUN_FROM_BEFORE = /\b(?:cinemas|theatres|theaters|available|streaming|stream|streams|showing|playing|on release|in release|on digital|on demand)(?:\s+(?:on|in)\s+[\w+]+(?:\s+[\w+]+)?)?\s+from\s+$/i;
const NEW_BEFORE = new RegExp(
  String.raw`(?:\b(?:today|tomorrow|tonight),\s*|\b(?:to|for|on|into|in|until|now|by|this|later this)\s+(?:(?:the|a|an|its|their|wide|limited|nationwide|theatrically|exclusively|globally|same|month\s+of|premium|digital|digitally|select|theaters|theatres|cinemas|and|blu-ray|dvd|4k|vod|on|demand|netflix|hulu|max|hbo|disney\+|prime video|peacock|paramount\+|apple tv\+?|tubi|shudder|starz|mgm\+|amc\+|crunchyroll|fx|amc|abc|cbs|nbc|fox|the cw|pbs)[\s,]+){0,4}` +
    String.raw`|\b(?:beginning|starting|expected|selects?|selected|targets?|targeted|slots|slotted|slotting|tabs|tabbed|circled|circles|tagged|preps|rolls? out|rolling out|opens?|opening|releases?|released|releasing|debuts?|debuting|bows?|bowing|premieres?|premiering|premiers?|airs?|airing|starts?|returns?|returning|coming|comes|ready|available|drops?|tabs|streams?|streaming|arrives?|arriving|launch(?:es|ing)?|hits?\s+theaters|lands?|set|sets|dated|dates|slated|slates|plants?|planted|books?|booked|claims?|claimed|moves?|moved|shifts?|shifted|pushe[sd]|pushes|bumps?|bumped|delay(?:s|ed)?|scheduled|due|out|kicks?\s+off|will\s+(?:now\s+)?(?:open|bow|debut|release|arrive|premiere|stream|launch|land))` +
    String.raw`(?:\s+[^\s,;.]+){0,5}?\s+(?:(?:on|in|for)\s+)?(?:(?:the|a|an|its|their)\s+)?)$`,
  'i',
);
const ARRIVES_BEFORE = new RegExp(`${ARRIVES_AT}(?:\\s+[^\\s,;.]+){0,3}?\\s+(?:(?:on|in|for)\\s+)?$`, 'i');
// "leaves Netflix May 1", "leaving streaming this month": a title going away, not a release.
const LEAVES_BEFORE = new RegExp(String.raw`\b(?:leaves?|leaving|exits?|exiting|departs?|departing|removed from)\s+(?:the\s+)?(?:${STREAMER_NAMES}|streaming|theaters|theatres|cinemas)\b(?:\s+[^\s,;.]+){0,2}?\s+(?:(?:on|in)\s+)?$`, 'i');
// "following its premiere on May 15", "after a two-episode debut May 15": a date already past in this story.
const PAST_EVENT_BEFORE = /\b(?:following|after)\s+(?:its|their|the|a|an|his|her)?\s*(?:[\w'’-]+\s+){0,3}(?:premiere|debut|release|launch|opening|run|bow)\s+(?:on\s+|in\s+)?(?:(?:early|mid|late)[-\s]+)?$/i;
// A release named, then its date after a colon ("Release: Oct. 1", "Premiere Date Revealed: June 27").
const DATE_LABEL_BEFORE = /\b(?:release|premiere|debut|streaming|air|drop|launch|opening|street)(?:\s+(?:date|dates|day|window))?(?:\s+[^.;:]{0,40}?\b(?:revealed|announced|confirmed|set|unveiled|is|are))?\s*:\s*$/i;
// "from September 14 to the 21st": the end of a run is not a date of its own.
const RANGE_END_BEFORE = /(?:\d(?:st|nd|rd|th)?|\b(?:January|February|March|April|May|June|July|August|September|October|November|December))\s*(?:to|through|thru|until|till|-|–|—)\s*(?:the\s+)?$/i;
const RUN_START_CONTEXT = new RegExp(String.raw`\b(?:theaters|theatres|cinemas|screens|stream\w*|digital|available|marathons?|(?:mov\w+|head\w*|com\w+|going)\s+to|join\w*|${STREAMER_NAMES})(?![\w+])[^.;]{0,60}$`, 'i');
const MOVE_WORDS = /\b(?:moves?|moved|moving|push\w*|shift\w*|delay\w*|bump\w*|postpon\w*|reschedul\w*|earlier|later|sooner|back|up)\b/i;
const RANGE_START_AFTER = /^\s*(?:to|through|thru|until|till|-|–|—)\s*(?:the\s+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/i;
// "earlier than its planned November dates", "sooner than the original fall window": the date it moved from.
const NOT_UNTIL_BEFORE =
  /\bnot\s+(?:expected|due|coming|returning|arriving|likely)\b[^.;:]{0,30}?\buntil\s+(?:at\s+least\s+)?(?:early\s+|mid-?\s*|late\s+)?$|\b(?:won[’']?t|will\s+not|isn[’']?t|aren[’']?t|is\s+not|are\s+not)\s+(?:(?:now|then|likely|even|actually)\s+)?(?:be\s+(?:here|back|out|available|released|returning|arriving)|returns?|arrive|premiere|release|debut|air|stream|hit|land|open|come\s+back|be\s+coming)\b[^.;:]{0,30}?\buntil\s+(?:at\s+least\s+)?(?:early\s+|mid-?\s*|late\s+)?$/i;
const NOT_ARRIVING_BEFORE = /\b(?:won[’']?t|will\s+not|isn[’']?t|aren[’']?t|is\s+not|are\s+not|not)\s+(?:be\s+)?(?:coming|arriving|returning|released|releasing|out|here|back|premiering|debuting|landing|airing|streaming|opening|come|arrive|return|release|premiere|debut|land|air|stream|open)(?:\s+(?:back|out|to\s+\S+|on\s+\S+)){0,2}(?:\s+(?:its|their|the)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+)?\s+(?:in\s+|on\s+|by\s+)?$/i;
const DROPPED_RELEASE_BEFORE =
  /\b(?:delay(?:s|ed|ing)?|postpone[sd]?|postponing|push(?:es|ed|ing)?\s+back|scrap(?:s|ped|ping)?|cancel(?:s|led|ed|ling|ing)?|abandon(?:s|ed|ing)?|skip(?:s|ped|ping)?)\s+(?:(?:its|their|the|a|an)\s+)?(?:(?:planned|scheduled|original|previous|initial|expected)\s+)?$/i;
const DROPPED_RELEASE_AFTER = /^\s*(?:(?:theatrical|cinema|wide|global|worldwide|uk|us|u\.s\.)\s+)?(?:release|opening|debut|premiere|bow|launch)\b/i;
const THAN_PLANNED_BEFORE = /\b(?:earlier|later|sooner)\s+than\s+(?:its|their|the)\s+(?:(?:planned|original|scheduled|previous|initial|announced|expected)\s+)?$/i;
// "the 2027 sci-fi epic", "Selena Gomez's 2027 Alien Sci-Fi": a year ahead that a release is known by.
// "the 2026 summer movie season", "its 2027 slate": a year of many releases, not the date of one.
const SEASON_OF_MOVIES_AFTER = /^\s+(?:[\w'&-]+\s+){0,2}?(?:movie season|box office|slate|lineup|awards|class)\b/i;
const YEAR_NAMES_RELEASE_BEFORE = /(?:['’]s|\b(?:the|a|an|its|their|his|her|new|upcoming))\s+$/i;
export const FUTURE_YEAR_NAMES = /\b20[2-6]\d\s+(?:[\w'&-]+\s+){0,3}?(?:film|movie|thriller|horror|comedy|drama|sequel|prequel|blockbuster|adaptation|reboot|remake|series|show|epic|sci-fi|western|biopic|musical|documentary|animated|action|fantasy|romance)\b/i;
const YEAR_NAMES_RELEASE_AFTER = /^\s+(?:[\w'&-]+\s+){0,3}?(?:film|movie|thriller|horror|comedy|drama|sequel|prequel|feature|release|blockbuster|adaptation|reboot|remake|series|show|season|epic|sci-fi|western|biopic|musical|documentary|animated|action|fantasy|romance|war|crime)\b/i;
// "2026 Disney+ Release Date", "March Netflix Premiere Date": a date, a service's name, then the date noun.
const NAMED_DATE_AFTER = /^\s*(?:[A-Z][\w+&'’-]*\s+){1,2}(?:(?:(?:[Rr]elease|[Pp]remiere|[Dd]ebut|[Ss]treaming)\s+)?[Dd]ate|[Pp]remiere|[Dd]ebut|[Rr]elease|[Ll]aunch)\b/;
// "premiere this month at Cannes": the date of a festival screening.
const FESTIVAL_AFTER = /^\s+at\s+(?:the\s+)?(?:\d{4}\s+)?(?:SXSW|Sundance|Slamdance|Cannes|Venice|TIFF|Toronto|Telluride|Tribeca|Berlinale|Berlin|Locarno|Karlovy Vary|Annecy|Rotterdam|Busan|NYFF|AFI Fest|Fantastic Fest|Fantasia|Comic-Con|SDCC|CinemaCon|D23|[A-Z][\w'.-]*\s+(?:Film\s+)?Festival)\b/;
// "invading theaters this August", "in cinemas on Friday": the place of a release right before its date.
const IN_THEATERS_BEFORE = /\b(?:theaters|theatres|cinemas)\s+(?:(?:this|on|in|starting|beginning|from)\s+)?$/i;
// "This summer, Hulu will debut …": a date that opens the sentence, then who releases what.
const WILL_RELEASE_AFTER = /^\s*,\s*(?:[\w+&'’.-]+\s+){1,4}?(?:will|is set to|is going to|plans to)\s+(?:debut|premiere|release|launch|open|arrive|return|stream|drop|air|bow|hit)\b/i;
const NEW_AFTER = /^\s*(?:,\s*\d{4}\s*)?(?:(?:digital|streaming|theatrical|home|blu-ray|dvd|4k|tv|series|season|wide|limited)\s+)?(?:release|releases|theatrical|opening|debut|premiere|bow|launch|date|slot|limited|wide|global|streaming|in theaters|nationwide|bow)\b/i;

/** Quoted spans (titles, mostly) blanked out, so that their words ("Best and Last", "Born Again") are not read as cues. */
function withoutQuoted(text: string): string {
  return text.replace(/(?<![\w])(['‘"“])[^'‘’"“”\n]{1,80}?(['’"”])(?![\w])/g, (q) => ' '.repeat(q.length));
}

// What a lead may date besides the release: "a teaser trailer now due to debut on May 6".
const PROMO_BEFORE = /\b(?:trailers?|teasers?|first[- ]look|clips?|footage|posters?|promos?|spots?|panels?)\b/i;
// Words that make "starts" or "begins" a shoot or a run rather than a premiere.
const PRODUCTION_WORDS = /\b(?:shoot\w*|film(?:s|ing)|lens\w*|production|cameras?|principal photography|rehearsal\w*|casting|tour\w*|trial|festival|convention|auction|sale|presale|pre-sale|ticket\w*|voting|campaign)\b/i;

export function roleOf(sentence: string, m: DateMention, reference: Date, timeKnown: boolean): DateRole {
  // "U.S." and "U.K." end no clause: their dots are dropped, so "moving to AMC+ in the U.S. starting June 11" reads whole.
  const before = withoutQuoted(sentence.slice(Math.max(0, m.start - 60), m.start)).replace(/\b(?:[A-Z]\.){2,}/g, (x) => x.replace(/\./g, ''));
  const after = sentence.slice(m.end, m.end + 30);
  // "will be released in May" is ahead, unlike "released in May"; "starts streaming May 1" is a release, "starts shooting" not.
  // (The "will release … beginning in" test reads a longer stretch: the verb may sit 60 characters back.)
  const future =
    /\b(?:will|would|to|set to|slated to|scheduled to|expected to|is|are|gets?|being)\s+(?:(?:now|finally|officially|also|still|then|instead|only|exclusively|reportedly|likely)\s+)?(?:be\s+)?(?:re-?)?(?:released|launched|available|out|in theaters|streaming|screened|shown|broadcast)\b[^,;]{0,28}$|\b(?:starts?|begins?)\s+(?:streaming|airing|playing)\b[^,;]{0,20}$|\b(?:will|to)\s+(?:release|launch|premiere|stream|debut|air|drop|roll out)\b[^;]{0,60}\b(?:beginning|starting)\s+(?:on\s+|in\s+)?$/i.test(withoutQuoted(sentence.slice(Math.max(0, m.start - 100), m.start))) ||
    // "The Break … starts May 27": a show that starts on a date premieres, unless the sentence is about a shoot or a run.
    (/\b(?:starts?|begins?)\s+(?:on\s+)?$/i.test(before) && !PRODUCTION_WORDS.test(sentence));
  // A run ("for one week from September 14 to the 21st"), not a move ("pushed from Oct. 25 to Aug. 23").
  const run = !MOVE_WORDS.test(sentence);
  // "released Friday the first two episodes": the day of a release just made (past ones are dropped by the analyst).
  if (m.cued && /\b(?:released|premiered|debuted|dropped)\s+(?:on\s+)?$/i.test(before) && !/\b(?:trailers?|teasers?|first[- ]look|clips?|footage|posters?|images?|photos?|promos?|spots?)\b/i.test(sentence.slice(0, m.start))) return 'new';
  // "ahead of (the release of) next year's 'Shrek 5'": the date of a title the story waits for, not of its own.
  if (/^['’]s\b/.test(after) && /\bahead\s+of\s+(?:the\s+(?:release|premiere|debut|arrival)\s+of\s+)?$/i.test(before)) return 'other';
  // "won't be here until summer 2023", "won't return until 2021": the date the title comes back.
  if (NOT_UNTIL_BEFORE.test(before)) return 'new';
  // "Isn't Coming This Year", "won't be released in 2024": the date a title will not have.
  if (NOT_ARRIVING_BEFORE.test(before)) return 'other';
  // "Starting on August 25th, you can stream the film in 4K": the day it can be watched.
  if (/(?:^|[,;]\s*|\b(?:starting|beginning|from)\s+(?:on\s+)?)$/i.test(before) && /^(?:st|nd|rd|th)?,?\s+(?:you|fans|viewers|audiences|subscribers|everyone)\s+(?:can|will be able to)\s+(?:stream|watch|see|catch|rent|buy)\b/i.test(after)) return 'new';
  // "delayed the film to 2024 back in August": when something happened, not a date ahead ("will be back in May" is).
  if (/\bback\s+in\s+$/i.test(before) && !/\b(?:coming|come|comes|be|is|are|['’]s|returns?|returning|head(?:s|ed|ing)?|goes|going|gets?)\s+back\s+in\s+$/i.test(before)) return 'other';
  // "In April the streaming giant reported its first subscriber loss": a time told in the past.
  if (/^\s*(?:in|on|by|since)?\s*$/i.test(sentence.slice(0, m.start)) && /^,?\s+(?:the\s+|its\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:reported|announced|said|revealed|confirmed|posted|lost|saw|had|was|were|did|made|became|released|premiered|debuted|opened)\b/i.test(sentence.slice(m.end, m.end + 60))) return 'other';
  // "when it comes to Halloween, the studio says …": the idiom ("as for"), not an arrival.
  if (/\bwhen\s+it\s+comes\s+to\s+$/i.test(before)) return 'other';
  if (run && RANGE_END_BEFORE.test(before)) return 'other';
  // "to theaters starting on May 19", "moving to AMC+ starting June 11", "marathons starting July 3": a run that begins.
  if (/\b(?:starting|beginning)\s+(?:on\s+|in\s+|from\s+|this\s+)?$/i.test(before) && RUN_START_CONTEXT.test(before)) return 'new';
  if (LEAVES_BEFORE.test(before) || PAST_EVENT_BEFORE.test(before)) return 'other';
  // "Sets Digital, Blu-ray Release: Oct. 1", "Streaming Date on Disney+ Revealed: Sept. 25": a date named after a colon.
  if (DATE_LABEL_BEFORE.test(before) && !/\b(?:trailer|teaser|tickets?|footage|poster)\b/i.test(before)) return 'new';
  // "releasing the first trailer next month", "teaser drops next week": a trailer's date, not the title's.
  if (/\b(?:trailers?|teasers?|clips?|posters?|footage|sneak peeks?)\s+(?:(?:is\s+|will\s+)?(?:due|coming|arriving|drops?|dropping|out|arrives?|releas\w+|debuts?)\s+)?(?:for\s+fans\s+)?(?:on\s+|in\s+|at\s+)?$/i.test(before)) return 'other';
  // "post-Halloween release date", "pre-Christmas": beside the day, not on it.
  if (/\b(?:post|pre)-$/i.test(before)) return 'other';
  // "Announced With Fall 2024 Release Date", "returns with a May 5 premiere": the date the news comes with.
  if (/\bwith\s+(?:an?\s+|its\s+)?$/i.test(before) && (NEW_AFTER.test(after) || NAMED_DATE_AFTER.test(after))) return 'new';
  if (!future && (NEGATIVE_BEFORE.test(before) || NEGATIVE_BEFORE_LOWER.test(before)) && !/\b(?:to|for|instead of|from)\s+(?:the\s+|its\s+|a\s+)?$|\b(?:previously|originally|initially)\s+(?:announced|unveiled|revealed)\s+$/i.test(before)) return 'other';
  // "the biggest opening of 2026" is a record; "Netflix's Most Unsettling Series Returns In 1 Month" is a release.
  if (!future && SUPERLATIVE_BEFORE.test(before) && !RELEASE_VERB_JUST_BEFORE.test(before)) return 'other';
  if (FESTIVAL_AFTER.test(after)) return 'other';
  if (NEGATIVE_AFTER.test(after) || EVENT_NAME_AFTER.test(sentence.slice(m.end, m.end + 60))) return 'other';
  // "On October 13, Crunchyroll announced …", "At Comic Con on Oct. 13, the studio revealed …": the day of the news, not of a release.
  if (ANNOUNCED_ON_BEFORE.test(before) && ANNOUNCED_ON_AFTER.test(sentence.slice(m.end, m.end + 60))) return 'other';
  // A bare year right after a name is an event ("Sundance 2027", "CinemaCon 2027"), not a date; "2023 Release Date" is.
  // A year ahead naming what a film or show is ("the 2027 thriller") dates it.
  if (m.precision === 'year' && /^\d{4}$/.test(m.text) && timeKnown && Number(m.date) >= reference.getUTCFullYear() && YEAR_NAMES_RELEASE_BEFORE.test(before) && !SEASON_OF_MOVIES_AFTER.test(after) && !PREVIOUS_BEFORE.test(before) && !PREVIOUS_PLAN_BEFORE.test(before) && YEAR_NAMES_RELEASE_AFTER.test(sentence.slice(m.end, m.end + 50)) && !EVENT_NAME_AFTER.test(sentence.slice(m.end, m.end + 60))) return 'new';
  if (m.precision === 'year' && /^\d{4}$/.test(m.text) && !/^\s*(?:[\w+&'-]+\s+){0,2}?(?:(?:theatrical|streaming|digital|premiere|debut|opening)\s+)?(?:release\s+)?date\b|^\s*release\b/i.test(after) && /\b[A-Z][\w'-]*[a-z][\w'-]*\s*$/.test(before) && !/\b(?:To|For|In|Into|Until|Of|From|On|Coming|Arrives?|Arriving|Returns?|Returning|Premieres?|Premiering|Opens?|Opening|Debuts?|Debuting|Hits?|Slated|Set|Sets|Due|Dated|Lands?|Landing|Releas(?:es|ing)|Streams?|Streaming|Out|Back)\s*$/.test(before)) return 'other';
  // "the 1992 thriller", "a 1996 classic": a year long past names a film's vintage, not a date of this story.
  // Only when the story's time is known: without it, a year is taken as written.
  if (timeKnown && m.precision === 'year' && m.explicitYear && Number(m.date) < reference.getUTCFullYear() - 1) return 'other';
  // A year already over is not a date ahead ("skipped the event in 2025", "first launched in fall 2025").
  if (timeKnown && m.precision === 'year' && Number(m.date) < reference.getUTCFullYear()) return 'other';
  // "2027's 'Man of Tomorrow'", "next month's martial arts thriller": the date a release is known by.
  if (POSSESSIVE_RELEASE_AFTER.test(after)) return 'new';
  // A festival's or an awards show's date, or a trailer's ("will premiere at SXSW next month", "teaser due to debut May 6").
  if (EVENT_CONTEXT_BEFORE.test(before)) return 'other';
  // "in cinemas from 16 June", "available from Friday": the start of a run, not the date it moved from.
  if (RUN_FROM_BEFORE.test(before)) return 'new';
  if (run && /\bfrom\s+$/i.test(before) && RANGE_START_AFTER.test(after)) return 'new';
  if (THAN_PLANNED_BEFORE.test(before)) return 'previous';
  // "will delay April release", "scraps its March 3 premiere": the date a release was set for and no longer is.
  if (DROPPED_RELEASE_BEFORE.test(before) && DROPPED_RELEASE_AFTER.test(after)) return 'previous';
  if (PREVIOUS_BEFORE.test(before) || PREVIOUS_PLAN_BEFORE.test(before)) return 'previous';
  if (/^\s*(?:(?:date|slot|release date|opening)\s*(?:it|which)?\s*had\b|(?:it|which)\s+had\b|(?:previously|originally)\b|had\s+(?:been|once)\b)/i.test(after)) return 'previous';
  // "in early August": the qualifier is part of the date; the cue comes before it.
  // "It'll arrive on Star Wars Day, May 4": a named day in apposition stands between the cue and its date.
  const cueBefore = before.replace(/\b(?:early|mid|late|the end of|the middle of)[-\s]+$/i, '').replace(/(\s(?:on|for))\s+(?:[A-Z][\w+'’-]*\s+){1,3}Day,\s*$/, '$1 ');
  if (IN_THEATERS_BEFORE.test(cueBefore) || NEW_BEFORE.test(cueBefore) || ARRIVES_BEFORE.test(cueBefore) || NEW_AFTER.test(after) || NAMED_DATE_AFTER.test(after) || WILL_RELEASE_AFTER.test(sentence.slice(m.end, m.end + 60)) || m.cued) return 'new';
  return 'other';
}

/** Phrases that take a title off the calendar (no new date). */
const UNDATED = /\boff\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:calendar|schedule|slate)\b|\bvanish\w*\b|\bundated\b|\bindefinitely\b|\bwithout\s+a\s+(?:new\s+)?(?:release\s+)?date\b|\b(?:pulls?|pulled|removes?|removed|yanks?|yanked)\b[^.]{0,60}?\b(?:from|off)\s+(?:the\s+|its\s+)?(?:[\w.]+\s+){0,3}?(?:release\s+)?(?:calendar|schedule|slate|date)\b|\bno\s+longer\s+(?:dated|on\s+the\s+calendar)\b/i;

/** Release dates of a story: the new date, the date moved from, and whether the story takes a title off the calendar. */
export interface ReleaseDates {
  releaseDate: string | null;
  previousDate: string | null;
  undated: boolean;
  /** Where the new date was read: the headline (strong evidence for a dating story) or the body. */
  releaseIn: 'headline' | 'body' | null;
  /** Where the previous date was read, as a signal for the classifier. */
  previousIn: 'headline' | 'body' | null;
  /** The sentence the new date was read from (its words tell the kind of release), and where in it the date is. */
  releaseSentence: string | null;
  releaseAt: number | null;
}

/**
 * Reads the new and previous release dates from the headline and the body sentences. The first new date wins (the
 * headline first); a later, more precise date that agrees with it refines it ("May 2028" then "May 26, 2028").
 */
export function extractReleaseDates(headline: string, bodySentences: readonly string[], reference: Date, options: { timeKnown?: boolean } = {}): ReleaseDates {
  // The reference is the story's publication time, or (unknown: an item read without one) the clock: then the
  // rules that judge a written year against the story's own year ("a 1996 classic" is a vintage) do not apply.
  const timeKnown = options.timeKnown ?? true;
  const sentences = [headline, ...bodySentences].map((x) => (x ? fixMonthTypos(x) : x));
  // Without a publication time the clock is a guess. A story that writes a year elsewhere ("Valentine's Day 2016 …
  // opens Feb. 12") is read in that year when it is not a later one (an archived story, not today's news); a story
  // that writes no year gives a year-less date ("Oct. 11") no year to take: it dates nothing (the labeling guide's rule).
  let yearlessDates = true;
  if (!timeKnown) {
    const story = storyYearReference(sentences, reference);
    yearlessDates = story.writesYear;
    reference = story.reference;
  }
  let release: DateMention | null = null;
  let previous: DateMention | null = null;
  let releaseIn: ReleaseDates['releaseIn'] = null;
  let previousIn: ReleaseDates['previousIn'] = null;
  let undated = false;
  let releaseSentence: string | null = null;
  let releaseSentenceIndex = -1;
  let previousSentenceIndex = -1;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (!s) continue;
    if (UNDATED.test(s)) undated = true;
    // "… when Season 4 begins" is a premiere; "production begins in early 2027" is a shoot.
    if (!DATEISH.test(s) || !(RELEASE_WORDS.test(s) || ARRIVES_AT_RE.test(s) || FUTURE_YEAR_NAMES.test(s) || POSSESSIVE_DATE.test(s) || (/\bbegins?\b/i.test(s) && !PRODUCTION_WORDS.test(s)))) continue;
    if (EVENT_ONLY.test(s) && !FILM_RELEASE.test(s)) continue;
    for (const m of dateMentionsOf(s, reference, timeKnown)) {
      if (!m.explicitYear && !yearlessDates) continue;
      const role = roleOf(s, m, reference, timeKnown);
      if (role === 'new') {
        if (!release) {
          release = m;
          releaseIn = i === 0 ? 'headline' : 'body';
          releaseSentence = s;
          releaseSentenceIndex = i;
        } else if (refines(reyeared(m, release), release)) {
          release = reyeared(m, release);
          releaseSentence = s;
          releaseSentenceIndex = i;
        }
      } else if (role === 'previous') {
        if (!previous) {
          previous = m;
          previousIn = i === 0 ? 'headline' : 'body';
          previousSentenceIndex = i;
        } else if (refines(m, previous)) {
          previous = m;
          previousSentenceIndex = i;
        }
      }
    }
  }
  // "Venom 3 Delayed But Still Arriving in 2024. Let there be Venom 3 on November 8, 2024": the lead's one day inside
  // the headline's year or month is that date made precise, however the lead words it (no release word needed), unless
  // it is the date moved from, a shoot's or a trailer's.
  if (release && releaseSentenceIndex === 0 && release.precision !== 'day') {
    const found = new Set<string>();
    let at: { s: string; i: number; m: DateMention } | null = null;
    for (let i = 1; i <= Math.min(2, sentences.length - 1); i++) {
      const s = sentences[i];
      if (!s || !DATEISH.test(s) || PRODUCTION_WORDS.test(s) || (EVENT_ONLY.test(s) && !FILM_RELEASE.test(s))) continue;
      for (const m of dateMentionsOf(s, reference, timeKnown)) {
        if (!m.explicitYear && !yearlessDates) continue;
        const r = reyeared(m, release);
        if (!refines(r, release) || roleOf(s, m, reference, timeKnown) === 'previous' || PROMO_BEFORE.test(s.slice(0, m.start))) continue;
        found.add(r.date);
        at ??= { s, i, m: r };
      }
    }
    if (found.size === 1 && at) {
      release = at.m;
      releaseSentence = at.s;
      releaseSentenceIndex = at.i;
    }
  }
  let releaseDate = release?.date ?? null;
  let previousDate = previous?.date ?? null;
  // "Moves From March 2025 Release to June", "July 31, 2026, a week earlier than its previous Aug. 7 date": a year-less
  // date of a move takes the year that puts it nearest the other date of the same sentence, which writes its year.
  if (release && previous && releaseSentenceIndex === previousSentenceIndex && release.precision !== 'year' && previous.precision !== 'year') {
    if (!release.explicitYear && previous.explicitYear) releaseDate = nearestYear(release.date, previous.date);
    else if (release.explicitYear && !previous.explicitYear) previousDate = nearestYear(previous.date, release.date);
  }
  // "Releasing One Week Earlier Than Planned … originally set for March 27": the new date is the old one shifted.
  if (!releaseDate && previous && previous.precision !== 'year') releaseDate = shiftedDate(previous.date, sentences);
  // A title moves from a date still ahead or just past, never from one years back ("its original 1954 release").
  if (timeKnown && previousDate && Number(previousDate.slice(0, 4)) < reference.getUTCFullYear() - 1) previousDate = null;
  // "Returns to theaters in 2027 … on February 19th, 2027": the year and the day are one date, not a move (a season is
  // a span: "from the summer to December" moves within the year).
  if (releaseDate && previousDate && releaseDate.startsWith(previousDate) && !SEASON_MONTHS.some(([re]) => re.test(previous!.text))) previousDate = null;
  return { releaseDate, previousDate, undated, releaseIn, previousIn, releaseSentence, releaseAt: release?.start ?? null };
}

const SHIFT_COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const SHIFT_AMOUNT = String.raw`(a|an|one|two|three|four|five|six|\d{1,2})\s+(day|week|month)s?`;
const SHIFT_BY_WORD = new RegExp(String.raw`\b${SHIFT_AMOUNT}\s+(earlier|sooner|later)\b`, 'i');
const SHIFT_BY_VERB = new RegExp(String.raw`\b(?:(?:moves?|moved|moving|bump(?:s|ed|ing)?|push(?:es|ed|ing)?|shift(?:s|ed|ing)?)\s+(up|back|forward)|(delay(?:s|ed|ing)?|postpon(?:es|ed|ing)|push(?:es|ed|ing)?\s+back))(?:\s+(?:by\s+)?|(?:\s+[^\s,;.]+){1,6}?\s+by\s+)${SHIFT_AMOUNT}\b`, 'i');

/** The date `shift` days, weeks or months from `date` as a story says it moved ("one week earlier", "pushed back two weeks"); null when none says. */
function shiftedDate(date: string, sentences: readonly string[]): string | null {
  for (const s of sentences) {
    if (!s) continue;
    let sign: number;
    let amount: string;
    let unit: string;
    const word = SHIFT_BY_WORD.exec(s);
    const verb = word ? null : SHIFT_BY_VERB.exec(s);
    if (word) {
      [amount, unit] = [word[1]!, word[2]!];
      sign = /later/i.test(word[3]!) ? 1 : -1;
    } else if (verb) {
      [amount, unit] = [verb[3]!, verb[4]!];
      sign = verb[1] ? (/back/i.test(verb[1]) ? 1 : -1) : 1;
    } else continue;
    const n = SHIFT_COUNT[amount.toLowerCase()] ?? Number(amount);
    if (!Number.isFinite(n) || n <= 0) return null;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined];
    if (unit.toLowerCase() === 'month') {
      const t = new Date(Date.UTC(y, m - 1 + sign * n, 1));
      const lastDay = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
      return partialDate(t.getUTCFullYear(), t.getUTCMonth() + 1, d === undefined ? undefined : Math.min(d, lastDay));
    }
    // Days and weeks shift a dated day; from a month alone ("moves up a week" from "March") the landing month is unknown.
    if (d === undefined) return null;
    const t = new Date(Date.UTC(y, m - 1, d + sign * n * (unit.toLowerCase() === 'week' ? 7 : 1)));
    return partialDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  return null;
}

// "Brendan Fraser's 2026 War Epic": a year that names a film, this year or last (a year long past names a vintage:
// "the 1989 classic").
function namesRecentRelease(sentence: string, m: DateMention, clock: Date): boolean {
  const y = Number(m.date);
  return /^\d{4}$/.test(m.text) && y >= clock.getUTCFullYear() - 1 && YEAR_NAMES_RELEASE_AFTER.test(sentence.slice(m.end, m.end + 50));
}

// The earliest year written with a month (or a month and day) in the story, else the earliest written year that reads
// as a release date; it replaces the clock when it is not later (a year-less month is then read in that year).
function storyYearReference(sentences: readonly string[], clock: Date): { reference: Date; writesYear: boolean } {
  let dated: number | null = null;
  let bare: number | null = null;
  for (const s of sentences) {
    if (!s || !/\b(?:19[5-9]\d|20[0-6]\d)\b/.test(s)) continue;
    for (const m of findDateMentions(s, clock)) {
      if (!m.explicitYear) continue;
      const y = Number(m.date.slice(0, 4));
      if (m.precision !== 'year') dated = dated === null ? y : Math.min(dated, y);
      else if (roleOf(s, m, clock, false) !== 'other' || namesRecentRelease(s, m, clock)) bare = bare === null ? y : Math.min(bare, y);
    }
  }
  const year = dated ?? bare;
  if (year === null) return { reference: clock, writesYear: false };
  if (year > clock.getUTCFullYear()) return { reference: clock, writesYear: true };
  // The clock's own year too: "the 2026 thriller will hit streaming in April", read in December 2026, is April 2026.
  return { reference: new Date(Date.UTC(year, 0, 1)), writesYear: true };
}

/** `date` ("2024-06", "2024-06-10") moved to the year (`anchor`'s, or one either side) that puts it nearest `anchor`. */
function nearestYear(date: string, anchor: string): string {
  const y = Number(anchor.slice(0, 4));
  const monthIndex = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7) || '1');
  let best = date;
  let bestGap = Infinity;
  for (const year of [y - 1, y, y + 1]) {
    const candidate = `${year}${date.slice(4)}`;
    // A day that this year has not (Feb. 29) is no candidate.
    if (candidate.length === 10 && new Date(`${candidate}T00:00:00Z`).toISOString().slice(0, 10) !== candidate) continue;
    const gap = Math.abs(monthIndex(candidate) - monthIndex(anchor));
    if (gap < bestGap) {
      best = candidate;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * A year-less date read in the year after its guessed one when the story has already dated the release to that year
 * ("postponed … to next year", then "pushed from Dec. 18 to Oct. 1" read on Oct. 6: Oct. 1 of next year, not the week
 * just gone). Otherwise the mention unchanged.
 */
function reyeared(m: DateMention, current: DateMention): DateMention {
  if (refines(m, current) || m.explicitYear || m.precision === 'year' || current.precision !== 'year') return m;
  if (Number(current.date) !== Number(m.date.slice(0, 4)) + 1) return m;
  return { ...m, date: `${current.date}${m.date.slice(4)}` };
}

/** Months a season phrase covers, as the release calendar counts them ("summer": Memorial Day to Labor Day; "the holidays": November and December). */
const SEASON_MONTHS: Array<[RegExp, number[]]> = [
  [/\bspring\b/i, [2, 3, 4, 5]],
  [/\bsummer\b/i, [5, 6, 7, 8, 9]],
  [/\b(?:fall|autumn)\b/i, [9, 10, 11, 12]],
  [/\bwinter\b/i, [12, 1, 2, 3]],
  [/\bholidays?\b/i, [11, 12]],
];

function refines(candidate: DateMention, current: DateMention): boolean {
  const rank = { year: 0, month: 1, day: 2 } as const;
  if (!(rank[candidate.precision] > rank[current.precision] && candidate.date.startsWith(current.date))) return false;
  // "It arrives next summer. Prequel series Blood Origin arrives on Christmas day": a day outside the season is another title's.
  const season = current.precision === 'year' ? SEASON_MONTHS.find(([re]) => re.test(current.text)) : undefined;
  return !season || season[1].includes(Number(candidate.date.slice(5, 7)));
}
