// Composition of the query side over a runtime's stores: query service, agent (embedded or LLM), Hono app, Node server.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { AppConfig } from '../../shared/config/app-config.js';
import type { Workspace } from '../../shared/model/workspace.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { EventStore, ReleaseStore } from '../../shared/ports/analysis-store.js';
import type { ChartStore, ItemStore, SourceStateStore } from '../../shared/ports/store.js';
import type { DigestStore } from '../../shared/ports/digest-store.js';
import type { KeyStore } from '../../shared/ports/key-store.js';
import { cachedKeys } from '../../shared/auth/api-keys.js';
import { QueryService } from '../../shared/query/query-service.js';
import { answerEmbedded, TitleVocabulary } from '../../shared/query/embedded-agent.js';
import type { AskResponse } from '../../shared/query/schemas.js';
import { createApp } from '../http/app.js';
import { selectQueryAgent } from '../../agents/query/select-query-agent.js';

export interface QueryStores {
  analysis: EventStore & ReleaseStore;
  store: ItemStore & ChartStore & SourceStateStore;
  digests: DigestStore;
  keys: Pick<KeyStore, 'getKey'>;
}

export interface QuerySide {
  service: QueryService;
  ask: (question: string) => Promise<AskResponse>;
  /** Who answers: "embedded query parser" or the model. */
  agentDescription: string;
  app: ReturnType<typeof createApp>;
}

/** Wires the query service and agent; `now` follows the workspace clock when it pins one (the demo does). */
export function buildQuerySide(config: AppConfig, workspace: Workspace, stores: QueryStores, log?: Logger): QuerySide {
  const now = workspace.clock ? () => new Date(workspace.clock!) : () => new Date();
  const service = new QueryService({ workspace, analysis: stores.analysis, store: stores.store, digests: stores.digests, now });
  const vocabulary = new TitleVocabulary(service);
  const embedded = async (q: string) => {
    const { parsed: _p, ...answer } = await answerEmbedded(service, vocabulary, q);
    return answer;
  };
  const agent = selectQueryAgent(config, { service, vocabulary, embedded, log });
  const app = createApp({ query: service, keys: cachedKeys(stores.keys), ask: agent.ask, rateLimit: { perMinute: config.apiRateLimitPerMinute }, cacheSeconds: config.apiCacheSeconds, log });
  return { service, ask: agent.ask, agentDescription: agent.description, app };
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the app on 127.0.0.1; a busy preferred port falls back to a free one unless `strictPort`. */
export async function startQueryServer(app: QuerySide['app'], port: number, strictPort = false): Promise<RunningServer> {
  let inFlight = 0;
  const fetch = async (req: Request, ...rest: unknown[]) => {
    inFlight++;
    try {
      return await app.fetch(req, ...(rest as []));
    } finally {
      inFlight--;
    }
  };
  const listen = (p: number) =>
    new Promise<ServerType>((resolve, reject) => {
      const server = serve({ fetch, hostname: '127.0.0.1', port: p }, () => resolve(server));
      server.once('error', reject);
    });
  let server: ServerType;
  try {
    server = await listen(port);
  } catch (err) {
    if (strictPort || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    server = await listen(0);
  }
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    // Stop accepting, drop idle keep-alive connections, and let requests in flight finish (up to 5 s) before the store closes.
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      for (let waited = 0; inFlight > 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}
