// Mail adapter errors: vendor failures become a MailError that keeps the cause.
export class MailError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailError';
  }
}
