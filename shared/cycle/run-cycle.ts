// Use-case runCycle: one whole cycle of the main job (today: crawl; analysis, alerts and digest join later).
import type { Workspace } from '../model/workspace.js';
import type { CrawlDeps, CrawlSourceResult } from '../ingest/crawl-source.js';
import { crawlWorkspace, type CrawlReport } from '../ingest/crawl-workspace.js';

export interface CycleReport {
  workspace: string;
  startedAt: string;
  durationMs: number;
  crawl: CrawlReport;
}

export interface CycleOptions {
  force?: boolean;
  concurrency?: number;
  onSource?: (r: CrawlSourceResult) => void;
}

/** Runs one cycle over a workspace with the given adapters. */
export async function runCycle(workspace: Workspace, deps: CrawlDeps, options: CycleOptions = {}): Promise<CycleReport> {
  const started = Date.now();
  const startedAt = deps.clock.now().toISOString();
  const crawl = await crawlWorkspace(workspace, deps, options);
  return { workspace: workspace.name, startedAt, durationMs: Date.now() - started, crawl };
}
