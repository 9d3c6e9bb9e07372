// Use-case crawlAndHandOff: crawls one source and hands its new items to the analysis queue before the crawl commits.
import type { Source, Workspace } from '../model/workspace.js';
import type { SourceState } from '../model/source-state.js';
import { crawlSource, type CrawlDeps, type CrawlSourceResult } from './crawl-source.js';
import { durationMs } from '../util/duration.js';
import { mapLimit } from '../util/concurrency.js';
import { withOverrides } from '../util/overrides.js';
import { chunk, type Queue } from '../ports/queue.js';
import type { AnalyzeMessage, AnalyzeRoundMessage } from '../model/queue-message.js';
import type { CrawlRoundStore, RoundProgress } from '../ports/crawl-rounds.js';

/** Item ids per analysis message: keeps every message far below the SQS size limit. */
export const ITEM_IDS_PER_MESSAGE = 100;


export interface HandoffDeps extends CrawlDeps {
  analyzeQueue: Queue;
  /**
   * In a crawl round: the new items are marked pending (before the crawl commits) instead of being sent, and the
   * round's analysis takes everything pending (see `finishInRound`).
   */
  markPending?: (itemIds: string[]) => Promise<void>;
}

export interface HandoffResult {
  crawl: CrawlSourceResult;
  /** The source state this crawl recorded (null when the crawl was skipped as not due). */
  state: SourceState | null;
  /** Ids sent to the analysis queue: this crawl's new items plus any an earlier attempt stored but never handed off. */
  handedOff: string[];
}

/**
 * The store or object store failed during a crawl. Raised instead of recording the failure as the
 * source's own (with backoff), so the message is retried and nothing the crawl stored is stranded.
 */
export class CrawlInfrastructureError extends Error {
  constructor(sourceId: string, options: { cause: unknown }) {
    const reason = (options.cause as Error)?.message ?? String(options.cause);
    super(`crawl of "${sourceId}" could not complete, storage failed: ${reason}`, options);
    this.name = 'CrawlInfrastructureError';
  }
}

/**
 * Crawls one source (see `crawlSource`) and sends the ids of the items it stored to `analyzeQueue`
 * BEFORE the new source state is written. Why this order:
 * - a failed send leaves the state unwritten, so the retry fetches and parses again; the items it
 *   finds already stored but fetched after the last successful crawl were never handed off, and
 *   are sent again (at least once; analysis must be idempotent). That check costs one read per
 *   already-known item of a changed page, never anything for an unchanged one;
 * - a store or object-store failure is an infrastructure fault, not the source's: it fails the
 *   call (the SQS record is retried, then dead-lettered) instead of backing the source off.
 */
export async function crawlAndHandOff(
  workspace: Pick<Workspace, 'baseUrl'>,
  source: Source,
  deps: HandoffDeps,
  options: { force?: boolean } = {},
): Promise<HandoffResult> {
  const inner = deps.store;
  const pending = new Set<string>();
  const handedOff: string[] = [];
  let lastSuccessAt: string | null = null;
  let committed: SourceState | null = null;
  let infraFailure: { cause: unknown } | null = null;

  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      infraFailure ??= { cause: err };
      throw err;
    }
  };

  /** An item already stored by an attempt after the last successful crawl was never handed off. */
  const stranded = async (id: string): Promise<boolean> => {
    const item = await guard(() => inner.getItem(id));
    return item !== null && (lastSuccessAt === null || item.fetchedAt > lastSuccessAt);
  };

  const overrides: Partial<CrawlDeps['store']> = {
    getSourceState: async (id) => {
      const state = await guard(() => inner.getSourceState(id));
      lastSuccessAt = state?.lastSuccessAt ?? null;
      return state;
    },
    unknownItemIds: async (ids) => {
      const unknown = await guard(() => inner.unknownItemIds(ids));
      // Known ids are skipped by crawlSource; one read each tells whether a failed attempt left them behind.
      const known = [...new Set(ids)].filter((id) => !unknown.has(id));
      const found = await mapLimit(known, 8, async (id) => ((await stranded(id)) ? id : null));
      for (const id of found) if (id) pending.add(id);
      return unknown;
    },
    putItems: async (entries) => {
      const out = await guard(() => inner.putItems(entries));
      await mapLimit(out, 8, async (o, i) => {
        const id = entries[i]!.item.id;
        if (o.status === 'new' || (o.status === 'exists' && (await stranded(id)))) pending.add(id);
      });
      return out;
    },
    putSourceState: async (state) => {
      if (infraFailure) throw new CrawlInfrastructureError(source.id, infraFailure);
      if (pending.size > 0) {
        const ids = [...pending];
        if (deps.markPending) await guard(() => deps.markPending!(ids));
        else await deps.analyzeQueue.send(chunk(ids, ITEM_IDS_PER_MESSAGE).map((itemIds): AnalyzeMessage => ({ sourceId: source.id, itemIds })));
        handedOff.push(...ids);
      }
      await guard(() => inner.putSourceState(state));
      committed = state;
    },
  };

  const crawl = await crawlSource(workspace, source, { ...deps, store: guarded(inner, guard, overrides), objects: guarded(deps.objects, guard) }, options);
  return { crawl, state: committed, handedOff };
}

/** `target` with `overrides` in place and every other method's failure recorded by `guard` (new port methods included). */
function guarded<T extends object>(target: T, guard: <R>(call: () => Promise<R>) => Promise<R>, overrides: Partial<T> = {}): T {
  return withOverrides(target, overrides, (call) => guard(() => Promise.resolve(call())));
}

/**
 * Records the source done in its crawl round; the worker that completes the round (or finds no such round: a message
 * sent by hand, a round expired) sends the analysis message: everything pending, in time order, as the local cycle.
 */
export async function finishInRound(
  deps: { rounds: CrawlRoundStore; analyzeQueue: Queue },
  roundId: string,
  sourceId: string,
  owner: string,
): Promise<RoundProgress> {
  const progress = await deps.rounds.finish(roundId, sourceId, owner);
  if (progress === 'complete' || progress === 'unknown') await deps.analyzeQueue.send([{ roundId } satisfies AnalyzeRoundMessage]);
  return progress;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * How long a source has been failing, at least: since its last success, or — when it never
 * succeeded — the backoff waits between its consecutive failures (the same schedule as `nextDue`).
 */
export function failingForMs(state: SourceState, source: Pick<Source, 'schedule'>, now: Date): number {
  if (state.consecutiveFailures === 0) return 0;
  if (state.lastSuccessAt) return Math.max(0, now.getTime() - Date.parse(state.lastSuccessAt));
  const everyMs = durationMs(source.schedule.every);
  let total = 0;
  for (let i = 1; i < state.consecutiveFailures; i++) total += Math.min(everyMs * 2 ** (i - 1), DAY_MS);
  return total;
}

/** True when a source has been failing for a day or more (the "source failing for a day" alarm). */
export function failingForADay(state: SourceState, source: Pick<Source, 'schedule'>, now: Date): boolean {
  return failingForMs(state, source, now) >= DAY_MS;
}
