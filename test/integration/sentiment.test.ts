// Tone of coverage over the demo cycle's data: direction of real cases, items behind each point, and the digest section in the parsed .eml.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { openDemoData, type DemoData } from '../support/demo-data.js';
import { SentimentSeries, sentimentSeries, type SentimentDeps } from '../../shared/analysis/sentiment-series.js';
import { buildBrief } from '../../shared/delivery/digest/build-brief.js';
import { escapeHtml, renderDigest } from '../../shared/delivery/digest/render-digest.js';
import { FileMailer } from '../../shared/delivery/mail/file.mailer.js';
import type { Brief } from '../../shared/model/brief.js';
import { titleKey } from '../../shared/util/text.js';

const WEEK = '2026-W48';
const RANGE = { from: '2026-10-26', to: '2026-11-29', bucket: 'week' as const };
// A competitor title as the web could deliver it, covered heavily enough to lead the digest's tone section.
const HOSTILE_NAME = `Night <script>alert('t')</script> Shift <img src=x onerror=alert(1)>`;

let data: DemoData;
let deps: SentimentDeps;
let brief: Brief;
let mail: ParsedMail;

beforeAll(async () => {
  data = await openDemoData();
  const { runtime } = data;
  deps = { analysis: runtime.analysis, store: runtime.store };
  const ids = Array.from({ length: 20 }, (_, n) => `hostiletone${String(n).padStart(21, '0')}`);
  for (const [i, id] of ids.entries()) {
    await runtime.store.putItemIfNew(
      {
        id,
        sourceId: 'collider-chronicle',
        url: `https://collider-chronicle.example/night-shift-${i}/?a=1&b="q"`,
        guid: null,
        title: `${HOSTILE_NAME} is a disaster ${i}`,
        publishedAt: '2026-11-26T12:00:00.000Z',
        author: null,
        text: `${HOSTILE_NAME} review.`,
        categories: [],
        hash: `hostile-tone-${i}`,
        studio: null,
        tags: ['trade'],
        fetchedAt: '2026-11-26T12:05:00.000Z',
        snapshotKey: null,
      },
      [`hostile-tone-key-${i}`],
    );
  }
  await runtime.analysis.putEvent({
    id: 'e_hostile_tone',
    storyId: 's_hostile_tone',
    type: 'review',
    studios: ['A24'],
    titles: [HOSTILE_NAME],
    people: [],
    releaseDate: null,
    previousDate: null,
    money: [],
    sentiment: -0.9,
    summary: 'Critics pan it.',
    itemIds: ids,
    publishedAt: '2026-11-26T12:00:00.000Z',
    concernsCompetitor: true,
    concernsSlate: false,
    analyst: { kind: 'embedded', version: 'test' },
    createdAt: '2026-11-26T12:05:00.000Z',
  });
  brief = await buildBrief(data.workspace, { analysis: runtime.analysis, store: runtime.store }, WEEK);
  const digest = await renderDigest(brief);
  const out = join(data.dir, 'tone-out');
  await new FileMailer(out).send({
    from: 'digest@marquee.invalid',
    to: data.workspace.recipients,
    subject: digest.subject,
    html: digest.html,
    text: digest.text,
    inline: digest.chart ? [{ filename: 'boxoffice-chart.png', contentType: 'image/png', cid: 'boxoffice-chart', content: digest.chart }] : [],
    name: `digest-${WEEK}`,
  });
  mail = await simpleParser(await readFile(join(out, `digest-${WEEK}.eml`)), { keepCidLinks: true });
}, 180_000);

afterAll(async () => {
  await data?.close();
});

/** Every item behind every point is stored, and the item or one of the events citing it names the subject. */
async function expectItemsCiteSubject(s: SentimentSeries): Promise<void> {
  const { runtime } = data;
  let checked = 0;
  for (const p of s.points) {
    expect(p.items.length).toBeLessThanOrEqual(p.itemTotal);
    if (p.n) expect(p.itemTotal).toBeGreaterThan(0);
    for (const it of p.items) {
      const item = await runtime.store.getItem(it.id);
      expect(item, `${it.id} is stored`).not.toBeNull();
      expect(it.title).toBe(item!.title || '(untitled)');
      if (it.url) expect(it.url).toMatch(/^https?:\/\//);
      const page = s.subject.kind === 'title' ? await runtime.analysis.eventsByTitle(s.subject.name, { from: s.from, to: s.to }) : await runtime.analysis.eventsByStudio(s.subject.name, { from: s.from, to: s.to });
      const citing = page.items.filter((e) => e.itemIds.includes(it.id));
      expect(citing.length, `${it.id} is cited by an event about ${s.subject.name}`).toBeGreaterThan(0);
      const names = citing.flatMap((e) => (s.subject.kind === 'title' ? e.titles : e.studios)).map(titleKey);
      expect(names).toContain(titleKey(s.subject.name));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

describe('sentiment series over the demo data', () => {
  it("reads 'Static Girl' as positive and rising after a scary red-band trailer week", async () => {
    const s = await sentimentSeries(deps, { title: 'Static Girl', ...RANGE });
    expect(SentimentSeries.parse(s)).toEqual(s);
    expect(s.points.map((p) => p.week)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(s.overall.mean!).toBeGreaterThan(0);
    expect(s.trend).toBe('rising');
    const first = s.points.find((p) => p.n)!;
    const last = [...s.points].reverse().find((p) => p.n)!;
    expect(last.mean!).toBeGreaterThan(first.mean!);
    await expectItemsCiteSubject(s);
  });

  it("reads 'Midnight Parade' and 'Kingdom of Salt' (panned) below 'Static Girl'", async () => {
    const staticGirl = await sentimentSeries(deps, { title: 'Static Girl', ...RANGE });
    const parade = await sentimentSeries(deps, { title: 'Midnight Parade', ...RANGE });
    const salt = await sentimentSeries(deps, { title: 'Kingdom of Salt', ...RANGE });
    expect(parade.overall.mean!).toBeLessThan(0);
    expect(parade.points.some((p) => p.negative > 0)).toBe(true);
    expect(salt.overall.mean!).toBeLessThan(0);
    expect(parade.overall.mean!).toBeLessThan(staticGirl.overall.mean!);
    expect(salt.overall.mean!).toBeLessThan(staticGirl.overall.mean!);
    await expectItemsCiteSubject(parade);
    await expectItemsCiteSubject(salt);
  });

  it('reads Neon warmer than Amazon MGM Studios over the same weeks', async () => {
    const neon = await sentimentSeries(deps, { studio: 'Neon', ...RANGE });
    const amazon = await sentimentSeries(deps, { studio: 'Amazon MGM Studios', ...RANGE });
    expect(neon.overall.n).toBeGreaterThan(3);
    expect(neon.overall.mean!).toBeGreaterThan(amazon.overall.mean!);
    await expectItemsCiteSubject(neon);
  });

  it('has no points with coverage before the demo starts', async () => {
    const s = await sentimentSeries(deps, { title: 'Static Girl', from: '2026-06-01', to: '2026-06-30' });
    expect(s.overall).toEqual({ mean: null, n: 0 });
    expect(s.points.every((p) => p.n === 0)).toBe(true);
  });
});

describe('tone of coverage in the weekly digest', () => {
  it('puts the competitor studios and titles with the most coverage in the brief', () => {
    expect(brief.sentiment).toBeDefined();
    const competitors = new Set(data.workspace.competitors.map((c) => c.name));
    expect(brief.sentiment!.fromWeek).toBe('2026-W45');
    expect(brief.sentiment!.toWeek).toBe(WEEK);
    expect(brief.sentiment!.studios.length).toBeGreaterThanOrEqual(3);
    for (const s of brief.sentiment!.studios) expect(competitors.has(s.subject.name)).toBe(true);
    expect(brief.sentiment!.titles.map((t) => t.subject.name)).toContain(HOSTILE_NAME);
    for (const s of [...brief.sentiment!.studios, ...brief.sentiment!.titles]) {
      expect(s.points).toHaveLength(4);
      expect(SentimentSeries.safeParse(s).success).toBe(true);
    }
  });

  it('is in the HTML part with absolute links per week and the hostile title escaped', () => {
    const html = mail.html as string;
    const start = html.indexOf('Tone of coverage');
    expect(start).toBeGreaterThan(-1);
    const section = html.slice(start, html.indexOf('>Box office<'));
    expect(section).toContain('class="spark"');
    expect(section).toMatch(/>(positive|mixed|negative)</);
    const hrefs = [...section.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\/[^\s"'<>]+$/);
    // The hostile subject renders as text, and the quote in its items' URLs cannot leave the href.
    expect(section).toContain(escapeHtml(HOSTILE_NAME));
    expect(section).not.toMatch(/<script|<img[^>]*onerror/i);
    expect(section).toMatch(/href="https:\/\/collider-chronicle\.example\/night-shift-\d+\/\?a=1&amp;b=%22q%22"/);
    for (const s of brief.sentiment!.studios) expect(section).toContain(escapeHtml(s.subject.name));
  });

  it('is in the text part, one line per subject and one per covered week with its first item', () => {
    const text = mail.text!;
    const part = text.slice(text.indexOf('TONE OF COVERAGE'), text.indexOf('BOX OFFICE'));
    expect(part).toContain(`TONE OF COVERAGE, 2026-W45 to ${WEEK}`);
    for (const s of [...brief.sentiment!.studios, ...brief.sentiment!.titles]) {
      expect(part).toMatch(new RegExp(`${s.subject.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${s.subject.kind}\\): [▁▂▃▄▅▆▇█·]{4} (positive|mixed|negative)`));
    }
    expect(part).toMatch(/ {4}2026-W4\d [+-]?\d\.\d\d \(\d+ events?\) <https?:\/\/\S+>/);
    expect(part).toContain(`${HOSTILE_NAME} (title): ···▁ negative (-0.90, 1 event), flat`);
  });
});
