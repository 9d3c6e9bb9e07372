// Per-key token bucket: `perMinute` requests a minute with bursts up to `burst`; says how long to wait when empty.

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one request is allowed again (0 when allowed). */
  retryAfter: number;
  remaining: number;
}

/**
 * In-memory buckets, one per key id. On Lambda each container keeps its own buckets, so the
 * effective limit is per container; the API's throttling settings bound the total there.
 */
export class RateLimiter {
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
