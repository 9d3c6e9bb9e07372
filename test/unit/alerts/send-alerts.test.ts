// sendAlerts with in-memory fakes: exactly once per story, bursts share one message, maxPerRun defers (never drops), failures release.
import { describe, expect, it } from 'vitest';
import { alertKey, recentEvents, sendAlerts } from '../../../shared/delivery/alerts/send-alerts.js';
import { validateBlocks } from '../../../shared/delivery/alerts/blocks.js';
import { fixedClock } from '../../../shared/ports/clock.js';
import { ChatError } from '../../../shared/delivery/chat/errors.js';
import { MemoryLedger, NOW, event, memoryAnalysis, recordingChat, story, workspace } from './fixtures.js';

const ws = workspace();
const at = (min: number) => new Date(Date.parse('2026-11-25T18:00:00Z') + min * 60_000).toISOString();

function setup(alerts: Record<string, unknown> = {}, chatFailures = 0) {
  const events = [
    event({ storyId: 's_a', publishedAt: at(0) }),
    event({ storyId: 's_b', type: 'trailer', titles: ['Iron Meridian'], studios: ['Lionsgate'], publishedAt: at(4) }),
    event({ storyId: 's_c', type: 'greenlight', titles: ['Glimmerglass: Part Two'], publishedAt: at(300) }),
  ];
  const stories = [story('s_a', 'Skyward Sprocket moves', [['deadline-wire', 'https://deadline.example/a'], ['variety-insider', 'https://variety.example/a']])];
  const ledger = new MemoryLedger();
  const chat = recordingChat(chatFailures);
  const deps = { analysis: memoryAnalysis(events, stories), ledger, chat, clock: fixedClock(NOW.toISOString()) };
  return { events, ledger, chat, deps, ws: workspace(alerts) };
}

describe('sendAlerts', () => {
  it('groups a burst into one message, claims every key first, and completes them with the message id', async () => {
    const { events, ledger, chat, deps, ws: w } = setup();
    const report = await sendAlerts(w, deps, { eventIds: events.map((e) => e.id) });
    expect(report).toMatchObject({ considered: 3, sent: 3, skipped: 0, failed: 0, deferred: 0, messages: 2 });
    expect(chat.posted.map((m) => m.alerts?.map((a) => a.key))).toEqual([
      [alertKey(w.name, 's_a'), alertKey(w.name, 's_b')],
      [alertKey(w.name, 's_c')],
    ]);
    for (const m of chat.posted) expect(validateBlocks(m)).toEqual([]);
    expect(ledger.rows.get('alert:harbor-light-intel:s_a')).toEqual({ status: 'done', result: expect.objectContaining({ messageId: 'm1', grouped: 2 }) });
    expect(ledger.rows.get('alert:harbor-light-intel:s_c')?.result?.messageId).toBe('m2');
  });

  it('a second run sends nothing and reports the alerts as already sent', async () => {
    const { events, chat, deps } = setup();
    await sendAlerts(ws, deps, { eventIds: events.map((e) => e.id) });
    const again = await sendAlerts(ws, deps, { eventIds: events.map((e) => e.id) });
    expect(chat.posted).toHaveLength(2);
    expect(again).toMatchObject({ considered: 3, sent: 0, skipped: 3, messages: 0 });
    expect(again.alerts.map((a) => a.status)).toEqual(['already_sent', 'already_sent', 'already_sent']);
  });

  it('an alert another run holds is skipped, not sent twice', async () => {
    const { events, ledger, chat, deps } = setup();
    await ledger.claim(alertKey(ws.name, 's_b'));
    const report = await sendAlerts(ws, deps, { eventIds: events.map((e) => e.id) });
    expect(report).toMatchObject({ sent: 2, inProgress: 1 });
    expect(chat.posted.flatMap((m) => m.alerts!.map((a) => a.key))).not.toContain(alertKey(ws.name, 's_b'));
  });

  it('a failed post releases every claim of the message; the next run sends them', async () => {
    const { events, ledger, chat, deps } = setup({}, 1);
    const first = await sendAlerts(ws, deps, { eventIds: events.map((e) => e.id) });
    expect(first).toMatchObject({ sent: 1, failed: 2, messages: 1 });
    expect(first.errors).toEqual(['Slack answered HTTP 500 5 time(s)']);
    expect(ledger.rows.has(alertKey(ws.name, 's_a'))).toBe(false);
    const second = await sendAlerts(ws, deps, { eventIds: events.map((e) => e.id) });
    expect(second).toMatchObject({ sent: 2, skipped: 1, failed: 0 });
    expect(chat.calls).toBe(3);
  });

  it('maxPerRun: the most urgent go now, the rest are deferred to the next run (not dropped)', async () => {
    const { events, chat, deps, ws: w } = setup({ maxPerRun: 1, burstWindowMinutes: 0 });
    const first = await sendAlerts(w, deps, { eventIds: events.map((e) => e.id) });
    expect(first).toMatchObject({ sent: 1, deferred: 2 });
    expect(first.alerts.find((a) => a.status === 'sent')?.kind).toBe('competitor_release');
    const second = await sendAlerts(w, deps, { eventIds: events.map((e) => e.id) });
    expect(second).toMatchObject({ sent: 1, skipped: 1, deferred: 1 });
    const third = await sendAlerts(w, deps, { eventIds: events.map((e) => e.id) });
    expect(third).toMatchObject({ sent: 1, skipped: 2, deferred: 0 });
    expect(new Set(chat.posted.flatMap((m) => m.alerts!.map((a) => a.key))).size).toBe(3);
  });

  it('maxPerRun counts only claims taken: an alert another run holds frees its place for the next one', async () => {
    const { events, ledger, chat, deps, ws: w } = setup({ maxPerRun: 2, burstWindowMinutes: 0 });
    await ledger.claim(alertKey(w.name, 's_a'));
    const report = await sendAlerts(w, deps, { eventIds: events.map((e) => e.id) });
    expect(report).toMatchObject({ sent: 2, inProgress: 1, deferred: 0, messages: 2 });
    expect(chat.posted.flatMap((m) => m.alerts!.map((a) => a.key)).sort()).toEqual([alertKey(w.name, 's_b'), alertKey(w.name, 's_c')]);
  });

  it('when Slack stops answering, the claims already taken for later messages are given back, deferred', async () => {
    const { events, ledger, chat, deps, ws: w } = setup({ burstWindowMinutes: 0 });
    const post = chat.post.bind(chat);
    chat.post = async () => {
      chat.calls++;
      throw new ChatError('Slack did not answer in time', 'timeout');
    };
    const report = await sendAlerts(w, deps, { eventIds: events.map((e) => e.id) });
    expect(report).toMatchObject({ sent: 0, unknown: 1, deferred: 2, messages: 0 });
    expect(chat.calls).toBe(1);
    expect(ledger.claims).toHaveLength(3);
    // Nothing stays held by this run: the next run sends all three.
    expect([...ledger.rows.values()].filter((r) => r.status === 'in_progress')).toEqual([]);
    chat.post = post;
    const next = await sendAlerts(w, deps, { eventIds: events.map((e) => e.id) });
    expect(next).toMatchObject({ sent: 3, messages: 3 });
    expect(chat.posted.flatMap((m) => m.alerts!.map((a) => a.key)).sort()).toEqual(['s_a', 's_b', 's_c'].map((id) => alertKey(w.name, id)));
  });

  it('recentEvents reads the weeks of the age window and keeps only events inside it', async () => {
    const inside = event({ publishedAt: '2026-11-23T12:00:00.000Z' });
    const before = event({ publishedAt: '2026-11-16T12:00:00.000Z' });
    const got = await recentEvents(memoryAnalysis([inside, before], []), NOW, 96);
    expect(got.map((e) => e.id)).toEqual([inside.id]);
  });
  it('takes one ledger write per alert: claims already "sending" (no separate mark), completions batched across messages', async () => {
    class CountingLedger extends MemoryLedger {
      options: Array<{ sending?: boolean } | undefined> = [];
      marks = 0;
      batches: number[] = [];
      override async claim(key: string, _lease?: number, options?: { sending?: boolean }) {
        this.options.push(options);
        return super.claim(key);
      }
      override async markSending(key: string) {
        this.marks++;
        return super.markSending(key);
      }
      async completeMany(entries: Array<{ key: string; result: Record<string, unknown> }>) {
        this.batches.push(entries.length);
        for (const e of entries) await this.complete(e.key, e.result);
      }
    }
    // 20 stories hours apart: 20 messages.
    const events = Array.from({ length: 20 }, (_, i) => event({ storyId: `s_many${i}`, titles: [`Title ${i}`], publishedAt: at(-i * 120) }));
    const ledger = new CountingLedger();
    const chat = recordingChat();
    const report = await sendAlerts(ws, { analysis: memoryAnalysis(events, []), ledger, chat, clock: fixedClock(NOW.toISOString()) }, { eventIds: events.map((e) => e.id) });
    expect(report).toMatchObject({ sent: 20, messages: 20, deferred: 0 });
    expect(ledger.options).toHaveLength(20);
    expect(ledger.options.every((o) => o?.sending === true)).toBe(true);
    expect(ledger.marks).toBe(0);
    expect(ledger.batches.reduce((a, b) => a + b, 0)).toBe(20);
    expect(ledger.batches.length).toBeLessThanOrEqual(4);
    for (const e of events) expect(ledger.rows.get(alertKey(ws.name, e.storyId))?.status).toBe('done');
  });
});
