// DynamoDB adapter of the purge-store port: items before an instant per source (gsi1), batched deletes of an item's rows.
import type { ItemRowCounts, PurgeCandidate, PurgeStore } from '../ports/purge-store.js';
import { identityKeys } from '../ingest/dedupe.js';
import type { DynamoTable } from './dynamo-table.js';
import { clearPendingIds } from './dynamo-pending.js';
import { dataVersionOf } from './dynamo-data-version.js';

const FIELDS = ['id', 'sourceId', 'publishedAt', 'fetchedAt', 'url', 'guid', 'hash', 'entity'] as const;

/** The identity keys an item claimed when it was stored (only guid, url and hash matter). */
function keysOf(c: PurgeCandidate): string[] {
  return identityKeys({ ...c, title: '', text: '', author: null, categories: [] });
}

/** The purge port on the single table, next to the item store (same row layout as DynamoStore.putItemIfNew). */
export class DynamoPurgeStore implements PurgeStore {
  constructor(private readonly t: DynamoTable) {}

  async itemsBefore(sourceId: string, before: string): Promise<PurgeCandidate[]> {
    // gsi1sk is `${time}#${id}`: an item at exactly `before` sorts after it, so "<" is strictly older.
    const rows = await this.t.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': `SRC#${sourceId}`, ':before': before },
      // Ids, times and identity fields only: a purge of many items never holds their text in memory.
      ProjectionExpression: FIELDS.map((_, i) => `#f${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(FIELDS.map((f, i) => [`#f${i}`, f])),
      ScanIndexForward: true,
    });
    const cutoff = Date.parse(before);
    return rows
      .filter((r) => r.entity === 'item')
      .map((r) => ({
        id: String(r.id),
        sourceId: String(r.sourceId),
        publishedAt: typeof r.publishedAt === 'string' ? r.publishedAt : null,
        fetchedAt: String(r.fetchedAt),
        url: typeof r.url === 'string' ? r.url : null,
        guid: typeof r.guid === 'string' ? r.guid : null,
        hash: String(r.hash ?? ''),
      }))
      .filter((i) => Date.parse(i.publishedAt ?? i.fetchedAt) < cutoff);
  }

  async deleteItems(items: PurgeCandidate[], options: { dryRun?: boolean } = {}): Promise<ItemRowCounts> {
    const counts: ItemRowCounts = { items: 0, identityKeys: 0, pendingMarkers: 0 };
    for (let i = 0; i < items.length; i += 100) {
      const batch = items.slice(i, i + 100);
      const ids = new Set(batch.map((it) => it.id));
      // Only keys this item owns: a key claimed by another item is that item's dedupe memory.
      const keyRows = await this.t.batchGet(
        [...new Set(batch.flatMap(keysOf))].map((k) => ({ pk: `KEY#${k}`, sk: 'A' })),
        'pk, sk, itemId',
      );
      const ownedKeys = keyRows.filter((r) => ids.has(String(r.itemId)));
      const itemRows = await this.t.batchGet(batch.map((it) => ({ pk: `ITEM#${it.id}`, sk: 'A' })), 'pk, sk');
      counts.items += itemRows.length;
      counts.identityKeys += ownedKeys.length;
      counts.pendingMarkers += await clearPendingIds(this.t, ids, options);
      if (options.dryRun) continue;
      const del = (rows: Array<Record<string, unknown>>) => rows.map((r) => ({ DeleteRequest: { Key: { pk: r.pk, sk: r.sk } } }));
      // Markers (above) and keys first, the item row last: if this stops half-way, the item is still found
      // by the next purge (through its index entries) and its remaining rows go then. The reverse
      // order could leave key rows that no query reaches, and they would block re-ingesting the URL.
      await this.t.batchWrite(del(ownedKeys));
      await this.t.batchWrite(del(itemRows));
    }
    // Purged items leave the query side's read model too.
    if (!options.dryRun && items.length) await dataVersionOf(this.t).bump();
    return counts;
  }
}
