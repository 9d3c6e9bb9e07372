// DynamoDB adapter of the idempotency ledger: conditional writes on one row per key, owned by a run, expiring after the retention.
import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimOptions, ClaimResult, IdempotencyLedger, LedgerPhase, LedgerReader } from '../ports/ledger.js';
import type { DynamoTable, Row } from './dynamo-table.js';
import { StoreError, isConditionalCheckFailed } from './errors.js';

const KEEP_DAYS = 400;

/**
 * When a live-looking claim (lease not over) may still be taken over:
 * - `never`: only after its lease (several processes share the table);
 * - `same-owner`: when it was taken by this very owner, i.e. an earlier attempt of the same
 *   invocation (a Lambda retry, an SQS redelivery) that died holding it;
 * - `other-owners`: when any other owner took it: this process is the store's only user (the
 *   embedded store locks its data directory), so a claim of another owner is a dead process's.
 */
export type TakeoverRule = 'never' | 'same-owner' | 'other-owners';

export interface DynamoLedgerOptions {
  now?: () => Date;
  /** Who claims: a run, invocation or process id recorded on each claim (default: a random id per ledger). */
  owner?: string;
  takeOver?: TakeoverRule;
}

export class DynamoLedger implements IdempotencyLedger, LedgerReader {
  private readonly now: () => Date;
  readonly owner: string;
  private readonly takeOver: TakeoverRule;
  /** The token of each claim this ledger holds: later writes are conditional on it (a lost claim is not ours to complete). */
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly t: DynamoTable,
    options: DynamoLedgerOptions | (() => Date) = {},
  ) {
    const o = typeof options === 'function' ? { now: options } : options;
    this.now = o.now ?? (() => new Date());
    this.owner = o.owner ?? `run-${randomUUID()}`;
    this.takeOver = o.takeOver ?? 'never';
  }

  private newRow(key: string, leaseSeconds: number, token: string, sending = false): Row {
    const now = this.now();
    return {
      pk: `LEDGER#${key}`,
      sk: 'A',
      entity: 'ledger',
      status: 'in_progress',
      phase: sending ? 'sending' : 'claimed',
      ...(sending ? { sendingAt: now.toISOString() } : {}),
      owner: this.owner,
      token,
      leaseUntil: new Date(now.getTime() + leaseSeconds * 1000).toISOString(),
      claimedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400,
    };
  }

  private async read(key: string): Promise<Row | null> {
    try {
      const out = await this.t.doc.send(new GetCommand({ TableName: this.t.name, Key: { pk: `LEDGER#${key}`, sk: 'A' }, ConsistentRead: true }));
      return (out.Item as Row | undefined) ?? null;
    } catch (err) {
      throw new StoreError(`could not read ledger key ${key}`, { cause: err });
    }
  }

  private stale(row: Row): boolean {
    if (String(row.leaseUntil ?? '') < this.now().toISOString()) return true;
    const holder = typeof row.owner === 'string' ? row.owner : null;
    if (this.takeOver === 'same-owner') return holder === this.owner;
    if (this.takeOver === 'other-owners') return holder !== this.owner;
    return false;
  }

  async completed(keys: string[]): Promise<Map<string, Record<string, unknown> | null>> {
    let rows: Row[];
    try {
      rows = await this.t.batchGet([...new Set(keys)].map((key) => ({ pk: `LEDGER#${key}`, sk: 'A' })), ['pk', 'status', 'result'], { consistent: true });
    } catch (err) {
      throw new StoreError('could not read the ledger', { cause: err });
    }
    const done = new Map<string, Record<string, unknown> | null>();
    for (const row of rows) if (row.status === 'done') done.set(String(row.pk).slice('LEDGER#'.length), (row.result as Record<string, unknown>) ?? null);
    return done;
  }

  /** Whether the key was completed (a strongly consistent read; nothing is claimed). */
  async isDone(key: string): Promise<boolean> {
    return (await this.read(key))?.status === 'done';
  }

  async claim(key: string, leaseSeconds = 900, options: ClaimOptions = {}): Promise<ClaimResult> {
    const sending = options.sending === true;
    for (let attempt = 0; attempt < 4; attempt++) {
      const token = randomUUID();
      try {
        // Free: nobody has claimed the key.
        await this.t.doc.send(new PutCommand({ TableName: this.t.name, Item: this.newRow(key, leaseSeconds, token, sending), ConditionExpression: 'attribute_not_exists(pk)' }));
        this.tokens.set(key, token);
        return { status: 'claimed' };
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw new StoreError(`could not claim ${key}`, { cause: err });
      }
      const row = await this.read(key);
      if (!row) continue; // released meanwhile: try again
      if (row.status === 'done') return { status: 'done', completedAt: String(row.completedAt), result: (row.result as Record<string, unknown>) ?? null };
      if (!this.stale(row)) return { status: 'in_progress', leaseUntil: String(row.leaseUntil), owner: typeof row.owner === 'string' ? row.owner : null };
      // A claim left in "sending" stays "sending" under its new holder until it is settled: a taker that dies
      // before settling it must not hand the next one a claim that looks as if nothing had been sent.
      const inherited: Row = row.phase === 'sending' ? { phase: 'sending', ...(row.outcome ? { outcome: row.outcome } : {}) } : {};
      try {
        // Take over exactly the claim we read (its token, or its claim time for rows older than tokens): never a completed key.
        await this.t.doc.send(
          new PutCommand({
            TableName: this.t.name,
            Item: { ...this.newRow(key, leaseSeconds, token, sending), ...inherited },
            ConditionExpression: row.token ? '#s = :progress AND #t = :seen' : '#s = :progress AND claimedAt = :seen',
            ExpressionAttributeNames: { '#s': 'status', ...(row.token ? { '#t': 'token' } : {}) },
            ExpressionAttributeValues: { ':progress': 'in_progress', ':seen': row.token ?? row.claimedAt },
          }),
        );
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw new StoreError(`could not take over ${key}`, { cause: err });
        continue; // someone else moved first: read again
      }
      this.tokens.set(key, token);
      return {
        status: 'claimed',
        takenOver: {
          owner: typeof row.owner === 'string' ? row.owner : null,
          phase: (row.phase as LedgerPhase | undefined) ?? 'claimed',
          claimedAt: typeof row.claimedAt === 'string' ? row.claimedAt : null,
          outcome: row.outcome === 'unknown' ? 'unknown' : null,
        },
      };
    }
    const row = await this.read(key);
    return { status: 'in_progress', leaseUntil: String(row?.leaseUntil ?? this.now().toISOString()), owner: typeof row?.owner === 'string' ? row.owner : null };
  }

  /** Condition: the row is still the claim this ledger took (same token). */
  private mine(key: string): { ConditionExpression: string; names: Record<string, string>; values: Record<string, unknown> } {
    const token = this.tokens.get(key);
    return token
      ? { ConditionExpression: '#s = :progress AND #t = :token', names: { '#t': 'token' }, values: { ':token': token } }
      : { ConditionExpression: '#s = :progress', names: {}, values: {} };
  }

  async markSending(key: string): Promise<boolean> {
    const mine = this.mine(key);
    try {
      await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: `LEDGER#${key}`, sk: 'A' },
          UpdateExpression: 'SET phase = :sending, sendingAt = :at',
          ConditionExpression: mine.ConditionExpression,
          ExpressionAttributeNames: { '#s': 'status', ...mine.names },
          ExpressionAttributeValues: { ':progress': 'in_progress', ':sending': 'sending', ':at': this.now().toISOString(), ...mine.values },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw new StoreError(`could not mark ${key} as sending`, { cause: err });
    }
  }

  async complete(key: string, result: Record<string, unknown> = {}): Promise<void> {
    // Unconditional: whoever finished the side effect records it, even a holder that lost its lease.
    try {
      await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: `LEDGER#${key}`, sk: 'A' },
          UpdateExpression: 'SET #s = :done, completedAt = :at, #r = :result, #o = :owner REMOVE leaseUntil, #t',
          ExpressionAttributeNames: { '#s': 'status', '#r': 'result', '#o': 'owner', '#t': 'token' },
          ExpressionAttributeValues: { ':done': 'done', ':at': this.now().toISOString(), ':result': result, ':owner': this.owner },
        }),
      );
    } catch (err) {
      throw new StoreError(`could not complete ${key}`, { cause: err });
    }
    this.tokens.delete(key);
  }

  /** Several `complete`s as batched puts of the finished rows (25 per request): the same rows `complete` leaves. */
  async completeMany(entries: Array<{ key: string; result: Record<string, unknown> }>): Promise<void> {
    if (entries.length === 0) return;
    const now = this.now();
    const rows = new Map<string, Row>();
    for (const { key, result } of entries)
      rows.set(key, {
        pk: `LEDGER#${key}`,
        sk: 'A',
        entity: 'ledger',
        status: 'done',
        phase: 'sending',
        owner: this.owner,
        completedAt: now.toISOString(),
        result,
        expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400,
      });
    try {
      await this.t.batchWrite([...rows.values()].map((Item) => ({ PutRequest: { Item } })));
    } catch (err) {
      throw new StoreError(`could not complete ${[...rows.keys()].join(', ')}`, { cause: err });
    }
    for (const key of rows.keys()) this.tokens.delete(key);
  }

  async release(key: string): Promise<void> {
    const mine = this.mine(key);
    try {
      await this.t.doc.send(
        new DeleteCommand({
          TableName: this.t.name,
          Key: { pk: `LEDGER#${key}`, sk: 'A' },
          // Only our own claim is given back; a completed key stays done.
          ConditionExpression: mine.ConditionExpression,
          ExpressionAttributeNames: { '#s': 'status', ...mine.names },
          ExpressionAttributeValues: { ':progress': 'in_progress', ...mine.values },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw new StoreError(`could not release ${key}`, { cause: err });
    }
    this.tokens.delete(key);
  }

  async abandon(key: string, reason: string): Promise<void> {
    const mine = this.mine(key);
    try {
      await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: `LEDGER#${key}`, sk: 'A' },
          // The lease ends now: the next claim takes it over at once and sees phase `sending`, outcome `unknown`.
          UpdateExpression: 'SET phase = :sending, outcome = :unknown, outcomeReason = :reason, leaseUntil = :past',
          ConditionExpression: mine.ConditionExpression,
          ExpressionAttributeNames: { '#s': 'status', ...mine.names },
          ExpressionAttributeValues: { ':progress': 'in_progress', ':sending': 'sending', ':unknown': 'unknown', ':reason': reason.slice(0, 500), ':past': '1970-01-01T00:00:00.000Z', ...mine.values },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw new StoreError(`could not abandon ${key}`, { cause: err });
    }
    this.tokens.delete(key);
  }
}
