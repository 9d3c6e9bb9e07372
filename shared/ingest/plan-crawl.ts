// Use-case planCrawl: enqueues one crawl message per enabled source that is due (the AWS fan-out's first step).
import type { Workspace } from '../model/workspace.js';
import type { SourceStateStore } from '../ports/store.js';
import type { Clock } from '../ports/clock.js';
import type { Queue } from '../ports/queue.js';
import { isDue } from './schedule.js';

import type { AnalyzeRoundMessage, CrawlMessage } from '../model/queue-message.js';
import { roundId as newRoundId, type CrawlRoundStore } from '../ports/crawl-rounds.js';
import { randomUUID } from 'node:crypto';

/** A round not complete this long after it opened is stuck (a crawl message dead-lettered, a worker died): its analysis starts anyway. */
export const ROUND_STUCK_AFTER_MS = 30 * 60_000;

export interface PlanCrawlDeps {
  store: Pick<SourceStateStore, 'listSourceStates'>;
  clock: Clock;
  queue: Queue;
  /**
   * The fan-in (AWS): the planned sources form a crawl round, whose last crawl worker starts the analysis of
   * everything pending, so the workers analyze what the local cycle analyzes, in the same order. Rounds stuck
   * for ROUND_STUCK_AFTER_MS get their analysis started here.
   */
  rounds?: { store: CrawlRoundStore; analyzeQueue: Queue };
}

export interface PlanCrawlResult {
  /** Source ids enqueued for crawling. */
  planned: string[];
  /** Enabled sources not due yet (their schedule or backoff has not elapsed). */
  notDue: string[];
  /** Sources switched off in the workspace. */
  disabled: string[];
  /** The round the planned sources form (with `rounds`), else null. */
  roundId: string | null;
  /** Stuck rounds whose analysis this run started. */
  stuckRounds: string[];
}

/**
 * Reads every source state in one query (no scan), then enqueues `{ sourceId }` for each enabled
 * source that was never crawled or whose next due time has come. A send failure throws after
 * the queue adapter's own retries; the next scheduled run plans again, so nothing is lost.
 */
export async function planCrawl(workspace: Pick<Workspace, 'sources'>, deps: PlanCrawlDeps): Promise<PlanCrawlResult> {
  const now = deps.clock.now();
  const states = new Map((await deps.store.listSourceStates()).map((s) => [s.sourceId, s]));
  const result: PlanCrawlResult = { planned: [], notDue: [], disabled: [], roundId: null, stuckRounds: [] };
  for (const source of workspace.sources) {
    if (!source.enabled) result.disabled.push(source.id);
    else if (isDue(states.get(source.id) ?? null, now)) result.planned.push(source.id);
    else result.notDue.push(source.id);
  }
  if (deps.rounds) {
    const { store, analyzeQueue } = deps.rounds;
    const id = newRoundId(now, randomUUID().slice(0, 8));
    result.stuckRounds = await store.claimStuck(new Date(now.getTime() - ROUND_STUCK_AFTER_MS).toISOString(), `plan:${id}`);
    if (result.stuckRounds.length > 0) await analyzeQueue.send(result.stuckRounds.map((r): AnalyzeRoundMessage => ({ roundId: r })));
    if (result.planned.length > 0) {
      // Opened before the messages go out, so every worker finds it; a send that fails leaves it stuck, and the next run starts its analysis.
      await store.open({ id, sources: result.planned, openedAt: now.toISOString() });
      result.roundId = id;
    }
  }
  if (result.planned.length > 0) {
    const roundId = result.roundId;
    await deps.queue.send(result.planned.map((sourceId): CrawlMessage => (roundId ? { sourceId, roundId } : { sourceId })));
  }
  return result;
}
