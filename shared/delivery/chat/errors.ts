// Chat adapter errors: webhook and file failures become ChatErrors that keep the cause and say whether a retry can help.

export type ChatErrorCode = 'rejected' | 'rate_limited' | 'server_error' | 'request_failed' | 'timeout' | 'write_failed';

export class ChatError extends Error {
  constructor(
    message: string,
    readonly code: ChatErrorCode,
    readonly details: { status?: number; attempts?: number; body?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'ChatError';
  }

  /** Whether the next run may succeed with the same message (a 4xx rejection will not). */
  get retryable(): boolean {
    return this.code !== 'rejected';
  }
}

/** Slack refused the payload (4xx other than 429: invalid_blocks, no_service, invalid_token…): retrying will not help. */
export class ChatRejectedError extends ChatError {
  constructor(status: number, body: string, attempts: number, cause?: unknown) {
    super(`Slack rejected the message: HTTP ${status}${body ? ` ${body.slice(0, 200)}` : ''}`, 'rejected', { status, body, attempts, cause });
    this.name = 'ChatRejectedError';
  }
}

/** Slack stayed unavailable (429, 5xx, no response) for every attempt. */
export class ChatUnavailableError extends ChatError {
  constructor(message: string, code: 'rate_limited' | 'server_error' | 'request_failed' | 'timeout', details: { status?: number; attempts: number; body?: string; cause?: unknown }) {
    super(message, code, details);
    this.name = 'ChatUnavailableError';
  }
}
