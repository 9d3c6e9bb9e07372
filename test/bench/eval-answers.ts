// Answer evaluation: strategist questions (test/data/questions/*.yaml) asked of the embedded reader over a fresh demo store.
// Run: npm run eval:answers [-- --held-aside | --all] [--only <id>] [--show]   (prints the pass rate and every failure)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { AskResponse } from '../../shared/query/schemas.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'questions');

export interface EvalQuestion {
  id: string;
  kind: string;
  q: string;
  mustInclude?: string[];
  mustNotInclude?: string[];
  /** The question names something the store does not hold: no citation is required. */
  absent?: boolean;
}

export interface EvalResult {
  question: EvalQuestion;
  answer: string;
  citations: number;
  problems: string[];
}

/** Reads one question file: `dev` (tuned on) or `held-aside` (never tuned on). */
export function loadQuestions(set: 'dev' | 'held-aside'): EvalQuestion[] {
  const list = parseYaml(readFileSync(join(DIR, `${set}.yaml`), 'utf8')) as EvalQuestion[];
  const ids = new Set<string>();
  for (const q of list) {
    if (!q.id || !q.q || !q.kind) throw new Error(`${set}.yaml: every question needs id, kind and q (${JSON.stringify(q)})`);
    if (ids.has(q.id)) throw new Error(`${set}.yaml: duplicate id ${q.id}`);
    ids.add(q.id);
  }
  return list;
}

/** '/re/' is a case-insensitive regular expression; anything else a case-insensitive substring. */
function matcher(fact: string): (text: string) => boolean {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(fact);
  if (m) {
    const re = new RegExp(m[1]!, m[2]!.includes('i') ? m[2] : `${m[2]}i`);
    return (t) => re.test(t);
  }
  const needle = fact.toLowerCase();
  return (t) => t.toLowerCase().includes(needle);
}

/** Grades one answer: the facts it must and must not name, and citations that resolve. */
export function grade(question: EvalQuestion, r: Pick<AskResponse, 'answer' | 'citations'>): EvalResult {
  const problems: string[] = [];
  for (const f of question.mustInclude ?? []) if (!matcher(f)(r.answer)) problems.push(`missing ${f}`);
  for (const f of question.mustNotInclude ?? []) if (matcher(f)(r.answer)) problems.push(`names ${f}`);
  const marks = [...r.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const dangling = marks.filter((n) => !r.citations.some((c) => c.n === n));
  if (dangling.length) problems.push(`cites [${[...new Set(dangling)].join('], [')}] that the citations do not hold`);
  if (!question.absent && (question.mustInclude ?? []).length && r.citations.length === 0) problems.push('no citation');
  return { question, answer: r.answer, citations: r.citations.length, problems };
}

/** Asks every question of `ask` and grades the answers. */
export async function evaluate(questions: EvalQuestion[], ask: (q: string) => Promise<Pick<AskResponse, 'answer' | 'citations'>>): Promise<EvalResult[]> {
  const out: EvalResult[] = [];
  for (const q of questions) {
    try {
      out.push(grade(q, await ask(q.q)));
    } catch (err) {
      // A question the reader cannot answer at all is a failure, not the end of the run.
      out.push({ question: q, answer: `(error: ${(err as Error).message})`, citations: 0, problems: ['threw an error'] });
    }
  }
  return out;
}

function summary(name: string, results: EvalResult[]): string {
  const passed = results.filter((r) => r.problems.length === 0).length;
  const byKind = new Map<string, [number, number]>();
  for (const r of results) {
    const k = byKind.get(r.question.kind) ?? [0, 0];
    k[1]++;
    if (r.problems.length === 0) k[0]++;
    byKind.set(r.question.kind, k);
  }
  const kinds = [...byKind.entries()].map(([k, [p, n]]) => `${k} ${p}/${n}`).join(', ');
  return `${name}: ${passed}/${results.length} passed (${((passed / results.length) * 100).toFixed(1)}%)\n  by kind: ${kinds}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sets: Array<'dev' | 'held-aside'> = args.includes('--all') ? ['dev', 'held-aside'] : args.includes('--held-aside') ? ['held-aside'] : ['dev'];
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const show = args.includes('--show');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { openDemoData } = await import('../support/demo-data.js');
  const { buildQuerySide } = await import('../../functions/http/query-side.js');
  const started = Date.now();
  const data = await openDemoData();
  try {
    // The embedded reader, as `npm start` serves it without a model.
    const side = buildQuerySide({ ...data.config, analyst: 'embedded' }, data.workspace, { analysis: data.runtime.analysis, store: data.runtime.store, digests: data.runtime.digests, keys: data.runtime.keys });
    console.log(`eval:answers: embedded reader over a fresh demo store (clock ${data.workspace.clock}, ${data.cycle.analysis.events} events)`);
    for (const set of sets) {
      const questions = loadQuestions(set).filter((q) => !only || q.id === only);
      const results = await evaluate(questions, side.ask);
      for (const r of results) {
        if (r.problems.length === 0 && !show) continue;
        console.log(`\n${r.problems.length ? 'FAIL' : 'ok  '} [${set}] ${r.question.id}: ${r.question.q}`);
        if (r.problems.length) console.log(`  ${r.problems.join('; ')}`);
        console.log(r.answer.split('\n').map((l) => `  | ${l}`).join('\n'));
      }
      console.log(`\n${summary(set === 'dev' ? 'dev set (test/data/questions/dev.yaml)' : 'held-aside set (test/data/questions/held-aside.yaml, never tuned on)', results)}`);
    }
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s; command: npm run eval:answers${sets.length > 1 ? ' -- --all' : sets[0] === 'held-aside' ? ' -- --held-aside' : ''})`);
  } finally {
    await data.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
