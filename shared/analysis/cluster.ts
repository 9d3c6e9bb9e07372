// Story clustering: groups items from different outlets that report the same news (rewrites, syndication).
import { titleKey } from '../util/text.js';

export interface ClusterDoc {
  id: string;
  title: string;
  text: string;
  /** ISO time; undated items use their fetch time. */
  time: string;
  sourceId: string;
}

export interface Signature {
  tokens: Set<string>;
  /** Keys of quoted titles in the headline or lead ("Skyward Sprocket"). */
  titles: Set<string>;
  /** Figures ($18.2m, dec 11): strong evidence when shared. */
  figures: Set<string>;
}

const STOPWORDS = new Set(
  `a an the and or but of in on at to for from by with as is are was were be been being it its this that these those
  has have had will would can could should may might into over after before about than then there their they them he she
  his her him we our you your i not no so if up out new also just more most first says said say via per amid who what when
  where why how all any some one two three four five six seven eight nine ten year years week weeks weekend day days
  film films movie movies feature project studio studios exclusive report reports news update updated deal release releases
  date dated time season set sets following according sources told reportedly upcoming latest next last week's today`.split(/\s+/),
);

const QUOTED = /[‘'"“]([^‘’'"“”]{2,80})[’'"”]/g;
const FIGURE = /\$\s?\d[\d,.]*\s?(?:m|b|k|million|billion)?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/gi;

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The comparable features of a document: content words of headline and lead, quoted titles, figures. */
export function signature(doc: Pick<ClusterDoc, 'title' | 'text'>): Signature {
  const lead = `${doc.title}\n${doc.text.slice(0, 700)}`;
  const tokens = new Set<string>();
  for (const raw of lead.toLowerCase().replace(/[’']s\b/g, '').match(/[a-z0-9]+/g) ?? []) {
    if (raw.length < 2 || STOPWORDS.has(raw)) continue;
    tokens.add(stem(raw));
  }
  const titles = new Set<string>();
  for (const m of lead.matchAll(QUOTED)) {
    const key = titleKey(m[1]!);
    // Quoted speech is long and lower-case; titles are short and capitalized.
    if (key && key.split(' ').length <= 8 && /^[A-Z0-9]/.test(m[1]!.trim())) titles.add(key);
  }
  const figures = new Set<string>();
  for (const m of lead.matchAll(FIGURE)) figures.add(m[0].toLowerCase().replace(/[\s,.]/g, '').replace(/million$/, 'm').replace(/billion$/, 'b'));
  return { tokens, titles, figures };
}

/** Inverse document frequencies of tokens over a set of signatures (rare words weigh more). */
export function idfOf(signatures: Iterable<Signature>): (token: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const s of signatures) {
    n++;
    for (const t of s.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return (t) => Math.log(1 + n / (df.get(t) ?? 1));
}

/** Similarity in [0, ~1.3]: IDF-weighted overlap of content words, plus shared titles and figures. */
export function similarity(a: Signature, b: Signature, idf: (t: string) => number): number {
  let shared = 0;
  let wa = 0;
  let wb = 0;
  for (const t of a.tokens) {
    const w = idf(t);
    wa += w;
    if (b.tokens.has(t)) shared += w;
  }
  for (const t of b.tokens) wb += idf(t);
  if (wa === 0 || wb === 0) return 0;
  const overlap = shared / Math.min(wa, wb);
  const jaccard = shared / (wa + wb - shared);
  let score = 0.5 * overlap + 0.5 * jaccard;
  const sharedTitles = [...a.titles].some((t) => b.titles.has(t));
  const sharedFigures = [...a.figures].filter((f) => b.figures.has(f)).length;
  if (sharedTitles) score += 0.12;
  if (sharedFigures) score += Math.min(0.16, 0.08 * sharedFigures);
  return score;
}

/** What a cheap analysis of one item says: its event type, titles and people (rewrites agree on them). */
export interface ClusterHint {
  type: string;
  titles: string[];
  people?: string[];
}

/** A title without its sequel marker, so "Static Girl 2" and "the 'Static Girl' sequel" meet. */
function titleStem(title: string): string {
  return titleKey(title)
    .replace(/\s+(part\s+)?(\d+|ii|iii|iv|two|three|four)$/, '')
    .replace(/\s+part\s+\w+$/, '');
}

export interface ClusterOptions {
  /** Two items are the same story only within this many hours of each other. */
  windowHours?: number;
  threshold?: number;
  hint?: (doc: ClusterDoc) => ClusterHint;
}

/** Adjusts a similarity by the hints: the same event about the same title or person pulls together, different events push apart. */
export function hintAdjustment(a: ClusterHint | undefined, b: ClusterHint | undefined): number {
  if (!a || !b) return 0;
  const stems = new Set(a.titles.map(titleStem));
  const sharedTitle = b.titles.some((t) => stems.has(titleStem(t)));
  const people = new Set((a.people ?? []).map(titleKey));
  const sharedPerson = (b.people ?? []).some((p) => people.has(titleKey(p)));
  if (a.type === 'other' || b.type === 'other') return sharedTitle || sharedPerson ? 0.1 : 0;
  if (a.type === b.type) return sharedTitle || sharedPerson ? 0.3 : 0.05;
  return sharedTitle || sharedPerson ? -0.05 : -0.2;
}

export interface Cluster {
  /** Ids in time order; the first is the lead item. */
  itemIds: string[];
}

export const DEFAULT_CLUSTER_THRESHOLD = 0.4;
/** Outlets rewrite a story within hours; past a day and a half it is new news about the same title. */
export const DEFAULT_WINDOW_HOURS = 36;
/** Similarity lost per hour between two items: near-simultaneous reports are likelier the same news. */
const DECAY_PER_HOUR = 0.005;

/**
 * Clusters documents into stories: in time order, each document joins the most similar story
 * that has an item within the window (average-link over that story's items), if the similarity
 * reaches the threshold; otherwise it starts a story. `existing` stories are joined the same way.
 */
export function clusterDocs(docs: ClusterDoc[], existing: Array<{ id: string; docs: ClusterDoc[] }> = [], options: ClusterOptions = {}) {
  const windowMs = (options.windowHours ?? DEFAULT_WINDOW_HOURS) * 3_600_000;
  const threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
  const sigs = new Map<string, Signature>();
  const hints = new Map<string, ClusterHint>();
  for (const d of [...docs, ...existing.flatMap((s) => s.docs)]) {
    sigs.set(d.id, signature(d));
    if (options.hint) hints.set(d.id, options.hint(d));
  }
  const idf = idfOf(sigs.values());

  interface Open { id: string | null; docs: ClusterDoc[]; last: number; first: number }
  const stories: Open[] = existing.map((s) => ({
    id: s.id,
    docs: [...s.docs],
    first: Math.min(...s.docs.map((d) => Date.parse(d.time))),
    last: Math.max(...s.docs.map((d) => Date.parse(d.time))),
  }));
  const sorted = [...docs].sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  for (const doc of sorted) {
    const t = Date.parse(doc.time);
    const sig = sigs.get(doc.id)!;
    let best: Open | null = null;
    let bestScore = threshold;
    for (const s of stories) {
      if (t - s.last > windowMs || s.first - t > windowMs) continue;
      let total = 0;
      let max = 0;
      for (const d of s.docs) {
        const hours = Math.abs(t - Date.parse(d.time)) / 3_600_000;
        if (hours * 3_600_000 > windowMs) continue;
        const sc = similarity(sig, sigs.get(d.id)!, idf) + hintAdjustment(hints.get(doc.id), hints.get(d.id)) - DECAY_PER_HOUR * hours;
        total += sc;
        if (sc > max) max = sc;
      }
      // Blend of the best match and the average, so a story does not drift through chains of rewrites.
      const score = 0.6 * max + 0.4 * (total / s.docs.length);
      if (score >= bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best) {
      best.docs.push(doc);
      best.last = Math.max(best.last, t);
      best.first = Math.min(best.first, t);
    } else stories.push({ id: null, docs: [doc], first: t, last: t });
  }
  return stories.map((s) => ({ id: s.id, itemIds: s.docs.map((d) => d.id) }));
}
