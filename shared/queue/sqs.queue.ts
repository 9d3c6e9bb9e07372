// SQS adapter of the queue port: SendMessageBatch in chunks, retrying refused entries; receive/delete for replays.
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
  type SendMessageBatchRequestEntry,
} from '@aws-sdk/client-sqs';
import { MAX_BATCH, type MessageSource, type Queue, type QueueMessage, type ReceivedMessage, type SendResult } from '../ports/queue.js';
import { MessageTooLargeError, QueueError, QueueSendError, type FailedMessage } from './errors.js';

export interface SqsQueueOptions {
  /** Attempts for entries SQS refuses with a retryable (non-sender) fault. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, with jitter. */
  baseDelayMs?: number;
  /** Per message and per batch (SQS's classic limit; raise it only if every queue allows more). */
  maxBytes?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A queue URL's last path segment, for messages ("marquee-crawl"). */
function queueName(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1) || url;
}

/** One SQS queue, as a producer (`send`) and as a message source (`receive`/`remove`). */
export class SqsQueue implements Queue, MessageSource {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxBytes: number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly name: string;

  constructor(
    private readonly client: SQSClient,
    readonly url: string,
    options: SqsQueueOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 50;
    this.maxBytes = options.maxBytes ?? 256 * 1024;
    this.sleep = options.sleep ?? defaultSleep;
    this.name = queueName(url);
  }

  async send(messages: QueueMessage[]): Promise<SendResult> {
    const bodies = messages.map((m) => JSON.stringify(m));
    bodies.forEach((b, index) => {
      const bytes = Buffer.byteLength(b, 'utf8');
      if (bytes > this.maxBytes) throw new MessageTooLargeError(index, bytes, this.maxBytes);
    });
    let sent = 0;
    const failed: FailedMessage[] = [];
    const batches = this.batches(bodies);
    for (let b = 0; b < batches.length; b++) {
      const batch = batches[b]!;
      try {
        const refused = await this.sendBatch(batch.map((index) => ({ index, body: bodies[index]! })));
        failed.push(...refused);
        sent += batch.length - refused.length;
      } catch (err) {
        // The call itself failed (after the SDK's own retries): this batch and the rest are unsent.
        const e = err as Error;
        for (const index of batches.slice(b).flat()) {
          failed.push({ index, code: e?.name ?? 'Error', message: e?.message ?? String(err), permanent: false });
        }
        throw new QueueSendError(this.name, failed, sent, { cause: err });
      }
    }
    if (failed.length > 0) throw new QueueSendError(this.name, failed, sent);
    return { sent };
  }

  async receive(max: number, visibilitySeconds: number): Promise<ReceivedMessage[]> {
    try {
      const out = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.url,
          MaxNumberOfMessages: Math.min(Math.max(max, 1), MAX_BATCH),
          VisibilityTimeout: visibilitySeconds,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
      return (out.Messages ?? []).map((m) => ({
        id: m.MessageId ?? '',
        body: m.Body ?? '',
        receipt: m.ReceiptHandle ?? '',
        receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1),
      }));
    } catch (err) {
      throw new QueueError(`could not receive from ${this.name}: ${(err as Error).message}`, { cause: err });
    }
  }

  async remove(messages: ReceivedMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += MAX_BATCH) {
      const part = messages.slice(i, i + MAX_BATCH);
      let out;
      try {
        out = await this.client.send(
          new DeleteMessageBatchCommand({
            QueueUrl: this.url,
            Entries: part.map((m, j) => ({ Id: String(j), ReceiptHandle: m.receipt })),
          }),
        );
      } catch (err) {
        throw new QueueError(`could not delete messages from ${this.name}: ${(err as Error).message}`, { cause: err });
      }
      if (out.Failed?.length) {
        throw new QueueError(`could not delete ${out.Failed.length} messages from ${this.name} (${out.Failed[0]?.Code})`);
      }
    }
  }

  /** Indexes grouped into batches of at most 10 entries and `maxBytes` in total. */
  private batches(bodies: string[]): number[][] {
    const out: number[][] = [];
    let current: number[] = [];
    let bytes = 0;
    bodies.forEach((body, index) => {
      const size = Buffer.byteLength(body, 'utf8');
      if (current.length === MAX_BATCH || (current.length > 0 && bytes + size > this.maxBytes)) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(index);
      bytes += size;
    });
    if (current.length) out.push(current);
    return out;
  }

  /** Sends one batch; retries entries SQS refused for a retryable reason. Returns those still refused. */
  private async sendBatch(entries: Array<{ index: number; body: string }>): Promise<FailedMessage[]> {
    let pending = entries;
    const final: FailedMessage[] = [];
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1) await this.sleep(this.baseDelayMs * 2 ** (attempt - 2) * (0.5 + Math.random() / 2));
      const request: SendMessageBatchRequestEntry[] = pending.map((e) => ({ Id: String(e.index), MessageBody: e.body }));
      const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.url, Entries: request }));
      const refused: FailedMessage[] = (out.Failed ?? []).map((f) => ({
        index: Number(f.Id),
        code: f.Code ?? 'Unknown',
        message: f.Message ?? 'refused by SQS',
        permanent: f.SenderFault === true,
      }));
      // A sender fault (bad message) fails the same way every time: only the others go round again.
      final.push(...refused.filter((f) => f.permanent));
      const retry = refused.filter((f) => !f.permanent);
      if (attempt >= this.maxAttempts) {
        final.push(...retry);
        break;
      }
      const again = new Set(retry.map((f) => f.index));
      pending = pending.filter((e) => again.has(e.index));
    }
    return final.sort((a, b) => a.index - b.index);
  }
}
