// Idempotency ledger port: a conditional claim taken before a side effect (Slack alert, digest email), so retries never repeat it.

export type ClaimResult =
  | { status: 'claimed' }
  /** Someone completed it already: do nothing. */
  | { status: 'done'; completedAt: string; result: Record<string, unknown> | null }
  /** Someone else holds a live claim (a concurrent run): skip, it will complete or expire. */
  | { status: 'in_progress'; leaseUntil: string };

export interface IdempotencyLedger {
  /** Takes the key unless it is done or another claim's lease is still live (an expired lease may be taken over). */
  claim(key: string, leaseSeconds?: number): Promise<ClaimResult>;
  /** Marks the claimed key done, with what the side effect returned (message id, file path…). */
  complete(key: string, result?: Record<string, unknown>): Promise<void>;
  /** Gives the key back after a failed side effect, so the next run retries it. */
  release(key: string): Promise<void>;
}
