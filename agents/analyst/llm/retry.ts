// Retry policy of model calls: which failures are worth another try, and how long to wait (backoff, jitter, Retry-After).
import { MalformedOutputError } from './errors.js';

export type FailureKind = 'transient' | 'malformed' | 'fatal';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** HTTP status when there was one. */
  status?: number;
  /** Server-requested wait (Retry-After / retry-after-ms), in ms. */
  retryAfterMs?: number;
  /** Short text for logs. */
  reason: string;
}

export interface BackoffOptions {
  /** First wait, before jitter (default 500 ms). */
  baseMs?: number;
  /** Longest computed wait (default 20 s). */
  maxMs?: number;
  /** Longest Retry-After honoured (default 60 s); longer requests are capped. */
  maxRetryAfterMs?: number;
}

const MALFORMED_NAMES = new Set([
  'SyntaxError',
  'ZodError',
  '$ZodError',
  'OutputParserException',
  'LengthFinishReasonError',
  'ContentFilterFinishReasonError',
  'MalformedOutputError',
]);
const TRANSIENT_NAMES = new Set(['TimeoutError', 'APIConnectionTimeoutError', 'APIConnectionError']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'EAI_AGAIN']);

function readHeader(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads `retry-after-ms`, then `retry-after` (seconds or an HTTP date) from response headers. */
export function retryAfterMs(headers: unknown, now = Date.now()): number | undefined {
  const ms = Number(readHeader(headers, 'retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && readHeader(headers, 'retry-after-ms') !== undefined) return ms;
  const raw = readHeader(headers, 'retry-after');
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Sorts a failed model call: 429/5xx/timeouts/connection errors are transient, bad output is malformed, the rest fatal. */
export function classifyFailure(err: unknown): ClassifiedFailure {
  // LangChain and the OpenAI SDK wrap errors; look down the cause chain for the most telling one.
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as { name?: string; status?: unknown; code?: unknown; headers?: unknown; message?: string; constructor?: { name?: string } };
    const name = o.name ?? o.constructor?.name ?? '';
    const message = String(o.message ?? '').slice(0, 200);
    if (typeof o.status === 'number') {
      const status = o.status;
      if (status === 429) return { kind: 'transient', status, retryAfterMs: retryAfterMs(o.headers), reason: `HTTP 429: ${message}` };
      if (status >= 500 || status === 408) return { kind: 'transient', status, retryAfterMs: retryAfterMs(o.headers), reason: `HTTP ${status}: ${message}` };
      return { kind: 'fatal', status, reason: `HTTP ${status}: ${message}` };
    }
    if (e instanceof MalformedOutputError || MALFORMED_NAMES.has(name)) return { kind: 'malformed', reason: `${name}: ${message}` };
    if (TRANSIENT_NAMES.has(name) || TRANSIENT_CODES.has(String(o.code ?? ''))) return { kind: 'transient', reason: `${name}: ${message}` };
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { kind: 'fatal', reason: message.slice(0, 200) };
}

/**
 * Wait before retry number `attempt` (0-based): Retry-After when the server gave one (capped), else exponential
 * backoff with "equal jitter" (half fixed, half random), so clients that failed together do not retry together.
 */
export function backoffDelay(attempt: number, failure: Pick<ClassifiedFailure, 'retryAfterMs'>, random: () => number, options: BackoffOptions = {}): number {
  const { baseMs = 500, maxMs = 20_000, maxRetryAfterMs = 60_000 } = options;
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, maxRetryAfterMs);
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
