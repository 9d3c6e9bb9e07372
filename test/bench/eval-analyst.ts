// Embedded analyst evaluation: type P/R/F1, confusion matrix, studio/title/date accuracy and throughput on a labeled set.
// Run: npm run eval:analyst [-- --set real-test|real-dev|hand-test|hand-dev|demo | --file records.jsonl] [--errors]
// Without --set: the real corpus's test split (outlets never trained or tuned on), its dev split, and the demo.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEmbeddedAnalyst, type EmbeddedAnalyst } from '../../agents/analyst/embedded/embedded-analyst.js';
import { EVENT_TYPES, type EventExtraction, type EventType } from '../../shared/model/event.js';
import type { Competitor, SlateTitle } from '../../shared/model/workspace.js';
import { COMPANIES } from '../../agents/analyst/gazetteer/companies.js';
import { buildStudioDirectory, matchStudios } from '../../agents/analyst/embedded/studios.js';
import { loadRecords, loadSplits, splitRecords } from './real-corpus.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'analyst');

export interface LabeledStory {
  title: string;
  text: string;
  publishedAt: string | null;
  /** The article's address, where the set has one. */
  url?: string | null;
  label: {
    type: EventType;
    studios: string[];
    titles: string[];
    releaseDate: string | null;
    previousDate: string | null;
    kind?: string | null;
  };
  outlet?: string;
}

/** Reads a labeled set: `test` (held out) or `dev`. */
export function loadSet(set: 'test' | 'dev'): LabeledStory[] {
  const raw = readFileSync(join(FIXTURES, `headlines.${set}.jsonl`), 'utf8');
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as LabeledStory;
      } catch (err) {
        throw new Error(`headlines.${set}.jsonl line ${i + 1}: ${(err as Error).message}`);
      }
    });
}

/** The workspace context the sets are labeled against. */
export function loadContext(): { competitors: Competitor[]; slate: SlateTitle[]; knownTitles: string[] } {
  return JSON.parse(readFileSync(join(FIXTURES, 'context.json'), 'utf8')) as {
    competitors: Competitor[];
    slate: SlateTitle[];
    knownTitles: string[];
  };
}

export interface TypeScore {
  type: EventType;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  n: number;
  perType: TypeScore[];
  macroF1: number;
  accuracy: number;
  confusion: Record<EventType, Record<EventType, number>>;
  studioExact: number;
  studioMicro: { precision: number; recall: number; f1: number };
  titleExact: number;
  titleMicro: { precision: number; recall: number; f1: number };
  dates: { n: number; correct: number; accuracy: number; releaseCorrect: number; falsePositives: number; nullLabeled: number };
  /** Studio sets compared after rolling both sides up to the top of the gazetteer (Searchlight -> Walt Disney Studios). */
  studioGroupExact: number;
  kinds: { n: number; correct: number };
  /** Dates over the stories that carry a publication time (a year-less date cannot be resolved without one). */
  datedWithTime: { n: number; correct: number };
  results: { story: LabeledStory; out: EventExtraction }[];
}

const normTitle = (s: string): string =>
  s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
const normStudio = (s: string): string => s.toLowerCase().trim();

function setCompare(pred: string[], gold: string[], norm: (s: string) => string): { tp: number; fp: number; fn: number; exact: boolean } {
  const p = new Set(pred.map(norm));
  const g = new Set(gold.map(norm));
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp, exact: tp === p.size && tp === g.size };
}

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Runs the analyst over a labeled set and scores it. */
export function evaluate(stories: LabeledStory[], analyst: EmbeddedAnalyst, group: (s: string) => string = (x) => x): Evaluation {
  const results = stories.map((story) => ({ story, out: analyst.extract(story) }));
  const confusion = Object.fromEntries(
    EVENT_TYPES.map((t) => [t, Object.fromEntries(EVENT_TYPES.map((u) => [u, 0]))]),
  ) as Record<EventType, Record<EventType, number>>;
  let correct = 0;
  const st = { tp: 0, fp: 0, fn: 0, exact: 0 };
  const ti = { tp: 0, fp: 0, fn: 0, exact: 0 };
  const dates = { n: 0, correct: 0, accuracy: 0, releaseCorrect: 0, falsePositives: 0, nullLabeled: 0 };
  const kinds = { n: 0, correct: 0 };
  const datedWithTime = { n: 0, correct: 0 };
  let groupExact = 0;
  for (const { story, out } of results) {
    confusion[story.label.type][out.type]++;
    if (story.label.type === out.type) correct++;
    const s = setCompare(out.studios, story.label.studios, normStudio);
    st.tp += s.tp; st.fp += s.fp; st.fn += s.fn; st.exact += s.exact ? 1 : 0;
    if (setCompare(out.studios.map(group), story.label.studios.map(group), normStudio).exact) groupExact++;
    if (story.label.kind) {
      kinds.n++;
      if (out.releaseKind === story.label.kind) kinds.correct++;
    }
    const t = setCompare(out.titles, story.label.titles, normTitle);
    ti.tp += t.tp; ti.fp += t.fp; ti.fn += t.fn; ti.exact += t.exact ? 1 : 0;
    const l = story.label;
    if (l.releaseDate !== null || l.previousDate !== null) {
      dates.n++;
      if (out.releaseDate === l.releaseDate && out.previousDate === l.previousDate) dates.correct++;
      if (story.publishedAt) {
        datedWithTime.n++;
        if (out.releaseDate === l.releaseDate && out.previousDate === l.previousDate) datedWithTime.correct++;
      }
      if (out.releaseDate === l.releaseDate) dates.releaseCorrect++;
    } else {
      dates.nullLabeled++;
      if (out.releaseDate !== null || out.previousDate !== null) dates.falsePositives++;
    }
  }
  dates.accuracy = dates.n ? dates.correct / dates.n : 1;
  const perType: TypeScore[] = EVENT_TYPES.map((type) => {
    const tp = confusion[type][type];
    const support = EVENT_TYPES.reduce((a, u) => a + confusion[type][u], 0);
    const predicted = EVENT_TYPES.reduce((a, u) => a + confusion[u][type], 0);
    const { precision, recall, f1 } = prf(tp, predicted - tp, support - tp);
    return { type, support, predicted, precision, recall, f1 };
  });
  const scored = perType.filter((p) => p.support > 0 || p.predicted > 0);
  const macroF1 = scored.reduce((a, p) => a + p.f1, 0) / scored.length;
  return {
    n: results.length,
    perType,
    macroF1,
    accuracy: correct / results.length,
    confusion,
    studioExact: st.exact / results.length,
    studioMicro: prf(st.tp, st.fp, st.fn),
    titleExact: ti.exact / results.length,
    titleMicro: prf(ti.tp, ti.fp, ti.fn),
    dates,
    studioGroupExact: groupExact / results.length,
    kinds,
    datedWithTime,
    results,
  };
}

const ABBR: Record<EventType, string> = {
  release_dated: 'dat', release_moved: 'mov', trailer: 'trl', casting: 'cst', acquisition: 'acq', greenlight: 'grn',
  box_office: 'box', festival_awards: 'fes', executive: 'exe', campaign: 'cmp', review: 'rev', other: 'oth',
};

/** The confusion matrix as text: rows are labels, columns predictions. */
export function formatConfusion(e: Evaluation): string {
  const lines = [`${'label \\ predicted'.padEnd(18)}${EVENT_TYPES.map((t) => ABBR[t].padStart(5)).join('')}`];
  for (const t of EVENT_TYPES) {
    lines.push(`${t.padEnd(18)}${EVENT_TYPES.map((u) => String(e.confusion[t][u] || '.').padStart(5)).join('')}`);
  }
  return lines.join('\n');
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number): string => x.toFixed(3);

/** The full report as text. */
export function formatReport(e: Evaluation, set: string): string {
  const out: string[] = [];
  out.push(`Embedded analyst on the ${set} set (${e.n} stories)`);
  out.push('');
  out.push(`${'type'.padEnd(18)}${'support'.padStart(8)}${'pred'.padStart(6)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`);
  for (const p of e.perType) {
    out.push(`${p.type.padEnd(18)}${String(p.support).padStart(8)}${String(p.predicted).padStart(6)}${f3(p.precision).padStart(7)}${f3(p.recall).padStart(7)}${f3(p.f1).padStart(7)}`);
  }
  out.push('');
  out.push(`macro F1            ${f3(e.macroF1)}`);
  out.push(`type accuracy       ${pct(e.accuracy)}`);
  out.push(`studios exact set   ${pct(e.studioExact)}   micro P ${f3(e.studioMicro.precision)} R ${f3(e.studioMicro.recall)} F1 ${f3(e.studioMicro.f1)}   (rolled up to parent groups: ${pct(e.studioGroupExact)})`);
  out.push(`titles exact set    ${pct(e.titleExact)}   micro P ${f3(e.titleMicro.precision)} R ${f3(e.titleMicro.recall)} F1 ${f3(e.titleMicro.f1)}`);
  out.push(`release dates       ${pct(e.dates.accuracy)} (${e.dates.correct}/${e.dates.n} with a dated label, both dates right; new date alone ${e.dates.releaseCorrect}/${e.dates.n}; a date where the label has none: ${e.dates.falsePositives}/${e.dates.nullLabeled})`);
  out.push(`                    ${e.dates.falsePositives}/${e.dates.nullLabeled} undated-label stories got a date`);
  if (e.datedWithTime.n < e.dates.n) out.push(`                    ${pct(e.datedWithTime.correct / (e.datedWithTime.n || 1))} (${e.datedWithTime.correct}/${e.datedWithTime.n}) over the dated stories that carry a publication time (without one, a year-less date cannot be resolved)`);
  if (e.kinds.n) out.push(`release kind        ${pct(e.kinds.correct / e.kinds.n)} (${e.kinds.correct}/${e.kinds.n} dated stories: theatrical, streaming, tv, digital)`);
  out.push('');
  out.push('confusion matrix (rows = label, columns = predicted)');
  out.push(formatConfusion(e));
  return out.join('\n');
}

/**
 * Stories per second of `extract` over `stories`: five rounds of at least `roundMs` each. The best round is the
 * figure for an unloaded core; the median shows what a shared machine gave.
 */
export function throughput(stories: LabeledStory[], analyst: EmbeddedAnalyst, roundMs = 400): { best: number; median: number } {
  for (const s of stories) analyst.extract(s); // warm-up (regex compilation, JIT)
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (const s of stories) analyst.extract(s);
      n += stories.length;
      elapsed = performance.now() - t0;
    }
    rates.push(n / (elapsed / 1000));
  }
  rates.sort((a, b) => a - b);
  return { best: rates[rates.length - 1]!, median: rates[2]! };
}

/** The real corpus as labeled stories, gold studio names written the gazetteer's way (an unknown name stays as is). */
export function realStories(which: 'dev' | 'test', file?: string): LabeledStory[] {
  const all = loadRecords(file);
  if (!all.length) return [];
  // A file of new records (before they are merged into the corpus) is scored whole.
  const records = file ? all : splitRecords(all, loadSplits(), which);
  const dir = buildStudioDirectory([]);
  // A label names one company: a name that is exactly one of a company's aliases is that company, the guarded ones
  // too ("Max", "Showtime", "Sky": in running text they need the words around them, in a studios label they do not).
  const canonical = (name: string): string => {
    const exact = dir.byAlias.get(name.toLowerCase())?.canonical;
    if (exact) return exact;
    const found = matchStudios(name, dir);
    return found.length === 1 ? found[0]! : name;
  };
  return records.map((r) => ({
    title: r.title,
    text: r.text ?? '',
    publishedAt: r.publishedAt,
    url: r.url,
    outlet: r.outlet,
    label: { ...r.label, studios: [...new Set(r.label.studios.map(canonical))] },
  }));
}

/** A studio's top-level group in the gazetteer (itself when it has no parent or is unknown). */
export function topGroup(): (name: string) => string {
  const parent = new Map(COMPANIES.map((c) => [c.name.toLowerCase(), c.parent]));
  return (name) => {
    let n = name;
    for (let i = 0; i < 8; i++) {
      const p = parent.get(n.toLowerCase());
      if (!p) break;
      n = p;
    }
    return n;
  };
}

export function printErrors(e: Evaluation): void {
  console.log('\nerrors:');
  for (const { story, out } of e.results) {
    const l = story.label;
    const bad: string[] = [];
    if (out.type !== l.type) bad.push(`type ${l.type} -> ${out.type}`);
    if (!setCompare(out.studios, l.studios, normStudio).exact) bad.push(`studios ${JSON.stringify(l.studios)} -> ${JSON.stringify(out.studios)}`);
    if (!setCompare(out.titles, l.titles, normTitle).exact) bad.push(`titles ${JSON.stringify(l.titles)} -> ${JSON.stringify(out.titles)}`);
    if (out.releaseDate !== l.releaseDate || out.previousDate !== l.previousDate) {
      bad.push(`dates ${l.releaseDate}/${l.previousDate} -> ${out.releaseDate}/${out.previousDate}`);
    }
    if (l.kind && out.releaseKind !== l.kind) bad.push(`kind ${l.kind} -> ${out.releaseKind ?? null}`);
    if (bad.length) console.log(`- ${story.title}${story.outlet ? `  [${story.outlet}]` : ''}\n    ${bad.join('\n    ')}`);
  }
}

const SETS = ['real-test', 'real-dev', 'hand-test', 'hand-dev', 'demo'] as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--set');
  const chosen = i >= 0 ? args[i + 1] : undefined;
  if (chosen !== undefined && !(SETS as readonly string[]).includes(chosen)) {
    console.error(`eval-analyst: --set must be one of ${SETS.join(', ')}; got "${chosen}"`);
    process.exit(2);
  }
  const f = args.indexOf('--file');
  // --file: score a file of records in the corpus's format (e.g. a collector's new part, before it is trained on).
  const file = f >= 0 ? args[f + 1] : undefined;
  if (f >= 0 && !file) {
    console.error('eval-analyst: --file needs a path to a JSON Lines file of records');
    process.exit(2);
  }
  const sets = file ? ['real-dev'] : chosen ? [chosen] : ['real-test', 'real-dev', 'demo'];
  const group = topGroup();
  for (const set of sets) {
    if (set === 'demo') {
      const { scoreDemo } = await import('./eval-analyst-demo.js');
      const s = await scoreDemo();
      console.log(`Embedded analyst on the demo items (${Math.round(s.errors.length / (1 - s.accuracy || 1))} items, labels in config/demo/ground-truth.json): macro F1 ${f3(s.macroF1)}, type accuracy ${pct(s.accuracy)}\n`);
      continue;
    }
    let stories: LabeledStory[];
    let analyst: EmbeddedAnalyst;
    if (set.startsWith('real-')) {
      stories = realStories(set === 'real-dev' ? 'dev' : 'test', file);
      if (!stories.length) {
        console.log(`(no real corpus at test/data/real/corpus.jsonl: ${set} skipped)\n`);
        continue;
      }
      analyst = createEmbeddedAnalyst({ competitors: [], slate: [] });
    } else {
      const ctx = loadContext();
      stories = loadSet(set === 'hand-dev' ? 'dev' : 'test');
      analyst = createEmbeddedAnalyst(ctx);
    }
    const e = evaluate(stories, analyst, group);
    const what = file
      ? `records of ${file} (scored whole, whatever their split)`
      : set === 'real-test'
      ? 'real corpus, TEST split (outlets never trained or tuned on)'
      : set === 'real-dev' ? 'real corpus, dev split (trained and tuned on: optimistic)' : `hand-written ${set.slice(5)} set (same author as the rules: optimistic)`;
    console.log(formatReport(e, what));
    if (set.startsWith('real-')) {
      const outlets = new Map<string, number>();
      for (const s of stories) outlets.set(s.outlet ?? '?', (outlets.get(s.outlet ?? '?') ?? 0) + 1);
      console.log(`outlets             ${[...outlets].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(', ')}`);
    }
    if (args.includes('--errors')) printErrors(e);
    if (args.includes('--speed')) {
      const rate = throughput(stories, analyst);
      const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
      console.log(`throughput          ${fmt(rate.best)} stories/s best round, ${fmt(rate.median)} median (single thread, ${stories.length} stories repeated, 5 rounds)`);
    }
    console.log('');
  }
  console.log(`command             npm run eval:analyst${args.length ? ` -- ${args.join(' ')}` : ''}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
