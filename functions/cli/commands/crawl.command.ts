// `marquee crawl`: crawl every due source of the workspace once and report per source.
import { crawlWorkspace, type CrawlReport } from '../../../shared/ingest/crawl-workspace.js';
import type { CrawlSourceResult } from '../../../shared/ingest/crawl-source.js';
import { openContext, type CommonOptions } from '../context.js';
import { printJson, type Io } from '../output.js';

export interface CrawlOptions extends CommonOptions {
  json?: boolean;
  force?: boolean;
}

const MARK: Record<string, string> = { ok: '✓', not_modified: '=', skipped: '·', error: '✗' };

function describe(r: CrawlSourceResult): string {
  if (r.status === 'error') return r.error ?? 'failed';
  if (r.status === 'skipped') return `not due until ${r.nextDueAt}`;
  if (r.status === 'not_modified') return 'unchanged since last crawl';
  if (r.chartEntries) return `${r.chartEntries} chart entries`;
  if (r.interest) return r.interest.kind === 'youtube' ? `${r.interest.videos} videos, ${r.interest.counts} view counts` : `${r.interest.counts} days of page views`;
  return `${r.newItems} new, ${r.duplicates} duplicates`;
}

/** One human line for one source's crawl, then one indented line per parse warning (a repaired or recovered feed). */
export function formatSourceLine(r: CrawlSourceResult): string {
  const line = `  ${MARK[r.status] ?? '?'} ${r.id.padEnd(32)} ${r.status.padEnd(12)} ${describe(r)}  (${r.durationMs} ms)`;
  return [line, ...r.warnings.map((w) => `      warning: ${w}`)].join('\n');
}

/** The JSON shape of a crawl report (CLI contract: sources[{id,status,newItems,error}], totals). */
export function crawlJson(report: CrawlReport) {
  return {
    sources: report.sources.map(({ newItemIds: _ids, ...r }) => r),
    totals: report.totals,
  };
}

export async function crawlCommand(opts: CrawlOptions, io: Io, env: Record<string, string | undefined>): Promise<number> {
  const ctx = await openContext(opts, env, undefined, 'crawl');
  try {
    const report = await crawlWorkspace(ctx.workspace, ctx.runtime, {
      force: opts.force,
      concurrency: ctx.config.crawlConcurrency,
      onSource: opts.json ? undefined : (r) => io.out(formatSourceLine(r)),
    });
    if (opts.json) printJson(io, crawlJson(report));
    else {
      const t = report.totals;
      io.out(`crawled ${t.sources} sources in ${t.durationMs} ms: ${t.ok} ok, ${t.notModified} not modified, ${t.skipped} not due, ${t.errors} failed; ${t.newItems} new items, ${t.chartEntries} chart entries`);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}
