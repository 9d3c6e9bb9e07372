// `marquee explain <id>`: the audit trail of an event, story, item, brief or answer in plain words (or JSON).
import { NothingToExplainError, explain, explainText } from '../../../shared/audit/index.js';
import { openContext, type CommonOptions } from '../context.js';
import { CliError, printJson, type Io } from '../output.js';

export interface ExplainCommandOptions extends CommonOptions {
  json?: boolean;
}

export async function explainCommand(id: string, opts: ExplainCommandOptions, io: Io, env: Record<string, string | undefined>): Promise<number> {
  if (!id.trim()) throw new CliError('give an event (e_…), story (s_…), brief (br_…), answer (ans_…) or item id');
  const ctx = await openContext(opts, env, undefined, 'explain');
  try {
    const r = ctx.runtime;
    let record;
    try {
      record = await explain(id, { analysis: r.analysis, store: r.store, briefs: r.briefs, answers: r.assist.answers });
    } catch (err) {
      if (err instanceof NothingToExplainError) throw new CliError(err.message, 'not_found');
      throw err;
    }
    if (opts.json) printJson(io, { record, text: explainText(record) });
    else io.out(explainText(record));
    return 0;
  } finally {
    await ctx.close();
  }
}
