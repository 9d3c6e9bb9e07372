// Lambda handler (EventBridge Scheduler, weekly): sends this week's digest once through SES v2; a retry never sends twice.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { digestWasSent, sendDigest, type SendDigestResult } from '../../shared/delivery/digest/send-digest.js';
import { SesMailer } from '../../shared/delivery/mail/ses.mailer.js';
import type { Mailer } from '../../shared/ports/mailer.js';
import { awsStores } from '../aws/stores.js';
import { isoWeekOf } from '../../shared/util/week.js';
import { required } from '../aws/env.js';
import { awsRuntime, clientOptions, type AwsRuntime } from '../aws/runtime.js';
import { workspaceAsOf } from '../../shared/util/as-of.js';
import type { Workspace } from '../../shared/model/workspace.js';
import type { Clock } from '../../shared/ports/clock.js';
import { DIGEST_CHECK_DELAY_MINUTES, METRIC, SERVICE, createTelemetry, loggerPort, type Telemetry } from '../aws/powertools.js';

/**
 * The scheduler's input: the scheduled time of the invocation (`<aws.scheduler.scheduled-time>`),
 * which Scheduler's and Lambda's retries repeat; a manual run may name a week ("2026-W48") to
 * re-send or backfill, otherwise the current local week.
 */
export interface DigestEvent {
  week?: string;
  scheduledTime?: string;
  /**
   * The check schedule's invocation, DIGEST_CHECK_DELAY_MINUTES after the weekly slot: sends nothing, only says
   * whether the slot's week has its digest (DigestDelivered) or not (DigestMissing, which alarms).
   */
  check?: boolean;
}

/** What a check invocation reports. */
export interface DigestCheckResult {
  week: string;
  status: 'checked';
  sent: boolean;
}

const WEEK = /^\d{4}-W\d{2}$/;
const SCHEDULED_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/**
 * Who holds the week's claim: the scheduled invocation (its scheduled time, the same on every retry
 * of it), else the Lambda request. A retry of the same invocation takes over the claim a crashed
 * attempt left, so the digest goes out within the retries instead of after the 15-minute lease.
 */
export function digestInvocationOwner(event: DigestEvent | null | undefined, context?: Pick<Context, 'awsRequestId'>): string {
  if (event?.scheduledTime) return `schedule:${event.scheduledTime}`;
  return `invoke:${context?.awsRequestId ?? randomUUID()}`;
}

/**
 * The week a scheduled run sends: the local week of its scheduled time (a retry hours later still sends that week),
 * else of the workspace's "now" (its pinned clock, as in the local cycle, else the clock).
 */
function weekOf(event: DigestEvent | null | undefined, workspace: Workspace, clock: Clock, minus = 0): string {
  const at = event?.scheduledTime ? new Date(Date.parse(event.scheduledTime) - minus) : new Date(workspaceAsOf(workspace, clock).instant.getTime() - minus);
  return isoWeekOf(at, workspace.timezone);
}

/** Builds the handler around a runtime and a mailer provider, so tests can inject SES faults. */
export function createSendDigestHandler(deps: { runtime: () => AwsRuntime; mailer: (rt: AwsRuntime) => Mailer; telemetry: Telemetry }) {
  const { logger, metrics } = deps.telemetry;
  const log = loggerPort(logger);
  return async (event: DigestEvent | null | undefined, context?: Context): Promise<SendDigestResult | DigestCheckResult> => {
    if (context) logger.addContext(context);
    try {
      const week = event?.week;
      if (week !== undefined && !WEEK.test(week)) throw new Error(`event.week must look like 2026-W48, not "${week}"`);
      const scheduledTime = event?.scheduledTime;
      if (scheduledTime !== undefined && !SCHEDULED_TIME.test(scheduledTime)) throw new Error(`event.scheduledTime must be an ISO time in UTC, not "${scheduledTime}"`);
      const rt = deps.runtime();
      const workspace = await rt.workspace();
      const stores = awsStores(rt);
      if (event?.check) {
        // The slot this check follows: its week is the one that should have gone out.
        const checked = week ?? weekOf(event, workspace, rt.clock, DIGEST_CHECK_DELAY_MINUTES * 60_000);
        const sent = await digestWasSent(workspace, { ledger: stores.ledger() }, checked);
        if (sent) metrics.addMetric(METRIC.digestDelivered, MetricUnit.Count, 1);
        else {
          metrics.addMetric(METRIC.digestMissing, MetricUnit.Count, 1);
          logger.error('the weekly digest was not sent by the hour after its slot', { week: checked, scheduledTime: event.scheduledTime });
        }
        return { week: checked, status: 'checked', sent };
      }
      const result = await sendDigest(
        workspace,
        {
          analysis: stores.analysis(),
          store: stores.store,
          ledger: stores.ledger({ owner: digestInvocationOwner(event, context), takeOver: 'same-owner' }),
          digests: stores.digests(),
          interest: stores.interest(),
          mailer: deps.mailer(rt),
          clock: rt.clock,
          log,
          // Brief links and signed "flag as wrong" links on every line, as in the local cycle's digest.
          links: await rt.links(),
        },
        { week: week ?? weekOf(event, workspace, rt.clock), from: required(rt.env, 'MAIL_FROM') },
      );
      if (result.status === 'sent') metrics.addMetric(METRIC.digestsSent, MetricUnit.Count, 1);
      // The week has its digest (now or earlier): the "no digest this week" alarm watches for this metric's absence.
      if (result.status === 'sent' || result.status === 'already_sent') metrics.addMetric(METRIC.digestDelivered, MetricUnit.Count, 1);
      for (const w of result.warnings ?? []) logger.error('digest sent with a problem after sending', { week: result.week, problem: w });
      logger.info('digest', { week: result.week, status: result.status, messageId: result.messageId });
      return result;
    } catch (err) {
      // Nothing went out (the claim was released, or left to this invocation's retry): Lambda retries (twice), then the failure queue alarms.
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
  mailer: (rt) =>
    (ses ??= new SesMailer(new SESv2Client(clientOptions(rt.env.AWS_ENDPOINT_URL_SESV2, rt.env.AWS_REGION)), { configurationSet: rt.env.SES_CONFIGURATION_SET })),
  telemetry: createTelemetry(SERVICE.sendDigest),
});
