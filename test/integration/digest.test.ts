// The weekly digest over the demo cycle's data: MIME parsed back, escaping, citations, SMTP sink delivery, exactly-once sending.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { resolveConfig } from '../../shared/config/app-config.js';
import { runCycle } from '../../shared/cycle/run-cycle.js';
import { openLocalRuntime, type LocalRuntime } from '../../functions/local/local-runtime.js';
import { startDemo } from '../../functions/local/demo.js';
import type { Workspace } from '../../shared/model/workspace.js';
import { fixedClock } from '../../shared/ports/clock.js';
import type { Mailer, MailMessage } from '../../shared/ports/mailer.js';
import { DynamoLedger } from '../../shared/store/dynamo-ledger.js';
import { buildBrief } from '../../shared/delivery/digest/build-brief.js';
import { escapeHtml, renderDigest } from '../../shared/delivery/digest/render-digest.js';
import { sendDigest } from '../../shared/delivery/digest/send-digest.js';
import { FileMailer } from '../../shared/delivery/mail/file.mailer.js';
import { SmtpMailer } from '../../shared/delivery/mail/smtp.mailer.js';
import type { Brief } from '../../shared/model/brief.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const WEEK = '2026-W48';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// The collider-chronicle feed's hostile title loses its tag in the RSS parser, so the test also stores one as the web could deliver it.
const HOSTILE_TITLE = `'Iron Meridian' Sequel <script>alert('x')</script> Teased <img src=x onerror=alert(document.cookie)>`;
const HOSTILE_ITEM = 'hostile0000000000000000000000001';

let dir: string;
let demo: Awaited<ReturnType<typeof startDemo>>;
let runtime: LocalRuntime;
let workspace: Workspace;
let brief: Brief;
let mail: ParsedMail;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-digest-'));
  demo = await startDemo();
  workspace = demo.workspace;
  runtime = await openLocalRuntime(resolveConfig({}, { dataDir: dir, outDir: join(dir, 'cycle-out') }), workspace, { inMemory: true });
  // The cycle sends its own digest for the week (to files); the tests below send under other workspace names.
  const cycle = await runCycle(workspace, runtime, { force: true });
  expect(cycle.digest.status).toBe('sent');
  await runtime.store.putItemIfNew(
    {
      id: HOSTILE_ITEM,
      sourceId: 'collider-chronicle',
      url: 'https://collider-chronicle.example/iron-meridian-sequel/?a=1&b="2"',
      guid: null,
      title: HOSTILE_TITLE,
      publishedAt: '2026-11-25T12:00:00.000Z',
      author: null,
      text: 'Lionsgate teases a sequel.',
      categories: [],
      hash: 'hostile-hash',
      studio: null,
      tags: ['trade'],
      fetchedAt: '2026-11-25T12:05:00.000Z',
      snapshotKey: null,
    },
    ['hostile-key'],
  );
  await runtime.analysis.putEvent({
    id: 'e_hostile',
    storyId: 's_hostile',
    type: 'greenlight',
    studios: ['Lionsgate'],
    titles: ['Iron Meridian 2'],
    people: [],
    releaseDate: null,
    previousDate: null,
    money: [],
    sentiment: 0,
    summary: HOSTILE_TITLE,
    itemIds: [HOSTILE_ITEM],
    publishedAt: '2026-11-25T12:00:00.000Z',
    concernsCompetitor: true,
    concernsSlate: false,
    analyst: { kind: 'embedded', version: 'test' },
    createdAt: '2026-11-25T12:05:00.000Z',
  });

  brief = await buildBrief(workspace, { analysis: runtime.analysis, store: runtime.store }, WEEK);
  const digest = await renderDigest(brief);
  const sent = await new FileMailer(join(dir, 'out')).send({
    from: 'digest@marquee.invalid',
    to: workspace.recipients,
    subject: digest.subject,
    html: digest.html,
    text: digest.text,
    inline: [{ filename: 'boxoffice-chart.png', contentType: 'image/png', cid: 'boxoffice-chart', content: digest.chart! }],
    name: `digest-${WEEK}`,
  });
  files = sent.files ?? [];
  mail = await simpleParser(await readFile(join(dir, 'out', `digest-${WEEK}.eml`)), { keepCidLinks: true });
}, 120_000);

afterAll(async () => {
  await runtime?.close();
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('digest email (file mailer)', () => {
  it('writes the .eml, the browser .html and its sibling chart png', () => {
    expect(files.map((f) => f.slice(join(dir, 'out').length + 1))).toEqual([`digest-${WEEK}.eml`, `digest-${WEEK}.html`, `digest-${WEEK}.png`]);
  });

  it('has an HTML part, a text part and an inline PNG referenced by cid', () => {
    expect(mail.html).toBeTruthy();
    expect(mail.text).toContain('BOX OFFICE');
    const html = mail.html as string;
    expect(html).toContain('src="cid:boxoffice-chart"');
    expect(html).toMatch(/<img[^>]+src="cid:boxoffice-chart"[^>]*width="560"[^>]*>/);
    const chart = mail.attachments.find((a) => a.cid === 'boxoffice-chart');
    expect(chart).toBeDefined();
    expect(chart!.contentType).toBe('image/png');
    expect(chart!.contentDisposition).toBe('inline');
    expect(chart!.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('links only to absolute http(s) URLs', () => {
    const hrefs = [...(mail.html as string).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(5);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
  });

  it('shows text from the web as text, never as markup', () => {
    const html = mail.html as string;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).toContain(escapeHtml(HOSTILE_TITLE));
    expect(html).toContain('&lt;img src=x onerror=alert(document.cookie)&gt;');
    // The quote in the hostile URL cannot break out of the href attribute.
    expect(html).toContain('href="https://collider-chronicle.example/iron-meridian-sequel/?a=1&amp;b=%222%22"');
    expect(mail.text).toContain(HOSTILE_TITLE);
  });

  it('puts the statistics before the narrative, and every narrative sentence cites items', () => {
    expect(brief.narrative.length).toBeGreaterThanOrEqual(3);
    expect(brief.narrative.length).toBeLessThanOrEqual(5);
    const html = mail.html as string;
    const statsAt = html.indexOf('Events by type');
    expect(statsAt).toBeGreaterThan(-1);
    for (const s of brief.narrative) {
      expect(s.cites.length).toBeGreaterThan(0);
      for (const n of s.cites) {
        const c = brief.citations[n - 1]!;
        expect(c.n).toBe(n);
        expect(c.itemId).toBeTruthy();
        expect(c.source).toBeTruthy();
      }
      const at = html.indexOf(escapeHtml(s.text));
      expect(at).toBeGreaterThan(statsAt);
      // The sentence is followed by its numbered citation links.
      const first = brief.citations[s.cites[0]! - 1]!;
      expect(html.slice(at, at + escapeHtml(s.text).length + 400)).toContain(first.url ? `[${first.n}]</a>` : `[${first.n}]`);
    }
  });

  it('computes the statistics from the demo data', () => {
    expect(brief.stats.totalEvents).toBeGreaterThan(10);
    expect(brief.boxOffice.weekend).toBe('2026-11-20');
    expect(brief.boxOffice.rows[0]).toMatchObject({ rank: 1, title: 'Glimmerglass' });
    const shares = brief.stats.distributorShare.reduce((s, x) => s + x.share, 0);
    expect(shares).toBeGreaterThan(99);
    expect(shares).toBeLessThan(101);
    expect(brief.collisions.some((c) => c.slateTitle === 'The Lantern Keeper' && c.competitorTitle === 'Skyward Sprocket')).toBe(true);
    expect(brief.competitorMoves.find((g) => g.studio === 'Lionsgate')?.moves.some((m) => m.summary === HOSTILE_TITLE)).toBe(true);
    expect(brief.boxOfficeSeries.titles).toHaveLength(5);
    expect(brief.boxOfficeSeries.weekends).toHaveLength(4);
  });
});

describe('sendDigest', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  const deps = (mailer: Mailer) => ({
    analysis: runtime.analysis,
    store: runtime.store,
    ledger: new DynamoLedger(runtime.store.tableAccess),
    mailer,
    clock: fixedClock('2026-11-26T20:00:00Z'),
  });

  it('delivers one message through SMTP and reports already_sent on the second call', async () => {
    const mailer = new SmtpMailer(sink.url);
    const viaSmtp = { ...workspace, name: `${workspace.name} via SMTP` };
    try {
      const first = await sendDigest(viaSmtp, deps(mailer), {});
      expect(first).toMatchObject({ week: WEEK, status: 'sent' });
      expect(first.stats?.totalEvents).toBeGreaterThan(0);
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]!.to).toEqual(workspace.recipients);
      const parsed = await simpleParser(sink.messages[0]!.raw);
      expect(parsed.messageId).toBe(first.messageId);
      expect(parsed.attachments.find((a) => a.cid === 'boxoffice-chart')?.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

      const second = await sendDigest(viaSmtp, deps(mailer), { week: WEEK });
      expect(second).toMatchObject({ week: WEEK, status: 'already_sent', messageId: first.messageId });
      expect(sink.messages).toHaveLength(1);
    } finally {
      mailer.close();
    }
  });

  it('gives the claim back when sending fails, so the next run sends', async () => {
    const other = { ...workspace, name: 'Retry team' };
    let calls = 0;
    const flaky: Mailer = {
      send: async (_m: MailMessage) => {
        calls++;
        if (calls === 1) throw new Error('SMTP down');
        return { messageId: '<retry@test>' };
      },
    };
    await expect(sendDigest(other, deps(flaky), { week: WEEK })).rejects.toThrow('SMTP down');
    expect(await sendDigest(other, deps(flaky), { week: WEEK })).toMatchObject({ status: 'sent', messageId: '<retry@test>' });
    expect(await sendDigest(other, deps(flaky), { week: WEEK })).toMatchObject({ status: 'already_sent' });
    expect(calls).toBe(2);
  });
});
