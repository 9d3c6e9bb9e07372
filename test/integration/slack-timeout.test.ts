// A Slack post whose answer comes late: the client waits longer than Slack takes, the ledger marks "sending" before the
// request, and an unknown outcome is settled deliberately by the next run (posted again, marked as a possible repeat).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackWebhookChat } from '../../shared/delivery/chat/slack-webhook.chat.js';
import { alertKey, sendAlerts } from '../../shared/delivery/alerts/send-alerts.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { fixedClock } from '../../shared/ports/clock.js';
import type { ChartSurprise } from '../../shared/analysis/boxoffice-series.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { startSlackSink, type SlackSink } from '../support/slack-sink.js';
import { NOW, event, workspace } from '../unit/alerts/fixtures.js';

let sink: SlackSink;
let t: TestStore;
beforeAll(async () => {
  sink = await startSlackSink();
  t = await openTestStore();
});
afterAll(async () => {
  await sink?.close();
  await t?.close();
});
beforeEach(() => sink.reset());

const surprise = (title: string): ChartSurprise => ({
  title,
  distributor: 'Universal Pictures',
  start: '2026-11-20',
  gross: 71_800_000,
  theaters: 3_900,
  perTheater: 18_410,
  comparableMedian: 3_258,
  comparables: 7,
  ratio: 5.65,
  direction: 'above',
});

const deps = (chat: SlackWebhookChat) => ({
  analysis: new DynamoAnalysisStore(t.store.tableAccess),
  ledger: new DynamoLedger(t.store.tableAccess, () => NOW),
  chat,
  clock: fixedClock(NOW.toISOString()),
});

describe('Slack answering late', () => {
  it('Slack answers after 12 s: the default client waits for it, and the alert is posted once', async () => {
    sink.script({ status: 200, body: 'ok', delayMs: 12_000 });
    const ws = { ...workspace(), name: 'Slow Slack Team' };
    const chat = new SlackWebhookChat(sink.url);
    const first = await sendAlerts(ws, deps(chat), { surprises: [surprise('Late Answer')] });
    expect(first).toMatchObject({ sent: 1, failed: 0 });
    const second = await sendAlerts(ws, deps(chat), { surprises: [surprise('Late Answer')] });
    expect(second).toMatchObject({ sent: 0, skipped: 1 });
    expect(sink.requests).toHaveLength(1);
  }, 30_000);

  it('no answer in time: the ledger holds "sending" with an unknown outcome; the next run posts again, saying it may be a repeat, and then never again', async () => {
    // Slack takes the message but answers after the client has given up.
    sink.script({ status: 200, body: 'ok', delayMs: 800 });
    const ws = { ...workspace(), name: 'Timeout Team' };
    const key = alertKey(ws.name, 'surprise:unknown outcome:2026-11-20');
    const impatient = new SlackWebhookChat(sink.url, { timeoutMs: 200 });
    const first = await sendAlerts(ws, deps(impatient), { surprises: [surprise('Unknown Outcome')] });
    expect(first).toMatchObject({ sent: 0, failed: 0, unknown: 1 });
    expect(first.alerts[0]).toMatchObject({ key, status: 'unknown' });
    const row = await t.store.tableAccess.get(`LEDGER#${key}`, 'A');
    expect(row).toMatchObject({ status: 'in_progress', phase: 'sending', outcome: 'unknown' });
    await new Promise((r) => setTimeout(r, 900));
    expect(sink.deliveries()).toHaveLength(1);

    // The next run cannot ask Slack whether it posted: it posts again (at least once), and says so in the message.
    const chat = new SlackWebhookChat(sink.url);
    const second = await sendAlerts(ws, deps(chat), { surprises: [surprise('Unknown Outcome')] });
    expect(second).toMatchObject({ sent: 1 });
    expect(second.alerts[0]).toMatchObject({ key, status: 'sent', resent: true });
    expect(sink.deliveries()).toHaveLength(2);
    expect(JSON.stringify(sink.deliveries()[1]!.json)).toMatch(/may also have been posted/);
    const third = await sendAlerts(ws, deps(chat), { surprises: [surprise('Unknown Outcome')] });
    expect(third).toMatchObject({ sent: 0, skipped: 1 });
    expect(sink.deliveries()).toHaveLength(2);
  });

  it('after a message gets no answer, the run defers the rest instead of waiting 30 s for each', async () => {
    sink.script({ status: 200, body: 'ok', delayMs: 800 });
    const ws = { ...workspace(), name: 'Hanging Slack Team' };
    const impatient = new SlackWebhookChat(sink.url, { timeoutMs: 200 });
    // Two competitor moves hours apart: two messages.
    const events = [event({ storyId: 's_hang1', publishedAt: '2026-11-25T10:00:00.000Z' }), event({ storyId: 's_hang2', publishedAt: '2026-11-25T16:00:00.000Z' })];
    const report = await sendAlerts(ws, deps(impatient), { events, asOf: NOW });
    expect(report).toMatchObject({ unknown: 1, deferred: 1, sent: 0 });
    await new Promise((r) => setTimeout(r, 900));
    expect(sink.requests).toHaveLength(1);
    // The next run: the message without an answer goes again as a possible repeat; the deferred one (its claim was
    // marked "sending" ahead, then given back untouched) goes out plainly.
    sink.reset();
    const next = await sendAlerts(ws, deps(new SlackWebhookChat(sink.url)), { events, asOf: NOW });
    expect(next).toMatchObject({ sent: 2, messages: 2 });
    const unknownKey = report.alerts.find((a) => a.status === 'unknown')!.key;
    expect(next.alerts.map((a) => [a.key, a.resent ?? false]).sort()).toEqual(
      [
        [unknownKey, true],
        [report.alerts.find((a) => a.status === 'deferred')!.key, false],
      ].sort(),
    );
  });
});
