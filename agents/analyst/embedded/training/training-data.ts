// Training data for the event-type model: the real corpus's dev split plus the hand-written headline
// sets and, with --with-demo, the labeled demo items (both at full weight). The real corpus's test split is never part of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventType } from '../../../../shared/model/event.js';
import type { Competitor, SlateTitle } from '../../../../shared/model/workspace.js';
import { loadRecords, loadSplits, REAL_DIR, splitRecords } from '../../../../test/bench/real-corpus.js';
import { loadContext, loadSet } from '../../../../test/bench/eval-analyst.js';
import { loadDemoDocs } from '../../../../test/bench/eval-clustering.js';
import { loadWorkspaceFile } from '../../../../shared/config/workspace-file.js';

export interface TrainingStory {
  title: string;
  text: string;
  publishedAt: string | null;
  /** The article's address, where the set has one (its folders are a signal: "/reviews/", "/features/"). */
  url?: string | null;
  type: EventType;
  /** The labeled release dates (real records only: the date model trains on them). */
  releaseDate?: string | null;
  previousDate?: string | null;
  weight: number;
  /** Outlet for real records ("aux:…" for the auxiliary sets): cross-validation folds by group. */
  group: string;
  context?: { competitors: Competitor[]; slate: SlateTitle[]; knownTitles?: string[] };
}

// The hand-written set's wording is no outlet's house style; at full weight it helped cross-validation by outlet
// (0.5 before).
const AUX_WEIGHT = 1;
const DEMO_LABEL_ALIASES: Record<string, EventType> = { marketing: 'campaign' };

/** Every training story with its weight and group, and the count per set. */
export async function trainingSets(options: { demo?: boolean } = {}): Promise<{ stories: TrainingStory[]; counts: Record<string, number> }> {
  const stories: TrainingStory[] = [];
  const records = loadRecords(join(REAL_DIR, 'corpus.jsonl'));
  const dev = records.length ? splitRecords(records, loadSplits(), 'dev') : [];
  for (const r of dev) {
    stories.push({
      title: r.title, text: r.text ?? '', publishedAt: r.publishedAt, url: r.url, type: r.label.type,
      releaseDate: r.label.releaseDate, previousDate: r.label.previousDate, weight: 1, group: r.outlet,
    });
  }
  const ctx = loadContext();
  const hand = [...loadSet('dev'), ...loadSet('test')];
  for (const s of hand) {
    stories.push({ title: s.title, text: s.text, publishedAt: s.publishedAt, type: s.label.type, weight: AUX_WEIGHT, group: 'aux:handwritten', context: ctx });
  }
  if (options.demo === false) return { stories, counts: { 'real-dev': dev.length, handwritten: hand.length } };
  const ws = await loadWorkspaceFile('config/demo/workspace.yaml');
  const truth = JSON.parse(readFileSync('config/demo/ground-truth.json', 'utf8')) as { stories: Array<{ id: string; type: string }> };
  const typeOf = new Map(truth.stories.map((s) => [s.id, (DEMO_LABEL_ALIASES[s.type] ?? s.type) as EventType]));
  const { docs, label } = await loadDemoDocs();
  let demo = 0;
  for (const d of docs) {
    const type = typeOf.get(label.get(d.id) ?? '');
    if (!type) continue;
    demo++;
    stories.push({ title: d.title, text: d.text, publishedAt: d.time, type, weight: AUX_WEIGHT, group: 'aux:demo', context: { competitors: ws.competitors, slate: ws.slate } });
  }
  return { stories, counts: { 'real-dev': dev.length, handwritten: hand.length, demo } };
}
