// Idempotency ledger port: a conditional claim taken before a side effect (Slack alert, digest email), so retries never repeat it.

/** How far a claim got: `claimed` (nothing sent yet) or `sending` (the side effect started: its outcome may be unknown). */
export type LedgerPhase = 'claimed' | 'sending';

/** What was left of a claim this one took over: its holder died, timed out, or was an earlier attempt of the same invocation. */
export interface TakenOver {
  owner: string | null;
  phase: LedgerPhase;
  claimedAt: string | null;
  /** Set when the holder gave up without knowing whether the side effect happened (e.g. Slack did not answer in time). */
  outcome: 'unknown' | null;
}

export type ClaimResult =
  /** Ours. `takenOver` says a holder before us did not finish; with phase `sending` the side effect may have happened. */
  | { status: 'claimed'; takenOver?: TakenOver }
  /** Someone completed it already: do nothing. */
  | { status: 'done'; completedAt: string; result: Record<string, unknown> | null }
  /** Someone else holds a live claim (a concurrent run): skip, it will complete or expire. */
  | { status: 'in_progress'; leaseUntil: string; owner?: string | null };

export interface IdempotencyLedger {
  /**
   * Takes the key unless it is done or another live holder has it. A claim whose lease is over, or
   * whose holder the ledger knows to be gone (see the adapter's takeover rule), is taken over.
   */
  claim(key: string, leaseSeconds?: number, options?: ClaimOptions): Promise<ClaimResult>;
  /**
   * Records, just before the side effect, that it is starting: from here a crash leaves an unknown
   * outcome that the next claim sees (`takenOver.phase === 'sending'`). False when this holder has
   * lost the claim meanwhile (taken over after its lease): then it must not send.
   */
  markSending(key: string): Promise<boolean>;
  /** Marks the claimed key done, with what the side effect returned (message id, file path…). */
  complete(key: string, result?: Record<string, unknown>): Promise<void>;
  /** Gives the key back after a side effect that certainly did not happen, so the next run retries it. */
  release(key: string): Promise<void>;
  /**
   * The side effect may or may not have happened (no answer in time): the claim stays in phase
   * `sending` with outcome `unknown`, and its lease ends now, so the next run decides at once.
   */
  abandon(key: string, reason: string): Promise<void>;
  /**
   * The keys among `keys` already done, with their results (batched reads, nothing claimed): a run skips them
   * without a claim each. A key missing here may still turn out done when it is claimed.
   */
  completed?(keys: string[]): Promise<Map<string, Record<string, unknown> | null>>;
  /**
   * Marks several claimed keys done at once (unconditional, as `complete`; batched writes where the store has them).
   * A key whose write failed is named in the error; the others are done.
   */
  completeMany?(entries: Array<{ key: string; result: Record<string, unknown> }>): Promise<void>;
}

export interface ClaimOptions {
  /**
   * Take the claim already in phase `sending` (claim and `markSending` in one write): for a side effect that starts
   * right after the claim. A crash after the claim then leaves an unknown outcome, as after `markSending`.
   */
  sending?: boolean;
}

/** A read-only look at the ledger: whether a key's side effect is done (the "digest not sent by the hour after its slot" check). */
export interface LedgerReader {
  isDone(key: string): Promise<boolean>;
}
