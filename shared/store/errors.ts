// Typed errors of the store adapters; vendor errors are kept as `cause`.
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export class InvalidCursorError extends StoreError {
  constructor() {
    super('invalid or expired cursor');
    this.name = 'InvalidCursorError';
  }
}

/** True when a DynamoDB call failed only because its condition expression was false. */
export function isConditionalCheckFailed(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}
