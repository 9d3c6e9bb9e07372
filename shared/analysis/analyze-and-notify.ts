// Use-case analyzeAndNotify: what follows a crawl, written once for the local cycle, the analyze worker and `marquee alerts`:
// seed slate → analyze → collisions → surprises → interest → counter-briefs → alerts (each once) → settle surprises.
import type { Workspace } from '../model/workspace.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Checkpoint } from '../ports/checkpoint.js';
import type { IdempotencyLedger } from '../ports/ledger.js';
import type { ChatPoster } from '../ports/chat.js';
import type { AnalysisStore } from '../ports/analysis-store.js';
import type { ItemStore, ChartStore } from '../ports/store.js';
import type { BriefStore } from '../ports/brief-store.js';
import type { FlagStore } from '../ports/flag-store.js';
import type { InterestStore } from '../ports/interest-store.js';
import type { VideoLinker } from '../ports/video-linker.js';
import { workspaceAsOf, type AsOf } from '../util/as-of.js';
import { analyzeItems, type AnalysisReport, type AnalyzeDeps } from './analyze-items.js';
import { COLLISION_HORIZON_WEEKS, seedSlate, upcomingCollisions, type Collision } from './release-calendar.js';
import type { ChartSurprise, SurpriseMemo } from './boxoffice-series.js';
import { draftCounterBriefs, type BriefReport } from '../assist/counter-briefs.js';
import type { BriefWriter } from '../ports/brief-writer.js';
import { recentEvents, sendAlerts, type AlertsReport } from '../delivery/alerts/send-alerts.js';
import { settleSurprises, surpriseCandidates } from '../delivery/alerts/surprise-candidates.js';
import { updateInterest, type InterestReport } from '../interest/update-interest.js';
import { interestAlerts } from '../interest/interest-alerts.js';
import { memoReleases } from './release-memo.js';

export { workspaceAsOf, type AsOf };

export interface NotifyDeps {
  analysis: AnalysisStore;
  store: ItemStore & ChartStore;
  clock: Clock;
  log?: Logger;
  checkpoint?: Checkpoint;
  /** Where alerts go; none (the analyze worker without a Slack secret): no surprises are read and no alerts sent. */
  chat?: ChatPoster | null;
  ledger?: IdempotencyLedger;
  /** Brief and "flag as wrong" links in alerts. */
  links?: { publicUrl: string; linkSecret: string };
  /** Counter-programming briefs are drafted for collisions when given. */
  briefs?: BriefStore;
  flags?: FlagStore;
  briefWriter?: BriefWriter;
  interest?: InterestStore;
  linker?: VideoLinker;
  /** The latest chart's surprises read once per container (analyze worker). */
  surpriseMemo?: SurpriseMemo;
  /** Called before the alerts go out (the CLI's progress line). */
  onAlerts?: () => void;
}

export interface NotifyOptions {
  /** Event ids to alert (this run's new events). */
  eventIds?: string[];
  /** Also consider every event of the last alerts.maxAgeHours (what an earlier run deferred or failed to post). */
  recent: boolean;
  /**
   * Interest: `update` recomputes signals and forecasts (and alerts from them), `stored` alerts from the stored
   * summaries, `skip` neither.
   */
  interest: 'update' | 'stored' | 'skip';
}

export interface NotifyReport {
  asOf: AsOf;
  collisions: Collision[];
  surprises: ChartSurprise[];
  interest: InterestReport | null;
  briefs: BriefReport | null;
  /** Null when there is no chat to send to. */
  alerts: AlertsReport | null;
}

/** After analysis: collisions a year ahead, surprises, interest, counter-briefs for the collisions, then the alerts (each once). */
export async function notifyAfterAnalysis(workspace: Workspace, given: NotifyDeps, options: NotifyOptions): Promise<NotifyReport> {
  // Nothing below writes releases: the calendar's month partitions are read once for all the steps.
  const deps: NotifyDeps = { ...given, analysis: memoReleases(given.analysis) };
  const asOf = workspaceAsOf(workspace, deps.clock);
  const collisions = await upcomingCollisions(deps.analysis, workspace, asOf.date, COLLISION_HORIZON_WEEKS);
  // Every run, not only one that stored chart rows: a surprise whose alert failed, or whose run died, is reconsidered until sent.
  const surpriseSet = deps.chat ? await surpriseCandidates({ store: deps.store, pending: deps.analysis, memo: deps.surpriseMemo }, asOf.instant) : null;
  deps.checkpoint?.('alerts.candidates');
  const interest =
    options.interest === 'update' && deps.interest
      ? await updateInterest(workspace, { interest: deps.interest, analysis: deps.analysis, store: deps.store, linker: deps.linker, log: deps.log }, asOf.instant)
      : null;
  const briefs = deps.briefs
    ? await draftCounterBriefs(
        workspace,
        { analysis: deps.analysis, store: deps.store, briefs: deps.briefs, flags: deps.flags, writer: deps.briefWriter, log: deps.log, interest: deps.interest },
        collisions,
        asOf.instant,
      )
    : null;
  let alerts: AlertsReport | null = null;
  if (deps.chat && deps.ledger && surpriseSet) {
    deps.onAlerts?.();
    const interestTitles = interest ? interest.titles : options.interest === 'stored' && deps.interest ? await deps.interest.titleInterests() : null;
    alerts = await sendAlerts(
      workspace,
      { analysis: deps.analysis, ledger: deps.ledger, chat: deps.chat, clock: deps.clock, log: deps.log, links: deps.links, checkpoint: deps.checkpoint },
      {
        ...(options.eventIds ? { eventIds: options.eventIds } : {}),
        events: options.recent ? await recentEvents(deps.analysis, asOf.instant, workspace.alerts.maxAgeHours) : [],
        collisions,
        surprises: surpriseSet.surprises,
        asOf: asOf.instant,
        interest: interestTitles ? interestAlerts(workspace, interestTitles, interest?.today ?? asOf.date, asOf.instant) : undefined,
      },
    );
    await settleSurprises(deps.analysis, alerts, surpriseSet);
  }
  return { asOf, collisions, surprises: surpriseSet?.surprises ?? [], interest, briefs, alerts };
}

export type AnalyzeAndNotifyDeps = Omit<AnalyzeDeps, 'items' | 'analysis'> & NotifyDeps & { items: AnalyzeDeps['items'] };

export interface AnalyzeAndNotifyReport extends NotifyReport {
  analysis: AnalysisReport & { slateSeeded: number };
}

/**
 * Seeds the slate on the calendar (so new dates can collide with it), analyzes `itemIds` (or
 * everything pending), then notifies: collisions → surprises → interest → counter-briefs → alerts.
 * `alertNewEvents` adds this run's new events to the alert candidates (the analyze worker's message).
 */
export async function analyzeAndNotify(
  workspace: Workspace,
  deps: AnalyzeAndNotifyDeps,
  options: Omit<NotifyOptions, 'eventIds' | 'recent'> & {
    itemIds?: string[];
    alertNewEvents?: boolean;
    /** Time left to the run, asked between analysis batches (see analyzeItems); the rest stays pending. */
    timeLeftMs?: () => number;
    /** As NotifyOptions.recent, or decided from the analysis (the worker: when every item had been analyzed before). */
    recent: boolean | ((analysis: AnalysisReport) => boolean);
  },
): Promise<AnalyzeAndNotifyReport> {
  const slateSeeded = await seedSlate(workspace.slate, workspace.studio, deps.analysis, deps.clock.now());
  const analysis = await analyzeItems(workspace, deps, options.itemIds, options.timeLeftMs ? { timeLeftMs: options.timeLeftMs } : {});
  const recent = typeof options.recent === 'function' ? options.recent(analysis) : options.recent;
  const notified = await notifyAfterAnalysis(workspace, deps, { interest: options.interest, recent, ...(options.alertNewEvents ? { eventIds: analysis.eventIds } : {}) });
  return { ...notified, analysis: { ...analysis, slateSeeded } };
}
