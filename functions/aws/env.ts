// The Lambda environment contract: names of the resources a function was given, validated once per container.
// Plain checks, not zod: this module is in every function's bundle and is a flat list of strings and numbers.
import { ConfigError } from '../../shared/config/errors.js';
import { FETCH_DEFAULTS, type FetchLimits } from '../../shared/config/fetch-limits.js';
import { parseTokenBudget } from '../../shared/config/token-budget.js';
import { ANALYST_MODES, DEFAULT_ANALYST, DEFAULT_MODEL, QUERY_LIMITS, type AnalystMode } from '../../shared/config/defaults.js';

/**
 * Every variable the AWS composition root reads. The CDK `MarqueeFunction` sets each together
 * with the grant on the resource it names, so a function only sees what it may touch.
 */
export interface AwsEnv {
  TABLE_NAME?: string;
  BUCKET_NAME?: string;
  CRAWL_QUEUE_URL?: string;
  ANALYZE_QUEUE_URL?: string;
  WORKSPACE_PARAMETER?: string;
  /** Hash of the workspace parameter's value as synth wrote it (see deployed-workspace.ts). */
  WORKSPACE_VERSION?: string;
  /** Secrets Manager secret (name) holding the OpenAI API key (analyze worker; unset = embedded analyst). */
  OPENAI_SECRET_NAME?: string;
  /** Secrets Manager secret (name) holding the Slack incoming-webhook URL (analyze worker; unset = no alerts). */
  SLACK_SECRET_NAME?: string;
  /** Secrets Manager secret (name) holding the HMAC secret of "flag as wrong" links (query API, analyze worker). */
  LINK_SECRET_NAME?: string;
  /** SSM parameter with the sign-in settings (query API; unset = API keys only): see functions/aws/sign-in-settings.ts. */
  AUTH_PARAMETER?: string;
  /** Where people reach the web page (the query Function URL): links in alerts. */
  PUBLIC_URL?: string;
  /** OpenAI-compatible base URL and model of the LLM analyst (analyze worker). */
  OPENAI_BASE_URL?: string;
  MARQUEE_MODEL?: string;
  /** auto (LLM when the OpenAI secret is set), embedded or llm. */
  MARQUEE_ANALYST?: string;
  /** Tokens the LLM analyst may spend per analyze message (analyze worker; unset = the workspace's, else the default). */
  MARQUEE_TOKEN_BUDGET?: string;
  /** The verified SES identity the digest is sent from (digest function). */
  MAIL_FROM?: string;
  /** SES configuration set, if any (digest function). */
  SES_CONFIGURATION_SET?: string;
  AWS_REGION?: string;
  /** Honoured as the SDK does, so the same code runs against the embedded DynamoDB-protocol server in tests. */
  AWS_ENDPOINT_URL_DYNAMODB?: string;
  AWS_ENDPOINT_URL_S3?: string;
  AWS_ENDPOINT_URL_SQS?: string;
  AWS_ENDPOINT_URL_SSM?: string;
  AWS_ENDPOINT_URL_SESV2?: string;
}

const URL_KEYS = [
  'CRAWL_QUEUE_URL',
  'ANALYZE_QUEUE_URL',
  'OPENAI_BASE_URL',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SQS',
  'AWS_ENDPOINT_URL_SSM',
  'AWS_ENDPOINT_URL_SESV2',
] as const;
const KEYS: Array<keyof AwsEnv> = [
  'TABLE_NAME',
  'BUCKET_NAME',
  'CRAWL_QUEUE_URL',
  'ANALYZE_QUEUE_URL',
  'WORKSPACE_PARAMETER',
  'WORKSPACE_VERSION',
  'OPENAI_SECRET_NAME',
  'SLACK_SECRET_NAME',
  'LINK_SECRET_NAME',
  'AUTH_PARAMETER',
  'PUBLIC_URL',
  'OPENAI_BASE_URL',
  'MARQUEE_MODEL',
  'MARQUEE_ANALYST',
  'MARQUEE_TOKEN_BUDGET',
  'MAIL_FROM',
  'SES_CONFIGURATION_SET',
  'AWS_REGION',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SQS',
  'AWS_ENDPOINT_URL_SSM',
  'AWS_ENDPOINT_URL_SESV2',
];

/** Which `MarqueeFunction` helper grants the resource each variable names (for the error message). */
const GRANTED_BY: Partial<Record<keyof AwsEnv, string>> = {
  TABLE_NAME: 'useTable',
  BUCKET_NAME: 'useBucket',
  CRAWL_QUEUE_URL: 'sendsTo',
  ANALYZE_QUEUE_URL: 'sendsTo',
  WORKSPACE_PARAMETER: 'useWorkspace',
  MAIL_FROM: 'sendsMailAs',
};

/** Parses the environment; an invalid value fails with one line naming the variable. */
export function parseAwsEnv(env: Record<string, string | undefined>): AwsEnv {
  const out: AwsEnv = {};
  for (const key of KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  if (out.MARQUEE_ANALYST && !(ANALYST_MODES as readonly string[]).includes(out.MARQUEE_ANALYST)) {
    throw new ConfigError(`lambda environment: MARQUEE_ANALYST: expected auto, embedded or llm, not "${out.MARQUEE_ANALYST}"`);
  }
  parseTokenBudget(out.MARQUEE_TOKEN_BUDGET, 'lambda environment: MARQUEE_TOKEN_BUDGET');
  for (const key of URL_KEYS) {
    const value = out[key];
    if (value !== undefined && !URL.canParse(value)) throw new ConfigError(`lambda environment: ${key}: invalid URL "${value}"`);
  }
  return out;
}

/** Fetch timeouts and caps: the same MARQUEE_FETCH_* keys and defaults as on a laptop (shared/config/app-config.ts). */
export function parseFetchLimits(env: Record<string, string | undefined>): FetchLimits {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`lambda environment: ${name}: expected an integer from ${min} to ${max}, not "${raw}"`);
    return n;
  };
  return {
    fetchTimeoutMs: read('MARQUEE_FETCH_TIMEOUT_MS', FETCH_DEFAULTS.fetchTimeoutMs, 1, 900_000),
    fetchMaxBytes: read('MARQUEE_FETCH_MAX_BYTES', FETCH_DEFAULTS.fetchMaxBytes, 1, 1024 ** 3),
    fetchMaxRedirects: read('MARQUEE_FETCH_MAX_REDIRECTS', FETCH_DEFAULTS.fetchMaxRedirects, 0, 20),
  };
}

/** The analyst and model settings (MARQUEE_ANALYST, MARQUEE_MODEL, OPENAI_BASE_URL) with the shared defaults. */
export function analystSettings(env: AwsEnv): { analyst: AnalystMode; model: string; openaiBaseUrl?: string } {
  return { analyst: (env.MARQUEE_ANALYST as AnalystMode | undefined) ?? DEFAULT_ANALYST, model: env.MARQUEE_MODEL ?? DEFAULT_MODEL, openaiBaseUrl: env.OPENAI_BASE_URL };
}

/** The query side's limits from MARQUEE_QUERY_MAX_TOOL_CALLS, MARQUEE_API_RATE_LIMIT and MARQUEE_API_CACHE_SECONDS (same names, defaults and bounds as on a laptop). */
export function parseQueryLimits(env: Record<string, string | undefined>): { queryMaxToolCalls: number; apiRateLimitPerMinute: number; apiCacheSeconds: number } {
  const read = (name: string, limit: { default: number; min: number; max: number }): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return limit.default;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < limit.min || n > limit.max) throw new ConfigError(`${name} must be a whole number ${limit.min}-${limit.max}, not "${raw}"`);
    return n;
  };
  return {
    queryMaxToolCalls: read('MARQUEE_QUERY_MAX_TOOL_CALLS', QUERY_LIMITS.queryMaxToolCalls),
    apiRateLimitPerMinute: read('MARQUEE_API_RATE_LIMIT', QUERY_LIMITS.apiRateLimitPerMinute),
    apiCacheSeconds: read('MARQUEE_API_CACHE_SECONDS', QUERY_LIMITS.apiCacheSeconds),
  };
}

/** The value of a resource variable this function needs, or a clear error saying it was not wired. */
export function required(env: AwsEnv, name: keyof AwsEnv): string {
  const value = env[name];
  if (!value) {
    throw new ConfigError(`${name} is not set: this function was not given that resource (infra: fn.${GRANTED_BY[name] ?? 'addEnvironment'}(...))`);
  }
  return value;
}
