// LLM analyst: batches stories into one structured-output call each (LangChain ChatOpenAI), with cache, retries, budget and embedded fallback.
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { ConfigError } from '../../../shared/config/errors.js';
import type { AnalystInfo, EventExtraction } from '../../../shared/model/event.js';
import type {
  AnalysisCache,
  Analyst,
  AnalystContext,
  AnalystUsage,
  StoryAnalysis,
  StoryInput,
} from '../../../shared/ports/analyst.js';
import { silentLogger, type Logger } from '../../../shared/ports/logger.js';
import { BATCH_OUTPUT_NAME, ExtractionBatch } from './batch-schema.js';
import { ForbiddenRequestError, MalformedOutputError } from './errors.js';
import { postProcess, buildCanonicalizer, type Canonicalizer } from './post-process.js';
import { PROMPT_VERSION, buildBatchPrompt, buildSystemPrompt } from './prompts.js';
import { backoffDelay, classifyFailure, type BackoffOptions } from './retry.js';

/** The embedded analyst as the fallback sees it (agents/analyst/embedded/embedded-analyst.ts). */
export interface EmbeddedExtractor {
  readonly info: AnalystInfo;
  extract(story: { title: string; text: string; publishedAt: string | null; url?: string }): EventExtraction;
}

/** Builds the embedded analyst for one workspace context. */
export type EmbeddedFactory = (context: AnalystContext) => EmbeddedExtractor;

export interface LlmAnalystOptions {
  /** OpenAI-compatible base URL ("http://127.0.0.1:8787/v1"); unset = the OpenAI API (needs apiKey). */
  baseUrl?: string;
  apiKey?: string;
  model: string;
  cache: AnalysisCache;
  /** The embedded analyst, built per context, for stories the model cannot answer. */
  fallback: EmbeddedFactory;
  /** Stories per model call (default 8). */
  batchSize?: number;
  /** Retries of a call after 429, 5xx, timeouts or connection errors (default 3). Malformed output is retried once. */
  maxRetries?: number;
  /** Prompt + completion tokens one analyze() run may spend; stories past it go to the embedded analyst. */
  tokenBudget?: number;
  /** Per-call timeout (default 60 s). */
  timeoutMs?: number;
  log?: Logger;
  /** Structured-output method; default: what LangChain picks for the model (json_schema for gpt-4o and later). */
  method?: 'jsonSchema' | 'functionCalling';
  /** Injected for tests: waiting between retries, and the jitter source. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  backoff?: BackoffOptions;
}

/** Completion tokens an extraction typically takes; used only to decide whether the next call fits the budget. */
const COMPLETION_TOKENS_PER_STORY = 150;
/** Completion cap per story: a cut-off answer fails as malformed instead of running away. */
const MAX_COMPLETION_TOKENS_PER_STORY = 400;
const DEFAULT_OPENAI_URL = 'https://api.openai.com/v1';

/** Rough token count (o200k averages ~4 characters per token on English news); budget decisions only. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.6);
}

const SCHEMA_TOKENS = estimateTokens(JSON.stringify(z.toJSONSchema(ExtractionBatch)));

/** The cache key of a story's extraction. */
export function cacheKey(story: Pick<StoryInput, 'hash'>): string {
  return `${PROMPT_VERSION}:${story.hash}`;
}

interface CallUsage {
  prompt: number;
  completion: number;
}

/**
 * A fetch that only reaches URLs under `baseUrl` and reports the `usage` of every JSON answer, so tokens are
 * counted even when the SDK later rejects the answer as malformed.
 */
export function guardedFetch(baseUrl: string, onUsage: (usage: CallUsage) => void, inner: typeof fetch = fetch): typeof fetch {
  const prefix = `${baseUrl.replace(/\/+$/, '')}/`;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix)) throw new ForbiddenRequestError(`LLM analyst: refusing request outside ${prefix}: ${url}`);
    const res = await inner(input, init);
    if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
      try {
        const body = (await res.clone().json()) as { usage?: { prompt_tokens?: number; completion_tokens?: number } };
        if (body.usage) onUsage({ prompt: body.usage.prompt_tokens ?? 0, completion: body.usage.completion_tokens ?? 0 });
      } catch {
        // Not JSON after all: the SDK reports it.
      }
    }
    return res;
  };
}

function usageOf(raw: BaseMessage | undefined): CallUsage | undefined {
  const m = raw as
    | { usage_metadata?: { input_tokens?: number; output_tokens?: number }; response_metadata?: { tokenUsage?: { promptTokens?: number; completionTokens?: number } } }
    | undefined;
  if (m?.usage_metadata && (m.usage_metadata.input_tokens || m.usage_metadata.output_tokens)) {
    return { prompt: m.usage_metadata.input_tokens ?? 0, completion: m.usage_metadata.output_tokens ?? 0 };
  }
  const t = m?.response_metadata?.tokenUsage;
  return t ? { prompt: t.promptTokens ?? 0, completion: t.completionTokens ?? 0 } : undefined;
}

/** Splits `total` into `n` integer shares that add up to it. */
function shares(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Why the run stopped calling the model: the token budget, or a failure retries did not cure. */
interface Stop {
  reason: string;
  budget: boolean;
}

/** A group of input stories with the same hash: analyzed once, answered for all. */
interface Group {
  hash: string;
  indices: number[];
  story: StoryInput;
}

/**
 * Creates the LLM analyst (Analyst port). Refuses to start with neither a base URL nor an API key, so it never
 * falls through to a default endpoint by accident.
 */
export function createLlmAnalyst(options: LlmAnalystOptions): Analyst {
  const { model, cache, fallback } = options;
  if (!options.baseUrl && !options.apiKey) {
    throw new ConfigError('LLM analyst: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (an OpenAI-compatible server)');
  }
  if (options.baseUrl && !/^https?:\/\/[^/]/i.test(options.baseUrl)) {
    throw new ConfigError(`LLM analyst: OPENAI_BASE_URL must be an http(s) URL, got "${options.baseUrl}"`);
  }
  const batchSize = options.batchSize ?? 8;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new ConfigError(`LLM analyst: batchSize must be a positive integer, got ${batchSize}`);
  const maxRetries = options.maxRetries ?? 3;
  const baseUrl = (options.baseUrl ?? DEFAULT_OPENAI_URL).replace(/\/+$/, '');
  const log = options.log ?? silentLogger;
  const sleep = options.sleep ?? sleepReal;
  const random = options.random ?? Math.random;
  const budget = options.tokenBudget ?? Number.POSITIVE_INFINITY;
  const info: AnalystInfo = { kind: 'llm', model, promptVersion: PROMPT_VERSION };

  /** One model bound to a usage sink; built per run so concurrent runs never share the sink. */
  function buildModel(onUsage: (u: CallUsage) => void) {
    const chat = new ChatOpenAI({
      model,
      // Explicit key and URL: the SDK would otherwise read OPENAI_API_KEY / OPENAI_BASE_URL from the environment.
      apiKey: options.apiKey ?? 'not-needed',
      configuration: { baseURL: baseUrl, fetch: guardedFetch(baseUrl, onUsage) },
      temperature: 0,
      streaming: false,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 60_000,
      maxTokens: batchSize * MAX_COMPLETION_TOKENS_PER_STORY + 200,
    });
    return chat.withStructuredOutput(ExtractionBatch, {
      name: BATCH_OUTPUT_NAME,
      includeRaw: true,
      ...(options.method ? { method: options.method } : {}),
    });
  }

  async function analyze(stories: StoryInput[], context: AnalystContext) {
    const usage: AnalystUsage = { requests: 0, promptTokens: 0, completionTokens: 0, cacheHits: 0, fallbacks: 0, budgetFallbacks: 0 };
    const results: (StoryAnalysis | undefined)[] = new Array(stories.length);
    const canon: Canonicalizer = buildCanonicalizer(context);
    let embedded: EmbeddedExtractor | undefined;
    const spent = () => usage.promptTokens + usage.completionTokens;

    const fallBack = (indices: number[], why: Stop | string) => {
      const reason = typeof why === 'string' ? why : why.reason;
      const byBudget = typeof why !== 'string' && why.budget;
      embedded ??= fallback(context);
      for (const i of indices) {
        const story = stories[i]!;
        results[i] = { storyId: story.storyId, extraction: embeddedExtract(embedded, story, log), analyst: embedded.info, tokens: 0 };
        usage.fallbacks++;
        if (byBudget) usage.budgetFallbacks = (usage.budgetFallbacks ?? 0) + 1;
      }
      if (indices.length) log.warn('llm analyst: stories handed to the embedded analyst', { count: indices.length, reason, ...(byBudget ? { tokenBudget: budget } : {}) });
    };

    // 1. Cache: a hit is never sent. Unreadable entries count as misses.
    await Promise.all(
      stories.map(async (story, i) => {
        let hit: EventExtraction | null = null;
        try {
          hit = await cache.get(cacheKey(story));
        } catch (err) {
          log.warn('llm analyst: cache read failed', { storyId: story.storyId, error: String(err) });
        }
        if (!hit) return;
        try {
          results[i] = { storyId: story.storyId, extraction: postProcess(hit, canon), analyst: info, tokens: 0 };
          usage.cacheHits++;
        } catch {
          // A stale or corrupt entry: analyze again.
        }
      }),
    );

    // 2. Stories sharing a hash are analyzed once.
    const groups: Group[] = [];
    const byHash = new Map<string, Group>();
    stories.forEach((story, i) => {
      if (results[i]) return;
      const g = byHash.get(story.hash);
      if (g) g.indices.push(i);
      else {
        const group = { hash: story.hash, indices: [i], story };
        byHash.set(story.hash, group);
        groups.push(group);
      }
    });

    if (groups.length) {
      const meter: { last?: CallUsage } = {};
      const structured = buildModel((u) => (meter.last = u));
      // A function, not a property read: TypeScript would keep `meter.last` narrowed to undefined across the await.
      const readMeter = () => meter.last;
      const system = buildSystemPrompt(context);
      const systemTokens = estimateTokens(system) + SCHEMA_TOKENS;
      const estimate = (batch: Group[]) =>
        systemTokens +
        estimateTokens(buildBatchPrompt(batch.map((g, i) => ({ id: String(i + 1), story: g.story })))) +
        batch.length * COMPLETION_TOKENS_PER_STORY;
      const fits = (batch: Group[]) => spent() + estimate(batch) <= budget;
      let stopped: Stop | undefined;
      const budgetStop = (): Stop => ({ reason: `token budget ${budget} reached (${spent()} spent)`, budget: true });

      /** Runs one batch with retries; returns the extraction and token share of each answered group. */
      const runBatch = async (batch: Group[]): Promise<Map<Group, { extraction: EventExtraction; tokens: number }>> => {
        const answered = new Map<Group, { extraction: EventExtraction; tokens: number }>();
        let pending = batch;
        let transientRetries = 0;
        let malformedRetries = 0;
        while (pending.length) {
          if (!fits(pending)) {
            stopped = budgetStop();
            break;
          }
          const ids = new Map(pending.map((g, i) => [String(i + 1), g] as const));
          const messages = [
            new SystemMessage(system),
            new HumanMessage(buildBatchPrompt([...ids].map(([id, g]) => ({ id, story: g.story })))),
          ];
          meter.last = undefined;
          usage.requests++;
          let call: CallUsage | undefined;
          try {
            const out = (await structured.invoke(messages)) as { raw?: BaseMessage; parsed?: unknown };
            call = usageOf(out.raw) ?? readMeter() ?? { prompt: 0, completion: 0 };
            usage.promptTokens += call.prompt;
            usage.completionTokens += call.completion;
            const parsed = ExtractionBatch.safeParse(out.parsed);
            if (!parsed.success) throw new MalformedOutputError('model output does not match the batch schema', { cause: parsed.error });
            const share = shares(call.prompt + call.completion, pending.length);
            const got = new Set<string>();
            for (const ev of parsed.data.events) {
              const g = ids.get(ev.id.trim());
              if (!g || got.has(ev.id.trim())) continue;
              try {
                const { id: _id, ...rest } = ev;
                answered.set(g, { extraction: postProcess(rest, canon), tokens: share[pending.indexOf(g)] ?? 0 });
                got.add(ev.id.trim());
              } catch (err) {
                log.warn('llm analyst: unusable event in model output', { id: ev.id, error: String(err).slice(0, 200) });
              }
            }
            const missing = pending.filter((g) => !answered.has(g));
            if (!missing.length) break;
            if (malformedRetries >= 1) break;
            malformedRetries++;
            log.warn('llm analyst: model output misses stories, retrying those', { missing: missing.length });
            pending = missing;
          } catch (err) {
            const charged = readMeter();
            if (!call && charged) {
              // The server answered and charged tokens, but the SDK rejected the answer.
              usage.promptTokens += charged.prompt;
              usage.completionTokens += charged.completion;
            }
            const failure = classifyFailure(err);
            if (failure.kind === 'transient' && transientRetries < maxRetries) {
              const delay = backoffDelay(transientRetries, failure, random, options.backoff);
              transientRetries++;
              log.warn('llm analyst: call failed, retrying', { reason: failure.reason, attempt: transientRetries, delayMs: delay });
              await sleep(delay);
              continue;
            }
            if (failure.kind === 'malformed' && malformedRetries < 1) {
              malformedRetries++;
              log.warn('llm analyst: malformed model output, retrying once', { reason: failure.reason });
              continue;
            }
            // Retries exhausted or a fatal error (auth, bad request): stop calling the model for this run.
            if (failure.kind !== 'malformed') stopped = { reason: failure.reason, budget: false };
            log.warn('llm analyst: call failed', { reason: failure.reason, kind: failure.kind });
            break;
          }
        }
        return answered;
      };

      let queue = groups;
      while (queue.length) {
        if (stopped) {
          fallBack(queue.flatMap((g) => g.indices), stopped);
          break;
        }
        const batch = queue.slice(0, batchSize);
        while (batch.length > 1 && !fits(batch)) batch.pop();
        if (!fits(batch)) {
          stopped = budgetStop();
          continue;
        }
        queue = queue.slice(batch.length);
        const answered = await runBatch(batch);
        const puts: Promise<void>[] = [];
        const failed: number[] = [];
        for (const g of batch) {
          const a = answered.get(g);
          if (!a) {
            failed.push(...g.indices);
            continue;
          }
          g.indices.forEach((i, n) => {
            results[i] = { storyId: stories[i]!.storyId, extraction: a.extraction, analyst: info, tokens: n === 0 ? a.tokens : 0 };
          });
          puts.push(
            cache.put(cacheKey(g.story), a.extraction).catch((err: unknown) => {
              log.warn('llm analyst: cache write failed', { storyId: g.story.storyId, error: String(err) });
            }),
          );
        }
        await Promise.all(puts);
        fallBack(failed, stopped ?? 'malformed model output');
      }
    }

    // Every story has exactly one analysis; anything still missing here is a bug, and still must not be dropped.
    const missing = results.flatMap((r, i) => (r ? [] : [i]));
    if (missing.length) fallBack(missing, 'not analyzed');
    log.debug('llm analyst: run done', { ...usage, stories: stories.length });
    return { analyses: results as StoryAnalysis[], usage };
  }

  return { info, analyze };
}

/** The embedded extraction of one story; should even the rules throw, an `other` event keeps the story. */
function embeddedExtract(embedded: EmbeddedExtractor, story: StoryInput, log: Logger): EventExtraction {
  try {
    return embedded.extract({ title: story.title, text: story.text, publishedAt: story.publishedAt, ...(story.url ? { url: story.url } : {}) });
  } catch (err) {
    log.error('llm analyst: embedded fallback failed', { storyId: story.storyId, error: String(err) });
    return {
      type: 'other',
      studios: [],
      titles: [],
      people: [],
      releaseDate: null,
      previousDate: null,
      money: [],
      sentiment: 0,
      summary: story.title.slice(0, 400),
    };
  }
}
