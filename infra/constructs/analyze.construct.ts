// The analyze capability: analyze queue (from the crawl worker) -> analyze worker (analysis + Slack alerts), with its alarms and dashboard row.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, SERVICE } from '../../functions/aws/metric-names.js';
import type { InfraConfig } from '../config.js';
import { MarqueeFunction, type TableAction } from './marquee-function.construct.js';
import type { Monitoring } from './monitoring.construct.js';
import type { WorkQueue } from './work-queue.construct.js';
import type { WorkspaceSecret } from './workspace-secret.construct.js';

export interface AnalyzeProps {
  table: dynamodb.ITableV2;
  /** The crawl construct's analyze queue: `{ sourceId, itemIds }` messages. */
  queue: WorkQueue;
  workspace: WorkspaceSecret;
  monitoring: Monitoring;
  config: Pick<
    InfraConfig,
    'analyzeBatchSize' | 'analyzeMaxConcurrency' | 'analyst' | 'openaiSecretName' | 'openaiBaseUrl' | 'model' | 'slackWebhookSecretName' | 'logRetentionDays' | 'linkSecretName'
  >;
  /** The web page's URL (the query Function URL): brief and "flag as wrong" links in alerts. */
  publicUrl?: string;
}

/**
 * Items (BatchGetItem), stories/events/releases/cache (Get, Put, Update with a version check, Query
 * on gsi1/gsi2 by day and month), pending markers (BatchWriteItem), alert ledger (conditional Put,
 * Update, Delete). The handler test checks every call it makes is in this list.
 */
export const ANALYZE_TABLE_ACTIONS: TableAction[] = ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'];

/** At most a sixth of the analyze queue's visibility timeout (15 minutes), as AWS advises for SQS event sources. */
export const ANALYZE_TIMEOUT = Duration.seconds(150);

export class AnalyzeConstruct extends Construct {
  readonly worker: MarqueeFunction;

  constructor(scope: Construct, id: string, props: AnalyzeProps) {
    super(scope, id);
    const { config, monitoring } = props;
    this.worker = new MarqueeFunction(this, 'Worker', {
      entry: 'analyzeItems',
      serviceName: SERVICE.analyzeItems,
      description: 'Marquee: cluster and analyze new items, update the calendar, send Slack alerts once',
      // LangChain and the OpenAI client load here only; the embedded analyst is CPU-bound clustering.
      memoryMb: 1024,
      timeout: ANALYZE_TIMEOUT,
      logRetention: config.logRetentionDays as logs.RetentionDays,
      environment: {
        MARQUEE_ANALYST: config.analyst,
        MARQUEE_MODEL: config.model,
        ...(config.openaiBaseUrl ? { OPENAI_BASE_URL: config.openaiBaseUrl } : {}),
      },
    })
      .useTable(props.table, ANALYZE_TABLE_ACTIONS)
      .useWorkspace(props.workspace);
    if (config.openaiSecretName) {
      this.worker.readsSecret(config.openaiSecretName, 'OPENAI_SECRET_NAME');
    }
    if (config.slackWebhookSecretName) {
      this.worker.readsSecret(config.slackWebhookSecretName, 'SLACK_SECRET_NAME');
    }
    if (config.linkSecretName && props.publicUrl) {
      this.worker.readsSecret(config.linkSecretName, 'LINK_SECRET_NAME');
      this.worker.fn.addEnvironment('PUBLIC_URL', props.publicUrl);
    }
    this.worker.fn.addEventSource(
      new SqsEventSource(props.queue.queue, {
        batchSize: config.analyzeBatchSize,
        reportBatchItemFailures: true,
        maxConcurrency: config.analyzeMaxConcurrency,
      }),
    );
    monitoring.watchFunction(this.worker, 'analyze worker');
    monitoring.alarm(this, 'AlertsFailedAlarm', {
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: METRIC.alertsFailed,
        dimensionsMap: { service: SERVICE.analyzeItems },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(15),
      }),
      description: 'Slack refused or did not answer alert messages; the records are retried, then dead-lettered. Check the webhook secret.',
    });
    const custom = (metricName: string) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: SERVICE.analyzeItems }, statistic: cloudwatch.Stats.SUM, period: Duration.hours(1) });
    monitoring.dashboard.addWidgets(
      new cloudwatch.TextWidget({ markdown: '## Analyze and alerts', width: 24, height: 1 }),
      new cloudwatch.GraphWidget({
        title: 'Analysis (per hour)',
        left: [custom(METRIC.itemsAnalyzed), custom(METRIC.eventsCreated)],
        right: [custom(METRIC.alertsSent), custom(METRIC.alertsFailed)],
        width: 24,
      }),
    );
  }
}
