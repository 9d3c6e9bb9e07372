// DynamoDB adapter of the idempotency ledger: conditional writes on one row per key, expiring after the retention.
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimResult, IdempotencyLedger } from '../ports/ledger.js';
import { DynamoTable } from './dynamo-table.js';
import { StoreError, isConditionalCheckFailed } from './errors.js';

const KEEP_DAYS = 400;

export class DynamoLedger implements IdempotencyLedger {
  constructor(
    private readonly t: DynamoTable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async claim(key: string, leaseSeconds = 900): Promise<ClaimResult> {
    const now = this.now();
    const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
    try {
      await this.t.doc.send(
        new PutCommand({
          TableName: this.t.name,
          Item: {
            pk: `LEDGER#${key}`,
            sk: 'A',
            entity: 'ledger',
            status: 'in_progress',
            leaseUntil,
            claimedAt: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400,
          },
          // Free, or a claim whose holder died (lease over): never a completed key.
          ConditionExpression: 'attribute_not_exists(pk) OR (#s = :progress AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':progress': 'in_progress', ':now': now.toISOString() },
        }),
      );
      return { status: 'claimed' };
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw new StoreError(`could not claim ${key}`, { cause: err });
      const row = await this.t.get(`LEDGER#${key}`, 'A');
      if (row?.status === 'done') {
        return { status: 'done', completedAt: String(row.completedAt), result: (row.result as Record<string, unknown>) ?? null };
      }
      return { status: 'in_progress', leaseUntil: String(row?.leaseUntil ?? leaseUntil) };
    }
  }

  async complete(key: string, result: Record<string, unknown> = {}): Promise<void> {
    await this.t.doc.send(
      new UpdateCommand({
        TableName: this.t.name,
        Key: { pk: `LEDGER#${key}`, sk: 'A' },
        UpdateExpression: 'SET #s = :done, completedAt = :at, #r = :result REMOVE leaseUntil',
        ExpressionAttributeNames: { '#s': 'status', '#r': 'result' },
        ExpressionAttributeValues: { ':done': 'done', ':at': this.now().toISOString(), ':result': result },
      }),
    );
  }

  async release(key: string): Promise<void> {
    try {
      await this.t.doc.send(
        new DeleteCommand({
          TableName: this.t.name,
          Key: { pk: `LEDGER#${key}`, sk: 'A' },
          // Only a claim is given back; a completed key stays done.
          ConditionExpression: '#s = :progress',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':progress': 'in_progress' },
        }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw new StoreError(`could not release ${key}`, { cause: err });
    }
  }
}
