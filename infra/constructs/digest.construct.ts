// The deliver capability's digest: EventBridge Scheduler weekly at the workspace's local time -> digest function -> SES v2 from one identity.
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DIGEST_CHECK_DELAY_MINUTES, METRIC, METRICS_NAMESPACE, SERVICE } from '../../functions/aws/metric-names.js';
import type { InfraConfig } from '../config.js';
import { acknowledge } from '../nag.js';
import { MarqueeFunction, type TableAction } from './marquee-function.construct.js';
import type { Monitoring } from './monitoring.construct.js';
import type { WorkspaceSecret } from './workspace-secret.construct.js';

export interface DigestProps {
  table: dynamodb.ITableV2;
  workspace: WorkspaceSecret;
  monitoring: Monitoring;
  /** The workspace's IANA timezone: the schedule fires at digestHour:digestMinute local time, DST included. */
  timezone: string;
  config: Pick<InfraConfig, 'mailFrom' | 'sesIdentity' | 'digestDay' | 'digestHour' | 'digestMinute' | 'logRetentionDays' | 'linkSecretName'> & { mailFrom: string };
  /** Where people reach the web page (the query Function URL): brief and "flag as wrong" links in the digest. */
  publicUrl?: string;
}

/**
 * Events by week, releases, charts (Query on gsi1/gsi2), cited items (BatchGetItem), the digest
 * ledger (conditional Put, Update, Delete, Get) and the digest archive (PutItem). The handler test
 * checks every call it makes is in this list.
 */
export const DIGEST_TABLE_ACTIONS: TableAction[] = ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'];

export class DigestConstruct extends Construct {
  readonly fn: MarqueeFunction;
  readonly identity: ses.EmailIdentity;
  readonly identityName: string;
  readonly schedule: scheduler.Schedule;
  /** DIGEST_CHECK_DELAY_MINUTES after the weekly slot: invokes the function with `check`, which alarms if the week was not sent. */
  readonly checkSchedule: scheduler.Schedule;
  /** The week's digest was not sent by the hour after its slot. */
  readonly notSentAlarm: cloudwatch.Alarm;
  /** Digest invocations that failed after Lambda's retries (the event, for a manual re-run). */
  readonly failures: sqs.Queue;
  /** Scheduler invocations that could not be delivered to the function. */
  readonly scheduleDeadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DigestProps) {
    super(scope, id);
    const { config, monitoring } = props;
    const stack = Stack.of(this);
    this.identityName = config.sesIdentity ?? config.mailFrom;
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: this.identityName.includes('@') ? ses.Identity.email(this.identityName) : ses.Identity.domain(this.identityName),
    });
    const identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: this.identityName });

    const dlq = (qid: string, what: string) => {
      const q = new sqs.Queue(this, qid, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
      acknowledge(q, 'SQS3', `this queue is itself a dead-letter queue: ${what}`);
      return q;
    };
    this.failures = dlq('FailureQueue', 'the digest function\'s failed asynchronous invocations');
    this.scheduleDeadLetterQueue = dlq('ScheduleDlq', 'the digest schedule\'s undeliverable invocations');

    this.fn = new MarqueeFunction(this, 'Fn', {
      entry: 'sendDigest',
      serviceName: SERVICE.sendDigest,
      description: 'Marquee: build and send the weekly digest once (SES v2)',
      memoryMb: 1024,
      timeout: Duration.minutes(2),
      logRetention: config.logRetentionDays as logs.RetentionDays,
      // The ledger makes a retry safe: a digest already sent is not sent again.
      retryAttempts: 2,
      onFailure: new SqsDestination(this.failures),
    })
      .useTable(props.table, DIGEST_TABLE_ACTIONS)
      .useWorkspace(props.workspace)
      .sendsMailAs(identityArn, config.mailFrom);
    // The same links as the analyze worker's alerts and the local cycle's digest.
    if (config.linkSecretName && props.publicUrl) {
      this.fn.readsSecret(config.linkSecretName, 'LINK_SECRET_NAME');
      this.fn.fn.addEnvironment('PUBLIC_URL', props.publicUrl);
    }

    const role = this.scheduleRole();
    const slot = { day: config.digestDay, hour: config.digestHour, minute: config.digestMinute };
    this.schedule = this.createSchedule('Schedule', role, props.timezone, slot, 'weekly digest', {}, 3);
    const check = digestCheckSlot(slot);
    this.checkSchedule = this.createSchedule('CheckSchedule', role, props.timezone, check, `weekly digest check (${DIGEST_CHECK_DELAY_MINUTES} min after the digest)`, { check: true }, 2);
    monitoring.watchFunction(this.fn, 'digest');
    monitoring.watchDeadLetterQueue(
      this.failures,
      this.failures,
      'weekly digest',
      `the digest failed three times; fix the cause, then run: aws lambda invoke --function-name ${this.fn.fn.functionName} --invocation-type Event /dev/null`,
    );
    monitoring.watchDeadLetterQueue(this.scheduleDeadLetterQueue, this.scheduleDeadLetterQueue, 'digest schedule', 'check the schedule role; then invoke the digest function by hand');
    const due = `${slotText(slot)} ${props.timezone}`;
    // The precise alarm: the check an hour after the slot emits DigestMissing when the slot's week has no digest
    // (a crash inside the claim's lease, SES down past the retries, an empty recipient list refused, ...).
    this.notSentAlarm = monitoring.alarm(this, 'DigestNotSentAlarm', {
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: METRIC.digestMissing,
        dimensionsMap: { service: SERVICE.sendDigest },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.hours(1),
      }),
      description: `The weekly digest due ${due} was not sent by ${slotText(check)}. Look at the digest function's log and failure queue, then send it: aws lambda invoke --function-name ${this.fn.fn.functionName} --invocation-type Event --payload '{}' /dev/null`,
    });
    // The backstop, for when nothing runs at all (both schedules disabled or deleted, the function never starting):
    // the function emits DigestDelivered whenever it finds the week sent, at the slot and again at the check. CloudWatch
    // evaluates at most 7 days: 168 hourly periods. The check's data point an hour after the slot leaves 167 hours to
    // the next slot, so a week whose digest is sent on time does not breach; a week with none breaches about an hour
    // after the check. In the week the clocks go back the next slot comes 169 hours after the last and that margin
    // shrinks to the minute the digest takes (a brief alarm is possible then). Also in alarm after the first deploy
    // until the first digest goes out. The precise alarm is DigestNotSentAlarm above.
    monitoring.absenceAlarm(this, 'NoDigestAlarm', {
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: METRIC.digestDelivered,
        dimensionsMap: { service: SERVICE.sendDigest },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.hours(1),
      }),
      periods: 168,
      description: `No weekly digest was seen delivered in the last 7 days; it is due ${due}. Are the digest schedules enabled? Look at the digest function's log and failure queue, then send it: aws lambda invoke --function-name ${this.fn.fn.functionName} --invocation-type Event --payload '{}' /dev/null. (Also in alarm after the first deploy until the first digest goes out.)`,
    });
    monitoring.dashboard.addWidgets(
      new cloudwatch.TextWidget({ markdown: '## Digest', width: 24, height: 1 }),
      new cloudwatch.GraphWidget({
        title: 'Digests sent (per day)',
        left: [
          new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName: METRIC.digestsSent, dimensionsMap: { service: SERVICE.sendDigest }, statistic: cloudwatch.Stats.SUM, period: Duration.days(1) }),
        ],
        width: 24,
      }),
    );
  }

  private scheduleRole(): iam.Role {
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'ScheduleRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'EventBridge Scheduler: invoke the Marquee digest function',
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.fn.functionArn] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.scheduleDeadLetterQueue.queueArn] }));
    return role;
  }

  private createSchedule(id: string, role: iam.IRole, timezone: string, slot: WeeklySlot, what: string, input: Record<string, unknown>, retries: number): scheduler.Schedule {
    const fn = this.fn.fn;
    const dlq = this.scheduleDeadLetterQueue;
    return new scheduler.Schedule(this, id, {
      description: `Marquee: ${what}, ${slotText(slot)} ${timezone}`,
      schedule: scheduler.ScheduleExpression.cron({
        minute: String(slot.minute),
        hour: String(slot.hour),
        weekDay: slot.day,
        timeZone: TimeZone.of(timezone),
      }),
      timeWindow: scheduler.TimeWindow.off(),
      target: {
        bind: () => ({
          arn: fn.functionArn,
          role,
          // The same on every retry of one scheduled run: the function lets a retry take over its crashed attempt's claim.
          input: scheduler.ScheduleTargetInput.fromObject({ ...input, scheduledTime: scheduler.ContextAttribute.scheduledTime }),
          // A digest is worth sending late the same day, not a day later.
          retryPolicy: { maximumRetryAttempts: retries, maximumEventAgeInSeconds: 6 * 3600 },
          deadLetterConfig: { arn: dlq.queueArn },
        }),
      },
    });
  }
}

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export interface WeeklySlot {
  day: (typeof DAYS)[number];
  hour: number;
  minute: number;
}

/** "MON 08:00". */
export function slotText(slot: WeeklySlot): string {
  return `${slot.day} ${String(slot.hour).padStart(2, '0')}:${String(slot.minute).padStart(2, '0')}`;
}

/** The check's local time: DIGEST_CHECK_DELAY_MINUTES after the slot, on the next day when that passes midnight. */
export function digestCheckSlot(slot: WeeklySlot): WeeklySlot {
  const total = slot.hour * 60 + slot.minute + DIGEST_CHECK_DELAY_MINUTES;
  const day = DAYS[(DAYS.indexOf(slot.day) + Math.floor(total / 1440)) % 7]!;
  return { day, hour: Math.floor((total % 1440) / 60), minute: total % 60 };
}
