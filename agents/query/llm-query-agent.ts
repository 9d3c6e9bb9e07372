// The LLM query agent: LangChain's createAgent over the store tools (zod schemas), with the tool-call and model-call limit
// middleware, tool gating by the question's intent, and the model client's own retries (Retry-After honoured). An answer
// must cite what the tools returned; when the model fails or does not cite, the embedded reader answers and says so.
import { ChatOpenAI } from '@langchain/openai';
import { createAgent } from 'langchain';
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { APIConnectionError, APIError } from 'openai';
import type { QueryService } from '../../shared/query/query-service.js';
import { parseQuestion } from '../../shared/query/question.js';
import type { TitleVocabulary } from './embedded-query-agent.js';
import type { AskResponse, Citation } from '../../shared/query/schemas.js';
import { silentLogger, type Logger } from '../../shared/ports/logger.js';
import { fallbackNote, QUERY_PROMPT_VERSION, QUERY_SYSTEM_PROMPT } from './prompts.js';
import { queryTools, ReferenceBook, type ToolName } from './query-tools.js';
import { limitMiddleware, toolGate, toolsFor } from './middleware.js';

export { toolsFor };

export interface LlmQueryAgentOptions {
  model: string;
  apiKey?: string;
  baseUrl?: string;
  /** Tool calls allowed for one question; past it the run stops and the embedded reader answers. */
  maxToolCalls: number;
  timeoutMs?: number;
  /** Retries of one model request by the client (429 and 5xx; a Retry-After up to a minute is honoured). */
  maxRetries?: number;
  /** The embedded reader: answers when the model fails or does not cite a tool result. */
  fallback: (question: string) => Promise<AskResponse>;
  log?: Logger;
}

export interface LlmAnswer extends AskResponse {
  toolCalls: Array<{ name: ToolName; refused: boolean }>;
  /** Reference ids the model cited that no tool returned (dropped from the answer). */
  droppedRefs: string[];
  stoppedAtLimit: boolean;
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

function textOf(m: BaseMessage): string {
  const c = m.content;
  return typeof c === 'string' ? c : c.map((p) => (typeof p === 'object' && p && 'text' in p ? String(p.text) : '')).join('');
}

/** Why a model request failed, in a few words (the cause goes to the log). */
function failureReason(thrown: unknown): string {
  // A model error raised inside a middleware's wrapModelCall arrives wrapped in MiddlewareError: read its cause.
  let err = thrown;
  for (let i = 0; i < 5 && (err as { name?: string; cause?: unknown })?.cause && (err as { constructor?: { name?: string } }).constructor?.name === 'MiddlewareError'; i++) err = (err as { cause: unknown }).cause;
  const e = err as { name?: string; message?: string; status?: unknown; constructor?: { name?: string } };
  // openai's error classes; by name too, since a test runner or a bundle may load a second copy of the package.
  if (err instanceof APIConnectionError || e?.constructor?.name === 'APIConnectionError') return 'the model endpoint could not be reached';
  const status = err instanceof APIError ? err.status : typeof e?.status === 'number' ? e.status : undefined;
  if (status) return `the model endpoint answered HTTP ${status}${status === 429 ? ' (rate limited) after retries' : status >= 500 ? ' after retries' : ''}`;
  if (e?.name === 'TimeoutError') return 'the model did not answer in time';
  if (e?.name === 'GraphRecursionError') return 'the agent did not finish within its step limit';
  return 'the model request failed';
}

export function createLlmQueryAgent(service: QueryService, vocabulary: TitleVocabulary, options: LlmQueryAgentOptions) {
  const log = options.log ?? silentLogger;
  const chat = new ChatOpenAI({
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
    temperature: 0,
    // STACK-NOTES: no `streaming: true` with invoke offline (it fetches tokenizer data).
    streaming: false,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 60_000,
  });
  const analyst = `${options.model} (${QUERY_PROMPT_VERSION})`;

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
    const systemPrompt = QUERY_SYSTEM_PROMPT.replace('{today}', service.today())
      .replace('{timezone}', ws.timezone)
      .replace('{studio}', ws.studio ?? 'not set')
      .replace('{slate}', ws.slate.map((s) => `${s.title} (${s.releaseDate})`).join(', ') || 'none');
    // Every tool is registered (a call to one the question does not need is refused by its guard, never run);
    // the model is offered only the ones this question needs.
    const agent = createAgent({ model: chat, tools, systemPrompt, middleware: [toolGate(allowed), ...limitMiddleware(options.maxToolCalls)] });

    let messages: BaseMessage[] = [];
    let failure: string | null = null;
    try {
      const state = await agent.invoke({ messages: [new HumanMessage(question)] }, { recursionLimit: 12 * (options.maxToolCalls + 2) });
      messages = state.messages;
    } catch (err) {
      failure = failureReason(err);
      log.warn('query agent: the model run failed; the embedded reader answers', { question, error: err instanceof Error ? err.message : String(err) });
    }
    const tokens = messages.filter(AIMessage.isInstance).reduce((sum, m) => sum + (m.usage_metadata?.total_tokens ?? 0), 0);
    const blocked = messages.filter(ToolMessage.isInstance).some((m) => /^Tool call limit exceeded/.test(textOf(m)));
    const last = messages.at(-1);
    const final = last && AIMessage.isInstance(last) && !(last.tool_calls?.length) && !/^Model call limit reached/.test(textOf(last)) ? textOf(last) : null;
    const resolved = final !== null ? resolveCitations(final, book) : { answer: '', citations: [], dropped: [] };
    if (resolved.dropped.length) log.warn('query agent: dropped citations no tool returned', { dropped: resolved.dropped });
    if (!failure) {
      if (blocked && final === null) failure = `it reached the limit of ${options.maxToolCalls} tool calls without answering`;
      else if (final === null) failure = 'it stopped without an answer';
      else if (resolved.citations.length === 0) failure = 'its answer cited no tool result';
    }
    const stoppedAtLimit = blocked;

    if (failure) {
      const embedded = await options.fallback(question);
      return {
        ...embedded,
        answer: `${fallbackNote(options.model, failure)}\n${embedded.answer}`,
        analyst: `${embedded.analyst} (fallback from ${analyst})`,
        fallback: failure,
        tokens,
        toolCalls: calls,
        droppedRefs: resolved.dropped,
        stoppedAtLimit,
      };
    }
    const citedItems = new Set(resolved.citations.map((c) => c.itemId).filter(Boolean));
    const events = [...book.events.values()].filter((e) => e.itemIds.some((id) => citedItems.has(id)));
    const { views } = await service.viewEvents(events);
    return { answer: resolved.answer, citations: resolved.citations, events: views, analyst, tokens, toolCalls: calls, droppedRefs: resolved.dropped, stoppedAtLimit };
  };
}
