// Lambda handler of the query API and web page (Function URL / HTTP API): the same Hono app as `marquee serve`, through hono/aws-lambda.
import { handle } from 'hono/aws-lambda';
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { awsStores } from '../aws/stores.js';
import { auditExplainer } from '../../shared/audit/index.js';
import { RateLimiter } from '../../shared/auth/rate-limit.js';
import { DynamoRateLimiter } from '../../shared/store/dynamo-rate-limit.js';
import { readSignInParameter, signInDeps } from '../aws/sign-in-settings.js';
import { buildQuerySide, type QuerySettings } from '../http/query-side.js';
import { awsRuntime, type AwsRuntime } from '../aws/runtime.js';
import { readSecret } from '../aws/secrets.js';
import { analystSettings, parseAwsEnv, parseQueryLimits } from '../aws/env.js';
import { createTelemetry, loggerPort } from '../aws/powertools.js';

type Env = Record<string, string | undefined>;

/** The query settings from the function's environment (same names, defaults and bounds as on a laptop: functions/aws/env.ts). */
export async function querySettings(env: Env, rt: AwsRuntime): Promise<QuerySettings> {
  const aws = parseAwsEnv(env);
  return {
    ...analystSettings(aws),
    openaiApiKey: aws.OPENAI_SECRET_NAME ? await readSecret(rt.ssm(), aws.OPENAI_SECRET_NAME) : undefined,
    ...parseQueryLimits(env),
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
    const stores = awsStores(rt);
    const table = rt.store().tableAccess;
    const analysis = stores.analysis();
    const briefs = stores.briefs();
    const answers = stores.answers(workspace.retentionDays);
    const linkSecret = deps.env.LINK_SECRET_NAME ? await readSecret(rt.ssm(), deps.env.LINK_SECRET_NAME) : undefined;
    const settings = await querySettings(deps.env, rt);
    const side = buildQuerySide(settings, workspace, {
      analysis,
      store: rt.store(),
      digests: stores.digests(),
      interest: stores.interest(),
      keys: stores.keys(),
      assist: {
        briefs,
        flags: stores.flags(),
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
