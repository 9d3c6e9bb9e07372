// Studio directory (majors, mini-majors, specialty labels, streamers) and alias matching with false-friend guards.
import type { Competitor } from '../../../shared/model/workspace.js';
import { COMPANIES, type CompanyEntry, type CompanyKind } from '../gazetteer/companies.js';
import { escapeRegExp, overlapsSpans, wordBefore, wordsAfter, type Span } from './text.js';

export type { CompanyKind as StudioKind } from '../gazetteer/companies.js';

/**
 * One company as the analyst reports it (see the gazetteer for the alias prefixes):
 * - plain: any capitalized or all-caps spelling ("Lionsgate", "LIONSGATE");
 * - `~`: an everyday word or name ("Universal", "Apple", "Focus", "Fox", "Max"): exact case or all caps only, and the
 *   words around it must not read as the everyday sense (see GUARDS);
 * - `?`: counts only when the same studio is also named by another alias in the story ("Angel" after "Angel Studios").
 */
export type StudioEntry = CompanyEntry;

/**
 * Built-in directory: the gazetteer (several hundred studios, distributors, networks, streamers, labels and
 * production companies). A story reports the company it names ("Searchlight Pictures", "Hulu"); a workspace
 * competitor claims the company it names and everything under it, so "Hulu" reports as the competitor "Walt Disney
 * Studios" when the workspace tracks Disney. Exhibitors, agencies and measurement firms are known (so "AMC Theatres"
 * is not AMC the network) but never reported.
 */
export const BUILT_IN_STUDIOS: readonly StudioEntry[] = COMPANIES;

const NOT_REPORTED = new Set<CompanyKind>(['exhibitor', 'agency', 'music', 'brand']);

/** Words around an everyday-word alias that show the everyday sense ("universal acclaim", "shifts focus to"). */
interface Guard {
  notBefore?: readonly string[];
  notAfter?: readonly string[];
  /** Not right after a capitalized given name or initial ("Megan Fox", "Michael J. Fox", "Mad Max"). */
  noNameBefore?: boolean;
  /** Only in a company's context: after "at/to/on/from…", before a possessive or a company verb or noun. */
  context?: boolean;
}

// Words after which a short name is a company ("renewed at Max", "moves to Fox", "a Bravo series").
const CONTEXT_BEFORE = new Set([
  'at', 'to', 'on', 'from', 'by', 'for', 'via', 'and', 'with', 'onto', 'into', 'across', 'over', 'vs', 'versus',
  'including', 'streamer', 'network', 'channel', 'cable', 'platform', 'service', 'a', 'an',
]);
// Words after which the short name is a company acting or owning ("Max Orders", "Sky Original", "Bravo Series").
const CONTEXT_AFTER = new Set((
  'original originals series film films movie movies doc docs docuseries documentary documentaries drama dramas comedy ' +
  'comedies limited special specials show shows studio studios orders ordered renews renewed cancels canceled cancelled ' +
  'sets set greenlights greenlit picks picked lands landed buys bought acquires acquired premieres premiere premiering ' +
  'debuts debut drops reveals unveils announces announced releases released nabs taps hires names develops developing ' +
  'boss bosses chief chiefs exec execs executive executives president chair chairman head deal deals pact subscribers ' +
  'streaming reality ups promotes schedules slates dates moves pushes shifts said says content programming ' +
  'lineup slate sitcom thriller anime true exclusive app service platform launch launches viewers ratings audience hit ' +
  'top tops revives revived rescues saves scraps pulls sets plans preps readies eyes closes inks signs books network ' +
  'channel upfront upfronts presentation airs aired airing streams streamed'
).split(' '));
// Capitalized words that are not given names when they precede a short name ("At Max", "The CW").
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'at', 'to', 'on', 'from', 'by', 'for', 'via', 'and', 'with', 'in', 'of', 'as', 'or', 'over', 'into',
  'onto', 'is', 'are', 'was', 'new', 'exclusive', 'watch', 'why', 'how', 'what', 'when', 'after', 'before',
]);
const ROLE_NOUNS = [
  'director', 'directors', 'filmmaker', 'filmmakers', 'actor', 'actors', 'actress', 'producer', 'producers', 'composer',
  'star', 'stars', 'singer', 'musician', 'band', 'comedian', 'rocker', 'artist', 'figure', 'franchise', 'status',
  'performance', 'career', 'run', 'moment', 'screenwriter', 'writer', 'cinematographer', 'editor', 'animator', 'role',
  'host', 'coach', 'athlete', 'creature', 'creatures', 'rivalry', 'villain', 'hero', 'icon', 'film', 'films', 'movie',
  'movies', 'series', 'show', 'studio', 'journalist', 'critic', 'duo', 'showrunner', 'tv',
];
const GUARDS: Record<string, Guard> = {
  Universal: {
    notBefore: ['near', 'nearly', 'almost', 'a', 'an', 'of'],
    notAfter: ['acclaim', 'appeal', 'praise', 'acclaimed', 'truth', 'truths', 'theme', 'themes', 'language', 'basic',
      'health', 'healthcare', 'access', 'remote', 'music', 'donor', 'suffrage', 'constant', 'law', 'laws', 'story',
      'stories', 'experience', 'experiences', 'love', 'audience', 'audiences', 'human', 'message', 'messages'],
  },
  Focus: {
    notBefore: ['shift', 'shifts', 'shifted', 'shifting', 'change', 'changes', 'changed', 'turn', 'turns', 'turned',
      'sharpen', 'sharpens', 'sharpened', 'bring', 'brings', 'brought', 'in', 'into', 'out', 'of', 'the', 'main', 'new',
      'its', 'their', 'his', 'her', 'our', 'a', 'keep', 'keeps', 'stay', 'stays', 'narrow', 'narrows', 'renewed',
      'primary', 'key', 'major', 'special', 'laser', 'sole', 'big', 'clear', 'lose', 'loses', 'lost', 'regain',
      'regains', 'put', 'puts', 'increased', 'sharper', 'soft', 'deep', 'with', 'greater', 'more', 'less', 'that'],
    notAfter: ['group', 'groups', 'on', 'of', 'area', 'areas', 'puller', 'pulling'],
  },
  Apple: {
    notBefore: ['big', 'an', 'candy', 'caramel', 'bad', 'rotten', 'poison', 'poisoned', 'green', 'red', 'golden'],
    notAfter: ['pie', 'pies', 'orchard', 'orchards', 'tree', 'trees', 'juice', 'cider', 'seed', 'seeds', 'picking',
      'crisp', 'sauce', 'cart', 'harvest', 'blossom', 'blossoms', 'farm'],
  },
  Amazon: {
    notAfter: ['rainforest', 'rain', 'river', 'basin', 'jungle', 'forest', 'warrior', 'warriors', 'women', 'region',
      'delta', 'parrot', 'parrots', 'tribe', 'tribes', 'expedition'],
  },
  Neon: {
    notBefore: ['in', 'of', 'bright', 'glowing', 'flickering', 'pink', 'blue', 'green'],
    notAfter: ['light', 'lights', 'lit', 'sign', 'signs', 'noir', 'genesis', 'demon', 'glow', 'glowing', 'colors',
      'colours', 'green', 'pink', 'blue', 'yellow', 'orange', 'purple', 'tube', 'tubes', 'gas', 'city', 'dreams',
      'nights', 'night', 'bible', 'aesthetic', 'palette', 'glare', 'haze'],
  },
  Legendary: {
    notBefore: ['a', 'an', 'the', 'his', 'her', 'their', 'its', 'most', 'truly', 'more', 'so', 'this', 'that', 'now',
      'already', 'become', 'became', 'becomes', 'is', 'was', 'are', 'were'],
    // "Legendary French film director", "legendary jazz singer": an adjective before the role noun.
    notAfter: [...ROLE_NOUNS, 'french', 'british', 'english', 'irish', 'scottish', 'welsh', 'american', 'canadian', 'italian',
      'japanese', 'german', 'spanish', 'korean', 'indian', 'chinese', 'mexican', 'australian', 'hollywood', 'broadway',
      'bollywood', 'jazz', 'rock', 'country', 'soul', 'blues', 'comedy', 'horror', 'stage', 'screen', 'comic', 'animation',
      'film', 'tv', 'television', 'radio', 'music', 'cult'],
  },
  Paramount: {
    notBefore: ['of', 'is', 'was', 'be', 'are', 'were', 'become', 'becomes', 'remain', 'remains', 'absolutely'],
    notAfter: ['importance', 'concern', 'interest', 'priority', 'need', 'goal', 'duty'],
  },
  Marvel: {
    notBefore: ['captain', 'ms', 'mrs', 'miss', 'a', 'mighty', 'technical', 'engineering', 'visual', 'modern'],
    // "Marvel blockbuster", "Marvel series": the brand describes a title; the studio acts ("Marvel Sets…", "Marvel's").
    notAfter: ['at', 'of', 'comics', 'comic', 'blockbuster', 'blockbusters', 'romp', 'cinematic', 'universe', 'fans', 'fan',
      'hero', 'heroes', 'superhero', 'superheroes', 'character', 'characters', 'series', 'movie', 'movies', 'film', 'films',
      'show', 'shows', 'project', 'projects', 'franchise', 'villain', 'villains', 'star', 'stars', 'actor', 'actress',
      'sequel', 'spinoff', 'entry', 'title', 'titles', 'property', 'properties', 'debut', 'role', 'return', 'phase',
      'saga', 'installment', 'animated', 'animation', 'legends', 'tv', 'television', 'mcu', 'multiverse', 'team', 'legend'],
  },
  Discovery: { context: true, notBefore: ['trek', 'of', 'the', 'a', 'new', 'voyage', 'journey', 'self'] },
  OWN: { context: true },
  Columbia: {
    notBefore: ['british', 'of', 'district'],
    notAfter: ['university', 'college', 'river', 'records', 'journalism', 'business', 'law', 'county', 'gorge',
      'sportswear', 'heights', 'school', 'sc', 'mo', 'missouri', 'south', 'maryland', 'space'],
  },
  '20th Century': { notBefore: ['the', 'early', 'late', 'mid', 'of', 'in', '21st', '19th'] },
  Searchlight: { notBefore: ['a', 'giant', 'huge'] },
  Illumination: { notAfter: ['of'], notBefore: ['the', 'an', 'soft', 'divine'] },
  'New Line': { notBefore: ['a', 'an', 'whole'], notAfter: ['of'] },
  Peacock: { notBefore: ['a', 'proud', 'white', 'blue'], notAfter: ['feather', 'feathers', 'throne', 'blue'] },
  FX: {
    notBefore: ['special', 'visual', 'practical', 'sound', 'digital', 'makeup', 'creature'],
    notAfter: ['artist', 'artists', 'work', 'shots', 'house', 'houses', 'supervisor', 'team', 'budget'],
  },
  Fathom: { notBefore: ['can', "can't", 'cannot', "couldn't", 'to', 'hard'] },
  Shudder: {
    notBefore: ['a', 'to', 'they', 'we', 'i', 'you', 'fans', 'audiences', 'will', 'would', 'still', 'collective'],
    notAfter: ['to', 'at', 'with', 'through'],
  },
  'Bleecker Street': { notBefore: ['on', 'at', 'along', 'off', 'near', 'of', 'down', 'up'] },
  Magnolia: {
    notBefore: ['steel', 'southern', 'a'],
    notAfter: ['tree', 'trees', 'blossom', 'blossoms', 'bakery', 'street', 'avenue', 'boulevard', 'ave', 'st', 'hotel',
      'network', 'table'],
  },
  MGM: { notAfter: ['grand', 'resorts', 'resort', 'national', 'casino', 'china'] },
  Disney: { notAfter: ['world', 'parks', 'park', 'resort', 'resorts', 'cruise', 'cruises', 'store', 'stores', 'springs', 'on', 'villains', 'princess', 'princesses', 'classic', 'classics', 'fans', 'adults'] },
  Fox: { noNameBefore: true, notAfter: ['news', 'sports', 'business', 'hunt', 'hunter', 'terrier', 'guy'] },
  Max: { noNameBefore: true, context: true },
  Sky: { noNameBefore: true, context: true, notBefore: ['the', 'blue', 'night', 'open', 'big'] },
  Bravo: { context: true },
  Oxygen: { context: true },
  History: { context: true, notBefore: ['the', 'in', 'of', 'film', 'movie', 'making', 'make', 'makes', 'made', 'box', 'office', 'oscar', 'emmy'] },
  Lifetime: { context: true, notAfter: ['achievement', 'ban', 'supply', 'of', 'award', 'membership'] },
  Hallmark: { context: true, notAfter: ['of'] },
  Showtime: { context: true, notBefore: ['its', "it's", 'it'] },
  Prime: { context: true, notBefore: ['a', 'the', 'in', 'its', 'their', 'his', 'her', 'prime'], notAfter: ['time', 'minister', 'suspect', 'example', 'day', 'spot', 'real', 'location'] },
  Freeform: { context: true },
  Criterion: { context: true },
  Janus: { context: true },
  Utopia: { context: true },
  Decal: { context: true },
  Regal: { context: true },
  Plex: { context: true },
  Crackle: { context: true },
  Philo: { context: true },
  Arte: { context: true },
  Viki: { context: true },
  Spyglass: { context: true },
  'Plan B': { context: true },
  'Black Bear': { context: true },
  'Higher Ground': { context: true },
  Participant: { context: true },
  'Working Title': { context: true },
  DreamWorks: { context: true },
  TLC: { notBefore: ['some', 'the', 'needs', 'need', 'with', 'of'] },
  WB: { context: true },
  eOne: { context: true },
  UCP: { context: true },
  TCM: { context: true },
  Sony: { notAfter: ['music', 'electronics', 'playstation', 'interactive', 'xperia', 'bravia'] },
};

const COMPANY_COMPOUNDS = new Set([
  'backed', 'owned', 'produced', 'distributed', 'financed', 'funded', 'led', 'made', 'based', 'branded', 'released', 'run',
]);

type Mode = 'strong' | 'guarded' | 'weak';
interface AliasRule {
  text: string;
  canonical: string;
  mode: Mode;
  guard?: Guard;
}

/** A compiled directory: alias rules, and sticky matchers grouped by the first two letters of the aliases. */
export interface StudioDirectory {
  readonly entries: readonly StudioEntry[];
  readonly byAlias: ReadonlyMap<string, AliasRule>;
  readonly byPrefix: ReadonlyMap<string, RegExp>;
  /** Company name -> the name a story reports for it (a workspace competitor's name when it claims the company). */
  readonly reportAs: ReadonlyMap<string, string | null>;
  /** Company name -> its own name, for companies a competitor claims through their parent. */
  readonly alsoAs: ReadonlyMap<string, string>;
  /** Company name -> its parent (gazetteer), for "whose is it". */
  readonly parentOf: ReadonlyMap<string, string | null>;
}

function parseAlias(raw: string): { text: string; mode: Mode } {
  if (raw.startsWith('~')) return { text: raw.slice(1), mode: 'guarded' };
  if (raw.startsWith('?')) return { text: raw.slice(1), mode: 'weak' };
  return { text: raw, mode: 'strong' };
}

/**
 * Builds the directory: the gazetteer merged with the workspace competitors. The workspace wins: a competitor whose
 * name or alias names a company claims that company and everything under it (its labels, networks and streamers),
 * unless another competitor names one of those itself; an alias a competitor lists always means that competitor.
 */
export function buildStudioDirectory(competitors: readonly Competitor[] = [], base: readonly StudioEntry[] = BUILT_IN_STUDIOS): StudioDirectory {
  const rules = new Map<string, AliasRule>();
  const baseModes = new Map<string, Mode>();
  for (const e of base) for (const raw of e.aliases) baseModes.set(parseAlias(raw).text.toLowerCase(), parseAlias(raw).mode);
  const parentOf = new Map<string, string | null>(base.map((e) => [e.name, e.parent]));

  const claimedBy = new Map<string, string>(); // company named by a competitor -> competitor name
  for (const c of competitors) {
    const names = new Set([c.name, ...c.aliases].map((s) => s.trim().toLowerCase()));
    for (const e of base) {
      const hit = names.has(e.name.toLowerCase()) || e.aliases.some((a) => names.has(parseAlias(a).text.toLowerCase()));
      if (hit && !claimedBy.has(e.name)) claimedBy.set(e.name, c.name);
    }
  }
  // The nearest claimed ancestor (the company itself first) decides; an unclaimed company reports its own name. A
  // company claimed through its parent reports its own name too ("Focus Features" beside "Universal Pictures"), so
  // that both "what did Universal do" and "what did Focus do" find it.
  const reportAs = new Map<string, string | null>();
  const alsoAs = new Map<string, string>();
  for (const e of base) {
    let owner: string | undefined;
    for (let n: string | null | undefined = e.name, depth = 0; n && depth < 8 && !owner; n = parentOf.get(n), depth++) owner = claimedBy.get(n);
    reportAs.set(e.name, owner ?? (NOT_REPORTED.has(e.kind) ? null : e.name));
    if (owner && !claimedBy.has(e.name) && !NOT_REPORTED.has(e.kind)) alsoAs.set(e.name, e.name);
  }
  const entries: StudioEntry[] = [];
  for (const e of base) {
    for (const raw of e.aliases) {
      const { text, mode } = parseAlias(raw);
      rules.set(text.toLowerCase(), { text, canonical: e.name, mode, guard: GUARDS[text] });
    }
    if (!claimedBy.has(e.name)) entries.push(e);
  }
  // Competitor names and aliases last, so they override any built-in alias with the same spelling.
  for (const c of competitors) {
    entries.push({ name: c.name, kind: 'major', parent: null, aliases: [c.name, ...c.aliases] });
    if (!reportAs.has(c.name)) reportAs.set(c.name, c.name);
    const seen = new Set<string>();
    for (const raw of [c.name, ...c.aliases]) {
      const text = raw.trim();
      // "Neon" and "NEON" share a key: the first spelling (the name) is the rule, so case-exact matching accepts
      // both it and its all-caps form instead of the all-caps alias locking out the ordinary spelling.
      if (!text || seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      const mode = baseModes.get(text.toLowerCase()) ?? (isEverydayWord(text) ? 'guarded' : 'strong');
      rules.set(text.toLowerCase(), { text, canonical: c.name, mode, guard: GUARDS[text] });
    }
  }
  // One sticky matcher per two-letter prefix, tried only at word starts with that prefix: a few hundred aliases cost
  // a map lookup per word instead of an alternation at every character. A trailing period is optional ("Warner
  // Bros" and "Warner Bros."); letters and digits may not touch the alias.
  const groups = new Map<string, string[]>();
  for (const r of rules.values()) {
    const key = r.text.slice(0, 2).toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), r.text]);
  }
  const byPrefix = new Map<string, RegExp>();
  for (const [key, texts] of groups) {
    const alts = texts
      .sort((a, b) => b.length - a.length)
      .map((t) => escapeRegExp(t).replace(/\\\.$/, '\\.?').replace(/ /g, '\\s+'));
    byPrefix.set(key, new RegExp(`(?:${alts.join('|')})(?![\\p{L}\\p{N}]|\\+)`, 'iuy'));
  }
  return { entries, byAlias: rules, byPrefix, reportAs, alsoAs, parentOf };
}

// A single capitalized dictionary-looking word ("Summit", "Horizon") gets the guarded treatment when a workspace adds it.
function isEverydayWord(s: string): boolean {
  return /^[A-Z][a-z]+$/.test(s) && s.length <= 10;
}

/** One alias occurrence. */
export interface StudioMention {
  canonical: string;
  /** The gazetteer company named (before a workspace competitor claims it), e.g. "Hulu" reported as "Disney". */
  entity: string;
  /** A second name to report: the company itself when a competitor claims it through its parent. */
  also?: string;
  start: number;
  end: number;
  text: string;
}

/** All accepted alias occurrences in `text`, in order; `mask` spans (quoted titles) are skipped. */
export function findStudioMentions(text: string, directory: StudioDirectory, mask: readonly Span[] = []): StudioMention[] {
  const out: StudioMention[] = [];
  const weak: StudioMention[] = [];
  const consumed: Span[] = [];
  const starts = /(?<![\p{L}\p{N}&@/])[\p{L}\p{N}]/gu;
  let w: RegExpExecArray | null;
  while ((w = starts.exec(text))) {
    const re = directory.byPrefix.get(text.slice(w.index, w.index + 2).toLowerCase());
    if (!re) continue;
    re.lastIndex = w.index;
    const m = re.exec(text);
    if (!m) continue;
    const matched = m[0];
    const start = m.index;
    const end = start + matched.length;
    starts.lastIndex = end;
    if (overlapsSpans(start, end, mask)) continue;
    // "non-Marvel", and a wire credit opening the text ("(CNN) —"): not a party to the story.
    if (/non-$/i.test(text.slice(Math.max(0, start - 4), start))) continue;
    if (text[start - 1] === '(' && /^\)\s*[—–-]/.test(text.slice(end, end + 4))) continue;
    const key = matched.replace(/\s+/g, ' ').toLowerCase();
    const rule = directory.byAlias.get(key) ?? directory.byAlias.get(key.endsWith('.') ? key.slice(0, -1) : `${key}.`);
    if (!rule) continue;
    if (!caseAccepted(matched, rule)) continue;
    if (!contextAccepted(text, start, end, rule)) continue;
    consumed.push([start, end]);
    const canonical = directory.reportAs.has(rule.canonical) ? directory.reportAs.get(rule.canonical) : rule.canonical;
    if (!canonical) continue; // an exhibitor or agency: its words are consumed, never reported
    const also = rule.canonical !== canonical ? directory.alsoAs.get(rule.canonical) : undefined;
    const mention: StudioMention = { canonical, entity: rule.canonical, start, end, text: matched, ...(also ? { also } : {}) };
    if (rule.mode === 'weak') weak.push(mention);
    else out.push(mention);
  }
  // Companies the gazetteer does not know, by their shape: "Sumerian Pictures", "Obscured Releasing". Only in sentence
  // case (the body after the headline's line break, or a bare name): in a title-case headline every word is capitalized.
  const from = text.indexOf('\n') + 1;
  for (const m of text.slice(from).matchAll(UNKNOWN_COMPANY)) {
    const name = m[1]!;
    const start = from + m.index + m[0].indexOf(name);
    const end = start + name.length;
    if (overlapsSpans(start, end, mask) || overlapsSpans(start, end, consumed)) continue;
    const first = name.split(/\s+/)[0]!.toLowerCase();
    if (GENERIC_LEAD.has(first) || !/[\p{Ll}]/u.test(name)) continue;
    out.push({ canonical: name, entity: name, start, end, text: name });
  }
  if (weak.length) {
    const found = new Set(out.map((x) => x.canonical));
    for (const w of weak) if (found.has(w.canonical)) out.push(w);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

// One to three capitalized words before a company noun; the words may not be generic ("Major Studios", "Rival Films").
const UNKNOWN_COMPANY = /(?<![\p{L}\p{N}&'’-])((?:[\p{Lu}\d][\p{L}\d&'’.!-]*\s+){1,3}(?:Pictures|Films|Entertainment|Studios|Releasing|Productions|Distribution|Animation|Media Group))(?![\p{L}\p{N}])/gu;
const GENERIC_LEAD = new Set((
  'the a an and of in on at for with from by to as major big rival hollywood independent indie other all top two three ' +
  'several many streaming legacy foreign local chinese korean japanese indian french british european american film ' +
  'movie tv animated horror documentary new old best summer holiday christmas our their his her its this that these ' +
  'those which what who why how when where some most more fewer no every each both various international global ' +
  'domestic national regional premium original exclusive live-action family kids children adult feature short early ' +
  'late first last next future former current is are was were be will can may has have had do does did not but or ' +
  'if so than then also only just even still yet about after before over under into out up down off again why ' +
  'review trailer watch exclusive breaking update netflix disney universal warner paramount sony amazon apple ' +
  'lionsgate hbo hulu peacock marvel dc pixar'
).split(' '));

/** Canonical names of the studios named in `text`, in order of first mention, each once. */
export function matchStudios(text: string, directory: StudioDirectory, mask: readonly Span[] = []): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of reportedNames(findStudioMentions(text, directory, mask))) {
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

function caseAccepted(matched: string, rule: AliasRule): boolean {
  const norm = matched.replace(/\s+/g, ' ');
  const alias = rule.text;
  if (norm === alias || norm === alias.toUpperCase() || norm.replace(/\.$/, '') === alias.replace(/\.$/, '')) return true;
  if (rule.mode !== 'strong') return false;
  // Strong aliases: any spelling that starts like a name ("LIONSGATE", "Lionsgate", "NETFLIX"), never all lowercase.
  return /^[\p{Lu}\p{N}]/u.test(norm);
}

function contextAccepted(text: string, start: number, end: number, rule: AliasRule): boolean {
  if (rule.mode === 'guarded') {
    // "Neon-soaked", "Universal-Themed": a hyphenated compound is the everyday word ("Apple-backed" is the company).
    if (text[end] === '-') {
      const suffix = /^-([A-Za-z]+)/.exec(text.slice(end))?.[1]?.toLowerCase();
      if (suffix && !COMPANY_COMPOUNDS.has(suffix)) return false;
    }
  }
  const g = rule.guard;
  if (!g) return true;
  if (g.noNameBefore && nameBefore(text, start)) return false;
  if (g.context && !companyContext(text, start, end)) return false;
  if (g.notBefore) {
    const prev = wordBefore(text, start)[0]?.toLowerCase();
    if (prev && g.notBefore.includes(prev)) return false;
  }
  if (g.notAfter) {
    const rest = text.slice(end);
    // A possessive ("Neon's") is the company speaking; look past it.
    const next = /^'s?\b/.test(rest) ? undefined : wordsAfter(text, end)[0]?.toLowerCase();
    if (next && g.notAfter.includes(next)) return false;
  }
  return true;
}

// "Megan Fox", "Michael J. Fox", "Mad Max": a capitalized word or an initial right before the name (one space apart).
function nameBefore(text: string, start: number): boolean {
  const m = /([\p{L}.'-]+) $/u.exec(text.slice(Math.max(0, start - 30), start));
  if (!m) return false;
  const word = m[1]!;
  if (!/^\p{Lu}/u.test(word)) return false;
  return !FUNCTION_WORDS.has(word.replace(/[.']+$/, '').toLowerCase()) || /^\p{Lu}\.$/u.test(word);
}

// A short everyday name reads as the company after "at/to/on…", before a possessive, or before a company verb/noun.
function companyContext(text: string, start: number, end: number): boolean {
  const rest = text.slice(end);
  if (/^'s?\b/.test(rest) || /^\s*[,:;)]/.test(rest) || /^\s*$/.test(rest)) {
    // A possessive, or the name closes a clause ("renewed at Max.", "coming to Sky, Netflix"): the company.
    const prev = wordBefore(text, start)[0]?.toLowerCase();
    if (/^'s?\b/.test(rest) || (prev && CONTEXT_BEFORE.has(prev))) return true;
  }
  const prev = wordBefore(text, start)[0]?.toLowerCase();
  const nextRaw = wordsAfter(text, end)[0];
  const next = nextRaw?.toLowerCase();
  if (next && CONTEXT_AFTER.has(next)) return true;
  // "Max Minghella", "History Makers": a capitalized word right after makes it part of another name.
  if (nextRaw && /^ \p{Lu}/u.test(text.slice(end, end + 2)) && !FUNCTION_WORDS.has(next!)) return false;
  return !!prev && CONTEXT_BEFORE.has(prev);
}

/** The gazetteer's kind of a company (undefined for a workspace-only name). */
export function companyKind(name: string): CompanyKind | undefined {
  return KIND_OF.get(name);
}
const KIND_OF = new Map<string, CompanyKind>(COMPANIES.map((c) => [c.name, c.kind]));

/** The names mentions report, in order: each mention's name, then the company itself when a competitor claims it. */
export function reportedNames(mentions: readonly StudioMention[]): string[] {
  return mentions.flatMap((m) => (m.also ? [m.canonical, m.also] : [m.canonical]));
}
