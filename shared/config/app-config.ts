// Runtime configuration: one typed object resolved once at start-up from defaults, environment and flags.
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { formatIssues } from './validate-workspace.js';
import { DEFAULT_TABLE_NAME } from '../store/table.js';
import { FETCH_DEFAULTS } from './fetch-limits.js';
import { CHECKPOINTS } from '../ports/checkpoint.js';
import { TOKEN_BUDGET_BOUNDS } from './token-budget.js';
import { ANALYST_MODES, DEFAULT_ANALYST, DEFAULT_MODEL, QUERY_LIMITS } from './defaults.js';

const Int = z.coerce.number().int().positive();

export const AppConfig = z.object({
  dataDir: z.string().default('./.data').describe('Embedded store data and raw snapshots'),
  outDir: z.string().default('./out').describe('Files for people: digests, alerts'),
  tableName: z.string().default(DEFAULT_TABLE_NAME),
  dynamoEndpoint: z.string().url().optional().describe('DynamoDB-protocol endpoint; unset locally = start the embedded server'),
  bucket: z.string().optional().describe('S3 bucket for raw snapshots; unset = folder under dataDir'),
  s3Endpoint: z.string().url().optional(),
  region: z.string().optional(),
  fetchTimeoutMs: Int.default(FETCH_DEFAULTS.fetchTimeoutMs),
  fetchMaxBytes: Int.default(FETCH_DEFAULTS.fetchMaxBytes),
  fetchMaxRedirects: z.coerce.number().int().min(0).max(20).default(FETCH_DEFAULTS.fetchMaxRedirects),
  crawlConcurrency: Int.max(64).default(4),
  embeddedStore: z
    .enum(['process', 'inline'])
    .default('process')
    .describe('Where the embedded DynamoDB-protocol server runs: its own process (another core; pays on large cycles) or inline'),
  analyst: z.enum(ANALYST_MODES).default(DEFAULT_ANALYST),
  openaiApiKey: z.string().optional(),
  openaiBaseUrl: z.string().url().optional(),
  model: z.string().default(DEFAULT_MODEL),
  tokenBudget: z.coerce
    .number()
    .int()
    .min(TOKEN_BUDGET_BOUNDS.min)
    .max(TOKEN_BUDGET_BOUNDS.max)
    .optional()
    .describe('Tokens the LLM analyst may spend in one run; unset = the workspace\'s analyst.tokenBudget, else DEFAULT_TOKEN_BUDGET'),
  slackWebhookUrl: z.string().url().optional(),
  smtpUrl: z.string().optional(),
  port: z.coerce.number().int().min(0).max(65535).default(4820).describe('Port of the query API and web page (0 = any free port)'),
  apiRateLimitPerMinute: Int.min(QUERY_LIMITS.apiRateLimitPerMinute.min).max(QUERY_LIMITS.apiRateLimitPerMinute.max).default(QUERY_LIMITS.apiRateLimitPerMinute.default).describe('Requests a minute per API key (bursts up to half of it)'),
  apiCacheSeconds: z.coerce.number().int().min(QUERY_LIMITS.apiCacheSeconds.min).max(QUERY_LIMITS.apiCacheSeconds.max).default(QUERY_LIMITS.apiCacheSeconds.default).describe('Seconds the query API reuses a read result or an answer (0 = off)'),
  linkSecret: z.string().min(16).optional().describe('HMAC secret of the "flag as wrong" links; unset locally = generated once into <dataDir>/link-secret'),
  publicUrl: z.string().url().default('http://127.0.0.1:4820').describe('Where people reach the web page: links in digests and alerts'),
  queryMaxToolCalls: Int.min(QUERY_LIMITS.queryMaxToolCalls.min).max(QUERY_LIMITS.queryMaxToolCalls.max).default(QUERY_LIMITS.queryMaxToolCalls.default).describe('Tool calls the LLM query agent may make for one question'),
  mailFrom: z.string().default('Marquee digest <digest@marquee.invalid>').describe('Sender of the weekly digest'),
  killAt: z
    .string()
    .regex(new RegExp(`^(${CHECKPOINTS.map((c) => c.replace('.', '\\.')).join('|')})(#[1-9]\\d*)?$`), `use <checkpoint>[#n] with a checkpoint of: ${CHECKPOINTS.join(', ')}`)
    .optional()
    .describe('Fault injection for crash tests: the process kills itself (SIGKILL) at the n-th pass of this checkpoint'),
});
export type AppConfig = z.infer<typeof AppConfig>;

/** Environment variable for each config key. */
const ENV_KEYS: Record<string, keyof AppConfig> = {
  MARQUEE_DATA_DIR: 'dataDir',
  MARQUEE_OUT_DIR: 'outDir',
  MARQUEE_TABLE: 'tableName',
  AWS_ENDPOINT_URL_DYNAMODB: 'dynamoEndpoint',
  MARQUEE_BUCKET: 'bucket',
  AWS_ENDPOINT_URL_S3: 's3Endpoint',
  AWS_REGION: 'region',
  MARQUEE_FETCH_TIMEOUT_MS: 'fetchTimeoutMs',
  MARQUEE_FETCH_MAX_BYTES: 'fetchMaxBytes',
  MARQUEE_FETCH_MAX_REDIRECTS: 'fetchMaxRedirects',
  MARQUEE_CRAWL_CONCURRENCY: 'crawlConcurrency',
  MARQUEE_EMBEDDED_STORE: 'embeddedStore',
  MARQUEE_ANALYST: 'analyst',
  OPENAI_API_KEY: 'openaiApiKey',
  OPENAI_BASE_URL: 'openaiBaseUrl',
  MARQUEE_MODEL: 'model',
  MARQUEE_TOKEN_BUDGET: 'tokenBudget',
  SLACK_WEBHOOK_URL: 'slackWebhookUrl',
  SMTP_URL: 'smtpUrl',
  MARQUEE_MAIL_FROM: 'mailFrom',
  MARQUEE_PORT: 'port',
  MARQUEE_API_RATE_LIMIT: 'apiRateLimitPerMinute',
  MARQUEE_QUERY_MAX_TOOL_CALLS: 'queryMaxToolCalls',
  MARQUEE_API_CACHE_SECONDS: 'apiCacheSeconds',
  MARQUEE_LINK_SECRET: 'linkSecret',
  MARQUEE_PUBLIC_URL: 'publicUrl',
  MARQUEE_KILL_AT: 'killAt',
};

/** Known MARQUEE_* variables that are read elsewhere (entry points), not config keys. */
const OTHER_KNOWN = new Set(['MARQUEE_WORKSPACE', 'MARQUEE_LOG_LEVEL', 'MARQUEE_STORE_CPU_PROF']);

/**
 * Resolves the configuration: defaults < environment < explicit overrides (CLI flags).
 * An unknown MARQUEE_* variable fails with a message that lists the known ones.
 */
export function resolveConfig(env: Record<string, string | undefined>, overrides: Partial<AppConfig> = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    const key = ENV_KEYS[name];
    if (key) raw[key] = value;
    else if (name.startsWith('MARQUEE_') && !OTHER_KNOWN.has(name)) {
      const known = [...Object.keys(ENV_KEYS).filter((k) => k.startsWith('MARQUEE_')), ...OTHER_KNOWN].sort();
      throw new ConfigError(`unknown setting ${name} (known: ${known.join(', ')})`);
    }
  }
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) raw[k] = v;
  const result = AppConfig.safeParse(raw);
  if (!result.success) {
    const envName = (key: PropertyKey) => Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0] ?? String(key);
    throw new ConfigError(
      `configuration: ${formatIssues(result.error.issues.map((i) => ({ ...i, path: [envName(i.path[0] ?? '')] })))}`,
    );
  }
  return result.data;
}
