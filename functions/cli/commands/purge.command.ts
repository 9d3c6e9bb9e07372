// `marquee purge`: remove raw snapshots and items older than a cut-off (default: the workspace's retention), and say what went.
import { purgeBefore, retentionCutoff, type PurgeReport } from '../../../shared/privacy/purge.js';
import { openContext, type CommonOptions } from '../context.js';
import { CliError, printJson, type Io } from '../output.js';
import { workspaceAsOf } from '../../../shared/util/as-of.js';

export interface PurgeCommandOptions extends CommonOptions {
  before?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** `YYYY-MM-DD` (start of that UTC day) or a full ISO-8601 instant with a zone; anything else is a usage error. */
export function parseCutoff(value: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const d = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    if (d.toISOString().slice(0, 10) === value) return d;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return new Date(t);
  }
  throw new CliError(`--before: "${value}" is not a date (use YYYY-MM-DD, e.g. 2026-06-01, or an ISO time with a zone)`);
}

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The human lines of a purge report. */
export function formatPurge(r: PurgeReport, why: string): string[] {
  const verb = r.dryRun ? 'would remove' : 'removed';
  const lines = [
    `purge${r.dryRun ? ' (dry run: nothing deleted)' : ''}: everything older than ${day(r.cutoff)} UTC (${why})`,
    `  items            ${r.items} ${verb}${r.firstItem ? ` (oldest ${r.firstItem.id} at ${day(r.firstItem.at)}, newest ${r.lastItem!.id} at ${day(r.lastItem!.at)})` : ''}`,
  ];
  for (const [source, n] of Object.entries(r.bySource)) lines.push(`                   ${n} from ${source}`);
  lines.push(
    `  index entries    ${r.indexEntries} (by source and by month, go with the item rows)`,
    `  identity keys    ${r.identityKeys} (dedupe rows: guid, canonical url, content hash)`,
    `  pending markers  ${r.pendingMarkers}`,
    `  snapshots        ${r.snapshots} ${verb} under raw/${r.firstSnapshot ? ` (first ${r.firstSnapshot}, last ${r.lastSnapshot})` : ''}`,
  );
  if (r.unrecognisedSnapshots > 0) lines.push(`                   ${r.unrecognisedSnapshots} keys under raw/ without a fetch time in the key were kept`);
  lines.push('  kept             events, stories and release-calendar changes citing these items (analysis, not raw data)');
  return lines;
}

export async function purgeCommand(opts: PurgeCommandOptions, io: Io, env: Record<string, string | undefined>): Promise<number> {
  const given = opts.before !== undefined ? parseCutoff(opts.before) : null;
  const ctx = await openContext(opts, env, undefined, 'purge');
  try {
    const ws = ctx.workspace;
    const r = ctx.runtime;
    const asOf = workspaceAsOf(ws, r.clock).instant;
    const cutoff = given ?? retentionCutoff(asOf, ws.retentionDays);
    const why = given
      ? '--before'
      : `no --before: ${asOf.toISOString().slice(0, 10)}${ws.clock ? ' (the workspace clock)' : ''} minus the workspace's retentionDays ${ws.retentionDays}`;
    const report = await purgeBefore(
      { purge: r.purge, sources: r.store, objects: r.objects, log: r.log },
      cutoff,
      { dryRun: opts.dryRun ?? false, sourceIds: ws.sources.map((s) => s.id) },
    );
    if (opts.json) printJson(io, { ...report, cutoffFrom: given ? 'before' : 'retention', retentionDays: ws.retentionDays });
    else for (const line of formatPurge(report, why)) io.out(line);
    return 0;
  } finally {
    await ctx.close();
  }
}
