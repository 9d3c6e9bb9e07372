// Queue adapters and the DLQ replay: SQS batching, retry of refused entries, typed errors; in-memory queue; replay-dlq command.
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageBatchCommand,
  type SendMessageBatchCommandInput,
} from '@aws-sdk/client-sqs';
import { SqsQueue } from '../../../shared/queue/sqs.queue.js';
import { MemoryQueue } from '../../../shared/queue/memory.queue.js';
import { MessageTooLargeError, QueueSendError } from '../../../shared/queue/errors.js';
import { replayMessages } from '../../../shared/queue/replay.js';
import { parseReplayArgs, regionOfQueueUrl, replayDlq } from '../../../functions/lambda/replay-dlq.js';

const sqs = mockClient(SQSClient);
const URL_A = 'https://sqs.eu-west-1.amazonaws.com/123456789012/marquee-crawl';
const URL_DLQ = 'https://sqs.eu-west-1.amazonaws.com/123456789012/marquee-crawl-dlq';
const noSleep = async () => {};

afterEach(() => sqs.reset());

function sentBatches(): SendMessageBatchCommandInput[] {
  return sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
}

describe('SqsQueue.send', () => {
  it('sends 25 messages as batches of 10, 10 and 5, bodies as JSON', async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
      Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: 'x' })),
    }));
    const queue = new SqsQueue(new SQSClient({ region: 'eu-west-1' }), URL_A);
    const messages = Array.from({ length: 25 }, (_, i) => ({ sourceId: `s${i}` }));
    await expect(queue.send(messages)).resolves.toEqual({ sent: 25 });
    const batches = sentBatches();
    expect(batches.map((b) => b.Entries!.length)).toEqual([10, 10, 5]);
    expect(batches.every((b) => b.QueueUrl === URL_A)).toBe(true);
    expect(JSON.parse(batches[2]!.Entries![4]!.MessageBody!)).toEqual({ sourceId: 's24' });
  });

  it('retries only the entries SQS refused for a retryable reason', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({
        Successful: [{ Id: '0', MessageId: 'a', MD5OfMessageBody: 'x' }, { Id: '2', MessageId: 'c', MD5OfMessageBody: 'x' }],
        Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false, Message: 'try again' }],
      })
      .resolves({ Successful: [{ Id: '1', MessageId: 'b', MD5OfMessageBody: 'x' }] });
    const queue = new SqsQueue(new SQSClient({ region: 'eu-west-1' }), URL_A, { sleep: noSleep });
    await expect(queue.send([{ n: 0 }, { n: 1 }, { n: 2 }])).resolves.toEqual({ sent: 3 });
    const batches = sentBatches();
    expect(batches).toHaveLength(2);
    expect(batches[1]!.Entries!.map((e) => JSON.parse(e.MessageBody!))).toEqual([{ n: 1 }]);
  });

  it('throws QueueSendError naming the entries still refused, without retrying sender faults', async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
      Successful: input.Entries!.filter((e) => e.Id !== '1' && e.Id !== '2').map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
      Failed: [
        ...(input.Entries!.some((e) => e.Id === '1') ? [{ Id: '1', Code: 'InvalidMessageContents', SenderFault: true, Message: 'bad' }] : []),
        ...(input.Entries!.some((e) => e.Id === '2') ? [{ Id: '2', Code: 'ServiceUnavailable', SenderFault: false, Message: 'busy' }] : []),
      ],
    }));
    const queue = new SqsQueue(new SQSClient({ region: 'eu-west-1' }), URL_A, { sleep: noSleep, maxAttempts: 3 });
    const err = await queue.send([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueueSendError);
    const e = err as QueueSendError;
    expect(e.sent).toBe(2);
    expect(e.failed.map((f) => [f.index, f.code, f.permanent])).toEqual([
      [1, 'InvalidMessageContents', true],
      [2, 'ServiceUnavailable', false],
    ]);
    expect(e.message).toMatch(/2 of 4 messages could not be sent to marquee-crawl/);
    // One first call, then two retries of entry 2 only: the sender fault is never retried.
    expect(sentBatches().map((b) => b.Entries!.map((x) => x.Id))).toEqual([['0', '1', '2', '3'], ['2'], ['2']]);
  });

  it('reports a failed call as QueueSendError for that batch and the rest, keeping the cause', async () => {
    const boom = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Successful: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageId: 'm', MD5OfMessageBody: 'x' })) })
      .rejects(boom);
    const queue = new SqsQueue(new SQSClient({ region: 'eu-west-1' }), URL_A);
    const err = (await queue.send(Array.from({ length: 15 }, (_, n) => ({ n }))).catch((e: unknown) => e)) as QueueSendError;
    expect(err).toBeInstanceOf(QueueSendError);
    expect(err.sent).toBe(10);
    expect(err.failed.map((f) => f.index)).toEqual([10, 11, 12, 13, 14]);
    expect(err.failed[0]!.code).toBe('ThrottlingException');
    expect(err.cause).toBe(boom);
  });

  it('refuses a message over the size limit before sending anything', async () => {
    const queue = new SqsQueue(new SQSClient({ region: 'eu-west-1' }), URL_A, { maxBytes: 100 });
    const err = await queue.send([{ ok: 1 }, { big: 'x'.repeat(200) }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MessageTooLargeError);
    expect((err as MessageTooLargeError).index).toBe(1);
    expect(sentBatches()).toHaveLength(0);
  });

  it('starts a new batch when the next message would pass the batch byte limit', async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
      Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
    }));
    const queue = new SqsQueue(new SQSClient({ region: 'eu-west-1' }), URL_A, { maxBytes: 1000 });
    await queue.send(Array.from({ length: 4 }, () => ({ pad: 'x'.repeat(400) })));
    expect(sentBatches().map((b) => b.Entries!.length)).toEqual([2, 2]);
  });
});

describe('MemoryQueue', () => {
  it('keeps messages in order, batches by 10, and hides received messages until removed', async () => {
    let now = 0;
    const q = new MemoryQueue('local', () => now);
    await q.send(Array.from({ length: 12 }, (_, i) => ({ i })));
    expect(q.batches).toEqual([10, 2]);
    const first = await q.receive(10, 30);
    expect(first.map((m) => JSON.parse(m.body).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await q.receive(10, 30)).map((m) => JSON.parse(m.body).i)).toEqual([10, 11]);
    await q.remove(first);
    now = 31_000;
    const again = await q.receive(10, 30);
    expect(again.map((m) => [JSON.parse(m.body).i, m.receiveCount])).toEqual([[10, 2], [11, 2]]);
    expect(q.drain()).toEqual([{ i: 10 }, { i: 11 }]);
    expect(q.size).toBe(0);
  });
});

describe('replayMessages', () => {
  it('moves every JSON message to the target and leaves a non-JSON one in the source', async () => {
    const dlq = new MemoryQueue('dlq');
    const target = new MemoryQueue('crawl');
    await dlq.send(Array.from({ length: 23 }, (_, i) => ({ sourceId: `s${i}` })));
    // A foreign, non-JSON body (our producers never write one) must not be lost by a replay.
    (dlq as unknown as { stored: Array<{ id: string; body: string; receiveCount: number; invisibleUntil: number }> }).stored.push({
      id: 'raw',
      body: 'not json',
      receiveCount: 0,
      invisibleUntil: 0,
    });
    const result = await replayMessages(dlq, target);
    expect(result).toEqual({ moved: 23, skipped: 1 });
    expect(target.peek<{ sourceId: string }>().map((m) => m.sourceId)).toEqual(Array.from({ length: 23 }, (_, i) => `s${i}`));
    expect(dlq.size).toBe(1);
  });

  it('honours --max', async () => {
    const dlq = new MemoryQueue('dlq');
    const target = new MemoryQueue('crawl');
    await dlq.send(Array.from({ length: 15 }, (_, i) => ({ i })));
    expect(await replayMessages(dlq, target, { max: 12 })).toEqual({ moved: 12, skipped: 0 });
    expect(target.size).toBe(12);
  });
});

describe('replay-dlq command', () => {
  it('parses its arguments and rejects mistakes with one line', () => {
    expect(parseReplayArgs(['--queue', URL_DLQ, '--to', URL_A, '--max', '5'])).toEqual({ from: URL_DLQ, to: URL_A, max: 5, region: undefined });
    expect(() => parseReplayArgs(['--queue', URL_DLQ])).toThrow(/--queue <dlq-url> and --to <queue-url> are required/);
    expect(() => parseReplayArgs(['--queue', URL_DLQ, '--to', URL_DLQ])).toThrow(/same queue/);
    expect(() => parseReplayArgs(['--queue', URL_DLQ, '--to', URL_A, '--max', '0'])).toThrow(/--max must be a positive integer/);
    expect(regionOfQueueUrl(URL_DLQ)).toBe('eu-west-1');
  });

  it('receives from the DLQ, sends to the source queue, deletes only what was sent', async () => {
    const bodies = [{ sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' }];
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: URL_DLQ })
      .resolvesOnce({
        Messages: bodies.map((b, i) => ({ MessageId: `m${i}`, ReceiptHandle: `r${i}`, Body: JSON.stringify(b), Attributes: { ApproximateReceiveCount: '4' } })),
      })
      .resolves({ Messages: [] });
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '0', MessageId: 'x', MD5OfMessageBody: 'x' }, { Id: '2', MessageId: 'z', MD5OfMessageBody: 'x' }],
      Failed: [{ Id: '1', Code: 'InvalidParameterValue', SenderFault: true, Message: 'bad' }],
    });
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [{ Id: '0' }, { Id: '1' }] });
    const err = await replayDlq({ from: URL_DLQ, to: URL_A }, new SQSClient({ region: 'eu-west-1' })).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/replay stopped after 2 messages/);
    const sent = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input;
    expect(sent.QueueUrl).toBe(URL_A);
    expect(sent.Entries!.map((e) => JSON.parse(e.MessageBody!))).toEqual(bodies);
    const deleted = sqs.commandCalls(DeleteMessageBatchCommand)[0]!.args[0].input;
    expect(deleted.QueueUrl).toBe(URL_DLQ);
    expect(deleted.Entries!.map((e) => e.ReceiptHandle)).toEqual(['r0', 'r2']);
  });
});
