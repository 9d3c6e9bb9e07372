// Purge-store port: find items older than an instant by keyed queries and delete each with every row keyed off it.
import type { Item } from '../model/item.js';

/** What a purge needs of an item: its id, times and identity fields (never its text). */
export type PurgeCandidate = Pick<Item, 'id' | 'sourceId' | 'publishedAt' | 'fetchedAt' | 'url' | 'guid' | 'hash'>;

/** Rows a purge removes (or, in a dry run, would remove) for a set of items. */
export interface ItemRowCounts {
  /** Item rows; each takes its two index entries (by source, by month) with it. */
  items: number;
  /** Dedupe rows (guid / canonical url / content hash) owned by those items. */
  identityKeys: number;
  /** "Waiting for analysis" markers of those items. */
  pendingMarkers: number;
}

export interface PurgeStore {
  /** Items of one source whose time (published, else fetched) is strictly before `before` (ISO), oldest first. */
  itemsBefore(sourceId: string, before: string): Promise<PurgeCandidate[]>;
  /**
   * Deletes the items and every row keyed off them (identity keys they own, pending markers);
   * with `dryRun` only counts those rows. Idempotent: rows already gone are not counted.
   */
  deleteItems(items: PurgeCandidate[], options?: { dryRun?: boolean }): Promise<ItemRowCounts>;
}
