// Errors of the audit module.

/** The id names no stored event, story, item, brief or answer (or it was purged or expired). */
export class NothingToExplainError extends Error {
  constructor(readonly id: string) {
    super(`nothing to explain for "${id}": no event (e_…), story (s_…), brief (br_…), answer (ans_…) or item (32 hex characters) with that id is stored`);
    this.name = 'NothingToExplainError';
  }
}
