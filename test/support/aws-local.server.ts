// Test helper: SSM (GetParameter), SQS (SendMessage/SendMessageBatch) and SES v2 (SendEmail) over their real wire protocols on 127.0.0.1.
// The unchanged AWS SDK clients talk to it through AWS_ENDPOINT_URL_SSM / _SQS / _SESV2, so the Lambda
// handlers run as deployed: the workspace and secrets come from parameters, queue messages are captured
// as the bodies SQS would deliver, and a digest is the raw MIME SES would have sent.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMail {
  from: string | undefined;
  to: string[];
  /** The raw MIME message, decoded. */
  raw: string;
  messageId: string;
}

export interface AwsLocal {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** Sets a parameter (a secret is `/aws/reference/secretsmanager/<name>`). */
  putParameter(name: string, value: string): void;
  /** The queue URL of `name` on this server. */
  queueUrl(name: string): string;
  /** Message bodies sent to a queue since the last `drain` of it, oldest first; the queue is emptied. */
  drain(queueName: string): string[];
  /** Message bodies waiting in a queue, oldest first; the queue is left as it is. */
  peek(queueName: string): string[];
  /** Every SES v2 SendEmail call, in order. */
  mails: SentMail[];
  close(): Promise<void>;
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function reply(res: ServerResponse, status: number, body: unknown, contentType = 'application/x-amz-json-1.1'): void {
  res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the server on an ephemeral loopback port. */
export async function startAwsLocal(): Promise<AwsLocal> {
  const parameters = new Map<string, string>();
  const queues = new Map<string, string[]>();
  const mails: SentMail[] = [];
  let endpoint = '';
  const queueOf = (url: string) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    let q = queues.get(name);
    if (!q) queues.set(name, (q = []));
    return q;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target === 'AmazonSSM.GetParameter') {
        const { Name } = JSON.parse(text) as { Name: string };
        const value = parameters.get(Name);
        if (value === undefined) return reply(res, 400, { __type: 'ParameterNotFound', message: `parameter ${Name} not found` });
        return reply(res, 200, { Parameter: { Name, Type: 'SecureString', Value: value, Version: 1 } });
      }
      if (target === 'AmazonSQS.SendMessageBatch') {
        const input = JSON.parse(text) as { QueueUrl: string; Entries: Array<{ Id: string; MessageBody: string }> };
        const q = queueOf(input.QueueUrl);
        const Successful = input.Entries.map((e) => {
          q.push(e.MessageBody);
          return { Id: e.Id, MessageId: randomUUID(), MD5OfMessageBody: md5(e.MessageBody) };
        });
        return reply(res, 200, { Successful, Failed: [] }, 'application/x-amz-json-1.0');
      }
      if (target === 'AmazonSQS.SendMessage') {
        const input = JSON.parse(text) as { QueueUrl: string; MessageBody: string };
        queueOf(input.QueueUrl).push(input.MessageBody);
        return reply(res, 200, { MessageId: randomUUID(), MD5OfMessageBody: md5(input.MessageBody) }, 'application/x-amz-json-1.0');
      }
      if (req.method === 'POST' && req.url?.startsWith('/v2/email/outbound-emails')) {
        const input = JSON.parse(text) as { FromEmailAddress?: string; Destination?: { ToAddresses?: string[] }; Content: { Raw?: { Data: string } } };
        const messageId = `ses-${mails.length + 1}`;
        mails.push({
          from: input.FromEmailAddress,
          to: input.Destination?.ToAddresses ?? [],
          raw: Buffer.from(input.Content.Raw?.Data ?? '', 'base64').toString('utf8'),
          messageId,
        });
        return reply(res, 200, { MessageId: messageId }, 'application/json');
      }
      reply(res, 400, { __type: 'UnknownOperationException', message: `not served here: ${req.method} ${req.url} ${target}` });
    })().catch((err: unknown) => reply(res, 500, { __type: 'InternalFailure', message: (err as Error).message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    putParameter: (name, value) => void parameters.set(name, value),
    queueUrl: (name) => `${endpoint}/000000000000/${name}`,
    drain: (name) => {
      const q = queues.get(name) ?? [];
      queues.set(name, []);
      return q;
    },
    peek: (name) => [...(queues.get(name) ?? [])],
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
