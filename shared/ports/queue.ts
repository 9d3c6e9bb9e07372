// Queue port: send JSON messages (batched by the adapter), and read a queue back for DLQ replays.

/** What every queue message is: a JSON-serializable object. */
export type QueueMessage = object;

export interface SendResult {
  sent: number;
}

/** The producer side of a queue (SQS in AWS, in-process locally). */
export interface Queue {
  /**
   * Sends messages, in batches of at most {@link MAX_BATCH}. Resolves when all were accepted;
   * throws `QueueSendError` naming the ones that were not (after retries), `QueueError` otherwise.
   */
  send(messages: QueueMessage[]): Promise<SendResult>;
}

/** A message read from a queue, to be removed once it has been dealt with. */
export interface ReceivedMessage {
  id: string;
  body: string;
  /** Opaque handle for `remove`. */
  receipt: string;
  receiveCount: number;
}

/** The consumer side, used by the dead-letter replay (normal consumption is the Lambda event source). */
export interface MessageSource {
  /** Up to `max` (at most 10) messages, hidden from other readers for `visibilitySeconds`. */
  receive(max: number, visibilitySeconds: number): Promise<ReceivedMessage[]>;
  remove(messages: ReceivedMessage[]): Promise<void>;
}

/** SQS takes at most 10 entries per SendMessageBatch / DeleteMessageBatch. */
export const MAX_BATCH = 10;

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
