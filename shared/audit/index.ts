// The audit module's public surface: explain an event, story or item id, as a record and in plain words.
import { explain, explainText, type ExplainDeps } from './explain.js';
import { NothingToExplainError } from './errors.js';

export { explain, explainText, type AuditRecord, type AuditItem, type CalendarChange, type ExplainDeps, type Producer } from './explain.js';
export { NothingToExplainError } from './errors.js';

/**
 * `explain` shaped for the HTTP route (`AssistDeps.explain` of GET /v1/audit/{id}): the record and its
 * text, or null when the id names nothing stored (the route answers 404).
 */
export function auditExplainer(deps: ExplainDeps): (id: string) => Promise<{ kind: string; record: unknown; text: string } | null> {
  return async (id) => {
    try {
      const record = await explain(id, deps);
      return { kind: record.kind, record, text: explainText(record) };
    } catch (err) {
      if (err instanceof NothingToExplainError) return null;
      throw err;
    }
  };
}
