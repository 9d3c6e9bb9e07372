// Alerts over real local parts: the Slack webhook adapter against a loopback webhook (429/500/200), sendAlerts on the
// embedded DynamoDB ledger (twice, concurrently, after a failed post), and the demo cycle and CLI run twice without a duplicate.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackWebhookChat } from '../../shared/delivery/chat/slack-webhook.chat.js';
import { ChatRejectedError, ChatUnavailableError } from '../../shared/delivery/chat/errors.js';
import { alertKey, sendAlerts } from '../../shared/delivery/alerts/send-alerts.js';
import { validateBlocks } from '../../shared/delivery/alerts/blocks.js';
import type { AlertLine } from '../../shared/delivery/chat/file.chat.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { fixedClock } from '../../shared/ports/clock.js';
import { resolveConfig } from '../../shared/config/app-config.js';
import { runCycle } from '../../shared/cycle/run-cycle.js';
import { openLocalRuntime } from '../../functions/local/local-runtime.js';
import { startDemo } from '../../functions/local/demo.js';
import { main } from '../../functions/cli/main.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { startSlackSink, type SlackSink } from '../support/slack-sink.js';
import { captureIo } from '../support/capture-io.js';
import { NOW, event, story, workspace } from '../unit/alerts/fixtures.js';

let sink: SlackSink;
let dir: string;
beforeAll(async () => {
  sink = await startSlackSink();
  dir = await mkdtemp(join(tmpdir(), 'marquee-alerts-'));
});
afterAll(async () => {
  await sink?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => sink.reset());

/** A webhook adapter that records its waits instead of sleeping, with the jitter pinned to 0. */
function slack(options: ConstructorParameters<typeof SlackWebhookChat>[1] = {}) {
  const waits: number[] = [];
  const chat = new SlackWebhookChat(sink.url, { sleep: async (ms) => void waits.push(ms), random: () => 0, ...options });
  return { chat, waits };
}

const message = { text: 'Skyward Sprocket moves to Dec 11', blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*Skyward Sprocket* moves' } }] };

describe('SlackWebhookChat against a loopback webhook', () => {
  it('429 (Retry-After 2) → 500 → 200: waits as told, backs off, and delivers exactly once', async () => {
    sink.script({ status: 429, headers: { 'retry-after': '2' }, body: 'rate_limited' }, { status: 500, body: 'internal_error' }, { status: 200, body: 'ok' });
    const { chat, waits } = slack({ baseDelayMs: 1000 });
    const posted = await chat.post(message);
    expect(posted.attempts).toBe(3);
    expect(waits).toEqual([2000, 1000]);
    expect(sink.requests.map((r) => r.status)).toEqual([429, 500, 200]);
    expect(sink.deliveries()).toHaveLength(1);
    const body = sink.deliveries()[0]!;
    expect(body.method).toBe('POST');
    expect(body.headers['content-type']).toBe('application/json');
    expect(body.headers['user-agent']).toContain('@slack:webhook');
    expect(body.json).toMatchObject({ text: message.text, blocks: message.blocks, unfurl_links: false });
  });

  it('a Retry-After beyond the cap is not waited out: rate_limited, one request', async () => {
    sink.script({ status: 429, headers: { 'retry-after': '3600' } });
    const { chat, waits } = slack({ maxRetryAfterSeconds: 60 });
    const err = await chat.post(message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatUnavailableError);
    expect(err).toMatchObject({ code: 'rate_limited', details: { status: 429, attempts: 1 }, retryable: true });
    expect(waits).toEqual([]);
    expect(sink.requests).toHaveLength(1);
  });

  it('5xx forever: bounded attempts with exponential backoff, then server_error keeping the cause', async () => {
    sink.script(...Array.from({ length: 4 }, () => ({ status: 503 })));
    const { chat, waits } = slack({ maxAttempts: 4, baseDelayMs: 100, random: () => 0.5 });
    const err = (await chat.post(message).catch((e: unknown) => e)) as ChatUnavailableError;
    expect(err.code).toBe('server_error');
    expect(err.details.attempts).toBe(4);
    expect((err.cause as Error).name).toBe('IncomingWebhookHTTPError');
    expect(waits).toEqual([75, 150, 300]);
    expect(sink.deliveries()).toHaveLength(0);
  });

  it('a 400 (invalid_blocks) is not retried', async () => {
    sink.script({ status: 400, body: 'invalid_blocks' });
    const { chat } = slack();
    const err = await chat.post(message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatRejectedError);
    expect(err).toMatchObject({ code: 'rejected', retryable: false, details: { status: 400, body: 'invalid_blocks' } });
    expect(sink.requests).toHaveLength(1);
  });

  it('a timeout is not repeated in-process (Slack may have posted): timeout error after one request', async () => {
    sink.script({ status: 200, delayMs: 1500 });
    const { chat } = slack({ timeoutMs: 200 });
    const err = await chat.post(message).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout' });
    expect(sink.requests).toHaveLength(1);
  });

  it('a refused connection is retried, then request_failed', async () => {
    const closed = await startSlackSink();
    const url = closed.url;
    await closed.close();
    const waits: number[] = [];
    const chat = new SlackWebhookChat(url, { maxAttempts: 3, sleep: async (ms) => void waits.push(ms), random: () => 0 });
    const err = await chat.post(message).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'request_failed', details: { attempts: 3 } });
    expect(waits).toHaveLength(2);
  });
});

describe('sendAlerts on the embedded DynamoDB ledger, posting to the loopback webhook', () => {
  let t: TestStore;
  let analysis: DynamoAnalysisStore;
  const ws = workspace();
  const titles = ['Skyward Sprocket', 'Iron Meridian', 'Glimmerglass: Part Two', 'Borrowed Thunder'];
  const events = [
    event({ storyId: 's_int1', publishedAt: '2026-11-25T18:00:00.000Z' }),
    event({ storyId: 's_int2', type: 'trailer', titles: ['Iron Meridian'], studios: ['Lionsgate'], summary: 'Lionsgate reveals the first trailer.', publishedAt: '2026-11-25T18:05:00.000Z' }),
    event({ storyId: 's_int3', type: 'greenlight', titles: ['Glimmerglass: Part Two'], summary: 'Universal orders a sequel.', publishedAt: '2026-11-24T12:00:00.000Z' }),
    event({ storyId: 's_int4', type: 'acquisition', titles: ['Borrowed Thunder'], studios: ['Lionsgate'], summary: 'Lionsgate buys U.S. rights.', publishedAt: '2026-11-24T20:00:00.000Z' }),
  ];
  const deps = (table: TestStore, chat: SlackWebhookChat) => ({
    analysis,
    ledger: new DynamoLedger(table.store.tableAccess, () => NOW),
    chat,
    clock: fixedClock(NOW.toISOString()),
  });
  const deliveredTitles = () => sink.deliveries().flatMap((d) => titles.filter((title) => d.body.includes(title)).map((title) => title));

  beforeEach(async () => {
    t = await openTestStore();
    analysis = new DynamoAnalysisStore(t.store.tableAccess);
    await analysis.putStory(story('s_int1', 'Universal Moves Skyward Sprocket', [['deadline-wire', 'https://deadline.example/s'], ['variety-insider', 'https://variety.example/s']]));
    for (const e of events) await analysis.putEvent(e);
  });
  afterEach(async () => t.close());

  it('run twice: the second run sends nothing', async () => {
    const { chat } = slack();
    const first = await sendAlerts(ws, deps(t, chat), { eventIds: events.map((e) => e.id) });
    expect(first).toMatchObject({ considered: 4, sent: 4, messages: 3, failed: 0 });
    const second = await sendAlerts(ws, deps(t, chat), { eventIds: events.map((e) => e.id) });
    expect(second).toMatchObject({ considered: 4, sent: 0, skipped: 4, messages: 0 });
    expect(sink.deliveries()).toHaveLength(3);
    expect(deliveredTitles().sort()).toEqual([...titles].sort());
    for (const d of sink.deliveries()) expect(validateBlocks(d.json as never)).toEqual([]);
  });

  it('two concurrent runs: every alert is delivered once', async () => {
    // Slow answers widen the window in which both runs are claiming and posting.
    sink.script(...Array.from({ length: 6 }, () => ({ status: 200, delayMs: 80 })));
    const [a, b] = await Promise.all([
      sendAlerts(ws, deps(t, slack().chat), { eventIds: events.map((e) => e.id) }),
      sendAlerts(ws, deps(t, slack().chat), { eventIds: events.map((e) => e.id) }),
    ]);
    expect(a.sent + b.sent).toBe(4);
    expect(a.skipped + a.inProgress + b.skipped + b.inProgress).toBe(4);
    expect(deliveredTitles().sort()).toEqual([...titles].sort());
  });

  it('a post that fails after its retries releases the claims; the next run sends those alerts once', async () => {
    sink.script({ status: 500 }, { status: 500 });
    const { chat } = slack({ maxAttempts: 2 });
    const first = await sendAlerts(ws, deps(t, chat), { eventIds: events.map((e) => e.id) });
    expect(first.failed).toBeGreaterThan(0);
    expect(first.sent + first.failed).toBe(4);
    const failedKeys = first.alerts.filter((x) => x.status === 'failed').map((x) => x.key);
    const ledger = new DynamoLedger(t.store.tableAccess, () => NOW);
    // Released: the key can be claimed again (then given back for the real retry below).
    expect((await ledger.claim(failedKeys[0]!)).status).toBe('claimed');
    await ledger.release(failedKeys[0]!);
    const second = await sendAlerts(ws, deps(t, chat), { eventIds: events.map((e) => e.id) });
    expect(second.sent).toBe(first.failed);
    expect(second.alerts.filter((x) => x.status === 'sent').map((x) => x.key).sort()).toEqual(failedKeys.sort());
    expect(deliveredTitles().sort()).toEqual([...titles].sort());
    expect(alertKey(ws.name, 's_int1')).toBe('alert:harbor-light-intel:s_int1');
  });
});

describe('the demo cycle and CLI, run twice', () => {
  it('the whole cycle twice posts every alert once, collisions included, each payload within Block Kit limits', async () => {
    const demo = await startDemo();
    const runtime = await openLocalRuntime(resolveConfig({}, { dataDir: join(dir, 'cycle'), outDir: join(dir, 'cycle-out') }), demo.workspace, { inMemory: true });
    try {
      const { chat } = slack();
      const first = await runCycle(demo.workspace, { ...runtime, chat }, { force: true });
      const second = await runCycle(demo.workspace, { ...runtime, chat }, { force: true });
      expect(first.alerts.sent).toBeGreaterThanOrEqual(first.collisions.length);
      expect(first.alerts.failed).toBe(0);
      expect(first.alerts.alerts.filter((a) => a.kind === 'collision')).toHaveLength(first.collisions.length);
      expect(second.alerts.sent).toBe(0);
      expect(second.alerts.skipped).toBe(second.alerts.considered);
      expect(sink.deliveries()).toHaveLength(first.alerts.messages);
      const keys = first.alerts.alerts.filter((a) => a.status === 'sent').map((a) => a.key);
      expect(new Set(keys).size).toBe(first.alerts.sent);
      for (const d of sink.deliveries()) expect(validateBlocks(d.json as never)).toEqual([]);
      // Collisions name the slate title they land on.
      const all = sink.deliveries().map((d) => d.body).join('\n');
      for (const c of first.collisions) expect(all).toContain(c.slateTitle);
    } finally {
      await runtime.close();
      await demo.close();
    }
  }, 120_000);

  it('marquee run --json then marquee alerts: alerts.jsonl has one line per alert, the second command sends nothing', async () => {
    const env = { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', MARQUEE_ANALYST: '', SLACK_WEBHOOK_URL: '' };
    const args = ['--data-dir', join(dir, 'cli-data'), '--out', join(dir, 'cli-out'), '--json'];
    const run = captureIo();
    expect(await main(['run', '--once', ...args], run, env)).toBe(0);
    const report = run.json().alerts;
    expect(report.sent).toBeGreaterThan(0);
    expect(report.file).toBe(join(dir, 'cli-out', 'alerts.jsonl'));
    const lines = (await readFile(report.file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as AlertLine);
    expect(lines).toHaveLength(report.sent);
    expect(new Set(lines.map((l) => l.key)).size).toBe(report.sent);
    for (const l of lines) expect(validateBlocks(l.payload)).toEqual([]);

    const again = captureIo();
    expect(await main(['alerts', ...args], again, env)).toBe(0);
    const second = again.json();
    expect(second.sent).toBe(0);
    expect(second.skipped).toBe(report.sent); // the surprise too: it is re-read from the stored chart
    expect((await readFile(report.file, 'utf8')).trim().split('\n')).toHaveLength(report.sent);

    const human = captureIo();
    expect(await main(['alerts', '--data-dir', join(dir, 'cli-data'), '--out', join(dir, 'cli-out')], human, env)).toBe(0);
    expect(human.stdout).toMatch(/alerts {6}\d+ considered: 0 sent in 0 messages to .*alerts\.jsonl, \d+ already sent earlier/);
  }, 120_000);
});
