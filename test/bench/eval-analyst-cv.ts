// Out-of-sample figures for the whole embedded analyst on the real corpus's dev split: the type and date models are
// trained without the stories scored, then the analyst (rules, gates and both models) reads them. The dev split is where
// rules are chosen; these runs say how a rule does on records no model saw. The test split is never read here.
//   npm run eval:heldout -- --cv                       outlet-grouped 5-fold: each fifth of the outlets held out in turn
//   npm run eval:heldout -- --holdout more-k,more-o    the records of those parts (test/data/real/parts/) held out
//   add --errors to list the stories read wrong
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEmbeddedAnalyst, type EmbeddedAnalyst } from '../../agents/analyst/embedded/embedded-analyst.js';
import { trainingSets, type TrainingStory } from '../../agents/analyst/embedded/training/training-data.js';
import { DEFAULT_OPTIONS, toExamples, train } from '../../agents/analyst/embedded/training/train-type-model.js';
import { trainDateModel } from '../../agents/analyst/embedded/training/train-date-model.js';
import { DEFAULT_DATE_OPTIONS } from '../../agents/analyst/embedded/date-model.js';
import { packTypeModel, unpackTypeModel } from '../../agents/analyst/embedded/type-model.js';
import { evaluate, formatReport, printErrors, realStories, topGroup, type LabeledStory } from './eval-analyst.js';
import { loadRecords, REAL_DIR } from './real-corpus.js';

export interface HeldOutRun {
  stories: LabeledStory[];
  /** Reads each story with the analyst whose models never saw it. */
  analyst: EmbeddedAnalyst;
  what: string;
}

/** An analyst with type and date models trained on `training` only (shipped precision: weights packed as the file holds them). */
function analystTrainedOn(training: readonly TrainingStory[], examples: ReturnType<typeof toExamples>): EmbeddedAnalyst {
  const typeModel = unpackTypeModel(packTypeModel({ ...train(examples, DEFAULT_OPTIONS), version: 'held-out' }));
  const dateModel = trainDateModel(training, typeModel, DEFAULT_DATE_OPTIONS).model;
  return createEmbeddedAnalyst({ competitors: [], slate: [], typeModel, dateModel });
}

/** Each story read by the analyst of its own fold (stories are told apart by identity, as `evaluate` passes them). */
function byStory(assign: Map<LabeledStory, EmbeddedAnalyst>): EmbeddedAnalyst {
  const first = assign.values().next().value as EmbeddedAnalyst;
  const of = (story: object): EmbeddedAnalyst => {
    const a = assign.get(story as LabeledStory);
    if (!a) throw new Error('eval-analyst-cv: a story without its fold');
    return a;
  };
  return { info: first.info, extract: (story) => of(story).extract(story), explain: (story) => of(story).explain(story) };
}

/** Outlet-grouped k-fold over the dev split (the same folds as `npm run train:analyst -- --cv`). */
export async function crossValidatedRun(folds = 5): Promise<HeldOutRun> {
  const sets = await trainingSets({ demo: false });
  const examples = toExamples(sets.stories);
  const groups = [...new Set(sets.stories.filter((s) => !s.group.startsWith('aux:')).map((s) => s.group))].sort();
  const stories = realStories('dev');
  const assign = new Map<LabeledStory, EmbeddedAnalyst>();
  for (let f = 0; f < folds; f++) {
    const held = new Set(groups.filter((_, i) => i % folds === f));
    const keep = sets.stories.map((_, i) => i).filter((i) => !held.has(sets.stories[i]!.group));
    const analyst = analystTrainedOn(keep.map((i) => sets.stories[i]!), keep.map((i) => examples[i]!));
    for (const s of stories) if (held.has(s.outlet ?? '')) assign.set(s, analyst);
  }
  return { stories: stories.filter((s) => assign.has(s)), analyst: byStory(assign), what: `real corpus, dev split, outlet-grouped ${folds}-fold (type and date models trained without each fold's outlets)` };
}

/** The dev records of the given parts, read by an analyst whose models were trained without them. */
export async function holdoutRun(parts: readonly string[]): Promise<HeldOutRun> {
  const urls = new Set(parts.flatMap((p) => loadRecords(join(REAL_DIR, 'parts', `${p}.jsonl`)).map((r) => r.url)));
  if (urls.size === 0) throw new Error(`eval-analyst: no records in parts ${parts.join(', ')} (test/data/real/parts/<name>.jsonl)`);
  const sets = await trainingSets({ demo: false });
  const training = sets.stories.filter((s) => !(s.url && urls.has(s.url)));
  const analyst = analystTrainedOn(training, toExamples(training));
  const stories = realStories('dev').filter((s) => s.url && urls.has(s.url));
  return { stories, analyst, what: `dev records of ${parts.join(', ')} (${stories.length}), type and date models trained without them` };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const h = args.indexOf('--holdout');
  const parts = h >= 0 ? (args[h + 1] ?? '').split(',').filter(Boolean) : [];
  if ((h >= 0 && parts.length === 0) || (h < 0 && !args.includes('--cv'))) {
    console.error('eval-heldout: give --cv, or --holdout <part,part,…> (test/data/real/parts/<name>.jsonl); --errors lists misreadings');
    process.exit(2);
  }
  const run = h >= 0 ? await holdoutRun(parts) : await crossValidatedRun();
  const e = evaluate(run.stories, run.analyst, topGroup());
  console.log(formatReport(e, run.what));
  if (args.includes('--errors')) printErrors(e);
  console.log(`\ncommand             npm run eval:heldout -- ${args.join(' ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
