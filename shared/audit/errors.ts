// Errors of the audit module.

/** The id names no stored event, story or item (or it was purged). */
export class NothingToExplainError extends Error {
  constructor(readonly id: string) {
    super(`nothing to explain for "${id}": no event (e_…), story (s_…) or item (32 hex characters) with that id is stored`);
    this.name = 'NothingToExplainError';
  }
}
