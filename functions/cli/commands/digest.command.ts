// `marquee digest`: build and send one week's digest from the data already in the store (exactly once per week).
import { sendDigest } from '../../../shared/delivery/digest/send-digest.js';
import { isoWeekDates, isoWeekOf } from '../../../shared/util/week.js';
import { openContext, type CommonOptions } from '../context.js';
import { CliError, printJson, type Io } from '../output.js';

export interface DigestOptions extends CommonOptions {
  week?: string;
  json?: boolean;
}

export async function digestCommand(opts: DigestOptions, io: Io, env: Record<string, string | undefined>): Promise<number> {
  if (opts.week) {
    try {
      isoWeekDates(opts.week);
    } catch (err) {
      throw new CliError(`--week: ${(err as Error).message}`);
    }
  }
  const ctx = await openContext(opts, env, undefined, 'digest');
  try {
    const asOf = ctx.workspace.clock ? new Date(ctx.workspace.clock) : ctx.runtime.clock.now();
    const week = opts.week ?? isoWeekOf(asOf, ctx.workspace.timezone);
    const r = ctx.runtime;
    const result = await sendDigest(
      ctx.workspace,
      { analysis: r.analysis, store: r.store, ledger: r.ledger, mailer: r.mailer, clock: r.clock, log: r.log, digests: r.digests, links: r.links, interest: r.interest },
      { week, from: ctx.config.mailFrom },
    );
    if (opts.json) printJson(io, result);
    else {
      io.out(`digest ${result.week}: ${result.status}${result.status === 'sent' ? ` via ${r.mailDescription}` : ''}`);
      for (const f of result.files ?? []) io.out(`  ${f}`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}
