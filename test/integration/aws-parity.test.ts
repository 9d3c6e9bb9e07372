// AWS parity: the Lambda handlers run as AWS runs them (plan → crawl worker → analyze worker → digest, and the query
// function) over the demo on local services, and produce what the local cycle produces from the same demo.
// Services: the embedded DynamoDB-protocol server, s3rver (S3 protocol), SSM/SQS/SES v2 over their wire protocols
// (test/support/aws-local.server.ts), Slack sinks; the demo's sites on 127.0.0.1. SQS message bodies are passed
// between the handlers by the test, as the event source mappings would.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import type { LambdaContext } from 'hono/aws-lambda';
import { simpleParser } from 'mailparser';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoData, type DemoData } from '../support/demo-data.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { startAwsLocal, type AwsLocal } from '../support/aws-local.server.js';
import { startSlackSink, type SlackSink } from '../support/slack-sink.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { functionUrlEvent, quietTelemetry } from '../unit/lambda/support.js';
import { clientOptions, createAwsRuntime } from '../../functions/aws/runtime.js';
import { workspaceVersion } from '../../functions/aws/deployed-workspace.js';
import { createAnalyzeRuntime } from '../../functions/aws/analyze-runtime.js';
import { secretReference } from '../../functions/aws/secrets.js';
import { createPlanCrawlHandler } from '../../functions/lambda/plan-crawl.handler.js';
import { createCrawlSourceHandler } from '../../functions/lambda/crawl-source.handler.js';
import { createAnalyzeItemsHandler } from '../../functions/lambda/analyze-items.handler.js';
import { createSendDigestHandler } from '../../functions/lambda/send-digest.handler.js';
import { createQueryApiHandler } from '../../functions/lambda/query-api.handler.js';
import { seedDemoInterest } from '../../functions/local/demo.js';
import { buildQuerySide } from '../../functions/local/query-app.js';
import { createApiKey } from '../../shared/auth/api-keys.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoInterestStore } from '../../shared/store/dynamo-interest.store.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { DynamoKeyStore } from '../../shared/store/dynamo-query.store.js';
import { DynamoBriefStore } from '../../shared/store/dynamo-assist.store.js';
import type { Event } from '../../shared/model/event.js';
import { COLLISION_HORIZON_WEEKS, upcomingCollisions } from '../../shared/analysis/release-calendar.js';
import { briefId } from '../../shared/assist/counter-briefs.js';
import { SesMailer } from '../../shared/delivery/mail/ses.mailer.js';
import { SESv2Client } from '@aws-sdk/client-sesv2';

const LINK_SECRET = 'parity-link-secret-0123456789abcdef';
const PUBLIC_URL = 'https://marquee.parity.example';
const BUCKET = 'marquee-raw';

let local: DemoData;
let localSlack: SlackSink;
let localSmtp: SmtpSink;
let awsSlack: SlackSink;
let aws: AwsLocal;
let db: TestStore;
let s3: S3rver;
let s3dir: string;
let env: Record<string, string>;

/** One SQS event per batch of bodies, each record with a message id of its own (the ledger's claim owner). */
let messageSeq = 0;
function sqsEvent(bodies: string[], queue: string): SQSEvent {
  return {
    Records: bodies.map((body) => {
      const id = `${queue}-${++messageSeq}`;
      return {
        messageId: id,
        receiptHandle: `r-${id}`,
        body,
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'parity', ApproximateFirstReceiveTimestamp: '0' },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queue}`,
        awsRegion: 'us-east-1',
      };
    }),
  };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

beforeAll(async () => {
  localSlack = await startSlackSink();
  awsSlack = await startSlackSink();
  localSmtp = await startSmtpSink();
  // The local cycle over the demo: the reference.
  local = await openDemoData({ MARQUEE_LINK_SECRET: LINK_SECRET, MARQUEE_PUBLIC_URL: PUBLIC_URL, SLACK_WEBHOOK_URL: localSlack.url, SMTP_URL: localSmtp.url });

  aws = await startAwsLocal();
  db = await openTestStore();
  s3dir = await mkdtemp(join(tmpdir(), 'marquee-parity-s3-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const s3Address = await s3.run();
  // What synth writes: the validated workspace as JSON in its parameter; the secrets by reference.
  const workspaceJson = JSON.stringify(local.workspace);
  aws.putParameter('marquee-workspace', workspaceJson);
  aws.putParameter(secretReference('marquee-slack'), JSON.stringify({ webhookUrl: awsSlack.url }));
  aws.putParameter(secretReference('marquee-link'), LINK_SECRET);
  env = {
    AWS_REGION: 'us-east-1',
    TABLE_NAME: db.tableName,
    BUCKET_NAME: BUCKET,
    CRAWL_QUEUE_URL: aws.queueUrl('marquee-crawl'),
    ANALYZE_QUEUE_URL: aws.queueUrl('marquee-analyze'),
    WORKSPACE_PARAMETER: 'marquee-workspace',
    // As the stack sets it: the functions take only the value synth validated.
    WORKSPACE_VERSION: workspaceVersion(workspaceJson),
    SLACK_SECRET_NAME: 'marquee-slack',
    LINK_SECRET_NAME: 'marquee-link',
    PUBLIC_URL,
    MAIL_FROM: 'Marquee digest <digest@marquee.invalid>',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Address.port}`,
    AWS_ENDPOINT_URL_SQS: aws.endpoint,
    AWS_ENDPOINT_URL_SSM: aws.endpoint,
    AWS_ENDPOINT_URL_SESV2: aws.endpoint,
  };
}, 240_000);

afterAll(async () => {
  await local?.close();
  await db?.close();
  await s3?.close().catch(() => undefined);
  if (s3dir) await rm(s3dir, { recursive: true, force: true });
  await aws?.close();
  await localSlack?.close();
  await awsSlack?.close();
  await localSmtp?.close();
});

describe('AWS parity over the demo', () => {
  it('plan → crawl → analyze → digest and the query function give the local cycle\'s events, collisions, alerts and digest', async () => {
    const base = createAwsRuntime(env);
    const runtime = () => base;
    // The history a deployment crawling since August would hold (the local demo data gets the same).
    await seedDemoInterest({ interest: new DynamoInterestStore(db.store.tableAccess), ledger: new DynamoLedger(db.store.tableAccess) });

    // EventBridge Scheduler → planner: a crawl round, one crawl message per due source.
    const plan = createPlanCrawlHandler({ runtime, telemetry: quietTelemetry() });
    const planned = await plan({});
    const crawlBodies = aws.drain('marquee-crawl');
    expect(crawlBodies).toHaveLength(planned.planned);
    expect(planned.planned).toBe(local.cycle.crawl.sources.length);
    expect(planned.roundId).toBeTruthy();
    expect(crawlBodies.map((b) => JSON.parse(b).roundId)).toEqual(crawlBodies.map(() => planned.roundId));

    // SQS → crawl worker, in the event source mapping's batches. The new items are marked pending; only the worker
    // that finishes the round's last source sends the analysis message.
    const crawl = createCrawlSourceHandler({ runtime, telemetry: quietTelemetry() });
    const batches = chunks(crawlBodies, 5);
    for (const [i, batch] of batches.entries()) {
      expect((await crawl(sqsEvent(batch, 'marquee-crawl'))).batchItemFailures).toEqual([]);
      if (i < batches.length - 1) expect(aws.peek('marquee-analyze'), `after crawl batch ${i + 1} of ${batches.length}`).toEqual([]);
    }
    const analyzeBodies = aws.drain('marquee-analyze');
    expect(analyzeBodies.map((b) => JSON.parse(b))).toEqual([{ roundId: planned.roundId }]);

    // SQS → analyze worker: everything pending, in time order, the cycle's own use-case.
    const analyzeTelemetry = quietTelemetry();
    const analyzeRt = createAnalyzeRuntime(base);
    const analyze = createAnalyzeItemsHandler({ runtime: () => analyzeRt, telemetry: analyzeTelemetry });
    expect((await analyze(sqsEvent(analyzeBodies, 'marquee-analyze'))).batchItemFailures).toEqual([]);
    expect(aws.drain('marquee-analyze')).toEqual([]);

    // The same items were crawled and analyzed.
    const analyzed = analyzeTelemetry.recorded.filter((m) => m.name === 'ItemsAnalyzed').reduce((n, m) => n + m.value, 0);
    expect(analyzed).toBe(local.cycle.analysis.items);
    expect(await new DynamoAnalysisStore(db.store.tableAccess).listPending()).toEqual([]);

    // Events: the same stories, understood the same way (everything but when each was written).
    const weeks = Array.from({ length: 53 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`);
    const awsAnalysis = new DynamoAnalysisStore(db.store.tableAccess);
    const localEvents = (await Promise.all(weeks.map((w) => local.runtime.analysis.eventsByWeek(w)))).flat();
    const awsEvents = (await Promise.all(weeks.map((w) => awsAnalysis.eventsByWeek(w)))).flat();
    expect(localEvents).toHaveLength(local.cycle.analysis.events);
    // An item without a publication time is dated by when it was fetched: a different moment on each side.
    const undated = new Set((await base.store().getItems(awsEvents.flatMap((e) => e.itemIds))).filter((i) => !i.publishedAt).map((i) => i.id));
    expect(undated.size).toBeLessThan(10);
    const comparable = (events: Event[]) =>
      events
        .map(({ createdAt: _c, ...e }) => ({ ...e, publishedAt: e.itemIds.some((id) => undated.has(id)) ? 'fetch time' : e.publishedAt }))
        .sort((x, y) => x.id.localeCompare(y.id));
    // Two outlets may carry the very same text: the crawl keeps whichever copy it stores first (sources are crawled
    // several at a time on both sides), so such a story is founded by either copy. Everything else is the same event.
    const [mine, theirs] = [new Map(comparable(localEvents).map((e) => [e.id, e])), new Map(comparable(awsEvents).map((e) => [e.id, e]))];
    for (const [id, e] of mine) if (theirs.has(id)) expect(theirs.get(id), id).toEqual(e);
    const onlyMine = [...mine.values()].filter((e) => !theirs.has(e.id));
    const onlyTheirs = [...theirs.values()].filter((e) => !mine.has(e.id));
    expect(onlyTheirs.length).toBe(onlyMine.length);
    expect(onlyMine.length).toBeLessThanOrEqual(3);
    const meaning = ({ id: _i, storyId: _s, itemIds: _t, publishedAt: _p, ...rest }: ReturnType<typeof comparable>[number]) => rest;
    for (const e of onlyMine) {
      const twin = onlyTheirs.find((t) => t.summary === e.summary && t.type === e.type);
      expect(twin, `event ${e.summary}`).toBeDefined();
      expect(meaning(twin!)).toEqual(meaning(e));
      const [[a], [b]] = [await local.runtime.store.getItems([e.itemIds[0]!]), await base.store().getItems([twin!.itemIds[0]!])];
      expect(b!.hash, `the two copies of ${e.summary}`).toBe(a!.hash);
    }

    // Collisions with the slate as of the workspace clock: the cycle's, every one.
    const collision = (c: { slateTitle: string; competitorTitle: string; competitorDate: string }) => `${c.slateTitle} vs ${c.competitorTitle} on ${c.competitorDate}`;
    const awsCollisions = await upcomingCollisions(awsAnalysis, local.workspace, '2026-11-26', COLLISION_HORIZON_WEEKS);
    const localCollisions = local.cycle.collisions.map(collision);
    expect(localCollisions.length).toBe(6);
    expect(awsCollisions.map(collision).sort()).toEqual([...localCollisions].sort());

    // Briefs: the same brief for each collision, drafted at the cycle's "now" (the workspace clock).
    const awsBriefs = new DynamoBriefStore(db.store.tableAccess);
    for (const c of awsCollisions) {
      const id = briefId(c);
      const [mine, theirs] = [await local.runtime.briefs.getBrief(id), await awsBriefs.getBrief(id)];
      expect(theirs, `brief for ${collision(c)}`).not.toBeNull();
      expect(theirs!.createdAt).toBe(new Date(local.workspace.clock!).toISOString());
      expect(theirs).toEqual(mine);
    }

    // Alerts reached Slack: the same surprises, interest alerts and collisions, each with the web page's brief and "flag as wrong" links.
    type Posted = { kind: string; text: string };
    const posted = (sink: SlackSink): Posted[] => sink.deliveries().map((d) => ({ kind: '', text: JSON.stringify(d.json) }));
    const awsPosted = posted(awsSlack);
    const localPosted = posted(localSlack);
    expect(awsPosted.length).toBeGreaterThan(0);
    const localById = new Map(local.cycle.alerts.alerts.filter((a) => a.status === 'sent').map((a) => [a.id, a]));
    for (const a of local.cycle.alerts.alerts.filter((x) => x.kind === 'boxoffice_surprise' || x.kind === 'interest_over_comps')) {
      expect(awsPosted.some((p) => p.text.includes(a.title)), `${a.kind} alert for ${a.title}`).toBe(true);
    }
    for (const c of awsCollisions) {
      const text = awsPosted.find((p) => p.text.includes(`vs ${c.slateTitle}`) && p.text.includes(c.competitorTitle))?.text;
      expect(text, `collision alert ${collision(c)}`).toBeDefined();
      expect(text).toContain(`${PUBLIC_URL}/#brief=${briefId(c)}`);
      expect(text).toMatch(new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/flag\\?t=`));
    }
    expect(localById.size).toBeGreaterThan(0);
    // Every news alert carries "flag as wrong" (surprises and interest alerts rest on no single event): as many on both sides.
    const flagged = (ps: Posted[]) => ps.reduce((n, p) => n + (p.text.match(/\/flag\?t=/g) ?? []).length, 0);
    expect(flagged(localPosted)).toBeGreaterThan(0);
    expect(flagged(awsPosted)).toBe(flagged(localPosted));
    // The same alerts: each posted text names the same things (the links differ only by their signatures' owner run).
    const alertLines = (ps: Posted[]) => ps.map((p) => p.text.replace(/\/flag\?t=[^"\\>) ]+/g, '/flag?t=…')).sort();
    expect(alertLines(awsPosted)).toEqual(alertLines(localPosted));

    // Digest: the scheduled run (no week given) sends the workspace clock's week once, with the same sections and links.
    const digest = createSendDigestHandler({ runtime, mailer: (rt) => new SesMailer(new SESv2Client(clientOptions(rt.env.AWS_ENDPOINT_URL_SESV2, rt.env.AWS_REGION))), telemetry: quietTelemetry() });
    const sent = await digest({});
    expect(sent).toMatchObject({ week: local.cycle.digest.week, status: 'sent' });
    expect(aws.mails).toHaveLength(1);
    expect(localSmtp.messages).toHaveLength(1);
    const [awsMail, localMail] = [await simpleParser(aws.mails[0]!.raw), await simpleParser(localSmtp.messages[0]!.raw)];
    expect(awsMail.subject).toBe(localMail.subject);
    const SECTIONS = ['The brief', 'Competitor moves', 'Tone of coverage', 'Release calendar', 'Box office', 'Audience interest'];
    const sections = (html: string) => SECTIONS.filter((title) => html.includes(`>${title}<`));
    const [awsHtml, localHtml] = [String(awsMail.html), String(localMail.html)];
    expect(sections(localHtml).length).toBeGreaterThan(2);
    expect(sections(awsHtml)).toEqual(sections(localHtml));
    const flagLinks = (html: string) => (html.match(/\/flag\?t=/g) ?? []).length;
    const briefLinks = (html: string) => [...html.matchAll(/#brief=(br_[0-9a-f]+)/g)].map((m) => m[1]);
    expect(flagLinks(localHtml)).toBeGreaterThan(0);
    expect(flagLinks(awsHtml)).toBe(flagLinks(localHtml));
    // The calendar section's collisions link their briefs: the same ones.
    expect(briefLinks(localHtml).length).toBeGreaterThan(0);
    expect(briefLinks(awsHtml)).toEqual(briefLinks(localHtml));
    const stats = (s: unknown) => s as { boxOffice: unknown; totalEvents: number };
    expect(stats((sent as { stats: unknown }).stats).boxOffice).toEqual(stats(local.cycle.digest.stats).boxOffice);

    // The query function answers from what the workers stored as the local app does from the cycle's store.
    const awsKey = (await createApiKey(new DynamoKeyStore(db.store.tableAccess), 'parity-aws')).key;
    const localKey = (await createApiKey(local.runtime.keys, 'parity-local')).key;
    const query = createQueryApiHandler({ runtime, env, service: 'query-parity' });
    const localApp = buildQuerySide({ ...local.config, apiCacheSeconds: 0 }, local.workspace, local.runtime).app;
    for (const path of ['/v1/boxoffice', '/v1/digests/latest', '/v1/sources']) {
      const fromAws = await query(functionUrlEvent('GET', path, { authorization: `Bearer ${awsKey}` }), {} as LambdaContext) as { statusCode: number; body: string };
      const fromLocal = await localApp.request(path, { headers: { authorization: `Bearer ${localKey}` } });
      expect(fromAws.statusCode, path).toBe(200);
      expect(fromLocal.status, path).toBe(200);
      const [a, l] = [JSON.parse(fromAws.body), (await fromLocal.json()) as any];
      if (path === '/v1/boxoffice') expect(a).toEqual(l);
      if (path === '/v1/digests/latest') expect({ week: a.week, subject: a.subject }).toEqual({ week: l.week, subject: l.subject });
      if (path === '/v1/sources') expect(a.sources.map((x: { id: string; status?: string }) => x.id).sort()).toEqual(l.sources.map((x: { id: string }) => x.id).sort());
    }
  }, 300_000);
});
