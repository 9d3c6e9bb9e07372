// DynamoDB adapter of the rate limit: one counter per caller per fixed window, shared by every Lambda container.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateDecision, RateLimit } from '../ports/rate-limit.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import type { DynamoTable } from './dynamo-table.js';
import { isConditionalCheckFailed } from './errors.js';

export interface DynamoRateLimitOptions {
  /** Requests allowed per caller in one window. */
  limit: number;
  /** Window length (default 60 s: `limit` is then the per-minute limit). */
  windowSeconds?: number;
  now?: () => number;
  /** Used when the table cannot be reached (throttled, down): the limit degrades to per container, requests still flow. */
  fallback?: RateLimit;
  log?: Logger;
}

/** The partition of a caller's counters; the query role may write it (infra QUERY_WRITE_PARTITIONS). */
export const RATE_PARTITION = 'RATE#';

/**
 * Fixed-window counter: `pk = RATE#<id>`, `sk = <window start>`, one atomic UpdateItem per request that adds 1 only
 * while the count is under the limit, so containers racing on the same window never let more than `limit` through.
 * The window is part of the key, so a counter is only ever read in its own window: expiry is enforced on read by
 * construction (dynalite, the local DynamoDB-protocol server, has no TTL), and `expiresAt` (the table's TTL
 * attribute) removes old windows on AWS.
 */
export class DynamoRateLimiter implements RateLimit {
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(
    private readonly t: DynamoTable,
    private readonly options: DynamoRateLimitOptions,
  ) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`rate limit: limit must be a positive integer, not ${options.limit}`);
    this.windowMs = (options.windowSeconds ?? 60) * 1000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? silentLogger;
  }

  async take(id: string): Promise<RateDecision> {
    const now = this.now();
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    const end = start + this.windowMs;
    const retryAfter = Math.max(1, Math.ceil((end - now) / 1000));
    try {
      const out = await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.name,
          Key: { pk: `${RATE_PARTITION}${id}`, sk: `w#${new Date(start).toISOString()}` },
          // ADD creates the counter at 0 + 1 on the window's first request; the condition refuses the (limit+1)-th.
          UpdateExpression: 'ADD #n :one SET entity = :entity, expiresAt = if_not_exists(expiresAt, :expires)',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
          ExpressionAttributeNames: { '#n': 'requests' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': this.options.limit,
            ':entity': 'rate-window',
            // A day after the window: TTL deletion is lazy, and nothing reads the row after its window anyway.
            ':expires': Math.floor(end / 1000) + 86_400,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const used = Number((out.Attributes as { requests?: number } | undefined)?.requests ?? 1);
      return { allowed: true, retryAfter: 0, remaining: Math.max(0, this.options.limit - used) };
    } catch (err) {
      if (isConditionalCheckFailed(err)) return { allowed: false, retryAfter, remaining: 0 };
      this.log.warn('rate limit: the shared counter could not be updated; limiting per container for this request', { error: String(err) });
      return this.options.fallback ? this.options.fallback.take(id) : { allowed: true, retryAfter: 0, remaining: 0 };
    }
  }
}
