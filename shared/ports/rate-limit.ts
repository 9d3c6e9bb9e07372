// Rate-limit port: one request of a caller (an API key, a signed-in user) taken from its allowance, or refused with a wait.

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one request is allowed again (0 when allowed). */
  retryAfter: number;
  remaining: number;
}

/** In memory for one process (shared/auth/rate-limit.ts), or a counter every Lambda container shares (DynamoDB). */
export interface RateLimit {
  take(id: string): RateDecision | Promise<RateDecision>;
}
