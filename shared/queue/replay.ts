// Use-case replayMessages: moves messages from a dead-letter queue back to the queue they came from.
import type { MessageSource, Queue, ReceivedMessage } from '../ports/queue.js';
import { QueueError, QueueSendError } from './errors.js';

export interface ReplayOptions {
  /** Stop after this many messages (default: until the source is empty). */
  max?: number;
  /** How long received messages stay hidden while being moved; what is not moved reappears after it. */
  visibilitySeconds?: number;
}

export interface ReplayResult {
  moved: number;
  /** Bodies that are not JSON: left in the source queue, never deleted. */
  skipped: number;
}

/** A replay that stopped part-way; `moved` messages reached the target and were deleted from the source. */
export class ReplayError extends QueueError {
  constructor(
    message: string,
    readonly moved: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReplayError';
  }
}

/**
 * Receives batches from `from`, sends each JSON body unchanged to `to`, and deletes from `from` only
 * what `to` accepted — so a failure part-way loses nothing and duplicates nothing it could avoid.
 */
export async function replayMessages(from: MessageSource, to: Queue, options: ReplayOptions = {}): Promise<ReplayResult> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const visibility = options.visibilitySeconds ?? 120;
  let moved = 0;
  let skipped = 0;
  const seen = new Set<string>();
  while (moved + skipped < max) {
    const batch = await from.receive(Math.min(10, max - moved - skipped), visibility);
    // A message we skipped can come back once its visibility expires: stop rather than loop on it.
    const fresh = batch.filter((m) => !seen.has(m.id));
    if (fresh.length === 0) break;
    fresh.forEach((m) => seen.add(m.id));

    const valid: Array<{ msg: ReceivedMessage; body: object }> = [];
    for (const msg of fresh) {
      try {
        const body: unknown = JSON.parse(msg.body);
        if (body === null || typeof body !== 'object') throw new Error('not an object');
        valid.push({ msg, body });
      } catch {
        skipped++;
      }
    }
    if (valid.length === 0) continue;
    try {
      await to.send(valid.map((v) => v.body));
    } catch (err) {
      if (err instanceof QueueSendError) {
        const failed = new Set(err.failed.map((f) => f.index));
        const done = valid.filter((_, i) => !failed.has(i)).map((v) => v.msg);
        await from.remove(done);
        moved += done.length;
      }
      throw new ReplayError(`replay stopped after ${moved} messages: ${(err as Error).message}`, moved, { cause: err });
    }
    await from.remove(valid.map((v) => v.msg));
    moved += valid.length;
  }
  return { moved, skipped };
}
