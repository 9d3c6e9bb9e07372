// In-process adapter of the queue port, for the local runtime and tests: messages kept in memory, in order.
import { randomUUID } from 'node:crypto';
import { MAX_BATCH, type MessageSource, type Queue, type QueueMessage, type ReceivedMessage, type SendResult } from '../ports/queue.js';
import { QueueError } from './errors.js';

interface Stored {
  id: string;
  body: string;
  receiveCount: number;
  /** Hidden from `receive` until this time (ms since epoch). */
  invisibleUntil: number;
}

/** A FIFO-ish in-memory queue with SQS-like semantics: receive hides, remove deletes. */
export class MemoryQueue implements Queue, MessageSource {
  private stored: Stored[] = [];
  /** Every `send` call's batch sizes, so tests can see the batching. */
  readonly batches: number[] = [];

  constructor(
    readonly name = 'memory',
    private readonly now: () => number = Date.now,
  ) {}

  async send(messages: QueueMessage[]): Promise<SendResult> {
    for (let i = 0; i < messages.length; i += MAX_BATCH) {
      const part = messages.slice(i, i + MAX_BATCH);
      this.batches.push(part.length);
      for (const m of part) {
        let body: string;
        try {
          body = JSON.stringify(m);
        } catch (err) {
          throw new QueueError(`message for ${this.name} is not JSON-serializable`, { cause: err });
        }
        this.stored.push({ id: randomUUID(), body, receiveCount: 0, invisibleUntil: 0 });
      }
    }
    return { sent: messages.length };
  }

  async receive(max: number, visibilitySeconds: number): Promise<ReceivedMessage[]> {
    const now = this.now();
    const out: ReceivedMessage[] = [];
    for (const s of this.stored) {
      if (out.length >= Math.min(max, MAX_BATCH)) break;
      if (s.invisibleUntil > now) continue;
      s.receiveCount++;
      s.invisibleUntil = now + visibilitySeconds * 1000;
      out.push({ id: s.id, body: s.body, receipt: s.id, receiveCount: s.receiveCount });
    }
    return out;
  }

  async remove(messages: ReceivedMessage[]): Promise<void> {
    const gone = new Set(messages.map((m) => m.receipt));
    this.stored = this.stored.filter((s) => !gone.has(s.id));
  }

  /** The bodies of all messages still in the queue, parsed, oldest first. */
  peek<T = unknown>(): T[] {
    return this.stored.map((s) => JSON.parse(s.body) as T);
  }

  /** Takes every message out of the queue (the local runtime's "consume"). */
  drain<T = unknown>(): T[] {
    const all = this.peek<T>();
    this.stored = [];
    return all;
  }

  get size(): number {
    return this.stored.length;
  }
}
