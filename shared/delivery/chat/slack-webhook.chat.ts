// Slack incoming-webhook adapter of the chat port: @slack/webhook posts, this retries 429 (Retry-After) and 5xx (backoff with jitter).
import { randomUUID } from 'node:crypto';
import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError, type FetchFunction, type IncomingWebhookSendArguments } from '@slack/webhook';
import type { ChatMessage, ChatPosted, ChatPoster } from '../../ports/chat.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import { ChatError, ChatRejectedError, ChatUnavailableError } from './errors.js';

export interface SlackWebhookOptions {
  /** HTTP attempts per message, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff step after a 5xx or a failed connection (default 1 s), doubled each attempt. */
  baseDelayMs?: number;
  /** Ceiling of one backoff step (default 30 s). */
  maxDelayMs?: number;
  /** Ceiling of a 429's Retry-After (default 60 s): a longer wait is left to the next run. */
  maxRetryAfterSeconds?: number;
  /**
   * Per-request timeout (default 30 s). Slack usually answers in well under a second but has been
   * seen to take over 10 s; a request still unanswered after 30 s is an unknown outcome (Slack may
   * have posted it), which the caller's ledger settles on the next run.
   */
  timeoutMs?: number;
  /** Channel override (only legacy webhooks honour it). */
  channel?: string;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter source (tests pin it). */
  random?: () => number;
  log?: Logger;
}

/** How long a post waits for Slack's answer before the outcome counts as unknown. */
export const DEFAULT_SLACK_TIMEOUT_MS = 30_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function isTimeout(err: unknown): boolean {
  const e = err as { name?: string; cause?: unknown } | undefined;
  if (!e) return false;
  return e.name === 'TimeoutError' || e.name === 'AbortError' || isTimeout(e.cause);
}

/**
 * Posts Block Kit messages to a Slack incoming webhook. @slack/webhook (fetch-based since v8) is
 * built with no retries of its own and a fetch that remembers the last response's headers, so a
 * 429's Retry-After can be honoured (capped); 5xx and refused connections back off exponentially
 * with jitter; other 4xx fail at once. A timed-out request is not repeated here: Slack may have
 * posted it. It fails with code `timeout` (an unknown outcome): the caller's ledger keeps the claim
 * in "sending", and the next run posts again, marked as a possible repeat (at least once).
 */
export class SlackWebhookChat implements ChatPoster {
  private readonly o: Required<Omit<SlackWebhookOptions, 'channel'>> & { channel?: string };

  constructor(
    private readonly url: string,
    options: SlackWebhookOptions = {},
  ) {
    this.o = {
      maxAttempts: options.maxAttempts ?? 5,
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60,
      timeoutMs: options.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS,
      channel: options.channel,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      log: options.log ?? silentLogger,
    };
  }

  /** The wait before attempt `attempt + 1` after a 5xx or a failed connection: half fixed, half random. */
  backoffMs(attempt: number): number {
    const step = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + this.o.random() * (step / 2));
  }

  async post(message: ChatMessage): Promise<ChatPosted> {
    let lastHeaders: { get(name: string): string | null } | null = null;
    const fetchFn: FetchFunction = async (url, init) => {
      lastHeaders = null;
      const res = await fetch(url, init as RequestInit);
      lastHeaders = res.headers;
      return res;
    };
    const webhook = new IncomingWebhook(this.url, { fetch: fetchFn, timeout: this.o.timeoutMs, retryConfig: { retries: 0 } });
    const payload: IncomingWebhookSendArguments = {
      text: message.text,
      blocks: message.blocks as IncomingWebhookSendArguments['blocks'],
      unfurl_links: false,
      unfurl_media: false,
      ...(this.o.channel ? { channel: this.o.channel } : {}),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await webhook.send(payload);
        return { id: `slack-${randomUUID()}`, attempts: attempt };
      } catch (err) {
        const last = attempt >= this.o.maxAttempts;
        if (err instanceof IncomingWebhookHTTPError) {
          const status = err.statusCode;
          if (status === 429) {
            const headers = lastHeaders as { get(name: string): string | null } | null;
            const after = retryAfterSeconds(headers?.get('retry-after'));
            if (last || (after !== null && after > this.o.maxRetryAfterSeconds)) {
              throw new ChatUnavailableError(
                `Slack rate-limited the webhook ${attempt} time(s)${after !== null ? ` (Retry-After ${after} s)` : ''}`,
                'rate_limited',
                { status, attempts: attempt, body: err.body, cause: err },
              );
            }
            const waitMs = after !== null ? after * 1000 : this.backoffMs(attempt);
            this.o.log.warn('slack rate limit, waiting', { attempt, waitMs });
            await this.o.sleep(waitMs);
            continue;
          }
          if (status >= 500) {
            if (last) throw new ChatUnavailableError(`Slack answered HTTP ${status} ${attempt} time(s)`, 'server_error', { status, attempts: attempt, body: err.body, cause: err });
            const waitMs = this.backoffMs(attempt);
            this.o.log.warn('slack server error, backing off', { attempt, status, waitMs });
            await this.o.sleep(waitMs);
            continue;
          }
          throw new ChatRejectedError(status, err.body, attempt, err);
        }
        if (err instanceof IncomingWebhookRequestError) {
          if (isTimeout(err)) {
            throw new ChatUnavailableError(`no answer from Slack within ${this.o.timeoutMs} ms (it may or may not have posted)`, 'timeout', { attempts: attempt, cause: err });
          }
          if (last) throw new ChatUnavailableError(`could not reach Slack: ${err.message}`, 'request_failed', { attempts: attempt, cause: err });
          await this.o.sleep(this.backoffMs(attempt));
          continue;
        }
        throw new ChatError(`could not post to Slack: ${(err as Error).message}`, 'request_failed', { attempts: attempt, cause: err });
      }
    }
  }
}
