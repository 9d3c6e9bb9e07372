// The pending-analysis rows: item ids stored but not analyzed yet, a page of ids per row (written by the crawl, cleared by the analysis).
// Apart from the analysis store so the crawl worker marks items pending without bundling the analysis models.
import { randomUUID } from 'node:crypto';
import type { DynamoTable, Row } from './dynamo-table.js';

/** Item ids per pending row (32-character ids: about 35 KB, far below the 400 KB item limit). */
const PENDING_PER_ROW = 1000;

/** The ids a pending row holds (a row from before pages held one id: its sort key). */
export function pendingIds(row: Row): string[] {
  return Array.isArray(row.ids) ? (row.ids as string[]) : [String(row.sk)];
}

/** Every pending row (a handful: one per crawled page since the last analysis). */
export function pendingRows(t: DynamoTable): Promise<Row[]> {
  return t.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'PENDING' } });
}

/** Marks ids pending: one row per PENDING_PER_ROW ids, keyed by when it was written. */
export async function markPendingIds(t: DynamoTable, itemIds: string[], now: Date): Promise<void> {
  const at = now.toISOString();
  const ids = [...new Set(itemIds)];
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += PENDING_PER_ROW) {
    rows.push({ pk: 'PENDING', sk: `${at}#${randomUUID().slice(0, 8)}`, entity: 'pending', at, ids: ids.slice(i, i + PENDING_PER_ROW) });
  }
  await t.batchWrite(rows.map((Item) => ({ PutRequest: { Item } })));
}

/** Removes ids from the pending rows (a row left empty is deleted); returns how many were pending. */
export async function clearPendingIds(t: DynamoTable, cleared: Set<string>, options: { dryRun?: boolean } = {}): Promise<number> {
  let found = 0;
  const writes: Array<Record<string, unknown>> = [];
  for (const row of await pendingRows(t)) {
    const ids = pendingIds(row);
    const rest = ids.filter((id) => !cleared.has(id));
    if (rest.length === ids.length) continue;
    found += ids.length - rest.length;
    writes.push(rest.length > 0 && Array.isArray(row.ids) ? { PutRequest: { Item: { ...row, ids: rest } } } : { DeleteRequest: { Key: { pk: row.pk, sk: row.sk } } });
  }
  if (!options.dryRun) await t.batchWrite(writes);
  return found;
}
