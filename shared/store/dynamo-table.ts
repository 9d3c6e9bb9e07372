// Plumbing over the single DynamoDB table shared by the store adapters: reads, writes, queries, batches, cursors.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { TimeRange } from '../ports/store.js';
import { InvalidCursorError, StoreError } from './errors.js';
import { assertFits } from './item-size.js';
import { mapLimit } from '../util/concurrency.js';

export type Row = Record<string, unknown>;

export const MAX_PAGE = 200;

/** Encodes a DynamoDB LastEvaluatedKey (plus where a multi-partition walk is) as an opaque cursor. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    if (value === null || typeof value !== 'object') throw new Error('not an object');
    return value;
  } catch {
    throw new InvalidCursorError();
  }
}

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'expiresAt']);

/** First byte of a binary `packed` value: how the JSON after it is stored. */
const PACK_PLAIN = 0;
const PACK_DEFLATE = 1;
/** Packed JSON shorter than this is stored plain: deflate gains little on it and costs a call. */
const DEFLATE_FROM_BYTES = 512;

/**
 * The packed fields as one binary attribute: their JSON, deflated when that makes it smaller, behind a
 * one-byte tag. Binary, because a JSON string inside DynamoDB's JSON wire format is escaped character by
 * character on the way out (the SDK's most expensive step on a batch write); compressed, because DynamoDB
 * bills writes by the kilobyte and a story's members repeat the same words.
 */
function packBytes(json: string): Uint8Array {
  const raw = Buffer.from(json, 'utf8');
  if (raw.length >= DEFLATE_FROM_BYTES) {
    const z = deflateRawSync(raw, { level: 1 });
    if (z.length < raw.length) return Buffer.concat([Buffer.of(PACK_DEFLATE), z]);
  }
  return Buffer.concat([Buffer.of(PACK_PLAIN), raw]);
}

/** The packed fields of a row: a binary value (`packBytes`) or the JSON string of rows written before it. */
function unpack(packed: unknown): Row | null {
  if (typeof packed === 'string') return JSON.parse(packed) as Row;
  if (!(packed instanceof Uint8Array) || packed.length === 0) return null;
  const body = Buffer.from(packed.buffer, packed.byteOffset + 1, packed.byteLength - 1);
  if (packed[0] === PACK_DEFLATE) return JSON.parse(inflateRawSync(body).toString('utf8')) as Row;
  if (packed[0] === PACK_PLAIN) return JSON.parse(body.toString('utf8')) as Row;
  throw new StoreError(`a stored row's packed fields have an unknown encoding (${packed[0]})`);
}

/** A row without its key and index attributes (its packed fields unpacked): the entity as the ports return it. */
export function stripKeys<T = Row>(row: Row): T {
  const { pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, entity: _e, expiresAt: _x, packed, ...rest } = row;
  let fields: Row | null;
  try {
    fields = unpack(packed);
  } catch (err) {
    // A damaged row is named, not read as a different record or thrown as a bare zlib or JSON error.
    throw new StoreError(`could not read the packed fields of ${String(pk)}: ${(err as Error).message}`, { cause: err });
  }
  return (fields ? { ...rest, ...fields } : rest) as T;
}

/**
 * A row whose record fields are written as one binary attribute, `packed` (their JSON, see `packBytes`), except the keys, the index
 * attributes and the fields in `keep` (those a query projects or filters on). A record of nested lists and
 * maps costs DynamoDB (and the embedded server) a validation and a conversion per attribute: a story of 30
 * members is hundreds of them, packed it is one. Rows read back through `stripKeys` come out whole, packed or
 * not (rows written before packing, or packed as a JSON string before the binary form, stay readable).
 */
export function packRow(row: Row, keep: readonly string[] = []): Row {
  const out: Row = {};
  const packed: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    if (KEY_ATTRIBUTES.has(k) || keep.includes(k)) out[k] = v;
    else packed[k] = v;
  }
  out.packed = packBytes(JSON.stringify(packed));
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Batch requests of one call in flight at once. */
const BATCH_CONCURRENCY = 4;

export class DynamoTable {
  readonly doc: DynamoDBDocumentClient;

  /** First retry delay of unprocessed batch items (doubling, capped at 40×); tests shorten it. */
  readonly retryBaseMs: number;

  constructor(
    client: DynamoDBClient,
    readonly name: string,
    options: { retryBaseMs?: number } = {},
  ) {
    this.retryBaseMs = options.retryBaseMs ?? 50;
    this.doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    });
  }

  /** Key condition for `pk = :pk` with an optional sort-key range (`to` is inclusive of any suffix). */
  rangeCondition(pkName: string, skName: string, pk: string, range: Pick<TimeRange, 'from' | 'to'>) {
    const values: Row = { ':pk': pk };
    let cond = `${pkName} = :pk`;
    if (range.from && range.to) {
      cond += ` AND ${skName} BETWEEN :from AND :to`;
      values[':from'] = range.from;
      values[':to'] = `${range.to}\uffff`;
    } else if (range.from) {
      cond += ` AND ${skName} >= :from`;
      values[':from'] = range.from;
    } else if (range.to) {
      cond += ` AND ${skName} <= :to`;
      values[':to'] = `${range.to}\uffff`;
    }
    return { KeyConditionExpression: cond, ExpressionAttributeValues: values };
  }

  async get(pk: string, sk: string): Promise<Row | null> {
    try {
      const out = await this.doc.send(new GetCommand({ TableName: this.name, Key: { pk, sk } }));
      return (out.Item as Row | undefined) ?? null;
    } catch (err) {
      throw new StoreError(`could not read ${pk}`, { cause: err });
    }
  }

  /** Writes a row; one over DynamoDB's item limit is refused before it is sent (ItemTooLargeError). */
  async put(row: Row): Promise<void> {
    assertFits(row);
    try {
      await this.doc.send(new PutCommand({ TableName: this.name, Item: row }));
    } catch (err) {
      throw new StoreError(`could not write ${String(row.pk)}`, { cause: err });
    }
  }

  async queryPage(input: Omit<QueryCommandInput, 'TableName'>, range: Pick<TimeRange, 'limit' | 'cursor'>) {
    const limit = Math.min(range.limit ?? 50, MAX_PAGE);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.name,
        ...input,
        Limit: limit,
        ExclusiveStartKey: range.cursor ? decodeCursor<Row>(range.cursor) : undefined,
      }),
    );
    return {
      rows: (out.Items ?? []) as Row[],
      cursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : null,
    };
  }

  async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Row[]> {
    const rows: Row[] = [];
    let key: Row | undefined;
    do {
      const out = await this.doc.send(new QueryCommand({ TableName: this.name, ...input, ExclusiveStartKey: key }));
      rows.push(...((out.Items ?? []) as Row[]));
      key = out.LastEvaluatedKey as Row | undefined;
    } while (key);
    return rows;
  }

  /**
   * Reads rows by key, 100 per request, retrying unprocessed keys; missing rows are simply absent.
   * `projection`: an expression, or attribute names (safe for reserved words such as "name").
   */
  async batchGet(keys: Array<{ pk: string; sk: string }>, projection?: string | string[], options: { consistent?: boolean } = {}): Promise<Row[]> {
    const project = Array.isArray(projection)
      ? { ProjectionExpression: projection.map((_, i) => `#p${i}`).join(', '), ExpressionAttributeNames: Object.fromEntries(projection.map((a, i) => [`#p${i}`, a])) }
      : { ProjectionExpression: projection };
    const chunks: Row[][] = [];
    for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
    const parts = await mapLimit(chunks, BATCH_CONCURRENCY, async (chunk) => {
      const rows: Row[] = [];
      let pending: Row[] = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new StoreError(`batch read left ${pending.length} keys unprocessed`);
        if (attempt > 0) await sleep(Math.min(50 * 2 ** attempt, 2000));
        const out = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.name]: { Keys: pending, ...project, ...(options.consistent ? { ConsistentRead: true } : {}) } } }),
        );
        rows.push(...((out.Responses?.[this.name] ?? []) as Row[]));
        pending = (out.UnprocessedKeys?.[this.name]?.Keys ?? []) as Row[];
      }
      return rows;
    });
    return parts.flat();
  }

  /**
   * Writes and deletes, 25 per request, a few requests at a time; unprocessed items (throttling) are
   * retried with exponential backoff, and a request still unprocessed after 9 attempts fails the call.
   * No order between the requests of one call: callers that need one make two calls.
   */
  async batchWrite(requests: Array<Record<string, unknown>>): Promise<void> {
    for (const r of requests) {
      const item = (r.PutRequest as { Item?: Row } | undefined)?.Item;
      if (item) assertFits(item);
    }
    const chunks: Array<Array<Record<string, unknown>>> = [];
    for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
    await mapLimit(chunks, BATCH_CONCURRENCY, async (chunk) => {
      let pending = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new StoreError(`batch write left ${pending.length} items unprocessed`);
        if (attempt > 0) await sleep(Math.min(this.retryBaseMs * 2 ** attempt, 40 * this.retryBaseMs));
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.name]: pending as never } }));
        pending = (out.UnprocessedItems?.[this.name] ?? []) as Array<Record<string, unknown>>;
      }
    });
  }
}
