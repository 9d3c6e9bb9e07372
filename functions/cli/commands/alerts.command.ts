// `marquee alerts`: send the alerts for stored news not alerted yet (recent events, upcoming collisions, latest surprises), exactly once.
import { relative } from 'node:path';
import { notifyAfterAnalysis } from '../../../shared/analysis/analyze-and-notify.js';
import type { AlertOutcome, AlertsReport } from '../../../shared/delivery/alerts/send-alerts.js';
import type { LocalRuntime } from '../../local/local-runtime.js';
import { openContext, type CommonOptions } from '../context.js';
import { printJson, type Io } from '../output.js';

export interface AlertsOptions extends CommonOptions {
  json?: boolean;
}

const ICON: Record<AlertOutcome['kind'], string> = {
  collision: '🚨',
  competitor_release: '📅',
  boxoffice_surprise: '📈',
  interest_over_comps: '📣',
  acquisition: '🤝',
  greenlight: '🟢',
  trailer: '🎬',
};

/** Lines listed per run before "…and N more". */
const MAX_LINES = 15;

function show(path: string): string {
  if (!path.startsWith('/')) return path;
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : `./${rel}`;
}

/** The `alerts` section of `--json` outputs: the report plus where the alerts went. */
export function alertsJson(report: AlertsReport, runtime: Pick<LocalRuntime, 'chatDescription' | 'alertsFile'>) {
  return { ...report, channel: runtime.chatDescription, file: runtime.alertsFile };
}

/** The human summary of an alerts report: one count line, then one line per alert sent or failed. */
export function formatAlertsSummary(r: AlertsReport, channel: string, maxPerRun: number): string[] {
  const extra = [
    r.inProgress ? `${r.inProgress} being sent by another run` : '',
    r.failed ? `${r.failed} failed (retried next run)` : '',
    r.unknown ? `${r.unknown} without an answer from Slack (posted again next run, may repeat)` : '',
    r.deferred ? `${r.deferred} deferred to the next run (maxPerRun ${maxPerRun})` : '',
    r.ignored.stale ? `${r.ignored.stale} older news items not alerted` : '',
  ].filter(Boolean);
  const lines = [
    `  alerts      ${r.considered} considered: ${r.sent} sent in ${r.messages} ${r.messages === 1 ? 'message' : 'messages'} to ${show(channel)}, ` +
      `${r.skipped} already sent earlier${extra.length ? `, ${extra.join(', ')}` : ''}`,
  ];
  const shown = r.alerts.filter((a) => a.status === 'sent' || a.status === 'failed' || a.status === 'unknown');
  for (const a of shown.slice(0, MAX_LINES)) {
    const tag = a.status === 'failed' ? 'FAILED ' : a.status === 'unknown' ? 'NO ANSWER ' : a.resent ? '(again, may repeat) ' : '';
    lines.push(`              ${ICON[a.kind]} ${tag}${a.summary}`);
  }
  if (shown.length > MAX_LINES) lines.push(`              …and ${shown.length - MAX_LINES} more`);
  for (const e of [...new Set(r.errors)]) lines.push(`              error: ${e} (the next run retries)`);
  return lines;
}

export async function alertsCommand(opts: AlertsOptions, io: Io, env: Record<string, string | undefined>): Promise<number> {
  const ctx = await openContext(opts, env, undefined, 'alerts');
  try {
    const r = ctx.runtime;
    const ws = ctx.workspace;
    // The alerts step of the post-analysis use-case alone: no analysis, no briefs, interest as stored.
    const { alerts } = await notifyAfterAnalysis(
      ws,
      { analysis: r.analysis, store: r.store, ledger: r.ledger, chat: r.chat, clock: r.clock, log: r.log, links: r.links, interest: r.interest },
      { recent: true, interest: 'stored' },
    );
    const report = alerts!;
    if (opts.json) printJson(io, alertsJson(report, r));
    else {
      for (const line of formatAlertsSummary(report, r.chatDescription, ws.alerts.maxPerRun)) io.out(line.replace(/^ {2}/, ''));
      if (r.alertsFile) io.out(`file        ${show(r.alertsFile)}`);
    }
    return report.failed > 0 || report.unknown > 0 ? 1 : 0;
  } finally {
    await ctx.close();
  }
}
