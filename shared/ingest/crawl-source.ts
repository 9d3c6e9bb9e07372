// Use-case crawlSource: one conditional GET of one source, snapshot, parse, normalize, dedupe, store.
import type { Source, Workspace } from '../model/workspace.js';
import type { Item } from '../model/item.js';
import { emptySourceState, type SourceState } from '../model/source-state.js';
import type { Fetcher } from '../ports/fetcher.js';
import { FetchError } from '../ports/fetcher.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { ChartStore, ItemStore, SourceStateStore } from '../ports/store.js';
import type { Clock } from '../ports/clock.js';
import type { PendingStore } from '../ports/analysis-store.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { Checkpoint } from '../ports/checkpoint.js';
import { parseDocument } from './parse/parse-document.js';
import { ParseError } from './parse/parse.types.js';
import { SeenSet, identityKeys, itemIdFor } from './dedupe.js';
import { durationMs } from '../util/duration.js';
import { isDue, nextDue, resolveSourceUrl } from './schedule.js';

import { sha256Hex } from '../util/text.js';
import { fetchUrlOf, isInterestSource, recordInterest, type InterestCrawl } from '../interest/record-interest.js';
import type { InterestWriter } from '../ports/interest-store.js';
import { mapLimit } from '../util/concurrency.js';

export interface CrawlDeps {
  fetcher: Fetcher;
  store: ItemStore & SourceStateStore & ChartStore;
  objects: ObjectStore;
  clock: Clock;
  /** Where new items wait for analysis (local runtime); in AWS the hand-off is a queue message instead. */
  pending?: PendingStore;
  /** Where interest sources (youtube, pageviews) record their counts. */
  interest?: InterestWriter;
  log?: Logger;
  /** Named points between steps (fault injection for the crash tests). */
  checkpoint?: Checkpoint;
}

export type CrawlStatus = 'ok' | 'not_modified' | 'error' | 'skipped';

export interface CrawlSourceResult {
  id: string;
  status: CrawlStatus;
  newItems: number;
  duplicates: number;
  seenItems: number;
  chartEntries: number;
  /** Ids of the items stored by this crawl, to hand to analysis. */
  newItemIds: string[];
  error: string | null;
  errorCode: string | null;
  warnings: string[];
  nextDueAt: string | null;
  durationMs: number;
  /** What an interest source recorded (videos and view counts, or days of page views). */
  interest?: InterestCrawl;
}

const MAX_KEPT_WARNINGS = 10;

function extensionFor(contentType: string | undefined, kind: Source['kind']): string {
  if (contentType?.includes('html')) return 'html';
  if (contentType?.includes('xml')) return 'xml';
  if (contentType?.includes('json')) return 'json';
  return kind === 'rss' ? 'xml' : 'html';
}

/**
 * Crawls one source once. Never throws for a source's own failure: the failure is recorded in the
 * source state with a plain reason and a backoff, and returned as status "error". `round`: the
 * identity keys of the new items of the other sources crawled in the same round (shared by them).
 */
export async function crawlSource(
  workspace: Pick<Workspace, 'baseUrl'>,
  source: Source,
  deps: CrawlDeps,
  options: { force?: boolean; round?: SeenSet } = {},
): Promise<CrawlSourceResult> {
  const log = deps.log ?? silentLogger;
  const started = Date.now();
  const now = deps.clock.now();
  const state = (await deps.store.getSourceState(source.id)) ?? emptySourceState(source.id);
  const everyMs = durationMs(source.schedule.every);
  const result: CrawlSourceResult = {
    id: source.id,
    status: 'ok',
    newItems: 0,
    duplicates: 0,
    seenItems: 0,
    chartEntries: 0,
    newItemIds: [],
    error: null,
    errorCode: null,
    warnings: [],
    nextDueAt: state.nextDueAt,
    durationMs: 0,
  };
  if (!options.force && !isDue(state, now)) {
    result.status = 'skipped';
    result.durationMs = Date.now() - started;
    return result;
  }

  const next: SourceState = { ...state, lastAttemptAt: now.toISOString() };
  try {
    const url = fetchUrlOf(source, resolveSourceUrl(workspace, source), now);
    const res = await deps.fetcher.fetch({ url, etag: state.etag, lastModified: state.lastModified });
    next.etag = res.headers.etag ?? (res.notModified ? state.etag : null);
    next.lastModified = res.headers['last-modified'] ?? (res.notModified ? state.lastModified : null);
    const bodyHash = res.notModified ? state.bodyHash : sha256Hex(res.body, 32);

    if (res.notModified || bodyHash === state.bodyHash) {
      // Unchanged: one conditional request, no parse, no item writes, no snapshot.
      result.status = 'not_modified';
    } else {
      const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const snapshotKey = `raw/${source.id}/${now.toISOString().slice(0, 10)}/${stamp}-${bodyHash!.slice(0, 8)}.${extensionFor(res.headers['content-type'], source.kind)}`;
      await deps.objects.put(snapshotKey, res.body, res.headers['content-type']);
      next.lastSnapshotKey = snapshotKey;

      // Interest sources record counts and go on as a feed without items.
      const parsed = isInterestSource(source) ? await recordInterest(source, res, { interest: deps.interest, now }, result) : await parseDocument(res.body, {
        name: url,
        kind: source.kind,
        baseUrl: res.url,
        contentType: res.headers['content-type'],
        selectors: source.kind === 'html' ? source.selectors : undefined,
        layout: source.kind === 'boxoffice' ? source.layout : undefined,
      });
      result.warnings = parsed.warnings;
      // Kept on the source (bounded) so a feed that only parses thanks to repairs shows up in health, not just once.
      next.lastWarnings = parsed.warnings.slice(0, MAX_KEPT_WARNINGS);

      if (parsed.kind === 'boxoffice') {
        const stored = await deps.store.putChart({
          ...parsed.chart,
          sourceId: source.id,
          fetchedAt: now.toISOString(),
          entries: parsed.entries,
        });
        result.chartEntries = stored.entries;
      } else {
        const seen = new SeenSet();
        const fresh = parsed.items.filter((it) => {
          const first = seen.add(it);
          if (!first) result.duplicates++;
          return first;
        });
        result.seenItems = parsed.items.length;
        const ids = fresh.map((it) => itemIdFor(it, source.id));
        const unknown = await deps.store.unknownItemIds(ids);
        const candidates = fresh
          .map((it, i) => ({ parsed: it, id: ids[i]! }))
          .filter((c) => unknown.has(c.id))
          // A copy another source of this round is storing (syndication) is its duplicate: decided here, in
          // memory, so that sources crawled at the same time never both store it.
          .filter((c) => options.round?.add(c.parsed) !== false || (result.duplicates++, false));
        // Marked before they are stored: an item is never stored without being queued for analysis.
        if (deps.pending && candidates.length > 0) await deps.pending.markPending(candidates.map((c) => c.id));
        const entries = candidates.map(({ parsed: parsedItem, id }) => ({
          item: {
            ...parsedItem,
            id,
            sourceId: source.id,
            studio: source.studio ?? null,
            tags: source.tags,
            fetchedAt: now.toISOString(),
            snapshotKey,
          } satisfies Item,
          identityKeys: identityKeys(parsedItem),
        }));
        // One batched write for the page: a new item costs a fraction of a request, not four.
        const stored = entries.length > 0 ? await deps.store.putItems(entries) : [];
        const outcomes = stored.map((out, i) => ({ id: entries[i]!.item.id, status: out.status }));
        for (const o of outcomes) {
          if (o.status === 'new') {
            result.newItems++;
            result.newItemIds.push(o.id);
          } else if (o.status === 'duplicate') result.duplicates++;
        }
        next.itemsTotal = state.itemsTotal + result.newItems;
      }
      // Remember the body only once it is fully stored: a crash before here re-parses next time.
      next.bodyHash = bodyHash;
      result.status = 'ok';
    }
    next.lastStatus = result.status;
    next.lastSuccessAt = now.toISOString();
    next.consecutiveFailures = 0;
    next.lastError = null;
    next.lastErrorCode = null;
    next.nextDueAt = nextDue(now, everyMs, 0);
  } catch (err) {
    const failures = state.consecutiveFailures + 1;
    const { code, message } = describeFailure(err);
    if (code === 'internal') log.error('crawl failed unexpectedly', { source: source.id, error: String((err as Error)?.stack ?? err) });
    else log.warn('source failed', { source: source.id, code, reason: message });
    result.status = 'error';
    result.error = message;
    result.errorCode = code;
    next.lastStatus = 'error';
    next.consecutiveFailures = failures;
    next.lastError = message;
    next.lastErrorCode = code;
    next.nextDueAt = nextDue(now, everyMs, failures, err instanceof FetchError ? err.details.retryAfterSeconds : undefined);
    // Keep the old validators and body hash: the next attempt must fetch and parse in full.
    next.etag = state.etag;
    next.lastModified = state.lastModified;
    next.bodyHash = state.bodyHash;
  }
  await deps.store.putSourceState(next);
  result.nextDueAt = next.nextDueAt;
  result.durationMs = Date.now() - started;
  return result;
}

/** A plain-words reason and a stable code for any failure of one source. */
export function describeFailure(err: unknown): { code: string; message: string } {
  if (err instanceof FetchError) return { code: err.code, message: err.message };
  if (err instanceof ParseError) return { code: err.code, message: err.message };
  const e = err as Error;
  return { code: 'internal', message: `internal error: ${e?.message ?? String(err)}` };
}
