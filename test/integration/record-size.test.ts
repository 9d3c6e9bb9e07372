// No record can outgrow DynamoDB's 400 KB item limit: worst-case records of every kind that grows, written to the embedded server and read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../../shared/model/event.js';
import type { Item } from '../../shared/model/item.js';
import type { CounterBrief } from '../../shared/model/counter-brief.js';
import type { Story } from '../../shared/model/story.js';
import type { AnswerRecord } from '../../shared/ports/answer-store.js';
import { DynamoAnalysisStore } from '../../shared/store/dynamo-analysis.store.js';
import { DynamoAnswerStore, DynamoBriefStore } from '../../shared/store/dynamo-assist.store.js';
import { ItemTooLargeError, MAX_ITEM_BYTES, itemSize } from '../../shared/store/item-size.js';
import { openTestStore, type TestStore } from '../support/embedded-store.js';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(async () => t?.close());

const long = (n: number, word = 'lorem ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('record size limits', () => {
  it('an item with a 2 MB body is stored with its text capped (the raw snapshot keeps it whole)', async () => {
    const item: Item = {
      id: 'big-item',
      sourceId: 'wire',
      url: 'https://wire.example/a',
      guid: null,
      title: long(5_000, 'Headline '),
      publishedAt: '2026-11-25T12:00:00.000Z',
      author: null,
      // Multi-byte text: 2 MB of UTF-8.
      text: long(700_000, 'é€ '),
      categories: many(2_000, (i) => `category-${i}`),
      hash: 'h-big',
      studio: null,
      tags: ['trade'],
      fetchedAt: '2026-11-25T12:05:00.000Z',
      snapshotKey: 'raw/wire/x.xml',
    };
    expect((await t.store.putItemIfNew(item, ['big-key'])).status).toBe('new');
    const back = await t.store.getItem('big-item');
    expect(back!.text.length).toBeGreaterThan(10_000);
    expect(back!.text.length).toBeLessThan(item.text.length);
    expect(back!.text.startsWith(item.text.slice(0, 1_000))).toBe(true);
  });

  it('an event, its story, its release and a cached extraction with model output of any length are stored', async () => {
    const analysis = new DynamoAnalysisStore(t.store.tableAccess);
    const event: Event = {
      id: 'e_big',
      storyId: 's_big',
      type: 'release_moved',
      studios: many(5_000, (i) => `Studio Number ${i}`),
      titles: many(5_000, (i) => `Title Number ${i}`),
      people: many(5_000, (i) => `Person Number ${i}`),
      releaseDate: '2027-03-12',
      previousDate: '2027-01-29',
      money: many(2_000, (i) => String(i)).map((i) => ({ amount: Number(i), context: 'deal price' })),
      sentiment: 0,
      summary: long(300_000),
      itemIds: many(20_000, (i) => `item-${i}`),
      publishedAt: '2026-11-25T12:00:00.000Z',
      concernsCompetitor: true,
      concernsSlate: false,
      analyst: { kind: 'llm', model: 'm', promptVersion: 'p' },
      createdAt: '2026-11-25T12:05:00.000Z',
    };
    await analysis.putEvent(event);
    expect((await analysis.getEvent('e_big'))!.titles[0]).toBe('Title Number 0');

    const story: Story = {
      id: 's_big',
      title: long(100_000),
      leadItemId: 'item-0',
      members: many(500, (i) => `item-${i}`).map((id) => ({ itemId: id, sourceId: 'wire', title: long(2_000), lead: long(5_000), time: '2026-11-25T12:00:00.000Z', url: `https://wire.example/${id}` })),
      firstSeenAt: '2026-11-25T12:00:00.000Z',
      lastSeenAt: '2026-11-25T12:00:00.000Z',
      eventId: 'e_big',
      analyzedAt: '2026-11-25T12:05:00.000Z',
    };
    await analysis.putStory(story);
    expect((await analysis.getStory('s_big'))!.members.length).toBeGreaterThan(0);

    await analysis.putRelease({
      titleKey: 'moved-a-lot',
      title: 'Moved A Lot',
      distributor: 'Lionsgate',
      date: '2027-03-12',
      width: 'wide',
      status: 'moved',
      isSlate: false,
      genres: ['drama'],
      history: many(5_000, (i) => String(i)).map((i) => ({ date: '2027-03-12', previousDate: '2027-01-29', eventId: `e_${i}_${long(40)}`, storyId: `s_${i}_${long(40)}`, at: '2026-11-25T12:00:00.000Z' })),
      updatedAt: '2026-11-25T12:05:00.000Z',
      version: 1,
    });
    const release = await analysis.getRelease('moved-a-lot');
    expect(release!.history.at(-1)!.eventId).toMatch(/^e_4999_/);

    const { id: _id, storyId: _s, itemIds: _i, publishedAt: _p, concernsCompetitor: _c, concernsSlate: _cs, analyst: _a, createdAt: _ca, ...extraction } = event;
    await analysis.put('cache-big', extraction);
    expect((await analysis.get('cache-big'))!.summary.length).toBeGreaterThan(100);
  });

  it('an answer and a counter-programming brief of any length are stored', async () => {
    const answers = new DynamoAnswerStore(t.store.tableAccess);
    const answer: AnswerRecord = {
      id: 'ans_big',
      question: 'What moved?',
      answer: long(600_000),
      citations: many(3_000, (i) => String(i)).map((i) => ({ n: Number(i) + 1, itemId: `item-${i}`, title: long(300), url: `https://wire.example/${i}`, source: 'Wire', publishedAt: null })),
      eventIds: many(20_000, (i) => `e_${i}`),
      analyst: 'embedded',
      tokens: 0,
      askedBy: 'tests',
      createdAt: new Date().toISOString(),
    };
    await answers.putAnswer(answer);
    expect((await answers.getAnswer('ans_big'))!.citations[0]!.itemId).toBe('item-0');
    // An answer archived before citations and event ids were kept as JSON strings (lists in the row) reads the same.
    const old = { id: 'ans_old', question: 'q', answer: 'a [1]', citations: [{ n: 1, itemId: 'item-1', title: 'T', url: null, source: 'Wire', publishedAt: null }], eventIds: ['e_1'], analyst: 'embedded', tokens: 0, askedBy: 'tests', createdAt: new Date().toISOString() };
    await t.store.tableAccess.put({ pk: 'ANSWER#ans_old', sk: 'A', entity: 'answer', expiresAt: Math.floor(Date.now() / 1000) + 86_400, ...old });
    expect(await answers.getAnswer('ans_old')).toEqual(old);
    await answers.putAnswer({ ...old, id: 'ans_new' });
    expect(await answers.getAnswer('ans_new')).toEqual({ ...old, id: 'ans_new' });

    const briefs = new DynamoBriefStore(t.store.tableAccess);
    const brief: CounterBrief = {
      id: 'br_big',
      kind: 'collision',
      slateTitle: 'Ours',
      slateDate: '2027-03-12',
      competitorTitle: 'Theirs',
      competitorDate: '2027-03-12',
      distributor: 'A24',
      weekendsApart: 0,
      genreOverlap: ['horror'],
      headline: 'Theirs opens on our weekend',
      whatHappened: many(500, () => long(2_000)).map((text) => ({ text, cites: [1] })),
      weekend: { start: '2027-03-12', titles: many(2_000, (i) => `Title ${i}`).map((title) => ({ title, distributor: null, date: null, width: null, genres: [], isSlate: false })) },
      comparables: many(2_000, (i) => `Comparable ${i}`).map((title) => ({ title, distributor: null, start: '2026-10-02', gross: 1, theaters: 1, genres: [] })),
      options: [{ key: 'hold', title: 'Hold', text: long(100_000), draft: true }],
      citations: many(3_000, (i) => String(i)).map((i) => ({ n: Number(i) + 1, itemId: `item-${i}`, title: long(200), url: null, source: 'Wire', publishedAt: null })),
      eventIds: many(10_000, (i) => `e_${i}`),
      analyst: { kind: 'llm', version: 'm' },
      tokens: 0,
      createdAt: '2026-11-25T12:05:00.000Z',
      status: 'draft',
      review: null,
    };
    expect(await briefs.putBriefIfNew(brief)).toBe(true);
    expect((await briefs.getBrief('br_big'))!.whatHappened.length).toBeGreaterThan(0);
  });

  it('a source state with a huge error message is stored', async () => {
    await t.store.putSourceState({
      sourceId: 'loud',
      etag: long(100_000),
      lastModified: null,
      bodyHash: null,
      lastStatus: 'error',
      lastAttemptAt: null,
      lastSuccessAt: null,
      consecutiveFailures: 1,
      nextDueAt: null,
      lastError: long(500_000),
      lastErrorCode: 'parse',
      itemsTotal: 0,
      lastSnapshotKey: null,
      lastWarnings: Array.from({ length: 50 }, () => long(20_000)),
    });
    expect((await t.store.getSourceState('loud'))!.lastStatus).toBe('error');
    expect((await t.store.getSourceState('loud'))!.lastWarnings.length).toBeLessThanOrEqual(10);
  });

  it('a row that would still be too big is refused with a clear typed error before it is sent', async () => {
    const row = { pk: 'X#1', sk: 'A', blob: long(MAX_ITEM_BYTES) };
    expect(itemSize(row)).toBeGreaterThan(MAX_ITEM_BYTES);
    await expect(t.store.tableAccess.put(row)).rejects.toBeInstanceOf(ItemTooLargeError);
    await expect(t.store.tableAccess.put(row)).rejects.toThrow(/X#1 is \d+ KB, over DynamoDB's 400 KB item limit/);
  });
});
