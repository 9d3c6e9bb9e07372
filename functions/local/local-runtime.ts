// Composition root of the one-machine runtime: embedded DynamoDB-protocol server, folder snapshots, safe fetcher.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AppConfig } from '../../shared/config/app-config.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { DynamoStore } from '../../shared/store/dynamo.store.js';
import { createDynamoClient, ensureTable } from '../../shared/store/dynamo-client.js';
import { startEmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { FolderObjectStore } from '../../shared/objects/folder.objects.js';
import { S3ObjectStore, createS3Client } from '../../shared/objects/s3.objects.js';
import type { ObjectStore } from '../../shared/ports/object-store.js';
import { SafeHttpFetcher } from '../../shared/http/safe-http.fetcher.js';
import { systemClock, type Clock } from '../../shared/ports/clock.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { Checkpoint } from '../../shared/ports/checkpoint.js';
import type { CrawlDeps } from '../../shared/ingest/crawl-source.js';
import { openDataDirStore, type StoreInfo } from './data-dir-store.js';
import { LocalKeyStore } from './local-keys.js';
import type { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { dynamoStores } from '../../shared/store/dynamo-stores.js';
import type { PurgeStore } from '../../shared/ports/purge-store.js';
import type { Analyst } from '../../shared/ports/analyst.js';
import type { ClusterHint } from '../../shared/analysis/cluster.js';
import type { DynamoInterestStore } from '../../shared/store/dynamo-interest.store.js';
import { crawlerUserAgent } from '../../shared/config/user-agent.js';
import type { VideoLinker } from '../../shared/ports/video-linker.js';
import { createVideoLinker } from '../../agents/analyst/embedded/video-link.js';
import type { DynamoDigestStore } from '../../shared/store/dynamo-query.store.js';
import type { DynamoBriefStore, DynamoFlagStore } from '../../shared/store/dynamo-assist.store.js';
import type { AssistStores } from '../http/query-side.js';
import { localLinkSecret } from './link-secret.js';
import { auditExplainer } from '../../shared/audit/index.js';
import { createLlmBriefWriter } from '../../agents/assist/llm-brief-writer.js';
import type { BriefWriter } from '../../shared/ports/brief-writer.js';
import type { IdempotencyLedger } from '../../shared/ports/ledger.js';
import type { Mailer } from '../../shared/ports/mailer.js';
import { FileMailer } from '../../shared/delivery/mail/file.mailer.js';
import { SmtpMailer } from '../../shared/delivery/mail/smtp.mailer.js';
import type { ChatPoster } from '../../shared/ports/chat.js';
import { FileChat } from '../../shared/delivery/chat/file.chat.js';
import { SlackWebhookChat } from '../../shared/delivery/chat/slack-webhook.chat.js';
import { embeddedRules } from '../../agents/analyst/rule-hints.js';
import { startReadingThread } from '../../agents/analyst/embedded/reading-thread.js';
import { selectAnalyst } from '../../agents/analyst/select-analyst.js';
import { runTokenBudget } from '../../shared/config/token-budget.js';
import { usesLlm } from '../../shared/config/defaults.js';
import { EMBEDDED_ANALYST_VERSION } from '../../agents/analyst/embedded/embedded-analyst.js';
import { dataVersionOf } from '../../shared/store/dynamo-data-version.js';

export interface LocalRuntime extends CrawlDeps {
  store: DynamoStore;
  analysis: DynamoAnalysisStore;
  pending: DynamoAnalysisStore;
  analyst: Analyst;
  /** One line saying which analyst runs and why. */
  analystDescription: string;
  hint: (doc: { title: string; text: string; publishedAt: string | null }) => ClusterHint;
  /** Reads hints ahead in a worker thread (large analyses only: the first batch is read on the main thread). */
  readAhead: (docs: Array<{ title: string; text: string; publishedAt: string | null }>) => Promise<void>;
  objects: ObjectStore;
  clock: Clock;
  ledger: IdempotencyLedger;
  /** Archive of sent digests (query API, web page). */
  digests: DynamoDigestStore;
  /** Hashed API keys of the query API (a create or revoke is seen at once by a server on the same data dir). */
  keys: LocalKeyStore;
  /** Counter-programming briefs and their reviews. */
  briefs: DynamoBriefStore;
  /** "Flag as wrong" feedback. */
  flags: DynamoFlagStore;
  /** Audience interest: video counts, page views, opening forecasts. */
  interest: DynamoInterestStore;
  /** Finds and deletes items older than a cut-off, with their index and identity rows (`marquee purge`). */
  purge: PurgeStore;
  /** Links channel videos to titles and kinds (the embedded analyst's rules). */
  linker: VideoLinker;
  /** What the query side needs for briefs, feedback, audit and the answer archive. */
  assist: AssistStores;
  /** Rewrites brief options with the model when one is configured (the analyst's rule: llm, or auto with a key). */
  briefWriter?: BriefWriter;
  /** Links in alerts and digests: the web page and the signing secret of "flag as wrong". */
  links: { publicUrl: string; linkSecret: string };
  mailer: Mailer;
  /** Where digests go, for messages ("files in ./out" or "SMTP"). */
  mailDescription: string;
  /** Where alerts go: the Slack webhook when SLACK_WEBHOOK_URL is set, else <outDir>/alerts.jsonl. */
  chat: ChatPoster;
  /** Where alerts go, for messages. */
  chatDescription: string;
  /** The local alerts file (null when alerts go to Slack). */
  alertsFile: string | null;
  /** Where the store lives, for messages. */
  dynamoEndpoint: string;
  /** The marquee process whose embedded store this runtime uses (null: its own, or a configured endpoint). */
  storeBorrowedFrom: StoreInfo | null;
  /** Named points between steps; with MARQUEE_KILL_AT the process kills itself at one of them (crash tests). */
  checkpoint?: Checkpoint;
  /** Peak resident memory of the embedded store's own process (bytes), or null (no such process, borrowed, or not Linux). */
  storeProcessPeakRss(): number | null;
  /** CPU time of the embedded store's own process so far (ms; Linux), or null. */
  storeProcessCpuMs(): number | null;
  close(): Promise<void>;
}

/**
 * MARQUEE_KILL_AT=<checkpoint>[#n]: SIGKILL this process at the n-th pass of the checkpoint, the way
 * a power cut or the OOM killer would stop it (no finally, no flush): the crash tests run real cycles
 * through every step this way.
 */
export function killAtCheckpoint(spec: string): Checkpoint {
  const [name, nth] = spec.split('#') as [string, string | undefined];
  const at = Number(nth ?? '1');
  let passes = 0;
  return (point) => {
    if (point === name && ++passes === at) process.kill(process.pid, 'SIGKILL');
  };
}

/**
 * Wires the local adapters around the shared use-cases. Without a configured DynamoDB endpoint it
 * starts the embedded server with its data under `dataDir` (or in memory with `inMemory`).
 */
export async function openLocalRuntime(
  config: AppConfig,
  workspace: Workspace,
  options: { inMemory?: boolean; log?: Logger; print?: (line: string) => void; command?: string } = {},
): Promise<LocalRuntime> {
  let embedded: { close(): Promise<void>; peakRss(): number | null; cpuMs(): number | null } | undefined;
  let borrowedFrom: StoreInfo | null = null;
  let endpoint = config.dynamoEndpoint;
  if (!endpoint && options.inMemory) {
    const memory = await startEmbeddedDynamo({ ownProcess: config.embeddedStore === 'process' });
    embedded = memory;
    endpoint = memory.endpoint;
  } else if (!endpoint) {
    // The data dir's store: ours, or the one a running marquee process (serve, start) publishes there.
    // Ours runs by default in its own process: the store's request handling and LevelDB work run on
    // another core than the cycle (bench:scale --store inline|process compares the two).
    const shared = await openDataDirStore(config.dataDir, { command: options.command, ownProcess: config.embeddedStore === 'process' });
    embedded = shared;
    endpoint = shared.endpoint;
    borrowedFrom = shared.borrowedFrom;
  }
  const client = createDynamoClient({ endpoint, region: config.region });
  await ensureTable(client, config.tableName);
  const store = new DynamoStore({ client, tableName: config.tableName });
  // The same store adapters as the Lambda runtimes (functions/aws/stores.ts), from one factory.
  const stores = dynamoStores(store);
  const analysis = stores.analysis();
  // The workspace may pin "now" (the demo does): the analyst reads undated stories against it.
  const asOf = workspace.clock ? () => new Date(workspace.clock!) : undefined;
  // One reading of each document by the embedded rules serves both the clustering hint and the analyst.
  // A reading thread reads the next batch's items while the main thread handles the current one.
  const rules = embeddedRules(workspace, asOf, { thread: () => startReadingThread({ competitors: workspace.competitors, slate: workspace.slate, clock: workspace.clock }) });
  const { analyst, description: analystDescription } = selectAnalyst({ ...config, tokenBudget: runTokenBudget(config.tokenBudget, workspace) }, {
    cache: analysis,
    createEmbedded: rules.createEmbedded,
    embeddedVersion: EMBEDDED_ANALYST_VERSION,
    log: options.log,
  });
  const objects: ObjectStore = config.bucket
    ? new S3ObjectStore(createS3Client({ endpoint: config.s3Endpoint, region: config.region }), config.bucket)
    : new FolderObjectStore(join(config.dataDir, 'objects'));
  const fetcher = new SafeHttpFetcher({
    policy: { allowHosts: new Set(workspace.network.allowHosts.map((h) => h.toLowerCase())) },
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    maxRedirects: config.fetchMaxRedirects,
    userAgent: crawlerUserAgent(workspace.network),
  });
  const briefs = stores.briefs();
  const answers = stores.answers(workspace.retentionDays);
  const linkSecret = config.linkSecret ?? (await localLinkSecret(options.inMemory ? null : config.dataDir));
  const flags = stores.flags();
  const mailer: Mailer & { close?: () => void } = config.smtpUrl ? new SmtpMailer(config.smtpUrl) : new FileMailer(config.outDir);
  const fileChat = config.slackWebhookUrl ? null : new FileChat(config.outDir, options.print);
  const chat: ChatPoster = fileChat ?? new SlackWebhookChat(config.slackWebhookUrl!, { channel: workspace.slack?.channel, log: options.log });
  // The embedded store locks its data dir: no other process uses it, so a claim of another owner is a dead run's and
  // is taken over at once. A shared endpoint (AWS_ENDPOINT_URL_DYNAMODB) may have live peers: leases only.
  const ledger = stores.ledger({
    owner: `local-${process.pid}-${randomUUID().slice(0, 8)}`,
    takeOver: embedded ? 'other-owners' : 'never',
  });
  return {
    store,
    analysis,
    ledger,
    digests: stores.digests(),
    keys: new LocalKeyStore(stores.keys(), options.inMemory ? null : config.dataDir),
    briefs,
    flags,
    interest: stores.interest(),
    purge: stores.purge(),
    linker: createVideoLinker(),
    assist: {
      briefs,
      flags,
      answers,
      linkSecret,
      explain: auditExplainer({ analysis, store, briefs, answers }),
    },
    links: { publicUrl: config.publicUrl, linkSecret },
    ...(usesLlm(config)
      ? { briefWriter: createLlmBriefWriter({ model: config.model, apiKey: config.openaiApiKey, baseUrl: config.openaiBaseUrl }) }
      : {}),
    mailer,
    mailDescription: config.smtpUrl ? 'SMTP (SMTP_URL)' : `.eml and .html files in ${config.outDir}`,
    chat,
    chatDescription: fileChat ? fileChat.path : 'Slack (SLACK_WEBHOOK_URL)',
    alertsFile: fileChat?.path ?? null,
    pending: analysis,
    analyst,
    analystDescription,
    hint: rules.hint,
    readAhead: rules.readAhead,
    objects,
    fetcher,
    clock: systemClock,
    log: options.log,
    ...(config.killAt ? { checkpoint: killAtCheckpoint(config.killAt) } : {}),
    dynamoEndpoint: endpoint,
    storeBorrowedFrom: borrowedFrom,
    storeProcessPeakRss: () => embedded?.peakRss() ?? null,
    storeProcessCpuMs: () => embedded?.cpuMs() ?? null,
    close: async () => {
      await rules.close();
      mailer.close?.();
      // The last writes' data version (the query side's read models follow it) before the store closes.
      await dataVersionOf(store.tableAccess).flush().catch(() => undefined);
      client.destroy();
      await embedded?.close();
    },
  };
}
