// Use-case planCrawl: enqueues one crawl message per enabled source that is due (the AWS fan-out's first step).
import type { Workspace } from '../model/workspace.js';
import type { SourceStateStore } from '../ports/store.js';
import type { Clock } from '../ports/clock.js';
import type { Queue } from '../ports/queue.js';
import { isDue } from './schedule.js';

import type { CrawlMessage } from '../model/queue-message.js';

export interface PlanCrawlDeps {
  store: Pick<SourceStateStore, 'listSourceStates'>;
  clock: Clock;
  queue: Queue;
}

export interface PlanCrawlResult {
  /** Source ids enqueued for crawling. */
  planned: string[];
  /** Enabled sources not due yet (their schedule or backoff has not elapsed). */
  notDue: string[];
  /** Sources switched off in the workspace. */
  disabled: string[];
}

/**
 * Reads every source state in one query (no scan), then enqueues `{ sourceId }` for each enabled
 * source that was never crawled or whose next due time has come. A send failure throws after
 * the queue adapter's own retries; the next scheduled run plans again, so nothing is lost.
 */
export async function planCrawl(workspace: Pick<Workspace, 'sources'>, deps: PlanCrawlDeps): Promise<PlanCrawlResult> {
  const now = deps.clock.now();
  const states = new Map((await deps.store.listSourceStates()).map((s) => [s.sourceId, s]));
  const result: PlanCrawlResult = { planned: [], notDue: [], disabled: [] };
  for (const source of workspace.sources) {
    if (!source.enabled) result.disabled.push(source.id);
    else if (isDue(states.get(source.id) ?? null, now)) result.planned.push(source.id);
    else result.notDue.push(source.id);
  }
  if (result.planned.length > 0) {
    await deps.queue.send(result.planned.map((sourceId): CrawlMessage => ({ sourceId })));
  }
  return result;
}
