// The DynamoDB adapters of the store ports over the one table, built in one place: the local runtime and the Lambda
// runtimes take their stores from here instead of each constructing its own (each adapter is built on first use).
import type { DynamoStore } from './dynamo.store.js';
import { DynamoAnalysisStore } from './dynamo-analysis.store.js';
import { DynamoLedger, type DynamoLedgerOptions } from './dynamo-ledger.js';
import { DynamoInterestStore } from './dynamo-interest.store.js';
import { DynamoDigestStore, DynamoKeyStore } from './dynamo-query.store.js';
import { DynamoAnswerStore, DynamoBriefStore, DynamoFlagStore } from './dynamo-assist.store.js';
import { DynamoPurgeStore } from './dynamo-purge.store.js';

export interface DynamoStores {
  /** Items, source states and charts. */
  readonly store: DynamoStore;
  analysis(): DynamoAnalysisStore;
  interest(): DynamoInterestStore;
  briefs(): DynamoBriefStore;
  flags(): DynamoFlagStore;
  digests(): DynamoDigestStore;
  keys(): DynamoKeyStore;
  /** The answer archive, kept for the workspace's retention. */
  answers(retentionDays: number): DynamoAnswerStore;
  /** An idempotency ledger (a new one per owner: claims carry it). */
  ledger(options?: DynamoLedgerOptions): DynamoLedger;
  /** Old items and their index and identity rows, found and deleted (`marquee purge`). */
  purge(): DynamoPurgeStore;
}

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** The store adapters over `store`'s table. */
export function dynamoStores(store: DynamoStore): DynamoStores {
  const t = store.tableAccess;
  const answers = new Map<number, DynamoAnswerStore>();
  return {
    store,
    analysis: lazy(() => new DynamoAnalysisStore(t)),
    interest: lazy(() => new DynamoInterestStore(t)),
    briefs: lazy(() => new DynamoBriefStore(t)),
    flags: lazy(() => new DynamoFlagStore(t)),
    digests: lazy(() => new DynamoDigestStore(t)),
    keys: lazy(() => new DynamoKeyStore(t)),
    answers: (retentionDays) => answers.get(retentionDays) ?? answers.set(retentionDays, new DynamoAnswerStore(t, retentionDays)).get(retentionDays)!,
    ledger: (options = {}) => new DynamoLedger(t, options),
    purge: lazy(() => new DynamoPurgeStore(t)),
  };
}
