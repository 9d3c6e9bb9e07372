// Per-key token bucket: `perMinute` requests a minute with bursts up to `burst`; says how long to wait when empty.
import type { RateDecision, RateLimit } from '../ports/rate-limit.js';

export type { RateDecision } from '../ports/rate-limit.js';

/**
 * In-memory buckets, one per key id: the limit of one process (`marquee serve`). On Lambda every
 * container would keep its own, so the query function uses the DynamoDB counter
 * (shared/store/dynamo-rate-limit.ts) instead, and this only as its fallback.
 */
export class RateLimiter implements RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number = Math.max(1, Math.ceil(perMinute / 2)),
    private readonly now: () => number = Date.now,
  ) {}

  take(id: string): RateDecision {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(id) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.buckets.set(id, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, retryAfter: 0, remaining: Math.floor(b.tokens) };
    }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)), remaining: 0 };
  }
}
