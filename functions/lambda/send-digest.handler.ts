// Lambda handler (EventBridge Scheduler, weekly): sends this week's digest once through SES v2; a retry never sends twice.
import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { sendDigest, type SendDigestResult } from '../../shared/delivery/digest/send-digest.js';
import { SesMailer } from '../../shared/delivery/mail/ses.mailer.js';
import type { Mailer } from '../../shared/ports/mailer.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { DynamoDigestStore } from '../../shared/store/dynamo-query.store.js';
import { isoWeekOf } from '../../shared/util/week.js';
import { required } from '../aws/env.js';
import { awsRuntime, type AwsRuntime } from '../aws/runtime.js';
import { METRIC, SERVICE, createTelemetry, loggerPort, type Telemetry } from '../aws/powertools.js';

/** The scheduler's input may name a week ("2026-W48") to re-send or backfill; otherwise the current local week. */
export interface DigestEvent {
  week?: string;
}

const WEEK = /^\d{4}-W\d{2}$/;

/** Builds the handler around a runtime and a mailer provider, so tests can inject SES faults. */
export function createSendDigestHandler(deps: { runtime: () => AwsRuntime; mailer: (rt: AwsRuntime) => Mailer; telemetry: Telemetry }) {
  const { logger, metrics } = deps.telemetry;
  const log = loggerPort(logger);
  return async (event: DigestEvent | null | undefined, context?: Context): Promise<SendDigestResult> => {
    if (context) logger.addContext(context);
    try {
      const week = event?.week;
      if (week !== undefined && !WEEK.test(week)) throw new Error(`event.week must look like 2026-W48, not "${week}"`);
      const rt = deps.runtime();
      const workspace = await rt.workspace();
      const tableAccess = rt.store().tableAccess;
      const result = await sendDigest(
        workspace,
        {
          analysis: new DynamoAnalysisStore(tableAccess),
          store: rt.store(),
          ledger: new DynamoLedger(tableAccess),
          digests: new DynamoDigestStore(tableAccess),
          interest: rt.interest(),
          mailer: deps.mailer(rt),
          clock: rt.clock,
          log,
        },
        { week: week ?? isoWeekOf(rt.clock.now(), workspace.timezone), from: required(rt.env, 'MAIL_FROM') },
      );
      if (result.status === 'sent') metrics.addMetric(METRIC.digestsSent, MetricUnit.Count, 1);
      logger.info('digest', { week: result.week, status: result.status, messageId: result.messageId });
      return result;
    } catch (err) {
      // The claim was released: Lambda retries (twice), then the failure queue alarms.
      logger.error('digest failed', { error: err as Error });
      throw err;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

let ses: SesMailer | null = null;

export const handler = createSendDigestHandler({
  runtime: awsRuntime,
  mailer: (rt) => (ses ??= new SesMailer(new SESv2Client({ region: rt.env.AWS_REGION }), { configurationSet: rt.env.SES_CONFIGURATION_SET })),
  telemetry: createTelemetry(SERVICE.sendDigest),
});
