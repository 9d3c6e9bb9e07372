// Batched writes and reads of the table plumbing against a mocked DynamoDB client: 25 / 100 per request, unprocessed retried with backoff.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DynamoTable } from '../../../shared/store/dynamo-table.js';
import { StoreError } from '../../../shared/store/errors.js';

const doc = mockClient(DynamoDBDocumentClient);
const put = (n: number) => ({ PutRequest: { Item: { pk: `KEY#${n}`, sk: 'A', itemId: `i${n}` } } });
let table: DynamoTable;

beforeEach(() => {
  doc.reset();
  table = new DynamoTable(new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), 'marquee', { retryBaseMs: 5 });
});
afterEach(() => doc.reset());

describe('DynamoTable.batchWrite', () => {
  it('sends 25 rows a request and retries exactly the unprocessed ones, with backoff, until none is left', async () => {
    const written: string[] = [];
    const calls: Array<{ at: number; pks: string[] }> = [];
    let throttled = 0;
    doc.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => {
      const reqs = input.RequestItems!.marquee!;
      const pks = reqs.map((r) => String(r.PutRequest!.Item!.pk));
      calls.push({ at: performance.now(), pks });
      // DynamoDB throttles part of a batch: the first request's last two rows come back twice.
      if (pks.includes('KEY#0') || (pks.includes('KEY#23') && throttled < 2)) {
        const back = reqs.filter((r) => ['KEY#23', 'KEY#24'].includes(String(r.PutRequest!.Item!.pk)));
        if (back.length === 2 && throttled++ < 2) {
          written.push(...pks.filter((p) => p !== 'KEY#23' && p !== 'KEY#24'));
          return { UnprocessedItems: { marquee: back } };
        }
      }
      written.push(...pks);
      return { UnprocessedItems: {} };
    });
    await table.batchWrite(Array.from({ length: 60 }, (_, i) => put(i)));

    expect(calls.map((c) => c.pks.length).sort((a, b) => b - a)).toEqual([25, 25, 10, 2, 2]);
    const retries = calls.filter((c) => c.pks.length === 2);
    expect(retries.map((c) => c.pks)).toEqual([['KEY#23', 'KEY#24'], ['KEY#23', 'KEY#24']]);
    // Backoff doubles: the second retry waits longer than the first (5 ms × 2, then × 4).
    const first = calls.find((c) => c.pks.includes('KEY#0'))!;
    expect(retries[0]!.at - first.at).toBeGreaterThanOrEqual(9);
    expect(retries[1]!.at - retries[0]!.at).toBeGreaterThanOrEqual(19);
    expect(written.sort()).toEqual(Array.from({ length: 60 }, (_, i) => `KEY#${i}`).sort());
  });

  it('fails with a StoreError when rows stay unprocessed after 9 attempts (nothing is silently dropped)', async () => {
    let attempts = 0;
    doc.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => {
      attempts++;
      return { UnprocessedItems: { marquee: input.RequestItems!.marquee!.slice(0, 1) } };
    });
    await expect(table.batchWrite([put(1), put(2)])).rejects.toThrow(StoreError);
    expect(attempts).toBe(9);
  });

  it('sends nothing for nothing', async () => {
    await table.batchWrite([]);
    expect(doc.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });
});

describe('DynamoTable.batchGet', () => {
  it('reads 100 keys a request and retries unprocessed keys', async () => {
    let first = true;
    doc.on(BatchGetCommand).callsFake((input) => {
      const keys = input.RequestItems.marquee.Keys as Array<{ pk: string }>;
      if (first && keys.length === 100) {
        first = false;
        return { Responses: { marquee: keys.slice(0, 90).map((k) => ({ ...k, v: 1 })) }, UnprocessedKeys: { marquee: { Keys: keys.slice(90) } } };
      }
      return { Responses: { marquee: keys.map((k) => ({ ...k, v: 1 })) } };
    });
    const rows = await table.batchGet(Array.from({ length: 150 }, (_, i) => ({ pk: `ITEM#${i}`, sk: 'A' })), ['pk', 'v'], { consistent: true });
    expect(rows).toHaveLength(150);
    const calls = doc.commandCalls(BatchGetCommand).map((c) => c.args[0].input.RequestItems!.marquee!);
    expect(calls.map((c) => c.Keys!.length).sort((a, b) => b - a)).toEqual([100, 50, 10]);
    expect(calls.every((c) => c.ConsistentRead === true && c.ProjectionExpression === '#p0, #p1')).toBe(true);
  });
});
