// Lambda handler (SQS crawl queue): crawls each record's source and hands new items to the analyze queue; only failing records fail.
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { PartialItemFailureResponse } from '@aws-lambda-powertools/batch/types';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { crawlAndHandOff, failingForADay, finishInRound } from '../../shared/ingest/crawl-handoff.js';
import { awsRuntime, type AwsRuntime } from '../aws/runtime.js';
import { CrawlMessage, parseMessageBody } from '../../shared/model/queue-message.js';
import { METRIC, SERVICE, createTelemetry, loggerPort, type Telemetry } from '../aws/powertools.js';


/** A record whose body is not a crawl message: it fails, is retried, then lands in the DLQ for a look. */
export class BadMessageError extends Error {
  constructor(messageId: string, reason: string) {
    super(`message ${messageId} is not a crawl message: ${reason}`);
    this.name = 'BadMessageError';
  }
}

function parseRecord(record: SQSRecord): CrawlMessage {
  const parsed = parseMessageBody(CrawlMessage, record.body);
  if (!parsed.ok) throw new BadMessageError(record.messageId, parsed.reason);
  return parsed.value;
}

/**
 * Builds the handler. A record fails (and SQS retries it, then dead-letters it) only when storage,
 * the object store or the analyze queue failed; a source's own failure is recorded in its state.
 */
export function createCrawlSourceHandler(deps: { runtime: () => AwsRuntime; telemetry: Telemetry }) {
  const { logger, metrics } = deps.telemetry;
  const log = loggerPort(logger);
  const processor = new BatchProcessor(EventType.SQS);

  const processRecord = async (record: SQSRecord) => {
    const { sourceId, roundId } = parseRecord(record);
    const rt = deps.runtime();
    const workspace = await rt.workspace();
    const source = workspace.sources.find((s) => s.id === sourceId);
    // In a round, the worker that completes it starts the analysis of everything pending (the local cycle's order).
    const finish = async () => (roundId ? finishInRound({ rounds: rt.rounds(), analyzeQueue: rt.analyzeQueue() }, roundId, sourceId, record.messageId) : null);
    if (!source?.enabled) {
      // Removed or switched off since the message was planned: nothing to do, nothing to retry.
      logger.warn('source no longer crawled, message dropped', { source: sourceId, reason: source ? 'disabled' : 'not in workspace' });
      const round = await finish();
      return { sourceId, status: 'dropped', ...(round ? { round } : {}) };
    }
    const { crawl, state, handedOff } = await crawlAndHandOff(workspace, source, {
      fetcher: rt.fetcher(workspace),
      store: rt.store(),
      objects: rt.objects(),
      interest: rt.interest(),
      clock: rt.clock,
      log,
      analyzeQueue: rt.analyzeQueue(),
      ...(roundId ? { markPending: (ids: string[]) => rt.markPending(ids) } : {}),
    });
    const round = await finish();
    if (round === 'complete' || round === 'unknown') metrics.addMetric(METRIC.roundsCompleted, MetricUnit.Count, 1);
    metrics.addMetric(METRIC.newItems, MetricUnit.Count, crawl.newItems);
    metrics.addMetric(METRIC.itemsHandedOff, MetricUnit.Count, handedOff.length);
    const summary = {
      source: source.id,
      status: crawl.status,
      newItems: crawl.newItems,
      handedOff: handedOff.length,
      durationMs: crawl.durationMs,
      nextDueAt: crawl.nextDueAt,
      ...(roundId ? { round: { id: roundId, progress: round } } : {}),
    };
    if (crawl.status === 'error') {
      const single = metrics.singleMetric();
      single.addDimension('source', source.id);
      single.addMetric(METRIC.sourceFailed, MetricUnit.Count, 1);
      const longFailing = state !== null && failingForADay(state, source, rt.clock.now());
      if (longFailing) metrics.addMetric(METRIC.sourceFailingForADay, MetricUnit.Count, 1);
      logger.warn('source failed', {
        ...summary,
        errorCode: crawl.errorCode,
        reason: crawl.error,
        consecutiveFailures: state?.consecutiveFailures,
        lastSuccessAt: state?.lastSuccessAt,
        failingForADay: longFailing,
      });
    } else {
      logger.info('source crawled', summary);
    }
    return summary;
  };

  return async (event: SQSEvent, context?: Context): Promise<PartialItemFailureResponse> => {
    if (context) logger.addContext(context);
    try {
      const response = await processPartialResponse(event, processRecord, processor, { context });
      if (response.batchItemFailures.length > 0) {
        logger.error('records failed, SQS will retry them', {
          failed: response.batchItemFailures.map((f) => f.itemIdentifier),
          errors: processor.errors.map((e) => `${e.name}: ${e.message}`),
        });
      }
      return response;
    } catch (err) {
      // Every record failed (Powertools throws so the whole batch is retried, and the Errors alarm sees it).
      logger.error('every record of the batch failed', { error: err as Error, errors: processor.errors.map((e) => `${e.name}: ${e.message}`) });
      throw err;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export const handler = createCrawlSourceHandler({ runtime: awsRuntime, telemetry: createTelemetry(SERVICE.crawlSource) });
