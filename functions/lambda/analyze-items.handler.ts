// Lambda handler (SQS analyze queue): analyzes each record's new items (the local cycle's use-case) and sends their alerts once; only failing records fail.
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { PartialItemFailureResponse } from '@aws-lambda-powertools/batch/types';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { analyzeAndNotify } from '../../shared/analysis/analyze-and-notify.js';
import { AnalyzeMessage, parseMessageBody } from '../../shared/model/queue-message.js';
import type { SurpriseMemo } from '../../shared/analysis/boxoffice-series.js';
import { createVideoLinker } from '../../agents/analyst/embedded/video-link.js';
import { analyzeRuntime, type AnalyzeRuntime } from '../aws/analyze-runtime.js';
import { METRIC, SERVICE, createTelemetry, loggerPort, type Telemetry } from '../aws/powertools.js';

/** A record whose body is not an analyze message: it fails, is retried, then lands in the DLQ for a look. */
export class BadAnalyzeMessageError extends Error {
  constructor(messageId: string, reason: string) {
    super(`message ${messageId} is not an analyze message: ${reason}`);
    this.name = 'BadAnalyzeMessageError';
  }
}

/** Slack did not take some alerts: their claims were released, and the record is retried so they go out. */
export class AlertDeliveryError extends Error {
  constructor(failed: number, errors: string[]) {
    super(`${failed} alerts could not be posted (${errors[0] ?? 'unknown error'}); the record is retried`);
    this.name = 'AlertDeliveryError';
  }
}

function parseRecord(record: SQSRecord): AnalyzeMessage {
  const parsed = parseMessageBody(AnalyzeMessage, record.body);
  if (!parsed.ok) throw new BadAnalyzeMessageError(record.messageId, parsed.reason);
  return parsed.value;
}

/**
 * Builds the handler. Per record: analyzeItems on its item ids (idempotent: items already in a
 * story are not analyzed again), then sendAlerts for the events it created (exactly once per alert
 * through the ledger). A record fails, and SQS redelivers it, when the store, the analyst or Slack
 * failed. On a redelivery, or when every item was analyzed before (a replay from the DLQ), the
 * alert candidates also include the recent events, so an alert whose first post failed still goes out.
 */
export function createAnalyzeItemsHandler(deps: { runtime: () => AnalyzeRuntime; telemetry: Telemetry }) {
  const { logger, metrics } = deps.telemetry;
  const log = loggerPort(logger);
  const processor = new BatchProcessor(EventType.SQS);
  // Per container: the latest chart's surprises are read once, not for every record of every batch.
  const surpriseMemo: SurpriseMemo = {};
  // The interest step reads every tracked title: once per container every 15 minutes, not for every record.
  let interestRunAt = 0;
  const linker = createVideoLinker();

  const processRecord = async (record: SQSRecord) => {
    const { sourceId, itemIds } = parseRecord(record);
    const rt = deps.runtime();
    const workspace = await rt.base.workspace();
    const { analyst } = await rt.analyst(workspace, log);
    const chat = await rt.chat();
    const redelivered = Number(record.attributes?.ApproximateReceiveCount ?? '1') > 1;
    const runInterest = Date.now() - interestRunAt > 15 * 60_000;
    // The local cycle's use-case: slate, analysis, collisions (a year ahead) with their drafted briefs, surprises,
    // interest, then the alerts, each posted once (claims owned by the SQS message: its redelivery after a crash takes them over at once).
    const result = await analyzeAndNotify(
      workspace,
      {
        items: rt.base.store(),
        store: rt.base.store(),
        analysis: rt.analysis(),
        analyst,
        clock: rt.base.clock,
        hint: rt.hint(workspace),
        log,
        chat,
        ledger: rt.ledger(`sqs:${record.messageId}`),
        links: await rt.base.links(),
        briefs: rt.briefs(),
        flags: rt.flags(),
        interest: rt.base.interest(),
        linker,
        surpriseMemo,
      },
      {
        itemIds,
        alertNewEvents: true,
        // On a redelivery, or when every item was analyzed before (a replay from the DLQ), the recent events too,
        // so an alert whose first post failed still goes out.
        recent: (report) => redelivered || (report.items > 0 && report.stories === 0 && report.joinedExisting === 0),
        interest: runInterest ? 'update' : 'skip',
      },
    );
    if (result.interest) interestRunAt = Date.now();
    const report = result.analysis;
    metrics.addMetric(METRIC.itemsAnalyzed, MetricUnit.Count, report.items);
    metrics.addMetric(METRIC.eventsCreated, MetricUnit.Count, report.events);
    if (analyst.info.kind === 'llm') {
      // The fallback rate and the budget alarms (infra/constructs/analyze.construct.ts) are built from these.
      metrics.addMetric(METRIC.llmStories, MetricUnit.Count, report.storiesAnalyzed);
      metrics.addMetric(METRIC.llmFallbacks, MetricUnit.Count, report.fallbacks);
      metrics.addMetric(METRIC.tokenBudgetFallbacks, MetricUnit.Count, report.budgetFallbacks);
      metrics.addMetric(METRIC.modelTokens, MetricUnit.Count, report.promptTokens + report.completionTokens);
      if (report.budgetFallbacks > 0) logger.warn('token budget reached: stories went to the embedded analyst', { source: sourceId, stories: report.budgetFallbacks, tokens: report.promptTokens + report.completionTokens });
    }
    const { alerts, briefs } = result;
    if (alerts) {
      metrics.addMetric(METRIC.alertsSent, MetricUnit.Count, alerts.sent);
      // Failed (claims released) or unknown (no answer from Slack, claims left "sending"): the redelivery settles them.
      if (alerts.failed + alerts.unknown > 0) {
        metrics.addMetric(METRIC.alertsFailed, MetricUnit.Count, alerts.failed + alerts.unknown);
        throw new AlertDeliveryError(alerts.failed + alerts.unknown, alerts.errors);
      }
    }
    const summary = {
      source: sourceId,
      items: report.items,
      stories: report.stories,
      joinedExisting: report.joinedExisting,
      events: report.events,
      analyst: report.analyst,
      tokens: report.promptTokens + report.completionTokens,
      fallbacks: report.fallbacks,
      budgetFallbacks: report.budgetFallbacks,
      alerts: alerts ? { sent: alerts.sent, skipped: alerts.skipped, deferred: alerts.deferred } : 'no Slack secret configured',
      briefs: briefs ? { drafted: briefs.drafted, existing: briefs.existing, skippedFlagged: briefs.skippedFlagged } : null,
    };
    logger.info('items analyzed', summary);
    return summary;
  };

  return async (event: SQSEvent, context?: Context): Promise<PartialItemFailureResponse> => {
    if (context) logger.addContext(context);
    try {
      // One record at a time: records of one batch often share stories, and clustering reads then writes them.
      const response = await processPartialResponse(event, processRecord, processor, { context, processInParallel: false });
      if (response.batchItemFailures.length > 0) {
        logger.error('records failed, SQS will retry them', {
          failed: response.batchItemFailures.map((f) => f.itemIdentifier),
          errors: processor.errors.map((e) => `${e.name}: ${e.message}`),
        });
      }
      return response;
    } catch (err) {
      logger.error('every record of the batch failed', { error: err as Error, errors: processor.errors.map((e) => `${e.name}: ${e.message}`) });
      throw err;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

export const handler = createAnalyzeItemsHandler({ runtime: analyzeRuntime, telemetry: createTelemetry(SERVICE.analyzeItems) });
