// Lambda handler (SQS analyze queue): a crawl round's message analyzes everything pending (a source's message its items) with
// the local cycle's use-case, one analysis at a time, and sends the alerts once; only failing records fail.
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { PartialItemFailureResponse } from '@aws-lambda-powertools/batch/types';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { analyzeAndNotify } from '../../shared/analysis/analyze-and-notify.js';
import { AnalyzeMessage, AnalyzeRoundMessage, parseMessageBody } from '../../shared/model/queue-message.js';
import type { SurpriseMemo } from '../../shared/analysis/boxoffice-series.js';
import { createVideoLinker } from '../../agents/analyst/embedded/video-link.js';
import { analyzeRuntime, type AnalyzeRuntime } from '../aws/analyze-runtime.js';
import type { IdempotencyLedger } from '../../shared/ports/ledger.js';
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

/** Another analysis holds the lock (a round's analysis still running): the record is retried later; its items stay pending. */
export class AnalysisBusyError extends Error {
  constructor(leaseUntil: string) {
    super(`another analysis is running (its lease ends ${leaseUntil}); the record is retried`);
    this.name = 'AnalysisBusyError';
  }
}

/** One analysis at a time: stories are read, clustered and written back. The lease outlasts the function's timeout. */
export const ANALYSIS_LOCK = 'analysis-run';
const ANALYSIS_LOCK_SECONDS = 16 * 60;
/** A round's analysis hands the rest on to a new message when less than this is left of the invocation. */
const HAND_ON_MS = 90_000;

type Parsed = { kind: 'items'; message: AnalyzeMessage } | { kind: 'round'; message: AnalyzeRoundMessage };

function parseRecord(record: SQSRecord): Parsed {
  let round = false;
  try {
    round = Object.hasOwn(JSON.parse(record.body) as object, 'roundId');
  } catch {
    // parseMessageBody names it
  }
  const parsed = round ? parseMessageBody(AnalyzeRoundMessage, record.body) : parseMessageBody(AnalyzeMessage, record.body);
  if (!parsed.ok) throw new BadAnalyzeMessageError(record.messageId, parsed.reason);
  return round ? { kind: 'round', message: parsed.value as AnalyzeRoundMessage } : { kind: 'items', message: parsed.value as AnalyzeMessage };
}

/**
 * Builds the handler. Per record, holding the analysis lease: analyzeAndNotify on everything pending
 * (a round's `{ roundId }`) or on its item ids (`{ sourceId, itemIds }`; idempotent: items already in
 * a story are not analyzed again), then the alerts for the events it created (exactly once per alert
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

  let invocation: Context | undefined;

  const processRecord = async (record: SQSRecord) => {
    const parsed = parseRecord(record);
    const rt = deps.runtime();
    const owner = `sqs:${record.messageId}`;
    const lock = rt.ledger(owner);
    const claim = await lock.claim(ANALYSIS_LOCK, ANALYSIS_LOCK_SECONDS);
    if (claim.status !== 'claimed') {
      metrics.addMetric(METRIC.analysisBusy, MetricUnit.Count, 1);
      throw new AnalysisBusyError(claim.status === 'in_progress' ? claim.leaseUntil : 'never');
    }
    try {
      return await analyzeRecord(record, parsed, rt, lock);
    } finally {
      await lock.release(ANALYSIS_LOCK);
    }
  };

  // The ledger holding the lock is the message's: its alert claims carry the same owner.
  const analyzeRecord = async (record: SQSRecord, parsed: Parsed, rt: AnalyzeRuntime, ledger: IdempotencyLedger) => {
    // A crawl round's message analyzes everything pending, in time order (the local cycle's input); a source's message its items.
    const sourceId = parsed.kind === 'items' ? parsed.message.sourceId : null;
    const itemIds = parsed.kind === 'items' ? parsed.message.itemIds : undefined;
    const roundId = parsed.kind === 'round' ? parsed.message.roundId : null;
    const workspace = await rt.base.workspace();
    const { analyst } = await rt.analyst(workspace, log);
    const chat = await rt.chat(workspace);
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
        ledger,
        links: await rt.base.links(),
        briefs: rt.briefs(),
        briefWriter: await rt.briefWriter(),
        flags: rt.flags(),
        interest: rt.base.interest(),
        linker,
        surpriseMemo,
      },
      {
        ...(itemIds ? { itemIds } : {}),
        alertNewEvents: true,
        // A round's analysis stops between batches when the invocation nears its timeout, and hands the rest on.
        ...(roundId && invocation ? { timeLeftMs: () => invocation!.getRemainingTimeInMillis() - HAND_ON_MS } : {}),
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
    if (roundId && report.remaining > 0) {
      const continued = (parsed.kind === 'round' ? (parsed.message.continued ?? 0) : 0) + 1;
      await rt.base.analyzeQueue().send([{ roundId, continued } satisfies AnalyzeRoundMessage]);
    }
    const summary = {
      ...(sourceId ? { source: sourceId } : { round: roundId, remaining: report.remaining }),
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
    invocation = context;
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
