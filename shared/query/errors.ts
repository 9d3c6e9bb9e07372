// Errors of the query side: a caller's mistake (4xx with its message) apart from everything else.

/** The request asks for something impossible (bad range, bad cursor): its message goes back to the caller. */
export class QueryInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'QueryInputError';
  }
}
