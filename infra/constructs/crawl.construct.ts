// The crawl capability: schedule -> planner -> crawl queue (+DLQ) -> crawl worker -> analyze queue (+DLQ), with alarms.
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, SERVICE } from '../../functions/aws/metric-names.js';
import type { InfraConfig } from '../config.js';
import { acknowledge } from '../nag.js';
import { MarqueeFunction } from './marquee-function.construct.js';
import type { Monitoring } from './monitoring.construct.js';
import { WorkQueue } from './work-queue.construct.js';
import type { WorkspaceSecret } from './workspace-secret.construct.js';

export interface CrawlProps {
  table: dynamodb.ITableV2;
  bucket: s3.IBucket;
  workspace: WorkspaceSecret;
  monitoring: Monitoring;
  config: Pick<InfraConfig, 'crawlEveryMinutes' | 'crawlBatchSize' | 'crawlMaxConcurrency' | 'maxReceiveCount' | 'logRetentionDays'>;
}

/** Prefix of raw snapshot keys (crawlSource writes `raw/<source>/<day>/...`). */
export const SNAPSHOT_PREFIX = 'raw/';

const WORKER_TIMEOUT = Duration.seconds(90);
/** The analyze worker (analyze.construct.ts) consumes it; its timeout stays within a sixth of this. */
const ANALYZE_VISIBILITY = Duration.minutes(15);

export class CrawlConstruct extends Construct {
  readonly planner: MarqueeFunction;
  readonly worker: MarqueeFunction;
  readonly crawlQueue: WorkQueue;
  /**
   * Analysis work, consumed by the analyze capability: `{ roundId }` when a crawl round is complete (analyze
   * everything pending), `{ sourceId, itemIds }` from a crawl message outside a round.
   */
  readonly analyzeQueue: WorkQueue;
  readonly schedule: scheduler.Schedule;
  readonly scheduleDeadLetterQueue: sqs.Queue;
  /** Planner runs that failed after Lambda's retries (the invocation record, for a look). */
  readonly plannerFailures: sqs.Queue;

  constructor(scope: Construct, id: string, props: CrawlProps) {
    super(scope, id);
    const { config, monitoring } = props;
    const logRetention = config.logRetentionDays as logs.RetentionDays;

    this.crawlQueue = new WorkQueue(this, 'CrawlQueue', {
      label: 'crawl queue',
      visibilityTimeout: Duration.seconds(WORKER_TIMEOUT.toSeconds() * 6),
      maxReceiveCount: config.maxReceiveCount,
      // A crawl message older than a day is stale: the planner sends a fresh one every run.
      retention: Duration.days(1),
      monitoring,
    });
    this.analyzeQueue = new WorkQueue(this, 'AnalyzeQueue', {
      label: 'analyze queue',
      visibilityTimeout: ANALYZE_VISIBILITY,
      maxReceiveCount: config.maxReceiveCount,
      // Items wait here until analysis consumes them; keep them as long as SQS allows.
      retention: Duration.days(14),
      monitoring,
    });

    this.plannerFailures = new sqs.Queue(this, 'PlannerFailureDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.plannerFailures, 'SQS3', 'this queue is itself a dead-letter queue: the crawl planner\'s failed asynchronous invocations');

    this.planner = new MarqueeFunction(this, 'Planner', {
      entry: 'planCrawl',
      serviceName: SERVICE.planCrawl,
      description: 'Marquee: open a crawl round, enqueue one crawl message per due source',
      timeout: Duration.seconds(30),
      logRetention,
      // Retried twice within one period (a retry that also fails is recorded, not dropped): sending a
      // crawl message twice is safe, the crawl dedupes items with conditional writes.
      retryAttempts: 2,
      maxEventAge: Duration.minutes(Math.max(1, config.crawlEveryMinutes)),
      onFailure: new SqsDestination(this.plannerFailures),
    })
      // Query: source states (gsi1) and stuck crawl rounds (base table); PutItem/UpdateItem: open a round, trigger a stuck one.
      .useTable(props.table, ['Query', 'PutItem', 'UpdateItem'], ['gsi1'])
      .useWorkspace(props.workspace)
      .sendsTo(this.crawlQueue.queue, 'CRAWL_QUEUE_URL')
      // A stuck round's analysis message.
      .sendsTo(this.analyzeQueue.queue, 'ANALYZE_QUEUE_URL');

    this.worker = new MarqueeFunction(this, 'Worker', {
      entry: 'crawlSource',
      serviceName: SERVICE.crawlSource,
      description: 'Marquee: crawl one source per message, hand new items to analysis',
      memoryMb: 512,
      timeout: WORKER_TIMEOUT,
      logRetention,
    })
      // GetItem/PutItem: source state and items; BatchGetItem: which items are known;
      // Query (base table only) and BatchWriteItem: box-office charts, pending markers; UpdateItem: the crawl round.
      .useTable(props.table, ['GetItem', 'BatchGetItem', 'PutItem', 'Query', 'BatchWriteItem', 'UpdateItem'], [])
      .useBucket(props.bucket, SNAPSHOT_PREFIX)
      .useWorkspace(props.workspace)
      .sendsTo(this.analyzeQueue.queue, 'ANALYZE_QUEUE_URL');
    this.worker.fn.addEventSource(
      new SqsEventSource(this.crawlQueue.queue, {
        batchSize: config.crawlBatchSize,
        reportBatchItemFailures: true,
        maxConcurrency: config.crawlMaxConcurrency,
      }),
    );

    this.scheduleDeadLetterQueue = new sqs.Queue(this, 'ScheduleDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.scheduleDeadLetterQueue, 'SQS3', 'this queue is itself a dead-letter queue: the crawl schedule\'s, for invocations EventBridge Scheduler could not deliver');
    monitoring.watchDeadLetterQueue(this.scheduleDeadLetterQueue, this.scheduleDeadLetterQueue, 'crawl schedule', 'check the planner\'s permissions; the next scheduled run plans again, nothing needs replaying');
    this.schedule = this.createSchedule(config.crawlEveryMinutes);
    monitoring.watchDeadLetterQueue(
      this.plannerFailures,
      this.plannerFailures,
      'crawl planner',
      'a planner run failed three times (its log says why); the next scheduled run plans again, so after fixing the cause purge the queue',
    );

    monitoring.watchFunction(this.planner, 'crawl planner');
    monitoring.watchFunction(this.worker, 'crawl worker');
    this.alarmOnLongFailingSources(monitoring);
    this.addDashboardRow(monitoring);
  }

  /** EventBridge Scheduler invoking the planner every N minutes, with a role that may invoke only the planner. */
  private createSchedule(everyMinutes: number): scheduler.Schedule {
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'ScheduleRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'EventBridge Scheduler: invoke the Marquee crawl planner',
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.planner.fn.functionArn] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.scheduleDeadLetterQueue.queueArn] }));
    const planner = this.planner.fn;
    const dlq = this.scheduleDeadLetterQueue;
    return new scheduler.Schedule(this, 'Schedule', {
      description: `Marquee: plan a crawl every ${everyMinutes} minutes`,
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(everyMinutes)),
      timeWindow: scheduler.TimeWindow.off(),
      target: {
        bind: () => ({
          arn: planner.functionArn,
          role,
          // An invocation older than one period is superseded by the next run.
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: Math.max(60, everyMinutes * 60) },
          deadLetterConfig: { arn: dlq.queueArn },
        }),
      },
    });
  }

  /** The worker emits SourceFailingForADay when a source with no success for 24 hours fails again. */
  private alarmOnLongFailingSources(monitoring: Monitoring): void {
    monitoring.alarm(this, 'SourceFailingAlarm', {
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: METRIC.sourceFailingForADay,
        dimensionsMap: { service: SERVICE.crawlSource },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.hours(1),
      }),
      description:
        'A source has been failing for a day or more. The crawl worker log line "source failed" names it and the reason; the dashboard shows SourceFailed per source.',
    });
  }

  private addDashboardRow(monitoring: Monitoring): void {
    const period = Duration.minutes(5);
    const custom = (metricName: string) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: SERVICE.crawlSource }, statistic: cloudwatch.Stats.SUM, period });
    monitoring.dashboard.addWidgets(
      new cloudwatch.TextWidget({ markdown: '## Crawl', width: 24, height: 1 }),
      new cloudwatch.GraphWidget({
        title: 'Queues: visible messages',
        left: [
          this.crawlQueue.queue.metricApproximateNumberOfMessagesVisible({ period, label: 'crawl' }),
          this.analyzeQueue.queue.metricApproximateNumberOfMessagesVisible({ period, label: 'analyze' }),
        ],
        right: [this.crawlQueue.queue.metricApproximateAgeOfOldestMessage({ period, label: 'crawl: oldest (s)' })],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues',
        left: [
          this.crawlQueue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, label: 'crawl DLQ' }),
          this.analyzeQueue.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, label: 'analyze DLQ' }),
          this.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, label: 'schedule DLQ' }),
          this.plannerFailures.metricApproximateNumberOfMessagesVisible({ period, label: 'planner failures' }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Items',
        left: [custom(METRIC.newItems), custom(METRIC.itemsHandedOff), custom(METRIC.sourceFailingForADay)],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Failed crawls by source',
        left: [
          new cloudwatch.MathExpression({
            expression: `SEARCH('{${METRICS_NAMESPACE},service,source} MetricName="${METRIC.sourceFailed}"', 'Sum', 3600)`,
            label: '',
            period: Duration.hours(1),
          }),
        ],
        width: 24,
      }),
    );
  }
}
