// The LLM query agent: a tool-calling loop (LangChain ChatOpenAI.bindTools) over the store tools, with a tool-call limit,
// tool gating by the question's intent, and an answer whose citations are only items the tools returned.
import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { QueryService } from '../../shared/query/query-service.js';
import { parseQuestion, type Intent } from '../../shared/query/question.js';
import type { TitleVocabulary } from '../../shared/query/embedded-agent.js';
import type { AskResponse, Citation } from '../../shared/query/schemas.js';
import { silentLogger, type Logger } from '../../shared/ports/logger.js';
import { QUERY_PROMPT_VERSION, QUERY_SYSTEM_PROMPT } from './prompts.js';
import { queryTools, ReferenceBook, type ToolName } from './query-tools.js';

export interface LlmQueryAgentOptions {
  model: string;
  apiKey?: string;
  baseUrl?: string;
  /** Tool calls allowed for one question; past it, the model must answer from what it has. */
  maxToolCalls: number;
  timeoutMs?: number;
  log?: Logger;
}

export interface LlmAnswer extends AskResponse {
  toolCalls: Array<{ name: ToolName; refused: boolean }>;
  /** Reference ids the model cited that no tool returned (dropped from the answer). */
  droppedRefs: string[];
  stoppedAtLimit: boolean;
}

/** Which tools a question may use: an injected instruction in an article cannot widen this set. */
export function toolsFor(intent: Intent): Set<ToolName> {
  switch (intent) {
    case 'sources':
      return new Set(['source_health']);
    case 'boxoffice':
    case 'run':
    case 'opening':
    case 'ranking':
    case 'surprises':
      return new Set(['box_office', 'search_events', 'read_item']);
    case 'calendar':
    case 'same_weekend':
    case 'moves':
    case 'datings':
      return new Set(['release_calendar', 'search_events', 'read_item']);
    default:
      return new Set(['search_events', 'read_item']);
  }
}

/** Rewrites [i3][c1] references to numbered citations of items the tools returned; unknown ones are dropped. */
export function resolveCitations(text: string, book: ReferenceBook): { answer: string; citations: Citation[]; dropped: string[] } {
  const numbers = new Map<string, number>();
  const citations: Citation[] = [];
  const dropped: string[] = [];
  const answer = text
    .replace(/\[((?:[ic]\d+)(?:\s*,\s*[ic]\d+)*)\]/g, (_m, inner: string) => {
      const out: string[] = [];
      for (const ref of inner.split(/\s*,\s*/)) {
        const c = book.refs.get(ref);
        if (!c) {
          dropped.push(ref);
          continue;
        }
        let n = numbers.get(ref);
        if (!n) {
          n = citations.length + 1;
          numbers.set(ref, n);
          const { text: _t, ...cite } = c;
          citations.push({ n, ...cite });
        }
        out.push(`[${n}]`);
      }
      return out.join('');
    })
    .replace(/[ \t]+([.,;])/g, '$1')
    .trim();
  return { answer, citations, dropped };
}

export function createLlmQueryAgent(service: QueryService, vocabulary: TitleVocabulary, options: LlmQueryAgentOptions) {
  const log = options.log ?? silentLogger;
  const chat = new ChatOpenAI({
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
    temperature: 0,
    streaming: false,
    maxRetries: 2,
    timeout: options.timeoutMs ?? 60_000,
  });

  return async function ask(question: string): Promise<LlmAnswer> {
    const ws = service.workspace;
    const parsed = parseQuestion(question, { workspace: ws, titles: await vocabulary.titles() }, service.deps.now());
    const allowed = toolsFor(parsed.intent);
    const book = new ReferenceBook();
    const calls: LlmAnswer['toolCalls'] = [];
    const tools = queryTools(service, book, allowed, (name, refused) => {
      calls.push({ name, refused });
      if (refused) log.warn('query agent: refused a tool the question does not need', { tool: name, question });
    });
    const byName = new Map<string, { invoke: (args: unknown) => Promise<unknown> }>(
      tools.map((t) => [t.name, t as unknown as { invoke: (args: unknown) => Promise<unknown> }]),
    );
    // The model is offered only the tools this question needs; a call to any other is refused by the guard too.
    const model = chat.bindTools(tools.filter((t) => allowed.has(t.name as ToolName)));
    const system = QUERY_SYSTEM_PROMPT.replace('{today}', service.today())
      .replace('{timezone}', ws.timezone)
      .replace('{studio}', ws.studio ?? 'not set')
      .replace('{slate}', ws.slate.map((s) => `${s.title} (${s.releaseDate})`).join(', ') || 'none');
    const messages: BaseMessage[] = [new SystemMessage(system), new HumanMessage(question)];
    let final: string | null = null;
    let used = 0;
    let tokens = 0;
    let stoppedAtLimit = false;
    // Each turn: the model answers or asks for tools; past the limit, every tool call gets an error instead.
    for (let turn = 0; turn <= options.maxToolCalls + 1; turn++) {
      const ai = (await model.invoke(messages)) as AIMessage;
      messages.push(ai);
      tokens += ai.usage_metadata?.total_tokens ?? 0;
      const toolCalls = ai.tool_calls ?? [];
      if (toolCalls.length === 0) {
        final = typeof ai.content === 'string' ? ai.content : ai.content.map((p) => ('text' in p ? p.text : '')).join('');
        break;
      }
      for (const tc of toolCalls) {
        const id = tc.id ?? `call_${turn}`;
        if (used >= options.maxToolCalls) {
          stoppedAtLimit = true;
          messages.push(new ToolMessage({ tool_call_id: id, content: `error: the limit of ${options.maxToolCalls} tool calls is reached; answer now from what you have.` }));
          continue;
        }
        used++;
        const t = byName.get(tc.name);
        if (!t) {
          messages.push(new ToolMessage({ tool_call_id: id, content: `error: there is no tool named ${tc.name}` }));
          continue;
        }
        let content: string;
        try {
          content = String(await t.invoke(tc.args));
        } catch (err) {
          // Invalid arguments (zod) land here: the model gets the message and may retry.
          content = `error: ${(err as Error).message}`;
        }
        messages.push(new ToolMessage({ tool_call_id: id, content }));
      }
    }
    if (final === null) {
      final = `I could not finish within ${options.maxToolCalls} tool calls; ask a narrower question.`;
      stoppedAtLimit = true;
    }
    const { answer, citations, dropped } = resolveCitations(final, book);
    if (dropped.length) log.warn('query agent: dropped citations no tool returned', { dropped });
    const citedItems = new Set(citations.map((c) => c.itemId).filter(Boolean));
    const events = [...book.events.values()].filter((e) => e.itemIds.some((id) => citedItems.has(id)));
    const { views } = await service.viewEvents(events);
    return { answer, citations, events: views, analyst: `${options.model} (${QUERY_PROMPT_VERSION})`, tokens, toolCalls: calls, droppedRefs: dropped, stoppedAtLimit };
  };
}
