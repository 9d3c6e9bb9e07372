// When a source is due and where it lives: shared by the crawler and the planner (which must not load the parsers).
import type { SourceState } from '../model/source-state.js';
import type { Source, Workspace } from '../model/workspace.js';
import { FetchError } from '../ports/fetcher.js';

const MAX_BACKOFF_MS = 24 * 60 * 60_000;

/** The absolute URL of a source: relative URLs resolve against the workspace's baseUrl. */
export function resolveSourceUrl(workspace: Pick<Workspace, 'baseUrl'>, source: Pick<Source, 'url' | 'id'>): string {
  try {
    return new URL(source.url, workspace.baseUrl).toString();
  } catch {
    throw new FetchError('bad_url', `source "${source.id}" has URL "${source.url}", which is not absolute and the workspace has no baseUrl`);
  }
}

/** When a source should next be fetched: its schedule after success, exponential backoff after failures. */
export function nextDue(now: Date, everyMs: number, failures: number, retryAfterSeconds?: number): string {
  let wait = failures === 0 ? everyMs : Math.min(everyMs * 2 ** (failures - 1), MAX_BACKOFF_MS);
  if (retryAfterSeconds !== undefined) wait = Math.max(wait, retryAfterSeconds * 1000);
  return new Date(now.getTime() + wait).toISOString();
}

/** True when the source has never been crawled or its next due time has come. */
export function isDue(state: SourceState | null, now: Date): boolean {
  return !state?.nextDueAt || Date.parse(state.nextDueAt) <= now.getTime();
}
