// Use-case crawlWorkspace: crawls every due source of a workspace, each failing alone.
import type { Workspace } from '../model/workspace.js';
import { mapLimit } from '../util/concurrency.js';
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
  const results = await mapLimit(sources, options.concurrency ?? 4, async (source) => {
    let r: CrawlSourceResult;
    try {
      r = await crawlSource(workspace, source, deps, { force: options.force, round });
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
