// Film/series titles in a story: quoted titles (not quoted speech, songs, campaigns or credits) and known titles.
import { escapeRegExp, overlapsSpans, type Span } from './text.js';
import { COMPANIES } from '../gazetteer/companies.js';

/** One title occurrence in the analyzed text (offsets include the quote marks for quoted titles). */
export interface TitleMention {
  title: string;
  start: number;
  end: number;
  source: 'quoted' | 'known' | 'caps' | 'cue';
  /**
   * A filmography credit, named but not what the story is about: 'strong' for "(Night Drop)", "known for 'X'",
   * "from 'X' writer Y"; 'weak' for "'Lowland' Star Niamh Carr" (dropped only when the story names another title).
   */
  credit: false | 'weak' | 'strong';
}

// Lowercase words a title may contain without breaking title case.
const SMALL = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'of', 'in', 'on', 'at', 'to', 'by', 'up', 'as',
  'from', 'with', 'into', 'over', 'per', 'via', 'vs', 'vs.', 'v.', 'de', 'del', 'la', 'le', 'les', 'du', 'des', 'da',
  'di', 'von', 'van', 'und', 'et', 'el', 'los', 'las', 'off', 'out', 'is', 'be', 'are', 'it', 'its', 'than', 'if',
  'not', 'no', 'was', 'all', 'who', 'what', 'when', 'how', 'can', 'my', 'your', 'our', 'me', 'we', 'you',
]);
// Words right before a quote that make it speech or another kind of name.
const SPEECH_BEFORE = new Set([
  'says', 'said', 'say', 'saying', 'calls', 'called', 'calling', 'dubs', 'dubbed', 'tells', 'told', 'quips', 'quipped',
  'jokes', 'joked', 'admits', 'admitted', 'insists', 'insisted', 'vows', 'vowed', 'promises', 'promised', 'declares',
  'declared', 'was', 'were', 'is', 'are', 'be', 'been', 'hails', 'hailed', 'describes', 'described', 'slams', 'slammed',
  'writes', 'wrote', 'tweets', 'tweeted', 'posted', 'added', 'explained', 'noted', 'recalls', 'recalled', 'labels',
  'labeled', 'branded', 'deemed', 'deems', 'praised', 'praises', 'warned', 'warns', 'teased',
]);
const OTHER_NAME_BEFORE = new Set([
  'song', 'songs', 'single', 'track', 'album', 'hashtag', 'slogan', 'tagline', 'catchphrase', 'phrase', 'word', 'words',
  'term', 'motto', 'chant', 'anthem', 'episode', 'episodes', 'chapter', 'podcast', 'segment', 'newsletter', 'column',
  'initiative', 'program', 'programme', 'campaign', 'contest', 'challenge', 'codename', 'code-named', 'nicknamed',
  'headlined', 'titled', 'poem', 'ballad', 'playlist', 'sweepstakes', 'app',
]);
const CAMPAIGN_NOUNS = /^(?:\s+[A-Z][\w-]*){0,2}\s+(?:campaign|initiative|program|challenge|contest|sweepstakes|promotion|drive|tour)\b/i;
const PROMO_AFTER = /^\s*(?:[A-Z][\w-]*\s+){0,1}(?:sweepstakes|contest|giveaway|challenge|hashtag|scavenger hunt)\b/i;
const ROLE_AFTER = /^\s+(?:star|stars|co-star|director|directors|helmer|writer|writers|scribe|creator|creators|producer|producers|showrunner|actor|actress|filmmaker|composer|alum|alums|breakout|author|writer-director|duo|cast member|screenwriter|editor)\b(?:\s+[A-Z][\p{L}'-]+)/iu;
const CREDIT_BEFORE = /\b(?:known for|credits include|credits including|breakout in|fresh off(?: of)?|following|alum of|star of|the director of|who directed|who wrote|who starred in|whose films include)\s*$/i;

/** Quoted titles in `text`: '…', "…" (curly quotes normalized to ASCII first), with speech, songs and credits told apart. */
export function findQuotedTitles(text: string, offset = 0): TitleMention[] {
  const found: TitleMention[] = [];
  const n = text.length;
  // Trade headlines quote titles in single quotes and speech in double ("David E. Kelley "Vowed" Not To Work With …
  // Until Casting 'Margo's Got Money Troubles'"): in a headline that single-quotes a title, a double quote is speech.
  const headEnd = text.includes('\n') ? text.indexOf('\n') : n;
  const singleQuotedTitle = /(?:^|[\s(—–-])'[\p{Lu}\p{N}](?:[^'\n]|'(?=\p{L})){0,80}?'(?=[\s,.!?:;)]|$)/mu.exec(text.slice(0, headEnd)) !== null;
  for (let i = 0; i < n; i++) {
    const q = text[i];
    if (q !== "'" && q !== '"') continue;
    const prev = i > 0 ? text[i - 1]! : ' ';
    if (/[\p{L}\p{N}]/u.test(prev)) continue; // an apostrophe inside or after a word
    const first = text[i + 1] ?? '';
    if (!/[\p{Lu}\p{N}¡¿$]/u.test(first)) continue;
    const open = i;
    const close = findClose(text, open, q);
    if (close < 0) continue;
    const raw = text.slice(open + 1, close);
    const end = close + 1;
    const before = text.slice(Math.max(0, open - 40), open);
    const after = text.slice(end, end + 60);
    // Quoted speech may hold a title ("CEO: \"We're Not Moving 'The Lantern Keeper'\""): scan its inside.
    if (q === '"' && (isSpeech(raw, before) || (singleQuotedTitle && open < headEnd))) continue;
    i = close; // a title's inside is not scanned for more quotes
    // American punctuation puts list commas inside the quotes: "'Velvet Hours,' 'Saltwater Saints'".
    const listed = /,$/.test(raw) && /^\s*(?:['"\p{Lu}]|(?:and|or)\s)/u.test(after);
    const title = cleanTitle(listed ? raw.slice(0, -1) : raw);
    if (!title || !looksLikeTitle(title, listed ? raw.slice(0, -1) : raw)) continue;
    if (isSpeechOrOtherName(before, after)) continue;
    found.push({ title, start: offset + open, end: offset + end, source: 'quoted', credit: creditKind(before, after) });
  }
  return found;
}

function findClose(text: string, open: number, q: string): number {
  const limit = Math.min(text.length, open + 90);
  for (let j = open + 2; j < limit; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c !== q) continue;
    if (q === "'") {
      if (text[j - 1] === ' ') return -1; // a new opening quote: the first one was not a title quote
      if (/[\p{L}\p{N}]/u.test(text[j + 1] ?? ' ')) continue; // an apostrophe inside a word ("Shepherd's")
      return j;
    }
    return j;
  }
  return -1;
}

function cleanTitle(raw: string): string {
  return raw.replace(/\s+/g, ' ').replace(/^[\s:–—-]+|[\s:;–—-]+$/g, '').trim();
}

/** True when quoted text reads as a title: title case, short, not ending like a sentence fragment. */
export function looksLikeTitle(title: string, raw = title): boolean {
  if (title.length > 80 || title.length < 1) return false;
  if (/[,.]$/.test(raw.trim()) && !/\b(?:[A-Z]\.)+$|\bVol\.$|\bJr\.$|\bSr\.$|\bInc\.$|\bBros\.$/.test(raw.trim())) return false;
  const words = title.split(' ');
  if (words.length > 12) return false;
  if (!/^[\p{Lu}\p{N}¡¿$]/u.test(title)) return false;
  let content = 0;
  let capped = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!.replace(/^[("'¡¿]+/, '');
    if (!w) continue;
    const lower = w.toLowerCase();
    if (k > 0 && SMALL.has(lower)) continue;
    content++;
    if (/^[\p{Lu}\p{N}$#&@]/u.test(w)) capped++;
  }
  if (content === 0) return false;
  return capped / content >= 0.75;
}

// First/second-person contractions, a nested quoted title, or a quote right after "Name:" mark speech.
function isSpeech(raw: string, before: string): boolean {
  if (/:\s*$/.test(before)) return true;
  if (/(?:^|\s)'[\p{Lu}\p{N}][^']*'(?=[\s,.!?:;]|$)/u.test(raw)) return true;
  return /\b(?:I|[Ww]e|[Yy]ou|[Tt]hey)'(?:re|ve|ll|m|d)\b/.test(raw) && raw.split(' ').length >= 4;
}

function isSpeechOrOtherName(before: string, after: string): boolean {
  const prevWords = before.match(/[\p{L}'-]+|[:(]/gu) ?? [];
  const prev = (prevWords[prevWords.length - 1] ?? '').toLowerCase().replace(/^'+|'+$/g, '');
  if (SPEECH_BEFORE.has(prev) || OTHER_NAME_BEFORE.has(prev)) return true;
  if (/\b(?:hailed|described|touted|billed|known|branded) as\s*$/i.test(before)) return true;
  if (/^\s*,?\s*(?:said|says|according to|he said|she said|they said)\b/i.test(after)) return true;
  // "the 'Fletcher Family Feast' sweepstakes": a promotion's name, not a film.
  if (PROMO_AFTER.test(after)) return true;
  // "'Pay It Forward' Ticket Campaign for 'The Shepherd's Road'": the name of the campaign, not a film.
  const camp = CAMPAIGN_NOUNS.exec(after);
  if (camp && /^\s+for\s+['"]/i.test(after.slice(camp[0].length))) return true;
  return false;
}

function creditKind(before: string, after: string): false | 'weak' | 'strong' {
  // Inside parentheses after a name: "Nadia Fenn ('Night Drop', 'Cold Harbor')".
  const open = before.lastIndexOf('(');
  if (open >= 0 && !before.slice(open).includes(')') && /^\s*(?:\)|,)/.test(after)) return 'strong';
  if (CREDIT_BEFORE.test(before)) return 'strong';
  if (ROLE_AFTER.test(after)) return /\b(?:from|by|of)\s*$/i.test(before) ? 'strong' : 'weak';
  return false;
}

/** Known titles (the workspace slate, the release calendar) compiled into one matcher. */
export interface KnownTitles {
  readonly titles: readonly string[];
  readonly matcher: RegExp | null;
  readonly byKey: ReadonlyMap<string, string>;
}

/** Compiles known titles; very short single words ("Us", "It") are left out, they are too often ordinary words. */
export function buildKnownTitles(titles: readonly string[]): KnownTitles {
  const byKey = new Map<string, string>();
  for (const t of titles) {
    const title = t.replace(/\s+/g, ' ').trim();
    if (!title) continue;
    if (!title.includes(' ') && title.length < 5) continue;
    byKey.set(title.toLowerCase(), title);
    // "The Lantern Keeper" is often written "Lantern Keeper" after a possessive ("Harbor Light's Lantern Keeper").
    const short = /^The\s+(.+\s.+)$/.exec(title)?.[1];
    if (short && !byKey.has(short.toLowerCase())) byKey.set(short.toLowerCase(), title);
  }
  if (byKey.size === 0) return { titles: [], matcher: null, byKey };
  const alts = [...byKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRegExp(k).replace(/ /g, '\\s+'));
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return { titles: [...new Set(byKey.values())], matcher, byKey };
}

const SEQUEL = /^(?:\s(?:[2-9]|II|III|IV|V|VI)(?![\p{L}\p{N}%$,.-]|\s+(?:weeks?|days?|months?|years?|million|billion|percent|points?|theaters|screens|films|movies|times|hours|minutes)\b)|:?\s(?:Part|Chapter|Vol\.|Volume|Book|Episode)\s(?:One|Two|Three|Four|Five|Six|[1-9]|I{1,3}|IV|V|VI)\b)/u;

/** Occurrences of known titles in `text` outside `mask`, written in the title's own case or in capitals. */
export function findKnownTitles(text: string, known: KnownTitles, mask: readonly Span[] = []): TitleMention[] {
  if (!known.matcher) return [];
  const out: TitleMention[] = [];
  const re = new RegExp(known.matcher.source, known.matcher.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const matched = m[0].replace(/\s+/g, ' ');
    const key = matched.toLowerCase();
    const canonical = known.byKey.get(key);
    if (!canonical) continue;
    const expected = key === canonical.toLowerCase() ? canonical : canonical.replace(/^The\s+/, '');
    if (matched !== expected && matched !== expected.toUpperCase()) continue;
    let end = m.index + m[0].length;
    let title = canonical;
    const seq = SEQUEL.exec(text.slice(end, end + 30));
    if (seq) {
      title = `${canonical}${seq[0]}`;
      end += seq[0].length;
    }
    if (overlapsSpans(m.index, end, mask)) continue;
    out.push({ title, start: m.index, end, source: 'known', credit: false });
  }
  return out;
}

// Press releases write titles in capitals ("Lionsgate announced today that IRON MERIDIAN will open…").
const CAPS_TOKEN = /^[A-Z0-9][A-Z0-9'’&!?.:-]*$/;
const CAPS_PAIR = /[A-Z][A-Z'’&.:-]*[A-Z]\s+[A-Z0-9][A-Z0-9'’&.:-]*[A-Z0-9]/;
const CAPS_SMALL = new Set(['A', 'AN', 'THE', 'OF', 'AND', 'IN', 'ON', 'AT', 'TO', 'FOR', 'WITH', 'FROM', 'BY', 'OR', 'VS', 'VS.']);
const ACRONYMS = new Set([
  'IMAX', 'CEO', 'COO', 'CFO', 'CMO', 'EVP', 'SVP', 'VP', 'U.S.', 'US', 'USA', 'UK', 'U.K.', 'TV', 'HBO', 'AMC', 'SAG-AFTRA',
  'SAG', 'WGA', 'DGA', 'PGA', 'PG', 'PG-13', 'R', 'NC-17', '3D', '4K', 'DVD', 'VOD', 'PVOD', 'LA', 'NYC', 'NY', 'CA', 'NFL',
  'NBA', 'MLB', 'ESPN', 'CNN', 'AI', 'CGI', 'VFX', 'FX', 'CAA', 'WME', 'UTA', 'SXSW', 'TIFF', 'BAFTA', 'RSVP', 'Q&A', 'AMA',
  'IP', 'ET', 'PT', 'PST', 'EST', 'GMT', 'UTC', 'AM', 'PM', 'A.M.', 'P.M.', 'LLC', 'INC', 'INC.', 'CO.', 'LTD', 'MGM', 'A24',
  'NEON', 'SPC', 'IFC', 'WB', 'WBD', 'STX', 'NBC', 'ABC', 'CBS', 'BBC', 'ITV', 'PBS', 'MTV', 'DC', 'EU', 'ID', 'OK',
  'NOW', 'NEW', 'WATCH', 'OFFICIAL', 'TRAILER', 'TEASER', 'POSTER', 'EXCLUSIVE', 'BREAKING', 'UPDATE', 'UPDATED', 'VIDEO',
  'PHOTOS', 'FIRST', 'LOOK', 'REVIEW', 'PREMIERE', 'ONLY', 'IN', 'THEATERS', 'THEATRES', 'EVERYWHERE', 'TODAY', 'PLAYING',
]);

/** Titles written in capitals inside mixed-case text, returned in title case; all-caps lines are skipped. */
export function findCapsTitles(text: string, mask: readonly Span[] = []): TitleMention[] {
  const out: TitleMention[] = [];
  if (!CAPS_PAIR.test(text)) return out;
  const tokens = [...text.matchAll(/[^\s]+/g)];
  let run: RegExpMatchArray[] = [];
  const flush = (): void => {
    // Trailing small words and punctuation-only tails belong to the sentence, not the title.
    while (run.length && CAPS_SMALL.has(strip(run[run.length - 1]![0]))) run.pop();
    while (run.length && ACRONYMS.has(strip(run[0]![0])) && !CAPS_SMALL.has(strip(run[0]![0]))) run.shift();
    if (run.length >= 2) {
      const words = run.map((t) => strip(t[0]));
      const letters = words.join('').replace(/[^A-Z]/g, '').length;
      const start = run[0]!.index!;
      const last = run[run.length - 1]!;
      const end = last.index! + strip(last[0]).length;
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
      const around = text.slice(Math.max(lineStart, start - 50), start) + text.slice(end, Math.min(lineEnd, end + 50));
      const after = text.slice(end, end + 12);
      const allAcronyms = words.every((w) => ACRONYMS.has(w) || CAPS_SMALL.has(w));
      const dateline = /^[,]?\s*(?:[A-Z]{2}\b|\(|[-–—]\s)/.test(after.replace(/^[^,\s(–—-]*/, '')) && /(?:^|\n)\s*$/.test(text.slice(Math.max(0, start - 2), start));
      const promo = PROMO_AFTER.test(text.slice(end, end + 40));
      if (letters >= 6 && !allAcronyms && !promo && /\p{Ll}/u.test(around) && !dateline && !overlapsSpans(start, end, mask)) {
        out.push({ title: titleCase(words), start, end, source: 'caps', credit: false });
      }
    }
    run = [];
  };
  for (const t of tokens) {
    const w = strip(t[0]);
    const prev = run[run.length - 1];
    const adjacent = prev ? text.slice(prev.index! + prev[0].length, t.index) === ' ' && !/[,;]$/.test(prev[0]) : true;
    // A one-digit sequel number continues a run ("RED CANYON RUN 2"); other numbers end it.
    if (w && CAPS_TOKEN.test(w) && (/[A-Z]/.test(w) || (/^\d$/.test(w) && run.length > 0)) && adjacent) run.push(t);
    else {
      flush();
      if (w && CAPS_TOKEN.test(w) && /[A-Z]/.test(w)) run.push(t);
    }
  }
  flush();
  return out;
}

function strip(token: string): string {
  return token.replace(/^["'(]+|[)"',;.!?]+$/g, (m) => (m === '.' && /[A-Z]\.[A-Z]$/.test(token.slice(0, -1)) ? m : ''));
}

function titleCase(words: readonly string[]): string {
  return words
    .map((w, i) => {
      if (/^(?:[IVX]+|\d+\w*)$/.test(w) && w !== 'I' ) return w;
      const lower = w.toLowerCase();
      if (i > 0 && i < words.length - 1 && CAPS_SMALL.has(w)) return lower;
      return lower.replace(/(^|[-:'’])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()).replace(/'S\b/, "'s");
    })
    .join(' ');
}

// Unquoted titles in a headline, found by the "Season N" that follows them: "Loki Season 2 Hits Disney Plus", "Netflix's
// Arcane Season 2 Gets 2024 Release Date". Outlets that do not quote titles (most non-trade news) write them this way;
// the title is the capitalized run right before the cue when that run is the headline's subject: it starts the headline
// or follows a possessive ("Netflix's"). ("Movie", "Series" and "Release Date" as cues found as many wrong titles as
// right ones on dev headlines.)
const CUE = /\s+[Ss]eason\s+\d{1,2}\b/g;
const CUE_SMALL = new Set(['of', 'the', 'and', 'in', 'on', 'at', 'to', 'a', 'an', 'vs.', 'vs', '&', 'for', 'from', 'with', 'or', 'de']);
// Words that start no title before a cue: verbs and adverbs of headlines, and generic words ("New Horror Movie").
const CUE_STOP = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'could', 'might', 'may', 'can', 'should', 'has', 'have', 'had',
  'gets', 'get', 'got', 'hits', 'hit', 'sets', 'set', 'drops', 'drop', 'reveals', 'revealed', 'reveal', 'announces', 'announced',
  'announce', 'confirms', 'confirmed', 'confirm', 'releases', 'released', 'release', 'delays', 'delayed', 'delay', 'renews', 'renewed',
  'renew', 'cancels', 'cancelled', 'canceled', 'cancel', 'makes', 'making', 'make', 'made', 'lands', 'land', 'finds', 'joins', 'join',
  'adds', 'add', 'eyes', 'teases', 'tease', 'debuts', 'debut', 'premieres', 'premiere', 'shares', 'unveils', 'unveil', 'books', 'moves',
  'move', 'pushes', 'push', 'gives', 'offers', 'orders', 'order', 'greenlights', 'greenlit', 'picks', 'boards', 'casts', 'cast', 'taps',
  'says', 'said', 'say', 'coming', 'comes', 'come', 'returns', 'return', 'developing', 'develops', 'planning', 'plans', 'wants',
  'new', 'next', 'first', 'final', 'official', 'upcoming', 'latest', 'another', 'more', 'most', 'why', 'how', 'what', 'when', 'where',
  'who', 'which', 'after', 'before', 'about', 'into', 'over', 'under', 'as', 'by', 'this', 'that', 'these', 'those', 'his', 'her',
  'their', 'its', 'our', 'your', 'my', 'one', 'two', 'three', 'four', 'five', 'every', 'all', 'no', 'not', 'now', 'just', 'still',
  'also', 'finally', 'officially', 'reportedly', 'report', 'exclusive', 'watch', 'here', "here's", 'there', 'big', 'major',
  'horror', 'comedy', 'thriller', 'action', 'drama', 'superhero', 'holiday', 'christmas', 'fantasy', 'sci-fi', 'romance', 'crime',
  'animated', 'anime', 'tv', 'film', 'movie', 'series', 'show', 'streaming', 'live-action', 'original', 'untitled', 'secret', 'mystery',
  'spinoff', 'sequel', 'prequel', 'reboot', 'remake', 'revival', 'season', 'episode', 'trailer', 'teaser', 'clip', 'poster',
  'limited', 'scripted', 'non-scripted', 'unscripted', 'docuseries', 'documentary', 'reality', 'miniseries', 'a', 'an',
]);
const CONTRACTION = /^(?:who|what|that|there|here|it|he|she|let|where|when|how|why)['’]s$/i;
// Labels before a colon ("Review: Loki Season 2"); those in CUE_STOP (report, exclusive, trailer…) stop the run already.
const CUE_LABELS = new Set(['review', 'reviews', 'update', 'updated', 'opinion', 'interview', 'analysis', 'explainer', 'recap', 'office', 'breaking', 'video', 'photos']);
const ABBREVIATION = /^(?:Bros|Jr|Sr|Mr|Mrs|Ms|Dr|St|Vs|Inc|Co|Vol|Pt|No)\.$|^(?:\p{L}\.)+$/u;
const COMPANY_NAMES = new Set(COMPANIES.flatMap((c) => [c.name, ...c.aliases].map((a) => a.replace(/^~/, '').toLowerCase())));

/** Unquoted titles of a headline (`text` up to its first line break) named right before a cue word. */
export function findCueTitles(text: string, mask: readonly Span[] = []): TitleMention[] {
  const cut = text.indexOf('\n');
  const headline = cut < 0 ? text : text.slice(0, cut);
  const out: TitleMention[] = [];
  for (const cue of headline.matchAll(CUE)) {
    const end = cue.index!;
    const tokens = [...headline.slice(0, end).matchAll(/[^\s]+/g)];
    const run: RegExpMatchArray[] = [];
    let anchored = false; // the run starts the headline (after a company name, if any) or follows a possessive: the subject
    for (let k = tokens.length - 1; k >= 0; k--) {
      const raw = tokens[k]![0];
      if (CONTRACTION.test(raw)) break; // "Who's Checking in for Season 4": a clause, not an owner
      // A possessive or a company ends the run; then a clause's end, or a quoted title's (the cue is that title's).
      if (/['’]s$/.test(raw) || COMPANY_NAMES.has(raw.toLowerCase())) {
        anchored = k === 0 || /['’]s$/.test(raw);
        break;
      }
      if (/[,;!?"“”‘'’]$/.test(raw) || /^['‘"“]/.test(raw) || /^[-–—|]$/.test(raw)) break;
      const w = raw.replace(/[.:]+$/, '');
      const lower = w.toLowerCase();
      const capital = /^[\p{Lu}\d]/u.test(w);
      if (CUE_STOP.has(lower) && !(run.length > 0 && CUE_SMALL.has(lower))) break;
      if (!capital && !CUE_SMALL.has(lower)) break;
      if (/:$/.test(raw) && (run.length === 0 || CUE_LABELS.has(lower))) break; // "Review: Loki Season 2": a label's colon
      run.unshift(tokens[k]!);
      if (k === 0) anchored = true;
    }
    if (!anchored) continue;
    while (run.length && CUE_SMALL.has(run[0]![0].toLowerCase()) && !(/^(?:the|a|an)$/i.test(run[0]![0]) && run[0]!.index === 0 && run.length > 1)) run.shift();
    while (run.length && CUE_SMALL.has(run[run.length - 1]![0].toLowerCase())) run.pop();
    if (run.length === 0) continue;
    const start = run[0]!.index!;
    const last = run[run.length - 1]!;
    const stop = last.index! + (ABBREVIATION.test(last[0]) ? last[0].length : last[0].replace(/[.:,]+$/, '').length);
    const title = headline.slice(start, stop).replace(/[:]+$/, '');
    if (title.length < 2 || !/\p{L}/u.test(title) || COMPANY_NAMES.has(title.toLowerCase()) || COMPANY_NAMES.has(title.replace(/^the\s+/i, '').toLowerCase())) continue;
    if (overlapsSpans(start, stop, mask)) continue;
    out.push({ title, start, end: stop, source: 'cue', credit: false });
  }
  return out;
}

/** Result of title extraction: titles in order of first mention and the spans they cover (to mask other matchers). */
export interface TitleResult {
  titles: string[];
  mentions: TitleMention[];
  spans: Span[];
}

/**
 * Titles of a story. `text` is the analyzed text (headline, a line break, the body). Quoted titles come first
 * by position; known titles add unquoted mentions. A credit is dropped unless the same title is also named plainly.
 */
export function extractTitles(text: string, known: KnownTitles, extraMask: readonly Span[] = []): TitleResult {
  const quoted = findQuotedTitles(text);
  const quoteSpans: Span[] = quoted.map((q) => [q.start, q.end] as const);
  const knownHits = findKnownTitles(text, known, quoteSpans);
  const taken: Span[] = [...quoteSpans, ...knownHits.map((k) => [k.start, k.end] as const), ...extraMask];
  const capsHits = findCapsTitles(text, taken);
  const cueHits = findCueTitles(text, [...taken, ...capsHits.map((k) => [k.start, k.end] as const)]);
  const mentions = [...quoted, ...knownHits, ...capsHits, ...cueHits].sort((a, b) => a.start - b.start);
  const plain = new Set(mentions.filter((m) => !m.credit).map((m) => m.title.toLowerCase()));
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const m of mentions) {
    const key = m.title.toLowerCase();
    if (m.credit === 'strong' && !plain.has(key)) continue;
    if (m.credit === 'weak' && !plain.has(key) && plain.size > 0) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    titles.push(known.byKey.get(key) ?? m.title);
  }
  // A title found once (quoted in the headline) is the same title when the body names it plainly ("Static Girl
  // opened to…"): those spans are covered too, so no other matcher reads the title's words as a name or a keyword.
  const spans: Span[] = mentions.map((m) => [m.start, m.end] as const);
  for (const title of [...titles]) {
    if (title.length < 5) continue;
    for (let i = text.indexOf(title); i >= 0; i = text.indexOf(title, i + title.length)) {
      let end = i + title.length;
      if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[end] ?? ' ')) continue;
      if (overlapsSpans(i, end, spans)) continue;
      // "'Glimmerglass' Sequel Set…" then "dated Glimmerglass: Part Two for…": the sequel is a title of its own.
      let named = title;
      const seq = SEQUEL.exec(text.slice(end, end + 30));
      if (seq) {
        named = `${title}${seq[0]}`;
        end += seq[0].length;
        if (!seen.has(named.toLowerCase())) {
          seen.add(named.toLowerCase());
          titles.push(named);
        }
      }
      spans.push([i, end]);
      mentions.push({ title: named, start: i, end, source: 'known', credit: false });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { titles, mentions, spans: mentions.map((m) => [m.start, m.end] as const) };
}
