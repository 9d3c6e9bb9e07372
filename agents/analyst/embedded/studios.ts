// Studio directory (majors, mini-majors, specialty labels, streamers) and alias matching with false-friend guards.
import type { Competitor } from '../../../shared/model/workspace.js';
import { escapeRegExp, overlapsSpans, wordBefore, wordsAfter, type Span } from './text.js';

export type StudioKind = 'major' | 'mini-major' | 'specialty' | 'streamer' | 'production' | 'distributor' | 'workspace';

/**
 * One studio as the analyst reports it. Alias prefixes say how an alias may match:
 * - plain: any capitalized or all-caps spelling ("Lionsgate", "LIONSGATE");
 * - `~`: an everyday word or name ("Universal", "Apple", "Focus", "Neon"): exact case or all caps only, and the
 *   words around it must not read as the everyday sense (see GUARDS);
 * - `?`: counts only when the same studio is also named by another alias in the story ("Angel" after "Angel Studios").
 */
export interface StudioEntry {
  name: string;
  kind: StudioKind;
  aliases: readonly string[];
}

/**
 * Built-in directory. Canonical names are the group's film studio; its labels, TV arms and streaming services are
 * aliases of it (Pixar, Hulu and Searchlight are "Walt Disney Studios"; HBO and New Line are "Warner Bros. Pictures";
 * Prime Video and MGM are "Amazon MGM Studios"). Focus Features and Sony Pictures Classics are their own entries:
 * marketers track those specialty labels apart from their parents. A workspace competitor overrides all of this.
 */
export const BUILT_IN_STUDIOS: readonly StudioEntry[] = [
  { name: 'Universal Pictures', kind: 'major', aliases: [
    'Universal Pictures', 'Universal Studios', 'Universal Pictures International', 'Universal Pictures Content Group',
    'Universal Pictures Home Entertainment', 'NBCUniversal', '~Universal', '~Illumination', 'Illumination Entertainment',
    'DreamWorks Animation', 'DreamWorks', 'Working Title Films', '~Peacock'] },
  { name: 'Focus Features', kind: 'specialty', aliases: ['Focus Features', '~Focus'] },
  { name: 'Warner Bros. Pictures', kind: 'major', aliases: [
    'Warner Bros. Pictures', 'Warner Bros.', 'Warner Bros', 'Warner Brothers', 'Warners', 'Warner Bros. Discovery',
    '~WBD', '~WB', 'New Line Cinema', '~New Line', 'HBO', 'HBO Max', 'HBO Films', 'DC Studios', 'Warner Bros. Animation',
    'Warner Bros. Pictures Animation', 'Warner Bros. Television', 'Castle Rock Entertainment'] },
  { name: 'Walt Disney Studios', kind: 'major', aliases: [
    'Walt Disney Studios', 'The Walt Disney Company', 'Walt Disney Pictures', 'Walt Disney Animation Studios',
    'Walt Disney', 'Disney', 'Disney+', 'Disney Plus', 'Disney Animation', '20th Century Studios',
    'Twentieth Century Studios', '20th Century Fox', '~20th Century', 'Searchlight Pictures', 'Fox Searchlight',
    '~Searchlight', 'Pixar', 'Pixar Animation Studios', 'Marvel Studios', '~Marvel', 'Lucasfilm', 'Hulu', '~FX',
    'FX Networks'] },
  { name: 'Sony Pictures', kind: 'major', aliases: [
    'Sony Pictures', 'Sony Pictures Entertainment', 'Sony Pictures Releasing', 'Sony Pictures Animation',
    'Sony Pictures Television', 'Sony', 'Columbia Pictures', '~Columbia', 'Screen Gems', 'TriStar Pictures', 'TriStar',
    'Stage 6 Films'] },
  { name: 'Sony Pictures Classics', kind: 'specialty', aliases: ['Sony Pictures Classics', '~SPC'] },
  { name: 'Paramount Pictures', kind: 'major', aliases: [
    'Paramount Pictures', '~Paramount', 'Paramount+', 'Paramount Plus', 'Paramount Global', 'Paramount Skydance',
    'Paramount Animation', 'Paramount Players', 'Nickelodeon Movies', 'Republic Pictures'] },
  { name: 'Lionsgate', kind: 'mini-major', aliases: [
    'Lionsgate', 'Lions Gate', 'Lionsgate Films', 'Lionsgate Motion Picture Group', 'Roadside Attractions',
    'Summit Entertainment'] },
  { name: 'Amazon MGM Studios', kind: 'major', aliases: [
    'Amazon MGM Studios', 'Amazon MGM', 'Amazon Studios', 'Amazon Prime Video', 'Amazon Prime', 'Prime Video', 'MGM',
    'Metro-Goldwyn-Mayer', 'United Artists', 'Orion Pictures', '~Amazon'] },
  { name: 'Netflix', kind: 'streamer', aliases: ['Netflix'] },
  { name: 'Apple Original Films', kind: 'streamer', aliases: [
    'Apple Original Films', 'Apple TV+', 'Apple TV Plus', 'Apple TV', 'Apple Studios', '~Apple'] },
  { name: 'A24', kind: 'mini-major', aliases: ['A24'] },
  { name: 'Neon', kind: 'specialty', aliases: ['~Neon'] },
  { name: 'Angel Studios', kind: 'distributor', aliases: ['Angel Studios', '?Angel'] },
  { name: 'Bleecker Street', kind: 'specialty', aliases: ['Bleecker Street Media', '~Bleecker Street'] },
  { name: 'Blumhouse', kind: 'production', aliases: ['Blumhouse', 'Blumhouse Productions', 'Blumhouse Television'] },
  { name: 'Legendary Entertainment', kind: 'production', aliases: ['Legendary Entertainment', 'Legendary Pictures', '~Legendary'] },
  { name: 'Skydance', kind: 'production', aliases: ['Skydance', 'Skydance Media', 'Skydance Animation'] },
  { name: 'IFC Films', kind: 'specialty', aliases: ['IFC Films', '~IFC'] },
  { name: 'Magnolia Pictures', kind: 'specialty', aliases: ['Magnolia Pictures', '~Magnolia'] },
  { name: 'Mubi', kind: 'specialty', aliases: ['Mubi'] },
  { name: 'Fathom Entertainment', kind: 'distributor', aliases: ['Fathom Entertainment', 'Fathom Events', '~Fathom'] },
  { name: 'Shudder', kind: 'streamer', aliases: ['~Shudder'] },
  { name: 'Crunchyroll', kind: 'distributor', aliases: ['Crunchyroll'] },
  { name: 'Annapurna Pictures', kind: 'production', aliases: ['Annapurna Pictures', 'Annapurna'] },
  { name: 'STX Entertainment', kind: 'mini-major', aliases: ['STX Entertainment', 'STXfilms', '~STX'] },
  { name: 'Open Road Films', kind: 'distributor', aliases: ['Open Road Films'] },
  { name: 'Miramax', kind: 'production', aliases: ['Miramax'] },
  { name: 'Amblin Entertainment', kind: 'production', aliases: ['Amblin Entertainment', 'Amblin Partners', 'Amblin'] },
  { name: 'FilmNation Entertainment', kind: 'production', aliases: ['FilmNation Entertainment', 'FilmNation'] },
  { name: 'Black Bear Pictures', kind: 'production', aliases: ['Black Bear Pictures', 'Black Bear International'] },
  { name: 'Kino Lorber', kind: 'specialty', aliases: ['Kino Lorber'] },
  { name: 'Janus Films', kind: 'specialty', aliases: ['Janus Films'] },
  { name: 'Oscilloscope', kind: 'specialty', aliases: ['Oscilloscope Laboratories', 'Oscilloscope'] },
  { name: 'Briarcliff Entertainment', kind: 'distributor', aliases: ['Briarcliff Entertainment', 'Briarcliff'] },
  { name: 'Samuel Goldwyn Films', kind: 'specialty', aliases: ['Samuel Goldwyn Films'] },
  { name: 'Saban Films', kind: 'distributor', aliases: ['Saban Films'] },
  { name: 'RLJE Films', kind: 'distributor', aliases: ['RLJE Films'] },
  { name: 'Well Go USA', kind: 'distributor', aliases: ['Well Go USA', 'Well Go USA Entertainment'] },
  { name: 'GKIDS', kind: 'distributor', aliases: ['GKIDS'] },
  { name: 'Greenwich Entertainment', kind: 'specialty', aliases: ['Greenwich Entertainment'] },
  { name: 'Strand Releasing', kind: 'specialty', aliases: ['Strand Releasing'] },
  { name: 'Vertical Entertainment', kind: 'distributor', aliases: ['Vertical Entertainment'] },
  { name: 'Starz', kind: 'streamer', aliases: ['Starz'] },
  { name: 'Tubi', kind: 'streamer', aliases: ['Tubi'] },
  { name: 'StudioCanal', kind: 'distributor', aliases: ['StudioCanal', 'Studiocanal'] },
  { name: 'Pathé', kind: 'distributor', aliases: ['Pathé', 'Pathe'] },
  { name: 'Gaumont', kind: 'distributor', aliases: ['Gaumont'] },
  { name: 'Toho', kind: 'distributor', aliases: ['Toho'] },
  { name: 'Village Roadshow Pictures', kind: 'production', aliases: ['Village Roadshow Pictures', 'Village Roadshow'] },
  { name: 'Entertainment One', kind: 'distributor', aliases: ['Entertainment One', 'eOne'] },
  { name: 'Wild Bunch', kind: 'distributor', aliases: ['Wild Bunch'] },
];

/** Words around an everyday-word alias that show the everyday sense ("universal acclaim", "shifts focus to"). */
interface Guard {
  notBefore?: readonly string[];
  notAfter?: readonly string[];
}
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
    notAfter: ROLE_NOUNS,
  },
  Paramount: {
    notBefore: ['of', 'is', 'was', 'be', 'are', 'were', 'become', 'becomes', 'remain', 'remains', 'absolutely'],
    notAfter: ['importance', 'concern', 'interest', 'priority', 'need', 'goal', 'duty'],
  },
  Marvel: {
    notBefore: ['captain', 'ms', 'mrs', 'miss', 'a', 'mighty', 'technical', 'engineering', 'visual', 'modern'],
    notAfter: ['at', 'of', 'comics', 'comic'],
  },
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
}

function parseAlias(raw: string): { text: string; mode: Mode } {
  if (raw.startsWith('~')) return { text: raw.slice(1), mode: 'guarded' };
  if (raw.startsWith('?')) return { text: raw.slice(1), mode: 'weak' };
  return { text: raw, mode: 'strong' };
}

/**
 * Builds the directory: the built-in entries merged with the workspace competitors. The workspace wins: a competitor
 * whose name or alias names a built-in studio absorbs that studio's aliases under the competitor's name, and an alias
 * a competitor lists always means that competitor.
 */
export function buildStudioDirectory(competitors: readonly Competitor[] = [], base: readonly StudioEntry[] = BUILT_IN_STUDIOS): StudioDirectory {
  const rules = new Map<string, AliasRule>();
  const baseModes = new Map<string, Mode>();
  for (const e of base) for (const raw of e.aliases) baseModes.set(parseAlias(raw).text.toLowerCase(), parseAlias(raw).mode);

  const claimedBy = new Map<string, string>(); // built-in entry name -> competitor name
  for (const c of competitors) {
    const names = new Set([c.name, ...c.aliases].map((s) => s.trim().toLowerCase()));
    for (const e of base) {
      const hit = names.has(e.name.toLowerCase()) || e.aliases.some((a) => names.has(parseAlias(a).text.toLowerCase()));
      if (hit && !claimedBy.has(e.name)) claimedBy.set(e.name, c.name);
    }
  }
  const entries: StudioEntry[] = [];
  for (const e of base) {
    const owner = claimedBy.get(e.name);
    const canonical = owner ?? e.name;
    for (const raw of e.aliases) {
      const { text, mode } = parseAlias(raw);
      rules.set(text.toLowerCase(), { text, canonical, mode, guard: GUARDS[text] });
    }
    if (!owner) entries.push(e);
  }
  // Competitor names and aliases last, so they override any built-in alias with the same spelling.
  for (const c of competitors) {
    entries.push({ name: c.name, kind: 'workspace', aliases: [c.name, ...c.aliases] });
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
  return { entries, byAlias: rules, byPrefix };
}

// A single capitalized dictionary-looking word ("Summit", "Horizon") gets the guarded treatment when a workspace adds it.
function isEverydayWord(s: string): boolean {
  return /^[A-Z][a-z]+$/.test(s) && s.length <= 10;
}

/** One alias occurrence. */
export interface StudioMention {
  canonical: string;
  start: number;
  end: number;
  text: string;
}

/** All accepted alias occurrences in `text`, in order; `mask` spans (quoted titles) are skipped. */
export function findStudioMentions(text: string, directory: StudioDirectory, mask: readonly Span[] = []): StudioMention[] {
  const out: StudioMention[] = [];
  const weak: StudioMention[] = [];
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
    const key = matched.replace(/\s+/g, ' ').toLowerCase();
    const rule = directory.byAlias.get(key) ?? directory.byAlias.get(key.endsWith('.') ? key.slice(0, -1) : `${key}.`);
    if (!rule) continue;
    if (!caseAccepted(matched, rule)) continue;
    if (!contextAccepted(text, start, end, rule)) continue;
    const mention = { canonical: rule.canonical, start, end, text: matched };
    if (rule.mode === 'weak') weak.push(mention);
    else out.push(mention);
  }
  if (weak.length) {
    const found = new Set(out.map((x) => x.canonical));
    for (const w of weak) if (found.has(w.canonical)) out.push(w);
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** Canonical names of the studios named in `text`, in order of first mention, each once. */
export function matchStudios(text: string, directory: StudioDirectory, mask: readonly Span[] = []): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of findStudioMentions(text, directory, mask)) {
    if (!seen.has(m.canonical)) {
      seen.add(m.canonical);
      out.push(m.canonical);
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
