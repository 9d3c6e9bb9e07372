// Typed errors of the queue adapters; vendor errors are kept as `cause`.

/** Any failure to talk to a queue. */
export class QueueError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueError';
  }
}

/** One message the queue refused, by its index in the `send` call. */
export interface FailedMessage {
  index: number;
  code: string;
  message: string;
  /** True when retrying cannot help (the message itself is wrong). */
  permanent: boolean;
}

/**
 * Some messages of a `send` call were still refused after retries. The others were sent: a caller
 * that must not duplicate them can tell which by `failed[].index`.
 */
export class QueueSendError extends QueueError {
  constructor(
    readonly queue: string,
    readonly failed: FailedMessage[],
    readonly sent: number,
    options?: { cause?: unknown },
  ) {
    const first = failed[0];
    super(
      `${failed.length} of ${failed.length + sent} messages could not be sent to ${queue}` +
        (first ? ` (first: ${first.code}: ${first.message})` : ''),
      options,
    );
    this.name = 'QueueSendError';
  }
}

/** A message is bigger than the queue accepts; nothing of that `send` call was sent. */
export class MessageTooLargeError extends QueueError {
  constructor(
    readonly index: number,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`message ${index} is ${bytes} bytes, over the ${limit}-byte queue limit`);
    this.name = 'MessageTooLargeError';
  }
}
