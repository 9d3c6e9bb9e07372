// `marquee analyze`: JSON lines of headlines on stdin → one event per line, from the configured analyst.
import { z } from 'zod';
import { resolveConfig } from '../../../shared/config/app-config.js';
import { loadWorkspaceFile } from '../../../shared/config/workspace-file.js';
import { selectAnalyst } from '../../../agents/analyst/select-analyst.js';
import { runTokenBudget } from '../../../shared/config/token-budget.js';
import { MemoryAnalysisCache } from '../../../agents/analyst/llm/memory-cache.js';
import type { StoryInput } from '../../../shared/ports/analyst.js';
import { sha256Hex } from '../../../shared/util/text.js';
import { DEMO_WORKSPACE } from '../../local/demo.js';
import { CliError, printJson, type Io } from '../output.js';

export interface AnalyzeOptions {
  workspace?: string;
  analyst?: string;
  json?: boolean;
}

const InputLine = z.object({
  title: z.string(),
  text: z.string().optional(),
  url: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
});

/** Parses JSON lines, naming the first bad line; blank lines are skipped. */
export function parseInputLines(text: string): Array<z.infer<typeof InputLine>> {
  const out: Array<z.infer<typeof InputLine>> = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new CliError(`stdin line ${i + 1}: not valid JSON`, 'bad_input');
    }
    const r = InputLine.safeParse(raw);
    if (!r.success) throw new CliError(`stdin line ${i + 1}: ${r.error.issues[0]?.path.join('.') || 'line'}: ${r.error.issues[0]?.message}`, 'bad_input');
    out.push(r.data);
  });
  return out;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('give JSON lines on stdin, e.g. echo \'{"title":"..."}\' | npx marquee analyze --json');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the analyze command; `input` replaces stdin in tests. */
export async function analyzeCommand(opts: AnalyzeOptions, io: Io, env: Record<string, string | undefined>, input?: string): Promise<number> {
  if (opts.analyst && opts.analyst !== 'embedded' && opts.analyst !== 'llm') {
    throw new CliError(`--analyst must be embedded or llm, not "${opts.analyst}"`);
  }
  const config = resolveConfig(env, opts.analyst ? { analyst: opts.analyst as 'embedded' | 'llm' } : {});
  const workspace = await loadWorkspaceFile(opts.workspace ?? env.MARQUEE_WORKSPACE ?? DEMO_WORKSPACE);
  const lines = parseInputLines(input ?? (await readStdin()));
  const { analyst, description } = selectAnalyst({ ...config, tokenBudget: runTokenBudget(config.tokenBudget, workspace) }, { cache: new MemoryAnalysisCache() });
  io.err(description);
  const stories: StoryInput[] = lines.map((l, i) => ({
    storyId: `line-${i + 1}`,
    hash: sha256Hex(`${l.title}\n${l.text ?? ''}`, 32),
    title: l.title,
    text: l.text ?? '',
    publishedAt: l.publishedAt ?? null,
    url: l.url ?? null,
  }));
  const { analyses, usage } = await analyst.analyze(stories, { competitors: workspace.competitors, slate: workspace.slate });
  const events = analyses.map((a, i) => ({
    type: a.extraction.type,
    studios: a.extraction.studios,
    titles: a.extraction.titles,
    releaseDate: a.extraction.releaseDate,
    previousDate: a.extraction.previousDate,
    summary: a.extraction.summary,
    url: stories[i]!.url,
    people: a.extraction.people,
    money: a.extraction.money,
    sentiment: a.extraction.sentiment,
    analyst: a.analyst,
  }));
  if (opts.json) printJson(io, { events, usage });
  else for (const e of events) io.out(`${e.type.padEnd(16)} ${e.releaseDate ?? ''.padEnd(10)}  ${e.summary}`);
  return 0;
}
