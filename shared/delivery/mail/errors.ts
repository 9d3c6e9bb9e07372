// Mail adapter errors: vendor failures become a MailError that keeps the cause and says whether the mail may have gone out.
export class MailError extends Error {
  /**
   * `not_sent`: refused or never handed over (a 4xx/5xx answer, no connection): safe to retry.
   * `unknown`: the connection failed after the message was handed over: it may have been delivered.
   */
  readonly outcome: 'not_sent' | 'unknown';
  constructor(message: string, options?: { cause?: unknown; outcome?: 'not_sent' | 'unknown' }) {
    super(message, options);
    this.name = 'MailError';
    this.outcome = options?.outcome ?? 'not_sent';
  }
}
