// The embedded reading of a strategist's question: intent, studios, titles, event types, genre and a time range, model-free.
import { parse as chronoParse } from 'chrono-node';
import type { EventType } from '../model/event.js';
import type { Workspace } from '../model/workspace.js';
import { genresIn } from '../analysis/genres.js';
import { titleKey } from '../util/text.js';
import { addDays, localDate } from '../util/week.js';

export type Intent = 'events' | 'releases' | 'boxoffice' | 'sources' | 'interest';

export interface ParsedQuestion {
  intent: Intent;
  /** Canonical competitor names (aliases resolved); the team's own studio when the question says "we"/"our". */
  studios: string[];
  titles: string[];
  /** Event types asked about; empty = any. */
  types: EventType[];
  genre: string | null;
  /** Inclusive dates in the workspace timezone, or null when the question names no time. */
  range: { from: string; to: string } | null;
  /** A single day the question is about ("on March 12"), if any. */
  day: string | null;
  /** The question says "our"/"we"/"slate". */
  aboutSlate: boolean;
  /** How many weekends, for "the last four weekends". */
  weekends: number | null;
  /** Capitalized names the workspace and the store do not know ("Focus Features"): maybe a studio or title. */
  otherNames: string[];
}

export interface Vocabulary {
  workspace: Pick<Workspace, 'competitors' | 'studio' | 'slate' | 'timezone'>;
  /** Titles known to the store (calendar, charts, slate). */
  titles: string[];
}

const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  a: 1, an: 1, couple: 2, few: 3, several: 4,
};

const TYPE_WORDS: Array<[RegExp, EventType[]]> = [
  [/\b(trailers?|teasers?|first[- ]looks?|posters?)\b/i, ['trailer']],
  [/\b(cast|casts|casting|joins?|joined|boards?|boarded|in talks)\b/i, ['casting']],
  [/\b(acqui\w*|buys?|bought|deals?|rights|pick(?:ed|s)? up)\b/i, ['acquisition']],
  [/\b(green[- ]?l(?:it|ight\w*)|ordered|sequels?)\b/i, ['greenlight']],
  [/\b(release dates?|dated|dates?|mov(?:e|ed|es|ing)|shift\w*|delay\w*|push\w*|postpon\w*|(?:re)?schedul\w*)\b/i, ['release_dated', 'release_moved']],
  [/\b(festivals?|awards?|oscars?|premieres?|nominat\w*|lineups?)\b/i, ['festival_awards']],
  [/\b(hires?|hired|execs?|executives?|ceo|chief|promot\w+|exits?|steps? down)\b/i, ['executive']],
  [/\b(campaigns?|marketing|spots?|partnerships?|promos?|tie-?ins?)\b/i, ['campaign']],
  [/\b(reviews?|critics?|reception)\b/i, ['review']],
];

const HOLIDAYS: Record<string, [number, number]> = {
  christmas: [12, 25], 'christmas day': [12, 25], 'new year': [1, 1], "new year's day": [1, 1], "new year's": [1, 1], halloween: [10, 31],
  'independence day': [7, 4], 'july 4th': [7, 4], 'fourth of july': [7, 4], "valentine's day": [2, 14],
};
const HOLIDAY_RE = /\b(christmas day|christmas|new year's day|new year's|new year|halloween|independence day|july 4th|fourth of july|valentine's day)\b/i;

const SOURCES_RE = /\b(sources?|feeds?|crawl\w*|health|failing|broken)\b/i;
const BOXOFFICE_RE =
  /\b(box[- ]?office|gross\w*|earn\w*|ticket sales|grosses|chart|top (?:\d+|ten|five)|per[- ]theat(?:er|re)|opening weekend|weekend results?|how (?:did|is|was|has) .{1,80}\b(?:do|doing|done|perform\w*|hold\w*|open|opened|fare|fared|land|landed)|how much (?:did|has) .{1,80}\b(?:make|made|take|taken))\b/i;
const RELEASES_RE =
  /\b(opens?|opening against|against|calendar|release (?:schedule|calendar)|releases|coming out|comes? out|collid\w*|collisions?|compet\w+|counter-?program\w*|upcoming|what'?s (?:out|releasing|opening)|when (?:does|is|will) .{1,80}\b(?:out|open|release))\b/i;
const SLATE_RE = /\b(our|we|us|slate)\b/i;
const INTEREST_RE = /\b(trailers?|teasers?|page[- ]?views|views|audience interest|interest|tracking|buzz)\b/i;
const HOW_RE = /\b(how|doing|performing|perform|tracking|track|compare[sd]?|against|vs\.?|many views|views|interest)\b/i;

/** A question about audience interest: "how is X's trailer doing?", "how many views does…", "page views of…". */
export function asksAboutInterest(question: string): boolean {
  return INTEREST_RE.test(question) && HOW_RE.test(question);
}

const STOP_NAMES = new Set(['What', 'Which', 'Who', 'How', 'When', 'Where', 'Why', 'Any', 'Has', 'Have', 'Does', 'Did', 'Is', 'Are', 'The', 'Box', 'Christmas', 'Thanksgiving', 'Halloween', 'I', 'We', 'Our', 'Show', 'List', 'Tell']);
const MONTH_NAME = /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds a name in the text: whole words; names of 3 letters or fewer must match case ("WB", not "wb"). */
function mentions(text: string, name: string): boolean {
  const flags = name.length <= 3 ? '' : 'i';
  return new RegExp(`(?<![\\w])${escapeRe(name)}(?![\\w])`, flags).test(text);
}

function toDate(d: Date, tz: string): string {
  return localDate(d, tz);
}

/** The time range a question names, resolved against `now` in the workspace timezone. */
function timeOf(question: string, now: Date, tz: string, forward: boolean): { range: ParsedQuestion['range']; day: string | null; weekends: number | null } {
  const today = localDate(now, tz);
  const rel = /\b(?:(?:in|over|during|for) )?(?:the )?(last|past|previous|next|coming) (\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few|several)? ?(days?|weeks?|weekends?|months?)\b/i.exec(question);
  if (rel) {
    const count = rel[2] ? (NUMBERS[rel[2].replace(/ of$/, '')] ?? Number(rel[2])) : 1;
    const unit = rel[3]!.toLowerCase().replace(/s$/, '');
    const days = unit === 'day' ? count : unit === 'month' ? count * 30 : count * 7;
    const future = /next|coming/i.test(rel[1]!);
    const range = future ? { from: today, to: addDays(today, days) } : { from: addDays(today, -days), to: today };
    return { range, day: null, weekends: unit === 'weekend' || unit === 'week' ? count : null };
  }
  if (/\bthis week(end)?\b/i.test(question)) return { range: { from: addDays(today, -6), to: today }, day: null, weekends: 1 };
  if (/\b(today)\b/i.test(question)) return { range: { from: today, to: today }, day: today, weekends: null };
  if (/\byesterday\b/i.test(question)) return { range: { from: addDays(today, -1), to: addDays(today, -1) }, day: addDays(today, -1), weekends: null };
  const holiday = HOLIDAY_RE.exec(question);
  if (holiday) {
    const [month, day] = HOLIDAYS[holiday[1]!.toLowerCase().replace(/[’']/g, "'")]!;
    const year = Number(today.slice(0, 4));
    let date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (date < addDays(today, forward ? 0 : -183)) date = `${year + 1}${date.slice(4)}`;
    return { range: { from: date, to: date }, day: date, weekends: null };
  }
  const all = chronoParse(question, { instant: now, timezone: undefined }, { forwardDate: forward });
  // An absolute date ("November 13") wins over a relative word in the same question ("weekend").
  const results = [...all.filter((r) => r.start.isCertain('month')), ...all.filter((r) => !r.start.isCertain('month'))];
  if (results.length === 0) return { range: null, day: null, weekends: null };
  const first = results[0]!;
  const start = toDate(first.start.date(), tz);
  const precisionDay = first.start.isCertain('day');
  const monthOnly = !precisionDay && first.start.isCertain('month');
  let end: string;
  if (results[1] && /\b(between|from)\b/i.test(question)) end = toDate(results[1].start.date(), tz);
  else if (first.end) end = toDate(first.end.date(), tz);
  else if (monthOnly) {
    const d = first.start.date();
    end = toDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12)), tz);
  } else end = start;
  const since = new RegExp(`\\b(since|after|from)\\s+(?:the\\s+)?(?:start of\\s+)?${escapeRe(first.text)}`, 'i').test(question);
  if (since) return { range: { from: start, to: today }, day: null, weekends: null };
  const until = new RegExp(`\\b(until|till|through|before|by)\\s+${escapeRe(first.text)}`, 'i').test(question);
  if (until) return { range: forward ? { from: today, to: end } : { from: addDays(today, -84), to: end }, day: null, weekends: null };
  return { range: { from: start < end ? start : end, to: start < end ? end : start }, day: precisionDay && start === end ? start : null, weekends: null };
}

/** Reads a question against the workspace's names and the titles the store knows. */
export function parseQuestion(question: string, vocab: Vocabulary, now: Date): ParsedQuestion {
  const q = question.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  const ws = vocab.workspace;
  const studios = new Set<string>();
  for (const c of ws.competitors) if ([c.name, ...c.aliases].some((n) => mentions(q, n))) studios.add(c.name);
  const aboutSlate = SLATE_RE.test(q);
  if (ws.studio && mentions(q, ws.studio)) studios.add(ws.studio);

  // Titles: quoted text first, then known titles, longest first so "Paper Moons II" beats "Paper Moons".
  const titles: string[] = [];
  const quoted = [...q.matchAll(/"([^"]{2,120})"/g)].map((m) => m[1]!.trim());
  const known = [...new Set([...vocab.titles, ...ws.slate.map((s) => s.title)])].sort((a, b) => b.length - a.length);
  const taken: string[] = [];
  for (const t of quoted) {
    const match = known.find((k) => titleKey(k) === titleKey(t));
    titles.push(match ?? t);
    taken.push(titleKey(t));
  }
  for (const t of known) {
    const key = titleKey(t);
    if (key.length < 3 || taken.some((k) => k.includes(key))) continue;
    // Skip titles that are just a studio name or a common word inside the question.
    if (mentions(q, t) && !ws.competitors.some((c) => titleKey(c.name) === key)) {
      titles.push(t);
      taken.push(key);
    }
  }

  let intent: Intent = 'events';
  if (SOURCES_RE.test(q) && !/\baccording to\b/i.test(q)) intent = 'sources';
  else if (asksAboutInterest(q)) intent = 'interest';
  else if (/\b(against|calendar|collid\w*|collisions?|counter-?program\w*)\b/i.test(q)) intent = 'releases';
  else if (BOXOFFICE_RE.test(q)) intent = 'boxoffice';
  else if (RELEASES_RE.test(q)) intent = 'releases';
  else if (/\b(horror|comed|thriller|drama|action|animat|family|romance|sci-?fi|fantasy|musical|documentar|superhero|western)\w*\b.*\b(do|did|doing|perform\w*|fare|fared)\b/i.test(q)) intent = 'boxoffice';

  const types = new Set<EventType>();
  if (intent === 'events') {
    const typeText = q.replace(/\bexecutive (moves?|shifts?)\b/gi, 'executive');
    for (const [re, list] of TYPE_WORDS) if (re.test(typeText)) list.forEach((t) => types.add(t));
    if (/\bbox[- ]?office\b/i.test(q)) types.add('box_office');
  }
  const singular = q.replace(/\bcomedies\b/gi, 'comedy').replace(/\bdocumentaries\b/gi, 'documentary').replace(/\b(thriller|drama|western|musical|biopic|romance|horror film|action film)s\b/gi, '$1');
  const genre = genresIn(singular)[0] ?? null;
  const time = timeOf(q, now, ws.timezone, intent === 'releases');
  const otherNames = [...q.matchAll(/(?<![.?!]\s*|^)\b([A-Z][\w'&-]*(?:\s+(?:of|the|and|&|[A-Z][\w'&-]*))*\s*[A-Z0-9][\w'&-]*|[A-Z][\w'&-]{2,})/g)]
    .map((m) => m[1]!.trim())
    .filter((n) => !STOP_NAMES.has(n) && !MONTH_NAME.test(n) && !studios.has(n) && !titles.some((t) => titleKey(t).includes(titleKey(n))) && ![...studios].some((s) => titleKey(s).includes(titleKey(n))) && !ws.competitors.some((c) => [c.name, ...c.aliases].some((a) => titleKey(a) === titleKey(n))));
  return { intent, studios: [...studios], titles, types: [...types], genre, range: time.range, day: time.day, aboutSlate, weekends: time.weekends, otherNames };
}
