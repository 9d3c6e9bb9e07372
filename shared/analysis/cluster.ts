// Story clustering: groups items from different outlets that report the same news (rewrites, syndication).
// Incremental: an inverted index over rare words, quoted titles, figures and the hints' titles and people
// finds the few stories a new item can join, so the cost grows with new items, not with the window.
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
  /** How many of a document's rarest words look up candidate stories (evaluation knob). */
  rareTokens?: number;
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
 * A new item is compared only with stories that share one of its rarest words (this many), a quoted
 * title, a figure, or a title or person its hint names. Without any of those a story cannot reach the
 * threshold in practice: shared common words alone weigh too little (eval:clustering checks it).
 */
const RARE_TOKENS = 12;

/** What clustering keeps of a document, in a form that is stored with its story (no recomputation later). */
export interface DocFeatures {
  tokens: string[];
  titles: string[];
  figures: string[];
  hint?: ClusterHint;
}

/** The features of a document: its signature and, when a hint reader is given, its hint. */
export function docFeatures(doc: Pick<ClusterDoc, 'title' | 'text'>, hint?: ClusterHint): DocFeatures {
  const sig = signature(doc);
  return { tokens: [...sig.tokens], titles: [...sig.titles], figures: [...sig.figures], ...(hint ? { hint } : {}) };
}

/** A hint with its title stems and person keys computed once (not per pair). */
interface PreparedHint {
  type: string;
  stems: Set<string>;
  people: Set<string>;
}

function prepareHint(h: ClusterHint): PreparedHint {
  return { type: h.type, stems: new Set(h.titles.map(titleStem)), people: new Set((h.people ?? []).map(titleKey)) };
}

function shares(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** `hintAdjustment` over prepared hints. */
function preparedAdjustment(a: PreparedHint | undefined, b: PreparedHint | undefined): number {
  if (!a || !b) return 0;
  const related = shares(a.stems, b.stems) || shares(a.people, b.people);
  if (a.type === 'other' || b.type === 'other') return related ? 0.1 : 0;
  if (a.type === b.type) return related ? 0.3 : 0.05;
  return related ? -0.05 : -0.2;
}

/** One document as the clusterer holds it. */
export interface IndexedDoc {
  id: string;
  /** Epoch ms. */
  time: number;
  sig: Signature;
  hint?: PreparedHint;
  /** Index keys besides words: quoted titles, figures, hint title stems and people. */
  keys: string[];
}

/** Prepares a document (or a stored member's features) for the clusterer. */
export function indexedDoc(id: string, time: string, f: DocFeatures): IndexedDoc {
  const sig: Signature = { tokens: new Set(f.tokens), titles: new Set(f.titles), figures: new Set(f.figures) };
  const hint = f.hint ? prepareHint(f.hint) : undefined;
  const keys = [
    ...[...sig.titles].map((t) => `t:${t}`),
    ...[...sig.figures].map((x) => `f:${x}`),
    ...[...(hint?.stems ?? [])].filter(Boolean).map((t) => `t:${t}`),
    ...[...(hint?.people ?? [])].filter(Boolean).map((p) => `p:${p}`),
  ];
  return { id, time: Date.parse(time), sig, hint, keys: [...new Set(keys)] };
}

/** A story as the clusterer holds it: its documents and time span. */
export interface OpenStory {
  /** The stored story's id, or null for a story started in this run. */
  id: string | null;
  /** Creation order: ties go to the later story, as a linear scan with ">=" would. */
  seq: number;
  docs: IndexedDoc[];
  first: number;
  last: number;
  /** Keys under which the story is indexed (to unindex it on eviction). */
  indexed: Set<string>;
}

/**
 * Incremental story clustering. Documents arrive in time order; each joins the most similar open
 * story that has an item within the window (a blend of the best and the average similarity over the
 * story's items), if it reaches the threshold, else starts a story. Candidate stories come from an
 * inverted index, and stories that fall out of the window are dropped, so memory and time per
 * document stay bounded however many documents pass through. Word weights (IDF) are the document
 * frequencies over what the clusterer holds: the open window plus the batch being added.
 */
export class StoryClusterer {
  private readonly windowMs: number;
  private readonly threshold: number;
  private readonly postings = new Map<string, Set<OpenStory>>();
  private readonly df = new Map<string, number>();
  private n = 0;
  private seq = 0;
  private readonly open = new Set<OpenStory>();
  // Per-batch caches: IDF and each document's total weight only change when the counts do.
  private idfCache = new Map<string, number>();
  private weightCache = new WeakMap<IndexedDoc, number>();

  private readonly rareTokens: number;

  constructor(options: Pick<ClusterOptions, 'windowHours' | 'threshold' | 'rareTokens'> = {}) {
    this.windowMs = (options.windowHours ?? DEFAULT_WINDOW_HOURS) * 3_600_000;
    this.threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
    this.rareTokens = options.rareTokens ?? RARE_TOKENS;
  }

  /** Counts documents in the word frequencies (a batch before it is assigned, a loaded story's members). */
  count(docs: Iterable<IndexedDoc>, sign: 1 | -1 = 1): void {
    for (const d of docs) {
      this.n += sign;
      for (const t of d.sig.tokens) {
        const c = (this.df.get(t) ?? 0) + sign;
        if (c > 0) this.df.set(t, c);
        else this.df.delete(t);
      }
    }
    this.idfCache = new Map();
    this.weightCache = new WeakMap();
  }

  /** Adds a stored story (its documents are counted too). */
  addStory(id: string, docs: IndexedDoc[]): OpenStory {
    this.count(docs);
    const story = this.newStory(id, docs);
    for (const d of docs) this.index(story, d);
    return story;
  }

  /** Places one document (already counted): the story it joined, or the story it started. */
  assign(doc: IndexedDoc): OpenStory {
    const best = this.bestStory(doc);
    if (best) {
      best.docs.push(doc);
      best.last = Math.max(best.last, doc.time);
      best.first = Math.min(best.first, doc.time);
      this.index(best, doc);
      return best;
    }
    const story = this.newStory(null, [doc]);
    this.index(story, doc);
    return story;
  }

  /** Drops stories whose every item is more than the window before `time`; returns them. */
  evictBefore(time: number): OpenStory[] {
    const gone: OpenStory[] = [];
    for (const s of this.open) {
      if (time - s.last <= this.windowMs) continue;
      gone.push(s);
      this.open.delete(s);
      for (const k of s.indexed) {
        const list = this.postings.get(k);
        list?.delete(s);
        if (list?.size === 0) this.postings.delete(k);
      }
      this.count(s.docs, -1);
    }
    return gone;
  }

  /** Open stories in creation order. */
  stories(): OpenStory[] {
    return [...this.open].sort((a, b) => a.seq - b.seq);
  }

  private newStory(id: string | null, docs: IndexedDoc[]): OpenStory {
    const times = docs.map((d) => d.time);
    const story: OpenStory = { id, seq: this.seq++, docs: [...docs], first: Math.min(...times), last: Math.max(...times), indexed: new Set() };
    this.open.add(story);
    return story;
  }

  private index(story: OpenStory, doc: IndexedDoc): void {
    const add = (k: string) => {
      if (story.indexed.has(k)) return;
      story.indexed.add(k);
      let list = this.postings.get(k);
      if (!list) this.postings.set(k, (list = new Set()));
      list.add(story);
    };
    for (const t of doc.sig.tokens) add(`w:${t}`);
    for (const k of doc.keys) add(k);
  }

  private idf(t: string): number {
    let v = this.idfCache.get(t);
    if (v === undefined) {
      v = Math.log(1 + this.n / (this.df.get(t) ?? 1));
      this.idfCache.set(t, v);
    }
    return v;
  }

  private weight(d: IndexedDoc): number {
    let w = this.weightCache.get(d);
    if (w === undefined) {
      w = 0;
      for (const t of d.sig.tokens) w += this.idf(t);
      this.weightCache.set(d, w);
    }
    return w;
  }

  /** `similarity` with cached weights: same formula. */
  private similarity(a: IndexedDoc, b: IndexedDoc): number {
    const wa = this.weight(a);
    const wb = this.weight(b);
    if (wa === 0 || wb === 0) return 0;
    let shared = 0;
    const [small, large] = a.sig.tokens.size <= b.sig.tokens.size ? [a.sig.tokens, b.sig.tokens] : [b.sig.tokens, a.sig.tokens];
    for (const t of small) if (large.has(t)) shared += this.idf(t);
    const overlap = shared / Math.min(wa, wb);
    const jaccard = shared / (wa + wb - shared);
    let score = 0.5 * overlap + 0.5 * jaccard;
    if (shares(a.sig.titles, b.sig.titles)) score += 0.12;
    let figures = 0;
    for (const f of a.sig.figures) if (b.sig.figures.has(f)) figures++;
    if (figures) score += Math.min(0.16, 0.08 * figures);
    return score;
  }

  private candidates(doc: IndexedDoc): OpenStory[] {
    const rare = [...doc.sig.tokens].sort((a, b) => (this.df.get(a) ?? 0) - (this.df.get(b) ?? 0) || (a < b ? -1 : 1)).slice(0, this.rareTokens);
    const found = new Set<OpenStory>();
    for (const k of [...rare.map((t) => `w:${t}`), ...doc.keys]) for (const s of this.postings.get(k) ?? []) found.add(s);
    return [...found].sort((a, b) => a.seq - b.seq);
  }

  private bestStory(doc: IndexedDoc): OpenStory | null {
    const t = doc.time;
    let best: OpenStory | null = null;
    let bestScore = this.threshold;
    for (const s of this.candidates(doc)) {
      if (t - s.last > this.windowMs || s.first - t > this.windowMs) continue;
      let total = 0;
      let max = 0;
      for (const d of s.docs) {
        const hours = Math.abs(t - d.time) / 3_600_000;
        if (hours * 3_600_000 > this.windowMs) continue;
        const sc = this.similarity(doc, d) + preparedAdjustment(doc.hint, d.hint) - DECAY_PER_HOUR * hours;
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
    return best;
  }
}

/**
 * Clusters documents into stories: in time order, each document joins the most similar story
 * that has an item within the window (average-link over that story's items), if the similarity
 * reaches the threshold; otherwise it starts a story. `existing` stories are joined the same way.
 */
export function clusterDocs(docs: ClusterDoc[], existing: Array<{ id: string; docs: ClusterDoc[] }> = [], options: ClusterOptions = {}) {
  const prepare = (d: ClusterDoc) => indexedDoc(d.id, d.time, docFeatures(d, options.hint?.(d)));
  const clusterer = new StoryClusterer(options);
  const fresh = docs.map(prepare);
  const byId = new Map(docs.map((d, i) => [d.id, fresh[i]!]));
  const stored = existing.map((s) => ({ id: s.id, docs: s.docs.map(prepare) }));
  // Word frequencies over everything given, as before the index: fresh documents and existing stories.
  clusterer.count([...fresh, ...stored.flatMap((s) => s.docs)]);
  const all: OpenStory[] = [];
  for (const s of stored) {
    clusterer.count(s.docs, -1); // addStory counts them again
    all.push(clusterer.addStory(s.id, s.docs));
  }
  const sorted = [...docs].sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  const seen = new Set(all);
  for (const d of sorted) {
    const s = clusterer.assign(byId.get(d.id)!);
    if (!seen.has(s)) {
      seen.add(s);
      all.push(s);
    }
  }
  return all.map((s) => ({ id: s.id, itemIds: s.docs.map((d) => d.id) }));
}
