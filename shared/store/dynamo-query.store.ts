// DynamoDB adapters of the digest archive and the API keys: one partition per workspace's digests, one for keys.
import type { DigestRecord, DigestStore } from '../ports/digest-store.js';
import type { ApiKeyRecord, KeyStore } from '../ports/key-store.js';
import { DynamoTable, stripKeys, type Row } from './dynamo-table.js';
import { titleKey } from '../util/text.js';
import { COMPACT_LEVELS, compactBrief } from '../delivery/digest/compact-brief.js';
import { ITEM_BUDGET, ItemTooLargeError, itemSize } from './item-size.js';
import { dataVersionOf } from './dynamo-data-version.js';

const digestPk = (workspace: string) => `DIGEST#${titleKey(workspace) || 'workspace'}`;

export class DynamoDigestStore implements DigestStore {
  constructor(private readonly t: DynamoTable) {}

  /** Archives the digest within one record: its top lines always, fewer of them while the record would be too big. */
  async putDigest(record: DigestRecord): Promise<void> {
    let row: Row | null = null;
    for (let level = 0; level < COMPACT_LEVELS; level++) {
      const { brief, truncated } = compactBrief(record.brief, level);
      row = { pk: digestPk(record.workspace), sk: record.week, entity: 'digest', ...record, brief, truncated: [...(record.truncated ?? []), ...truncated] };
      if (itemSize(row) <= ITEM_BUDGET) break;
    }
    if (!row || itemSize(row) > ITEM_BUDGET) throw new ItemTooLargeError(digestPk(record.workspace), row ? itemSize(row) : 0);
    await this.t.put(row);
    await this.dataVersion.bump();
  }

  /** Bumped after a digest is archived (the query side shows the latest). */
  get dataVersion() {
    return dataVersionOf(this.t);
  }

  async latestDigest(workspace: string): Promise<DigestRecord | null> {
    // ISO weeks sort as strings ("2026-W48" < "2026-W49" < "2027-W01"): newest first, one row.
    const page = await this.t.queryPage(
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': digestPk(workspace) }, ScanIndexForward: false },
      { limit: 1 },
    );
    const row = page.rows[0];
    return row ? stripKeys<DigestRecord>(row) : null;
  }

  async getDigest(workspace: string, week: string): Promise<DigestRecord | null> {
    const row = await this.t.get(digestPk(workspace), week);
    return row ? stripKeys<DigestRecord>(row) : null;
  }
}

export class DynamoKeyStore implements KeyStore {
  constructor(private readonly t: DynamoTable) {}

  async putKey(record: ApiKeyRecord): Promise<void> {
    await this.t.put({ pk: 'APIKEY', sk: record.id, entity: 'apikey', ...record });
  }

  async getKey(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.t.get('APIKEY', id);
    return row ? stripKeys<ApiKeyRecord>(row) : null;
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    const rows = await this.t.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'APIKEY' } });
    return rows.map((r) => stripKeys<ApiKeyRecord>(r));
  }

  async revokeKey(id: string, at: string): Promise<ApiKeyRecord | null> {
    const key = await this.getKey(id);
    if (!key) return null;
    if (key.revokedAt) return key;
    const revoked = { ...key, revokedAt: at };
    await this.putKey(revoked);
    return revoked;
  }

  // Usage lives in its own partition per key (KEYUSE#<id>): the query function may write there, never to APIKEY.
  async recordUse(id: string, at: string): Promise<void> {
    await this.t.put({ pk: `KEYUSE#${id}`, sk: 'last', entity: 'apikey-use', lastUsedAt: at });
  }

  async lastUsed(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.t.batchGet(ids.map((id) => ({ pk: `KEYUSE#${id}`, sk: 'last' })));
    return new Map(rows.map((r) => [String(r.pk).slice('KEYUSE#'.length), String(r.lastUsedAt)]));
  }
}
