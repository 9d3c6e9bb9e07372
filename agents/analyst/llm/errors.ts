// Typed errors of the LLM analyst: what went wrong with a model call, keeping the vendor error as `cause`.

/** The model answered, but not with a usable batch (invalid JSON, schema mismatch, cut off). */
export class MalformedOutputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedOutputError';
  }
}

/** A request the analyst refused to send (a URL outside the configured base URL). */
export class ForbiddenRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenRequestError';
  }
}
