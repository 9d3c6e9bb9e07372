// Lambda handler of the query API and web page (Function URL / HTTP API): the same Hono app as `marquee serve`, through hono/aws-lambda.
import { handle } from 'hono/aws-lambda';
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoDigestStore, DynamoKeyStore } from '../../shared/store/dynamo-query.store.js';
import { DynamoAnswerStore, DynamoBriefStore, DynamoFlagStore } from '../../shared/store/dynamo-assist.store.js';
import { ConfigError } from '../../shared/config/errors.js';
import { auditExplainer } from '../../shared/audit/index.js';
import { RateLimiter } from '../../shared/auth/rate-limit.js';
import { DynamoRateLimiter } from '../../shared/store/dynamo-rate-limit.js';
import { readSignInParameter, signInDeps } from '../aws/sign-in-settings.js';
import { buildQuerySide, type QuerySettings } from '../http/query-side.js';
import { awsRuntime, type AwsRuntime } from '../aws/runtime.js';
import { readSecret } from '../aws/secrets.js';
import { createTelemetry, loggerPort } from '../aws/powertools.js';

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number ${min}-${max}, not "${raw}"`);
  return n;
}

/** The query settings from the function's environment (same names and defaults as on a laptop). */
export async function querySettings(env: Env, rt: AwsRuntime): Promise<QuerySettings> {
  const analyst = (env.MARQUEE_ANALYST || 'auto') as QuerySettings['analyst'];
  if (!['auto', 'embedded', 'llm'].includes(analyst)) throw new ConfigError(`MARQUEE_ANALYST must be auto, embedded or llm, not "${analyst}"`);
  return {
    analyst,
    openaiApiKey: env.OPENAI_SECRET_NAME ? await readSecret(rt.ssm(), env.OPENAI_SECRET_NAME) : undefined,
    openaiBaseUrl: env.OPENAI_BASE_URL || undefined,
    model: env.MARQUEE_MODEL || 'gpt-4o-mini',
    queryMaxToolCalls: int(env, 'MARQUEE_QUERY_MAX_TOOL_CALLS', 6, 1, 20),
    apiRateLimitPerMinute: int(env, 'MARQUEE_API_RATE_LIMIT', 120, 1, 10_000_000),
    apiCacheSeconds: int(env, 'MARQUEE_API_CACHE_SECONDS', 10, 0, 3600),
  };
}

/** Builds the Lambda handler around a runtime (tests pass one over the embedded store). */
export function createQueryApiHandler(deps: { runtime: () => AwsRuntime; env: Env; service?: string }) {
  const telemetry = createTelemetry(deps.service ?? 'query-api');
  const log = loggerPort(telemetry.logger);
  let ready: Promise<ReturnType<typeof handle>> | null = null;
  const build = async () => {
    const rt = deps.runtime();
    const workspace = await rt.workspace();
    const table = rt.store().tableAccess;
    const analysis = new DynamoAnalysisStore(table);
    const briefs = new DynamoBriefStore(table);
    const answers = new DynamoAnswerStore(table, workspace.retentionDays);
    const linkSecret = deps.env.LINK_SECRET_NAME ? await readSecret(rt.ssm(), deps.env.LINK_SECRET_NAME) : undefined;
    const settings = await querySettings(deps.env, rt);
    const side = buildQuerySide(settings, workspace, {
      analysis,
      store: rt.store(),
      digests: new DynamoDigestStore(table),
      interest: rt.interest(),
      keys: new DynamoKeyStore(table),
      assist: {
        briefs,
        flags: new DynamoFlagStore(table),
        answers,
        ...(linkSecret ? { linkSecret } : {}),
        explain: auditExplainer({ analysis, store: rt.store(), briefs, answers }),
      },
      // One counter per key per minute that every container shares; should the table fail, the container's own buckets.
      rateLimit: new DynamoRateLimiter(table, { limit: settings.apiRateLimitPerMinute, fallback: new RateLimiter(settings.apiRateLimitPerMinute), log }),
      // Browser sign-in when the stack configured a provider (AUTH_PARAMETER); API keys work either way.
      ...(deps.env.AUTH_PARAMETER ? { signIn: signInDeps(await readSignInParameter(rt.ssm(), deps.env.AUTH_PARAMETER), log) } : {}),
    }, log);
    log.info('query api ready', { agent: side.agentDescription, signIn: deps.env.AUTH_PARAMETER ? 'on' : 'off (API keys only)' });
    return handle(side.app);
  };
  return async (event: LambdaEvent, context: LambdaContext) => {
    // One app per container; a failed start-up (secret, workspace) is retried on the next request.
    ready ??= build().catch((err: unknown) => {
      ready = null;
      throw err;
    });
    return (await ready)(event, context);
  };
}

export const handler = createQueryApiHandler({ runtime: awsRuntime, env: process.env });
