// The weekly digest under faults, against the embedded DynamoDB server and an SMTP sink: a mail that went out is never sent again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../shared/model/workspace.js';
import type { BoxOfficeEntry } from '../../shared/model/boxoffice.js';
import { fixedClock } from '../../shared/ports/clock.js';
import type { DigestStore } from '../../shared/ports/digest-store.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { DynamoDigestStore } from '../../shared/store/dynamo-query.store.js';
import { sendDigest } from '../../shared/delivery/digest/send-digest.js';
import { SmtpMailer } from '../../shared/delivery/mail/smtp.mailer.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const WEEK = '2026-W48';
const clock = fixedClock('2026-11-26T20:00:00Z');
let t: TestStore;
let sink: SmtpSink;
let mailer: SmtpMailer;

const workspace = (name: string) =>
  Workspace.parse({
    name,
    timezone: 'America/Los_Angeles',
    recipients: ['team@studio.example'],
    sources: [{ id: 'bom', kind: 'boxoffice', url: 'https://chart.example/weekend' }],
  });

/** A weekend chart as a full box-office site lists it: thousands of rows, most of them tiny. */
function bigChart(rows: number): BoxOfficeEntry[] {
  return Array.from({ length: rows }, (_, i) => ({
    rank: i + 1,
    lastRank: null,
    title: `Long Tail Feature Number ${i + 1}: A Film With A Fairly Long Title`,
    distributor: `Distributor ${i % 40}`,
    gross: Math.max(100, 90_000_000 - i * 33_000),
    theaters: Math.max(1, 4_000 - i),
    perTheater: null,
    totalGross: Math.max(100, 300_000_000 - i * 100_000),
    weeks: (i % 12) + 1,
    change: -42.5,
  }));
}

beforeAll(async () => {
  t = await openTestStore();
  sink = await startSmtpSink();
  mailer = new SmtpMailer(sink.url);
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await t?.close();
});

const deps = (digests: DigestStore) => ({
  analysis: new DynamoAnalysisStore(t.store.tableAccess),
  store: t.store,
  ledger: new DynamoLedger(t.store.tableAccess),
  digests,
  mailer,
  clock,
});

const sentTo = (subjectPart: string) => sink.messages.filter((m) => m.raw.toString('utf8').includes(subjectPart));

describe('digest reliability', () => {
  it('a digest whose archive write fails after the mail went out is not mailed again on the next runs', async () => {
    const ws = workspace('Archive Fault Team');
    const failingArchive: DigestStore = {
      putDigest: async () => {
        throw new Error('ValidationException: Item size has exceeded the maximum allowed size');
      },
      latestDigest: async () => null,
      getDigest: async () => null,
    };
    const results = [];
    for (let run = 0; run < 3; run++) results.push(await sendDigest(ws, deps(failingArchive), { week: WEEK }).catch((e: Error) => e));
    expect(sentTo('Archive Fault Team')).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'sent' });
    expect(results.slice(1).map((r) => (r as { status?: string }).status)).toEqual(['already_sent', 'already_sent']);
  });

  it('a week with a 2,700-row weekend chart is sent once and archived within the item size limit', async () => {
    const ws = workspace('Long Chart Team');
    await t.store.putChart({
      site: 'boxofficemojo',
      period: { type: 'weekend', start: '2026-11-20', end: '2026-11-22' },
      sourceId: 'bom',
      fetchedAt: '2026-11-23T18:00:00Z',
      entries: bigChart(2_700),
    });
    const digests = new DynamoDigestStore(t.store.tableAccess);
    const first = await sendDigest(ws, deps(digests), { week: WEEK });
    expect(first.status).toBe('sent');
    const second = await sendDigest(ws, deps(digests), { week: WEEK });
    expect(second.status).toBe('already_sent');
    expect(sentTo('Long Chart Team')).toHaveLength(1);
    const archived = await digests.getDigest(ws.name, WEEK);
    expect(archived?.messageId).toBe(first.messageId);
    // The archive keeps the top of the chart and says how long the whole chart was.
    expect(archived!.brief.boxOffice.rows[0]).toMatchObject({ rank: 1, title: 'Long Tail Feature Number 1: A Film With A Fairly Long Title' });
    expect(archived!.brief.boxOffice.rows.length).toBeLessThan(2_700);
    expect(archived!.brief.boxOffice.rowCount).toBe(2_700);
  }, 60_000);
});
