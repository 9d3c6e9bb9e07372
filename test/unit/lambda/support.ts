// Test helpers for the Lambda handlers: quiet Powertools telemetry that records metrics, SQS events, tiny feeds.
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Telemetry } from '../../../functions/aws/powertools.js';
import type { Workspace } from '../../../shared/model/workspace.js';
import { validateWorkspace } from '../../../shared/config/validate-workspace.js';

export interface RecordedMetric {
  name: string;
  value: number;
  dimensions: Record<string, string>;
}

/** Powertools Logger at SILENT and a Metrics whose EMF output is captured instead of printed. */
export function quietTelemetry(): Telemetry & { recorded: RecordedMetric[] } {
  const recorded: RecordedMetric[] = [];
  const capture = (m: Metrics) => {
    const original = m.singleMetric.bind(m);
    m.publishStoredMetrics = function publish(this: Metrics) {
      if (!this.hasStoredMetrics()) return this;
      const emf = this.serializeMetrics() as Record<string, unknown> & { _aws: { CloudWatchMetrics: Array<{ Dimensions: string[][]; Metrics: Array<{ Name: string }> }> } };
      const def = emf._aws.CloudWatchMetrics[0]!;
      const dims = Object.fromEntries((def.Dimensions[0] ?? []).map((d) => [d, String(emf[d])]));
      for (const { Name } of def.Metrics) {
        const v = emf[Name];
        for (const value of Array.isArray(v) ? v : [v]) recorded.push({ name: Name, value: Number(value), dimensions: dims });
      }
      this.clearMetrics();
      this.clearDimensions();
      return this;
    };
    m.singleMetric = () => capture(original());
    return m;
  };
  return {
    logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    metrics: capture(new Metrics({ namespace: 'MarqueeTest', serviceName: 'test' })),
    recorded,
  };
}

/** An SQS event with one record per body; message ids are "m-<index>". */
export function sqsEvent(bodies: Array<object | string>, receiveCount = 1): SQSEvent {
  const records: SQSRecord[] = bodies.map((b, i) => ({
    messageId: `m-${i}`,
    receiptHandle: `r-${i}`,
    body: typeof b === 'string' ? b : JSON.stringify(b),
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '0',
      SenderId: 'test',
      ApproximateFirstReceiveTimestamp: '0',
    },
    messageAttributes: {},
    md5OfBody: 'x',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:crawl',
    awsRegion: 'us-east-1',
  }));
  return { Records: records };
}

/** A small RSS 2.0 feed with `n` items whose ids and links include `tag`. */
export function rssFeed(tag: string, n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) => `<item><title>${tag} story ${i + 1}: Studio dates sequel</title><link>https://news.example.com/${tag}/${i + 1}</link>` +
      `<guid>${tag}-${i + 1}</guid><pubDate>Wed, 25 Nov 2026 1${i}:00:00 +0000</pubDate><description>Body of ${tag} story ${i + 1}.</description></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${tag}</title><link>https://news.example.com/</link><description>d</description>${items}</channel></rss>`;
}

/** A valid workspace with one rss source per id, at `baseUrl` + "<id>.xml". */
export function workspaceWith(ids: string[], baseUrl = 'http://127.0.0.1:9/'): Workspace {
  return validateWorkspace(
    {
      name: 'Lambda test',
      baseUrl,
      network: { allowHosts: ['127.0.0.1'] },
      sources: ids.map((id) => ({ id, kind: 'rss', url: `${id}.xml`, tags: ['trade'] })),
    },
    'test workspace',
  );
}

/** The DynamoDB IAM action (as infra's TableAction) a DocumentClient command needs. */
export function tableActionOf(command: object): string {
  const name = command.constructor.name.replace(/Command$/, '');
  return name === 'Query' || name === 'Scan' ? name : `${name}Item`;
}

/** A Lambda Function URL (payload v2) request. */
export function functionUrlEvent(method: string, path: string, headers: Record<string, string> = {}, body?: string): LambdaEvent {
  const [rawPath, rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: rawPath!,
    rawQueryString,
    headers: { host: 'abc.lambda-url.us-east-1.on.aws', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'abc.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abc',
      http: { method, path: rawPath!, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '28/Nov/2026:15:00:00 +0000',
      timeEpoch: 1_795_878_000_000,
    },
    body,
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}
