// Operator command: moves messages from a dead-letter queue back to the queue they came from (replay after a fix).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsQueue } from '../../shared/queue/sqs.queue.js';
import { replayMessages, ReplayError, type ReplayResult } from '../../shared/queue/replay.js';

const USAGE =
  'usage: npx tsx functions/lambda/replay-dlq.ts --queue <dlq-url> --to <queue-url> [--max N] [--region R]\n' +
  '  moves up to N messages (default: all) from the dead-letter queue to the target queue;\n' +
  '  a message is deleted from the DLQ only once the target accepted it.';

export interface ReplayArgs {
  from: string;
  to: string;
  max?: number;
  region?: string;
}

/** Parses the command line; a mistake is one line of text (thrown as an Error with the usage). */
export function parseReplayArgs(argv: string[]): ReplayArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      queue: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      max: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const from = values.queue ?? values.from;
  if (!from || !values.to) throw new Error(`--queue <dlq-url> and --to <queue-url> are required\n${USAGE}`);
  if (from === values.to) throw new Error('--queue and --to name the same queue');
  for (const url of [from, values.to]) {
    if (!/^https?:\/\//.test(url)) throw new Error(`"${url}" is not a queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>)`);
  }
  let max: number | undefined;
  if (values.max !== undefined) {
    max = Number(values.max);
    if (!Number.isInteger(max) || max <= 0) throw new Error(`--max must be a positive integer, not "${values.max}"`);
  }
  return { from, to: values.to, max, region: values.region };
}

/** The region in an SQS URL (https://sqs.eu-west-1.amazonaws.com/...), when it names one. */
export function regionOfQueueUrl(url: string): string | undefined {
  return /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\//.exec(url)?.[1];
}

/** Runs the replay with a given SQS client (tests pass a mocked one). */
export async function replayDlq(args: ReplayArgs, client: SQSClient): Promise<ReplayResult> {
  return replayMessages(new SqsQueue(client, args.from), new SqsQueue(client, args.to), { max: args.max });
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: ReplayArgs;
  try {
    args = parseReplayArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const client = new SQSClient({ region: args.region ?? regionOfQueueUrl(args.from) });
  try {
    const result = await replayDlq(args, client);
    process.stdout.write(`${JSON.stringify({ moved: result.moved, skipped: result.skipped, from: args.from, to: args.to })}\n`);
    if (result.skipped > 0) process.stderr.write(`${result.skipped} messages were not JSON and were left in the DLQ\n`);
    return 0;
  } catch (err) {
    const message = err instanceof ReplayError ? err.message : `replay failed before moving any message: ${(err as Error).message}`;
    process.stderr.write(`${message}\n`);
    return 1;
  } finally {
    client.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
