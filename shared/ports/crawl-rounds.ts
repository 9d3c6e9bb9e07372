// Crawl-round port: the fan-in of a planned crawl. The planner opens a round with the sources it sends out; each crawl
// worker reports its source done; the worker that completes the round starts its analysis (everything pending, in time order).

export interface CrawlRound {
  /** Sortable by when it was opened: `<ISO time>~<random>`. */
  id: string;
  /** The sources planned in this round. */
  sources: string[];
  openedAt: string;
}

/**
 * What reporting a source done decided:
 * - `complete`: every source of the round is done and this caller holds its trigger: it starts the analysis (a
 *   retry of the same caller gets `complete` again, so a failed send is sent on the retry);
 * - `waiting`: other sources of the round are still crawling;
 * - `triggered`: the round's analysis was started already (by another caller, or by the planner for a stuck round);
 * - `unknown`: no such round (expired, or the message was sent by hand): the caller starts an analysis itself.
 */
export type RoundProgress = 'complete' | 'waiting' | 'triggered' | 'unknown';

export interface CrawlRoundStore {
  open(round: CrawlRound): Promise<void>;
  /** Records `sourceId` done in the round; `owner` (the crawl message's id) is who may trigger it. */
  finish(roundId: string, sourceId: string, owner: string): Promise<RoundProgress>;
  /**
   * Rounds opened in the day before `before` whose analysis never started (a crawl message dead-lettered, a worker
   * died): each is claimed for `owner` and returned, so the caller starts their analysis once.
   */
  claimStuck(before: string, owner: string): Promise<string[]>;
}

/** A new round id, sortable by its opening time. */
export function roundId(openedAt: Date, random: string): string {
  return `${openedAt.toISOString()}~${random}`;
}
