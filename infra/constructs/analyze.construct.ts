// The analyze capability: analyze queue (from the crawl worker) -> analyze worker (analysis + Slack alerts), with its alarms and dashboard row.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, SERVICE } from '../../functions/aws/metric-names.js';
import type { InfraConfig } from '../config.js';
import { DEFAULT_TOKEN_BUDGET } from '../../shared/config/token-budget.js';
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
    | 'analyzeBatchSize'
    | 'analyzeMaxConcurrency'
    | 'analyst'
    | 'openaiSecretName'
    | 'openaiBaseUrl'
    | 'model'
    | 'slackWebhookSecretName'
    | 'logRetentionDays'
    | 'linkSecretName'
    | 'tokenBudget'
    | 'llmFallbackAlarmPercent'
  > & { /** The deployed workspace's own budget (analyst.tokenBudget), for the alarm text. */ workspaceTokenBudget?: number };
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

/** Whether this deployment can run the LLM analyst at all (else its alarms would watch metrics never emitted). */
export function llmPossible(config: Pick<InfraConfig, 'analyst' | 'openaiSecretName' | 'openaiBaseUrl'>): boolean {
  return config.analyst === 'llm' || (config.analyst === 'auto' && !!config.openaiSecretName);
}

export class AnalyzeConstruct extends Construct {
  readonly worker: MarqueeFunction;
  /** Present when the LLM analyst can run: the token budget stopped analysis / too many stories fell back to the rules. */
  tokenBudgetAlarm?: cloudwatch.Alarm;
  llmFallbackAlarm?: cloudwatch.Alarm;

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
        ...(config.tokenBudget !== undefined ? { MARQUEE_TOKEN_BUDGET: String(config.tokenBudget) } : {}),
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
    if (llmPossible(config)) this.watchLlm(monitoring, config);
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

  /**
   * Two alarms on the LLM analyst's EMF metrics (functions/lambda/analyze-items.handler.ts): the run's token budget
   * stopped analysis (any story over it in an hour), and the share of stories that fell back to the embedded rules
   * for other reasons (model errors, malformed output) is high. The rate is metric math over hourly sums, and only
   * counts once the hour had at least 10 stories, so one failed story of two does not page anyone.
   */
  private watchLlm(monitoring: Monitoring, config: AnalyzeProps['config']): void {
    const hourly = (metricName: string) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: SERVICE.analyzeItems }, statistic: cloudwatch.Stats.SUM, period: Duration.hours(1) });
    const budget = config.tokenBudget ?? config.workspaceTokenBudget ?? DEFAULT_TOKEN_BUDGET;
    this.tokenBudgetAlarm = monitoring.alarm(this, 'TokenBudgetAlarm', {
      metric: hourly(METRIC.tokenBudgetFallbacks),
      description:
        `The LLM analyst's token budget (${budget} tokens per analyze message) stopped analysis: the remaining stories went to the embedded rules (events kept, lower quality). ` +
        'Raise it with -c tokenBudget=N (or analyst.tokenBudget in the workspace) if the spend is expected; otherwise look for a flood of new items.',
    });
    const rate = new cloudwatch.MathExpression({
      expression: 'IF(stories >= 10, 100 * (fallbacks - budget) / stories, 0)',
      usingMetrics: { stories: hourly(METRIC.llmStories), fallbacks: hourly(METRIC.llmFallbacks), budget: hourly(METRIC.tokenBudgetFallbacks) },
      period: Duration.hours(1),
      label: 'LLM fallback rate (%)',
    });
    this.llmFallbackAlarm = monitoring.alarm(this, 'LlmFallbackRateAlarm', {
      metric: rate,
      threshold: config.llmFallbackAlarmPercent,
      description:
        `${config.llmFallbackAlarmPercent}% or more of the stories the LLM analyst was given in an hour fell back to the embedded rules (model errors, timeouts or malformed output; the token budget has its own alarm). ` +
        "Check the analyze worker's log for 'llm analyst: call failed' and the model endpoint and key.",
    });
    monitoring.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'LLM analyst: stories, fallbacks, over budget (per hour)', left: [hourly(METRIC.llmStories), hourly(METRIC.llmFallbacks), hourly(METRIC.tokenBudgetFallbacks)], right: [rate], width: 12 }),
      new cloudwatch.GraphWidget({ title: 'LLM analyst: tokens (per hour)', left: [hourly(METRIC.modelTokens)], width: 12 }),
    );
  }
}
