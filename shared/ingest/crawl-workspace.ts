// Use-case crawlWorkspace: crawls every due source of a workspace, each failing alone.
import type { Workspace } from '../model/workspace.js';
import type { SourceState } from '../model/source-state.js';
import { mapLimit } from '../util/concurrency.js';
import { withOverrides } from '../util/overrides.js';
import { crawlSource, describeFailure, type CrawlDeps, type CrawlSourceResult } from './crawl-source.js';
import { SeenSet } from './dedupe.js';

export interface CrawlTotals {
  sources: number;
  ok: number;
  notModified: number;
  errors: number;
  skipped: number;
  newItems: number;
  duplicates: number;
  chartEntries: number;
  durationMs: number;
}

export interface CrawlReport {
  sources: CrawlSourceResult[];
  totals: CrawlTotals;
}

/** Unchanged sources' states written in one batched request per this many. */
const STATE_BATCH = 25;

/**
 * The crawl's view of the store for one round: every source state read in one query up front (a source the
 * list lacks is read by key), and the states of sources that answered "not modified" written together in
 * batches instead of one request each. Such a state only moves the source's clock (last attempt, next due):
 * if the process dies before the batch lands, the source is asked again next time and answers 304 again.
 * Every other state (new items, an error and its backoff) is written at once, as before.
 */
async function roundStore(store: CrawlDeps['store']) {
  // A store that cannot list them (down, or a test double without the list) leaves each source to read its own.
  const listed = await Promise.resolve()
    .then(() => store.listSourceStates())
    .catch(() => [] as SourceState[]);
  const states = new Map(listed.map((s) => [s.sourceId, s]));
  const unchanged: SourceState[] = [];
  const flush = async () => {
    if (unchanged.length > 0) await store.putSourceStates(unchanged.splice(0));
  };
  const overrides: Partial<CrawlDeps['store']> = {
    getSourceState: async (id) => states.get(id) ?? (await store.getSourceState(id)),
    putSourceState: async (state) => {
      if (state.lastStatus !== 'not_modified') return store.putSourceState(state);
      unchanged.push(state);
      if (unchanged.length >= STATE_BATCH) await flush();
    },
  };
  return { view: withOverrides(store, overrides), flush };
}

/** Crawls the enabled sources of a workspace with bounded concurrency; one source's failure never stops another. */
export async function crawlWorkspace(
  workspace: Workspace,
  deps: CrawlDeps,
  options: { force?: boolean; concurrency?: number; onSource?: (r: CrawlSourceResult) => void } = {},
): Promise<CrawlReport> {
  const started = Date.now();
  const sources = workspace.sources.filter((s) => s.enabled);
  // One registry of new items' identity keys for the round: a copy in two sources is stored once.
  const round = new SeenSet();
  const states = await roundStore(deps.store);
  const roundDeps: CrawlDeps = { ...deps, store: states.view };
  const results = await mapLimit(sources, options.concurrency ?? 4, async (source) => {
    let r: CrawlSourceResult;
    try {
      r = await crawlSource(workspace, source, roundDeps, { force: options.force, round });
    } catch (err) {
      // The source's own failures are recorded inside crawlSource; this is the store itself failing.
      const { code, message } = describeFailure(err);
      deps.log?.error('could not crawl source', { source: source.id, code, reason: message });
      r = {
        id: source.id, status: 'error', newItems: 0, duplicates: 0, seenItems: 0, chartEntries: 0, newItemIds: [],
        error: message, errorCode: code, warnings: [], nextDueAt: null, durationMs: 0,
      };
    }
    deps.checkpoint?.('crawl.source');
    options.onSource?.(r);
    return r;
  });
  try {
    await states.flush();
  } catch (err) {
    // The sources were crawled; only their clocks did not move: they are asked again (a 304) next time.
    const { code, message } = describeFailure(err);
    deps.log?.warn('could not record the unchanged sources; they are asked again next time', { code, reason: message });
  }
  const totals: CrawlTotals = {
    sources: results.length,
    ok: results.filter((r) => r.status === 'ok').length,
    notModified: results.filter((r) => r.status === 'not_modified').length,
    errors: results.filter((r) => r.status === 'error').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    newItems: results.reduce((n, r) => n + r.newItems, 0),
    duplicates: results.reduce((n, r) => n + r.duplicates, 0),
    chartEntries: results.reduce((n, r) => n + r.chartEntries, 0),
    durationMs: Date.now() - started,
  };
  return { sources: results, totals };
}
