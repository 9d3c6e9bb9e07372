// Composition root of the one-machine runtime: embedded DynamoDB-protocol server, folder snapshots, safe fetcher.
import { join } from 'node:path';
import type { AppConfig } from '../../shared/config/app-config.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { DynamoStore } from '../../shared/store/dynamo.store.js';
import { createDynamoClient, ensureTable } from '../../shared/store/dynamo-client.js';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../../shared/store/embedded-dynamo.js';
import { FolderObjectStore } from '../../shared/objects/folder.objects.js';
import { S3ObjectStore, createS3Client } from '../../shared/objects/s3.objects.js';
import type { ObjectStore } from '../../shared/ports/object-store.js';
import { SafeHttpFetcher } from '../../shared/http/safe-http.fetcher.js';
import { systemClock, type Clock } from '../../shared/ports/clock.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { CrawlDeps } from '../../shared/ingest/crawl-source.js';
import { ConfigError } from '../../shared/config/errors.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import type { Analyst } from '../../shared/ports/analyst.js';
import type { ClusterHint } from '../../shared/analysis/cluster.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { DynamoDigestStore, DynamoKeyStore } from '../../shared/store/dynamo-query.store.js';
import { DynamoAnswerStore, DynamoBriefStore, DynamoFlagStore } from '../../shared/store/dynamo-assist.store.js';
import type { AssistStores } from '../http/query-side.js';
import { localLinkSecret } from './link-secret.js';
import { auditExplainer } from '../../shared/audit/index.js';
import { createLlmBriefWriter } from '../../agents/assist/llm-brief-writer.js';
import type { BriefWriter } from '../../shared/assist/counter-briefs.js';
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
import { EMBEDDED_ANALYST_VERSION } from '../../agents/analyst/embedded/embedded-analyst.js';

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
  /** Hashed API keys of the query API. */
  keys: DynamoKeyStore;
  /** Counter-programming briefs and their reviews. */
  briefs: DynamoBriefStore;
  /** "Flag as wrong" feedback. */
  flags: DynamoFlagStore;
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
  /** Peak resident memory of the embedded store's own process (bytes), or null (no such process, or not Linux). */
  storeProcessPeakRss(): number | null;
  close(): Promise<void>;
}

/**
 * Wires the local adapters around the shared use-cases. Without a configured DynamoDB endpoint it
 * starts the embedded server with its data under `dataDir` (or in memory with `inMemory`).
 */
export async function openLocalRuntime(
  config: AppConfig,
  workspace: Workspace,
  options: { inMemory?: boolean; log?: Logger; print?: (line: string) => void } = {},
): Promise<LocalRuntime> {
  let embedded: EmbeddedDynamo | undefined;
  let endpoint = config.dynamoEndpoint;
  if (!endpoint) {
    try {
      // By default in its own process: the store's request handling and LevelDB work run on another
      // core than the cycle (bench:scale --store inline|process compares the two).
      embedded = await startEmbeddedDynamo({ path: options.inMemory ? undefined : join(config.dataDir, 'dynamo'), ownProcess: config.embeddedStore === 'process' });
    } catch (err) {
      const msg = (err as Error).message;
      throw new ConfigError(
        /lock/i.test(msg)
          ? `the data dir ${config.dataDir} is in use by another marquee process (stop it, or use --data-dir)`
          : `could not start the embedded store in ${config.dataDir}: ${msg}`,
        { cause: err },
      );
    }
    endpoint = embedded.endpoint;
  }
  const client = createDynamoClient({ endpoint, region: config.region });
  await ensureTable(client, config.tableName);
  const store = new DynamoStore({ client, tableName: config.tableName });
  const analysis = new DynamoAnalysisStore(store.tableAccess);
  // The workspace may pin "now" (the demo does): the analyst reads undated stories against it.
  const asOf = workspace.clock ? () => new Date(workspace.clock!) : undefined;
  // One reading of each document by the embedded rules serves both the clustering hint and the analyst.
  // A reading thread reads the next batch's items while the main thread handles the current one.
  const rules = embeddedRules(workspace, asOf, { thread: () => startReadingThread({ competitors: workspace.competitors, slate: workspace.slate, clock: workspace.clock }) });
  const { analyst, description: analystDescription } = selectAnalyst(config, {
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
  });
  const briefs = new DynamoBriefStore(store.tableAccess);
  const answers = new DynamoAnswerStore(store.tableAccess, workspace.retentionDays);
  const linkSecret = config.linkSecret ?? (await localLinkSecret(options.inMemory ? null : config.dataDir));
  const flags = new DynamoFlagStore(store.tableAccess);
  const mailer: Mailer & { close?: () => void } = config.smtpUrl ? new SmtpMailer(config.smtpUrl) : new FileMailer(config.outDir);
  const fileChat = config.slackWebhookUrl ? null : new FileChat(config.outDir, options.print);
  const chat: ChatPoster = fileChat ?? new SlackWebhookChat(config.slackWebhookUrl!, { channel: workspace.slack?.channel, log: options.log });
  return {
    store,
    analysis,
    ledger: new DynamoLedger(store.tableAccess),
    digests: new DynamoDigestStore(store.tableAccess),
    keys: new DynamoKeyStore(store.tableAccess),
    briefs,
    flags,
    assist: {
      briefs,
      flags,
      answers,
      linkSecret,
      explain: auditExplainer({ analysis, store, briefs, answers }),
    },
    links: { publicUrl: config.publicUrl, linkSecret },
    ...(config.analyst === 'llm' || (config.analyst === 'auto' && config.openaiApiKey)
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
    dynamoEndpoint: endpoint,
    storeProcessPeakRss: () => embedded?.peakRss() ?? null,
    close: async () => {
      await rules.close();
      mailer.close?.();
      client.destroy();
      await embedded?.close();
    },
  };
}
