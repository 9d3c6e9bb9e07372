// Event type by a trained linear model: word n-grams of the masked headline and lead, the headline's character 4-grams
// and mean word vector, the lead's mean word vector, plus the keyword rules' scores and the structure signals (dates,
// money) as features. Weights come from `npm run train:analyst` (a JSON file, packed: see PackedTypeModel).
import { EVENT_TYPES, type EventType } from '../../../shared/model/event.js';
import { meanWordVector } from './word-vectors.js';

/** The trained weights as shipped (`type-model.weights.json`). */
export interface TypeModelData {
  version: string;
  types: readonly EventType[];
  bias: readonly number[];
  /** Feature -> one weight per type, in `types` order. */
  weights: Readonly<Record<string, readonly number[]>>;
  /** What it was trained on (counts per data set), for the audit. */
  trainedOn?: Readonly<Record<string, number>>;
}

/**
 * The weights file as written: the feature names in one newline-separated string and their weights, one per type in
 * `types` order, as little-endian 16-bit integers (base64) in units of `scale`. A plain JSON object of number arrays
 * took 4.2 MB for 39,000 features and so did most of the analyze worker's bundle; this takes under half, with a step of
 * about 1e-4, the precision the weights were rounded to before.
 */
export interface PackedTypeModel {
  version: string;
  types: readonly EventType[];
  bias: readonly number[];
  trainedOn?: Readonly<Record<string, number>>;
  features: string;
  scale: number;
  packed: string;
}

/** A model's weights laid out for scoring: feature -> row, and the rows in one typed array. */
interface WeightTable {
  row: Map<string, number>;
  w: Float64Array;
}
const tables = new WeakMap<object, WeightTable>();

export function packTypeModel(model: TypeModelData): PackedTypeModel {
  const names = Object.keys(model.weights).sort();
  if (names.some((k) => k.includes('\n'))) throw new Error('type model: a feature name holds a newline');
  const K = model.types.length;
  let max = 0;
  for (const k of names) for (const w of model.weights[k]!) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const ints = new Int16Array(names.length * K);
  names.forEach((k, i) => model.weights[k]!.forEach((w, j) => (ints[i * K + j] = Math.round(w / scale))));
  const bytes = Buffer.alloc(ints.length * 2);
  ints.forEach((x, i) => bytes.writeInt16LE(x, i * 2));
  const { weights: _w, ...rest } = model;
  return { ...rest, features: names.join('\n'), scale, packed: bytes.toString('base64') };
}

/** The model from its file (packed, or the older plain form). */
export function unpackTypeModel(file: PackedTypeModel | TypeModelData): TypeModelData {
  if (!('packed' in file)) return file;
  const { features, scale, packed, ...rest } = file;
  const names = features ? features.split('\n') : [];
  const K = file.types.length;
  const bytes = Buffer.from(packed, 'base64');
  if (bytes.length !== names.length * K * 2) throw new Error(`type model: ${bytes.length} bytes of weights for ${names.length} features x ${K} types`);
  // A DataView reads little-endian on any machine, and faster than Buffer.readInt16LE per value (unpacking 60 -> 35 ms).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights: Record<string, number[]> = {};
  // The scoring table is laid out here too, from the same values, instead of read back out of `weights` on first use.
  const table: WeightTable = { row: new Map(), w: new Float64Array(names.length * K) };
  names.forEach((k, i) => {
    const row = new Array<number>(K);
    for (let j = 0; j < K; j++) row[j] = table.w[i * K + j] = view.getInt16((i * K + j) * 2, true) * scale;
    weights[k] = row;
    table.row.set(k, i);
  });
  tables.set(weights, table);
  return { ...rest, weights };
}

/** Sparse feature vector: feature name -> value (1 for indicators). */
export type Features = Map<string, number>;

/** What the classifier read, after titles, studios and job titles were masked (TITLE, STUDIO, JOBTITLE). */
export interface TypeEvidence {
  /** The headline's main clause and its subordinate clause ("… after $160M opening"). */
  main: string;
  sub: string;
  /** The first sentences of the body. */
  lead: string;
  /** The keyword rules' score per type. */
  ruleScores: Readonly<Record<EventType, number>>;
  /** The type the rules alone would pick. */
  ruleType: EventType;
  /** Structure signals ("release-in-headline", "money:weekend gross", "title-count:2"…). */
  signals: readonly string[];
}

const MONTHS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug',
  'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);
const MASKS: Record<string, string> = { title: 'ˣtitle', studio: 'ˣstudio', jobtitle: 'ˣjob' };

/** A light suffix stripper: "dates", "dated", "dating" -> "dat"; short words stay as they are. */
export function stem(w: string): string {
  if (w.length <= 4 || w.startsWith('ˣ')) return w;
  return w.replace(/(?:ies|ied)$/, 'y').replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '');
}

/** Lowercased tokens of masked text: masks as ˣtitle/ˣstudio/ˣjob, years as ˣyear, numbers as ˣnum, money as ˣmoney. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/TITLE|STUDIO|JOBTITLE|\$[\d.,]+\s*(?:[mbkMBK]\b|million|billion)?|[\p{L}][\p{L}'+-]*|\d[\d.,]*%?|[?:]/gu)) {
    const raw = m[0];
    const mask = MASKS[raw.toLowerCase()];
    if (mask && raw === raw.toUpperCase()) {
      out.push(mask);
      continue;
    }
    if (raw.startsWith('$')) out.push('ˣmoney');
    else if (/^(?:19|20)\d\d$/.test(raw)) out.push('ˣyear');
    else if (/^\d/.test(raw)) out.push(raw.endsWith('%') ? 'ˣpct' : 'ˣnum');
    else {
      const w = raw.toLowerCase().replace(/'s$/, '').replace(/^'+|'+$/g, '');
      if (!w) continue;
      out.push(MONTHS.has(w.replace(/\.$/, '')) ? 'ˣmonth' : stem(w));
    }
  }
  return out;
}

const MAX_LEAD_TOKENS = 60;
// The lead's words count half as much as the headline's: the headline says what the story reports, the lead adds
// context in another type's words ("Boards Netflix Western" over a paragraph about the rights deal). Chosen by
// outlet-grouped cross-validation on the dev split (`npm run train:analyst -- --cv`: 0.837 against 0.834 at 1.0).
const LEAD_WEIGHT = 0.5;
/** Weight of a headline character 4-gram (outlet-grouped CV: 0.3 over 0.2 and 0.5). */
const CHAR_WEIGHT = 0.3;

/**
 * Weight of the headline's mean word vector (GloVe, 32 dimensions): the model's reach beyond the words it was trained
 * on. Outlet-grouped CV on dev: 0.818 / 82.1% without, 0.825 / 82.8% at 3 (1: 0.824, 5: 0.822, with 100 dimensions);
 * trained without the parts more-r/u/v/z/aa/ab/ac and scored on them: 0.771 / 78.1% without, 0.776 / 78.7% with.
 */
const VECTOR_WEIGHT = 3;

/** The feature vector of one story. */
export function typeFeatures(ev: TypeEvidence): Features {
  const f: Features = new Map();
  const on = (k: string): void => {
    f.set(k, 1);
  };
  const head = tokens(ev.main);
  if (head.length) on(`h0:${head[0]}`);
  for (let i = 0; i < head.length; i++) {
    on(`h:${head[i]}`);
    if (i + 1 < head.length) on(`h2:${head[i]}_${head[i + 1]}`);
  }
  // Skip-bigrams ("sets … date") and the headline's last word ("… Exits", "… Dies") read phrasings the n-grams miss;
  // character 4-grams of its words read inflections and compounds no word list has ("rebootquel", "greenlit").
  for (let i = 0; i + 2 < head.length; i++) on(`hs:${head[i]}_${head[i + 2]}`);
  if (head.length) on(`hl:${head[head.length - 1]}`);
  for (const w of ev.main.toLowerCase().split(/[^\p{L}]+/u)) {
    if (w.length < 3) continue;
    const padded = ` ${w} `;
    for (let i = 0; i + 4 <= padded.length; i++) f.set(`c:${padded.slice(i, i + 4)}`, CHAR_WEIGHT);
  }
  for (const t of tokens(ev.sub)) on(`s:${t}`);
  const vec = meanWordVector(ev.main);
  if (vec) vec.forEach((x, d) => f.set(`e:${d}`, x * VECTOR_WEIGHT));
  // The lead's mean word vector, at the headline's weight: what the lead is about, in words the model never saw.
  // Outlet-grouped CV: 0.838 / 84.5% without, 0.841 / 84.7% at half the headline's weight, 0.844 / 84.9% at its weight,
  // 0.842 at twice; trained without the 17 rumca-js parts and scored on them: 0.792 / 80.5% without, 0.798 / 80.9% at
  // half, 0.802 / 81.4% at full weight. Casting stories read as acquisitions out of fold: 5 without, 3 with.
  const leadVec = meanWordVector(ev.lead);
  if (leadVec) leadVec.forEach((x, d) => f.set(`el:${d}`, x * VECTOR_WEIGHT));
  const lead = tokens(ev.lead).slice(0, MAX_LEAD_TOKENS);
  for (let i = 0; i < lead.length; i++) {
    f.set(`b:${lead[i]}`, LEAD_WEIGHT);
    if (i + 1 < lead.length) f.set(`b2:${lead[i]}_${lead[i + 1]}`, LEAD_WEIGHT);
  }
  for (const t of EVENT_TYPES) {
    const s = ev.ruleScores[t];
    if (s) f.set(`r:${t}`, Math.max(-1, Math.min(2.5, s / 10)));
  }
  on(`rt:${ev.ruleType}`);
  for (const s of ev.signals) on(`x:${s}`);
  on('bias');
  return f;
}

/**
 * The weight table of a model's (read-only) weights: laid out by `unpackTypeModel`, or built here on first use (a model
 * trained in memory). A lookup in a Map and a typed row read take
 * about two thirds of the time of a lookup among 47,000 keys of a plain object and its array.
 */
function weightTable(model: TypeModelData): WeightTable {
  let t = tables.get(model.weights);
  if (!t) {
    const K = model.types.length;
    const names = Object.keys(model.weights);
    t = { row: new Map(), w: new Float64Array(names.length * K) };
    for (const [i, k] of names.entries()) {
      t.row.set(k, i);
      const w = model.weights[k]!;
      for (let j = 0; j < K; j++) t.w[i * K + j] = w[j]!;
    }
    tables.set(model.weights, t);
  }
  return t;
}

/** Unnormalized scores per type, in `model.types` order. */
export function logits(model: TypeModelData, f: Features): number[] {
  const z = [...model.bias];
  const K = z.length;
  const { row, w } = weightTable(model);
  for (const [k, v] of f) {
    const i = row.get(k);
    if (i === undefined) continue;
    const o = i * K;
    for (let j = 0; j < K; j++) z[j]! += w[o + j]! * v;
  }
  return z;
}

/** Softmax of logits. */
export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** The most probable type and the probabilities per type. */
export function predictType(model: TypeModelData, f: Features): { type: EventType; probs: Record<EventType, number> } {
  const p = softmax(logits(model, f));
  let best = 0;
  for (let j = 1; j < p.length; j++) if (p[j]! > p[best]!) best = j;
  const probs = Object.fromEntries(model.types.map((t, j) => [t, p[j]!])) as Record<EventType, number>;
  return { type: model.types[best]!, probs };
}
