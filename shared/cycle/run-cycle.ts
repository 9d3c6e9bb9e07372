// Use-case runCycle: one whole cycle of the main job: crawl, analyze what is pending, send alerts, then the week's digest.
import type { Workspace } from '../model/workspace.js';
import type { CrawlDeps, CrawlSourceResult } from '../ingest/crawl-source.js';
import { crawlWorkspace, type CrawlReport } from '../ingest/crawl-workspace.js';
import type { AnalysisReport, AnalyzeDeps } from '../analysis/analyze-items.js';
import type { Collision } from '../analysis/release-calendar.js';
import { analyzeAndNotify } from '../analysis/analyze-and-notify.js';
import { isoWeekOf } from '../util/week.js';
import { sendDigest, type SendDigestResult } from '../delivery/digest/send-digest.js';
import { MailError } from '../delivery/mail/errors.js';
import type { Checkpoint } from '../ports/checkpoint.js';
import type { IdempotencyLedger } from '../ports/ledger.js';
import type { Mailer } from '../ports/mailer.js';
import type { DigestStore } from '../ports/digest-store.js';
import type { BriefStore } from '../ports/brief-store.js';
import type { FlagStore } from '../ports/flag-store.js';
import type { BriefReport } from '../assist/counter-briefs.js';
import type { BriefWriter } from '../ports/brief-writer.js';
import { latestSurprises, type ChartSurprise } from '../analysis/boxoffice-series.js';

export { latestSurprises };
import type { ChatPoster } from '../ports/chat.js';
import type { AlertsReport } from '../delivery/alerts/send-alerts.js';
import type { InterestStore } from '../ports/interest-store.js';
import type { VideoLinker } from '../ports/video-linker.js';
import type { InterestReport } from '../interest/update-interest.js';

export interface CycleReport {
  workspace: string;
  startedAt: string;
  durationMs: number;
  crawl: CrawlReport;
  analysis: AnalysisReport & { slateSeeded: number };
  /** Competitor titles within one weekend of a slate title in the next COLLISION_HORIZON_WEEKS (52) weeks (as of the workspace clock). */
  collisions: Collision[];
  /** Slack alerts (or alerts.jsonl locally) for recent competitor news, collisions and surprises, each sent once. */
  alerts: AlertsReport;
  /** Counter-programming briefs drafted for the collisions (null when the runtime has no brief store). */
  briefs: BriefReport | null;
  digest: SendDigestResult;
  /** Openings far above or below comparable openings: the latest weekend chart's, and earlier ones not alerted yet. */
  surprises: ChartSurprise[];
  /** Audience interest: videos linked to titles, signals against comps, forecasts and their scores (null: no interest store). */
  interest: InterestReport | null;
}


export interface CycleOptions {
  force?: boolean;
  concurrency?: number;
  onSource?: (r: CrawlSourceResult) => void;
  onStage?: (stage: 'crawl' | 'analysis' | 'alerts' | 'digest') => void;
  mailFrom?: string;
}

export type CycleDeps = CrawlDeps &
  Omit<AnalyzeDeps, 'items'> &
  Required<Pick<CrawlDeps, 'pending'>> & {
    ledger: IdempotencyLedger;
    mailer: Mailer;
    chat: ChatPoster;
    digests?: DigestStore;
    briefs?: BriefStore;
    flags?: FlagStore;
    links?: { publicUrl: string; linkSecret: string };
    briefWriter?: BriefWriter;
    /** Named points between steps (fault injection: the crash tests stop the process there). */
    checkpoint?: Checkpoint;
    interest?: InterestStore;
    linker?: VideoLinker;
  };

/** Runs one cycle over a workspace with the given adapters. */
export async function runCycle(workspace: Workspace, deps: CycleDeps, options: CycleOptions = {}): Promise<CycleReport> {
  const started = Date.now();
  const startedAt = deps.clock.now().toISOString();
  options.onStage?.('crawl');
  // The crawl's new items stay in memory until the analysis has read them (where the store can), instead of being
  // read back one batch at a time right after they were written.
  deps.store.keepNewItems?.(true);
  let crawl: CrawlReport;
  let after: Awaited<ReturnType<typeof analyzeAndNotify>>;
  try {
    crawl = await crawlWorkspace(workspace, deps, options);
    options.onStage?.('analysis');
    // Everything pending, not only this crawl's items: what a failed earlier cycle left is picked up now.
    // Recent events, not only this run's: what an earlier run deferred (maxPerRun) or failed to post goes out now.
    after = await analyzeAndNotify(
      workspace,
      { ...deps, items: deps.store, onAlerts: () => options.onStage?.('alerts') },
      { recent: true, interest: 'update' },
    );
  } finally {
    deps.store.keepNewItems?.(false);
  }
  const asOfInstant = after.asOf.instant;
  options.onStage?.('digest');
  const week = isoWeekOf(asOfInstant, workspace.timezone);
  let digest: SendDigestResult;
  try {
    digest = await sendDigest(
      workspace,
      { analysis: deps.analysis, store: deps.store, ledger: deps.ledger, mailer: deps.mailer, clock: deps.clock, log: deps.log, digests: deps.digests, links: deps.links, checkpoint: deps.checkpoint, interest: deps.interest },
      { week, from: options.mailFrom },
    );
  } catch (err) {
    // The run's other results stand: the digest failed alone (its claim was released, or left to the next run to settle).
    deps.log?.error('digest not sent', { week, error: (err as Error).message });
    digest = { week, status: 'failed', stats: null, error: (err as Error).message, outcome: err instanceof MailError ? err.outcome : 'not_sent' };
  }
  return {
    workspace: workspace.name,
    startedAt,
    durationMs: Date.now() - started,
    crawl,
    analysis: after.analysis,
    collisions: after.collisions,
    surprises: after.surprises,
    // The cycle always has a chat (Slack or the alerts file), so there is always a report.
    alerts: after.alerts!,
    briefs: after.briefs,
    digest,
    interest: after.interest,
  };
}
