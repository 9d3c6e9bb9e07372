// Packed rows through the embedded DynamoDB-protocol server: small records stored plain, large ones deflated, both read
// back whole; rows packed as a JSON string (before the binary form) and rows never packed stay readable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoTable, packRow, stripKeys } from '../../shared/store/dynamo-table.js';
import { StoreError } from '../../shared/store/errors.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';

let ts: TestStore;
let table: DynamoTable;
beforeAll(async () => {
  ts = await openTestStore();
  table = new DynamoTable(ts.client, ts.tableName);
});
afterAll(async () => ts.close());

const members = (n: number) =>
  Array.from({ length: n }, (_, j) => ({ itemId: `i-${j}`, title: `Studio dates "Sequel ${j}" — l’été, 東京`, time: '2026-11-20T17:00:00.000Z', features: { tokens: 'studio dates sequel', studios: ['Studio'] } }));

describe('packRow on the embedded store', () => {
  it('stores a small record plain and a large one deflated, behind a one-byte tag, and reads both back whole', async () => {
    const small = { pk: 'STORY#small', sk: 'A', entity: 'story', gsi1pk: 'STORYDAY#2026-11-20', gsi1sk: 'x', id: 'small', members: members(1) };
    const large = { ...small, pk: 'STORY#large', id: 'large', members: members(40) };
    const smallRow = packRow(small);
    const largeRow = packRow(large);
    expect(smallRow.packed).toBeInstanceOf(Uint8Array);
    expect((smallRow.packed as Uint8Array)[0]).toBe(0);
    expect((largeRow.packed as Uint8Array)[0]).toBe(1);
    // Deflated, the members' repeated words take a fraction of their JSON.
    const json = Buffer.byteLength(JSON.stringify({ id: 'large', members: members(40) }));
    expect((largeRow.packed as Uint8Array).byteLength).toBeLessThan(json / 3);
    // Keys and index attributes stay attributes (queries and the GSI need them).
    expect(largeRow).toMatchObject({ pk: 'STORY#large', sk: 'A', entity: 'story', gsi1pk: 'STORYDAY#2026-11-20' });

    await table.batchWrite([smallRow, largeRow].map((Item) => ({ PutRequest: { Item } })));
    for (const [record, pk] of [[small, 'STORY#small'], [large, 'STORY#large']] as const) {
      const row = await table.get(pk, 'A');
      expect(row!.packed).toBeInstanceOf(Uint8Array);
      expect(stripKeys(row!)).toEqual({ id: record.id, members: record.members });
    }
  });

  it('reads rows packed as a JSON string and rows never packed', async () => {
    const record = { id: 'old', members: members(3) };
    await ts.client.send(new PutCommand({ TableName: ts.tableName, Item: { pk: 'STORY#old', sk: 'A', entity: 'story', packed: JSON.stringify(record) } }));
    await ts.client.send(new PutCommand({ TableName: ts.tableName, Item: { pk: 'STORY#older', sk: 'A', entity: 'story', ...record, id: 'older' } }));
    expect(stripKeys((await table.get('STORY#old', 'A'))!)).toEqual(record);
    expect(stripKeys((await table.get('STORY#older', 'A'))!)).toEqual({ ...record, id: 'older' });
  });

  it('refuses packed bytes of an unknown encoding or damaged, with a StoreError naming the row, not a wrong record', () => {
    expect(() => stripKeys({ pk: 'STORY#x', sk: 'A', packed: Uint8Array.of(7, 123, 125) })).toThrow(StoreError);
    expect(() => stripKeys({ pk: 'STORY#x', sk: 'A', packed: Uint8Array.of(7, 123, 125) })).toThrow(/STORY#x: .*unknown encoding \(7\)/);
    const good = packRow({ pk: 'STORY#y', sk: 'A', id: 'y', members: members(40) }).packed as Uint8Array;
    const cut = good.subarray(0, good.length >> 1);
    expect(() => stripKeys({ pk: 'STORY#y', sk: 'A', packed: cut })).toThrow(StoreError);
    expect(() => stripKeys({ pk: 'STORY#y', sk: 'A', packed: cut })).toThrow(/could not read the packed fields of STORY#y/);
  });
});
