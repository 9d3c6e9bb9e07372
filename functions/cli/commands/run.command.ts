// `marquee run --once` and `npm start`: one whole cycle over a workspace (the bundled demo by default).
import { COLLISION_HORIZON_WEEKS } from '../../../shared/analysis/release-calendar.js';
import { relative } from 'node:path';
import { runCycle, type CycleReport } from '../../../shared/cycle/run-cycle.js';
import { openContext, type CommonOptions } from '../context.js';
import { CliError, printJson, type Io } from '../output.js';
import { crawlJson, formatSourceLine } from './crawl.command.js';
import { alertsJson, formatAlertsSummary } from './alerts.command.js';
import { formatInterestSummary, interestJson } from './interest-summary.js';

export interface RunOptions extends CommonOptions {
  once?: boolean;
  json?: boolean;
  force?: boolean;
}

/** The JSON `analysis` section (contract: analyst, stories, events, requests, promptTokens, completionTokens). */
export function analysisJson(a: CycleReport['analysis']) {
  const { eventIds: _ids, ...rest } = a;
  return rest;
}

function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : `./${rel.replace(/^\.\//, '')}`;
}

/** The summary's digest line: what happened to this week's digest, and what the next run does about a failure. */
export function digestLine(d: CycleReport['digest'], via: string): string {
  switch (d.status) {
    case 'sent':
      return `sent via ${via}${d.resent ? ' (again: an interrupted earlier attempt may also have sent it)' : ''}`;
    case 'already_sent':
      return 'already sent for this week (sent once, never twice)';
    case 'in_progress':
      return 'being sent by another run';
    case 'failed':
      return `not sent: ${d.error ?? 'unknown error'} ${d.outcome === 'unknown' ? '(it may have gone out; the next run sends it again)' : '(nothing went out; the next run retries)'}`;
  }
}

/** Runs one cycle; `start` adds a banner and the "where to look" lines for people. */
export async function runCommand(opts: RunOptions, io: Io, env: Record<string, string | undefined>, mode: 'run' | 'start' = 'run'): Promise<number> {
  if (mode === 'run' && !opts.once) {
    throw new CliError('only --once is supported locally: the schedule runs in AWS (EventBridge Scheduler); use `marquee run --once`');
  }
  const human = !opts.json;
  if (human && mode === 'start') io.out('Marquee: one full cycle on embedded defaults (no AWS account, no API key, no internet)\n');
  const ctx = await openContext(opts, env, undefined, mode);
  try {
    if (human) {
      io.out(`workspace   ${ctx.workspace.name}${ctx.demo ? ` (bundled demo, sources served at ${ctx.demo.site.baseUrl})` : ''}`);
      const from = ctx.runtime.storeBorrowedFrom;
      io.out(
        from
          ? `store       the embedded store of marquee ${from.command} (pid ${from.pid}) at ${ctx.runtime.dynamoEndpoint} (data in ${show(ctx.config.dataDir)})`
          : `store       embedded DynamoDB-protocol server at ${ctx.runtime.dynamoEndpoint} (data in ${show(ctx.config.dataDir)})`,
      );
      io.out(`\ncrawl: ${ctx.workspace.sources.filter((s) => s.enabled).length} sources`);
    }
    // The demo always fetches (conditional GETs make unchanged sources cheap); real workspaces keep their schedule.
    const report = await runCycle(ctx.workspace, ctx.runtime, {
      force: opts.force ?? ctx.demo !== null,
      concurrency: ctx.config.crawlConcurrency,
      onSource: human ? (r) => io.out(formatSourceLine(r)) : undefined,
      mailFrom: ctx.config.mailFrom,
      onStage: human ? (stage) => stage === 'analysis' && io.out(`\n${ctx.runtime.analystDescription}`) : undefined,
    });
    if (opts.json) {
      printJson(io, {
        workspace: report.workspace,
        startedAt: report.startedAt,
        durationMs: report.durationMs,
        crawl: crawlJson(report.crawl),
        analysis: analysisJson(report.analysis),
        collisions: report.collisions,
        surprises: report.surprises,
        alerts: alertsJson(report.alerts, ctx.runtime),
        briefs: report.briefs,
        digest: report.digest,
        interest: interestJson(report.interest),
      });
      // `run` tells a scheduler the digest failed; `start` still serves the query API over what the cycle stored.
    return report.digest.status === 'failed' && mode === 'run' ? 1 : 0;
    }
    const t = report.crawl.totals;
    io.out(`\nSummary (${report.durationMs} ms)`);
    io.out(`  sources     ${t.sources}: ${t.ok} ok, ${t.notModified} not modified (HTTP 304 or unchanged), ${t.skipped} not due, ${t.errors} failed`);
    io.out(`  items       ${t.newItems} new, ${t.duplicates} duplicates dropped`);
    io.out(`  box office  ${t.chartEntries} chart entries`);
    const a = report.analysis;
    io.out(`  analysis    ${a.items} items → ${a.stories} new stories (${a.joinedExisting} items joined earlier stories), ${a.events} events, ${a.releasesChanged} release-calendar changes (${a.durationMs} ms)`);
    io.out(`  analyst     ${report.analysis.analyst}: ${a.requests} model requests, ${a.promptTokens} prompt + ${a.completionTokens} completion tokens${a.fallbacks ? `, ${a.fallbacks} stories fell back to the embedded rules${a.budgetFallbacks ? ` (${a.budgetFallbacks} over the token budget)` : ''}` : ''}`);
    io.out(`  collisions  ${report.collisions.length} competitor titles within a weekend of the slate (next ${COLLISION_HORIZON_WEEKS} weeks)`);
    for (const c of report.collisions) {
      const when = c.weekendsApart === 0 ? 'same weekend' : 'one weekend apart';
      io.out(`              ${c.slateTitle} (${c.slateDate}) ↔ ${c.competitorTitle} (${c.distributor ?? 'unknown'}, ${c.competitorDate}), ${when}${c.genreOverlap.length ? `, both ${c.genreOverlap.join('/')}` : ''}`);
    }
    for (const x of report.surprises) {
      io.out(`  surprise    ${x.title} (${x.distributor ?? 'unknown'}) opened to $${(x.gross / 1e6).toFixed(1)}M, ${x.ratio}× the per-theater median of ${x.comparables} comparable openings (${x.direction})`);
    }
    if (report.interest) for (const line of formatInterestSummary(report.interest, ctx.workspace.alerts.interest.threshold)) io.out(line);
    if (report.briefs) {
      const b = report.briefs;
      io.out(`  briefs      ${b.drafted} counter-programming brief${b.drafted === 1 ? '' : 's'} drafted, ${b.existing} already drafted${b.skippedFlagged ? `, ${b.skippedFlagged} held back (flagged as wrong, not reviewed)` : ''}: drafts for human review, on the web page and GET /v1/briefs`);
    }
    for (const line of formatAlertsSummary(report.alerts, ctx.runtime.chatDescription, ctx.workspace.alerts.maxPerRun)) io.out(line);
    const d = report.digest;
    io.out(`  digest      ${d.week}: ${digestLine(d, ctx.runtime.mailDescription)}`);
    for (const w of d.warnings ?? []) io.out(`              warning: ${w}`);
    if (ctx.demo) io.out(`  demo server ${ctx.demo.site.stats.requests} requests: ${Object.entries(ctx.demo.site.stats.byStatus).map(([s, n]) => `${n}× ${s}`).join(', ')}`);
    io.out('\nWhere to look');
    io.out(`  raw snapshots   ${show(ctx.config.dataDir)}/objects/raw/`);
    io.out(`  store           ${show(ctx.config.dataDir)}/dynamo/ (npx marquee crawl --json shows source health)`);
    if (ctx.runtime.alertsFile) io.out(`  alerts          ${show(ctx.runtime.alertsFile)}`);
    for (const f of report.digest.files ?? []) io.out(`  digest          ${show(f)}`);
    io.out(`  outputs         ${show(ctx.config.outDir)}/`);
    // `run` tells a scheduler the digest failed; `start` still serves the query API over what the cycle stored.
    return report.digest.status === 'failed' && mode === 'run' ? 1 : 0;
  } finally {
    await ctx.close();
  }
}
