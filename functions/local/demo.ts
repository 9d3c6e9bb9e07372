// The bundled demo workspace: loads it and serves its sources from a local HTTP server with 304 support.
import { fileURLToPath } from 'node:url';
import { loadWorkspaceFile } from '../../shared/config/workspace-file.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { startStaticSite, type StaticSiteServer } from '../../shared/local/static-site.server.js';
import { readFile } from 'node:fs/promises';
import { importInterestArchive, type ArchiveImport } from '../../shared/interest/import-archive.js';
import type { ForecastStore, InterestWriter } from '../../shared/ports/interest-store.js';
import type { IdempotencyLedger } from '../../shared/ports/ledger.js';

export const DEMO_DIR = fileURLToPath(new URL('../../config/demo/', import.meta.url));
export const DEMO_WORKSPACE = `${DEMO_DIR}workspace.yaml`;
export const DEMO_SITE = `${DEMO_DIR}site`;
/** The channel snapshots a deployment crawling since mid-August would have kept (config/demo/tools/gen-interest.mjs). */
export const DEMO_INTEREST_ARCHIVE = `${DEMO_DIR}interest/archive.jsonl`;
/** The forecasts that deployment made a week before each opening (config/demo/tools/gen-forecast-archive.ts). */
export const DEMO_FORECAST_ARCHIVE = `${DEMO_DIR}interest/forecasts.jsonl`;

export interface RunningDemo {
  workspace: Workspace;
  site: StaticSiteServer;
  close(): Promise<void>;
}

/**
 * Loads the demo workspace and serves its sites on 127.0.0.1 — on the port its baseUrl names when
 * free, else on any free port — pointing the workspace at wherever the server really listens.
 */
export async function startDemo(): Promise<RunningDemo> {
  const workspace = await loadWorkspaceFile(DEMO_WORKSPACE);
  const preferred = workspace.baseUrl ? Number(new URL(workspace.baseUrl).port) || 0 : 0;
  const site = await startStaticSite(DEMO_SITE, preferred).catch(() => startStaticSite(DEMO_SITE, 0));
  const allowHosts = [...new Set([...workspace.network.allowHosts, '127.0.0.1'])];
  return {
    workspace: { ...workspace, baseUrl: site.baseUrl, network: { ...workspace.network, allowHosts } },
    site,
    close: () => site.close(),
  };
}

/** Brings the demo's recorded interest history and earlier forecasts into a store, once (the ledger remembers each archive). */
export async function seedDemoInterest(deps: { interest: InterestWriter & Pick<ForecastStore, 'putForecast'>; ledger: IdempotencyLedger }): Promise<ArchiveImport> {
  const snapshots = await importInterestArchive(await readFile(DEMO_INTEREST_ARCHIVE, 'utf8'), deps);
  const forecasts = await readFile(DEMO_FORECAST_ARCHIVE, 'utf8').catch(() => '');
  if (forecasts.trim()) await importInterestArchive(forecasts, deps);
  return snapshots;
}
