// Use-case purgeBefore: remove raw snapshots and items older than a cut-off, from the store and the object store, and report it.
import type { ObjectStore } from '../ports/object-store.js';
import type { PurgeCandidate, PurgeStore } from '../ports/purge-store.js';
import type { SourceStateStore } from '../ports/store.js';
import { silentLogger, type Logger } from '../ports/logger.js';

export interface PurgeDeps {
  purge: PurgeStore;
  /** Every source that ever stored items has a state row: the purge walks them (no scan). */
  sources: Pick<SourceStateStore, 'listSourceStates'>;
  objects: ObjectStore;
  log?: Logger;
}

export interface PurgeOptions {
  dryRun?: boolean;
  /** Extra source ids to walk (the workspace's), in case one has items but no state row yet. */
  sourceIds?: string[];
}

export interface PurgeReport {
  /** Everything strictly before this instant was removed; nothing at or after it. */
  cutoff: string;
  dryRun: boolean;
  items: number;
  /** Index entries that went with the item rows (by source and by month: two per item). */
  indexEntries: number;
  identityKeys: number;
  pendingMarkers: number;
  snapshots: number;
  /** Items removed per source. */
  bySource: Record<string, number>;
  /** The oldest and newest removed item (by published, else fetched, time), for the log. */
  firstItem: { id: string; at: string } | null;
  lastItem: { id: string; at: string } | null;
  firstSnapshot: string | null;
  lastSnapshot: string | null;
  /** Keys under raw/ whose time could not be read from the key (kept). */
  unrecognisedSnapshots: number;
}

/** Raw snapshots are keyed `raw/<source>/<YYYY-MM-DD>/<YYYYMMDDTHHMMSSZ>-<hash>.<ext>` (crawlSource). */
const SNAPSHOT_KEY = /^raw\/.+\/\d{4}-\d{2}-\d{2}\/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[^/]+$/;

/** When a snapshot was fetched, from its key (second precision), or null for a key of another shape. */
export function snapshotTime(key: string): number | null {
  const m = SNAPSHOT_KEY.exec(key);
  if (!m) return null;
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(t) ? null : t;
}

const itemTime = (i: PurgeCandidate) => i.publishedAt ?? i.fetchedAt;

/**
 * Removes items (by published time, else fetched time) and raw snapshots (by fetch time) older than
 * `cutoff`. Items go with every row keyed off them; events, stories and the release calendar that
 * cite them are kept (they are the analysis, not the raw data). With `dryRun` nothing is deleted
 * and the report says what would be. Running it twice removes nothing the second time.
 */
export async function purgeBefore(deps: PurgeDeps, cutoff: Date, options: PurgeOptions = {}): Promise<PurgeReport> {
  const log = deps.log ?? silentLogger;
  const dryRun = options.dryRun ?? false;
  const before = cutoff.toISOString();
  const sources = [...new Set([...(await deps.sources.listSourceStates()).map((s) => s.sourceId), ...(options.sourceIds ?? [])])].sort();

  const items: PurgeCandidate[] = [];
  const bySource: Record<string, number> = {};
  for (const sourceId of sources) {
    const old = await deps.purge.itemsBefore(sourceId, before);
    if (old.length > 0) bySource[sourceId] = old.length;
    items.push(...old);
  }
  items.sort((a, b) => itemTime(a).localeCompare(itemTime(b)) || a.id.localeCompare(b.id));
  const rows = await deps.purge.deleteItems(items, { dryRun });

  // The key keeps whole seconds: a snapshot counts as older only if its whole second is before the cut-off.
  const keys = await deps.objects.list('raw/');
  let unrecognised = 0;
  const oldKeys = keys.filter((k) => {
    const t = snapshotTime(k);
    if (t === null) unrecognised++;
    return t !== null && t + 1000 <= cutoff.getTime();
  });
  const snapshots = dryRun ? oldKeys.length : oldKeys.length > 0 ? await deps.objects.delete(oldKeys) : 0;

  const report: PurgeReport = {
    cutoff: before,
    dryRun,
    items: rows.items,
    indexEntries: rows.items * 2,
    identityKeys: rows.identityKeys,
    pendingMarkers: rows.pendingMarkers,
    snapshots,
    bySource,
    firstItem: items[0] ? { id: items[0].id, at: itemTime(items[0]) } : null,
    lastItem: items.at(-1) ? { id: items.at(-1)!.id, at: itemTime(items.at(-1)!) } : null,
    firstSnapshot: oldKeys[0] ?? null,
    lastSnapshot: oldKeys.at(-1) ?? null,
    unrecognisedSnapshots: unrecognised,
  };
  log.info(dryRun ? 'purge dry run' : 'purge', {
    cutoff: before,
    items: report.items,
    identityKeys: report.identityKeys,
    pendingMarkers: report.pendingMarkers,
    snapshots: report.snapshots,
    firstItem: report.firstItem?.id ?? null,
    lastItem: report.lastItem?.id ?? null,
    firstSnapshot: report.firstSnapshot,
    lastSnapshot: report.lastSnapshot,
  });
  return report;
}

/** The default cut-off: `asOf` minus the retention, floored to the start of that UTC day. */
export function retentionCutoff(asOf: Date, retentionDays: number): Date {
  const d = new Date(asOf.getTime() - retentionDays * 86_400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
