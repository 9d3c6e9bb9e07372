// Composition of the query side over stores: query service, agent (embedded or LLM) and the Hono app; used on Node and on Lambda.
import type { AppConfig } from '../../shared/config/app-config.js';
import type { Workspace } from '../../shared/model/workspace.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { EventStore, ReleaseStore } from '../../shared/ports/analysis-store.js';
import type { ChartStore, ItemStore, SourceStateStore } from '../../shared/ports/store.js';
import type { DigestStore } from '../../shared/ports/digest-store.js';
import type { KeyStore } from '../../shared/ports/key-store.js';
import type { RateLimit } from '../../shared/ports/rate-limit.js';
import { cachedKeys } from '../../shared/auth/api-keys.js';
import { QueryService } from '../../shared/query/query-service.js';
import { answerEmbedded, TitleVocabulary } from '../../agents/query/embedded-query-agent.js';
import type { AskResponse } from '../../shared/query/schemas.js';
import { createApp } from './app.js';
import type { SignInDeps } from './sign-in-routes.js';
import type { AssistDeps } from './assist-routes.js';
import type { BriefStore } from '../../shared/ports/brief-store.js';
import type { FlagStore } from '../../shared/ports/flag-store.js';
import type { AnswerStore } from '../../shared/ports/answer-store.js';
import { selectQueryAgent } from '../../agents/query/select-query-agent.js';
import { surprisesView, titleRun } from '../../shared/analysis/boxoffice-view.js';
import type { SurpriseMemo } from '../../shared/analysis/boxoffice-series.js';
import type { InterestStore } from '../../shared/ports/interest-store.js';
import { asksAboutInterest } from '../../shared/query/question.js';
import { interestDetail, interestOverview } from '../../shared/interest/interest-view.js';
import type { DataVersion } from '../../shared/ports/data-version.js';
import { ReadModel, type ReadModelOptions } from '../../shared/query/read-model.js';

/** The settings the query side reads (a subset of AppConfig, so Lambda can build it from its own environment). */
export type QuerySettings = Pick<AppConfig, 'analyst' | 'openaiApiKey' | 'openaiBaseUrl' | 'model' | 'queryMaxToolCalls' | 'apiRateLimitPerMinute' | 'apiCacheSeconds'>;

export interface AssistStores {
  briefs: BriefStore;
  flags: FlagStore;
  answers: AnswerStore;
  /** HMAC secret of the "flag as wrong" links (absent: no signed links). */
  linkSecret?: string;
  explain?: AssistDeps['explain'];
}

export interface QueryStores {
  analysis: EventStore & ReleaseStore;
  store: ItemStore & ChartStore & SourceStateStore;
  digests: DigestStore;
  /** With `generation`, cached keys are dropped when it changes (local revocation); with `recordUse`, last use is kept. */
  keys: Pick<KeyStore, 'getKey'> & Partial<Pick<KeyStore, 'recordUse'>> & { generation?: () => string };
  /** Briefs, feedback, audit (their routes exist only when given). */
  assist?: AssistStores;
  /** Audience interest: GET /v1/interest, the page's interest section and interest questions (absent: none). */
  interest?: InterestStore;
  /** A shared rate limit (Lambda: the DynamoDB counter); unset = in memory, per process. */
  rateLimit?: RateLimit;
  /** Browser sign-in (Lambda, when the stack configured a provider); unset = API keys only. */
  signIn?: SignInDeps;
  /**
   * The data version the read model follows (unset: the store adapters' own, when they have one; null: no read model,
   * every read goes to the store).
   */
  version?: DataVersion | null;
  /** Options of the read model (how often the stored version is read, what is preloaded). */
  readModel?: Omit<ReadModelOptions, 'now' | 'workspace'>;
}

/** The data version the store adapters bump (the DynamoDB ones do), if any. */
function adapterVersion(stores: QueryStores): DataVersion | null {
  const v = (stores.analysis as { dataVersion?: DataVersion }).dataVersion;
  return v && typeof v.current === 'function' ? v : null;
}

export interface QuerySide {
  service: QueryService;
  ask: (question: string) => Promise<AskResponse>;
  /** Who answers: "embedded query parser" or the model. */
  agentDescription: string;
  app: ReturnType<typeof createApp>;
  /** The read model the query side reads through (null: it reads the store). */
  readModel: ReadModel | null;
}

/** Wires the query service and agent; `now` follows the workspace clock when it pins one (the demo does). */
export function buildQuerySide(config: QuerySettings, workspace: Workspace, stores: QueryStores, log?: Logger): QuerySide {
  const now = workspace.clock ? () => new Date(workspace.clock!) : () => new Date();
  // Reads go to an in-memory model of the current data (per process or Lambda container), refreshed when the data version changes.
  const version = stores.version === undefined ? adapterVersion(stores) : stores.version;
  const model = version
    ? new ReadModel(stores, version, { onPreload: (done) => log?.info('query read model preloaded', done), ...stores.readModel, now, workspace: workspace.name })
    : null;
  const reads = model ?? stores;
  const service = new QueryService({ workspace, analysis: reads.analysis, store: reads.store, digests: reads.digests, now, interest: reads.interest });
  const vocabulary = new TitleVocabulary(service);
  const embedded = async (q: string) => {
    const { parsed: _p, ...answer } = await answerEmbedded(service, vocabulary, q);
    return answer;
  };
  const selected = selectQueryAgent(config, { service, vocabulary, embedded, log });
  // Interest figures are computed, not read from articles: the embedded reader states them with their sources.
  const agent = stores.interest ? { ...selected, ask: (q: string) => (asksAboutInterest(q) ? embedded(q) : selected.ask(q)) } : selected;
  const interest = reads.interest;
  const interestView = interest
    ? {
        overview: () => interestOverview({ interest, today: () => service.today() }),
        detail: (title: string) => interestDetail({ workspace, interest, analysis: reads.analysis, store: reads.store, today: () => service.today() }, title),
      }
    : undefined;
  const keys = stores.keys;
  const surpriseMemo: SurpriseMemo = {};
  const app = createApp({
    query: service,
    keys: cachedKeys(keys, 10_000, Date.now, keys.generation),
    ...(keys.recordUse ? { recordKeyUse: (id: string, at: Date) => keys.recordUse!(id, at.toISOString()) } : {}),
    ask: agent.ask,
    boxOffice: { run: (title: string) => titleRun(reads.store, title), surprises: () => surprisesView(reads.store, surpriseMemo) }, interest: interestView, rateLimit: { perMinute: config.apiRateLimitPerMinute }, cacheSeconds: config.apiCacheSeconds,
    ...(stores.rateLimit ? { limiter: stores.rateLimit } : {}),
    ...(stores.signIn ? { signIn: stores.signIn } : {}),
    log,
    ...(stores.assist
      ? {
          assist: {
            ...stores.assist,
            analysis: reads.analysis,
            store: reads.store,
            now: () => new Date(),
            sentiment: {
              competitors: workspace.competitors.map((c) => c.name),
              sourceNames: new Map(workspace.sources.map((s) => [s.id, s.name ?? s.id])),
              today: () => service.today(),
            },
          },
        }
      : {}),
  });
  return { service, ask: agent.ask, agentDescription: agent.description, app, readModel: model };
}

