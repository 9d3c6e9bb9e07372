// Lambda handler (EventBridge Scheduler target): opens a crawl round and enqueues one crawl message per enabled source that is due.
import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { planCrawl } from '../../shared/ingest/plan-crawl.js';
import { awsRuntime, type AwsRuntime } from '../aws/runtime.js';
import { METRIC, SERVICE, createTelemetry, type Telemetry } from '../aws/powertools.js';

export interface PlanCrawlSummary {
  planned: number;
  notDue: number;
  disabled: number;
  /** The crawl round the planned sources form (null when none was planned). */
  roundId: string | null;
  /** Stuck rounds whose analysis this run started. */
  stuckRounds: number;
}

/** Builds the handler around a runtime provider, so tests can hand it adapters over mocked or local services. */
export function createPlanCrawlHandler(deps: { runtime: () => AwsRuntime; telemetry: Telemetry }) {
  const { logger, metrics } = deps.telemetry;
  return async (_event: unknown, context?: Context): Promise<PlanCrawlSummary> => {
    if (context) logger.addContext(context);
    try {
      const rt = deps.runtime();
      const workspace = await rt.workspace();
      const result = await planCrawl(workspace, {
        store: rt.store(),
        clock: rt.clock,
        queue: rt.crawlQueue(),
        rounds: { store: rt.rounds(), analyzeQueue: rt.analyzeQueue() },
      });
      const summary = {
        planned: result.planned.length,
        notDue: result.notDue.length,
        disabled: result.disabled.length,
        roundId: result.roundId,
        stuckRounds: result.stuckRounds.length,
      };
      logger.info('crawl planned', { ...summary, planned: result.planned });
      if (result.stuckRounds.length > 0) {
        logger.warn('crawl rounds stuck (a crawl message dead-lettered or a worker died): their analysis started anyway', { rounds: result.stuckRounds });
        metrics.addMetric(METRIC.roundsStuck, MetricUnit.Count, result.stuckRounds.length);
      }
      metrics.addMetric(METRIC.sourcesPlanned, MetricUnit.Count, result.planned.length);
      return summary;
    } catch (err) {
      // The next scheduled run plans again; the Errors alarm reports a planner that keeps failing.
      logger.error('crawl planning failed', { error: err as Error });
      throw err;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export const handler = createPlanCrawlHandler({ runtime: awsRuntime, telemetry: createTelemetry(SERVICE.planCrawl) });
