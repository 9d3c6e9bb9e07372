// `marquee digest`: build and send one week's digest from the data already in the store (exactly once per week).
import { sendDigest, type SendDigestResult } from '../../../shared/delivery/digest/send-digest.js';
import { MailError } from '../../../shared/delivery/mail/errors.js';
import { digestLine } from './run.command.js';
import { isoWeekDates, isoWeekOf } from '../../../shared/util/week.js';
import { openContext, type CommonOptions } from '../context.js';
import { CliError, printJson, type Io } from '../output.js';
import { workspaceAsOf } from '../../../shared/util/as-of.js';

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
    const asOf = workspaceAsOf(ctx.workspace, ctx.runtime.clock).instant;
    const week = opts.week ?? isoWeekOf(asOf, ctx.workspace.timezone);
    const r = ctx.runtime;
    let result: SendDigestResult;
    try {
      result = await sendDigest(
        ctx.workspace,
        { analysis: r.analysis, store: r.store, ledger: r.ledger, mailer: r.mailer, clock: r.clock, log: r.log, digests: r.digests, links: r.links, interest: r.interest },
        { week, from: ctx.config.mailFrom },
      );
    } catch (err) {
      // A mail server's refusal (451 try later, 550…) is the mail's failure, not ours: say it plainly.
      if (!(err instanceof MailError)) throw err;
      result = { week, status: 'failed', stats: null, error: err.message, outcome: err.outcome };
    }
    if (opts.json) printJson(io, result);
    else {
      io.out(`digest ${result.week}: ${digestLine(result, r.mailDescription)}`);
      for (const w of result.warnings ?? []) io.out(`  warning: ${w}`);
      for (const f of result.files ?? []) io.out(`  ${f}`);
    }
    return result.status === 'failed' ? 1 : 0;
  } finally {
    await ctx.close();
  }
}
