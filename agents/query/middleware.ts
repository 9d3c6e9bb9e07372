// Middleware of the LLM query agent: which tools a question may use (an injected instruction in an article cannot widen
// them), and the limits of one run — LangChain's tool-call limit and model-call limit middleware.
import { createMiddleware, modelCallLimitMiddleware, toolCallLimitMiddleware } from 'langchain';
import type { Intent } from '../../shared/query/question.js';
import type { ToolName } from './query-tools.js';

/** Which tools a question may use, by the intent the embedded reading gives it. */
export function toolsFor(intent: Intent): Set<ToolName> {
  switch (intent) {
    case 'sources':
      return new Set(['source_health']);
    case 'run':
    case 'opening':
      return new Set(['title_run', 'box_office', 'search_events', 'read_item']);
    case 'ranking':
      return new Set(['openings', 'box_office', 'title_run', 'search_events', 'read_item']);
    case 'surprises':
      return new Set(['box_office_surprises', 'title_run', 'box_office', 'search_events', 'read_item']);
    case 'boxoffice':
      return new Set(['box_office', 'title_run', 'openings', 'search_events', 'read_item']);
    case 'moves':
    case 'datings':
      return new Set(['release_changes', 'release_calendar', 'search_events', 'read_item']);
    case 'calendar':
    case 'same_weekend':
      return new Set(['release_calendar', 'release_changes', 'search_events', 'read_item']);
    default:
      return new Set(['search_events', 'read_item']);
  }
}

/** Offers the model only the tools the question needs (the tools' own guard refuses any other call). */
export function toolGate(allowed: Set<ToolName>) {
  return createMiddleware({
    name: 'QueryToolGate',
    wrapModelCall: (request, handler) => handler({ ...request, tools: request.tools.filter((t) => allowed.has((t as { name: ToolName }).name)) }),
  });
}

/**
 * At most `maxToolCalls` tool calls a run (a call past it gets "Tool call limit exceeded" and the run stops), and at
 * most `maxToolCalls + 2` model calls (a model that keeps asking ends the run instead of looping).
 */
export function limitMiddleware(maxToolCalls: number) {
  return [toolCallLimitMiddleware({ runLimit: maxToolCalls, exitBehavior: 'continue' }), modelCallLimitMiddleware({ runLimit: maxToolCalls + 2, exitBehavior: 'end' })];
}
