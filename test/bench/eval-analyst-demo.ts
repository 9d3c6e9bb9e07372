// Evaluates the embedded analyst on the demo items, labeled independently of the rules (config/demo/ground-truth.json).
// Run: npx tsx test/bench/eval-analyst-demo.ts
import { readFile } from 'node:fs/promises';
import { EVENT_TYPES } from '../../shared/model/event.js';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import { createEmbeddedAnalyst } from '../../agents/analyst/embedded/embedded-analyst.js';
import { loadDemoDocs } from './eval-clustering.js';

/** The demo's ground truth says "marketing" where the taxonomy says "campaign". */
const LABEL_ALIASES: Record<string, string> = { marketing: 'campaign' };

export interface TypeScores {
  perType: Record<string, { support: number; precision: number; recall: number; f1: number }>;
  macroF1: number;
  accuracy: number;
  errors: Array<{ want: string; got: string; title: string }>;
}

/** Per-type precision/recall/F1 of the embedded analyst's event types on every demo item. */
export async function scoreDemo(): Promise<TypeScores> {
  const truth = JSON.parse(await readFile('config/demo/ground-truth.json', 'utf8')) as { stories: Array<{ id: string; type: string }> };
  const typeOf = new Map(truth.stories.map((s) => [s.id, LABEL_ALIASES[s.type] ?? s.type]));
  const { docs, label } = await loadDemoDocs();
  const ws = await loadWorkspaceFile('config/demo/workspace.yaml');
  const rules = createEmbeddedAnalyst({ competitors: ws.competitors, slate: ws.slate });
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (t: string, k: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    counts.set(t, c);
  };
  const errors: TypeScores['errors'] = [];
  for (const d of docs) {
    const want = typeOf.get(label.get(d.id)!)!;
    const got = rules.extract({ title: d.title, text: d.text, publishedAt: d.time }).type;
    if (got === want) bump(want, 'tp');
    else {
      bump(got, 'fp');
      bump(want, 'fn');
      errors.push({ want, got, title: d.title });
    }
  }
  const perType: TypeScores['perType'] = {};
  for (const t of EVENT_TYPES) {
    const c = counts.get(t);
    if (!c || c.tp + c.fn === 0) continue;
    const precision = c.tp / (c.tp + c.fp || 1);
    const recall = c.tp / (c.tp + c.fn);
    perType[t] = { support: c.tp + c.fn, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
  }
  const f1s = Object.values(perType).map((s) => s.f1);
  return { perType, macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length, accuracy: 1 - errors.length / docs.length, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await scoreDemo();
  console.log('Embedded analyst on the demo items (labels from config/demo/ground-truth.json, written apart from the rules)\n');
  console.log('type               support      P      R     F1');
  for (const [t, v] of Object.entries(s.perType)) {
    console.log(`${t.padEnd(18)} ${String(v.support).padStart(7)}  ${v.precision.toFixed(3)}  ${v.recall.toFixed(3)}  ${v.f1.toFixed(3)}`);
  }
  console.log(`\nmacro F1 ${s.macroF1.toFixed(3)}, accuracy ${(s.accuracy * 100).toFixed(1)}% over ${Math.round(s.errors.length / (1 - s.accuracy))} items`);
  console.log('\nfirst errors (label -> predicted):');
  for (const e of s.errors.slice(0, 10)) console.log(`  ${e.want} -> ${e.got}: ${e.title}`);
  console.log('\ncommand: npx tsx test/bench/eval-analyst-demo.ts');
}
