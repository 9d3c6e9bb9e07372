// Names shared by the handlers and the CDK app: service names, the metrics namespace, custom metric names.

/** Namespace of Marquee's custom CloudWatch metrics. */
export const METRICS_NAMESPACE = 'Marquee';

/** Powertools service name of each function: the `service` dimension of its metrics and the key of its logs. */
export const SERVICE = {
  planCrawl: 'plan-crawl',
  crawlSource: 'crawl-source',
  analyzeItems: 'analyze-items',
  sendDigest: 'send-digest',
  queryApi: 'query-api',
} as const;

/** Custom metrics the handlers emit; infra builds alarms and the dashboard from the same names. */
export const METRIC = {
  sourcesPlanned: 'SourcesPlanned',
  newItems: 'NewItems',
  itemsHandedOff: 'ItemsHandedOff',
  /** Crawl rounds whose last source a crawl worker finished (it sent the round's analysis message). */
  roundsCompleted: 'RoundsCompleted',
  /** Rounds the planner found stuck (a crawl message dead-lettered or a worker died) and started the analysis of anyway. */
  roundsStuck: 'RoundsStuck',
  /** An analysis message that found another analysis running: retried later (nothing is lost, the items stay pending). */
  analysisBusy: 'AnalysisBusy',
  /** Per source (dimension `source`): 1 each time a crawl of it fails. */
  sourceFailed: 'SourceFailed',
  /** 1 each time a crawl fails for a source that has not succeeded for 24 hours or more. */
  sourceFailingForADay: 'SourceFailingForADay',
  itemsAnalyzed: 'ItemsAnalyzed',
  eventsCreated: 'EventsCreated',
  /** Stories the LLM analyst was given (emitted only when the analyst is the LLM): the fallback rate's denominator. */
  llmStories: 'LlmStories',
  /** Of those, stories it handed to the embedded rules (model errors, malformed output, or the token budget). */
  llmFallbacks: 'LlmFallbacks',
  /** Of the fallbacks, those caused by the run's token budget: any at all alarms. */
  tokenBudgetFallbacks: 'TokenBudgetFallbacks',
  /** Prompt + completion tokens the LLM analyst spent. */
  modelTokens: 'ModelTokens',
  alertsSent: 'AlertsSent',
  /** Alerts whose Slack message failed (the record is retried; the claims were released). */
  alertsFailed: 'AlertsFailed',
  digestsSent: 'DigestsSent',
  /** 1 each time the digest function finds the week's digest sent (by this run or an earlier one): its absence for a week alarms. */
  digestDelivered: 'DigestDelivered',
  /** 1 when the check an hour after the weekly slot finds that week's digest not sent: alarms at once. */
  digestMissing: 'DigestMissing',
} as const;

/** The digest check runs this long after the weekly slot (its own schedule) and looks for the slot's week. */
export const DIGEST_CHECK_DELAY_MINUTES = 60;
