// Test helper: a local HTTP server on 127.0.0.1 standing in for a Slack incoming webhook, with scripted answers.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkResponse {
  status: number;
  headers?: Record<string, string>;
  /** Slack answers "ok" on success and a short code ("invalid_blocks", "rate_limited") otherwise. */
  body?: string;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export interface SinkRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The JSON payload (null when the body is not JSON). */
  json: { text?: string; blocks?: unknown[]; [k: string]: unknown } | null;
  /** What the sink answered. */
  status: number;
  at: number;
}

export interface SlackSink {
  /** http://127.0.0.1:<port>/services/T000/B000/XXXX */
  url: string;
  requests: SinkRequest[];
  /** Requests answered 200: what a channel would show. */
  deliveries(): SinkRequest[];
  /** Queues answers for the next requests; when the script runs out the sink answers 200 "ok". */
  script(...responses: SinkResponse[]): void;
  /** Forgets recorded requests and any answers left in the script. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the sink on an ephemeral loopback port. */
export async function startSlackSink(): Promise<SlackSink> {
  const requests: SinkRequest[] = [];
  const queue: SinkResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: SinkRequest['json'] = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const answer = queue.shift() ?? { status: 200, body: 'ok' };
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json, status: answer.status, at: Date.now() });
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        res.end(answer.body ?? (answer.status === 200 ? 'ok' : 'error'));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    requests,
    deliveries: () => requests.filter((r) => r.status === 200),
    script: (...responses) => void queue.push(...responses),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
