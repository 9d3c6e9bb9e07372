// Composition root of the AWS runtime: builds the AWS adapters once per container, lazily, from the environment.
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { FetchLimits } from '../../shared/config/fetch-limits.js';
import type { Workspace } from '../../shared/model/workspace.js';
import type { Clock } from '../../shared/ports/clock.js';
import { systemClock } from '../../shared/ports/clock.js';
import type { ObjectStore } from '../../shared/ports/object-store.js';
import type { Fetcher } from '../../shared/ports/fetcher.js';
import { SafeHttpFetcher } from '../../shared/http/safe-http.fetcher.js';
import { DynamoInterestStore } from '../../shared/store/dynamo-interest.store.js';
import { crawlerUserAgent } from '../../shared/config/user-agent.js';
import { DynamoStore } from '../../shared/store/dynamo.store.js';
import { DynamoCrawlRoundStore } from '../../shared/store/dynamo-crawl-rounds.js';
import { markPendingIds } from '../../shared/store/dynamo-pending.js';
import { createDynamoClient } from '../../shared/store/dynamo-client.js';
import { S3ObjectStore, createS3Client } from '../../shared/objects/s3.objects.js';
import { SqsQueue } from '../../shared/queue/sqs.queue.js';
import type { Queue } from '../../shared/ports/queue.js';
import { parseAwsEnv, parseFetchLimits, required, type AwsEnv } from './env.js';
import { loadWorkspaceParameter } from './workspace-parameter.js';
import { readSecret } from './secrets.js';

/** The adapters a handler may ask for; each is built on first use and then reused by the container. */
export interface AwsRuntime {
  readonly env: AwsEnv;
  /** Fetch timeouts and caps (MARQUEE_FETCH_* or the laptop defaults). */
  readonly config: FetchLimits;
  readonly clock: Clock;
  store(): DynamoStore;
  objects(): ObjectStore;
  crawlQueue(): Queue;
  analyzeQueue(): Queue;
  /** The container's SSM client (workspace parameter, secrets by reference). */
  ssm(): SSMClient;
  /** The workspace from its SSM parameter, validated; cached (a failed load is retried next call). */
  workspace(): Promise<Workspace>;
  /** The SSRF-safe fetcher with this workspace's allowed hosts. */
  fetcher(workspace: Workspace): Fetcher;
  /** Video counts, page views and forecasts (same table). */
  interest(): DynamoInterestStore;
  /** The crawl rounds: the planner opens one per run, the crawl worker that completes it starts the analysis. */
  rounds(): DynamoCrawlRoundStore;
  /** Marks items pending analysis (a crawl in a round hands its items off so). */
  markPending(itemIds: string[]): Promise<void>;
  /** Brief and "flag as wrong" links in alerts and digests (PUBLIC_URL + the link secret), or undefined when not configured. */
  links(): Promise<{ publicUrl: string; linkSecret: string } | undefined>;
}

/**
 * Client options: the region, and for an endpoint on this machine (AWS_ENDPOINT_URL_<SERVICE>, as the
 * SDK names them; the parity test's local services) fixed credentials, so the SDK does not look for real ones.
 */
export function clientOptions(endpoint: string | undefined, region: string | undefined): { region?: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } {
  if (!endpoint) return { region };
  return { region: region ?? 'us-east-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

/** Caches a promise; a rejected one is dropped so the next call retries (a secret read can fail transiently). */
export function cachedAsync<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => {
    value ??= build().catch((err: unknown) => {
      value = null;
      throw err;
    });
    return value;
  };
}

function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/**
 * Builds the runtime from an environment record. Only this module (and the handlers through it)
 * reads the environment; the use-cases get ports. Nothing is created until a handler asks for it,
 * so a function pays only for the clients it uses.
 */
export function createAwsRuntime(rawEnv: Record<string, string | undefined>): AwsRuntime {
  const env = parseAwsEnv(rawEnv);
  // Fetch timeouts and caps: the same MARQUEE_* keys and defaults as on a laptop.
  const config = parseFetchLimits(rawEnv);
  const sqs = once(() => new SQSClient(clientOptions(env.AWS_ENDPOINT_URL_SQS, env.AWS_REGION)));
  const ssm = once(() => new SSMClient(clientOptions(env.AWS_ENDPOINT_URL_SSM, env.AWS_REGION)));
  const store = once(
    () => new DynamoStore({ client: createDynamoClient({ endpoint: env.AWS_ENDPOINT_URL_DYNAMODB, region: env.AWS_REGION }), tableName: required(env, 'TABLE_NAME') }),
  );
  const objects = once(
    () => new S3ObjectStore(createS3Client({ endpoint: env.AWS_ENDPOINT_URL_S3, region: env.AWS_REGION }), required(env, 'BUCKET_NAME')),
  );
  const interest = once(() => new DynamoInterestStore(store().tableAccess));
  const rounds = once(() => new DynamoCrawlRoundStore(store().tableAccess));
  const crawlQueue = once(() => new SqsQueue(sqs(), required(env, 'CRAWL_QUEUE_URL')));
  const analyzeQueue = once(() => new SqsQueue(sqs(), required(env, 'ANALYZE_QUEUE_URL')));

  const { PUBLIC_URL: publicUrl, LINK_SECRET_NAME: linkSecretName } = env;
  const links = cachedAsync(async () => (publicUrl && linkSecretName ? { publicUrl, linkSecret: await readSecret(ssm(), linkSecretName) } : undefined));
  let workspace: Promise<Workspace> | null = null;
  const fetchers = new WeakMap<Workspace, Fetcher>();

  return {
    env,
    config,
    clock: systemClock,
    store,
    objects,
    crawlQueue,
    analyzeQueue,
    interest,
    rounds,
    markPending: (itemIds) => markPendingIds(store().tableAccess, itemIds, systemClock.now()),
    ssm,
    workspace: () => {
      workspace ??= loadWorkspaceParameter(ssm(), required(env, 'WORKSPACE_PARAMETER'), env.WORKSPACE_VERSION).catch((err: unknown) => {
        workspace = null;
        throw err;
      });
      return workspace;
    },
    links,
    fetcher: (ws) => {
      let f = fetchers.get(ws);
      if (!f) {
        f = new SafeHttpFetcher({
          policy: { allowHosts: new Set(ws.network.allowHosts.map((h) => h.toLowerCase())) },
          timeoutMs: config.fetchTimeoutMs,
          maxBytes: config.fetchMaxBytes,
          maxRedirects: config.fetchMaxRedirects,
          userAgent: crawlerUserAgent(ws.network),
        });
        fetchers.set(ws, f);
      }
      return f;
    },
  };
}

let current: AwsRuntime | null = null;

/** The container's runtime, built from `process.env` on first use. */
export function awsRuntime(): AwsRuntime {
  current ??= createAwsRuntime(process.env);
  return current;
}
