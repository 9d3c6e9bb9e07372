// The embedded reading of a strategist's question, model-free: what is asked (intent), about whom (studios, titles,
// genre, the slate), over which time (a range, a day, a weekend), ranked how, and which named things need a lookup.
import { parse as chronoParse } from 'chrono-node';

type ChronoResult = ReturnType<typeof chronoParse>[number];
import type { EventType } from '../model/event.js';
import type { Workspace } from '../model/workspace.js';
import { genresIn } from '../analysis/genres.js';
import { titleKey } from '../util/text.js';
import { addDays, localDate, weekendOf } from '../util/week.js';

export type Intent =
  /** Events of given types (trailers, castings, deals, …), or anything when nothing narrower fits. */
  | 'events'
  /** What a studio, title or genre did in a window, grouped by kind. */
  | 'activity'
  /** Release-date moves of titles already dated (old → new). */
  | 'moves'
  /** Titles given a release date. */
  | 'datings'
  /** When titles open; a studio's or genre's upcoming releases. */
  | 'calendar'
  /** What opens around a title or a date (a weekend window), and collisions with the slate. */
  | 'same_weekend'
  /** One title's box-office run. */
  | 'run'
  /** What a title opened to. */
  | 'opening'
  /** Superlatives and top-N lists over a period. */
  | 'ranking'
  /** Box-office surprises computed against comparable openings. */
  | 'surprises'
  /** A weekend chart, or a genre's share of recent weekends. */
  | 'boxoffice'
  /** Audience interest: a title's trailers and page views against comparables. */
  | 'interest'
  | 'sources';

export type RankMetric = 'opening' | 'weekend' | 'per_theater' | 'drop' | 'hold' | 'total' | 'money';

export interface RankSpec {
  metric: RankMetric;
  order: 'desc' | 'asc';
  /** How many to list ("top 5"); 1 for a plain superlative. */
  n: number;
  /** "second biggest": the place asked for. */
  position: number | null;
  /** Per-theater figures of openings ("best per-theater opening"), not of a weekend chart. */
  ofOpenings: boolean;
  /** Only figures at or above this many dollars ("opened to more than $30M"). */
  floor?: number;
}

/** A name the question uses that the workspace does not know: the reader looks it up before answering. */
export interface NamedThing {
  text: string;
  /** `sequel`: a known title with a qualifier ("a Hollowmere sequel", "Starbreaker 3"); `base` is the known title. */
  kind: 'name' | 'sequel';
  base?: string;
}

export interface ParsedQuestion {
  /** The question as read (abbreviations and slips fixed). */
  text: string;
  intent: Intent;
  /** Canonical competitor names (aliases resolved); the team's own studio when the question names it. */
  studios: string[];
  titles: string[];
  /** Event types asked about; empty = any. */
  types: EventType[];
  genre: string | null;
  /** Inclusive dates in the workspace timezone, or null when the question names no time. */
  range: { from: string; to: string } | null;
  /** A single day the question is about ("on March 12"), if any. */
  day: string | null;
  /** The Friday of a weekend the question names ("last weekend", "the weekend of Nov 13", "Christmas weekend"). */
  weekend: string | null;
  /** The question says "our"/"we"/"slate". */
  aboutSlate: boolean;
  /** How many weekends, for "the last four weekends". */
  weekends: number | null;
  /** Capitalized names the workspace and the store vocabulary do not know ("Focus Features"). */
  otherNames: string[];
  /** Every name to look up before answering (capitalized unknowns, names in "news on …" slots, title + sequel words). */
  named: NamedThing[];
  /** Superlative or top-N asked for. */
  rank: RankSpec | null;
  /** For moves and datings: which date the time range is about (reported in, moved off, moved onto). */
  dateField: 'reported' | 'old' | 'new';
  /** "moved onto one of our weekends". */
  ontoSlate: boolean;
  /** For surprises: above expectations, below, or either. */
  direction: 'above' | 'below' | null;
  /** Same-weekend questions: only same-weekend collisions ("same-weekend collision"), not one weekend apart. */
  sameWeekendOnly: boolean;
}

export interface Vocabulary {
  workspace: Pick<Workspace, 'competitors' | 'studio' | 'slate' | 'timezone'>;
  /** Titles known to the store (calendar, charts, slate). */
  titles: string[];
}

const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
  a: 1, an: 1, couple: 2, few: 3, several: 4,
};
const ORDINALS: Record<string, number> = { second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5 };

const TYPE_WORDS: Array<[RegExp, EventType[]]> = [
  [/\b(trailers?|teasers?|first[- ]looks?|posters?|footage)\b/i, ['trailer']],
  [/\b(cast|casts|castings?|joins?|joined|boards?|boarded|in talks|to star|starring)\b/i, ['casting']],
  [/\b(acqui\w*|buys?|buying|bought|deals?|rights|pick(?:ed|s)? up|pickups?)\b/i, ['acquisition']],
  [/\b(green[- ]?l(?:it|ight\w*)|ordered|orders|sequels?|spin-?offs?)\b/i, ['greenlight']],
  [/\b(release dates?|dated|dates?|(?:re)?schedul\w*)\b/i, ['release_dated', 'release_moved']],
  [/\b(festivals?|awards?|oscars?|premieres?|nominat\w*|lineups?)\b/i, ['festival_awards']],
  [/\b(hires?|hired|execs?|executives?|ceo|chief|promot\w+|exits?|steps? down)\b/i, ['executive']],
  [/\b(campaigns?|marketing|spots?|partnerships?|promos?|tie-?ins?)\b/i, ['campaign']],
  [/\b(reviews?|critics?|reception)\b/i, ['review']],
];

const HOLIDAYS: Record<string, [number, number] | 'thanksgiving'> = {
  christmas: [12, 25], 'christmas day': [12, 25], 'new year': [1, 1], "new year's day": [1, 1], "new year's": [1, 1], halloween: [10, 31],
  'independence day': [7, 4], 'july 4th': [7, 4], 'fourth of july': [7, 4], "valentine's day": [2, 14], 'valentines day': [2, 14], thanksgiving: 'thanksgiving',
};
const HOLIDAY_RE = /\b(christmas day|christmas|new year's day|new year's|new year|halloween|independence day|july 4th|fourth of july|valentine'?s day|thanksgiving)\b/i;

const SOURCES_RE = /\b(sources?|feeds?|crawl\w*|health|failing|broken)\b/i;
const BOX_OFFICE_NOUN_RE =
  /\b(box[- ]?office|gross\w*|earn\w*|ticket sales|grosses|charts?|per[- ]theater|per[- ]screen|weekend (?:results?|numbers|figures)|in theaters|theatrical(?:ly)?|ticket)\b/i;
const BOXOFFICE_RE =
  /\b(box[- ]?office|gross\w*|earn\w*|ticket sales|grosses|chart|top (?:\d+|ten|five)|per[- ]theater|opening weekend|weekend results?|in theaters|how (?:did|is|was|has|'s) .{1,80}\b(?:do|doing|done|perform\w*|hold\w*|open|opened|fare|fared|land|landed)|how much (?:did|has) .{1,80}\b(?:make|made|take|taken))\b/i;
const SLATE_RE = /\b(our|we|us|slate)\b/i;
const SURPRISE_RE =
  /\b(surpris\w*|expectations?|expected|hits?|smash(?:es)?|success(?:es|ful)?|busts?|duds?|overperform\w*|over-perform\w*|outperform\w*|underperform\w*|under-perform\w*|flop(?:s|ped)?|bomb(?:s|ed)?|breakouts?|disappoint\w*|sleeper(?: hits?)?|comparables?|comps|similar (?:openings|films|titles|releases)|compare[sd]? to (?:similar|comparable))\b/i;
const BELOW_RE = /\b(busts?|duds?|flop\w*|bomb\w*|underperform\w*|under-perform\w*|disappoint\w*|missed|fell short|below|short of|soft|weak)\b/i;
const ABOVE_RE = /\b(hits?|smash\w*|success\w*|beat|overperform\w*|over-perform\w*|outperform\w*|breakouts?|sleeper|above|exceed\w*|surpass\w*)\b/i;
const RANK_RE =
  /\b(top \d+|top (?:ten|five|three|twenty|two)|top (?:films?|movies?|titles?|grossers?|openings?)|top[- ]grossing|highest[- ]grossing|biggest|largest|best|highest|most|smallest|lowest|worst|weakest|strongest|number one|topped|led the|leader|leaders|ranking|ranked)\b/i;
const MOVE_RE =
  /\b(mov(?:e|ed|es|ing)|shift\w*|push\w*|delay\w*|postpon\w*|pull(?:ed|s)?|reschedul\w*|date changes?|dates? (?:have |has )?chang\w*|chang\w* (?:their |its |the |release |any )*dates?|accelerat\w*|bump(?:ed)?|off the calendar|moved up)\b/i;
const DATING_RE =
  /\b(new (?:release )?dates?|got (?:a |new |their )?(?:release )?dates?|(?:were|was|been|get|gets|got) dated|newly dated|dated|dates? (?:announced|set)|set (?:a |new |their )?(?:release )?dates?|announced (?:release )?dates?)\b/i;
const SAME_WEEKEND_RE =
  /(?:⟦T⟧(?:'s)?\s+(?:opening\s+)?weekend)|\b(same (?:weekend|week|date|day)|same-weekend|weekend of|(?:up )?against|compet\w*|collid\w*|collisions?|clash\w*|near|around|close to|alongside|what else (?:opens|is opening|comes out)|counter-?program\w*|head[- ]to[- ]head|conflicts?)\b/i;
const OPENING_RE = /\b(open(?:ed|s)? (?:to|with)|opening (?:weekend|day|gross|numbers?|figures?|wknd)|opening|debut(?:ed|s)?|launch(?:ed)?|bow(?:ed)?)\b/i;
const RUN_RE =
  /\b(do|doing|done|did|perform\w*|far(?:e|ed|ing)|hold\w*|held|gross\w*|box[- ]office|numbers|earn\w*|make|made|weeks?|total|per[- ]theater|legs|trending|running|run)\b/i;
const CALENDAR_RE =
  /\b(when|release dates?|dated for|comes? out|coming out|coming up|upcoming|slate|calendar|schedule|what opens|what's opening|opens? (?:on|in)|releas\w+|out when|hits? theaters)\b/i;
const FORECAST_RE = /\b(outlook|forecasts?|tracking|projections?|projected|predictions?|expected to (?:open|gross|make))\b/i;
const TIME_WORDS = /\b(today|yesterday|tomorrow|week|weekend|month|year|lately|recently|since|until|before|after|last|next|this|past|coming)\b/i;
const INTEREST_RE = /\b(trailers?|teasers?|page[- ]?views|views|audience interest|interest|buzz)\b/i;
const HOW_RE = /\b(how|doing|performing|perform|tracking|track|compare[sd]?|against|vs\.?|many views|views|interest)\b/i;

/** A question about audience interest: "how is X's trailer doing?", "how many views does…", "page views of…". */
export function asksAboutInterest(question: string): boolean {
  return INTEREST_RE.test(question) && HOW_RE.test(question);
}

const STOP_NAMES = new Set(['What', 'Which', 'Who', 'How', 'When', 'Where', 'Why', 'Any', 'Has', 'Have', 'Does', 'Did', 'Is', 'Are', 'The', 'Box', 'Christmas', 'Thanksgiving', 'Halloween', 'I', 'We', 'Our', 'Show', 'List', 'Tell', 'Was', 'Were', 'Can', 'Could', 'Give', 'Top', 'Biggest', 'Best', 'Whats', "What's", 'Hows', "How's", 'Anything', 'New', 'News', 'BO', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Weekend', 'Today', 'Yesterday', 'Tomorrow', 'Also', 'Please', 'Thanks', 'Hi', 'Hey', 'So', 'And', 'Or', 'But', 'If', 'Do', 'Should', 'Would', 'Will', 'US', 'UK', 'IMAX', 'TV']);
const MONTH_NAME = /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/;
/** Words a "news on …" slot may hold that are not names. */
const SLOT_STOP = new Set(['anyone', 'anybody', 'anything', 'everyone', 'they', 'them', 'it', 'we', 'us', 'you', 'studios', 'competitors', 'the competition', 'the studios', 'the market', 'the box office', 'box office', 'this', 'that', 'there', 'he', 'she', 'people', 'our competitors', 'competitor', 'a competitor', 'the slate', 'our slate', 'releases', 'the calendar']);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Short names must match case ("WB", not the word "wb"), unless a digit makes them unmistakable ("a24"). */
function caseFlags(name: string): string {
  return name.length <= 3 && !/\d/.test(name) ? '' : 'i';
}

/** Finds a name in the text: whole words; names of 3 letters or fewer must match case ("WB", not "wb"). */
function mentions(text: string, name: string): boolean {
  let re = mentionRes.get(name);
  if (!re) {
    if (mentionRes.size >= 20_000) mentionRes.clear();
    mentionRes.set(name, (re = new RegExp(`(?<![\\w])${escapeRe(name).replace(/\\?\s+/g, '\\s+')}(?![\\w])`, caseFlags(name))));
  }
  return re.test(text);
}

/** Compiled `mentions` expressions by name (no `g` flag: `test` keeps no state). */
const mentionRes = new Map<string, RegExp>();

/**
 * What a mention of a name needs in the text, as a key of the title index: "i" + its longest word lower-cased, or "c" +
 * that word as is (names of 3 letters or fewer match case); null: no such test (a name not in plain ASCII, or with a
 * backslash): the name is always tried with the expression.
 */
function probeOf(name: string): string | null {
  if (!/^[\x20-\x7e]+$/.test(name) || name.includes('\\')) return null;
  // Every word must be there: the longest is the rarest.
  const longest = name.trim().split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return caseFlags(name) ? `i${longest.toLowerCase()}` : `c${longest}`;
}

const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/**
 * The probes a text can satisfy: every run of non-space characters between two non-word boundaries (up to `maxLength`
 * characters), as is ("c") and lower-cased ("i"). A name `mentions` finds stands whole-word in the text, its words
 * separated by spaces, its letters ASCII (a non-ASCII character never matches an ASCII one, with or without case):
 * its longest word is one of these runs. So a title none of whose probes is here cannot be mentioned.
 */
function probesIn(text: string, maxLength: number): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\S+/g)) {
    const a = m.index;
    const b = a + m[0].length;
    for (let i = a; i < b; i++) {
      if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
      for (let j = i + 1; j <= b && j - i <= maxLength; j++) {
        if (j < text.length && isWordChar(text.charCodeAt(j))) continue;
        const run = text.slice(i, j);
        out.add(`c${run}`);
        out.add(`i${run.toLowerCase()}`);
      }
    }
  }
  return out;
}

/** A known title, with what reading a question needs of it computed once per vocabulary. */
interface KnownTitle {
  title: string;
  key: string;
  /** Without a leading "The", when that leaves 8 characters or more. */
  short: string | null;
  /** What a mention of the title (of its short form) needs in the text (`probeOf`). */
  probe: string | null;
  shortProbe: string | null;
  /** For slips: the key without "the", its word count, the edits forgiven (null: too short to forgive) and its letters (`lettersOf`). */
  fuzzy: { key: string; words: number; cap: number; letters: number } | null;
  /** The title is a competitor's name. */
  studio: boolean;
}

/** The letters and digits a string holds, as bits (a–z, and the digits folded onto six more). */
function lettersOf(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) bits |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) bits |= 1 << (26 + ((c - 48) % 6));
  }
  return bits;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The known titles (longest first) and two indexes over them, built once per vocabulary, so that a question is tested
 * against the few titles it can name rather than against every title the store knows (~1,150 at 50× the demo).
 */
interface KnownIndex {
  slate: string;
  known: KnownTitle[];
  /** Positions in `known` of the titles each probe can reveal (ascending). */
  byProbe: Map<string, number[]>;
  /** Positions of the titles with a form that has no probe: always tried. */
  always: number[];
  /** The longest probe (characters after its flag). */
  maxProbe: number;
  /** Positions of the titles a slip can name, by word count, then by the length of the fuzzy key (ascending). */
  fuzzy: Map<number, Map<number, number[]>>;
}

const knownTitles = new WeakMap<readonly string[], KnownIndex>();

/** Known titles, longest first (the store's and the slate's), with their indexes; computed once per vocabulary list. */
function knownOf(vocab: Vocabulary): KnownIndex {
  const slate = [...vocab.workspace.slate.map((s) => s.title), '', ...vocab.workspace.competitors.map((c) => c.name)].join('\u0000');
  const hit = knownTitles.get(vocab.titles);
  if (hit && hit.slate === slate) return hit;
  const studioKeys = new Set(vocab.workspace.competitors.map((c) => titleKey(c.name)));
  const known = [...new Set([...vocab.titles, ...vocab.workspace.slate.map((s) => s.title)])]
    .sort((a, b) => b.length - a.length)
    .map((title): KnownTitle => {
      const short = title.replace(/^The\s+/i, '');
      const fuzzyKey = titleKey(title).replace(/^the /, '');
      const shortForm = short !== title && short.length >= 8 ? short : null;
      return {
        title,
        key: titleKey(title),
        short: shortForm,
        probe: probeOf(title),
        shortProbe: shortForm === null ? null : probeOf(shortForm),
        fuzzy: fuzzyKey.length < 7 ? null : { key: fuzzyKey, words: fuzzyKey.split(' ').length, cap: fuzzyKey.length >= 12 ? 2 : 1, letters: lettersOf(fuzzyKey) },
        studio: studioKeys.has(titleKey(title)),
      };
    });
  const byProbe = new Map<string, number[]>();
  const always: number[] = [];
  const fuzzy = new Map<number, Map<number, number[]>>();
  let maxProbe = 0;
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  known.forEach((k, i) => {
    const probes = k.short === null ? [k.probe] : [k.probe, k.shortProbe];
    if (probes.includes(null)) always.push(i);
    for (const p of new Set(probes)) {
      if (p === null) continue;
      push(byProbe, p, i);
      maxProbe = Math.max(maxProbe, p.length - 1);
    }
    if (k.fuzzy) {
      let byLength = fuzzy.get(k.fuzzy.words);
      if (!byLength) fuzzy.set(k.fuzzy.words, (byLength = new Map()));
      push(byLength, k.fuzzy.key.length, i);
    }
  });
  const index: KnownIndex = { slate, known, byProbe, always, maxProbe, fuzzy };
  knownTitles.set(vocab.titles, index);
  return index;
}

/** The probes the text satisfies, and the positions of the known titles it may mention (ascending). */
function mentionCandidates(index: KnownIndex, text: string): { probes: Set<string>; positions: number[] } {
  const probes = probesIn(text, index.maxProbe);
  const positions = new Set(index.always);
  for (const p of probes) for (const i of index.byProbe.get(p) ?? []) positions.add(i);
  return { probes, positions: [...positions].sort((a, b) => a - b) };
}

/**
 * The known titles that runs of the question's words name with a slip (same word count, within the title's edit cap),
 * each with its first such run, in the order of `known`. `phrases(n)`: the question's runs of n words. Only the fuzzy
 * keys of a run's word count and of a length within the cap are compared.
 */
function fuzzyMatches(index: KnownIndex, phrases: (n: number) => string[]): Array<[number, string]> {
  const found = new Map<number, string>();
  for (const [n, byLength] of index.fuzzy) {
    for (const phrase of phrases(n)) {
      const letters = lettersOf(phrase);
      // A key's cap is 2 from 12 characters, else 1: the lengths within 2 of the run's, each checked against its own cap.
      for (let len = Math.max(7, phrase.length - 2); len <= phrase.length + 2; len++) {
        const list = byLength.get(len);
        if (!list) continue;
        const cap = len >= 12 ? 2 : 1;
        if (Math.abs(phrase.length - len) > cap) continue;
        for (const i of list) {
          if (found.has(i)) continue;
          const fuzzy = index.known[i]!.fuzzy!;
          // Each edit takes away at most one letter of either side: more letters missing than the cap, no match.
          if (bitCount(fuzzy.letters & ~letters) > cap || bitCount(letters & ~fuzzy.letters) > cap) continue;
          if (editDistance(phrase, fuzzy.key, cap) <= cap) found.set(i, phrase);
        }
      }
    }
  }
  return [...found].sort((a, b) => a[0] - b[0]);
}

/** Replaces whole-word mentions of a name with a placeholder, so that its words are not read as times, genres or types. */
function mask(text: string, name: string, token: string): string {
  const flags = `g${caseFlags(name)}`;
  return text.replace(new RegExp(`(?<![\\w])${escapeRe(name).replace(/\\?\s+/g, '\\s+')}(?:'s|’s|(?<=s)')?(?![\\w])`, flags), token);
}

/** Fixes what people type in a hurry: abbreviations and a few common slips. */
export function normalizeQuestion(question: string): string {
  return question
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\bwknds\b/gi, 'weekends')
    .replace(/\bwknd\b/gi, 'weekend')
    .replace(/\bwkend\b/gi, 'weekend')
    .replace(/\bx-?mas\b/gi, 'Christmas')
    .replace(/\bwat\b/gi, 'what')
    .replace(/\bwhats\b/gi, "what's")
    .replace(/\bhows\b/gi, "how's")
    .replace(/\bwhens\b/gi, "when's")
    .replace(/\bwho's\b/gi, 'who has')
    .replace(/\bteh\b/gi, 'the')
    .replace(/\bavg\b/gi, 'average')
    .replace(/\btheatres?\b/gi, (m) => (m.toLowerCase().endsWith('s') ? 'theaters' : 'theater'))
    .replace(/\brel\.? dates?\b/gi, 'release date')
    .replace(/\b(?:B\.O\.|BO)(?=\s|$|[?.,!])/g, 'box office')
    .replace(/(?:#\s?1|\bno\.\s?1|\bnumber 1)\b/gi, 'number one')
    .replace(/\bthis wk\b/gi, 'this week')
    .replace(/\blast wk\b/gi, 'last week')
    .replace(/\bmovies?\b/gi, (m) => m.toLowerCase())
    .trim();
}

/**
 * Damerau-free Levenshtein distance, capped: enough to forgive one or two slips in a long title. Only the band of
 * cells within `cap` of the diagonal is computed (a cell outside it is over the cap anyway); over the cap: cap + 1.
 */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const over = cap + 1;
  // Two rows reused from call to call (thousands of comparisons a question): every cell read was written in this call.
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - cap);
    const hi = Math.min(b.length, i + cap);
    cur[0] = Math.min(i, over);
    if (lo > 1) cur[lo - 1] = over;
    let best = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1), over);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < b.length) cur[hi + 1] = over;
    if (best > cap) return over;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

function monthRange(year: number, month: number): { from: string; to: string } {
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(year, month, 0, 12)).toISOString().slice(0, 10);
  return { from, to };
}

function holidayDate(name: string, today: string, forward: boolean): string {
  const h = HOLIDAYS[name.toLowerCase().replace(/[’']/g, "'").replace(/^valentines day$/, 'valentines day')] ?? HOLIDAYS[name.toLowerCase()];
  const year = Number(today.slice(0, 4));
  const dateIn = (y: number) => {
    if (h === 'thanksgiving') {
      const nov1 = new Date(Date.UTC(y, 10, 1)).getUTCDay();
      const firstThu = 1 + ((4 - nov1 + 7) % 7);
      return `${y}-11-${String(firstThu + 21).padStart(2, '0')}`;
    }
    const [m, d] = h ?? [12, 25];
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  let date = dateIn(year);
  // Past-looking questions mean the most recent one; forward-looking ones the next one.
  if (forward && date < today) date = dateIn(year + 1);
  if (!forward && date > addDays(today, 45)) date = dateIn(year - 1);
  return date;
}

interface TimeReading {
  range: ParsedQuestion['range'];
  day: string | null;
  weekends: number | null;
  weekend: string | null;
}

/** The most recent weekend (Friday) whose Sunday is before today. */
export function lastWeekendOf(today: string): string {
  let friday = weekendOf(today);
  if (addDays(friday, 2) >= today) friday = addDays(friday, -7);
  return friday;
}

/** The time a question names, resolved against `now` in the workspace timezone; `forward` for questions about what is coming. */
function timeOf(text: string, now: Date, tz: string, forward: boolean | null, dates?: Map<string, ChronoResult[]>): TimeReading {
  const today = localDate(now, tz);
  // "now", "right now", "currently" name no window: the latest figures.
  const question = text.replace(/\b(right now|just now|now|currently|at the moment|these days|so far|to date)\b/gi, ' ');
  const none: TimeReading = { range: null, day: null, weekends: null, weekend: null };
  if (/\b(last|past|previous|this past) weekend\b/i.test(question)) {
    const weekend = lastWeekendOf(today);
    return { range: { from: weekend, to: addDays(weekend, 2) }, day: null, weekends: 1, weekend };
  }
  if (/\bnext weekend\b/i.test(question)) {
    const weekend = addDays(lastWeekendOf(today), 14);
    return { range: { from: weekend, to: addDays(weekend, 2) }, day: null, weekends: 1, weekend };
  }
  const rel = /\b(?:(?:in|over|during|for) )?(?:the )?(last|past|previous|next|coming) (\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few|several)? ?(days?|weeks?|weekends?|months?)\b/i.exec(question);
  if (rel) {
    const count = rel[2] ? (NUMBERS[rel[2].replace(/ of$/, '')] ?? Number(rel[2])) : 1;
    const unit = rel[3]!.toLowerCase().replace(/s$/, '');
    if (unit === 'month' && count === 1 && !rel[2] && /last|previous|next|coming/i.test(rel[1]!)) {
      const d = new Date(`${today}T12:00:00Z`);
      const future = /next|coming/i.test(rel[1]!);
      const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (future ? 1 : -1), 1));
      return { ...none, range: monthRange(m.getUTCFullYear(), m.getUTCMonth() + 1) };
    }
    const days = unit === 'day' ? count : unit === 'month' ? count * 30 : count * 7;
    const future = /next|coming/i.test(rel[1]!);
    const range = future ? { from: today, to: addDays(today, days) } : { from: addDays(today, -days), to: today };
    return { range, day: null, weekends: unit === 'weekend' || unit === 'week' ? count : null, weekend: null };
  }
  if (/\bthis month\b/i.test(question)) {
    const [y, m] = today.split('-').map(Number);
    return { ...none, range: monthRange(y!, m!) };
  }
  if (/\bthis year\b/i.test(question)) return { ...none, range: { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` } };
  if (/\bnext year\b/i.test(question)) {
    const y = Number(today.slice(0, 4)) + 1;
    return { ...none, range: { from: `${y}-01-01`, to: `${y}-12-31` } };
  }
  if (/\blast year\b/i.test(question)) {
    const y = Number(today.slice(0, 4)) - 1;
    return { ...none, range: { from: `${y}-01-01`, to: `${y}-12-31` } };
  }
  if (/\bthis week(end)?\b/i.test(question)) return { range: { from: addDays(today, -6), to: today }, day: null, weekends: 1, weekend: null };
  if (/\b(lately|recently|of late|these days|latest|recent)\b/i.test(question)) return { ...none, range: { from: addDays(today, -30), to: today } };
  if (/\btoday\b/i.test(question)) return { range: { from: today, to: today }, day: today, weekends: null, weekend: null };
  if (/\byesterday\b/i.test(question)) return { range: { from: addDays(today, -1), to: addDays(today, -1) }, day: addDays(today, -1), weekends: null, weekend: null };
  const holiday = HOLIDAY_RE.exec(question);
  if (holiday) {
    const date = holidayDate(holiday[1]!, today, forward !== false);
    const weekendWord = new RegExp(`${escapeRe(holiday[0])}\\s+weekend|weekend of\\s+${escapeRe(holiday[0])}`, 'i').test(question);
    if (weekendWord) {
      const weekend = weekendOf(date);
      return { range: { from: weekend, to: addDays(weekend, 2) }, day: date, weekends: 1, weekend };
    }
    return { range: { from: date, to: date }, day: date, weekends: null, weekend: null };
  }
  // Dates in the text, read once per reading of the question (a question may be read for time two or three ways).
  let read = dates?.get(question);
  if (!read) {
    read = chronoParse(question, { instant: now, timezone: undefined }, { forwardDate: false });
    dates?.set(question, read);
  }
  const all = read.filter((r) => !/^weekend$/i.test(r.text.trim()));
  // An absolute date ("November 13") wins over a relative word in the same question.
  const results = [...all.filter((r) => r.start.isCertain('month')), ...all.filter((r) => !r.start.isCertain('month'))];
  if (results.length === 0) {
    const year = /\b(?:in|to|into|for|during|of|until|through)\s+((?:19|20)\d\d)\b/i.exec(question);
    return year ? { ...none, range: { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` } } : none;
  }
  const first = results[0]!;
  let start = localDate(first.start.date(), tz);
  const precisionDay = first.start.isCertain('day');
  const monthOnly = !precisionDay && first.start.isCertain('month');
  let end: string;
  if (results[1] && /\b(between|from)\b/i.test(question)) end = localDate(results[1].start.date(), tz);
  else if (first.end) end = localDate(first.end.date(), tz);
  else if (monthOnly) {
    const d = first.start.date();
    end = monthRange(d.getUTCFullYear(), d.getUTCMonth() + 1).to;
  } else end = start;
  if (monthOnly) start = `${start.slice(0, 7)}-01`;
  const since = new RegExp(`\\b(since|after)\\s+(?:the\\s+)?(?:start of\\s+)?${escapeRe(first.text)}`, 'i').test(question);
  if (since) return { ...none, range: { from: start > today ? `${Number(start.slice(0, 4)) - 1}${start.slice(4)}` : start, to: today } };
  const until = new RegExp(`\\b(until|till|through|before|by)\\s+${escapeRe(first.text)}`, 'i').test(question);
  if (until) return { ...none, range: forward !== false ? { from: today, to: end } : { from: addDays(today, -84), to: end } };
  // The nearest reading of a month or a day, turned the way the question looks: forward for what opens, back for what happened.
  const shift = (d: string, years: number) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
  if (forward === true && end < today && !/\b(19|20)\d\d\b/.test(first.text)) {
    start = shift(start, 1);
    end = shift(end, 1);
  } else if (forward === false && start > today && !/\b(19|20)\d\d\b/.test(first.text) && !/\b(next|coming|upcoming)\b/i.test(question)) {
    start = shift(start, -1);
    end = shift(end, -1);
  }
  const [from, to] = start < end ? [start, end] : [end, start];
  const day = precisionDay && from === to ? from : null;
  const weekendNamed = day && new RegExp(`\\bweekend of\\s+(?:the\\s+)?${escapeRe(first.text)}|${escapeRe(first.text)}\\s+weekend`, 'i').test(question);
  if (weekendNamed) {
    const weekend = weekendOf(day);
    return { range: { from: weekend, to: addDays(weekend, 2) }, day, weekends: 1, weekend };
  }
  return { range: { from, to }, day, weekends: null, weekend: null };
}

/** "more than $30M", "over 10 million", "at least $5m": a floor in dollars. */
export function moneyFloor(q: string): number | null {
  const m = /\b(?:more than|over|above|at least|north of|greater than|>\s*)\s*\$?\s*(\d+(?:\.\d+)?)\s*(m|mm|mil|million|k|thousand|b|bn|billion)?\b/i.exec(q);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase();
  return n * (unit.startsWith('b') ? 1e9 : unit.startsWith('k') || unit === 'thousand' ? 1e3 : 1e6);
}

function rankOf(q: string, hasTypes: boolean): RankSpec | null {
  const floor = moneyFloor(q);
  if (floor !== null && /\b(open\w*|debut\w*|gross\w*|made|make|earn\w*|weekend)\b/i.test(q)) {
    const metric: RankMetric = /\b(open\w*|debut\w*)\b/i.test(q) ? 'opening' : /\b(total|so far|to date|cumulative)\b/i.test(q) ? 'total' : 'weekend';
    return { metric, order: 'desc', n: 25, position: null, ofOpenings: false, floor };
  }
  if (!RANK_RE.test(q) && !/\b(second|third|2nd|3rd)[- ](?:biggest|largest|best|highest)\b/i.test(q)) return null;
  const top = /\btop (\d+|ten|five|three|twenty|two)\b/i.exec(q);
  const n = top ? (NUMBERS[top[1]!.toLowerCase()] ?? Number(top[1])) : 1;
  const pos = /\b(second|third|fourth|fifth|2nd|3rd|4th|5th)[- ](?:biggest|largest|best|highest|most|smallest|lowest|worst)\b/i.exec(q);
  const asc = /\b(smallest|lowest|worst|weakest|least)\b/i.test(q);
  let metric: RankMetric;
  if (hasTypes && !BOX_OFFICE_NOUN_RE.test(q)) metric = 'money';
  else if (/\b(drops?|fell|declin\w*|falls?|plunge\w*)\b/i.test(q)) metric = asc ? 'hold' : 'drop';
  else if (/\b(holds?|held)\b/i.test(q)) metric = 'hold';
  else if (/\bper[- ]?(?:theater|screen|location)|\baverage\b|\bpta\b/i.test(q)) metric = 'per_theater';
  else if (/\b(grossed the most|most so far|highest total|cumulative|to date|so far|all[- ]time|overall|in total|total|grossing (?:film|movie|title)s? (?:of|this))\b/i.test(q)) metric = 'total';
  else if (/\b(open\w*|debut\w*|launch\w*|bows?)\b/i.test(q)) metric = 'opening';
  else metric = 'weekend';
  const ofOpenings = metric === 'per_theater' && /\b(open\w*|debut\w*)\b/i.test(q);
  return { metric, order: asc && metric !== 'hold' ? 'asc' : 'desc', n: Math.max(1, Math.min(25, n)), position: pos ? ORDINALS[pos[1]!.toLowerCase()]! : null, ofOpenings };
}

/** Names in "news on X", "what did X announce", "X's …" slots: they may be lowercase ("what did blumhouse announce"). */
function slotNames(masked: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:news|anything|updates?|latest|info|information|word)\s+(?:on|about|from|regarding|re)\s+(.+?)(?=\s+(?:this|last|in|since|over|during|lately|recently|so far|today|yesterday|for|and|or|\?)\b|[?.!,]|$)/i,
    /\b(?:what|anything)\s+(?:did|has|have|had|is|was)\s+(.+?)\s+(?:announce\w*|done|do|say|said|been up to|release\w*|buy|bought|acquire\w*|greenlit|greenlight\w*|unveil\w*|reveal\w*|launch\w*)\b/i,
    /\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:making|developing|doing|planning|prepping|releasing|dating)\s+(?:a|an|the|another)?\s*(.+?)(?=[?.!]|$)/i,
  ];
  for (const re of patterns) {
    const m = re.exec(masked);
    if (!m) continue;
    let name = m[1]!.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/'s$/, '');
    if (!name || /⟦/.test(name) || SLOT_STOP.has(name.toLowerCase())) continue;
    if (name.split(/\s+/).length > 5 || TIME_WORDS.test(name)) continue;
    // Generic words are not names: "news on trailers", "anything on horror".
    if (genresIn(name).length || TYPE_WORDS.some(([re2]) => re2.test(name)) || BOX_OFFICE_NOUN_RE.test(name) || /\b(films?|movies?|titles?|releases?|news|studios?|sequels?)\b/i.test(name)) continue;
    name = name.replace(/\b\w/g, (c) => c.toUpperCase());
    out.push(name);
  }
  return out;
}

/** Reads a question against the workspace's names and the titles the store knows. */
export function parseQuestion(question: string, vocab: Vocabulary, now: Date): ParsedQuestion {
  const q = normalizeQuestion(question);
  const ws = vocab.workspace;
  const dates = new Map<string, ChronoResult[]>();
  const studios = new Set<string>();
  let masked = q;
  for (const c of ws.competitors) {
    for (const n of [c.name, ...c.aliases].sort((a, b) => b.length - a.length)) {
      if (mentions(masked, n)) {
        studios.add(c.name);
        masked = mask(masked, n, '⟦S⟧');
      }
    }
  }
  if (ws.studio && mentions(masked, ws.studio)) {
    studios.add(ws.studio);
    masked = mask(masked, ws.studio, '⟦S⟧');
  }
  const aboutSlate = SLATE_RE.test(masked);

  // Titles: quoted text first, then known titles (longest first, "Paper Moons II" before "Paper Moons"), then slips.
  const titles: string[] = [];
  const named: NamedThing[] = [];
  const index = knownOf(vocab);
  const knownList = index.known;
  const quoted = [...q.matchAll(/"([^"]{2,120})"|(?<=^|[\s(])'([A-Z0-9][^']{1,119}?)'(?=[\s,.?!;:)]|$)/g)].map((m) => (m[1] ?? m[2])!.trim());
  for (const t of quoted) {
    const match = knownList.find((k) => k.key === titleKey(t))?.title;
    titles.push(match ?? t);
    if (!match) named.push({ text: t, kind: 'name' });
    masked = mask(masked, t, '⟦T⟧');
  }
  // Only the titles whose probe the text holds can be mentioned: those are tried, in the same order (longest first).
  let candidates = mentionCandidates(index, masked);
  for (let c = 0; c < candidates.positions.length; c++) {
    const i = candidates.positions[c]!;
    const { title: t, key, short, probe, shortProbe, studio } = knownList[i]!;
    if (key.length < 3 || (titles.length && titles.some((x) => titleKey(x) === key))) continue;
    // Skip titles that are just a studio name.
    if (studio) continue;
    const may = (p: string | null) => p === null || candidates.probes.has(p);
    const hit = may(probe) && mentions(masked, t) ? t : short !== null && may(shortProbe) && mentions(masked, short) ? short : null;
    if (hit) {
      titles.push(t);
      masked = mask(masked, hit, '⟦T⟧');
      // The masked text is read again from the next title on.
      const next = mentionCandidates(index, masked);
      candidates = { probes: next.probes, positions: next.positions.filter((j) => j > i) };
      c = -1;
    }
  }
  const words = titleKey(masked.replace(/⟦[ST]⟧/g, ' | ')).split(' ');
  const runs = new Map<number, string[]>();
  const phrases = (n: number): string[] => {
    let list = runs.get(n);
    if (!list) {
      list = [];
      for (let i = 0; i + n <= words.length; i++) list.push(words.slice(i, i + n).join(' '));
      runs.set(n, list);
    }
    return list;
  };
  for (const [i, slip] of fuzzyMatches(index, phrases)) {
    const t = knownList[i]!.title;
    if (titles.includes(t)) continue;
    if (!/^(the|a|an) /.test(slip + ' ')) {
      titles.push(t);
      masked = masked.replace(new RegExp(slip.split(' ').map(escapeRe).join('[^\\w]+'), 'i'), '⟦T⟧');
    }
  }
  // A known title with a sequel word or number is another film: "a Hollowmere sequel", "Starbreaker 3", "Paws of Thunder 3".
  for (const t of [...titles]) {
    const forms = [t, t.replace(/^The\s+/i, '')].map((x) => escapeRe(x).replace(/\\?\s+/g, '\\s+'));
    const m = forms
      .map((f) => new RegExp(`${f}(?:'s)?\\s+(sequel|prequel|spin-?off|remake|reboot|part (?:two|three|four|2|3|4|ii|iii|iv)|[2-9]|ii|iii|iv)\\b|\\b(sequel|prequel|spin-?off|remake|reboot) (?:to|of|for) (?:the )?${f}`, 'i').exec(q))
      .find(Boolean);
    if (m) {
      const qualifier = (m[1] ?? m[2])!.toLowerCase();
      const isNumber = /^(?:[2-9]|ii|iii|iv|part .+)$/.test(qualifier);
      const noun = qualifier.replace(/^spin-?off$/, 'spin-off');
      named.push({ text: isNumber ? `${t} ${/^part/.test(qualifier) ? qualifier.replace(/^part/, 'Part') : qualifier.toUpperCase()}` : `a ${noun} ${noun === 'remake' || noun === 'reboot' ? 'of' : 'to'} ${t}`, kind: 'sequel', base: t });
    }
  }

  // "our March title", "our Dec 11 movie", "our Christmas release": the slate title dated there.
  if (aboutSlate && titles.length === 0 && /\b(titles?|movies?|films?|releases?|pictures?|one|opener)\b/i.test(masked)) {
    const t = timeOf(masked, now, ws.timezone, true, dates);
    if (t.range) {
      const ours = ws.slate.filter((s) => s.releaseDate >= (t.weekend ?? t.range!.from) && s.releaseDate <= addDays(t.range!.to, t.weekend ? 0 : 0));
      for (const s of ours) titles.push(s.title);
      if (ours.length) masked = masked.replace(/\bour\b.*?\b(titles?|movies?|films?|releases?|pictures?|one|opener)\b/i, 'our ⟦T⟧');
    }
  }

  const typeText = masked.replace(/\bexecutive (moves?|shifts?)\b/gi, 'executive').replace(/\bexecutives\b/gi, 'executive');
  const types = new Set<EventType>();
  for (const [re, list] of TYPE_WORDS) if (re.test(typeText)) list.forEach((t) => types.add(t));
  const singular = masked.replace(/\bcomedies\b/gi, 'comedy').replace(/\bdocumentaries\b/gi, 'documentary').replace(/\b(thriller|drama|western|musical|biopic|romance|horror film|action film)s\b/gi, '$1');
  const genre = genresIn(singular.replace(/\bfamily films?\b/gi, 'family')).filter((g) => g !== 'holiday' || !/\bchristmas\b/i.test(singular))[0] ?? null;

  const isMove = MOVE_RE.test(typeText);
  const isDating = DATING_RE.test(masked);
  const boxOfficeNoun = BOX_OFFICE_NOUN_RE.test(masked);
  const surprise = SURPRISE_RE.test(masked);
  const typedEvents = [...types].filter((t) => t !== 'release_dated' && t !== 'release_moved');
  const rank = rankOf(masked, typedEvents.length > 0);

  const forecast = FORECAST_RE.test(masked);
  const pastWeekend = !titles.length && /\b(how (?:did|was|were)|what happened|results?)\b/i.test(masked) && /\bweekend\b/i.test(masked);
  let intent: Intent;
  if (SOURCES_RE.test(masked) && !/\baccording to\b/i.test(masked)) intent = 'sources';
  else if (asksAboutInterest(q)) intent = 'interest';
  else if (forecast && !titles.length) {
    intent = 'events';
    types.clear();
    types.add('box_office');
  } else if (isMove && !boxOfficeNoun && !/\b(executive|execs?|chief|president|ceo)\b/i.test(typeText) && !surprise) intent = 'moves';
  else if (pastWeekend) intent = 'boxoffice';
  else if (surprise && !(typedEvents.length && !boxOfficeNoun)) intent = titles.length ? 'run' : 'surprises';
  else if (rank?.floor !== undefined) intent = 'ranking';
  else if (rank && (boxOfficeNoun || /\btop\b/i.test(masked) || /\b(open\w*|debut\w*|weekend|films?|movies?|titles?|grossed|drop|hold|per[- ]theater)\b/i.test(masked) || rank.metric === 'money') && !(titles.length && !/\btop\b/i.test(masked) && rank.metric !== 'money' && !BOX_OFFICE_NOUN_RE.test(masked)))
    intent = 'ranking';
  else if (isMove && !/\bexecutive\b/i.test(typeText)) intent = 'moves';
  else if (isDating && !/\bwhen\b/i.test(masked) && !(titles.length && /⟦T⟧(?:'s)?\s+(?:opening\s+)?weekend/.test(masked))) intent = 'datings';
  else if (SAME_WEEKEND_RE.test(masked) && !(boxOfficeNoun && !/\b(against|compet\w*|collid\w*|collisions?)\b/i.test(masked)) && (titles.length || /\bour\b.*\b(titles?|slate|movies?|films?)\b/i.test(masked) || /\b(weekend|opens?|opening|releas\w*|comes? out)\b/i.test(masked)))
    intent = 'same_weekend';
  else if (titles.length && OPENING_RE.test(masked) && !/\bwhen\b/i.test(masked) && !/\b(near|against)\b/i.test(masked)) intent = 'opening';
  else if (titles.length && /\bhow\b/i.test(masked) && RUN_RE.test(masked) && !CALENDAR_RE.test(masked.replace(/\bbeen out\b/i, ''))) intent = 'run';
  else if (titles.length && (boxOfficeNoun || /\b(how many weeks|weeks in release|per[- ]theater|been out|make|made|earn\w*|take|took|gross\w*)\b/i.test(masked)) && !/\bwhen\b/i.test(masked)) intent = 'run';
  else if (CALENDAR_RE.test(masked) && !typedEvents.length) intent = 'calendar';
  else if (BOXOFFICE_RE.test(masked) || (genre && /\b(do|did|doing|perform\w*|fare|fared)\b/i.test(masked))) intent = 'boxoffice';
  else if (typedEvents.length || types.size) intent = 'events';
  else if (studios.size || titles.length || genre || named.length) intent = 'activity';
  else intent = 'events';
  if (intent === 'same_weekend' && !titles.length && !/\bour\b/i.test(masked) && !timeOf(masked, now, ws.timezone, true, dates).range) intent = 'calendar';

  let dateField: ParsedQuestion['dateField'] = 'reported';
  if (intent === 'moves' || intent === 'datings') {
    if (/\b(off|from|out of)\s+(?:of\s+)?(?:the\s+)?(?:its\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|christmas|thanksgiving|summer|the holidays|\d)/i.test(masked))
      dateField = 'old';
    else if (/\b(to|into|onto|for|up to|back to)\s+(?:the\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|christmas|thanksgiving|summer|next year|20\d\d)/i.test(masked))
      dateField = 'new';
  }
  // Calendar questions look forward; a release date moved off or onto a month is read at its nearest; the rest look back.
  const forward: boolean | null = intent === 'calendar' || intent === 'same_weekend' ? true : dateField !== 'reported' ? null : false;
  let time = timeOf(masked, now, ws.timezone, forward, dates);
  // A date or a move "in March 2027" is about the release date when that time has not come yet.
  if ((intent === 'moves' || intent === 'datings') && dateField === 'reported' && time.range && time.range.from > localDate(now, ws.timezone)) dateField = 'new';
  if ((intent === 'moves' || intent === 'datings') && dateField === 'new' && !time.range) time = timeOf(masked, now, ws.timezone, null, dates);
  // Forecasts for a coming weekend are published before it: read the coverage of the last two weeks.
  if (forecast && (!time.range || time.range.to >= localDate(now, ws.timezone))) {
    const today = localDate(now, ws.timezone);
    time = { ...time, range: { from: addDays(today, -14), to: today } };
  }
  const ontoSlate = (intent === 'moves' || intent === 'datings') && /\b(onto|on to|into|on|against|near)\b.*\bour\b/i.test(masked);
  const direction = surprise ? (BELOW_RE.test(masked) && !ABOVE_RE.test(masked) ? 'below' : ABOVE_RE.test(masked) && !BELOW_RE.test(masked) ? 'above' : null) : null;
  const sameWeekendOnly = /\bsame[- ](weekend|week|date|day)\b/i.test(masked);

  const titleKeys = titles.map(titleKey);
  const otherNames = [...masked.matchAll(/(?<![.?!]\s*|^)\b([A-Z][\w'&-]*(?:\s+(?:of|the|and|&|[A-Z][\w'&-]*))*\s*[A-Z0-9][\w'&-]*|[A-Z][\w'&-]{2,})/g)]
    .map((m) => m[1]!.trim().replace(/'s$/, ''))
    .filter((n) => !STOP_NAMES.has(n) && !MONTH_NAME.test(n) && !/⟦/.test(n) && !HOLIDAY_RE.test(n) && !studios.has(n) && !titleKeys.some((t) => t.includes(titleKey(n))) && ![...studios].some((s) => titleKey(s).includes(titleKey(n))) && !ws.competitors.some((c) => [c.name, ...c.aliases].some((a) => titleKey(a) === titleKey(n))));
  for (const n of [...otherNames, ...slotNames(masked)]) {
    const key = titleKey(n);
    if (!key || named.some((x) => titleKey(x.text) === key || (x.base && titleKey(x.text).includes(key)))) continue;
    if (titleKeys.includes(key) || [...studios].some((s) => titleKey(s) === key) || (ws.studio && titleKey(ws.studio) === key)) continue;
    named.push({ text: n, kind: 'name' });
  }
  return {
    text: q,
    intent,
    studios: [...studios],
    titles,
    types: [...types],
    genre,
    range: time.range,
    day: time.day,
    weekend: time.weekend,
    aboutSlate,
    weekends: time.weekends,
    otherNames,
    named,
    rank: intent === 'ranking' ? rank : null,
    dateField,
    ontoSlate,
    direction,
    sameWeekendOnly,
  };
}
